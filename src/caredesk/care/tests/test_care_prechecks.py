"""The pattern pre-checks (required substrings, case-sensitive twins on folded text) are
pure speed-ups: every pattern must report exactly the matches it reported without them."""

from __future__ import annotations

import gc
import re
from re import _parser
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caredesk.care import CareAnalyzer, rules
from caredesk.care.evaluate import DEVSET_DIR, load_jsonl


def _patterns() -> tuple[list[rules.AnyOf], list[rules.Gated]]:
    CareAnalyzer.default()
    objects = gc.get_objects()
    return (
        [o for o in objects if isinstance(o, rules.AnyOf)],
        [o for o in objects if isinstance(o, rules.Gated)],
    )


def _plain_any(pattern: rules.AnyOf, text: str) -> list[tuple[int, int, tuple[str | None, ...]]]:
    """AnyOf as it was before the pre-checks: key-word candidates, each part run as is."""
    order = pattern._candidates(text, None)
    found = [m for i in order for m in pattern._compiled[i].finditer(text)]
    found.sort(key=lambda m: (m.start(), -m.end()))
    return [(m.start(), m.end(), m.groups()) for m in found]


def _plain_gated(pattern: rules.Gated, text: str) -> list[tuple[int, int, tuple[str | None, ...]]]:
    if not pattern._anchored(text):
        return []
    return [(m.start(), m.end(), m.groups()) for m in pattern.compiled.finditer(text)]


def _check(text: str) -> None:
    anys, gateds = _patterns()
    for pattern in anys:
        expected = _plain_any(pattern, text)
        got = [(m.start(), m.end(), m.groups()) for m in pattern.finditer(text)]
        assert got == expected, pattern.pattern[:80]
        assert pattern.spans(text) == [(s, e) for s, e, _ in expected], pattern.pattern[:80]
        first = pattern.search(text)
        plain_first = min(
            (
                m
                for i in pattern._candidates(text, None)
                if (m := pattern._compiled[i].search(text))
            ),
            key=lambda m: m.start(),
            default=None,
        )
        assert (first and first.span()) == (plain_first and plain_first.span())
    for gated in gateds:
        expected = _plain_gated(gated, text)
        got = [(m.start(), m.end(), m.groups()) for m in gated.finditer(text)]
        assert got == expected, gated.pattern[:80]
        assert gated.spans(text) == [(s, e) for s, e, _ in expected], gated.pattern[:80]
        found = gated.search(text)
        if expected:
            assert found is not None and (found.start(), found.end(), found.groups()) == expected[0]
        else:
            assert found is None


def test_twins_cover_almost_every_pattern() -> None:
    anys, gateds = _patterns()
    parts = [any_of._part(i) for any_of in anys for i in range(len(any_of._compiled))]
    parts += [gated._checks for gated in gateds]
    assert sum(exact is not None for _, _, exact in parts) >= 0.95 * len(parts)


def test_devset_texts_match_as_before() -> None:
    texts = [row["text"] for row in load_jsonl(DEVSET_DIR / "replies.jsonl")][::4]
    texts += [row["text"] for row in load_jsonl(DEVSET_DIR / "customer.jsonl")][::4]
    for text in texts:
        _check(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "İ'm SORRY — ſo sorry, ı will call you at 5PM on the 3rd. KELVIN \u212a",
        "I'LL CALL YOU TOMORROW BY 5PM. PLEASE CONTACT YOUR BANK!",
        "Ǆ ǅ ǆ ΣΑΣ straße ﬁx É É 😡 ’ “quoted” — done…",
        "we'll refund you\nyou'll get it\r\non Monday\x0b",
    ],
)
def test_case_traps_and_unicode_match_as_before(text: str) -> None:
    _check(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "I'm so sorry",
                    "I'LL",
                    "call",
                    "Contact your bank",
                    "5pm",
                    "on the 3rd",
                    "İ",
                    "ı",
                    "ſ",
                    "K",
                    "we've",
                    "tomorrow",
                    ". ",
                    "? ",
                    "\n",
                ]
            ),
            st.text(max_size=8),
        ),
        max_size=12,
    ).map(" ".join)
)
def test_random_texts_match_as_before(text: str) -> None:
    _check(text)


