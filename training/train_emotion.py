"""Rebuild src/caredesk/care/models/emotion.npz + emotion_vocab.json.

    /work/train-venv/bin/python training/train_emotion.py --data /work/shared/data

Deterministic (fixed seeds, deterministic solvers). Trains on GoEmotions train
(28 labels mapped to our six), optionally TweetEval emotion train, and our own
support-domain corpus (training/support_corpus.py). Never reads EPITOME, ESConv
or the support dev set. Intensity is fitted on the support corpus, the TWCS
dialogs that are not held out, and weak GoEmotions targets.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time
from collections import Counter

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression, Ridge

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

from support_corpus import generate  # noqa: E402

from caredesk.care import bench_emotion as bench  # noqa: E402
from caredesk.care.emotion import (  # noqa: E402
    EMOTIONS,
    N_DENSE,
    VOCAB_FILE,
    WEIGHTS_FILE,
    dense_cues,
    encode,
    feature_strings,
    tokenize,
)


def build_vocab(texts: list[str], min_count: int) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(feature_strings(tokenize(text))))
    names = sorted(name for name, c in counts.items() if c >= min_count)
    return {name: i for i, name in enumerate(names)}


def design(texts: list[str], vocab: dict[str, int]) -> sp.csr_matrix:
    enc = encode(texts, vocab)
    counts = np.diff(enc.offsets)
    values = np.repeat(1.0 / np.sqrt(np.maximum(counts, 1)), counts)
    sparse = sp.csr_matrix((values, enc.ids, enc.offsets), shape=(len(texts), len(vocab)))
    sparse.sum_duplicates()
    return sp.hstack([sparse, sp.csr_matrix(enc.dense)], format="csr")


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=pathlib.Path, default=pathlib.Path("/work/shared/data"))
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "src/caredesk/care/models")
    parser.add_argument("--no-tweeteval", action="store_true", help="leave TweetEval train out")
    parser.add_argument("--support", type=int, default=12000, help="support-corpus messages")
    parser.add_argument("--support-weight", type=float, default=1.0)
    parser.add_argument("--C", type=float, default=4.0)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--test", action="store_true", help="also print test-set figures")
    args = parser.parse_args()
    t0 = time.time()

    # ---------------- emotion training rows
    texts: list[str] = []
    labels: list[int] = []
    weights: list[float] = []
    source: list[str] = []
    for text, names in bench.load_goemotions_original(
        args.data / "goemotions" / "original", "train"
    ):
        for name in names:
            texts.append(text)
            labels.append(EMOTIONS.index(name))
            weights.append(1.0 / len(names))
            source.append("goemotions")
    if not args.no_tweeteval:
        tw_texts, tw_labels = bench.load_tweeteval(args.data / "tweeteval" / "emotion", "train")
        texts += tw_texts
        labels += tw_labels
        weights += [1.0] * len(tw_texts)
        source += ["tweeteval"] * len(tw_texts)
    support = generate(args.support)
    texts += [e.text for e in support]
    labels += [EMOTIONS.index(e.emotion) for e in support]
    weights += [args.support_weight] * len(support)
    source += ["support"] * len(support)

    twcs_texts, twcs_grades = bench.load_twcs(
        args.data / "twcs_frustration" / "turns.csv", heldout=False
    )
    vocab = build_vocab(texts + twcs_texts, args.min_count)
    print(f"rows {len(texts)}, vocab {len(vocab)}  ({time.time() - t0:.1f}s)", flush=True)

    X = design(texts, vocab)
    y = np.asarray(labels)
    w = np.asarray(weights)
    clf = LogisticRegression(C=args.C, max_iter=3000, tol=1e-5)
    clf.fit(X, y, sample_weight=w)
    print(f"fit emotion ({time.time() - t0:.1f}s)", flush=True)
    F = len(vocab)
    coef = clf.coef_.T.astype(np.float32)  # (F + D, 6)
    table, dense_weights = coef[:F], coef[F:]
    bias = clf.intercept_.astype(np.float32)

    # ---------------- temperature on GoEmotions dev
    dev_texts, dev_gold = bench.load_care6(args.data / "goemotions" / "care6_dev.tsv")
    dev_logits = design(dev_texts, vocab) @ coef + bias
    best_t, best_nll = 1.0, np.inf
    for t in np.arange(0.5, 3.01, 0.05):
        p = softmax(dev_logits / t)
        nll = -np.mean(np.log(p[np.arange(len(dev_gold)), dev_gold] + 1e-12))
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    dev_pred = dev_logits.argmax(axis=1)
    print(
        f"GoEmotions dev macro-F1 {bench.macro_f1(dev_gold, dev_pred.tolist(), range(6)):.4f}  T={best_t:.2f}"
    )
    print("  per class", [round(x, 3) for x in bench.per_class_f1(dev_gold, dev_pred.tolist())])

    # ---------------- intensity
    ge_rows = bench.load_goemotions_original(args.data / "goemotions" / "original", "train")[:8000]
    weak = {
        "neutral": 0.1,
        "confusion": 0.3,
        "gratitude": 0.4,
        "sadness": 0.5,
        "anxiety": 0.55,
        "anger": 0.6,
    }
    i_texts = [e.text for e in support] + twcs_texts + [t for t, _ in ge_rows]
    i_target = (
        [e.intensity for e in support]
        + [g / 4.0 for g in twcs_grades]
        + [max(weak[n] for n in names) for _, names in ge_rows]
    )
    i_weight = [1.0] * len(support) + [6.0] * len(twcs_texts) + [0.3] * len(ge_rows)
    Xi = design(i_texts, vocab)
    probs_i = softmax((Xi @ coef + bias) / best_t)
    Xi_full = sp.hstack([Xi, sp.csr_matrix(probs_i)], format="csr")
    reg = Ridge(alpha=3.0, solver="auto")
    reg.fit(Xi_full, np.asarray(i_target), sample_weight=np.asarray(i_weight))
    icoef = reg.coef_.astype(np.float32)
    intensity_table = icoef[:F]
    intensity_dense = icoef[F : F + N_DENSE]
    intensity_probs = icoef[F + N_DENSE :]
    print(f"fit intensity ({time.time() - t0:.1f}s)", flush=True)

    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out / WEIGHTS_FILE,
        table=table.astype(np.float16),
        dense_weights=dense_weights,
        bias=bias,
        temperature=np.float32(best_t),
        intensity_table=intensity_table.astype(np.float16),
        intensity_dense=intensity_dense,
        intensity_probs=intensity_probs,
        intensity_bias=np.float32(reg.intercept_),
    )
    names = sorted(vocab, key=vocab.__getitem__)
    (args.out / VOCAB_FILE).write_text(
        json.dumps(names, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
    assert len(dense_cues("")) == N_DENSE

    # ---------------- quick report with the shipped artifacts
    from caredesk.care.emotion import EmotionModel

    model = EmotionModel.load(args.out)
    tc_texts, tc_grades = bench.load_twcs(
        args.data / "twcs_frustration" / "turns.csv", heldout=True
    )
    _, tc_int = model.predict(tc_texts)
    print(f"TWCS held-out Spearman {bench.spearman(tc_int, tc_grades):.4f}")
    _, tr_int = model.predict(twcs_texts)
    print(f"TWCS fit-split Spearman {bench.spearman(tr_int, twcs_grades):.4f}")
    if bench.DEVSET.exists():
        dv_texts, dv_gold, dv_int = bench.load_devset()
        p, inten = model.predict(dv_texts)
        pred = p.argmax(axis=1).tolist()
        print(
            f"support dev macro-F1 {bench.macro_f1(dv_gold, pred):.4f}  intensity Spearman {bench.spearman(inten, dv_int):.4f}"
        )
        print("  per class", [round(x, 3) for x in bench.per_class_f1(dv_gold, pred)])
    if args.test:
        te_texts, te_gold = bench.load_care6(args.data / "goemotions" / "care6_test.tsv")
        p, _ = model.predict(te_texts)
        print(
            f"GoEmotions TEST macro-F1 {bench.macro_f1(te_gold, p.argmax(1).tolist(), range(6)):.4f}"
        )
        tw_texts, tw_gold = bench.load_tweeteval(args.data / "tweeteval" / "emotion", "test")
        p, _ = model.predict(tw_texts)
        lab = [0, 2, 4]
        pred = [lab[int(np.argmax(r[lab]))] for r in p]
        print(f"TweetEval TEST macro-F1 {bench.macro_f1(tw_gold, pred, lab):.4f}")
    print(f"done ({time.time() - t0:.1f}s)")


if __name__ == "__main__":
    main()
