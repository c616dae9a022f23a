"""A tiny rule engine: compiled patterns plus the clause checks the rubric asks for."""

from __future__ import annotations

import re
import re._compiler as _compiler  # type: ignore[import-not-found]  # no stub; stable since 3.11
import re._parser as _parser  # type: ignore[import-not-found]  # no stub; stable since 3.11
import threading
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, compress
from typing import Any, Protocol, cast

from caredesk.care.results import Flag
from caredesk.care.textutil import (
    Sentence,
    clause_prefix,
    hypothetical,
    make_flag,
    negated,
    sentence_at,
)

FLAGS = re.IGNORECASE


def flexible_spaces(pattern: str) -> str:
    """Let a literal space in a pattern match any run of whitespace (outside [...] classes).

    Real messages carry double spaces, line breaks and blanked control characters.
    " ?" and " *" (an optional space) become ``\\s*``; any other space becomes ``\\s+``.
    """
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index : index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        if char == " " and not in_class:
            following = pattern[index + 1 : index + 2]
            if following in ("?", "*"):
                out.append(r"\s*")
                index += 2
                continue
            out.append(r"\s+")
        else:
            out.append(char)
        index += 1
    return "".join(out)


MID_WORD = "\x00"  # marks an anchor that may start inside a word
# Two-letter key words rare enough to be worth a lookup.
_SHORT_KEYS = frozenset(["dm", "pm", "gp", "ip", "co", "er", "dd"])
# Words in nearly every support message make poor gates; any other anchor is preferred.
_COMMON = frozenset(
    [
        "you",
        "your",
        "the",
        "and",
        "our",
        "for",
        "can",
        "will",
        "i'll",
        "we'll",
        "i've",
        "we've",
        "this",
        "that",
        "with",
        "have",
        "are",
        "was",
        "not",
        "it's",
        "i'm",
        "we're",
        "you're",
        "you'll",
        "please",
        "thanks",
        "thank",
        "sorry",
        "just",
        "all",
        "get",
        "got",
        "has",
        "had",
        "been",
        "would",
        "could",
        "should",
        "let",
        "know",
        "here",
        "there",
        "they",
        "them",
        "their",
        "what",
        "when",
        "which",
        "who",
        "how",
        "from",
        "about",
        "into",
        "out",
        "now",
        "also",
        "any",
        "some",
        "one",
        "new",
        "today",
        "to",
        "in",
        "on",
        "at",
        "of",
        "it",
        "is",
        "be",
        "me",
        "my",
        "we",
        "us",
        "up",
        "do",
        "so",
        "if",
        "or",
        "no",
        "as",
        "by",
        "an",
        "have",
        "has",
        "just",
        "going",
        "will",
        "call",
        "email",
        "back",
    ]
)


