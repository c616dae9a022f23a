from __future__ import annotations

from datetime import datetime
from typing import Any

from django import template
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from caredesk.tickets.models import AuthorKind, Message
from caredesk.workspace import care_text

register = template.Library()


@register.filter
def emotion_name(emotion: str) -> str:
    return care_text.emotion_name(emotion or "")


@register.filter
def label_name(label: str) -> str:
    return care_text.label_name(label or "")


@register.filter
def intensity_word(intensity: float | None) -> str:
    return care_text.intensity_word(intensity)


@register.filter
def percent(value: float | None) -> int:
    return round(float(value or 0) * 100)


@register.filter
def waited(since: datetime | None) -> str:
    """A short waiting time: "4 min", "3 h", "2 d"."""
    if since is None:
        return ""
    seconds = max(0, int((timezone.now() - since).total_seconds()))
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400 * 2:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} d"


@register.filter
def care_labels(labels: str) -> list[dict[str, str]]:
    """The ticket's care labels as badges, stakes first."""
    stakes = [k for k in (labels or "").split() if k in care_text.LABEL_NAMES]
    order = {k: i for i, k in enumerate(care_text.LABEL_NAMES)}
    return [
        {"kind": k, "name": care_text.label_name(k), "family": _family(k)}
        for k in sorted(stakes, key=lambda k: order[k])
    ]


def _family(kind: str) -> str:
    return (
        "effort"
        if kind in ("repeat_contact", "repeated_story", "already_tried", "churn_risk")
        else "stakes"
    )


@register.simple_tag
def message_body(message: Message) -> SafeString:
    """The message text with the care engine's evidence spans highlighted."""
    care: dict[str, Any] = message.care or {}
    spans: list[tuple[int, int, str, str]] = []
    if message.author_kind == AuthorKind.CUSTOMER:
        spans += care_text.flag_spans(care.get("stakes") or [], "ev ev-stakes")
        spans += care_text.flag_spans(care.get("effort") or [], "ev ev-effort")
    elif care.get("type") == "reply_review":
        for flags in (care.get("risks") or {}).values():
            spans += care_text.flag_spans(flags or [], "risk")
    return care_text.highlight(message.body_text, spans)


@register.filter
def reading_flags(message: Message) -> list[dict[str, str]]:
    care: dict[str, Any] = message.care or {}
    flags = []
    seen = set()
    for family in ("stakes", "effort"):
        for flag in care.get(family) or []:
            kind = str(flag.get("kind", ""))
            if kind and kind not in seen:
                seen.add(kind)
                flags.append({"kind": kind, "name": care_text.label_name(kind), "family": family})
    return flags


@register.filter
def review_risks(message: Message) -> list[str]:
    care: dict[str, Any] = message.care or {}
    return [care_text.label_name(k) for k, v in (care.get("risks") or {}).items() if v]


@register.filter
def attr_emotion(point: Any) -> str:
    if point is None:
        return ""
    return f"{care_text.emotion_name(point.emotion)}, {care_text.intensity_word(point.intensity)}"


@register.simple_tag
def sparkline(points: list[Any]) -> SafeString:
    """A small server-drawn chart of feeling over the customer's messages (-1 upset .. 1 pleased)."""
    width, height, pad = 240, 56, 6
    if not points:
        return mark_safe("")
    step = (width - 2 * pad) / max(1, len(points) - 1)

    def y(value: float) -> float:
        return round(pad + (1 - (value + 1) / 2) * (height - 2 * pad), 1)

    coords = [(round(pad + i * step, 1), y(p.value)) for i, p in enumerate(points)]
    if len(coords) == 1:
        coords.append((width - pad, coords[0][1]))
    line = " ".join(f"{x},{yy}" for x, yy in coords)
    dots = "".join(f'<circle cx="{x}" cy="{yy}" r="3"></circle>' for x, yy in coords[: len(points)])
    label = "; ".join(
        f"{care_text.emotion_name(p.emotion)} {care_text.intensity_word(p.intensity)}"
        for p in points
    )
    svg = (
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="Feeling over their last messages, oldest first: {escape(label)}">'
        f'<line x1="{pad}" x2="{width - pad}" y1="{y(0)}" y2="{y(0)}" class="spark-zero"></line>'
        f'<polyline points="{line}"></polyline>{dots}</svg>'
    )
    return mark_safe(svg)
