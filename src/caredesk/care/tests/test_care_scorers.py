"""The learned label scorers beside the pattern layers."""

from __future__ import annotations

import dataclasses
import functools
import json
import pathlib
import shutil
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caredesk.care import CareAnalyzer
from caredesk.care.emotion import (
    MODEL_DIR,
    VOCAB_FILE,
    WEIGHTS_FILE,
    EmotionModel,
    encode,
    feature_strings,
    tokenize,
)
from caredesk.care.evaluate import DEVSET_DIR, load_jsonl
from caredesk.care.labels import BEHAVIOURS, EFFORT, RISKS, STAKES
from caredesk.care.scorers import LABELS_FILE, FeatureRows, LabelScorer, ScorerSet, Verdict
from caredesk.care.textutil import sentences


@pytest.fixture(scope="module")
def scorer() -> LabelScorer:
    loaded = LabelScorer.load()
    assert loaded is not None, "the package ships models/labels.npz"
    return loaded


def test_the_shipped_scorers_cover_every_label(scorer: LabelScorer) -> None:
    customer = scorer.group("customer")
    reply = scorer.group("reply")
    assert customer is not None and reply is not None
    assert customer.names == (*STAKES, *EFFORT)
    assert reply.names == (*BEHAVIOURS, *RISKS)
    # A label either has a usable threshold or is switched off; never NaN.
    assert not np.isnan(customer.cuts).any() and not np.isnan(reply.cuts).any()
    assert np.isfinite(customer.cuts).any() and np.isfinite(reply.cuts).any()


def test_the_shipped_vetoes_sit_under_their_thresholds(scorer: LabelScorer) -> None:
    for name in ("customer", "reply"):
        group = scorer.group(name)
        assert group is not None and group.vetoes is not None
        assert not np.isnan(group.vetoes).any()
        assert (group.vetoes <= group.cuts).all()
    reply = scorer.group("reply")
    assert reply is not None and reply.vetoes is not None
    # Scripted empathy may come from the agent's history, which the scorer never reads.
    assert reply.vetoes[reply.names.index("scripted_empathy")] == -np.inf


def _vetoing(shipped: LabelScorer, group: str, kind: str) -> LabelScorer:
    """The shipped vocabulary with one group whose scorer vetoes ``kind`` everywhere."""
    names = (*STAKES, *EFFORT) if group == "customer" else (*BEHAVIOURS, *RISKS)
    bias = np.zeros(len(names), dtype=np.float32)
    bias[names.index(kind)] = -10.0
    vetoes = np.full(len(names), -np.inf, dtype=np.float32)
    vetoes[names.index(kind)] = -5.0
    table = np.zeros((len(shipped._vocab), len(names)), dtype=np.float32)
    cuts = np.full(len(names), np.inf, dtype=np.float32)
    return LabelScorer(shipped._vocab, {group: ScorerSet(names, table, bias, cuts, vetoes=vetoes)})


def test_a_veto_drops_the_patterns_flag_and_nothing_else(scorer: LabelScorer) -> None:
    model = EmotionModel.load()
    text = "My flight home was cancelled, I'm stranded, and this is the third time I've written."
    plain = CareAnalyzer(model, label_scorer=None).read_customer(text)
    assert {"travel", "repeat_contact"} <= set(plain.stakes_kinds) | set(plain.effort_kinds)
    vetoed = CareAnalyzer(model, _vetoing(scorer, "customer", "travel")).read_customer(text)
    assert "travel" not in vetoed.stakes_kinds
    assert vetoed.effort == plain.effort
    assert [f for f in vetoed.stakes if f.kind != "travel"] == [
        f for f in plain.stakes if f.kind != "travel"
    ]

    draft = (
        "I'm sorry your parcel went missing on the way to your new flat. I've sent a "
        "replacement by tracked courier today, and it should reach you by Thursday afternoon."
    )
    before = CareAnalyzer(model, label_scorer=None).review_reply(draft)
    assert before.behaviours["takes_ownership"]
    analyzer = CareAnalyzer(model, _vetoing(scorer, "reply", "takes_ownership"))
    after = analyzer.review_reply(draft)
    assert after.behaviours["takes_ownership"] == []
    assert after.risks == before.risks
    assert analyzer.review_reply_batch([(draft, None, [])])[0].to_dict() == after.to_dict()
    # A line or two is too little for the scorer to rule a label out: no veto there.
    short = "I've sent a replacement today."
    assert analyzer.review_reply(short).behaviours["takes_ownership"]


