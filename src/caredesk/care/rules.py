"""A tiny rule engine: compiled patterns plus the clause checks the rubric asks for."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from caredesk.care.results import Flag
from caredesk.care.textutil import (
    Sentence,
    clause_prefix,
    hypothetical,
    iter_matches,
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


def rx(pattern: str) -> re.Pattern[str]:
    """Compile a case-insensitive pattern with flexible spaces."""
    return re.compile(flexible_spaces(pattern), FLAGS)


def compile_any(parts: Iterable[str]) -> re.Pattern[str]:
    """One pattern for a list of alternatives, each wrapped as a word-bounded group."""
    return rx(r"\b(?:" + "|".join(f"(?:{part})" for part in parts) + r")(?!\w)")


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]
    skip_negated: bool = False
    skip_hypothetical: bool = False
    skip_question: bool = False
    # A sentence must match ``requires`` (when set) and must not match ``excludes``.
    requires: re.Pattern[str] | None = None
    excludes: re.Pattern[str] | None = None
    # Only the clause before the match must match this (e.g. a first-person subject).
    prefix_requires: re.Pattern[str] | None = None

    def find(self, source: str, analysed: str, sents: Sequence[Sentence]) -> list[Flag]:
        out: list[Flag] = []
        for start, end in iter_matches(self.pattern, analysed):
            sent = sentence_at(list(sents), start)
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
    flags: list[Flag] = []
    for rule in rules:
        flags.extend(rule.find(source, analysed, sents))
    return flags