def test_filter_twin_only_widens() -> None:
    # A trimmed filter finds the tail of each match: "on the 5th" -> "the 5th".
    compiled = re.compile(
        rules.flexible_spaces(r"\b(?:(?:on )?the \d{1,2}(?:st|nd|rd|th))(?!\w)"), re.I
    )
    _, twin, exact = rules.prepare_pattern(compiled)
    assert twin is not None and exact is not None
    assert twin.search("see you on the 5th") is not None
    assert exact.search("see you on the 5th").span() == compiled.search("see you on the 5th").span()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("pattern", "texts"),
    [
        # A later literal ("on") is searched first, then the whole pattern trimmed.
        (
            r"\b(?:(?:that's|that is|this is|it's) on (?:us|me))(?!\w)",
            ["That's on us, sorry.", "it's   on me", "this is on hold", "on us"],
        ),
        # A leading branch whose alternatives start with groups is multiplied out.
        (
            r"\b(?:(?:you(?:'ll| will)? (?:need|have) to|please|try) (?:contact|call) "
            r"(?:your|the) bank)(?!\w)",
            ["You'll need to contact your bank.", "Please call the bank", "try calling the bank"],
        ),
    ],
)
def test_probes_and_multiplied_branches_only_widen(pattern: str, texts: list[str]) -> None:
    compiled = re.compile(rules.flexible_spaces(pattern), re.IGNORECASE)
    _, twin, exact = rules.prepare_pattern(compiled)
    assert twin is not None and exact is not None and twin is not exact
    for text in texts:
        expected = [m.span() for m in compiled.finditer(text)]
        assert [m.span() for m in exact.finditer(text.lower())] == expected
        if expected:
            assert twin.search(text.lower()) is not None


def test_prepare_builds_every_patterns_prechecks_and_changes_no_reading() -> None:
    analyzer = CareAnalyzer.default()
    texts = [
        "I've called three times and my flight to the wedding is on Saturday!!",
        "We're three months behind on the water and I'm scared to open the post.",
    ]
    before = [analyzer.read_customer(t).to_dict() for t in texts]
    review_before = analyzer.review_reply(
        "Per our policy we can't refund. Anything else?"
    ).to_dict()
    assert CareAnalyzer.prepare() is analyzer
    assert all(part is not None for any_of in rules._ALL_ANY_OF for part in any_of._prepared)
    assert rules.prepare_all() == 0
    assert [analyzer.read_customer(t).to_dict() for t in texts] == before
    assert analyzer.review_reply("Per our policy we can't refund. Anything else?").to_dict() == (
        review_before
    )


def test_a_part_may_start_with_a_symbol_or_an_apostrophe() -> None:
    """A leading "£" needs no letter before it; a leading "'s" still attaches to its word."""
    money = rules.compile_any([r"(?:£|\$|€)[\d,.]+ (?:has )?gone"])
    assert rules.spans(money, "and now £3,400 has gone") == [(8, 23)]
    assert rules.spans(money, "x£3 gone") == []
    # A start that mixes a symbol with a class ("£" or a digit) is not a word start either.
    amount = rules.compile_any([r"(?:£|\d)[\d,.]* (?:still )?came out"])
    assert rules.spans(amount, "and £39.99 still came out") == [(4, 25)]
    assert rules.spans(amount, "then 40 came out") == [(5, 16)]
    assert rules.spans(amount, "ab39 came out") == []
    contraction = rules.compile_any([r"(?:'s|is) not possible"])
    assert rules.spans(contraction, "I'm afraid it's not possible") == [(13, 28)]


def _can_end_on(items: list[tuple[Any, Any]], unit: object, *, bounded: bool) -> bool:
    """Whether a parsed pattern may end on ``unit`` (a character category or code): on a
    fixed number of digits (``bounded``), or on at least one space."""
    if not items:
        return False
    op, av = items[-1]
    if op is _parser.SUBPATTERN:
        return _can_end_on(list(av[-1]), unit, bounded=bounded)
    if op is _parser.BRANCH:
        return any(_can_end_on(list(b), unit, bounded=bounded) for b in av[1])
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT):
        least, most, sub = av
        if bounded and most == _parser.MAXREPEAT:
            return False
        if not bounded and least == 0:
            return False
        return _can_end_on(list(sub), unit, bounded=bounded)
    if op is _parser.IN:
        return any(o is _parser.CATEGORY and a is unit for o, a in av)
    return bool(op is _parser.LITERAL and av == unit)


