"""What this customer needs from a reply, the care score and coaching lines (rubric §2)."""

from __future__ import annotations

from caredesk.care.labels import ACKNOWLEDGE_INTENSITY, BEHAVIOURS
from caredesk.care.results import CustomerSignal, Flag, NeedState

# Points taken off per risk present; a reply can have several.
RISK_PENALTY: dict[str, int] = {
    "policy_first": 20,
    "scripted_empathy": 10,
    "cold_transfer": 20,
    "blames_customer": 25,
    "creepy_personalization": 25,
    "premature_close": 20,
}

_MISSING_TIPS: dict[str, str] = {
    "acknowledges_emotion": "Name what happened to them and how it feels, in a line about this case.",
    "takes_ownership": "Commit to one concrete action yourself: “I'll …” / “I've …”.",
    "offers_options": "You are refusing something: offer an alternative, even a small one.",
    "clear_next_steps": "Say what happens next and by when (“You'll get an email by Friday”).",
    "uses_context": "Show you know what they already told or tried, so they need not repeat it.",
    "checks_understanding": "Ask whether the plan works for them (“Does Thursday suit you?”).",
}
_RISK_TIPS: dict[str, str] = {
    "policy_first": "Lead with what you can do, not with the rule; give a way forward.",
    "scripted_empathy": "Replace the stock phrase “{text}” with a line about this case.",
    "cold_transfer": "Don't just send them elsewhere: hand over the details and say who will contact them.",
    "blames_customer": "Drop the blame (“{text}”); explain what happens now instead.",
    "creepy_personalization": "Don't bring up tracking data (“{text}”); use only what they told you.",
    "premature_close": "Keep the ticket open until they confirm it is fixed.",
}


def needed_behaviours(customer: CustomerSignal | None, refusals: list[Flag]) -> list[str]:
    """The behaviours rubric §2 asks for, in BEHAVIOURS order."""
    needed: set[str] = set()
    if refusals:
        needed.add("offers_options")
    if customer is not None:
        if (
            customer.emotion not in ("neutral", "gratitude")
            or customer.intensity >= ACKNOWLEDGE_INTENSITY
        ):
            needed.add("acknowledges_emotion")
        if customer.stakes:
            needed.update(("takes_ownership", "clear_next_steps"))
        if any(
            customer.has_effort(kind)
            for kind in ("repeat_contact", "repeated_story", "already_tried")
        ):
            needed.add("uses_context")
    return [name for name in BEHAVIOURS if name in needed]


def assess(
    customer: CustomerSignal | None,
    behaviours: dict[str, list[Flag]],
    risks: dict[str, list[Flag]],
    refusals: list[Flag],
) -> tuple[dict[str, NeedState], int, list[str]]:
    needs: dict[str, NeedState] = {
        name: ("done" if behaviours.get(name) else "missing")
        for name in needed_behaviours(customer, refusals)
    }
    if needs:
        done = sum(1 for state in needs.values() if state == "done")
        base = 100.0 * done / len(needs)
    else:
        # Nothing special needed (a calm, routine question): a clear answer is good care.
        base = 100.0
    penalty = sum(RISK_PENALTY[name] for name, flags in risks.items() if flags)
    score = round(max(0.0, min(100.0, base - penalty)))

    suggestions: list[str] = []
    for name, flags in risks.items():
        if flags:
            suggestions.append(_RISK_TIPS[name].format(text=flags[0].text[:60]))
    for name, state in needs.items():
        if state == "missing":
            suggestions.append(_MISSING_TIPS[name])
    if customer is not None and customer.needs_person:
        suggestions.append("This customer needs a person: don't hand them to automation.")
    return needs, score, suggestions
