"""caredesk.care — the care engine (CARE_RUBRIC.md): pure Python + numpy, no Django.

from caredesk.care import CareAnalyzer
analyzer = CareAnalyzer.default()
signal = analyzer.read_customer("I've called three times and nobody got back to me")
review = analyzer.review_reply("I'll refund it today.", customer=signal, history=[])
"""

from caredesk.care.analyzer import CareAnalyzer
from caredesk.care.labels import (
    BEHAVIOURS,
    EFFORT,
    EMOTION_LABELS,
    RISKS,
    SCHEMA_VERSION,
    STAKES,
)
from caredesk.care.results import CustomerSignal, Flag, ReplyReview

__all__ = [
    "BEHAVIOURS",
    "EFFORT",
    "EMOTION_LABELS",
    "RISKS",
    "SCHEMA_VERSION",
    "STAKES",
    "CareAnalyzer",
    "CustomerSignal",
    "Flag",
    "ReplyReview",
]
