"""Care readings for generated messages, as the product makes them on arrival, in bulk.

Generated text repeats (greetings, thanks, chasers), so customer readings are cached
per distinct text. Replies are reviewed against the customer message they answer and
the agent's recent replies, as `caredesk.tickets.care` does one at a time.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from caredesk.care import CareAnalyzer, CustomerSignal

CACHE_LIMIT = 50_000  # distinct customer texts kept; cleared when full to bound memory
HISTORY_SIZE = 20  # an agent's recent replies the scripted-empathy check sees, as in tickets.care

Reading = tuple[CustomerSignal, dict[str, Any]]


class CareReader:
    def __init__(self) -> None:
        self.analyzer = CareAnalyzer.default()
        self._signals: dict[str, Reading] = {}

    def read_customers(self, texts: Sequence[str]) -> list[Reading]:
        """(CustomerSignal, its dict) for each text."""
        cache = self._signals
        if len(cache) + len(texts) > CACHE_LIMIT:
            cache.clear()
        missing = list(dict.fromkeys(t for t in texts if t not in cache))
        if missing:
            for text, signal in zip(
                missing, self.analyzer.read_customer_batch(missing), strict=True
            ):
                cache[text] = (signal, signal.to_dict())
        return [cache[t] for t in texts]

    def review_replies(
        self, items: Sequence[tuple[str, CustomerSignal | None, Sequence[str]]]
    ) -> list[dict[str, Any]]:
        """The review of each (draft, customer signal or None, agent's recent replies)."""
        return [review.to_dict() for review in self.analyzer.review_reply_batch(items)]


@dataclass
class CareJob:
    """The care work for a batch of tickets, shippable to another process."""

    customer_texts: list[str]
    replies: list[tuple[str, int, int]]  # (draft, index of the customer text it answers, agent)
    history: dict[int, list[str]]  # each agent's replies before this batch, oldest first


@dataclass
class CareResult:
    customers: list[
        tuple[str, str, float, str, float]
    ]  # json, emotion, intensity, labels, attention
    replies: list[str]  # json


_process_reader: CareReader | None = None


def run_job(job: CareJob) -> CareResult:
    """Read every customer text and review every reply of a batch; JSON out, ready to store."""
    from caredesk.tickets.care import attention_score, care_labels

    global _process_reader
    if _process_reader is None:
        _process_reader = CareReader()
    readings = _process_reader.read_customers(job.customer_texts)
    customers = [
        (
            json.dumps(reading),
            str(reading["emotion"]),
            float(reading["intensity"]),
            care_labels(reading),
            attention_score(reading),
        )
        for _, reading in readings
    ]
    history = {agent: deque(texts, maxlen=HISTORY_SIZE) for agent, texts in job.history.items()}
    items: list[tuple[str, CustomerSignal | None, list[str]]] = []
    for draft, answered, agent in job.replies:
        recent = history.setdefault(agent, deque(maxlen=HISTORY_SIZE))
        items.append((draft, readings[answered][0], list(reversed(recent))))
        recent.append(draft)
    replies = [json.dumps(review) for review in _process_reader.review_replies(items)]
    return CareResult(customers=customers, replies=replies)
