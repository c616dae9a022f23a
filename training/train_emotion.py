"""Rebuild src/caredesk/care/models/emotion.npz + emotion_vocab.json.

    /work/train-venv/bin/python training/embed_words.py --data /work/shared/data
    /work/train-venv/bin/python training/train_emotion.py --data /work/shared/data

Deterministic (fixed seeds, deterministic solvers). Trains on GoEmotions train
(28 labels mapped to our six), TweetEval emotion train only with --tweeteval (the shipped model leaves it out: see training/README.md),
and our own support-domain corpus (training/support_corpus.py). Class biases and
the softmax temperature are tuned on GoEmotions dev. Never reads EPITOME, ESConv,
the test splits (unless --test, for the report) or the support dev set.
Intensity is fitted on the support corpus, the TWCS dialogs that are not held
out, and weak GoEmotions targets.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import pathlib
import sys
import time
from collections import Counter
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression, Ridge

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

import emotion_net  # noqa: E402
from corpus import emotion_rows, intensity_rows, support_examples  # noqa: E402
from label_mlp import Bags  # noqa: E402

from caredesk.care import bench_emotion as bench  # noqa: E402
from caredesk.care.emotion import (  # noqa: E402
    EMOTIONS,
    N_DENSE,
    VOCAB_FILE,
    WEIGHTS_FILE,
    EmotionModel,
    encode,
    feature_strings,
    tokenize,
)

NEGATIVITY = {0: 1.0, 1: 0.0, 2: -0.3}  # TweetEval sentiment: negative, neutral, positive


def build_vocab(texts: list[str], min_count: int, extra_words: set[str]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(feature_strings(tokenize(text))))
    names = {name for name, c in counts.items() if c >= min_count} | extra_words
    return {name: i for i, name in enumerate(sorted(names))}


def sparse_design(texts: list[str], vocab: dict[str, int]) -> tuple[sp.csr_matrix, np.ndarray]:
    enc = encode(texts, vocab)
    counts = np.diff(enc.offsets)
    values = np.repeat(1.0 / np.sqrt(np.maximum(counts, 1)), counts)
    sparse = sp.csr_matrix((values, enc.ids, enc.offsets), shape=(len(texts), len(vocab)))
    sparse.sum_duplicates()
    return sparse, enc.dense.astype(np.float64)


def teacher_rows(
    folder: pathlib.Path, weight: float, temperature: float, copies: int
) -> list[tuple[str, int, float, str]]:
    """A teacher's soft labels as weighted rows (cross-entropy against its
    probabilities is a weighted sum of one row per class); see training/teacher.py.

    The transfer set is the original messages followed by their perturbed copies, one
    block per copy; only the originals and the first ``copies`` blocks are used."""
    logits = np.load(folder / "teacher_logits.npy").astype(np.float64)
    texts = json.loads((folder / "teacher_texts.json").read_text(encoding="utf-8"))
    meta = json.loads((folder / "teacher_meta.json").read_text(encoding="utf-8"))
    if copies > meta["copies"]:
        raise SystemExit(f"the transfer set has {meta['copies']} copies, {copies} asked for")
    keep = meta["originals"] * (1 + copies)
    logits, texts = logits[:keep], texts[:keep]
    probs = softmax(logits / temperature)
    rows: list[tuple[str, int, float, str]] = []
    for text, p in zip(texts, probs, strict=True):
        for k in np.flatnonzero(p >= 0.02):
            rows.append((text, int(k), weight * float(p[k]), "teacher"))
    return rows


# The hand-labelled files whose words make the vocabulary. The label scorers
# (train_labels.py) read the same vocabulary, so it stays fixed when the emotion fit
# learns from more files: the emotion model can be retrained without them.
VOCAB_AUTHORED = (
    "customer_labeled.jsonl",
    "customer_labeled_2.jsonl",
    "customer_labeled_3.jsonl",
    "customer_labeled_4.jsonl",
    "customer_labeled_5.jsonl",
    "customer_labeled_6.jsonl",
    "customer_labeled_7.jsonl",
    "customer_labeled_8.jsonl",
)
# The hand-labelled files the shipped model learned from (--authored-files picks others).
SHIPPED_AUTHORED = (
    *VOCAB_AUTHORED,
    "customer_labeled_9.jsonl",
    "customer_labeled_10.jsonl",
    "customer_labeled_11.jsonl",
    "customer_labeled_12.jsonl",
    "customer_labeled_13.jsonl",
)


def authored_rows(names: Sequence[str] = SHIPPED_AUTHORED) -> list[tuple[str, str, float]]:
    """(text, emotion, intensity) of the hand-labelled support messages."""
    out = []
    for path in (ROOT / "training" / "data" / name for name in names):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.append((row["text"], row["emotion"], float(row["intensity"])))
    return out


def stored_network(folder: pathlib.Path, vocab: dict[str, int]) -> emotion_net.Fitted:
    """The network of a built ``emotion.npz`` (its int8 table widened; quantising it again
    gives the same bytes), refused unless it was built on this vocabulary."""
    names = json.loads((folder / VOCAB_FILE).read_text(encoding="utf-8"))
    if names != sorted(vocab, key=vocab.__getitem__):
        raise SystemExit(f"--network-from: {folder} was built on another vocabulary")
    with np.load(folder / WEIGHTS_FILE) as saved:
        if "out" not in saved.files:
            raise SystemExit(f"--network-from: {folder} holds a linear head, not a network")
        scale = saved["table_scale"] if "table_scale" in saved.files else 1.0
        return emotion_net.Fitted(
            table=(saved["table"].astype(np.float32) * scale).astype(np.float32),
            dense_weights=saved["dense_weights"].astype(np.float32),
            hidden_bias=saved["hidden_bias"].astype(np.float32),
            out=saved["out"].astype(np.float32),
            bias=saved["bias"].astype(np.float32),
        )


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def tune_bias(logits: np.ndarray, gold: list[int], strength: float) -> np.ndarray:
    """Per-class additive biases that raise GoEmotions-dev macro-F1 (coordinate ascent),
    shrunk by ``strength`` (0 = none) so the support domain is not pushed too far."""
    bias = np.zeros(len(EMOTIONS))
    best = bench.macro_f1(gold, logits.argmax(1).tolist(), range(len(EMOTIONS)))
    for _ in range(3):
        for k in range(len(EMOTIONS)):
            for delta in np.arange(-1.5, 1.51, 0.1):
                trial = bias.copy()
                trial[k] = delta
                score = bench.macro_f1(
                    gold, (logits + trial).argmax(1).tolist(), range(len(EMOTIONS))
                )
                if score > best + 1e-9:
                    best, bias = score, trial
    return bias * strength


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=pathlib.Path, default=pathlib.Path("/work/shared/data"))
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "src/caredesk/care/models")
    parser.add_argument(
        "--embeddings", type=pathlib.Path, default=pathlib.Path("/tmp/caredesk-train/words.npz")
    )
    parser.add_argument(
        "--tweeteval",
        action="store_true",
        help="add the TweetEval emotion train split (better on TweetEval, slightly worse on our support dev set, so not shipped)",
    )
    parser.add_argument("--support-weight", type=float, default=2.5)
    parser.add_argument("--C", type=float, default=8.0)
    parser.add_argument("--emb-scale", type=float, default=1.0)
    parser.add_argument("--bias-strength", type=float, default=1.0)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--twcs-weight", type=float, default=100.0)
    parser.add_argument("--intensity-alpha", type=float, default=30.0)
    parser.add_argument("--test", action="store_true", help="also print test-set figures")
    parser.add_argument(
        "--teacher",
        type=pathlib.Path,
        default=None,
        help="folder with teacher_logits.npy + teacher_texts.json (training/teacher.py)",
    )
    parser.add_argument("--teacher-weight", type=float, default=1.0)
    parser.add_argument(
        "--teacher-copies",
        type=int,
        default=1,
        help="perturbed copies of each message to learn from (of those teacher.py labelled)",
    )
    parser.add_argument("--teacher-temperature", type=float, default=1.0)
    parser.add_argument("--gold-weight", type=float, default=1.0)
    parser.add_argument(
        "--hidden",
        type=int,
        default=64,
        help="hidden units of the emotion network (emotion_net.py); 0: a linear head",
    )
    parser.add_argument("--epochs", type=int, default=emotion_net.Settings.epochs)
    parser.add_argument("--dropout", type=float, default=emotion_net.Settings.dropout)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--network-from",
        type=pathlib.Path,
        default=None,
        metavar="MODEL_DIR",
        help="take the emotion network from this folder's emotion.npz (same vocabulary) instead "
        "of training one, and fit only what follows it: class biases, temperature, intensity",
    )
    parser.add_argument(
        "--ensemble",
        type=int,
        default=1,
        help="networks averaged (seeds --seed, --seed + 1, ...): one network of N x --hidden units",
    )
    parser.add_argument(
        "--authored-weight",
        type=float,
        default=2.0,
        help="weight of the hand-labelled messages of --authored-files (0: left out)",
    )
    parser.add_argument(
        "--authored-files",
        nargs="+",
        default=list(SHIPPED_AUTHORED),
        help="hand-labelled files in training/data/ to learn from (default: the shipped model's)",
    )
    parser.add_argument(
        "--authored-intensity-weight",
        type=float,
        default=3.0,
        help="their weight in the intensity fit",
    )
    args = parser.parse_args()
    t0 = time.time()

    rows = emotion_rows(args.data, tweeteval=args.tweeteval, support_weight=args.support_weight)
    rows = [
        (t, y, wt * args.gold_weight if src == "goemotions" else wt, src) for t, y, wt, src in rows
    ]
    authored = authored_rows(args.authored_files) if args.authored_weight > 0 else []
    rows += [(t, EMOTIONS.index(e), args.authored_weight, "authored") for t, e, _ in authored]
    if args.teacher is not None:
        rows += teacher_rows(
            args.teacher, args.teacher_weight, args.teacher_temperature, args.teacher_copies
        )
    texts = [r[0] for r in rows]
    twcs = intensity_rows(args.data)

    words: dict[str, np.ndarray] = {}
    if args.embeddings and args.embeddings.exists():
        with np.load(args.embeddings) as data:
            words = dict(zip(data["words"].tolist(), data["vectors"], strict=True))
    # The teacher's perturbed copies add no features: the vocabulary (and so the
    # label scorers built on it) depends on the labelled text only.
    vocab_texts = [t for t, _, _, src in rows if src not in ("teacher", "authored")]
    vocab_texts += [t for t, _, _ in authored_rows(VOCAB_AUTHORED)]
    vocab = build_vocab(vocab_texts + [t for t, _, _ in twcs], args.min_count, set(words))
    n_feat = len(vocab)
    print(
        f"rows {len(texts)}, vocab {n_feat}, embedded words {len(words)} ({time.time() - t0:.0f}s)",
        flush=True,
    )

    # Embedding of each vocabulary entry (zero for bigrams, prefixes, unknown words).
    dims = len(next(iter(words.values()))) if words else 0
    emb = np.zeros((n_feat, dims))
    for word, vector in words.items():
        emb[vocab[word]] = vector * args.emb_scale

    def design(batch: list[str]) -> sp.csr_matrix:
        sparse, dense = sparse_design(batch, vocab)
        blocks = [sparse, sp.csr_matrix(dense)]
        if dims:
            blocks.append(sp.csr_matrix(sparse @ emb))
        return sp.hstack(blocks, format="csr")

    # The emotion fit is the slow step and does not depend on the intensity
    # settings: it is cached by its inputs, so tuning intensity reruns in seconds.
    def cache_file(
        prefix: str, settings: object, part: list[tuple[str, int, float, str]]
    ) -> pathlib.Path:
        key = hashlib.sha256(
            json.dumps([settings, sorted(vocab.items()), part], ensure_ascii=False).encode("utf-8")
            + (emb.tobytes() if dims else b"")
        ).hexdigest()[:20]
        return args.embeddings.parent / f"{prefix}_{key}.npz"

    def fit(
        part: list[tuple[str, int, float, str]], init: tuple[np.ndarray, np.ndarray] | None
    ) -> tuple[np.ndarray, np.ndarray]:
        cached = cache_file("emotion_fit", args.C, part)
        if cached.exists():
            with np.load(cached) as saved:
                print(f"emotion fit from {cached}", flush=True)
                return saved["coef"], saved["intercept"]
        clf = LogisticRegression(C=args.C, max_iter=3000, tol=1e-5, warm_start=init is not None)
        if init is not None:  # start from the fit without the teacher's rows
            clf.coef_, clf.intercept_ = init[0].T.copy(), init[1].copy()
        part_texts = [r[0] for r in part]
        unique = sorted(set(part_texts))
        position = {text: i for i, text in enumerate(unique)}
        clf.fit(
            design(unique)[[position[t] for t in part_texts]],
            np.asarray([r[1] for r in part]),
            sample_weight=np.asarray([r[2] for r in part]),
        )
        cached.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cached, coef=clf.coef_.T, intercept=clf.intercept_)
        print(f"fit emotion on {len(part)} rows ({time.time() - t0:.0f}s)", flush=True)
        return clf.coef_.T, clf.intercept_

    def fit_network(part: list[tuple[str, int, float, str]], seed: int) -> emotion_net.Fitted:
        settings = emotion_net.Settings(
            hidden=args.hidden, epochs=args.epochs, dropout=args.dropout, seed=seed
        )
        cached = cache_file("emotion_net", repr(settings), part)
        if cached.exists():
            with np.load(cached) as saved:
                print(f"emotion network from {cached}", flush=True)
                return emotion_net.Fitted(**{name: saved[name] for name in saved.files})
        texts, target, weight = emotion_net.targets(part, len(EMOTIONS))
        encoded = encode(texts, vocab)
        vectors = emb.astype(np.float32) if dims else np.zeros((n_feat, 1), dtype=np.float32)
        fitted = emotion_net.fit(
            Bags(encoded.ids, encoded.offsets), encoded.dense, target, weight, vectors, settings
        )
        cached.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cached, **vars(fitted))
        print(
            f"fit emotion network ({args.hidden} hidden) on {len(texts)} texts "
            f"({time.time() - t0:.0f}s)",
            flush=True,
        )
        return fitted

    network: emotion_net.Fitted | None = None
    table_scale: np.ndarray | None = None
    if args.hidden:
        # Shipped as int8 with one scale per column (half the size of float16; on
        # GoEmotions dev 8 of 4,689 predictions changed when this was measured). Every
        # step below reads the quantised table, so what is tuned is what ships.
        if args.network_from is not None:
            network = stored_network(args.network_from, vocab)
        else:
            network = emotion_net.averaged(
                [fit_network(rows, args.seed + i) for i in range(args.ensemble)]
            )
        table_scale = np.abs(network.table).max(axis=0) / 127.0
        table_scale[table_scale == 0] = 1.0
        quantised = np.round(network.table / table_scale).astype(np.int8)
        network = dataclasses.replace(
            network, table=(quantised.astype(np.float32) * table_scale).astype(np.float32)
        )
        table, dense_weights, bias = network.table, network.dense_weights, network.bias.copy()
    else:
        labelled = [r for r in rows if r[3] != "teacher"]
        coef, intercept = fit(labelled, None)  # (F + D + dims, 6), (6,)
        if len(labelled) < len(rows):
            coef, intercept = fit(rows, (coef, intercept))
        table = coef[:n_feat] + (emb @ coef[n_feat + N_DENSE :] if dims else 0.0)
        dense_weights = coef[n_feat : n_feat + N_DENSE]
        bias = intercept.copy()

    def logits_of(batch: list[str]) -> np.ndarray:
        if network is not None:
            encoded = encode(batch, vocab)
            return network.logits(Bags(encoded.ids, encoded.offsets), encoded.dense) - (
                network.bias - bias
            )
        sparse, dense = sparse_design(batch, vocab)
        return np.asarray(sparse @ table) + dense @ dense_weights + bias

    dev_texts, dev_gold = bench.load_care6(args.data / "goemotions" / "care6_dev.tsv")
    dev_logits = logits_of(dev_texts)
    raw_f1 = bench.macro_f1(dev_gold, dev_logits.argmax(1).tolist(), range(6))
    shift = tune_bias(dev_logits, dev_gold, args.bias_strength)
    bias = bias + shift
    dev_logits = dev_logits + shift
    best_t, best_nll = 1.0, np.inf
    for t in np.arange(0.5, 3.01, 0.05):
        p = softmax(dev_logits / t)
        nll = -np.mean(np.log(p[np.arange(len(dev_gold)), dev_gold] + 1e-12))
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    dev_pred = dev_logits.argmax(1).tolist()
    print(
        f"GoEmotions dev macro-F1 {raw_f1:.4f} -> {bench.macro_f1(dev_gold, dev_pred, range(6)):.4f} "
        f"with biases {np.round(shift, 2).tolist()}, T={best_t:.2f}"
    )
    print("  per class", [round(x, 3) for x in bench.per_class_f1(dev_gold, dev_pred)])

    # ---------------- intensity
    # A negativity score learned from TweetEval sentiment (val + test; we report no
    # sentiment figure) is one more input; everything is linear in the same
    # features, so it folds into the shipped tables.
    sent_dir = args.data / "tweeteval" / "sentiment"
    sent_texts: list[str] = []
    sent_target: list[float] = []
    for split in ("val", "test"):
        sent_texts += (sent_dir / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
        sent_target += [
            NEGATIVITY[int(v)] for v in (sent_dir / f"{split}_labels.txt").read_text().split()
        ]

    def intensity_design(batch: list[str]) -> sp.csr_matrix:
        sparse, dense = sparse_design(batch, vocab)
        probs = softmax(logits_of(batch) / best_t)
        return sp.hstack([sparse, sp.csr_matrix(dense), sp.csr_matrix(probs)], format="csr")

    negativity = Ridge(alpha=3.0).fit(intensity_design(sent_texts), np.asarray(sent_target))

    def with_negativity(x: sp.csr_matrix) -> sp.csr_matrix:
        return sp.hstack([x, sp.csr_matrix(negativity.predict(x)[:, None])], format="csr")

    # Support corpus (rubric intensities) + TWCS dialogs outside the held-out
    # third (frustration / 4). TWCS weight and alpha were chosen by 5-fold grouped
    # cross-validation on those fitting dialogs only (see training/README.md).
    support = support_examples()
    i_texts = [e.text for e in support] + [t for t, _, _ in twcs] + [t for t, _, _ in authored]
    i_target = np.asarray(
        [e.intensity for e in support] + [g for _, g, _ in twcs] + [i for _, _, i in authored]
    )
    i_weight = np.asarray(
        [1.0] * len(support)
        + [args.twcs_weight] * len(twcs)
        + [args.authored_intensity_weight] * len(authored)
    )
    reg = Ridge(alpha=args.intensity_alpha)
    reg.fit(with_negativity(intensity_design(i_texts)), i_target, sample_weight=i_weight)
    k = reg.coef_[-1]
    ncoef = negativity.coef_
    icoef = reg.coef_[:-1] + k * ncoef
    intensity_bias = reg.intercept_ + k * negativity.intercept_
    print(f"fit intensity ({time.time() - t0:.0f}s)", flush=True)

    args.out.mkdir(parents=True, exist_ok=True)
    head: dict[str, np.ndarray] = {"table": table.astype(np.float16)}
    if network is not None and table_scale is not None:
        head = {
            "table": np.round(table / table_scale).astype(np.int8),
            "table_scale": table_scale.astype(np.float32),
            "hidden_bias": network.hidden_bias.astype(np.float32),
            "out": network.out.astype(np.float32),
        }
    np.savez_compressed(
        args.out / WEIGHTS_FILE,
        dense_weights=dense_weights.astype(np.float32),
        bias=bias.astype(np.float32),
        **head,
        temperature=np.float32(best_t),
        intensity_table=icoef[:n_feat].astype(np.float16),
        intensity_dense=icoef[n_feat : n_feat + N_DENSE].astype(np.float32),
        intensity_probs=icoef[n_feat + N_DENSE :].astype(np.float32),
        intensity_bias=np.float32(intensity_bias),
    )
    names = sorted(vocab, key=vocab.__getitem__)
    (args.out / VOCAB_FILE).write_text(
        json.dumps(names, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )

    # ---------------- report with the written artifacts
    model = EmotionModel.load(args.out)
    tc_texts, tc_grades = bench.load_twcs(
        args.data / "twcs_frustration" / "turns.csv", heldout=True
    )
    _, tc_int = model.predict(tc_texts)
    _, fit_int = model.predict([t for t, _, _ in twcs])
    print(
        f"TWCS fitting-split Spearman (in-sample) {bench.spearman(fit_int, [g for _, g, _ in twcs]):.4f}"
    )
    print(f"TWCS held-out Spearman {bench.spearman(tc_int, tc_grades):.4f}")
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
    print(f"done ({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
