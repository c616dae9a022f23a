"""Pattern layers for a customer message: stakes and effort cues (CARE_RUBRIC §1, §4)."""

from __future__ import annotations

from caredesk.care.effort import find_effort
from caredesk.care.stakes import find_stakes

__all__ = ["find_effort", "find_stakes"]