def test_a_veto_needs_a_message_long_enough(scorer: LabelScorer) -> None:
    vetoing = _vetoing(scorer, "customer", "travel")
    short, long = "My flight was cancelled.", "My flight was cancelled. " * 10
    assert vetoing.read("customer", short).doubted == frozenset()
    assert vetoing.read("customer", long).doubted == {"travel"}
    encoded = EmotionModel.load().encode([short, long])
    assert vetoing.read_encoded("customer", encoded) == [
        vetoing.read("customer", short),
        vetoing.read("customer", long),
    ]


def test_probabilities_are_probabilities(scorer: LabelScorer) -> None:
    texts = ["", "My flight was cancelled and I'm stuck in Lisbon", "x" * 5000]
    probs = scorer.probabilities("customer", texts)
    assert probs.shape == (3, len(STAKES) + len(EFFORT))
    assert ((probs >= 0) & (probs <= 1)).all()


def test_evidence_is_a_sentence_of_the_message(scorer: LabelScorer) -> None:
    text = "Hello there. My flight home was cancelled and I'm stranded at the airport. Thanks."
    flag = scorer.evidence("customer", "travel", text, sentences(text))
    assert flag is not None
    assert flag.kind == "travel"
    assert text[flag.start : flag.end] == flag.text
    assert "stranded" in flag.text


def test_evidence_of_an_empty_message_is_none(scorer: LabelScorer) -> None:
    assert scorer.evidence("customer", "travel", "   ", sentences("   ")) is None


def test_the_scorer_only_adds_labels_to_the_patterns(scorer: LabelScorer) -> None:
    patterns = CareAnalyzer(EmotionModel.load(), None)
    both = CareAnalyzer(EmotionModel.load(), scorer)
    texts = [
        "I've been passed from one department to the next all week and told the story each time.",
        "How do I change my password?",
        "The lift in our block has been stuck between floors twice with my kids inside.",
    ]
    for text in texts:
        alone, combined = patterns.read_customer(text), both.read_customer(text)
        assert set(alone.stakes_kinds) <= set(combined.stakes_kinds)
        assert set(alone.effort_kinds) <= set(combined.effort_kinds)
        # Pattern flags are kept as they were; learned ones come after them.
        assert combined.stakes[: len(alone.stakes)] == alone.stakes
        assert combined.effort[: len(alone.effort)] == alone.effort
        assert alone.emotions == combined.emotions
    assert both.read_customer("How do I change my password?").stakes == []


def test_a_learned_premature_close_is_dropped_once_the_customer_confirmed(
    scorer: LabelScorer,
) -> None:
    analyzer = CareAnalyzer(EmotionModel.load(), scorer)
    draft = "Glad that sorted it. I'll mark this one as done on our side now."
    confirmed = analyzer.read_customer("That worked, thank you!")
    assert confirmed.confirms_fix
    review = analyzer.review_reply(draft, customer=confirmed)
    assert not review.risks["premature_close"]


def test_scorers_from_another_vocabulary_are_refused(tmp_path: pathlib.Path) -> None:
    for name in (WEIGHTS_FILE, VOCAB_FILE, LABELS_FILE):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    names = json.loads((tmp_path / VOCAB_FILE).read_text(encoding="utf-8"))
    names[0], names[1] = names[1], names[0]
    (tmp_path / VOCAB_FILE).write_text(json.dumps(names), encoding="utf-8")
    with pytest.raises(ValueError, match="another vocabulary"):
        LabelScorer.load(tmp_path)


def test_a_folder_without_scorers_gives_none(tmp_path: pathlib.Path) -> None:
    for name in (WEIGHTS_FILE, VOCAB_FILE):
        shutil.copy(MODEL_DIR / name, tmp_path / name)
    assert LabelScorer.load(tmp_path) is None


def test_the_default_analyzer_uses_the_shipped_scorers() -> None:
    analyzer = CareAnalyzer.default()
    assert analyzer.label_scorer is not None
    text = "Third message this week and nobody has answered. Cancel everything."
    assert analyzer.read_customer(text).to_dict() == analyzer.read_customer(text).to_dict()


def _own_vocabulary_scorer(table: list[list[float]]) -> LabelScorer:
    group = ScorerSet(
        names=("quick",),
        table=np.asarray(table, dtype=np.float32),
        bias=np.zeros(1, dtype=np.float32),
        cuts=np.asarray([1.0], dtype=np.float32),
        vocab={"refund": 0, "today": 1},
    )
    return LabelScorer({"sorry": 0, "refund": 1, "today": 2}, {"reply": group})


