"""Emotion and intensity of a customer message (CARE_RUBRIC.md §1, §4).

Pure Python + numpy. The model reads three kinds of evidence, folded into one lookup
table at training time (see ``training/``):

* word unigrams, bigrams and five-letter prefixes (one weight row per feature);
* static word embeddings distilled from a sentence encoder, already multiplied by
  the first layer, so they are one more weight row per word;
* a handful of dense surface cues (capitals, "!!!", "???", length, ...).

The shipped model is a small network: the pooled rows and the cues feed rectified hidden
units, read by one output per emotion (a model without ``out`` is a linear read-out of
the same rows). Intensity is one more column of the table, plus the cues and the
calibrated emotion probabilities.

Feature extraction is shared with the training scripts, so what is trained is
exactly what runs. Nothing is mutated during ``predict``: one loaded model can be
used from many threads.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import pathlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

EMOTIONS: tuple[str, ...] = ("anger", "anxiety", "sadness", "confusion", "gratitude", "neutral")

MODEL_DIR = pathlib.Path(__file__).resolve().parent / "models"
WEIGHTS_FILE = "emotion.npz"
VOCAB_FILE = "emotion_vocab.json"

# Only the start of a very long message is read: the feeling shows early, and the
# cost of a message must stay bounded.
MAX_CHARS = 2000

FloatArray = npt.NDArray[np.float32]

_APOSTROPHES = re.compile("[\u2018\u2019\u02bc`]")
_URL_OR_HANDLE = re.compile(r"https?://\S+|www\.\S+|@\w+")
_NUMBER = re.compile(r"\d+(?:[.,:/-]\d+)*")
_PUNCT_RUN = re.compile(r"[!?¡¿]{2,}")
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[!?]{1,2}|\?!|[^\w\s]", re.UNICODE)
_CAPS_WORD = re.compile(r"\b[A-Z]{3,}\b")
_ELONGATED = re.compile(r"([A-Za-z])\1\1")
_ONLY_QUESTION = re.compile(r"^[\s?¿!.]*\?[\s?¿!.]*$")
_EMOTICON_SAD = re.compile(r"(?::-?\(|:'\(|😢|😭|😞|😔|☹)")
_EMOTICON_HAPPY = re.compile(r"(?::-?\)|:D|😊|😀|😃|🙂|❤|♥|🙏|👍|🎉)")
_EMOTICON_ANGRY = re.compile(r"(?:😡|😠|🤬|😤|🙄|😒)")

DENSE_NAMES: tuple[str, ...] = (
    "caps_ratio",
    "caps_words",
    "exclaims",
    "exclaim_run",
    "questions",
    "question_run",
    "only_question_marks",
    "log_length",
    "elongated",
    "sad_emoticon",
    "happy_emoticon",
    "angry_emoticon",
    "empty",
)
N_DENSE = len(DENSE_NAMES)


def _punct_run_token(match: re.Match[str]) -> str:
    run = match.group(0)
    if "?" in run or "¿" in run:
        return " ?! " if ("!" in run or "¡" in run) else " ?? "
    return " !! "


def tokenize(text: str) -> list[str]:
    """Lower-cased word and punctuation tokens; numbers become ``0``; runs of ! and ? are one token."""
    lowered = text[:MAX_CHARS].lower()
    # Each rewrite is skipped where a plain substring test shows it cannot apply
    # (most messages hold no link, no curly quote and no run of ! or ?).
    plain = lowered.isascii()
    if not plain or "`" in lowered:
        lowered = _APOSTROPHES.sub("'", lowered)
    if "@" in lowered or "www." in lowered or "http" in lowered:
        lowered = _URL_OR_HANDLE.sub(" ", lowered)
    lowered = _NUMBER.sub(" 0 ", lowered)
    if not plain or "!!" in lowered or "??" in lowered or "!?" in lowered or "?!" in lowered:
        lowered = _PUNCT_RUN.sub(_punct_run_token, lowered)
    return _TOKEN.findall(lowered)


def feature_strings(tokens: Sequence[str]) -> list[str]:
    """Every sparse feature name a token list produces (looked up in the vocabulary)."""
    features = list(tokens)
    features += map(" ".join, itertools.pairwise(tokens))
    features += ["~" + token[:5] for token in tokens if len(token) > 5]
    return features


_UPPER_BYTES = bytes(range(ord("A"), ord("Z") + 1))
_LETTER_BYTES = _UPPER_BYTES + _UPPER_BYTES.lower()


def dense_cues(text: str) -> list[float]:
    """Surface cues in ``DENSE_NAMES`` order, each roughly in [0, 1]."""
    head = text[:MAX_CHARS]
    raw = head.encode("ascii", "ignore")
    letters = len(raw) - len(raw.translate(None, _LETTER_BYTES))
    upper = len(raw) - len(raw.translate(None, _UPPER_BYTES))
    caps_ratio = upper / letters if letters >= 8 else 0.0
    exclaims = head.count("!")
    questions = head.count("?")
    plain = head.isascii()
    return [
        caps_ratio,
        min(len(_CAPS_WORD.findall(head)), 5) / 5.0 if upper >= 3 else 0.0,
        min(exclaims, 5) / 5.0,
        1.0 if "!!" in head else 0.0,
        min(questions, 5) / 5.0,
        1.0 if "??" in head else 0.0,
        1.0 if questions and _ONLY_QUESTION.match(head) else 0.0,
        min(math.log1p(len(head)) / 7.0, 1.0),
        1.0 if _ELONGATED.search(head) else 0.0,
        1.0
        if (
            ":(" in head
            or ":-(" in head
            or ":'(" in head
            or (not plain and _EMOTICON_SAD.search(head))
        )
        else 0.0,
        1.0
        if (
            ":)" in head
            or ":D" in head
            or ":-)" in head
            or (not plain and _EMOTICON_HAPPY.search(head))
        )
        else 0.0,
        1.0 if not plain and _EMOTICON_ANGRY.search(head) else 0.0,
        1.0 if not head.strip() else 0.0,
    ]


@dataclass(frozen=True)
class Encoded:
    """A batch turned into flat feature ids with per-message offsets, plus dense cues."""

    ids: npt.NDArray[np.int64]
    offsets: npt.NDArray[np.int64]  # start of each message in ``ids``; len n + 1
    dense: FloatArray  # (n, N_DENSE)

    @functools.cached_property
    def segments(self) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.int64], FloatArray]:
        """(messages with at least one feature, where their features start in ``ids``,
        sqrt of their feature counts as an (m, 1) column): what ``pooled`` needs for
        every table, worked out once per batch."""
        counts = np.diff(self.offsets)
        nonempty = counts > 0
        norms = np.sqrt(counts[nonempty]).astype(np.float32)[:, None]
        return nonempty, self.offsets[:-1][nonempty], norms


def encode(texts: Sequence[str], vocab: dict[str, int], *, with_dense: bool = True) -> Encoded:
    """Map texts to vocabulary ids (unknown features are dropped).

    ``with_dense=False`` skips the surface cues (left as zeros) for readers that
    only use the feature rows.
    """
    ids: list[int] = []
    offsets = [0]
    dense: list[list[float]] = []
    get = vocab.get
    for text in texts:
        ids += [index for index in map(get, feature_strings(tokenize(text))) if index is not None]
        offsets.append(len(ids))
        if with_dense:
            dense.append(dense_cues(text))
    return Encoded(
        ids=np.asarray(ids, dtype=np.int64),
        offsets=np.asarray(offsets, dtype=np.int64),
        dense=np.asarray(dense, dtype=np.float32).reshape(len(texts), N_DENSE)
        if with_dense
        else np.zeros((len(texts), N_DENSE), dtype=np.float32),
    )


# Feature rows gathered at a time by ``pooled``: a block of a wide table that stays in
# the processor's cache, instead of one copy of every row a large batch touches.
_POOL_ROWS = 4096


def pooled(table: FloatArray, encoded: Encoded) -> FloatArray:
    """Sum of ``table`` rows over each message's features, divided by sqrt(count).

    Messages are summed a block at a time (whole messages, about ``_POOL_ROWS``
    feature rows); each message's sum is the same whatever block it falls in."""
    n = len(encoded.offsets) - 1
    out = np.zeros((n, table.shape[1]), dtype=np.float32)
    if encoded.ids.size:
        nonempty, starts, norms = encoded.segments
        ids = encoded.ids
        sums = np.empty((len(starts), table.shape[1]), dtype=np.float32)
        first, count = 0, len(starts)
        while first < count:
            base = int(starts[first])
            last = max(first + 1, int(np.searchsorted(starts, base + _POOL_ROWS, side="right")))
            stop = int(starts[last]) if last < count else len(ids)
            sums[first:last] = np.add.reduceat(
                table[ids[base:stop]], starts[first:last] - base, axis=0
            )
            first = last
        out[nonempty] = sums / norms
    return out


