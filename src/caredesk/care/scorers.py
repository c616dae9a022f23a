"""Learned label scorers: a second reader beside the pattern layers.

The pattern layers are precise but only know the phrasings written into them. For
each group of labels (stakes kinds and effort cues of a customer message, behaviours
and risks of a reply) a scorer trained on hand-labelled support text (see
``training/train_labels.py``) reads the whole message with the emotion model's
features: word unigrams, bigrams and prefixes, and the MiniLM word vectors folded
into the same rows, so a synonym the patterns never saw still counts.

A group's scorer is either linear (one column of weights per label) or a small
network: one table row per feature with a column per hidden unit, a shared rectified
hidden layer, and an output unit per label. The network reads each feature once
however often the message repeats it, and keeps rows only for the features its
training text used and the words with a vector (the others read a row of zeros).

A scorer adds a label the patterns missed, above a threshold chosen by
cross-validation for that label (a label whose scorer did not help has no threshold
and is never added). Its flag still carries evidence: the sentence that scores highest
for that label on its own. Where the scorer is all but sure a label is absent (under
a second, low threshold, its veto, chosen the same way), a pattern's flag for that
label is dropped: phrasings the patterns match can still be used in a sense that is
not the label's, and the whole-message reading catches many of those. Neither a veto
nor a network's addition applies to a message of a line or two, where a scorer's
reading is mostly its bias.

The customer scorers share the emotion model's vocabulary, so one encoding of a
batch feeds both. The reply scorers may carry a compact vocabulary of their own
(the features agent replies use, and the words with a vector), which keeps the
per-review look-ups in a small table.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import pathlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from caredesk.care.emotion import (
    MAX_CHARS,
    MODEL_DIR,
    VOCAB_FILE,
    Encoded,
    FloatArray,
    encode,
    tokenize,
)
from caredesk.care.results import Flag
from caredesk.care.textutil import Sentence, make_flag

LABELS_FILE = "labels.npz"
# Bounds of the per-vocabulary memos of token and word-pair look-ups: support text
# repeats its words, and a memo that fills up is simply started afresh.
_MEMO_LIMIT = 50_000
# A scorer vetoes a label only on a message with at least this many features (about a
# dozen words): on a line or two its reading is mostly its bias, not evidence.
VETO_MIN_FEATURES = 30


class FeatureRows:
    """The rows of a message's features in one vocabulary, as ``feature_strings`` lists
    them (unigrams, then bigrams, then prefixes; features not in the vocabulary left out).

    Same result as looking every feature string up, but a token's unigram and prefix
    rows and a word pair's bigram row are remembered: most messages then build no
    feature string and touch only small dicts instead of the large vocabulary.
    """

    def __init__(self, vocab: dict[str, int]) -> None:
        self._vocab = vocab
        # token -> (unigram row, prefix row); -1 where the feature is not in the vocabulary.
        self._tokens: dict[str, tuple[int, int]] = {}
        # (token, next token) -> bigram row, or -1.
        self._pairs: dict[tuple[str, str], int] = {}

    def _token(self, token: str) -> tuple[int, int]:
        vocab = self._vocab
        rows = (vocab.get(token, -1), vocab.get("~" + token[:5], -1) if len(token) > 5 else -1)
        if len(self._tokens) >= _MEMO_LIMIT:
            self._tokens.clear()
        self._tokens[token] = rows
        return rows

    def rows(self, tokens: Sequence[str]) -> list[int]:
        memo = self._tokens
        entries = [memo.get(token) or self._token(token) for token in tokens]
        out = [unigram for unigram, _ in entries if unigram >= 0]
        pairs = self._pairs
        for pair in itertools.pairwise(tokens):
            row = pairs.get(pair)
            if row is None:
                if len(pairs) >= _MEMO_LIMIT:
                    pairs.clear()
                row = pairs[pair] = self._vocab.get(" ".join(pair), -1)
            if row >= 0:
                out.append(row)
        out += [prefix for _, prefix in entries if prefix >= 0]
        return out


def vocab_digest(names: Sequence[str]) -> str:
    """Fingerprint of a feature vocabulary: the scorer tables are only valid for it."""
    return hashlib.sha256("\n".join(names).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class ScorerSet:
    """One group of labels (e.g. the stakes and effort of a customer message).

    Linear (``out`` is None): a label's logit is the pooled ``table`` column plus its
    bias. With a hidden layer: ``table`` has one column per hidden unit, and the logits
    are ``relu(pooled + hidden_bias) @ out + bias``.
    """

    names: tuple[str, ...]
    table: FloatArray  # (n_rows, n_labels), or (n_rows, n_hidden) with a hidden layer
    bias: FloatArray  # (n_labels,)
    cuts: FloatArray  # (n_labels,) logit thresholds; +inf where the scorer is not used
    # (n_labels,) logits under which a pattern's flag is dropped; None: no vetoes.
    vetoes: FloatArray | None = None
    # Feature name -> row of ``table``; ``None``: the emotion model's vocabulary.
    vocab: dict[str, int] | None = None
    # Feature id -> row of ``table``, for a table that keeps only some features (the
    # others map to its last row, of zeros); ``None``: one row per feature.
    rows: npt.NDArray[np.int64] | None = None
    hidden_bias: FloatArray | None = None  # (n_hidden,)
    out: FloatArray | None = None  # (n_hidden, n_labels)
    # Whether a feature counts once however often the message repeats it (so a phrase
    # said ten times reads as said once); otherwise every hit counts.
    unique: bool = False
    # Fewest feature hits on which a label may be added (0: any message): on a line or
    # two a reader with a hidden layer says more than the words do, as with vetoes.
    add_min_features: int = 0

    @property
    def width(self) -> int:
        """Columns of ``table``: labels, or hidden units."""
        return len(self.names) if self.out is None else int(self.out.shape[0])

    def gather(self, ids: Sequence[int] | npt.NDArray[np.int64]) -> FloatArray:
        """The ``table`` rows of these feature ids, in single precision."""
        gathered = self.table[ids if self.rows is None else self.rows[ids]]
        if gathered.dtype != np.float32:
            gathered = gathered.astype(np.float32)
        result: FloatArray = gathered
        return result

    def consulted(self, counts: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_] | None:
        """The messages (of ``counts`` feature hits) whose verdict can say anything: with
        a minimum for additions, a message too short for an addition and for a veto is
        not read at all; ``None``: every message is."""
        if not self.add_min_features:
            return None
        floor = self.add_min_features
        if self.vetoes is not None:
            floor = min(floor, VETO_MIN_FEATURES)
        consulted: npt.NDArray[np.bool_] = counts >= floor
        return consulted

    def pool(
        self,
        ids: npt.NDArray[np.int64],
        offsets: npt.NDArray[np.int64],
        only: npt.NDArray[np.bool_] | None = None,
    ) -> FloatArray:
        """Each message's ``table`` rows summed and divided by sqrt(their count): message
        i has feature ids ``ids[offsets[i]:offsets[i + 1]]``. Messages outside ``only``
        (when given) are left at zeros."""
        n = len(offsets) - 1
        out = np.zeros((n, self.width), dtype=np.float32)
        if not ids.size:
            return out
        if self.out is None:
            # A narrow table: one gather and one segmented sum for the whole batch.
            if self.unique:
                ids, offsets = _each_once(ids, offsets)
            counts = np.diff(offsets)
            nonempty = counts > 0
            sums = np.add.reduceat(self.gather(ids), offsets[:-1][nonempty], axis=0)
            out[nonempty] = sums / np.sqrt(counts[nonempty]).astype(np.float32)[:, None]
            if only is not None:
                out[~only] = 0.0
            return out
        # A wide table: numpy's segmented sum is slow across many columns, and a row
        # block summed message by message is the same arithmetic as ``read`` does.
        id_list: list[int] = ids.tolist()
        starts_list: list[int] = offsets[:-1].tolist()
        ends_list: list[int] = offsets[1:].tolist()
        chosen = range(n) if only is None else np.flatnonzero(only).tolist()
        for i in chosen:
            piece = id_list[starts_list[i] : ends_list[i]]
            if self.unique:
                piece = sorted(set(piece))
            if piece:
                out[i] = self.gather(piece).sum(axis=0) * np.float32(1.0 / math.sqrt(len(piece)))
        return out

    def head(self, pooled_rows: FloatArray) -> FloatArray:
        """Logits, bias included, from pooled table rows."""
        if self.out is None or self.hidden_bias is None:
            linear: FloatArray = (pooled_rows + self.bias).astype(np.float32)
            return linear
        hidden = np.maximum(pooled_rows + self.hidden_bias, np.float32(0.0))
        result: FloatArray = (hidden @ self.out + self.bias).astype(np.float32)
        return result


def _each_once(
    ids: npt.NDArray[np.int64], offsets: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Each message's feature ids once each, in increasing order (as ``read`` takes them),
    with the new offsets."""
    id_list: list[int] = ids.tolist()
    bounds: list[int] = offsets.tolist()
    pieces = [sorted(set(id_list[start:end])) for start, end in itertools.pairwise(bounds)]
    new_offsets = np.zeros(len(pieces) + 1, dtype=np.int64)
    np.cumsum([len(piece) for piece in pieces], out=new_offsets[1:])
    flat = np.fromiter(itertools.chain.from_iterable(pieces), np.int64, int(new_offsets[-1]))
    return flat, new_offsets