def test_a_group_with_its_own_vocabulary_reads_with_it() -> None:
    scorer = _own_vocabulary_scorer([[0.0], [4.0]])
    # "refund" and "today" are rows 0 and 1 of the group's own table: 4 / sqrt(2) >= 1.
    assert scorer.fired("reply", "Refund today") == ["quick"]
    assert scorer.fired("reply", "Refund") == []
    # "sorry" is not in the group's vocabulary: 4 / sqrt(1).
    assert scorer.fired("reply", "Sorry, today") == ["quick"]
    logits = scorer.logits("reply", ["Refund today", "nothing known"])
    assert logits[0, 0] == pytest.approx(4 / np.sqrt(2)) and logits[1, 0] == 0
    assert not scorer.shares_encoding("reply")
    with pytest.raises(ValueError, match="own vocabulary"):
        scorer.fired_encoded("reply", encode(["Refund today"], {"refund": 0}))


def test_a_table_that_does_not_fit_its_vocabulary_is_refused() -> None:
    with pytest.raises(ValueError, match="expected"):
        _own_vocabulary_scorer([[0.0], [4.0], [1.0]])


def test_vetoes_that_do_not_fit_the_labels_are_refused() -> None:
    group = ScorerSet(
        names=("quick",),
        table=np.zeros((2, 1), dtype=np.float32),
        bias=np.zeros(1, dtype=np.float32),
        cuts=np.asarray([1.0], dtype=np.float32),
        vetoes=np.asarray([-1.0, -2.0], dtype=np.float32),
        vocab={"refund": 0, "today": 1},
    )
    with pytest.raises(ValueError, match="vetoes of shape"):
        LabelScorer({"sorry": 0}, {"reply": group})


_VOCAB = {"my": 0, "refund": 1, "my refund": 2, "~refun": 3, "late": 4, "is late": 5, "0": 6}
_WORDS = ["my", "refund", "refunded", "is", "late", "0", "?", "Zürich", "don't", "x"]


def _plain_rows(vocab: dict[str, int], tokens: list[str]) -> list[int]:
    return [i for i in map(vocab.get, feature_strings(tokens)) if i is not None]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=12), min_size=1, max_size=6))
def test_remembered_feature_rows_are_the_rows_of_the_feature_strings(
    messages: list[list[str]],
) -> None:
    rows = FeatureRows(_VOCAB)
    # Several messages through one memo: earlier ones must not change later answers.
    for tokens in messages:
        assert rows.rows(tokens) == _plain_rows(_VOCAB, tokens)


def test_feature_rows_match_on_the_shipped_vocabulary(scorer: LabelScorer) -> None:
    vocab = scorer._vocab
    rows = FeatureRows(vocab)
    texts = [row["text"] for row in load_jsonl(DEVSET_DIR / "replies.jsonl")]
    for text in texts + texts:  # the second pass reads from the memos
        tokens = tokenize(text)
        assert rows.rows(tokens) == _plain_rows(vocab, tokens)


def test_feature_rows_start_afresh_when_the_memo_is_full(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("caredesk.care.scorers._MEMO_LIMIT", 2)
    rows = FeatureRows(_VOCAB)
    tokens = ["my", "refund", "is", "late", "refunded", "my", "refund"]
    for _ in range(3):
        assert rows.rows(tokens) == _plain_rows(_VOCAB, tokens)
    assert len(rows._tokens) <= 2 and len(rows._pairs) <= 2


@functools.cache
def _emotion_model() -> EmotionModel:
    return EmotionModel.load()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=6))
def test_fired_many_is_fired_one_at_a_time(texts: list[str]) -> None:
    scorer = LabelScorer.load()
    assert scorer is not None
    for group, name in (("reply", "replies.jsonl"), ("customer", "customer.jsonl")):
        rows = [row["text"] for row in load_jsonl(DEVSET_DIR / name)[:40]]
        for batch in (texts, rows, ["", "   ", *rows[:3]]):
            assert scorer.fired_many(group, batch) == [scorer.fired(group, t) for t in batch]
            verdicts = scorer.read_many(group, batch)
            assert verdicts == [scorer.read(group, t) for t in batch]
            assert all(isinstance(v, Verdict) and not set(v.added) & v.doubted for v in verdicts)
            if group == "customer":
                # The emotion model's encoding of the batch gives the same verdicts.
                encoded = _emotion_model().encode(batch)
                assert scorer.read_encoded(group, encoded) == verdicts


