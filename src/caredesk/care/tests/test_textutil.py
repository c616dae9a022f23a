"""The text helpers every reader uses stay linear on long messages and give the answers
of their plain definitions."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from caredesk.care.results import Flag
from caredesk.care.textutil import (
    _CLAUSE_BREAK,
    MAX_SENTENCE_CHARS,
    Sentence,
    clause_prefix,
    dedupe,
    sentence_at,
    sentences,
)


def _sentence_at_plain(sents: list[Sentence], pos: int) -> Sentence:
    for sent in sents:
        if sent.start <= pos < sent.end:
            return sent
    return sents[-1] if sents else Sentence(0, 0, "")


def _clause_prefix_plain(sent: Sentence, pos: int, reach: int) -> str:
    prefix = sent.text[: max(0, pos - sent.start)]
    last = 0
    for match in _CLAUSE_BREAK.finditer(prefix):
        last = match.end()
    return prefix[last:][-reach:]


def _dedupe_plain(flags: list[Flag]) -> list[Flag]:
    flags = sorted(flags, key=lambda f: (f.start, -(f.end - f.start), f.kind))
    kept: list[Flag] = []
    for flag in flags:
        if any(k.kind == flag.kind and k.start <= flag.start and flag.end <= k.end for k in kept):
            continue
        kept.append(flag)
    return kept


_PIECES = st.sampled_from(
    ["we", "but", "and", "because", "so", "then", ",", ";", ":", " - ", " — ", ".", "!", "?",
     "\n", "not", "again", "xbut", "butter", "sandwich", "I", "it's", " ", "  "]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=80).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.integers(min_value=0, max_value=400), st.integers(min_value=1, max_value=90))
def test_sentence_at_and_clause_prefix_match_their_plain_definitions(
    text: str, pos: int, reach: int
) -> None:
    sents = sentences(text)
    sent = sentence_at(sents, pos)
    assert sent == _sentence_at_plain(sents, pos)
    assert clause_prefix(sent, pos, reach=reach) == _clause_prefix_plain(sent, pos, reach)


_FLAGS = st.lists(
    st.tuples(
        st.sampled_from(["health", "safety", "deadline"]),
        st.integers(min_value=0, max_value=60),
        st.integers(min_value=0, max_value=30),
    ).map(lambda t: Flag(t[0], t[1], t[1] + t[2], "x" * t[2])),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(_FLAGS)
def test_dedupe_matches_its_plain_definition(flags: list[Flag]) -> None:
    assert dedupe(flags) == _dedupe_plain(flags)


def test_a_long_message_full_of_flags_is_read_and_reviewed() -> None:
    from caredesk.care import CareAnalyzer

    analyzer = CareAnalyzer.default()
    text = "My mum has dementia and was sold a contract on the doorstep " * 1500
    assert "safety" in analyzer.read_customer(text).stakes_kinds
    review = analyzer.review_reply("I can refund it or I can replace it, " * 2500)
    options = review.behaviours["offers_options"]
    assert options and all(text_of.text for text_of in options)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(["word", "sorry", "x" * 700, "", "  ", ".", "!", "\n"]), max_size=40)
)
def test_a_run_on_sentence_is_cut_into_bounded_pieces_that_keep_their_offsets(
    parts: list[str],
) -> None:
    text = " ".join(parts)
    sents = sentences(text)
    for sent in sents:
        assert 0 < len(sent.text) <= MAX_SENTENCE_CHARS
        assert text[sent.start : sent.end] == sent.text
        # (A blank message is one blank sentence, as before.)
        assert sent.text.strip() or sents == [Sentence(0, len(text), text)]
    assert all(a.end <= b.start for a, b in itertools.pairwise(sents))
    # Nothing but blanks and end marks is lost between the pieces.
    covered = "".join(text[a.end : b.start] for a, b in itertools.pairwise(sents))
    assert not covered.strip(" .!?\n")


def test_a_long_message_without_a_full_stop_is_cut_at_spaces() -> None:
    text = "we're sorry your flight was cancelled " * 100
    sents = sentences(text)
    assert len(sents) > 1
    assert all(s.text.endswith(" ") for s in sents[:-1])
    assert "".join(s.text for s in sents) == text
    # A sentence of ordinary length is one piece.
    assert sentences("Sorry about the wait, it has been a long week.") == [
        Sentence(0, 46, "Sorry about the wait, it has been a long week.")
    ]
