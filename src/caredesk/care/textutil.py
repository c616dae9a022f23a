"""Text preparation and clause-level context shared by the pattern layers.

Every helper keeps character offsets aligned with the caller's original string, so a
flag's span can always be sliced out of the text the caller passed in.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from caredesk.care.labels import MAX_ANALYSED_CHARS
from caredesk.care.results import Flag

# C0/C1 controls except tab and newline; replaced one-for-one so offsets do not move.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A sentence runs to its end mark or line break; a point between digits ("£42.50",
# "version 4.2") is part of it.
_SENTENCE = re.compile(r"[^.!?\n]+(?:(?<=\d)\.(?=\d)[^.!?\n]*)*(?:[.!?]+|\n|$)|[.!?\n]+")
_NEGATION = re.compile(
    r"\b(?:not|no|never|nobody|nothing|neither|nor|without|hardly|cannot|can't|cant|"
    r"won't|wont|don't|dont|doesn't|doesnt|didn't|didnt|haven't|havent|hasn't|hasnt|"
    r"isn't|isnt|wasn't|wasnt|aren't|arent|weren't|werent|shouldn't|wouldn't|"
    r"couldn't|never)\b",
    re.IGNORECASE,
)
# Words that end the reach of a negation or a hypothetical inside a sentence.
_CLAUSE_BREAK = re.compile(
    r"(?:,|;|:|\bbut\b|\band\b|\bso\b|\bthen\b|\bbecause\b|\s[-–—]\s)", re.IGNORECASE
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|whether|in case|what happens|what if|should i|should we|do i need to|"
    r"do i have to|would|could i|can i|how (?:do|can|would) i|when i|once i|before i|planning to|"
    r"thinking (?:of|about)|might|may need to|in the event)\b",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(
    r"^\W*(?:do|does|did|can|could|should|would|will|is|are|was|were|how|what|when|where|"
    r"which|who|why|any)\b",
    re.IGNORECASE,
)


def check_text(value: Any, *, name: str = "text") -> str:
    """Validate untrusted input: a clear TypeError instead of a crash deep inside."""
    if isinstance(value, str):
        return value
    if value is None:
        raise TypeError(f"{name} must be a str, got None")
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError(f"{name} must be a str, got {type(value).__name__}; decode it first")
    raise TypeError(f"{name} must be a str, got {type(value).__name__}")


def prepare(text: str) -> tuple[str, bool]:
    """The string the patterns read: control characters blanked, very long text cut.

    Returns the analysed string (a prefix of ``text`` of the same length or shorter,
    with the same offsets) and whether it was truncated.
    """
    truncated = len(text) > MAX_ANALYSED_CHARS
    if truncated:
        text = text[:MAX_ANALYSED_CHARS]
    if _CONTROL.search(text):
        text = _CONTROL.sub(" ", text)
    return text, truncated


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str

    @property
    def is_question(self) -> bool:
        stripped = self.text.rstrip()
        return stripped.endswith("?") or bool(_QUESTION_START.match(self.text))


# A run of text longer than this with no end mark is cut into pieces (at the last space
# before the limit). No sentence people write is near it (the longest in the hand-labelled
# sets is under 400 characters), and the readers look at a flag's sentence once per flag,
# so a 100,000-character message with no full stop would otherwise cost time quadratic in
# its length.
MAX_SENTENCE_CHARS = 1_000


def sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    for match in _SENTENCE.finditer(text):
        chunk = match.group()
        if chunk.strip():
            if len(chunk) > MAX_SENTENCE_CHARS:
                out += _cut(match.start(), chunk)
            else:
                out.append(Sentence(match.start(), match.end(), chunk))
    if not out and text:
        out += _cut(0, text) if len(text) > MAX_SENTENCE_CHARS else [Sentence(0, len(text), text)]
    return out


def _cut(start: int, chunk: str) -> list[Sentence]:
    """``chunk`` (at ``start``) in pieces of at most ``MAX_SENTENCE_CHARS``, each ending
    after a space where there is one in its second half."""
    out: list[Sentence] = []
    while len(chunk) > MAX_SENTENCE_CHARS:
        space = chunk.rfind(" ", MAX_SENTENCE_CHARS // 2, MAX_SENTENCE_CHARS)
        size = space + 1 if space > 0 else MAX_SENTENCE_CHARS
        if chunk[:size].strip():
            out.append(Sentence(start, start + size, chunk[:size]))
        start, chunk = start + size, chunk[size:]
    if chunk.strip():
        out.append(Sentence(start, start + len(chunk), chunk))
    return out


def sentence_at(sents: Sequence[Sentence], pos: int) -> Sentence:
    """The sentence holding ``pos`` (the last one when none does).

    ``sents`` are in text order and do not overlap, as `sentences` gives them, so a
    binary search finds it: a long message with many flags stays linear.
    """
    i = bisect.bisect_right(sents, pos, key=_start_of) - 1
    if i >= 0 and pos < sents[i].end:
        return sents[i]
    return sents[-1] if sents else Sentence(0, 0, "")


def _start_of(sent: Sentence) -> int:
    return sent.start


# The longest clause break ("because", " - ") is far shorter than this.
_BREAK_SLACK = 16


def clause_prefix(sent: Sentence, pos: int, *, reach: int = 60) -> str:
    """Text from the start of the clause holding ``pos`` up to ``pos`` (at most ``reach`` chars)."""
    prefix = sent.text[: max(0, pos - sent.start)]
    # Only the last ``reach`` characters are returned, so only a break ending in them
    # matters, and one that short lies wholly in the last reach + slack characters: a
    # long sentence is not scanned from its start for every flag in it. (A break the cut
    # makes up at the window's start ends within the slack and changes nothing.)
    window = prefix[-(reach + _BREAK_SLACK) :]
    last = 0
    for match in _CLAUSE_BREAK.finditer(window):
        last = match.end()
    return window[last:][-reach:]


def negated(sent: Sentence, pos: int, *, reach: int = 30, words: int = 3) -> bool:
    """A negator among the last few words before ``pos`` in the same clause."""
    prefix = clause_prefix(sent, pos, reach=reach)
    return bool(_NEGATION.search(" ".join(prefix.split()[-words:])))


def hypothetical(sent: Sentence, pos: int) -> bool:
    return bool(_HYPOTHETICAL.search(clause_prefix(sent, pos, reach=80)))


def make_flag(source: str, kind: str, start: int, end: int) -> Flag:
    # Trim surrounding blanks and punctuation so the span reads cleanly.
    while start < end and source[start] in " \t\n,;:-–—":
        start += 1
    while end > start and source[end - 1] in " \t\n,;:-–—":
        end -= 1
    return Flag(kind, start, end, source[start:end])


def dedupe(flags: list[Flag]) -> list[Flag]:
    """Drop a flag that lies inside another flag of the same kind; keep text order."""
    if len(flags) < 2:
        return list(flags)
    flags = sorted(flags, key=lambda f: (f.start, -(f.end - f.start), f.kind))
    kept: list[Flag] = []
    # Every kept flag starts at or before the current one, so it lies inside one of its
    # kind exactly when that kind's furthest kept end reaches its end.
    furthest: dict[str, int] = {}
    for flag in flags:
        if furthest.get(flag.kind, -1) >= flag.end:
            continue
        kept.append(flag)
        furthest[flag.kind] = max(furthest.get(flag.kind, -1), flag.end)
    return kept


def iter_matches(pattern: Any, text: str) -> Iterator[tuple[int, int]]:
    """Match offsets, using the named group ``span`` when the pattern has one."""
    has_span = "span" in pattern.groupindex
    for match in pattern.finditer(text):
        if has_span and match.start("span") >= 0:
            yield match.start("span"), match.end("span")
        else:
            yield match.start(), match.end()
