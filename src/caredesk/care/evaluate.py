"""Scoring the engine against the support-domain dev set (devset/*.jsonl)."""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from caredesk.care.analyzer import CareAnalyzer
from caredesk.care.emotion import EmotionModel
from caredesk.care.labels import BEHAVIOURS, EFFORT, EMOTION_LABELS, RISKS, STAKES
from caredesk.care.scorers import LabelScorer

DEVSET_DIR = pathlib.Path(__file__).resolve().parent / "devset"


def load_jsonl(path: pathlib.Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
    return rows


@dataclass
class LabelCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (id, "FP"/"FN")

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, row_id: str, gold: bool, predicted: bool) -> None:
        if gold and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
            self.errors.append((row_id, "FP"))
        elif gold:
            self.fn += 1
            self.errors.append((row_id, "FN"))


def _ranks(values: Sequence[float]) -> np.ndarray[Any, np.dtype[np.float64]]:
    array = np.asarray(values, dtype=np.float64)
    order = array.argsort(kind="mergesort")
    ranks = np.empty(len(array), dtype=np.float64)
    ranks[order] = np.arange(len(array), dtype=np.float64)
    # Average the ranks of ties.
    for value in np.unique(array):
        mask = array == value
        if mask.sum() > 1:
            ranks[mask] = ranks[mask].mean()
    return ranks


def spearman(a: Sequence[float], b: Sequence[float]) -> float:
    if len(a) < 2:
        return 0.0
    ra, rb = _ranks(a), _ranks(b)
    if ra.std() == 0 or rb.std() == 0:
        return 0.0
    return float(np.corrcoef(ra, rb)[0, 1])


@dataclass
class CustomerReport:
    n: int
    emotion_f1: dict[str, float]
    emotion_macro_f1: float
    emotion_accuracy: float
    intensity_spearman: float
    labels: dict[str, LabelCounts]


@dataclass
class ReplyReport:
    n: int
    labels: dict[str, LabelCounts]


