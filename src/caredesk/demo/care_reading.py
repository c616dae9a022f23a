"""Care readings for generated messages, as the product makes them on arrival, in bulk.

Generated text repeats (greetings, thanks, chasers), so customer readings are cached
per distinct text. Replies are reviewed against the customer message they answer and
the agent's recent replies, as `caredesk.tickets.care` does one at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from caredesk.care import CareAnalyzer, CustomerSignal

CACHE_LIMIT = 50_000  # distinct customer texts kept; cleared when full to bound memory

Reading = tuple[CustomerSignal, dict[str, Any]]


class CareReader:
    def __init__(self) -> None:
        self.analyzer = CareAnalyzer.default()
        self._signals: dict[str, Reading] = {}

    def read_customers(self, texts: Sequence[str]) -> list[Reading]:
        """(CustomerSignal, its dict) for each text."""
        missing = list(dict.fromkeys(t for t in texts if t not in self._signals))
        found: dict[str, Reading] = {}
        if missing:
            if len(self._signals) + len(missing) > CACHE_LIMIT:
                self._signals.clear()
            for text, signal in zip(
                missing, self.analyzer.read_customer_batch(missing), strict=True
            ):
                found[text] = self._signals[text] = (signal, signal.to_dict())
        cache = self._signals
        return [found.get(t) or cache[t] for t in texts]

    def review_replies(
        self, items: Sequence[tuple[str, CustomerSignal | None, Sequence[str]]]
    ) -> list[dict[str, Any]]:
        """The review of each (draft, customer signal or None, agent's recent replies)."""
        return [review.to_dict() for review in self.analyzer.review_reply_batch(items)]