def _softmax(logits: FloatArray) -> FloatArray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    result: FloatArray = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
    return result


class EmotionModel:
    """Six-way emotion probabilities and a 0–1 intensity for customer messages."""

    def __init__(
        self,
        *,
        vocab: dict[str, int],
        table: FloatArray,
        dense_weights: FloatArray,
        bias: FloatArray,
        temperature: float,
        intensity_table: FloatArray,
        intensity_dense: FloatArray,
        intensity_probs: FloatArray,
        intensity_bias: float,
        hidden_bias: FloatArray | None = None,
        out: FloatArray | None = None,
        table_scale: FloatArray | None = None,
    ) -> None:
        """``table`` may be int8 with one ``table_scale`` per column (the stored form)."""
        n_features = len(vocab)
        if (hidden_bias is None) != (out is None):
            raise ValueError("an emotion network needs both hidden_bias and out")
        width = len(EMOTIONS) if out is None else out.shape[0]
        if out is not None and (
            out.shape != (width, len(EMOTIONS))
            or hidden_bias is None
            or hidden_bias.shape != (width,)
        ):
            raise ValueError(
                f"emotion network: out {out.shape} and hidden bias "
                f"{None if hidden_bias is None else hidden_bias.shape} do not fit together"
            )
        if table.shape != (n_features, width):
            raise ValueError(
                f"emotion table has shape {table.shape}, expected ({n_features}, {width})"
            )
        if dense_weights.shape != (N_DENSE, width):
            raise ValueError(
                f"emotion dense weights have shape {dense_weights.shape}, "
                f"expected ({N_DENSE}, {width})"
            )
        if intensity_table.shape != (n_features, 1):
            raise ValueError("intensity table does not match the vocabulary")
        if table_scale is not None and table_scale.shape != (width,):
            raise ValueError(
                f"emotion table scale has shape {table_scale.shape}, expected ({width},)"
            )
        self._vocab = vocab
        self._width = width
        # The emotion rows and the intensity row side by side: one gather serves both.
        self._table = np.empty((n_features, width + 1), dtype=np.float32)
        if table_scale is None:
            self._table[:, :width] = table
        else:
            np.multiply(table, table_scale.astype(np.float32), out=self._table[:, :width])
        self._table[:, width] = intensity_table[:, 0]
        self._dense_weights = dense_weights
        self._bias = bias
        self._hidden_bias = None if hidden_bias is None else hidden_bias.astype(np.float32)
        self._out = None if out is None else out.astype(np.float32)
        self._temperature = float(temperature)
        self._intensity_dense = intensity_dense
        self._intensity_probs = intensity_probs
        self._intensity_bias = float(intensity_bias)

    @classmethod
    def load(cls, path: pathlib.Path | None = None) -> EmotionModel:
        """Load the shipped model (or one from ``path``, a folder holding the two files)."""
        folder = MODEL_DIR if path is None else pathlib.Path(path)
        with np.load(folder / WEIGHTS_FILE) as data:
            arrays = {name: data[name] for name in data.files}
        names = json.loads((folder / VOCAB_FILE).read_text(encoding="utf-8"))
        vocab = {name: index for index, name in enumerate(names)}
        return cls(
            vocab=vocab,
            table=arrays["table"],
            table_scale=arrays.get("table_scale"),
            dense_weights=arrays["dense_weights"].astype(np.float32),
            bias=arrays["bias"].astype(np.float32),
            temperature=float(arrays["temperature"]),
            intensity_table=arrays["intensity_table"].reshape(-1, 1),
            intensity_dense=arrays["intensity_dense"].astype(np.float32),
            intensity_probs=arrays["intensity_probs"].astype(np.float32),
            intensity_bias=float(arrays["intensity_bias"]),
            hidden_bias=arrays.get("hidden_bias"),
            out=arrays.get("out"),
        )

    def logits(self, texts: Sequence[str]) -> FloatArray:
        """Uncalibrated class scores (n, 6); mostly for training and diagnostics."""
        encoded = encode(texts, self._vocab)
        return self._logits(encoded)

    def _logits(self, encoded: Encoded, rows: FloatArray | None = None) -> FloatArray:
        """Class scores from each message's pooled rows (the emotion columns, then the
        intensity one; pooled here when not given)."""
        if rows is None:
            rows = pooled(self._table, encoded)
        scores = rows[:, : self._width] + encoded.dense @ self._dense_weights
        if self._out is not None:
            scores = np.maximum(scores + self._hidden_bias, 0.0) @ self._out
        result: FloatArray = (scores + self._bias).astype(np.float32)
        return result

    def predict(self, texts: Sequence[str]) -> tuple[FloatArray, FloatArray]:
        """Probabilities (n, 6) in ``EMOTIONS`` order and intensity (n,) in [0, 1]."""
        if isinstance(texts, str):
            raise TypeError("predict() takes a sequence of texts, not one str: wrap it in a list")
        if not texts:
            return np.zeros((0, len(EMOTIONS)), dtype=np.float32), np.zeros(0, dtype=np.float32)
        return self.predict_encoded(self.encode(texts))

    @property
    def vocab(self) -> dict[str, int]:
        return self._vocab

    def encode(self, texts: Sequence[str]) -> Encoded:
        """The features of ``texts``, to share with other readers of the same vocabulary."""
        return encode(texts, self._vocab)

    def predict_encoded(self, encoded: Encoded) -> tuple[FloatArray, FloatArray]:
        """``predict`` on texts already encoded with this model's vocabulary."""
        if len(encoded.offsets) < 2:
            return np.zeros((0, len(EMOTIONS)), dtype=np.float32), np.zeros(0, dtype=np.float32)
        rows = pooled(self._table, encoded)
        probs = _softmax(self._logits(encoded, rows) / self._temperature)
        raw = (
            rows[:, self._width]
            + encoded.dense @ self._intensity_dense
            + probs @ self._intensity_probs
            + self._intensity_bias
        )
        intensity = np.clip(raw, 0.0, 1.0).astype(np.float32)
        return probs, intensity