def test_a_batch_of_reviews_is_the_reviews_one_at_a_time() -> None:
    analyzer = CareAnalyzer.default()
    rows = load_jsonl(DEVSET_DIR / "replies.jsonl")[:120]
    signals = analyzer.read_customer_batch([str(row["customer_text"]) for row in rows])
    items = [
        (str(row["text"]), signal, row.get("history") or [])
        for row, signal in zip(rows, signals, strict=True)
    ]
    batch = analyzer.review_reply_batch(items)
    singles = [analyzer.review_reply(d, customer=c, history=h) for d, c, h in items]
    assert [r.to_dict() for r in batch] == [r.to_dict() for r in singles]
    assert analyzer.review_reply_batch([]) == []
    with pytest.raises(TypeError):
        analyzer.review_reply_batch([("fine", None, []), (b"bytes", None, [])])  # type: ignore[list-item]


def _hidden_scorer(unknown_row: float = 0.0) -> LabelScorer:
    """Two hidden units over a table that keeps two of four features ("refund" and
    "today"); "sorry" and "late" read the zero row after them."""
    group = ScorerSet(
        names=("quick", "slow"),
        table=np.asarray([[1.0, -2.0], [3.0, 0.5], [unknown_row, 0.0]], dtype=np.float16),
        bias=np.asarray([-1.0, 0.5], dtype=np.float32),
        cuts=np.asarray([0.0, 0.0], dtype=np.float32),
        rows=np.asarray([2, 0, 2, 1]),
        hidden_bias=np.asarray([0.0, 0.25], dtype=np.float32),
        out=np.asarray([[1.0, -1.0], [2.0, 1.0]], dtype=np.float32),
    )
    return LabelScorer({"sorry": 0, "refund": 1, "late": 2, "today": 3}, {"customer": group})


def _by_hand(pooled: list[float]) -> list[float]:
    hidden = np.maximum(np.asarray(pooled) + np.asarray([0.0, 0.25]), 0.0)
    logits = hidden @ np.asarray([[1.0, -1.0], [2.0, 1.0]]) + np.asarray([-1.0, 0.5])
    return [float(x) for x in logits]


def test_a_hidden_layer_reads_relu_of_the_pooled_rows() -> None:
    scorer = _hidden_scorer()
    texts = ["Refund today", "sorry, late", "refund", "", "Sorry refund late today"]
    expected = [
        _by_hand([(1 + 3) / np.sqrt(2), (-2 + 0.5) / np.sqrt(2)]),
        _by_hand([0.0, 0.0]),  # only features the table does not keep
        _by_hand([1.0, -2.0]),
        _by_hand([0.0, 0.0]),
        _by_hand([(1 + 3) / 2, (-2 + 0.5) / 2]),  # four features hit, two of them kept
    ]
    logits = scorer.logits("customer", texts)
    assert logits == pytest.approx(np.asarray(expected), abs=1e-5)
    # Every way in gives the same verdicts: one at a time, a batch, and a shared encoding.
    singles = [scorer.read("customer", text) for text in texts]
    assert scorer.read_many("customer", texts) == singles
    encoded = encode(texts, scorer._vocab, with_dense=False)
    assert scorer.read_encoded("customer", encoded) == singles
    assert [list(v.added) for v in singles] == [
        [name for name, value in zip(("quick", "slow"), row, strict=True) if value >= 0]
        for row in expected
    ]


def test_a_hidden_layer_that_does_not_fit_is_refused() -> None:
    vocab = {"sorry": 0, "refund": 1, "late": 2, "today": 3}
    with pytest.raises(ValueError, match="not zero"):
        _hidden_scorer(unknown_row=1.0)
    group = _hidden_scorer()._groups["customer"]
    broken: dict[str, dict[str, Any]] = {
        "half a hidden layer": {"out": None},
        "hidden_bias of shape": {"hidden_bias": np.zeros(3, dtype=np.float32)},
        "out of shape": {"out": np.zeros((2, 3), dtype=np.float32)},
        "maps": {"rows": np.asarray([0, 1, 2])},
        "expected": {"table": np.zeros((4, 2), dtype=np.float16)},
    }
    for message, change in broken.items():
        with pytest.raises(ValueError, match=message):
            LabelScorer(vocab, {"customer": dataclasses.replace(group, **change)})