def _walk(items: Any, boundary: bool) -> tuple[frozenset[str] | None, bool]:
    """(best anchor, whether the sequence ends at a word boundary) for a parsed sequence."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    run_at_start = False

    def flush() -> None:
        # A word-start anchor is looked up by prefix, so two letters are enough;
        # a substring check needs three or more to be worth it.
        if len(run) >= 2:
            word = "".join(run)
            plain = word.replace("'", "").replace("’", "")
            starts = run_at_start and plain.isalnum()
            if len(run) >= 3 or (starts and word in _SHORT_KEYS):
                candidates.append(frozenset([word if starts else MID_WORD + word]))
        run.clear()

    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            char = chr(arg).lower()
            if not run:
                run_at_start = boundary and char.isalnum()
            run.append(char)
            boundary = not char.isalnum() and char not in "'’"
            continue
        flush()
        if name == "AT":
            boundary = True
        elif name == "SUBPATTERN":
            inner, boundary = _walk(arg[-1], boundary)
            if inner:
                candidates.append(inner)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, body = arg[0], arg[2]
            inner, body_end = _walk(body, boundary)
            if low >= 1:
                if inner:
                    candidates.append(inner)
                boundary = body_end
            else:
                boundary = boundary and body_end
        elif name == "BRANCH":
            results = [_walk(branch, boundary) for branch in arg[1]]
            options = [anchor for anchor, _ in results]
            if options and all(options):
                candidates.append(frozenset().union(*[o for o in options if o]))
            boundary = all(end for _, end in results)
        elif name == "IN":
            boundary = "CATEGORY_SPACE" in str(arg)
        elif name in ("ASSERT", "ASSERT_NOT"):
            pass
        else:
            boundary = False
    flush()
    if not candidates:
        return None, boundary

    def rank(candidate: frozenset[str]) -> tuple[bool, bool, int, int]:
        cheap = all(not w.startswith(MID_WORD) for w in candidate)
        rare = not any(w.lstrip(MID_WORD) in _COMMON for w in candidate)
        shortest = min(len(w.lstrip(MID_WORD)) for w in candidate)
        return (rare, cheap, shortest, -len(candidate))

    return max(candidates, key=rank), boundary


# Characters that case-insensitive matching equates with an ASCII letter although
# str.lower() does not map them to it (or maps them to two characters).
_CASE_TRAPS = ("\u0130", "\u0131", "\u017f")
_DIGITS = frozenset("0123456789")
Gate = tuple[tuple[str, ...], ...]


def _required(items: Any) -> list[frozenset[str]]:
    """Substrings every match must contain, as clauses: each match holds one string of
    each clause (lower-case; mandatory literal runs, one run from every alternative, a
    digit for a mandatory ``\\d``)."""
    out: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            out.append(frozenset(["".join(run)]))
        run.clear()

    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(arg).lower())
            continue
        flush()
        if name == "SUBPATTERN":
            out.extend(_required(arg[-1]))
        elif name == "ATOMIC_GROUP":
            out.extend(_required(arg))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if arg[0] >= 1:
                out.extend(_required(arg[2]))
        elif name == "BRANCH":
            per_branch = [_required(branch) for branch in arg[1]]
            if per_branch and all(per_branch):
                out.append(frozenset().union(*[max(c, key=_selectivity) for c in per_branch]))
        elif name == "IN" and [(str(k), str(v)) for k, v in arg] == [
            ("CATEGORY", "CATEGORY_DIGIT")
        ]:
            out.append(_DIGITS)
    flush()
    return out


def _selectivity(clause: frozenset[str]) -> tuple[int, int]:
    return min(len(word) for word in clause), -len(clause)


def _ascii_piece(word: str) -> str | None:
    """The longest ASCII run of ``word``: what an ASCII-only gate may look for."""
    pieces = "".join(c if c.isascii() else "\x01" for c in word).split("\x01")
    best = max(pieces, key=len)
    return best or None


def required_words(source: str, *, parsed: Any = None, limit: int = 2, widest: int = 3) -> Gate:
    """A cheap exact pre-check for a compiled pattern: clauses of lower-case ASCII
    substrings; a text can only match when, for every clause, its folded form (see
    ``fold``) contains one of the clause's strings. Only narrow clauses (at most
    ``widest`` strings, fewest first) are kept: a wide one costs more than it saves."""
    clauses: list[frozenset[str]] = []
    for clause in _required(_parser.parse(source) if parsed is None else parsed):
        pieces = [_ascii_piece(word) for word in clause]
        if any(piece is None for piece in pieces):
            continue
        folded = frozenset(piece for piece in pieces if piece is not None)
        if (
            (min(map(len, folded)) < 2 and folded != _DIGITS)
            or (len(folded) > widest and folded != _DIGITS)
            or folded in clauses
        ):
            continue
        clauses.append(folded)
    clauses.sort(key=lambda c: (len(c), -min(map(len, c))))
    return tuple(tuple(sorted(c, key=lambda w: (-len(w), w))) for c in clauses[:limit])


def fold(text: str) -> str | None:
    """``text.lower()`` when its substrings can decide a gate soundly, else None."""
    if not text.isascii() and any(trap in text for trap in _CASE_TRAPS):
        return None
    return text.lower()


# Non-ASCII characters a twin may contain: uncased, and no other character lower-cases
# to them (checked over all of Unicode when this list was written).
_TWIN_SAFE = frozenset("£§–—’‘“”…€→•")
# Inline flags, back references and conditional groups: a twin or a trimmed filter
# could then match differently.
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux-]|\(\?P=|\(\?\(")
_CODE_ESCAPE = re.compile(r"\\[xuUN0-9]")


def _ranges_ok(items: Any) -> bool:
    """No class range that lower-casing its ends would change (beyond A-Z to a-z)."""
    for op, arg in items:
        if str(op) == "IN":
            for kind, value in arg:
                if str(kind) == "RANGE":
                    low, high = value
                    if high >= 128 or (low <= 90 and high >= 65 and not 65 <= low <= high <= 90):
                        return False
            continue
        nested = arg if isinstance(arg, (tuple, list)) else (arg,)
        for part in nested:
            if (isinstance(part, _parser.SubPattern) and not _ranges_ok(part)) or (
                isinstance(part, list) and not all(_ranges_ok(branch) for branch in part)
            ):
                return False
    return True


def _trim_lead(items: list[Any], state: Any) -> list[Any]:
    """A pattern body that matches a suffix of every match of ``items``.

    Leading assertions and optional items are dropped, a leading group is opened up, a
    leading repeat becomes one copy of its body (the last one), and each alternative
    of a leading branch is trimmed the same way. Whatever ``items`` matches, the result
    matches its tail in the same string, so it can only find more, never fewer.
    """
    items = list(items)
    while items:
        op, arg = items[0]
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            items.pop(0)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            items = items[1:] if arg[0] == 0 else [*arg[2], *items[1:]]
        elif name == "SUBPATTERN" and not arg[1] and not arg[2]:
            items = [*arg[3], *items[1:]]
        elif name == "ATOMIC_GROUP":
            items = [*arg, *items[1:]]
        elif name == "BRANCH":
            branches = [_parser.SubPattern(state, _trim_lead(b, state)) for b in arg[1]]
            items[0] = (op, (arg[0], branches))
            break
        else:
            break
    return items


# How often a character starts a position in lower-cased support text (rough shares):
# a filter whose first characters are rare lets the regex engine skip most positions.
_CHAR_SHARE = {
    " ": 0.17, "e": 0.095, "t": 0.07, "o": 0.065, "a": 0.06, "i": 0.055, "n": 0.053,
    "s": 0.05, "r": 0.047, "h": 0.035, "l": 0.032, "d": 0.03, "u": 0.025, "y": 0.02,
    "c": 0.02, "m": 0.018, "w": 0.017, "g": 0.016, "f": 0.015, "p": 0.015, "b": 0.011,
    ".": 0.01, ",": 0.008, "v": 0.008, "k": 0.007, "'": 0.006, "\n": 0.005, "x": 0.002,
}  # fmt: skip
_OTHER_SHARE = 0.002
# Multiplying out stops past this many alternatives (counted at every level): a long
# branch of them is slower to try than the pattern itself.
_MAX_ALTERNATIVES = 48
# A later part of a pattern is searched first only when it starts with this many
# literal characters: the engine then scans for that string, which is cheap.
_PROBE_PREFIX = 2


def _charset_share(items: Any) -> float | None:
    """The share of positions holding a character of a first-character set made of
    literals (None for ranges, categories and negations: too wide to be worth it)."""
    chars = set()
    for op, arg in items:
        if str(op) != "LITERAL":
            return None
        chars.add(chr(arg))
    return sum(_CHAR_SHARE.get(char, _OTHER_SHARE) for char in chars)


def _literal_led(items: list[Any], state: Any, budget: list[int]) -> list[list[Any]] | None:
    """Alternatives, each starting with a literal character, that together match at least
    wherever ``items`` matches (leading branches are multiplied out); None when some
    alternative cannot be brought to start with a literal."""
    items = _trim_lead(items, state)
    if not items:
        return None
    op, arg = items[0]
    name = str(op)
    if name == "LITERAL":
        return [items]
    if name == "BRANCH":
        out: list[list[Any]] = []
        for branch in arg[1]:
            alternatives = _literal_led([*branch, *items[1:]], state, budget)
            if alternatives is None:
                return None
            budget[0] -= len(alternatives)
            if budget[0] < 0:
                return None
            out.extend(alternatives)
        return out
    if name == "IN" and all(str(kind) == "LITERAL" for kind, _ in arg):
        budget[0] -= len(arg)
        if budget[0] < 0:
            return None
        return [[(_parser.LITERAL, value), *items[1:]] for _, value in arg]
    return None


def _whole_filter(items: list[Any], state: Any, flags: int) -> Any | None:
    """The trimmed pattern when the engine can skip ahead to its literal prefix or
    first-character set; else, when its leading branch can be multiplied out so that
    every alternative starts with a literal, that; else None."""
    shape = _parser.SubPattern(state, items)
    if shape.getwidth()[0] == 0:
        return None
    if _compiler._get_literal_prefix(shape, flags)[0] or _compiler._get_charset_prefix(
        shape, flags
    ):
        return shape
    alternatives = _literal_led(items, state, [_MAX_ALTERNATIVES])
    if alternatives is None:
        return None
    branch = [_parser.SubPattern(state, alternative) for alternative in alternatives]
    shape = _parser.SubPattern(state, [(_parser.BRANCH, (None, branch))])
    return shape if _compiler._get_charset_prefix(shape, flags) else None


def _probe_filter(items: list[Any], state: Any, flags: int) -> Any | None:
    """The later part of the pattern with the longest literal prefix (at least
    ``_PROBE_PREFIX`` characters, the rarest first characters on a tie), or None."""
    best: tuple[int, float, Any] | None = None
    for start in range(1, len(items)):
        if str(items[start - 1][0]) == "LITERAL":
            continue  # inside a literal run: its start gives the longer prefix
        tail = _trim_lead(items[start:], state)
        if not tail:
            continue
        shape = _parser.SubPattern(state, tail)
        if shape.getwidth()[0] == 0:
            continue
        prefix = _compiler._get_literal_prefix(shape, flags)[0]
        if len(prefix) < _PROBE_PREFIX:
            continue
        rank = (len(prefix), -(_charset_share([(_parser.LITERAL, prefix[0])]) or 1.0), shape)
        if best is None or rank[:2] > best[:2]:
            best = rank
    return None if best is None else best[2]


class _Probe:
    """Two filters run in turn: a cheap one on a later part of the pattern first, then
    the selective one; a text passes when both find a match."""

    __slots__ = ("cheap", "selective")

    def __init__(self, cheap: re.Pattern[str], selective: re.Pattern[str]) -> None:
        self.cheap = cheap
        self.selective = selective

    def search(self, text: str) -> re.Match[str] | None:
        if self.cheap.search(text) is None:
            return None
        return self.selective.search(text)


def _prefixed(source: str, flags: int) -> re.Pattern[str] | _Probe | None:
    """A filter for ``source``: it matches wherever ``source`` does (perhaps more),
    and the regex engine can skip ahead to its literal prefix or first-character set.
    None when no such cheap filter is found.

    The whole pattern, trimmed at its start, is the most selective filter. When a later
    part of the pattern starts with a literal string, a search for that part runs first:
    every match of the pattern ends with a match of that part."""
    try:
        parsed = _parser.parse(source, flags)
    except re.error:
        return None
    state = parsed.state
    items = _trim_lead(parsed.data, state)
    whole = _whole_filter(items, state, flags)
    later = _probe_filter(items, state, flags)
    if later is not None and whole is not None:
        # Not worth it when the whole pattern already starts with as long a string.
        own = len(_compiler._get_literal_prefix(whole, flags)[0])
        if own >= len(_compiler._get_literal_prefix(later, flags)[0]):
            later = None
    selective = None if whole is None else _compiler.compile(whole, flags)
    if later is None:
        return selective
    cheap: re.Pattern[str] = _compiler.compile(later, flags)
    return cheap if selective is None else _Probe(cheap, selective)


def lower_twins(
    compiled: re.Pattern[str], parsed: Any = None
) -> tuple[re.Pattern[str] | _Probe | None, re.Pattern[str] | None]:
    """A case-sensitive copy of a case-insensitive pattern, for folded text.

    On ``fold(text)`` it matches at the same places as ``compiled`` on ``text``: every
    character then lower-cases to one character that case-insensitive matching treats
    as the same, and \\w, \\s, \\d and \\b do not change under lower-casing (both
    checked over all of Unicode). None when the pattern holds anything that would
    break this (inline flags, back references, code escapes, cased non-ASCII, a class
    range that crosses letter case).

    Returns (filter, exact). ``exact`` gives the same spans as ``compiled``; ``filter``
    may drop a leading \\b, so it can match where ``compiled`` does not, never the
    reverse: it only tells that a pattern cannot match, cheaply. Match objects (for
    their groups' text) always come from ``compiled`` on the original text.
    """
    source = compiled.pattern
    if (
        not compiled.flags & re.IGNORECASE
        or _INLINE_FLAGS.search(source)
        or _CODE_ESCAPE.search(source)
        or any(not c.isascii() and c not in _TWIN_SAFE for c in source)
        or not _ranges_ok(_parser.parse(source, compiled.flags) if parsed is None else parsed)
    ):
        return None, None
    out: list[str] = []
    index = 0
    while index < len(source):
        if source[index] == "\\" or source.startswith("(?P", index):
            # An escape keeps its letter (\\S is not \\s); so does a named group.
            step = 3 if source[index] == "(" else 2
            out.append(source[index : index + step])
            index += step
            continue
        out.append(source[index].lower())
        index += 1
    folded_source = "".join(out)
    flags = compiled.flags & ~re.IGNORECASE
    try:
        exact = re.compile(folded_source, flags)
    except re.error:
        return None, None
    if exact.groups != compiled.groups or exact.groupindex != compiled.groupindex:
        return None, None
    # A trimmed filter only matches in more places, which is safe, and lets the regex
    # engine skip ahead to its first characters.
    return _prefixed(folded_source, flags) or exact, exact


# A pattern's pre-checks: (required-substring gate, filter twin, exact twin). They are
# built on first use, not at import, so loading stays fast; building one is a pure
# function of the pattern, so two threads racing to build it store equal values.
Prepared = tuple[Gate, "re.Pattern[str] | _Probe | None", "re.Pattern[str] | None"]


def prepare_pattern(compiled: re.Pattern[str]) -> Prepared:
    parsed = _parser.parse(compiled.pattern, compiled.flags)
    return (required_words(compiled.pattern, parsed=parsed), *lower_twins(compiled, parsed))


def passes(gate: Gate, folded: str) -> bool:
    for clause in gate:
        for word in clause:
            if word in folded:
                break
        else:
            return False
    return True


def _literal_anchor(items: Any, at_word_start: bool = True) -> frozenset[str] | None:
    """A set of lower-case strings at least one of which every match must contain.

    Literal runs outside optional parts are mandatory; a group of alternatives gives a
    set when every alternative has an anchor. A string not known to start a word
    carries the MID_WORD prefix. None when nothing useful (3+ characters) is found.
    """
    return _walk(items, at_word_start)[0]


_TOKEN = re.compile(r"\w+(?:['’]\w+)*")


class _AnchorIndex:
    """Finds which registered anchor words occur in a text, cheaply.

    Anchors that start a word are looked up by the prefixes of the text's words (a
    few set lookups per word). An anchor that may start inside a word and is made of
    letters and digits only can only occur inside one of the text's words, so it is
    found through the same per-word memo; the few others ("a&e", "n't") are checked
    as substrings. The last result is cached because all rules read the same text.
    """

    def __init__(self) -> None:
        self._starts: set[str] = set()
        self._inner: set[str] = set()
        # (mid-word anchors, the same without their marker), replaced as one value:
        # those of letters and digits only, found word by word, and the others.
        self._inner_words: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        self._inner_tails: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        self._max = 3
        self._cache: dict[str, frozenset[str]] = {}
        self._token_memo: dict[str, tuple[str, ...]] = {}
        self._lock = threading.Lock()

    def register(self, words: Iterable[str]) -> None:
        with self._lock:
            for word in words:
                if word.startswith(MID_WORD):
                    self._inner.add(word)
                else:
                    self._starts.add(word)
                    self._max = max(self._max, len(word))
            plain = tuple(sorted(w for w in self._inner if w[1:].isalnum() and w[1:].isascii()))
            other = tuple(sorted(w for w in self._inner if w not in plain))
            self._inner_words = (plain, tuple(word[1:] for word in plain))
            self._inner_tails = (other, tuple(word[1:] for word in other))
            self._token_memo.clear()

    def warm(self) -> None:
        """Nothing to build any more; kept so callers can prepare at load time."""

    def _token_keys(self, token: str) -> tuple[str, ...]:
        keys = self._token_memo.get(token)
        if keys is None:
            starts = self._starts
            found = [token] if token in _SHORT_KEYS else []
            for end in range(3, min(len(token), self._max) + 1):
                prefix = token[:end]
                if prefix in starts:
                    found.append(prefix)
            words, tails = self._inner_words
            found += compress(words, map(token.__contains__, tails))
            keys = tuple(found)
            if len(self._token_memo) > 100_000:  # bounded: support vocabularies repeat
                self._token_memo.clear()
            self._token_memo[token] = keys
        return keys

    def present(self, lowered: str) -> frozenset[str]:
        cached = self._cache.get(lowered)
        if cached is not None:
            return cached
        tokens = set(_TOKEN.findall(lowered))
        memo: list[tuple[str, ...] | None] = list(map(self._token_memo.get, tokens))
        keys = (
            [
                self._token_keys(token) if found is None else found
                for token, found in zip(tokens, memo, strict=True)
            ]
            if None in memo
            else cast("list[tuple[str, ...]]", memo)
        )
        result = frozenset(chain.from_iterable(keys))
        words, tails = self._inner_tails
        inner = list(compress(words, map(lowered.__contains__, tails)))
        if inner:
            result = result.union(inner)
        if len(self._cache) > 256:
            self._cache.clear()
        self._cache[lowered] = result
        return result


_ANCHORS = _AnchorIndex()
_SCOPE = threading.local()


class message_scope:
    """Within this block, gated patterns reuse one message's key words."""

    def __init__(self, text: str) -> None:
        lowered = text.lower()
        self.present = _ANCHORS.present(lowered)
        sound = text.isascii() or not any(trap in text for trap in _CASE_TRAPS)
        self.folded = (text, lowered if sound else None)

    def __enter__(self) -> frozenset[str]:
        self.previous = getattr(_SCOPE, "present", None)
        self.previous_folded = getattr(_SCOPE, "folded", None)
        _SCOPE.present = self.present
        _SCOPE.folded = self.folded
        return self.present

    def __exit__(self, *exc: object) -> None:
        _SCOPE.present = self.previous
        _SCOPE.folded = self.previous_folded


