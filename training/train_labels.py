"""Rebuild src/caredesk/care/models/labels.npz: the learned label scorers.

    /work/train-venv/bin/python training/train_labels.py

Needs the shipped emotion vocabulary (``emotion_vocab.json``: run train_emotion.py
first when it changes), the MiniLM word vectors from embed_words.py, and torch for
the network (``label_mlp.py``).

The weights are trained on the hand-labelled support text in training/data/ only.
The customer labels (--mlp-groups) are read by one small network with a shared hidden
layer (label_mlp.py); each reply label by a logistic regression. Both read the message
as the emotion model does (unigrams, bigrams and prefixes divided by sqrt(count), plus
the summed word vectors, folded into the same rows; the network counts each feature
once). Two numbers per label, its threshold and its veto, are then chosen to maximise
F1 of "the patterns found it and the scorer does not veto it, or the scorer is above
the threshold", at a precision of at least --min-precision, over the out-of-fold
predictions on the training text (5 folds) together with the dev set and holdouts
1-8 (sets the patterns were already tuned on). A label whose scorer does not raise
that F1 (by more than --min-gain, default 0) keeps neither and is never added or
vetoed at run time.
Holdout 9 and later are never read: they measure the result blind.
Deterministic: seeded folds, the lbfgs solver, and a seeded network trained on one
thread.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from collections import Counter
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import label_mlp  # noqa: E402  (beside this script)

from caredesk.care.analyzer import CareAnalyzer  # noqa: E402
from caredesk.care.emotion import (  # noqa: E402
    MAX_CHARS,
    MODEL_DIR,
    VOCAB_FILE,
    EmotionModel,
    encode,
    feature_strings,
    tokenize,
)
from caredesk.care.labels import BEHAVIOURS, EFFORT, RISKS, STAKES  # noqa: E402
from caredesk.care.scorers import (  # noqa: E402
    LABELS_FILE,
    VETO_MIN_FEATURES,
    vocab_digest,
)

DATA = ROOT / "training" / "data"
DEVSET = ROOT / "src" / "caredesk" / "care" / "devset"
# The sets the thresholds may also be chosen on (their patterns are in-sample anyway).
# Holdout 9 and later are never read here: they stay a blind measurement.
TUNING_SETS = ("", "holdout", *(f"holdout{i}" for i in range(2, 9)))


def devset_rows(group: str, sets: Sequence[str] = TUNING_SETS) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for prefix in sets:
        if group == "customer":
            name = f"{prefix}_customer.jsonl" if prefix else "customer.jsonl"
        else:
            name = f"{prefix}_replies.jsonl" if prefix else "replies.jsonl"
        rows += load_jsonl(DEVSET / name)
    return rows


GROUPS = {
    "customer": (tuple(STAKES) + tuple(EFFORT), "customer_labeled*.jsonl"),
    "reply": (tuple(BEHAVIOURS) + tuple(RISKS), "replies_labeled*.jsonl"),
}
FOLDS = 5


def parse_numbers(spec: str) -> list[int]:
    """``"9-13"`` or ``"9,11,12"`` -> the numbers; ``""`` -> none."""
    out: list[int] = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        low, _, high = part.partition("-")
        out.extend(range(int(low), int(high or low) + 1))
    return out


def load_jsonl(path: pathlib.Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def compact_vocab(
    texts: Sequence[str], names: Sequence[str], with_vector: set[str], min_count: int
) -> list[str]:
    """A reply scorer's own features: those used by at least ``min_count`` training
    replies, and every word of the emotion vocabulary that has a vector (so a
    synonym the training text never used still counts)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(feature_strings(tokenize(text[:MAX_CHARS]))))
    keep = {feature for feature, n in counts.items() if n >= min_count}
    keep.update(name for name in names if name in with_vector)
    return sorted(keep)


def gold_labels(row: dict[str, object], group: str) -> set[str]:
    keys = ("stakes", "effort") if group == "customer" else ("behaviours", "risks")
    out: set[str] = set()
    for key in keys:
        value = row.get(key) or []
        assert isinstance(value, list)
        out.update(str(v) for v in value)
    return out