def test_a_labels_file_with_a_hidden_layer_loads_and_reads(tmp_path: pathlib.Path) -> None:
    names = json.loads((MODEL_DIR / VOCAB_FILE).read_text(encoding="utf-8"))
    with np.load(MODEL_DIR / LABELS_FILE) as data:
        arrays = {key: data[key] for key in data.files}
    vocab = {name: i for i, name in enumerate(names)}
    kept = np.asarray(sorted([vocab["refund"], vocab["cancelled"], vocab["flight"]]))
    rng = np.random.default_rng(0)
    labels = len(arrays["reply_names"])
    for key in [k for k in arrays if k.startswith("reply_")]:
        if key not in ("reply_names", "reply_cuts", "reply_vetoes"):
            del arrays[key]
    arrays |= {
        "reply_rows": kept.astype(np.int32),
        "reply_table": rng.normal(size=(3, 4)).astype(np.float16),
        "reply_hidden_bias": rng.normal(size=4).astype(np.float32),
        "reply_out": rng.normal(size=(4, labels)).astype(np.float32),
        "reply_bias": rng.normal(size=labels).astype(np.float32),
    }
    np.savez(tmp_path / LABELS_FILE, **arrays)
    loaded = LabelScorer.load(tmp_path / LABELS_FILE)
    assert loaded is not None
    text = "My flight was cancelled and I want a refund."
    hits = [vocab[f] for f in feature_strings(tokenize(text)) if f in vocab]
    table = {
        int(i): row for i, row in zip(kept, arrays["reply_table"].astype(np.float32), strict=True)
    }
    pooled = sum(table.get(i, np.zeros(4)) for i in hits) / np.sqrt(len(hits))
    hidden = np.maximum(pooled + arrays["reply_hidden_bias"], 0.0)
    expected = hidden @ arrays["reply_out"] + arrays["reply_bias"]
    assert loaded.logits("reply", [text])[0] == pytest.approx(expected, abs=1e-4)
    arrays["reply_rows"] = np.asarray([len(names)], dtype=np.int32)
    np.savez(tmp_path / LABELS_FILE, **arrays)
    with pytest.raises(ValueError, match="names features it has not"):
        LabelScorer.load(tmp_path / LABELS_FILE)


def test_the_shipped_models_fit_their_size_budget() -> None:
    # The budget for everything shipped inside the package: under 30 MB.
    total = sum(path.stat().st_size for path in MODEL_DIR.iterdir() if path.is_file())
    assert total < 30 * 1024 * 1024


def test_the_shipped_customer_network_reads_each_feature_once(scorer: LabelScorer) -> None:
    customer = scorer.group("customer")
    assert customer is not None and customer.out is not None and customer.unique
    text = "The courier left my parcel at the wrong house and nobody has called me back."
    # Saying it three times is not three times the evidence: the reading stays the same.
    once = scorer.read("customer", text + " " + text)
    assert scorer.read("customer", " ".join([text] * 3)) == once
    assert scorer.read("customer", " ".join([text] * 10)) == once


def test_a_regression_can_read_each_feature_once() -> None:
    group = ScorerSet(
        names=("quick",),
        table=np.asarray([[1.0], [4.0]], dtype=np.float32),
        bias=np.zeros(1, dtype=np.float32),
        cuts=np.asarray([3.0], dtype=np.float32),
        vocab={"refund": 0, "today": 1},
        unique=True,
    )
    scorer = LabelScorer({"sorry": 0, "refund": 1, "today": 2}, {"reply": group})
    texts = ["Refund today", "refund refund today today today", "today", "refund"]
    logits = scorer.logits("reply", texts)
    # Each feature once, divided by sqrt(the features read): (1 + 4) / sqrt(2), 4, 1.
    expected = [5 / np.sqrt(2), 5 / np.sqrt(2), 4.0, 1.0]
    assert logits[:, 0].tolist() == pytest.approx(expected)
    assert scorer.read_many("reply", texts) == [scorer.read("reply", t) for t in texts]
    assert [scorer.fired("reply", t) for t in texts] == [["quick"], ["quick"], ["quick"], []]


def test_the_shipped_reply_scorers_read_each_feature_once(scorer: LabelScorer) -> None:
    reply = scorer.group("reply")
    assert reply is not None and reply.out is None and reply.unique
    text = (
        "I'm so sorry the refund still hasn't reached you after three weeks. I've issued it "
        "again today as a faster payment, so it will be in your account by Friday."
    )
    # Said twice, the features are those of any longer repetition (the join adds its
    # own pair of words once); the reading stays the same however often it is said.
    twice = scorer.read("reply", text + " " + text)
    for times in (3, 10, 40):
        assert scorer.read("reply", " ".join([text] * times)) == twice