def _present_for(text: str) -> frozenset[str]:
    """The key words of ``text``, taken from the current message scope when it is that text."""
    scoped = getattr(_SCOPE, "folded", None)
    if scoped is not None and scoped[0] is text:
        present: frozenset[str] = _SCOPE.present
        return present
    return _ANCHORS.present(text.lower())


def _folded_for(text: str) -> str | None:
    """``fold(text)``, taken from the current message scope when it is that text."""
    scoped = getattr(_SCOPE, "folded", None)
    if scoped is not None and scoped[0] is text:
        folded: str | None = scoped[1]
        return folded
    return fold(text)


def warm_up() -> None:
    _ANCHORS.warm()


# Every AnyOf alive (the readers' module-level constants, and any built later), for
# prepare_all; weak, so one built for a while does not stay for ever.
_ALL_ANY_OF: weakref.WeakSet[AnyOf] = weakref.WeakSet()


def prepare_all() -> int:
    """Compile every pattern and build its pre-checks now instead of on first use;
    returns how many.

    A pattern is compiled and its pre-checks built the first time a message reaches
    it, about 1 ms each. A server calls this once in the background at start, so the
    first reviews in the composer do not pay for it. Safe to run beside readers:
    building one twice gives the same result.
    """
    built = 0
    for any_of in list(_ALL_ANY_OF):
        for i in range(len(any_of._compiled)):
            if any_of._prepared[i] is None:
                any_of._part(i)
                built += 1
    return built


