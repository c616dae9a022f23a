"""The public API of caredesk.care: shapes, bad input, spans, JSON, determinism."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caredesk.care import (
    BEHAVIOURS,
    EFFORT,
    EMOTION_LABELS,
    RISKS,
    SCHEMA_VERSION,
    STAKES,
    CareAnalyzer,
    CustomerSignal,
    Flag,
    ReplyReview,
)


@pytest.fixture(scope="module")
def analyzer() -> CareAnalyzer:
    return CareAnalyzer.default()


def _check_flags(flags: list[Flag], text: str, kinds: tuple[str, ...]) -> None:
    for flag in flags:
        assert flag.kind in kinds
        assert 0 <= flag.start <= flag.end <= len(text)
        assert text[flag.start : flag.end] == flag.text


def _check_signal(signal: CustomerSignal, text: str) -> None:
    assert signal.emotion in EMOTION_LABELS
    assert set(signal.emotions) == set(EMOTION_LABELS)
    assert abs(sum(signal.emotions.values()) - 1.0) < 1e-5
    assert all(0.0 <= p <= 1.0 for p in signal.emotions.values())
    assert 0.0 <= signal.intensity <= 1.0
    _check_flags(signal.stakes, text, STAKES)
    _check_flags(signal.effort, text, EFFORT)


def _check_review(review: ReplyReview, text: str) -> None:
    assert set(review.behaviours) == set(BEHAVIOURS)
    assert set(review.risks) == set(RISKS)
    for name, flags in review.behaviours.items():
        _check_flags(flags, text, (name,))
    for name, flags in review.risks.items():
        _check_flags(flags, text, (name,))
    assert 0 <= review.score <= 100
    assert set(review.needs) <= set(BEHAVIOURS)
    assert set(review.needs.values()) <= {"done", "missing"}


def test_default_is_loaded_once(analyzer: CareAnalyzer) -> None:
    assert CareAnalyzer.default() is analyzer


def test_it_reads_a_customer_message(analyzer: CareAnalyzer) -> None:
    text = "I've called three times and nobody got back to me. My flight is tomorrow!"
    signal = analyzer.read_customer(text)
    _check_signal(signal, text)
    assert "repeat_contact" in signal.effort_kinds
    assert "deadline" in signal.stakes_kinds


def test_a_churn_threat_goes_to_a_person(analyzer: CareAnalyzer) -> None:
    signal = analyzer.read_customer("Fix this or I'm cancelling my subscription.")
    assert signal.needs_person
    assert not analyzer.read_customer("How do I change my delivery address?").needs_person


def test_it_reviews_a_careless_reply(analyzer: CareAnalyzer) -> None:
    signal = analyzer.read_customer("I was charged twice and I can't afford this, please help!!")
    draft = "We apologize for any inconvenience. Per our policy we cannot refund. Please contact your bank."
    review = analyzer.review_reply(draft, customer=signal, history=[])
    _check_review(review, draft)
    assert review.risks["policy_first"] and review.risks["scripted_empathy"]
    assert review.risks["cold_transfer"]
    assert review.needs["takes_ownership"] == "missing"
    assert review.score < 30
    assert review.suggestions


def test_it_scores_a_caring_reply_high(analyzer: CareAnalyzer) -> None:
    signal = analyzer.read_customer(
        "I was charged twice this month and I can't afford it. Really worried."
    )
    draft = (
        "I'm sorry you were charged twice, that's a real worry when money is tight. "
        "I've refunded the duplicate payment and you'll see it back on your card within 3 days. "
        "Does that work for you?"
    )
    review = analyzer.review_reply(draft, customer=signal)
    assert review.needs == {
        "acknowledges_emotion": "done",
        "takes_ownership": "done",
        "clear_next_steps": "done",
    }
    assert review.score >= 90


def test_a_clear_answer_to_a_calm_question_scores_high(analyzer: CareAnalyzer) -> None:
    signal = analyzer.read_customer("How do I reset my password?")
    review = analyzer.review_reply(
        "Go to Settings > Security and tap Reset password; the link arrives by email.",
        customer=signal,
    )
    assert review.needs == {}
    assert review.score == 100


def test_customer_none_means_no_reading(analyzer: CareAnalyzer) -> None:
    review = analyzer.review_reply("Thanks, I've sent the replacement today.", customer=None)
    assert "acknowledges_emotion" not in review.needs


def test_review_accepts_the_customer_text(analyzer: CareAnalyzer) -> None:
    review = analyzer.review_reply("I'll sort it now.", customer="My flight was cancelled!")
    assert "takes_ownership" in review.needs


@pytest.mark.parametrize("bad", [None, b"bytes", 42, ["a list"], 3.5])
def test_bad_input_is_a_type_error(analyzer: CareAnalyzer, bad: object) -> None:
    with pytest.raises(TypeError):
        analyzer.read_customer(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        analyzer.review_reply(bad)  # type: ignore[arg-type]


def test_bad_history_and_customer_are_type_errors(analyzer: CareAnalyzer) -> None:
    with pytest.raises(TypeError):
        analyzer.review_reply("ok", history="one string")
    with pytest.raises(TypeError):
        analyzer.review_reply("ok", history=[None])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        analyzer.review_reply("ok", customer=123)  # type: ignore[arg-type]


def test_control_characters_do_not_move_spans(analyzer: CareAnalyzer) -> None:
    text = "\x00\x07I was charged\x1b twice\x00 and my flight\x0c was cancelled"
    signal = analyzer.read_customer(text)
    _check_signal(signal, text)
    assert "travel" in signal.stakes_kinds


def test_huge_text_is_truncated_with_valid_spans(analyzer: CareAnalyzer) -> None:
    text = "My flight was cancelled. " + "blah " * 300_000
    signal = analyzer.read_customer(text)
    _check_signal(signal, text)
    assert signal.truncated
    assert "travel" in signal.stakes_kinds


def test_to_dict_round_trips_through_json(analyzer: CareAnalyzer) -> None:
    signal = analyzer.read_customer(
        "Third time I'm writing. My mum passed away and I need this closed."
    )
    review = analyzer.review_reply("I'm closing this ticket.", customer=signal, history=["Hi"])
    for result in (signal, review):
        data = result.to_dict()
        assert data["schema_version"] == SCHEMA_VERSION
        assert json.loads(json.dumps(data)) == data


def test_results_are_deterministic(analyzer: CareAnalyzer) -> None:
    text = "I restarted the router twice, still down. Nobody called me back. Cancel my contract!"
    first = analyzer.read_customer(text).to_dict()
    assert all(analyzer.read_customer(text).to_dict() == first for _ in range(3))
    assert analyzer.read_customer_batch([text, "hi"])[0].to_dict() == first


def test_batches_match_single_calls(analyzer: CareAnalyzer) -> None:
    texts = ["Where is my order?", "THIS IS A JOKE!!! refund me", ""]
    batch = analyzer.read_customer_batch(texts)
    assert [s.to_dict() for s in batch] == [analyzer.read_customer(t).to_dict() for t in texts]
    reviews = analyzer.review_reply_batch(
        [("I'll refund it.", batch[1], []), {"draft": "Marking this resolved.", "customer": None}]
    )
    assert reviews[0].behaviours["takes_ownership"]
    assert reviews[1].risks["premature_close"]
    with pytest.raises(TypeError):
        analyzer.review_reply_batch([42])  # type: ignore[list-item]


_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.text())
def test_any_unicode_reads_cleanly(text: str) -> None:
    _check_signal(CareAnalyzer.default().read_customer(text), text)


@_SETTINGS
@given(st.text(), st.lists(st.text(), max_size=3))
def test_any_unicode_reviews_cleanly(text: str, history: list[str]) -> None:
    _check_review(CareAnalyzer.default().review_reply(text, history=history), text)


@_SETTINGS
@given(st.binary(max_size=400))
def test_binary_looking_text_reads_cleanly(blob: bytes) -> None:
    text = blob.decode("latin-1")
    _check_signal(CareAnalyzer.default().read_customer(text), text)
    _check_review(CareAnalyzer.default().review_reply(text), text)


@_SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [
                "I was charged twice",
                "my flight tomorrow",
                " again ",
                "I'll refund you",
                "per our policy",
                "?",
                "!!!",
                "\n",
                "not ",
                "DM us",
                "I noticed you usually shop at 11pm",
                "I'm closing this ticket",
                "é",
                "😡",
            ]
        ),
        max_size=12,
    )
)
def test_spans_hold_on_phrase_soup(parts: list[str]) -> None:
    text = "".join(parts)
    _check_signal(CareAnalyzer.default().read_customer(text), text)
    _check_review(CareAnalyzer.default().review_reply(text, history=[text]), text)


def test_one_megabyte_does_not_crash(analyzer: CareAnalyzer) -> None:
    text = ("I'll refund you today. Per our policy we can't. " * 25_000)[:1_000_000]
    _check_review(analyzer.review_reply(text), text)
    _check_signal(analyzer.read_customer(text), text)
