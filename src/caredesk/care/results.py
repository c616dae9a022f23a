"""Result types of the care engine: plain frozen dataclasses, JSON-ready."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from caredesk.care.labels import (
    BEHAVIOURS,
    EFFORT,
    PERSON_INTENSITY,
    RISKS,
    SCHEMA_VERSION,
)

NeedState = Literal["done", "missing"]


@dataclass(frozen=True, slots=True)
class Flag:
    """One label with the text that justifies it: ``text == source[start:end]``."""

    kind: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text}


def _kinds(flags: list[Flag]) -> list[str]:
    seen: list[str] = []
    for flag in flags:
        if flag.kind not in seen:
            seen.append(flag.kind)
    return seen


@dataclass(frozen=True, slots=True)
class CustomerSignal:
    emotion: str
    emotions: dict[str, float]
    intensity: float
    stakes: list[Flag] = field(default_factory=list)
    effort: list[Flag] = field(default_factory=list)
    truncated: bool = False
    # The customer says the problem is solved ("that worked, thanks"): closing is fine then.
    confirms_fix: bool = False

    @property
    def stakes_kinds(self) -> list[str]:
        return _kinds(self.stakes)

    @property
    def effort_kinds(self) -> list[str]:
        return _kinds(self.effort)

    def has_effort(self, kind: str) -> bool:
        return any(flag.kind == kind for flag in self.effort)

    @property
    def needs_person(self) -> bool:
        """Rubric §2: churn risk or intensity ≥ 0.8 goes to a person, never to automation."""
        return self.has_effort("churn_risk") or self.intensity >= PERSON_INTENSITY

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "type": "customer_signal",
            "emotion": self.emotion,
            "emotions": {name: round(prob, 6) for name, prob in self.emotions.items()},
            "intensity": round(self.intensity, 6),
            "stakes": [flag.to_dict() for flag in self.stakes],
            "effort": [flag.to_dict() for flag in self.effort],
            "needs_person": self.needs_person,
            "confirms_fix": self.confirms_fix,
            "truncated": self.truncated,
        }


@dataclass(frozen=True, slots=True)
class ReplyReview:
    behaviours: dict[str, list[Flag]]
    risks: dict[str, list[Flag]]
    needs: dict[str, NeedState]
    score: int
    suggestions: list[str]
    truncated: bool = False

    @property
    def present_behaviours(self) -> list[str]:
        return [name for name in BEHAVIOURS if self.behaviours.get(name)]

    @property
    def present_risks(self) -> list[str]:
        return [name for name in RISKS if self.risks.get(name)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "type": "reply_review",
            "behaviours": {
                name: [flag.to_dict() for flag in self.behaviours.get(name, [])]
                for name in BEHAVIOURS
            },
            "risks": {
                name: [flag.to_dict() for flag in self.risks.get(name, [])] for name in RISKS
            },
            "needs": dict(self.needs),
            "score": self.score,
            "suggestions": list(self.suggestions),
            "truncated": self.truncated,
        }


__all__ = ["EFFORT", "CustomerSignal", "Flag", "NeedState", "ReplyReview"]