def _word_start(parsed: Any) -> str:
    r"""The assertion that a match starts a word: ``\b`` for a part that starts with a
    letter, a digit or an apostrophe ("'s not"), ``(?<!\w)`` for one that may start with
    a symbol ("£40"), where ``\b`` would demand a letter right before it. The two agree
    wherever a match starts with a letter or digit. ``parsed``: the part, parsed."""
    alternatives = _literal_led(list(parsed), parsed.state, [_MAX_ALTERNATIVES])
    if alternatives is None:
        # Not known to start with a letter (a class such as \d beside "£", say): the
        # assertion that holds for a symbol as for a letter.
        return r"(?<!\w)"
    for alternative in alternatives:
        char = chr(alternative[0][1])
        if not (char.isalnum() or char in "_'’"):
            return r"(?<!\w)"
    return r"\b"


class _Uncompiled:
    """A part of an AnyOf not compiled yet: the first use compiles it and puts the
    compiled pattern in its place, so later uses cost nothing extra.

    Compiling every part of every reader at import took most of the engine's load time;
    a server compiles them all at start in the background (``prepare_all``).
    """

    __slots__ = ("_index", "_slots", "_source")

    def __init__(self, slots: list[re.Pattern[str]], index: int, source: str) -> None:
        self._slots = slots
        self._index = index
        self._source = source

    def compile(self) -> re.Pattern[str]:
        compiled = re.compile(self._source, FLAGS)
        self._slots[self._index] = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compile(), name)


