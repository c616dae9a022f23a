"""A small multi-label network for the learned label scorers (``train_labels.py``).

One network per group of labels (customer stakes and effort; reply behaviours and
risks) reads the message as the linear scorers did: the emotion model's sparse
features (unigrams, bigrams, prefixes), each divided by sqrt(number of hits), and the
same features' MiniLM word vectors summed the same way. A hidden layer of ``hidden``
rectified units is shared by every label of the group, so what one label learns about
support text (a date, a charge, a contact) is there for the others; each label reads
the hidden layer through its own output unit.

The sparse part and the word-vector part are one linear map of the same pooled
features, so after training they fold into one table of ``hidden`` columns per
feature: at run time the scorer gathers rows of that table as before, adds the hidden
bias, rectifies and multiplies by the output weights (numpy only).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import torch


@dataclass(frozen=True)
class Bags:
    """Messages as bags of feature rows: ``ids[offsets[i]:offsets[i + 1]]`` are message
    i's rows, each weighted 1/sqrt(that message's count) (``tensors``)."""

    ids: npt.NDArray[np.int64]
    offsets: npt.NDArray[np.int64]  # len n + 1

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def subset(self, rows: npt.NDArray[np.int64]) -> Bags:
        pieces = [self.ids[self.offsets[i] : self.offsets[i + 1]] for i in rows]
        lengths = np.asarray([len(p) for p in pieces], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        ids = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int64)
        return Bags(ids.astype(np.int64), offsets)

    def pooled(self, table: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Each bag's rows of ``table`` summed and divided by sqrt(its count); zeros for an
        empty bag. What a network's first layer reads, in numpy."""
        counts = np.diff(self.offsets)
        out = np.zeros((len(self), table.shape[1]), dtype=np.float32)
        nonempty = counts > 0
        if self.ids.size:
            sums = np.add.reduceat(table[self.ids], self.offsets[:-1][nonempty], axis=0)
            out[nonempty] = sums / np.sqrt(counts[nonempty])[:, None]
        return out

    def tensors(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        counts = np.diff(self.offsets)
        weights = np.repeat(1.0 / np.sqrt(np.maximum(counts, 1)), counts)
        return (
            torch.from_numpy(self.ids),
            torch.from_numpy(self.offsets[:-1].copy()),
            torch.from_numpy(weights.astype(np.float32)),
        )


def unique_features(
    ids: npt.NDArray[np.int64], offsets: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Each message's feature ids once each, in increasing order: message i has
    ``ids[offsets[i]:offsets[i + 1]]``; returns the new ids and offsets. The same
    features as the scorer reads at run time (``ScorerSet.pool`` with ``unique``)."""
    n = len(offsets) - 1
    if not ids.size:
        return ids, offsets
    width = int(ids.max()) + 1
    message = np.repeat(np.arange(n, dtype=np.int64), np.diff(offsets))
    keys = np.unique(message * width + ids)
    counts = np.bincount(keys // width, minlength=n)
    new_offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=new_offsets[1:])
    return keys % width, new_offsets


@dataclass(frozen=True)
class Settings:
    hidden: int = 128
    epochs: int = 15
    batch: int = 64
    learning_rate: float = 3e-3
    weight_decay: float = 1e-4  # L2 on the sparse table, per training row
    dropout: float = 0.5
    seed: int = 0


class PooledFeatures(torch.nn.Module):
    """A bag of feature rows read as one linear map to ``width`` units: a trained row per
    feature plus a trained projection of the feature's fixed word vector, both pooled
    with the bag's weights. ``folded`` turns the two into one table for numpy."""

    def __init__(self, vectors: npt.NDArray[np.floating], width: int) -> None:
        super().__init__()
        rows = vectors.shape[0]
        self.sparse = torch.nn.EmbeddingBag(rows, width, mode="sum")
        torch.nn.init.zeros_(self.sparse.weight)
        self.vectors = torch.nn.EmbeddingBag(rows, vectors.shape[1], mode="sum")
        self.vectors.weight.data = torch.from_numpy(vectors.astype(np.float32))
        self.vectors.weight.requires_grad_(False)
        self.project = torch.nn.Linear(vectors.shape[1], width)

    def forward(self, ids: torch.Tensor, offsets: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
        pooled: torch.Tensor = self.sparse(ids, offsets, per_sample_weights=w) + self.project(
            self.vectors(ids, offsets, per_sample_weights=w)
        )
        return pooled

    def folded(self) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        """(table, bias): each feature's row of the map, and its bias."""
        with torch.no_grad():
            table = self.sparse.weight + self.vectors.weight @ self.project.weight.T
            return (
                table.numpy().astype(np.float32),
                self.project.bias.numpy().astype(np.float32).copy(),
            )


class _Net(torch.nn.Module):
    def __init__(self, vectors: npt.NDArray[np.float64], n_labels: int, s: Settings) -> None:
        super().__init__()
        self.pooled = PooledFeatures(vectors, s.hidden)
        self.out = torch.nn.Linear(s.hidden, n_labels)
        self.dropout = s.dropout

    def forward(self, ids: torch.Tensor, offsets: torch.Tensor, w: torch.Tensor) -> torch.Tensor:
        pre = self.pooled(ids, offsets, w)
        hidden = torch.nn.functional.dropout(torch.relu(pre), self.dropout, self.training)
        out: torch.Tensor = self.out(hidden)
        return out


@dataclass(frozen=True)
class Fitted:
    """The network folded for numpy: logits = relu(pooled(table) + hidden_bias) @ out + bias."""

    table: npt.NDArray[np.float32]  # (rows, hidden)
    hidden_bias: npt.NDArray[np.float32]  # (hidden,)
    out: npt.NDArray[np.float32]  # (hidden, labels)
    bias: npt.NDArray[np.float32]  # (labels,)

    def logits(self, bags: Bags) -> npt.NDArray[np.float32]:
        pre = bags.pooled(self.table)
        result: npt.NDArray[np.float32] = (
            np.maximum(pre + self.hidden_bias, 0.0) @ self.out + self.bias
        ).astype(np.float32)
        return result

    def probabilities(self, bags: Bags) -> npt.NDArray[np.float32]:
        result: npt.NDArray[np.float32] = (1.0 / (1.0 + np.exp(-self.logits(bags)))).astype(
            np.float32
        )
        return result


def fit(
    bags: Bags,
    targets: npt.NDArray[np.bool_],
    mask: npt.NDArray[np.bool_],
    vectors: npt.NDArray[np.float64],
    settings: Settings = Settings(),
) -> Fitted:
    """Train on ``bags`` for the (rows, labels) ``targets``; ``mask`` (same shape) leaves a
    row out of a label's loss where it is False. ``vectors`` are the word vectors of the
    feature rows (zeros for features without one). Deterministic for a given seed on one
    thread."""
    torch.set_num_threads(1)
    torch.manual_seed(settings.seed)
    generator = torch.Generator().manual_seed(settings.seed)
    net = _Net(vectors, targets.shape[1], settings)
    y = torch.from_numpy(targets.astype(np.float32))
    m = torch.from_numpy(mask.astype(np.float32))
    positives = (y * m).sum(0)
    negatives = ((1 - y) * m).sum(0)
    # Each label's positives weigh as much as its negatives, as class_weight="balanced".
    pos_weight = negatives / positives.clamp(min=1.0)
    trainable = [p for p in net.parameters() if p.requires_grad]
    optimiser = torch.optim.Adam(trainable, lr=settings.learning_rate)
    n = len(bags)
    for _ in range(settings.epochs):
        net.train()
        order = torch.randperm(n, generator=generator).numpy()
        for start in range(0, n, settings.batch):
            rows = order[start : start + settings.batch]
            ids, offsets, w = bags.subset(rows).tensors()
            logits = net(ids, offsets, w)
            loss_rows = torch.nn.functional.binary_cross_entropy_with_logits(
                logits, y[rows], pos_weight=pos_weight, reduction="none"
            )
            loss = (loss_rows * m[rows]).sum() / m[rows].sum().clamp(min=1.0)
            loss = loss + settings.weight_decay * net.pooled.sparse.weight.pow(2).sum() / n
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    net.eval()
    table, hidden_bias = net.pooled.folded()
    with torch.no_grad():
        return Fitted(
            table=table,
            hidden_bias=hidden_bias,
            out=net.out.weight.T.numpy().astype(np.float32).copy(),
            bias=net.out.bias.numpy().astype(np.float32),
        )
