"""The label vocabulary of CARE_RUBRIC.md, in one place."""

from __future__ import annotations

from typing import Final

SCHEMA_VERSION: Final = 1

EMOTION_LABELS: Final = ("anger", "anxiety", "sadness", "confusion", "gratitude", "neutral")

STAKES: Final = ("health", "bereavement", "financial", "safety", "deadline", "travel", "legal")
EFFORT: Final = ("repeat_contact", "repeated_story", "already_tried", "churn_risk")

BEHAVIOURS: Final = (
    "acknowledges_emotion",
    "takes_ownership",
    "offers_options",
    "clear_next_steps",
    "uses_context",
    "checks_understanding",
)
RISKS: Final = (
    "policy_first",
    "scripted_empathy",
    "cold_transfer",
    "blames_customer",
    "creepy_personalization",
    "premature_close",
)

# Rubric §2: at or above this intensity the coach asks for acknowledgement,
# and at or above the second one the message goes to a person.
ACKNOWLEDGE_INTENSITY: Final = 0.5
PERSON_INTENSITY: Final = 0.8

# Analysis looks at this many characters at most; spans still index the original text.
MAX_ANALYSED_CHARS: Final = 100_000