@dataclass(frozen=True)
class Verdict:
    """What one group's scorers say about one message."""

    added: tuple[str, ...] = ()  # over their thresholds: added where the patterns missed them
    doubted: frozenset[str] = frozenset()  # under their vetoes: a pattern's flag is dropped


NO_VERDICT = Verdict()


class LabelScorer:
    """Probabilities per label for whole messages, and the sentence that shows one."""

    def __init__(self, vocab: dict[str, int], groups: dict[str, ScorerSet]) -> None:
        for name, group in groups.items():
            features = len(vocab if group.vocab is None else group.vocab)
            if group.rows is not None:
                if group.rows.shape != (features,) or (features and int(group.rows.min()) < 0):
                    raise ValueError(
                        f"label scorer {name!r} maps {group.rows.shape} features, "
                        f"expected ({features},)"
                    )
                features = int(group.rows.max()) + 1 if features else 0
                if features and group.table.shape[:1] == (features,) and group.table[-1].any():
                    raise ValueError(
                        f"label scorer {name!r}: its row of unknown features is not zero"
                    )
            if (group.out is None) != (group.hidden_bias is None):
                raise ValueError(f"label scorer {name!r} has half a hidden layer")
            expected = (features, group.width)
            if group.table.shape != expected:
                raise ValueError(
                    f"label scorer {name!r} has shape {group.table.shape}, expected {expected}"
                )
            shapes = {
                "bias": (len(group.names),),
                "cuts": (len(group.names),),
                "vetoes": (len(group.names),),
                "hidden_bias": (group.width,),
                "out": (group.width, len(group.names)),
            }
            for part, shape in shapes.items():
                values = getattr(group, part)
                if values is not None and values.shape != shape:
                    raise ValueError(
                        f"label scorer {name!r} has {part} of shape {values.shape}, "
                        f"expected {shape}"
                    )
        self._vocab = vocab
        self._groups = groups
        self._rows = {
            name: FeatureRows(vocab if group.vocab is None else group.vocab)
            for name, group in groups.items()
        }
        self._verdict_memo: dict[str, dict[int, Verdict]] = {name: {} for name in groups}
        self._active = frozenset(
            name
            for name, group in groups.items()
            if bool(np.isfinite(group.cuts).any())
            or (group.vetoes is not None and bool(np.isfinite(group.vetoes).any()))
        )

    @classmethod
    def load(cls, path: pathlib.Path | None = None) -> LabelScorer | None:
        """The shipped scorers, or ``None`` when the package has none.

        ``path`` may name a models folder (its ``labels.npz`` beside its
        ``emotion_vocab.json``) or a ``labels.npz`` file of its own, read with the
        shipped vocabulary (a build of ``training/train_labels.py --out``).
        Raises ``ValueError`` when the tables were trained on another vocabulary
        than the emotion model's beside them (the two must be rebuilt together).
        """
        given = MODEL_DIR if path is None else pathlib.Path(path)
        if given.is_file():
            labels_path, vocab_path = given, MODEL_DIR / VOCAB_FILE
        else:
            labels_path, vocab_path = given / LABELS_FILE, given / VOCAB_FILE
        if not labels_path.exists():
            return None
        names = json.loads(vocab_path.read_text(encoding="utf-8"))
        with np.load(labels_path) as data:
            arrays = {key: data[key] for key in data.files}
        if str(arrays["vocab_digest"]) != vocab_digest(names):
            raise ValueError(
                f"{LABELS_FILE} was trained on another vocabulary than {VOCAB_FILE}: "
                "rebuild both with training/train_emotion.py and training/train_labels.py"
            )
        groups: dict[str, ScorerSet] = {}
        for group in [str(g) for g in arrays["groups"].tolist()]:
            own = arrays.get(f"{group}_vocab")
            table = arrays[f"{group}_table"]
            rows: npt.NDArray[np.int64] | None = None
            kept = arrays.get(f"{group}_rows")
            if kept is not None:
                # A table of some features only: the others read the zero row after them.
                features = len(names) if own is None else len(own)
                if kept.ndim != 1 or (kept.size and (kept.min() < 0 or kept.max() >= features)):
                    raise ValueError(f"{LABELS_FILE}: {group}_rows names features it has not")
                rows = np.full(features, len(kept), dtype=np.int64)
                rows[kept.astype(np.int64)] = np.arange(len(kept))
                table = np.vstack([table, np.zeros((1, table.shape[1]), dtype=table.dtype)])
            hidden = f"{group}_out" in arrays
            groups[group] = ScorerSet(
                names=tuple(str(n) for n in arrays[f"{group}_names"].tolist()),
                table=table.astype(np.float32),
                bias=arrays[f"{group}_bias"].astype(np.float32),
                cuts=arrays[f"{group}_cuts"].astype(np.float32),
                vetoes=None
                if f"{group}_vetoes" not in arrays
                else arrays[f"{group}_vetoes"].astype(np.float32),
                vocab=None
                if own is None
                else {str(name): i for i, name in enumerate(own.tolist())},
                rows=rows,
                unique=bool(arrays.get(f"{group}_unique", False)),
                add_min_features=int(arrays.get(f"{group}_add_min_features", 0)),
                hidden_bias=arrays[f"{group}_hidden_bias"].astype(np.float32) if hidden else None,
                out=arrays[f"{group}_out"].astype(np.float32) if hidden else None,
            )
        return cls({name: i for i, name in enumerate(names)}, groups)

    def group(self, name: str) -> ScorerSet | None:
        return self._groups.get(name)

    @property
    def vocab(self) -> dict[str, int]:
        """The emotion model's vocabulary the tables were trained on."""
        return self._vocab

    def _vocab_of(self, scorer: ScorerSet) -> dict[str, int]:
        return self._vocab if scorer.vocab is None else scorer.vocab

    def shares_encoding(self, group: str) -> bool:
        """Whether ``group`` reads the emotion model's encoding (see ``fired_encoded``)."""
        scorer = self._groups.get(group)
        return scorer is not None and scorer.vocab is None

    def logits(self, group: str, texts: Sequence[str]) -> FloatArray:
        scorer = self._groups[group]
        encoded = encode(
            [text[:MAX_CHARS] for text in texts], self._vocab_of(scorer), with_dense=False
        )
        return scorer.head(scorer.pool(encoded.ids, encoded.offsets))

    def probabilities(self, group: str, texts: Sequence[str]) -> FloatArray:
        result: FloatArray = (1.0 / (1.0 + np.exp(-self.logits(group, texts)))).astype(np.float32)
        return result

    def active(self, group: str) -> bool:
        """Whether any label of ``group`` can be added or vetoed by its scorer."""
        return group in self._active

    def fired(self, group: str, text: str) -> list[str]:
        """Labels of ``group`` whose scorer is above its threshold for ``text``."""
        return list(self.read(group, text).added)

    def fired_many(self, group: str, texts: Sequence[str]) -> list[list[str]]:
        """``fired`` for each of ``texts`` (see ``read_many``)."""
        return [list(verdict.added) for verdict in self.read_many(group, texts)]

    def read(self, group: str, text: str) -> Verdict:
        """The labels of ``group`` its scorer adds to ``text``, and those it vetoes."""
        if not self.active(group):
            return NO_VERDICT
        scorer = self._groups[group]
        # One message: a plain gather and sum, without the batch machinery of encode().
        hits = self._rows[group].rows(tokenize(text[:MAX_CHARS]))
        ids = sorted(set(hits)) if scorer.unique else hits
        if ids:
            pooled_rows = scorer.gather(ids).sum(axis=0) * np.float32(1.0 / math.sqrt(len(ids)))
        else:
            pooled_rows = np.zeros(scorer.width, dtype=np.float32)
        return self._verdicts(group, scorer.head(pooled_rows[None, :]), [len(hits)])[0]

    def read_many(self, group: str, texts: Sequence[str]) -> list[Verdict]:
        """``read`` for each of ``texts``, with the table gathered and summed once for
        all of them (the same sums, in the same order, as ``read`` one at a time)."""
        if not self.active(group):
            return [NO_VERDICT for _ in texts]
        scorer = self._groups[group]
        feature_rows = self._rows[group]
        if scorer.out is not None:
            # A wide table is summed message by message (see ScorerSet.pool).
            hits = [feature_rows.rows(tokenize(text[:MAX_CHARS])) for text in texts]
            offsets = np.zeros(len(texts) + 1, dtype=np.int64)
            np.cumsum([len(h) for h in hits], out=offsets[1:])
            flat = np.fromiter(itertools.chain.from_iterable(hits), np.int64, int(offsets[-1]))
            hit_counts = np.diff(offsets)
            pooled_rows = scorer.pool(flat, offsets, scorer.consulted(hit_counts))
            return self._verdicts(group, scorer.head(pooled_rows), hit_counts)
        ids: list[int] = []
        starts: list[int] = []
        scales: list[float] = []
        nonempty: list[int] = []
        counts: list[int] = []
        for i, text in enumerate(texts):
            rows = feature_rows.rows(tokenize(text[:MAX_CHARS]))
            counts.append(len(rows))  # every hit counts towards the length rules
            if scorer.unique:
                rows = sorted(set(rows))
            if rows:
                nonempty.append(i)
                starts.append(len(ids))
                scales.append(1.0 / math.sqrt(len(rows)))
                ids += rows
        pooled_rows = np.zeros((len(texts), scorer.width), dtype=np.float32)
        if ids:
            sums = np.add.reduceat(scorer.gather(ids), starts, axis=0)
            pooled_rows[nonempty] = sums * np.asarray(scales, dtype=np.float32)[:, None]
        return self._verdicts(group, scorer.head(pooled_rows), counts)

    def fired_encoded(self, group: str, encoded: Encoded) -> list[list[str]]:
        """``fired`` for a batch already encoded with the emotion model's vocabulary."""
        return [list(verdict.added) for verdict in self.read_encoded(group, encoded)]

    def read_encoded(self, group: str, encoded: Encoded) -> list[Verdict]:
        """``read`` for a batch already encoded with the emotion model's vocabulary."""
        n = len(encoded.offsets) - 1
        if not self.active(group):
            return [NO_VERDICT for _ in range(n)]
        scorer = self._groups[group]
        if scorer.vocab is not None:
            raise ValueError(f"label scorer {group!r} has its own vocabulary; use fired()")
        counts = np.diff(encoded.offsets)
        pooled_rows = scorer.pool(encoded.ids, encoded.offsets, scorer.consulted(counts))
        return self._verdicts(group, scorer.head(pooled_rows), counts)

    def _verdicts(
        self, group: str, logits: FloatArray, counts: Sequence[int] | npt.NDArray[np.int64]
    ) -> list[Verdict]:
        """The verdict on each row of ``logits`` (bias included), for messages of
        ``counts`` feature hits. A verdict is a bit per label added and per label vetoed,
        so the few distinct ones are built once and shared (they are immutable)."""
        scorer = self._groups[group]
        bits = 1 << np.arange(len(scorer.names), dtype=np.int64)
        over = logits >= scorer.cuts
        if scorer.add_min_features:
            over &= (np.asarray(counts) >= scorer.add_min_features)[:, None]
        keys = over.astype(np.int64) @ bits
        if scorer.vetoes is not None:
            long_enough = np.asarray(counts) >= VETO_MIN_FEATURES
            low = (logits < scorer.vetoes) & long_enough[:, None]
            keys |= (low.astype(np.int64) @ bits) << len(scorer.names)
        memo = self._verdict_memo[group]
        out: list[Verdict] = []
        for key in keys.tolist():
            verdict = memo.get(key)
            if verdict is None:
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                verdict = memo[key] = _verdict_of(scorer.names, key)
            out.append(verdict)
        return out

    def evidence(
        self, group: str, kind: str, source: str, sents: Sequence[Sentence]
    ) -> Flag | None:
        """A flag of ``kind`` over the sentence that scores highest for it."""
        usable = [s for s in sents if s.text.strip()]
        if not usable:
            return None
        column = self._groups[group].names.index(kind)
        scores = self.logits(group, [s.text for s in usable])[:, column]
        best = usable[int(np.argmax(scores))]
        flag = make_flag(source, kind, best.start, best.end)
        return flag if flag.text else None


def _verdict_of(names: Sequence[str], key: int) -> Verdict:
    """The verdict whose bit ``i`` adds ``names[i]`` and bit ``len(names) + i`` vetoes it."""
    added = tuple(name for i, name in enumerate(names) if key >> i & 1)
    doubted = frozenset(name for i, name in enumerate(names) if key >> (len(names) + i) & 1)
    return Verdict(added, doubted) if added or doubted else NO_VERDICT