def pattern_labels(
    analyzer: CareAnalyzer, rows: list[dict[str, object]], group: str
) -> list[set[str]]:
    out: list[set[str]] = []
    for row in rows:
        if group == "customer":
            signal = analyzer.read_customer(str(row["text"]))
            out.append(set(signal.stakes_kinds) | set(signal.effort_kinds))
        else:
            history = row.get("history") or []
            assert isinstance(history, list)
            review = analyzer.review_reply(
                str(row["text"]), customer=str(row.get("customer_text") or ""), history=history
            )
            out.append(set(review.present_behaviours) | set(review.present_risks))
    return out


def f1_parts(
    gold: Sequence[bool], pred: Sequence[bool], weight: Sequence[float] | None = None
) -> tuple[float, float, float]:
    """Precision, recall and F1, each row counted ``weight`` times (default once)."""
    w = weight if weight is not None else [1.0] * len(gold)
    rows = list(zip(gold, pred, w, strict=True))
    tp = sum(x for g, p, x in rows if g and p)
    fp = sum(x for g, p, x in rows if p and not g)
    fn = sum(x for g, p, x in rows if g and not p)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def choose_threshold_and_veto(
    pat: Sequence[bool],
    scores: Sequence[float],
    long_enough: Sequence[bool],
    may_add: Sequence[bool],
    gold: Sequence[bool],
    weight: Sequence[float],
    dev: slice,
    base: tuple[float, float, float],
    dev_floor: float,
    vetoes: Sequence[float],
    args: argparse.Namespace,
) -> tuple[float | None, float | None, tuple[float, float, float]]:
    """The threshold and veto (probabilities; ``None``: not used) whose reading, "the
    patterns found it and the scorer did not veto it, or the scorer is over the threshold
    on a row where it ``may_add``",
    has the best F1 over the rows at a precision of at least --min-precision and keeps the
    dev rows at ``dev_floor``; with that F1, or ``base`` (the patterns alone) when none
    beats it."""
    best_t: float | None = None
    best_v: float | None = None
    best = base
    for v in [None, *vetoes]:
        kept = [
            p and (v is None or s >= v or not long)
            for p, s, long in zip(pat, scores, long_enough, strict=True)
        ]
        for t in [*np.arange(0.5, 0.991, 0.01).tolist(), None]:
            if t is None and v is None:
                continue
            pred = [
                k or (t is not None and s >= t and add)
                for k, s, add in zip(kept, scores, may_add, strict=True)
            ]
            parts = f1_parts(gold, pred, weight)
            if (
                parts[0] >= args.min_precision
                and parts[2] > best[2] + 1e-9
                and f1_parts(gold[dev], pred[dev])[2] >= dev_floor - 1e-9
            ):
                best_t, best_v, best = t, v, parts
    return best_t, best_v, best


def word_vectors(words: dict[str, np.ndarray], vocab: dict[str, int]) -> np.ndarray:
    """The MiniLM vector of each feature of ``vocab`` (zeros for features without one)."""
    emb = np.zeros((len(vocab), len(next(iter(words.values())))))
    for word, vector in words.items():
        if word in vocab:
            emb[vocab[word]] = vector
    return emb


def design(
    texts: Sequence[str], vocab: dict[str, int], emb: np.ndarray, *, unique: bool = False
) -> sp.csr_matrix:
    """The regressions' input: each feature hit divided by sqrt(the message's hits), and
    the same pooling of the features' word vectors beside it. ``unique``: each feature
    counts once per message (as ``ScorerSet.pool`` reads it with ``unique``)."""
    enc = encode([t[:MAX_CHARS] for t in texts], vocab, with_dense=False)
    ids, offsets = enc.ids, enc.offsets
    if unique:
        ids, offsets = label_mlp.unique_features(ids, offsets)
    counts = np.diff(offsets)
    values = np.repeat(1.0 / np.sqrt(np.maximum(counts, 1)), counts)
    sparse = sp.csr_matrix((values, ids, offsets), shape=(len(texts), len(vocab)))
    sparse.sum_duplicates()
    return sp.hstack([sparse, sp.csr_matrix(sparse @ emb)], format="csr")