class AnyOf:
    """Alternatives compiled one by one, each run only when its literal anchor occurs.

    Equivalent to one big alternation for our purposes (every match of every
    alternative is reported, in text order), but a message only pays for the few
    alternatives whose key words it contains.
    """

    groupindex: dict[str, int] = {}

    def __init__(self, parts: Iterable[str]) -> None:
        self._always: list[int] = []
        sources: list[str] = []
        self._prepared: list[Prepared | None] = []
        self._owners: dict[str, list[int]] = {}
        for index, part in enumerate(parts):
            spaced = flexible_spaces(part)
            # One parse gives both the word-start assertion and the key words (the
            # assertion and the group around the part change neither).
            parsed = _parser.parse(spaced)
            sources.append(_word_start(parsed) + r"(?:" + spaced + r")(?!\w)")
            self._prepared.append(None)
            anchor = _literal_anchor(parsed)
            if anchor is None:
                self._always.append(index)
            else:
                for word in anchor:
                    self._owners.setdefault(word, []).append(index)
        _ANCHORS.register(self._owners)
        self._keys = frozenset(self._owners)
        self._orders: dict[frozenset[str], tuple[int, ...]] = {}
        self._compiled: list[re.Pattern[str]] = []
        self._compiled.extend(
            cast("re.Pattern[str]", _Uncompiled(self._compiled, index, source))
            for index, source in enumerate(sources)
        )
        self.pattern = "|".join(sources)
        _ALL_ANY_OF.add(self)

    def could_match(self, present: frozenset[str]) -> bool:
        return bool(self._always) or not present.isdisjoint(self._keys)

    def _candidates(self, text: str, present: frozenset[str] | None) -> Sequence[int]:
        if present is None:
            present = getattr(_SCOPE, "present", None)
        if present is None:
            present = _ANCHORS.present(text.lower())
        hits = present.intersection(self._keys)
        if not hits:
            return self._always
        return self._orders.get(hits) or self._order_of(hits)

    def _order_of(self, hits: frozenset[str]) -> tuple[int, ...]:
        # The same few key-word combinations come back message after message.
        orders = self._orders
        if len(orders) > 4096:  # bounded: a fresh start costs little
            orders.clear()
        order = orders[hits] = self.order_for(hits)
        return order

    def order_for(self, hits: frozenset[str]) -> tuple[int, ...]:
        """The parts owned by these key words (and the unanchored ones), in order."""
        indices = set(self._always)
        owners = self._owners
        for word in hits:
            indices.update(owners[word])
        return tuple(sorted(indices))

    def _open_parts(self, order: Sequence[int], folded: str) -> list[int]:
        """The parts that may match: all their required substrings occur in the
        folded text, and their case-sensitive filter twin finds a match there."""
        prepared = self._prepared
        out: list[int] = []
        for i in order:
            gate, twin, _ = prepared[i] or self._part(i)
            for clause in gate:
                for word in clause:
                    if word in folded:
                        break
                else:
                    break
            else:
                if twin is None or twin.search(folded) is not None:
                    out.append(i)
        return out

    def _part(self, i: int) -> Prepared:
        part = self._prepared[i]
        if part is None:
            compiled = self._compiled[i]
            if isinstance(compiled, _Uncompiled):
                compiled = compiled.compile()
            part = self._prepared[i] = prepare_pattern(compiled)
        return part

    def spans(self, text: str, present: frozenset[str] | None = None) -> list[tuple[int, int]]:
        """``(start, end)`` of every match ``finditer`` gives, in the same order."""
        # The hot path of every message-level reader: _candidates and _open_parts inlined.
        if present is None:
            present = getattr(_SCOPE, "present", None)
            if present is None:
                present = _ANCHORS.present(text.lower())
        hits = present.intersection(self._keys)
        order = (self._orders.get(hits) or self._order_of(hits)) if hits else self._always
        if not order:
            return []
        folded = _folded_for(text)
        if folded is None:
            return [m.span() for m in self.finditer(text, present)]
        prepared = self._prepared
        out: list[tuple[int, int]] = []
        opened = 0
        for i in order:
            gate, twin, exact = prepared[i] or self._part(i)
            for clause in gate:
                for word in clause:
                    if word in folded:
                        break
                else:
                    break
            else:
                if exact is None:
                    if twin is None or twin.search(folded) is not None:
                        opened += 1
                        out.extend([m.span() for m in self._compiled[i].finditer(text)])
                elif twin is exact:
                    # The exact twin is its own filter: one scan, not two.
                    found = [m.span() for m in exact.finditer(folded)]
                    if found:
                        opened += 1
                        out.extend(found)
                elif twin is None or twin.search(folded) is not None:
                    opened += 1
                    out.extend([m.span() for m in exact.finditer(folded)])
        if opened > 1:
            out.sort(key=_span_order)
        return out

    def _open_indices(
        self, text: str, present: frozenset[str] | None
    ) -> tuple[list[int], str | None]:
        order = self._candidates(text, present)
        if not order:
            return [], None
        folded = _folded_for(text)
        if folded is None:
            return list(order), None
        return self._open_parts(order, folded), folded

    def _part_matches(self, i: int, text: str, folded: str | None) -> list[re.Match[str]]:
        exact = self._part(i)[2]
        if exact is None or folded is None:
            return list(self._compiled[i].finditer(text))
        return _twin_matches(self._compiled[i], exact, text, folded)

    def finditer(self, text: str, present: frozenset[str] | None = None) -> Iterator[re.Match[str]]:
        parts, folded = self._open_indices(text, present)
        if not parts:
            return iter(())
        if len(parts) == 1:
            return iter(self._part_matches(parts[0], text, folded))
        matches = [m for i in parts for m in self._part_matches(i, text, folded)]
        matches.sort(key=lambda m: (m.start(), -m.end()))
        return iter(matches)

    def search(self, text: str) -> re.Match[str] | None:
        best: re.Match[str] | None = None
        parts, folded = self._open_indices(text, None)
        for i in parts:
            exact = self._part(i)[2]
            if exact is None or folded is None:
                found = self._compiled[i].search(text)
            else:
                found = _twin_search(self._compiled[i], exact, text, folded)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        return best