def _recorded(rows: list[dict[str, Any]], other: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Another reading of ``rows`` (matched by id), e.g. a second annotator's labels."""
    missing = [str(row["id"]) for row in rows if str(row["id"]) not in other]
    if missing:
        raise ValueError(f"the second reading has no row {missing[0]!r}")
    return [other[str(row["id"])] for row in rows]


def evaluate_customer(
    analyzer: CareAnalyzer,
    rows: list[dict[str, Any]],
    other: dict[str, dict[str, Any]] | None = None,
) -> CustomerReport:
    """The engine's reading of ``rows`` against their labels, or ``other``'s (rows by id)."""
    readings: list[tuple[str, float, set[str]]]
    if other is None:
        signals = analyzer.read_customer_batch([row["text"] for row in rows])
        readings = [
            (s.emotion, s.intensity, set(s.stakes_kinds) | set(s.effort_kinds)) for s in signals
        ]
    else:
        readings = [
            (str(r["emotion"]), float(r["intensity"]), set(r["stakes"]) | set(r["effort"]))
            for r in _recorded(rows, other)
        ]
    labels = {name: LabelCounts() for name in (*STAKES, *EFFORT)}
    emotion_counts = {name: LabelCounts() for name in EMOTION_LABELS}
    correct = 0
    for row, (emotion, _, predicted) in zip(rows, readings, strict=True):
        gold_kinds = set(row["stakes"]) | set(row["effort"])
        for name, counts in labels.items():
            counts.add(row["id"], name in gold_kinds, name in predicted)
        for name, counts in emotion_counts.items():
            counts.add(row["id"], row["emotion"] == name, emotion == name)
        correct += row["emotion"] == emotion
    emotion_f1 = {name: counts.f1 for name, counts in emotion_counts.items()}
    return CustomerReport(
        n=len(rows),
        emotion_f1=emotion_f1,
        emotion_macro_f1=float(np.mean(list(emotion_f1.values()))) if rows else 0.0,
        emotion_accuracy=correct / len(rows) if rows else 0.0,
        intensity_spearman=spearman([r["intensity"] for r in rows], [i for _, i, _ in readings]),
        labels=labels,
    )


def evaluate_replies(
    analyzer: CareAnalyzer,
    rows: list[dict[str, Any]],
    other: dict[str, dict[str, Any]] | None = None,
) -> ReplyReport:
    """The engine's reviews of ``rows`` against their labels, or ``other``'s (rows by id)."""
    readings: list[set[str]]
    if other is None:
        customers = analyzer.read_customer_batch([row["customer_text"] for row in rows])
        readings = []
        for row, customer in zip(rows, customers, strict=True):
            review = analyzer.review_reply(
                row["text"], customer=customer, history=row.get("history")
            )
            readings.append(set(review.present_behaviours) | set(review.present_risks))
    else:
        readings = [set(r["behaviours"]) | set(r["risks"]) for r in _recorded(rows, other)]
    labels = {name: LabelCounts() for name in (*BEHAVIOURS, *RISKS)}
    for row, predicted in zip(rows, readings, strict=True):
        gold = set(row["behaviours"]) | set(row["risks"])
        for name, counts in labels.items():
            counts.add(row["id"], name in gold, name in predicted)
    return ReplyReport(n=len(rows), labels=labels)


def load_devset(
    folder: pathlib.Path = DEVSET_DIR,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return load_jsonl(folder / "customer.jsonl"), load_jsonl(folder / "replies.jsonl")


def main(argv: Sequence[str] | None = None) -> int:
    """Score the engine on labelled JSONL files in the devset row format (customer rows,
    or reply rows with ``customer_text``): mean F1 over the labels present, and each
    label's precision and recall; with several files, also all of them pooled (a
    holdout's customer and reply files give the 23-label mean `caredesk bench care`
    reports)."""
    parser = argparse.ArgumentParser(
        prog="python -m caredesk.care.evaluate",
        description="Score the care engine's labels on hand-labelled JSONL files.",
    )
    parser.add_argument("files", nargs="+", type=pathlib.Path)
    parser.add_argument(
        "--patterns-only",
        action="store_true",
        help="the pattern layers without the learned label scorers",
    )
    parser.add_argument(
        "--errors",
        metavar="LABEL",
        action="append",
        default=[],
        help="also list this label's false flags (FP) and misses (FN) with their text; repeatable",
    )
    parser.add_argument(
        "--scorers",
        type=pathlib.Path,
        metavar="LABELS_NPZ",
        help="learned label scorers from this file (a training/train_labels.py --out build) "
        "instead of the shipped ones",
    )
    parser.add_argument(
        "--emotion",
        type=pathlib.Path,
        metavar="MODEL_DIR",
        help="the emotion model from this folder (its emotion.npz and emotion_vocab.json, a "
        "training/train_emotion.py --out build) instead of the shipped one",
    )
    parser.add_argument(
        "--against",
        type=pathlib.Path,
        metavar="JSONL",
        action="append",
        default=[],
        help="score these labels of the same rows (by id; one file for all the files scored, or "
        "one per file, in order), e.g. a second annotator's, instead of the engine's",
    )
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if len(args.against) > 1 and len(args.against) != len(args.files):
        parser.error("--against: give one file for all the files scored, or one for each")
    if args.patterns_only and args.scorers:
        parser.error("--patterns-only and --scorers exclude each other")
    if args.scorers and not args.scorers.is_file():
        parser.error(f"--scorers: no such file: {args.scorers}")
    emotion_model = EmotionModel.load()
    if args.emotion:
        try:
            emotion_model = EmotionModel.load(args.emotion)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            parser.error(f"--emotion: cannot read a model in {args.emotion}: {error}")
    if args.patterns_only:
        analyzer = CareAnalyzer(emotion_model, None)
    elif args.scorers or args.emotion:
        try:
            scorer = LabelScorer.load(args.scorers)
        except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
            parser.error(f"--scorers: cannot read {args.scorers}: {error}")
        if scorer is not None and emotion_model.vocab != scorer.vocab:
            parser.error("--emotion: its vocabulary is not the one the label scorers read")
        analyzer = CareAnalyzer(emotion_model, scorer)
    else:
        analyzer = CareAnalyzer.default()
    failed = False
    pooled: dict[str, LabelCounts] = {}
    scored_files = 0
    customer_rows: list[dict[str, Any]] = []
    customer_files = 0
    others: dict[str, dict[str, Any]] = {}
    for i, path in enumerate(args.files):
        try:
            rows = load_jsonl(path)
            texts = {str(row["id"]): str(row["text"]) for row in rows}
            other = (
                {
                    str(row["id"]): row
                    for row in load_jsonl(args.against[min(i, len(args.against) - 1)])
                }
                if args.against
                else None
            )
            others.update(other or {})
            emotion = ""
            if rows and "customer_text" in rows[0]:
                labels = evaluate_replies(analyzer, rows, other).labels
            else:
                report = evaluate_customer(analyzer, rows, other)
                labels = report.labels
                customer_rows += rows
                customer_files += 1
                emotion = (
                    f"; emotion macro-F1 {report.emotion_macro_f1:.3f}, "
                    f"intensity Spearman {report.intensity_spearman:.3f}"
                )
        except (OSError, ValueError, KeyError, TypeError) as error:
            print(f"{path}: cannot score it ({type(error).__name__}: {error})", file=sys.stderr)
            failed = True
            continue
        scored_files += 1
        for name, counts in labels.items():
            total = pooled.setdefault(name, LabelCounts())
            total.tp, total.fp, total.fn = (
                total.tp + counts.tp,
                total.fp + counts.fp,
                total.fn + counts.fn,
            )
        scored = {name: counts for name, counts in labels.items() if counts.support}
        mean = sum(c.f1 for c in scored.values()) / len(scored) if scored else 0.0
        print(f"{path}: {len(rows)} rows, mean F1 {mean:.3f} over {len(scored)} labels{emotion}")
        for name, counts in scored.items():
            print(
                f"  {name:24} P {counts.precision:.2f}  R {counts.recall:.2f}  "
                f"F1 {counts.f1:.2f}  (gold {counts.support})"
            )
        for name in args.errors:
            if name not in labels:
                print(f"  {name}: not a label of these rows", file=sys.stderr)
                continue
            for row_id, kind in labels[name].errors:
                print(f"  {name} {kind} {row_id}: {texts[row_id]}")
    if scored_files > 1:
        present = [counts for counts in pooled.values() if counts.support]
        mean = sum(c.f1 for c in present) / len(present) if present else 0.0
        micro = LabelCounts(
            tp=sum(c.tp for c in pooled.values()),
            fp=sum(c.fp for c in pooled.values()),
            fn=sum(c.fn for c in pooled.values()),
        )
        emotion = ""
        if customer_files > 1:
            # The six emotions' macro-F1 over every customer message of the files at once.
            both = evaluate_customer(analyzer, customer_rows, others if args.against else None)
            emotion = (
                f"; {len(customer_rows)} customer messages: emotion macro-F1 "
                f"{both.emotion_macro_f1:.3f}, intensity Spearman {both.intensity_spearman:.3f}"
            )
        print(
            f"all {scored_files} files: mean F1 {mean:.3f} over {len(present)} labels, "
            f"micro precision {micro.precision:.3f}, recall {micro.recall:.3f}{emotion}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