def test_no_part_ends_where_the_word_end_check_always_fails() -> None:
    """Every part is followed by a word-end check. A part that must end on a space can
    never match before a word, and one that ends on a fixed number of digits (``\\d``,
    ``\\d{1,2}``) never matches "10 days", "the 12th" or "5pm"."""
    anys, _ = _patterns()
    offenders = []
    for pattern in anys:
        for compiled in pattern._compiled:
            source = (
                compiled._source if isinstance(compiled, rules._Uncompiled) else compiled.pattern
            )
            inner = source[source.index("(?:") : -len(r"(?!\w)")]
            items = list(_parser.parse(inner, rules.FLAGS))
            if (
                _can_end_on(items, _parser.CATEGORY_DIGIT, bounded=True)
                or _can_end_on(items, _parser.CATEGORY_SPACE, bounded=False)
                or _can_end_on(items, ord(" "), bounded=False)
            ):
                offenders.append(inner)
    assert offenders == []
    analyzer = CareAnalyzer.default()
    review = analyzer.review_reply("Please allow 10 working days for the refund.")
    assert review.risks["policy_first"]
    review = analyzer.review_reply("Your refund will reach your card on June 12th.")
    assert review.behaviours["clear_next_steps"]
    signal = analyzer.read_customer("I reported it on the 4th and the 12th, nothing since.")
    assert "repeat_contact" in signal.effort_kinds
    signal = analyzer.read_customer("I already gave the bank details to your colleague.")
    assert "repeat_contact" in signal.effort_kinds


def _present_by_substrings(lowered: str) -> set[str]:
    """The key words of a text as the index defines them: word-start anchors by the
    prefixes of its words, mid-word anchors wherever they occur as substrings."""
    index = rules._ANCHORS
    found: set[str] = set()
    for token in set(rules._TOKEN.findall(lowered)):
        if token in rules._SHORT_KEYS:
            found.add(token)
        found.update(
            token[:end]
            for end in range(3, min(len(token), index._max) + 1)
            if token[:end] in index._starts
        )
    return found | {word for word in index._inner if word[1:] in lowered}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["don't", "we'll", "a&e", "c-section", "calling", "fallen", "live?", "’ll", "İ"]
            ),
            st.text(max_size=10),
        ),
        max_size=10,
    ).map(" ".join)
)
def test_mid_word_anchors_found_word_by_word_match_substrings(text: str) -> None:
    """Mid-word anchors of letters and digits are looked up through each word's memo;
    the result must be the one a substring scan of the whole text gives."""
    CareAnalyzer.default()
    lowered = text.lower()
    rules._ANCHORS._cache.pop(lowered, None)
    assert rules._ANCHORS.present(lowered) == _present_by_substrings(lowered)


def test_alternatives_split_only_the_top_level() -> None:
    assert rules.alternatives(r"(?:a|b(?:c|d)|[|(]x|\(y|z\))") == [
        "a",
        "b(?:c|d)",
        "[|(]x",
        r"\(y",
        r"z\)",
    ]
    assert rules.alternatives(r"(?:[]|]a|b)") == ["[]|]a", "b"]
    with pytest.raises(ValueError):
        rules.alternatives("a|b")
    with pytest.raises(ValueError):
        rules.alternatives("(?:a|(b)")


def test_leftmost_longest_keeps_spans_that_do_not_overlap() -> None:
    found = [(0, 5), (0, 3), (2, 6), (5, 7), (9, 10)]
    assert rules.leftmost_longest(found) == [(0, 5), (5, 7), (9, 10)]
    parts = rules.compile_any(rules.alternatives(r"(?:moving|moving day|day)"))
    text = "our moving day is Friday"
    assert rules.leftmost_longest(rules.spans(parts, text)) == [(4, 14)]