def _twin_matches(
    compiled: re.Pattern[str], exact: re.Pattern[str], text: str, folded: str
) -> list[re.Match[str]]:
    """``list(compiled.finditer(text))``, found by the faster twin on the folded text.

    Each match is taken from ``compiled`` itself at the twin's start, so groups and
    text are the original's; should a span ever differ, the original scan is used.
    """
    out: list[re.Match[str]] = []
    for twin in exact.finditer(folded):
        found = compiled.match(text, twin.start())
        if found is None or found.span() != twin.span():
            return list(compiled.finditer(text))
        out.append(found)
    return out


def _twin_search(
    compiled: re.Pattern[str], exact: re.Pattern[str], text: str, folded: str
) -> re.Match[str] | None:
    """``compiled.search(text)``, found by the faster twin on the folded text."""
    twin = exact.search(folded)
    if twin is None:
        return None
    found = compiled.match(text, twin.start())
    if found is None or found.span() != twin.span():
        return compiled.search(text)
    return found


def _span_order(span: tuple[int, int]) -> tuple[int, int]:
    return span[0], -span[1]


def spans(
    pattern: Matcher, text: str, present: frozenset[str] | None = None
) -> list[tuple[int, int]]:
    """``(start, end)`` of each match of ``pattern.finditer(text)``, in order."""
    if isinstance(pattern, AnyOf):
        return pattern.spans(text, present)
    if isinstance(pattern, Gated):
        return pattern.spans(text)
    return [m.span() for m in pattern.finditer(text)]