def fit_network(
    texts: Sequence[str],
    tune_texts: Sequence[str],
    vocab: dict[str, int],
    words: dict[str, np.ndarray],
    targets: np.ndarray,
    keeps: Sequence[np.ndarray],
    folds: np.ndarray,
    args: argparse.Namespace,
) -> tuple[label_mlp.Fitted, np.ndarray, np.ndarray, np.ndarray]:
    """One network for a group's labels: its out-of-fold probabilities on the training
    rows, the full fit's on the tuning rows, and the feature rows it keeps (every feature
    of the training text, and every word with a vector; the others read as zeros)."""
    encoded = encode([t[:MAX_CHARS] for t in texts], vocab, with_dense=False)
    with_vector = np.asarray(sorted(vocab[w] for w in words if w in vocab), dtype=np.int64)
    kept = np.union1d(np.unique(encoded.ids), with_vector)
    remap = np.full(len(vocab), len(kept), dtype=np.int64)
    remap[kept] = np.arange(len(kept))
    # The kept rows' vectors, and a zero row for every feature not kept.
    all_vectors = word_vectors(words, vocab)
    vectors = np.vstack([all_vectors[kept], np.zeros((1, all_vectors.shape[1]))])

    def bags(batch: Sequence[str]) -> label_mlp.Bags:
        enc = encode([t[:MAX_CHARS] for t in batch], vocab, with_dense=False)
        ids, offsets = (enc.ids, enc.offsets)
        if args.unique_features:
            ids, offsets = label_mlp.unique_features(ids, offsets)
        return label_mlp.Bags(remap[ids], offsets)

    train_bags = bags(texts)
    mask = np.stack(keeps, axis=1)
    settings = label_mlp.Settings(hidden=args.hidden, epochs=args.epochs, seed=args.seed)
    oof = np.zeros(targets.shape)
    for fold in range(FOLDS):
        train = np.flatnonzero(folds != fold)
        test = np.flatnonzero(folds == fold)
        fitted = label_mlp.fit(
            train_bags.subset(train), targets[train], mask[train], vectors, settings
        )
        oof[test] = fitted.probabilities(train_bags.subset(test))
    network = label_mlp.fit(train_bags, targets, mask, vectors, settings)
    # The last row stands for every feature not kept: it never trains and has no vector.
    assert not network.table[-1].any()
    tune = (
        network.probabilities(bags(tune_texts)) if tune_texts else np.zeros((0, targets.shape[1]))
    )
    trimmed = label_mlp.Fitted(network.table[:-1], network.hidden_bias, network.out, network.bias)
    return trimmed, oof, tune, kept


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=pathlib.Path, default=MODEL_DIR)
    parser.add_argument(
        "--embeddings", type=pathlib.Path, default=pathlib.Path("/tmp/caredesk-train/words.npz")
    )
    parser.add_argument("--C", type=float, default=4.0)
    parser.add_argument(
        "--min-gain",
        type=float,
        default=0.0,
        help="F1 a scorer must add to its label to be kept (0: any gain). The patterns were "
        "written from these rows, so the F1 they leave for a scorer to add is smaller here than "
        "on new text; 0.02 dropped the deadline scorer, which holdout 14 needed",
    )
    parser.add_argument(
        "--min-precision",
        type=float,
        default=0.80,
        help="precision the patterns and scorer together must keep on the threshold rows; 0.85 "
        "refused a scorer wherever the patterns alone were already under it (repeat_contact)",
    )
    parser.add_argument(
        "--reply-vocab",
        choices=("compact", "emotion"),
        default="emotion",
        help="reply scorers on the emotion model's vocabulary (shipped), or on a compact one of "
        "their own (about 5%% faster reviews, 0.003 lower mean F1 out of fold)",
    )
    parser.add_argument(
        "--dev-floor",
        type=float,
        default=0.85,
        help="F1 every label must keep on the dev set (devset/customer.jsonl, replies.jsonl), "
        "or the patterns' own F1 there if lower: a threshold that takes a label under it is "
        "refused",
    )
    parser.add_argument(
        "--train-tuning",
        action="store_true",
        help="also train the scorers on the dev set and holdouts 1-8 (written from the rubric "
        "alone, and already read), with their thresholds on out-of-fold predictions as for "
        "the training text",
    )
    parser.add_argument(
        "--veto",
        type=lambda spec: [float(x) for x in spec.split(",") if x],
        default=[0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5],
        help="probabilities (comma-separated) under which a scorer may also veto its label "
        "where the patterns found it, each tried with every threshold and with none, under the "
        "same precision and dev-set floors ('' for no vetoes)",
    )
    parser.add_argument(
        "--groups",
        nargs="+",
        choices=tuple(GROUPS),
        default=list(GROUPS),
        help="the groups to build (a build of one group alone is for experiments)",
    )
    parser.add_argument(
        "--second-reading",
        type=pathlib.Path,
        action="append",
        default=[],
        help="JSONL files of a second reading of training rows (id and labels)",
    )
    parser.add_argument(
        "--second-mode",
        choices=("none", "replace", "union", "agree"),
        default="none",
        help="how a second reading changes a training row's labels: replaces them, adds to "
        "them, or (agree) leaves a row out of each label the two readings disagree on",
    )
    parser.add_argument(
        "--mlp-groups",
        nargs="*",
        choices=tuple(GROUPS),
        default=["customer"],
        help="groups read by one small network with a shared hidden layer (label_mlp.py) "
        "instead of a logistic regression per label",
    )
    parser.add_argument(
        "--counted-features",
        dest="unique_features",
        action="store_false",
        help="the network counts a feature as often as the message repeats it (by default "
        "each feature counts once, so a phrase said ten times reads as said once)",
    )
    parser.add_argument(
        "--add-min-features",
        type=int,
        default=VETO_MIN_FEATURES,
        help="a network adds a label only on a message with this many feature hits or more "
        "(as a veto needs): on a line or two it says more than the words do",
    )
    parser.add_argument(
        "--unique-regressions",
        nargs="*",
        choices=tuple(GROUPS),
        default=["reply"],
        help="groups whose regressions count each feature once per message, as the "
        "network does, so a text said twice reads as said once (none: give the option alone)",
    )
    parser.add_argument("--hidden", type=int, default=128, help="the network's hidden units")
    parser.add_argument("--epochs", type=int, default=15, help="the network's training epochs")
    parser.add_argument("--seed", type=int, default=0, help="the network's seed")
    parser.add_argument("--min-count", type=int, default=2, help="for the compact vocabulary")
    parser.add_argument(
        "--no-devset",
        action="store_true",
        help="choose thresholds on the training text alone (out-of-fold), not also on devset/",
    )
    parser.add_argument(
        "--blind-sets",
        default="",
        help="holdouts (numbers, e.g. 9-13) whose errors were never read and which no pattern "
        "was written from, added to the threshold rows: on them the patterns are out of "
        "sample, as on new text",
    )
    parser.add_argument(
        "--blind-weight",
        type=float,
        default=1.0,
        help="how many times each --blind-sets row counts in the threshold F1",
    )
    args = parser.parse_args()
    second: dict[str, dict[str, object]] = {}
    for path in args.second_reading:
        second.update({str(row["id"]): row for row in load_jsonl(path)})
    blind_sets = tuple(f"holdout{n}" for n in parse_numbers(args.blind_sets))

    names = json.loads((MODEL_DIR / VOCAB_FILE).read_text(encoding="utf-8"))
    with np.load(args.embeddings) as data:
        words = dict(zip(data["words"].tolist(), data["vectors"], strict=True))

    def feature_hits(texts: list[str], vocab: dict[str, int]) -> list[int]:
        enc = encode([t[:MAX_CHARS] for t in texts], vocab, with_dense=False)
        hits: list[int] = np.diff(enc.offsets).tolist()
        return hits

    # Pattern layers alone: the scorers are what is being trained.
    analyzer = CareAnalyzer(EmotionModel.load(), label_scorer=None)
    arrays: dict[str, np.ndarray] = {"vocab_digest": np.asarray(vocab_digest(names))}
    rng = np.random.default_rng(0)
    for group, (labels, pattern) in GROUPS.items():
        if group not in args.groups:
            continue
        rows = [row for path in sorted(DATA.glob(pattern)) for row in load_jsonl(path)]
        tuning = [] if args.no_devset else devset_rows(group)
        # The dev set leads the tuning rows: its rows are checked against --dev-floor.
        n_dev = 0 if args.no_devset else len(devset_rows(group, ("",)))
        dev = slice(len(rows), len(rows) + n_dev)
        if args.train_tuning:
            rows, tune_rows = rows + tuning, []
        else:
            tune_rows = tuning
        texts = [str(r["text"]) for r in rows]
        if group == "reply" and args.reply_vocab == "compact":
            own = compact_vocab(texts, names, set(words), args.min_count)
            arrays[f"{group}_vocab"] = np.asarray(own)
            vocab = {name: i for i, name in enumerate(own)}
        else:
            vocab = {name: i for i, name in enumerate(names)}
        # The regressions read a design matrix; a network builds its own input.
        regression = group not in args.mlp_groups
        emb = word_vectors(words, vocab) if regression else None
        gold = [gold_labels(r, group) for r in rows]
        other = [
            gold_labels(second[str(r["id"])], group) if str(r.get("id")) in second else None
            for r in rows
        ]
        if args.second_mode == "replace":
            gold = [g if o is None else o for g, o in zip(gold, other, strict=True)]
        elif args.second_mode == "union":
            gold = [g if o is None else g | o for g, o in zip(gold, other, strict=True)]
        found = pattern_labels(analyzer, rows, group)
        unique_rows = regression and group in args.unique_regressions
        x = design(texts, vocab, emb, unique=unique_rows) if emb is not None else None
        # Feature hits per row: a veto needs VETO_MIN_FEATURES (as at run time), and a
        # network adds a label only from --add-min-features.
        hit_counts = feature_hits(texts, vocab)
        weight = [1.0] * (len(rows) + len(tune_rows))
        if blind_sets:
            blind = devset_rows(group, blind_sets)
            tune_rows += blind
            weight += [args.blind_weight] * len(blind)
        tune_gold = [gold_labels(r, group) for r in tune_rows]
        tune_found = pattern_labels(analyzer, tune_rows, group)
        tune_x = (
            design([str(r["text"]) for r in tune_rows], vocab, emb, unique=unique_rows)
            if emb is not None and tune_rows
            else None
        )
        hit_counts += feature_hits([str(r["text"]) for r in tune_rows], vocab)
        long_enough = [count >= VETO_MIN_FEATURES for count in hit_counts]
        folds = rng.permutation(len(rows)) % FOLDS
        table = np.zeros((len(vocab), len(labels)))
        bias = np.zeros(len(labels))
        cuts = np.full(len(labels), np.inf)
        veto_cuts = np.full(len(labels), -np.inf)
        print(
            f"\n{group}: {len(rows)} training rows, {len(vocab)} features,"
            f" thresholds on those + {len(tune_rows)} devset rows"
            + (f" ({', '.join(blind_sets)} at weight {args.blind_weight:g})" if blind_sets else "")
        )
        # Which training rows teach each label, and how much each threshold row counts.
        keeps: list[np.ndarray] = []
        label_weights: list[list[float]] = []
        for label in labels:
            # A reply that repeats a stock phrase of the agent's earlier replies is
            # scripted because of that history, which the scorer never sees: such rows
            # would teach it that plain apologies are scripted. They are left out of
            # that label's scorer (the history rule finds them).
            keep = (
                np.asarray([not r.get("history") for r in rows])
                if label == "scripted_empathy"
                else np.ones(len(rows), dtype=bool)
            )
            label_weight = weight
            if args.second_mode == "agree":
                # Rows the two readings disagree on for this label teach and count nothing.
                split = np.asarray(
                    [
                        o is not None and (label in o) != (label in g)
                        for g, o in zip(gold, other, strict=True)
                    ]
                )
                keep = keep & ~split
                label_weight = [
                    0.0 if apart else w for apart, w in zip(split, weight[: len(rows)], strict=True)
                ] + weight[len(rows) :]
            keeps.append(keep)
            label_weights.append(label_weight)
        targets = np.asarray([[label in g for label in labels] for g in gold], dtype=bool)
        network: label_mlp.Fitted | None = None
        add_min = args.add_min_features if group in args.mlp_groups else 0
        may_add = [count >= add_min for count in hit_counts]
        if not regression:
            network, oof_all, tune_all, kept_rows = fit_network(
                texts,
                [str(r["text"]) for r in tune_rows],
                vocab,
                words,
                targets,
                keeps,
                folds,
                args,
            )
            arrays[f"{group}_rows"] = kept_rows.astype(np.int32)
            arrays[f"{group}_unique"] = np.asarray(args.unique_features)
            arrays[f"{group}_add_min_features"] = np.asarray(add_min)
            print(f"network: {args.hidden} hidden units over {len(kept_rows)} feature rows")
        print(f"{'label':24} {'n':>4}  patterns P/R/F1      with scorer P/R/F1   threshold")
        for k, label in enumerate(labels):
            y = targets[:, k]
            keep, label_weight = keeps[k], label_weights[k]
            pat = [label in f for f in found] + [label in f for f in tune_found]
            all_gold = y.tolist() + [label in g for g in tune_gold]
            base = f1_parts(all_gold, pat, label_weight)
            dev_floor = min(args.dev_floor, f1_parts(all_gold[dev], pat[dev])[2])
            if y.sum() < 10:
                print(f"{label:24} {int(y.sum()):4}  too few positives; no scorer")
                continue
            if network is not None:
                scores = oof_all[:, k].tolist() + tune_all[:, k].tolist()
            else:
                oof = np.zeros(len(rows))
                for fold in range(FOLDS):
                    train, test = (folds != fold) & keep, folds == fold
                    clf = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced")
                    clf.fit(x[train], y[train])
                    oof[test] = clf.predict_proba(x[test])[:, 1]
                clf = LogisticRegression(C=args.C, max_iter=2000, class_weight="balanced")
                clf.fit(x[keep], y[keep])
                scores = oof.tolist()
                if tune_x is not None:
                    scores += clf.predict_proba(tune_x)[:, 1].tolist()
                coef = clf.coef_[0]
                table[:, k] = coef[: len(vocab)] + emb @ coef[len(vocab) :]
                bias[k] = clf.intercept_[0]
            # Scripted empathy may come from the agent's history, which the scorer never
            # reads (see above): it may not veto that label.
            vetoes = [] if label == "scripted_empathy" else args.veto
            best_t, best_v, best = choose_threshold_and_veto(
                pat,
                scores,
                long_enough,
                may_add,
                all_gold,
                label_weight,
                dev,
                base,
                dev_floor,
                vetoes,
                args,
            )
            used = (best_t is not None or best_v is not None) and best[2] >= base[2] + args.min_gain
            if used and best_t is not None:
                cuts[k] = np.log(best_t) - np.log1p(-best_t)
            if used and best_v is not None:
                veto_cuts[k] = np.log(best_v) - np.log1p(-best_v)
            print(
                f"{label:24} {int(y.sum()):4}  {base[0]:.2f}/{base[1]:.2f}/{base[2]:.2f}"
                f"       {best[0]:.2f}/{best[1]:.2f}/{best[2]:.2f}"
                f"       {best_t if used and best_t is not None else '-'}"
                + (f"  veto {best_v}" if used and best_v is not None else "")
            )
        if network is not None:
            arrays[f"{group}_table"] = network.table.astype(np.float16)
            arrays[f"{group}_hidden_bias"] = network.hidden_bias.astype(np.float32)
            arrays[f"{group}_out"] = network.out.astype(np.float32)
            bias = network.bias
        else:
            arrays[f"{group}_table"] = table.astype(np.float16)
            if unique_rows:
                arrays[f"{group}_unique"] = np.asarray(True)
        arrays[f"{group}_names"] = np.asarray(labels)
        arrays[f"{group}_bias"] = bias.astype(np.float32)
        arrays[f"{group}_cuts"] = cuts.astype(np.float32)
        if np.isfinite(veto_cuts).any():
            arrays[f"{group}_vetoes"] = veto_cuts.astype(np.float32)
    arrays["groups"] = np.asarray([group for group in GROUPS if group in args.groups])
    # Uncompressed: the network's table does not compress, and a file read as it is loads
    # faster.
    np.savez(args.out / LABELS_FILE, **arrays)
    print(f"\nwrote {args.out / LABELS_FILE}")


if __name__ == "__main__":
    main()
