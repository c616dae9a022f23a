"""How the workspace names the care vocabulary (CARE_RUBRIC.md) to a person."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

EMOTION_NAMES = {
    "anger": "Angry",
    "anxiety": "Anxious",
    "sadness": "Sad",
    "confusion": "Confused",
    "gratitude": "Grateful",
    "neutral": "Neutral",
}
LABEL_NAMES = {
    # stakes
    "health": "Health",
    "bereavement": "Bereavement",
    "financial": "Money at stake",
    "safety": "Safety",
    "deadline": "Deadline",
    "travel": "Travel",
    "legal": "Legal",
    # effort
    "repeat_contact": "Contacted before",
    "repeated_story": "Had to repeat",
    "already_tried": "Already tried",
    "churn_risk": "May leave",
    # behaviours
    "acknowledges_emotion": "Acknowledge how they feel",
    "takes_ownership": "Take ownership",
    "offers_options": "Offer options",
    "clear_next_steps": "Say what happens next",
    "uses_context": "Use what they already told us",
    "checks_understanding": "Check it works for them",
    # risks
    "policy_first": "Policy first",
    "scripted_empathy": "Scripted empathy",
    "cold_transfer": "Cold transfer",
    "blames_customer": "Blames the customer",
    "creepy_personalization": "Creepy personalisation",
    "premature_close": "Closes too early",
}
RISK_WHY = {
    "policy_first": "Leads with a rule or a refusal and offers no way forward.",
    "scripted_empathy": "Stock empathy that says nothing about this person's case.",
    "cold_transfer": "Sends them elsewhere with nothing done and no warm handoff.",
    "blames_customer": "Puts the fault on the customer.",
    "creepy_personalization": "Mentions tracking data they never gave us in this contact.",
    "premature_close": "Closes the ticket before they confirmed it is fixed.",
}
NEED_WHY = {
    "acknowledges_emotion": "They are upset: name their feeling or situation in words of this case.",
    "takes_ownership": "Something important is at stake: commit to an action yourself.",
    "clear_next_steps": "Say what happens next, who does it and by when.",
    "uses_context": "They already told us or tried things: show you know, don't ask again.",
    "offers_options": "You are refusing something: give an alternative, even a small one.",
    "checks_understanding": "Ask whether the plan works for them.",
}


def label_name(label: str) -> str:
    return LABEL_NAMES.get(label, label.replace("_", " ").capitalize())


def emotion_name(emotion: str) -> str:
    return EMOTION_NAMES.get(emotion, emotion.capitalize())


def intensity_word(intensity: float | None) -> str:
    if intensity is None:
        return ""
    if intensity >= 0.7:
        return "strong"
    if intensity >= 0.4:
        return "clear"
    if intensity >= 0.15:
        return "mild"
    return "calm"


def highlight(text: str, spans: list[tuple[int, int, str, str]]) -> SafeString:
    """The text, escaped, with each (start, end, css_class, title) span wrapped in <mark>.

    Spans that overlap an earlier one are clipped, so the output is always well nested;
    spans outside the text are ignored.
    """
    valid = sorted(
        (max(0, start), min(len(text), end), css, title)
        for start, end, css, title in spans
        if isinstance(start, int) and isinstance(end, int) and start < end and start < len(text)
    )
    parts: list[str] = []
    cursor = 0
    for start, end, css, title in valid:
        start = max(start, cursor)
        if start >= end:
            continue
        parts.append(escape(text[cursor:start]))
        parts.append(
            f'<mark class="{escape(css)}" title="{escape(title)}">{escape(text[start:end])}</mark>'
        )
        cursor = end
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))


def flag_spans(flags: list[dict[str, Any]], css: str) -> list[tuple[int, int, str, str]]:
    spans = []
    for flag in flags:
        try:
            spans.append((int(flag["start"]), int(flag["end"]), css, label_name(str(flag["kind"]))))
        except (KeyError, TypeError, ValueError):
            continue
    return spans
