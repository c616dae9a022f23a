"""Accuracy floors on the support-domain dev set, so regressions show in CI.

The floors sit a little below what the engine measured when they were set (see
BENCHMARKS.md); raise them when the engine improves, never lower them quietly.
"""

from __future__ import annotations

import json

import pytest

from caredesk.care import BEHAVIOURS, EFFORT, EMOTION_LABELS, RISKS, STAKES, CareAnalyzer
from caredesk.care.evaluate import (
    DEVSET_DIR,
    CustomerReport,
    ReplyReport,
    evaluate_customer,
    evaluate_replies,
    load_jsonl,
    spearman,
)

LABEL_F1_FLOOR = 0.85  # every stakes kind, effort cue, behaviour and risk on the dev set
HOLDOUT_MEAN_F1_FLOOR = 0.90
# Holdouts written blind to the engine and its training text -> floor on mean label F1.
BLIND_HOLDOUT_FLOORS = {
    9: 0.885,
    10: 0.89,
    11: 0.915,
    12: 0.88,
    13: 0.87,
    14: 0.865,
    15: 0.865,
    16: 0.875,
    17: 0.88,
    18: 0.875,
    19: 0.89,
    20: 0.90,
    21: 0.905,
    22: 0.90,
    23: 0.87,
    24: 0.87,
    25: 0.865,
    26: 0.895,
}
EMOTION_MACRO_F1_FLOOR = 0.82  # the emotion model: 0.863 measured on the dev set
INTENSITY_SPEARMAN_FLOOR = 0.78  # 0.845 measured


@pytest.fixture(scope="module")
def dev() -> tuple[CustomerReport, ReplyReport]:
    analyzer = CareAnalyzer.default()
    return (
        evaluate_customer(analyzer, load_jsonl(DEVSET_DIR / "customer.jsonl")),
        evaluate_replies(analyzer, load_jsonl(DEVSET_DIR / "replies.jsonl")),
    )


def test_the_dev_set_is_big_enough_and_covers_every_label() -> None:
    customers = load_jsonl(DEVSET_DIR / "customer.jsonl")
    replies = load_jsonl(DEVSET_DIR / "replies.jsonl")
    assert len(customers) >= 300 and len(replies) >= 300
    assert len({row["id"] for row in customers + replies}) == len(customers) + len(replies)
    for name in (*STAKES, *EFFORT):
        assert sum(name in row["stakes"] + row["effort"] for row in customers) >= 15, name
    for name in (*BEHAVIOURS, *RISKS):
        assert sum(name in row["behaviours"] + row["risks"] for row in replies) >= 15, name
    for row in customers:
        assert row["emotion"] in EMOTION_LABELS and 0 <= row["intensity"] <= 1
        assert set(row["stakes"]) <= set(STAKES) and set(row["effort"]) <= set(EFFORT)
    for row in replies:
        assert set(row["behaviours"]) <= set(BEHAVIOURS) and set(row["risks"]) <= set(RISKS)
        assert all(isinstance(item, str) for item in row.get("history", []))


@pytest.mark.parametrize("name", [*STAKES, *EFFORT])
def test_customer_label_f1_floor(dev: tuple[CustomerReport, ReplyReport], name: str) -> None:
    counts = dev[0].labels[name]
    assert counts.f1 >= LABEL_F1_FLOOR, (name, counts.precision, counts.recall, counts.errors)


@pytest.mark.parametrize("name", [*BEHAVIOURS, *RISKS])
def test_reply_label_f1_floor(dev: tuple[CustomerReport, ReplyReport], name: str) -> None:
    counts = dev[1].labels[name]
    assert counts.f1 >= LABEL_F1_FLOOR, (name, counts.precision, counts.recall, counts.errors)


def test_emotion_and_intensity_floors(dev: tuple[CustomerReport, ReplyReport]) -> None:
    assert dev[0].emotion_macro_f1 >= EMOTION_MACRO_F1_FLOOR
    assert dev[0].intensity_spearman >= INTENSITY_SPEARMAN_FLOOR


@pytest.mark.parametrize(
    "prefix",
    ["holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7", "holdout8"],
)
def test_holdout_mean_f1_floor(prefix: str) -> None:
    analyzer = CareAnalyzer.default()
    customer = evaluate_customer(analyzer, load_jsonl(DEVSET_DIR / f"{prefix}_customer.jsonl"))
    replies = evaluate_replies(analyzer, load_jsonl(DEVSET_DIR / f"{prefix}_replies.jsonl"))
    scores = [c.f1 for c in customer.labels.values() if c.support] + [
        c.f1 for c in replies.labels.values() if c.support
    ]
    assert sum(scores) / len(scores) >= HOLDOUT_MEAN_F1_FLOOR


@pytest.mark.parametrize("number", sorted(BLIND_HOLDOUT_FLOORS))
def test_blind_holdout_mean_f1_floor(number: int) -> None:
    """Holdouts 9 and later were written blind to the engine and its training text: a
    floor on new text, a little below what the engine measures there (BENCHMARKS.md)."""
    analyzer = CareAnalyzer.default()
    customer = evaluate_customer(
        analyzer, load_jsonl(DEVSET_DIR / f"holdout{number}_customer.jsonl")
    )
    replies = evaluate_replies(analyzer, load_jsonl(DEVSET_DIR / f"holdout{number}_replies.jsonl"))
    scores = [c.f1 for c in customer.labels.values() if c.support] + [
        c.f1 for c in replies.labels.values() if c.support
    ]
    assert sum(scores) / len(scores) >= BLIND_HOLDOUT_FLOORS[number]


def test_spearman_handles_ties_and_constants() -> None:
    assert spearman([1, 2, 3], [10, 20, 30]) == pytest.approx(1.0)
    assert spearman([1, 2, 2, 3], [3, 2, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 1, 1], [1, 2, 3]) == 0.0


def test_devset_files_are_valid_jsonl() -> None:
    for name in (
        "customer.jsonl",
        "replies.jsonl",
        "holdout_customer.jsonl",
        "holdout_replies.jsonl",
    ):
        for line in (DEVSET_DIR / name).read_text(encoding="utf-8").splitlines():
            assert isinstance(json.loads(line), dict)
