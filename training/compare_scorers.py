"""Compare the label scorers alone (no patterns) on blind holdouts: a logistic regression
per label (the reply labels' shipped recipe) against the network of ``label_mlp.py`` (the
customer labels'), each trained on the hand-labelled files and scored on the pooled
holdouts by mean average precision and best-threshold F1 over the group's labels.

    /work/train-venv/bin/python training/compare_scorers.py customer --holdouts 9-19
    /work/train-venv/bin/python training/compare_scorers.py reply --holdouts 9-19 \\
        --exclude '*_13.jsonl'

A quick reader-against-reader check (about two minutes a group on one core); the choices
themselves are made on the whole engine, patterns included (``train_labels.py``,
``python -m caredesk.care.evaluate --scorers``).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import pathlib
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "src"))

import label_mlp
import train_labels

from caredesk.care.emotion import MAX_CHARS, MODEL_DIR, VOCAB_FILE, encode


def best_f1(gold: np.ndarray, scores: np.ndarray) -> float:
    precision, recall, _ = precision_recall_curve(gold, scores)
    f1 = 2 * precision * recall / np.maximum(precision + recall, 1e-9)
    return float(f1.max())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("group", choices=tuple(train_labels.GROUPS))
    parser.add_argument("--holdouts", default="9-19", help="blind holdouts to pool (e.g. 9-19)")
    parser.add_argument(
        "--exclude", action="append", default=[], help="training files to leave out (a glob)"
    )
    parser.add_argument(
        "--embeddings", type=pathlib.Path, default=pathlib.Path("/tmp/caredesk-train/words.npz")
    )
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    labels, pattern = train_labels.GROUPS[args.group]
    names = json.loads((MODEL_DIR / VOCAB_FILE).read_text(encoding="utf-8"))
    vocab = {name: i for i, name in enumerate(names)}
    with np.load(args.embeddings) as data:
        words = dict(zip(data["words"].tolist(), data["vectors"], strict=True))
    paths = [
        path
        for path in sorted(train_labels.DATA.glob(pattern))
        if not any(fnmatch.fnmatch(path.name, glob) for glob in args.exclude)
    ]
    rows = [row for path in paths for row in train_labels.load_jsonl(path)]
    sets = tuple(f"holdout{n}" for n in train_labels.parse_numbers(args.holdouts))
    blind = train_labels.devset_rows(args.group, sets)

    def bags(batch: list[dict[str, object]]) -> label_mlp.Bags:
        enc = encode([str(r["text"])[:MAX_CHARS] for r in batch], vocab, with_dense=False)
        ids, offsets = label_mlp.unique_features(enc.ids, enc.offsets)
        return label_mlp.Bags(ids, offsets)

    vectors = train_labels.word_vectors(words, vocab)
    gold = np.asarray(
        [[label in train_labels.gold_labels(r, args.group) for label in labels] for r in rows]
    )
    blind_gold = np.asarray(
        [[label in train_labels.gold_labels(r, args.group) for label in labels] for r in blind]
    )
    print(
        f"{args.group}: {len(rows)} training rows from {len(paths)} files, {len(blind)} blind rows"
    )

    train_x = train_labels.design([str(r["text"]) for r in rows], vocab, vectors)
    blind_x = train_labels.design([str(r["text"]) for r in blind], vocab, vectors)
    regression = np.zeros(blind_gold.shape)
    for k in range(len(labels)):
        clf = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced")
        regression[:, k] = clf.fit(train_x, gold[:, k]).predict_proba(blind_x)[:, 1]
    settings = label_mlp.Settings(hidden=args.hidden, seed=args.seed)
    network = label_mlp.fit(bags(rows), gold, np.ones_like(gold), vectors, settings)
    readers = {"regressions": regression, "network": network.probabilities(bags(blind))}
    for name, scores in readers.items():
        ap = [average_precision_score(blind_gold[:, k], scores[:, k]) for k in range(len(labels))]
        f1 = [best_f1(blind_gold[:, k], scores[:, k]) for k in range(len(labels))]
        print(
            f"{name:12} mean AP {np.mean(ap):.3f}  best-threshold F1 {np.mean(f1):.3f}  "
            + " ".join(f"{label}:{value:.2f}" for label, value in zip(labels, ap, strict=True))
        )


if __name__ == "__main__":
    main()
