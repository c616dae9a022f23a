"""The live care coach: a draft reviewed against this customer's latest reading.

The care engine (`caredesk.care`) does the reading; this module shapes its review for
the composer. When the engine cannot be loaded the coach says so and sending goes on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from django.utils.safestring import SafeString

from caredesk.accounts.models import User
from caredesk.tickets.models import Ticket
from caredesk.workspace import care_text
from caredesk.workspace.queries import latest_customer_message, recent_replies

logger = logging.getLogger(__name__)

MAX_DRAFT_CHARS = 20_000
# Rubric: the replies an admin may ask "send anyway?" about, and to whom.
CONFIRM_RISKS = ("policy_first", "cold_transfer")
HIGH_INTENSITY = 0.7


@dataclass(frozen=True)
class Need:
    label: str
    name: str
    done: bool
    why: str


@dataclass(frozen=True)
class Risk:
    label: str
    name: str
    why: str
    words: list[str]


@dataclass
class Coaching:
    available: bool
    score: int | None = None
    needs: list[Need] = field(default_factory=list)
    risks: list[Risk] = field(default_factory=list)
    done: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    highlighted: SafeString | str = ""
    customer_high: bool = False  # the customer's latest message is high-intensity or high-stakes
    empty: bool = False

    @property
    def missing_count(self) -> int:
        return sum(1 for need in self.needs if not need.done)

    @property
    def risk_labels(self) -> list[str]:
        return [risk.label for risk in self.risks]

    @property
    def asks_confirmation(self) -> bool:
        return self.customer_high and any(label in CONFIRM_RISKS for label in self.risk_labels)

    @property
    def tone(self) -> str:
        if self.score is None:
            return "none"
        if self.score >= 75:
            return "good"
        if self.score >= 45:
            return "fair"
        return "poor"


def _analyzer() -> Any:
    from caredesk.tickets.care import analyzer

    return analyzer()


def engine_available() -> bool:
    try:
        _analyzer()
    except Exception:
        logger.warning("the care engine could not be loaded", exc_info=True)
        return False
    return True


def review_dict(*, draft: str, customer_text: str | None, history: list[str]) -> dict[str, Any]:
    """The engine's review of a draft as a plain dict (ReplyReview.to_dict())."""
    analyzer = _analyzer()
    signal = analyzer.read_customer(customer_text) if customer_text else None
    review = analyzer.review_reply(draft, customer=signal, history=history)
    result: dict[str, Any] = review.to_dict()
    if signal is not None:
        reading = signal.to_dict()
        result["_customer_high"] = bool(
            reading.get("stakes") or float(reading.get("intensity") or 0) >= HIGH_INTENSITY
        )
    return result


def coaching_from_review(draft: str, review: dict[str, Any]) -> Coaching:
    needs = [
        Need(
            label=label,
            name=care_text.label_name(label),
            done=state == "done",
            why=care_text.NEED_WHY.get(label, ""),
        )
        for label, state in (review.get("needs") or {}).items()
    ]
    needs.sort(key=lambda need: need.done)
    risks: list[Risk] = []
    spans: list[tuple[int, int, str, str]] = []
    for label, flags in (review.get("risks") or {}).items():
        if not flags:
            continue
        risks.append(
            Risk(
                label=label,
                name=care_text.label_name(label),
                why=care_text.RISK_WHY.get(label, ""),
                words=[str(flag.get("text", "")) for flag in flags],
            )
        )
        spans += [
            (start, end, f"risk risk-{label}", title)
            for start, end, _, title in care_text.flag_spans(flags, "")
        ]
    done = [
        care_text.label_name(label)
        for label, flags in (review.get("behaviours") or {}).items()
        if flags
    ]
    return Coaching(
        available=True,
        score=int(review.get("score", 0)),
        needs=needs,
        risks=risks,
        done=done,
        suggestions=[str(line) for line in review.get("suggestions") or []][:4],
        highlighted=care_text.highlight(draft, spans),
        customer_high=bool(review.get("_customer_high")),
    )


def coach_draft(*, ticket: Ticket, agent: User, draft: str) -> Coaching:
    """Review a draft reply on this ticket, as this agent, against the customer's latest words."""
    draft = draft[:MAX_DRAFT_CHARS]
    if not draft.strip():
        return Coaching(available=True, empty=True)
    latest = latest_customer_message(ticket)
    try:
        review = review_dict(
            draft=draft,
            customer_text=latest.body_text if latest is not None else None,
            history=recent_replies(agent),
        )
    except Exception:
        logger.warning("the care coach failed on ticket %s", ticket.pk, exc_info=True)
        return Coaching(available=False)
    return coaching_from_review(draft, review)