def alternatives(group: str) -> list[str]:
    """The top-level alternatives of ``(?:a|b|c)``: matched as separate parts, each is
    looked for only where its own key words occur, instead of one long alternation
    tried at every position of every message."""
    if not (group.startswith("(?:") and group.endswith(")")):
        raise ValueError(f"not a (?:...) group: {group[:40]!r}")
    out: list[str] = []
    depth, start, escaped, in_class = 0, 3, False, False
    for i, char in enumerate(group[3:-1], start=3):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]" or group[i - 1] == "["
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(group[start:i])
            start = i + 1
    if depth != 0 or in_class:
        raise ValueError(f"unbalanced group: {group[:40]!r}")
    out.append(group[start:-1])
    return out


def leftmost_longest(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, each the longest at its start (``found`` is sorted by start,
    longest first), as one alternation's ``finditer`` would give them."""
    out: list[tuple[int, int]] = []
    end = -1
    for span in found:
        if span[0] >= end:
            out.append(span)
            end = span[1]
    return out


def compile_any(parts: Iterable[str]) -> AnyOf:
    """Word-bounded alternatives, matched case-insensitively with flexible spaces."""
    return AnyOf(parts)


class Matcher(Protocol):
    groupindex: Any

    def finditer(self, text: str) -> Iterator[re.Match[str]]: ...

    def search(self, text: str) -> re.Match[str] | None: ...


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    pattern: Matcher
    skip_negated: bool = False
    skip_hypothetical: bool = False
    skip_question: bool = False
    # A sentence must match ``requires`` (when set) and must not match ``excludes``.
    requires: Matcher | None = None
    excludes: Matcher | None = None
    # Only the clause before the match must match this (e.g. a first-person subject).
    prefix_requires: Matcher | None = None

    def find(
        self,
        source: str,
        analysed: str,
        sents: Sequence[Sentence],
        present: frozenset[str] | None = None,
    ) -> list[Flag]:
        out: list[Flag] = []
        for start, end in spans(self.pattern, analysed, present):
            sent = sentence_at(sents, start)
            if self.skip_question and sent.is_question:
                continue
            if self.skip_negated and negated(sent, start):
                continue
            if self.skip_hypothetical and hypothetical(sent, start):
                continue
            if self.requires is not None and not self.requires.search(sent.text):
                continue
            if self.excludes is not None and self.excludes.search(sent.text):
                continue
            if self.prefix_requires is not None and not self.prefix_requires.search(
                clause_prefix(sent, start, reach=80)
            ):
                continue
            out.append(make_flag(source, self.kind, start, end))
        return out


def run_rules(
    rules: Sequence[Rule], source: str, analysed: str, sents: Sequence[Sentence]
) -> list[Flag]:
    present = _present_for(analysed)
    flags: list[Flag] = []
    for rule in rules:
        pattern = rule.pattern
        # Most rules have none of their key words in a given message: skip them outright.
        if isinstance(pattern, AnyOf) and not pattern.could_match(present):
            continue
        flags.extend(rule.find(source, analysed, sents, present))
    return flags


class Gated:
    """A compiled pattern that first checks for one of its literal key words.

    Most patterns cannot match a text that lacks all of their key words; checking
    a handful of substrings is far cheaper than running a large case-insensitive
    alternation over every position.
    """

    def __init__(self, compiled: re.Pattern[str], words: Iterable[str]) -> None:
        self.compiled = compiled
        self.words = frozenset(words)
        self._prepared: Prepared | None = None
        _ANCHORS.register(self.words)
        self.pattern = compiled.pattern
        self.groupindex = compiled.groupindex

    @property
    def _checks(self) -> Prepared:
        prepared = self._prepared
        if prepared is None:
            prepared = self._prepared = prepare_pattern(self.compiled)
        return prepared

    def _open(self, text: str) -> bool:
        if not self._anchored(text):
            return False
        gate, twin, _ = self._checks
        if not gate and twin is None:
            return True
        folded = _folded_for(text)
        if folded is None:
            return True
        if gate and not passes(gate, folded):
            return False
        return twin is None or twin.search(folded) is not None

    def _anchored(self, text: str) -> bool:
        if not self.words:
            return True
        scope = getattr(_SCOPE, "present", None)
        if scope is not None:
            # Inside a scope every text is a piece of one message: the message's key
            # words are a superset of the piece's, and already known.
            return not scope.isdisjoint(self.words)
        if len(text) < 48:  # short strings are cheaper to scan than to index
            return True
        return not _ANCHORS.present(text.lower()).isdisjoint(self.words)

    def may_occur(self) -> bool:
        """False when the current message lacks all of this pattern's key words, so no
        piece of it can match; True otherwise (and outside a message scope)."""
        scope = getattr(_SCOPE, "present", None)
        return scope is None or not self.words or not scope.isdisjoint(self.words)

    def _folded_open(self, text: str) -> tuple[bool, str | None]:
        """(whether the pattern may match, the folded text when the twins apply)."""
        # The hot path of every sentence-level check: _anchored and _folded_for inlined.
        words = self.words
        if words:
            scope = getattr(_SCOPE, "present", None)
            if scope is not None:
                if scope.isdisjoint(words):
                    return False, None
            elif len(text) >= 48 and _ANCHORS.present(text.lower()).isdisjoint(words):
                return False, None
        gate, twin, exact = self._prepared or self._checks
        if exact is None:
            return True, None
        scoped = getattr(_SCOPE, "folded", None)
        folded = scoped[1] if scoped is not None and scoped[0] is text else fold(text)
        if folded is None:
            return True, None
        if gate and not passes(gate, folded):
            return False, folded
        if twin is not None and twin is not exact and twin.search(folded) is None:
            return False, folded
        return True, folded

    def search(self, text: str) -> re.Match[str] | None:
        may, folded = self._folded_open(text)
        if not may:
            return None
        exact = (self._prepared or self._checks)[2]
        if folded is None or exact is None:
            return self.compiled.search(text)
        return _twin_search(self.compiled, exact, text, folded)

    def match(self, text: str) -> re.Match[str] | None:
        # An anchored match fails fast at position 0; no gate needed.
        return self.compiled.match(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        may, folded = self._folded_open(text)
        if not may:
            return iter(())
        exact = (self._prepared or self._checks)[2]
        if folded is None or exact is None:
            return self.compiled.finditer(text)
        return iter(_twin_matches(self.compiled, exact, text, folded))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every match ``finditer`` gives, in the same order."""
        may, folded = self._folded_open(text)
        if not may:
            return []
        exact = (self._prepared or self._checks)[2]
        if folded is None or exact is None:
            return [m.span() for m in self.compiled.finditer(text)]
        return [m.span() for m in exact.finditer(folded)]

    def findall(self, text: str) -> list[Any]:
        return self.compiled.findall(text) if self._open(text) else []

    def sub(self, repl: str, text: str, count: int = 0) -> str:
        return self.compiled.sub(repl, text, count=count) if self._open(text) else text

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self.compiled.split(text, maxsplit=maxsplit) if self._open(text) else [text]


def rx(pattern: str) -> Gated:
    """Compile a case-insensitive pattern with flexible spaces, gated by its key words.

    Patterns without a usable key word get an empty gate word, which always opens.
    """
    source = flexible_spaces(pattern)
    compiled = re.compile(source, FLAGS)
    anchor = _literal_anchor(_parser.parse(source))
    return Gated(compiled, anchor if anchor is not None and len(anchor) <= 80 else ())
