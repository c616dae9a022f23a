"""A small network for the emotion head (``train_emotion.py --hidden N``).

It reads a message exactly as the linear head did: the sparse features (unigrams,
bigrams, prefixes; counted, divided by sqrt(number of hits)), the same features'
MiniLM word vectors summed the same way, and the dense surface cues. They feed
``hidden`` rectified units, read by one output unit per emotion (softmax).

Targets are distributions: a GoEmotions row with two mapped labels, a teacher's
probabilities and a hand label for the same text all add to one target per text,
and each text weighs as much as its rows together (``targets``). The loss is the
weighted cross-entropy against that target, which for one-hot rows is the
logistic regression's own loss.

As in ``label_mlp``, the sparse part and the word-vector part are one linear map of
the pooled features, so after training they fold into one table of ``hidden``
columns per feature and the model runs on numpy alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import torch
from label_mlp import Bags, PooledFeatures


@dataclass(frozen=True)
class Settings:
    hidden: int = 64
    epochs: int = 6
    batch: int = 256
    learning_rate: float = 2e-3  # the peak of a one-cycle schedule
    dropout: float = 0.3
    seed: int = 0


def targets(
    rows: Sequence[tuple[str, int, float, str]], n_classes: int
) -> tuple[list[str], npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """One row per distinct text, in first-seen order: its target distribution over the
    classes and its weight (the sum of its rows' weights)."""
    mass: dict[str, npt.NDArray[np.float64]] = {}
    for text, label, weight, _ in rows:
        if text not in mass:
            mass[text] = np.zeros(n_classes)
        mass[text][label] += weight
    texts = list(mass)
    stacked = np.stack([mass[text] for text in texts])
    weights = stacked.sum(axis=1)
    return texts, stacked / weights[:, None], weights


class _Net(torch.nn.Module):
    def __init__(
        self, vectors: npt.NDArray[np.float32], n_dense: int, n_classes: int, s: Settings
    ) -> None:
        super().__init__()
        self.pooled = PooledFeatures(vectors, s.hidden)
        self.dense = torch.nn.Linear(n_dense, s.hidden, bias=False)
        self.out = torch.nn.Linear(s.hidden, n_classes)
        self.dropout = s.dropout

    def forward(
        self, ids: torch.Tensor, offsets: torch.Tensor, w: torch.Tensor, dense: torch.Tensor
    ) -> torch.Tensor:
        pre = self.pooled(ids, offsets, w) + self.dense(dense)
        hidden = torch.nn.functional.dropout(torch.relu(pre), self.dropout, self.training)
        out: torch.Tensor = self.out(hidden)
        return out


@dataclass(frozen=True)
class Fitted:
    """The network folded for numpy:
    logits = relu(pooled(table) + dense @ dense_weights + hidden_bias) @ out + bias."""

    table: npt.NDArray[np.float32]  # (features, hidden)
    dense_weights: npt.NDArray[np.float32]  # (dense cues, hidden)
    hidden_bias: npt.NDArray[np.float32]  # (hidden,)
    out: npt.NDArray[np.float32]  # (hidden, classes)
    bias: npt.NDArray[np.float32]  # (classes,)

    def logits(self, bags: Bags, dense: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
        pre = bags.pooled(self.table)
        pre += dense @ self.dense_weights + self.hidden_bias
        result: npt.NDArray[np.float64] = (np.maximum(pre, 0.0) @ self.out + self.bias).astype(
            np.float64
        )
        return result


def fit(
    bags: Bags,
    dense: npt.NDArray[np.float32],
    target: npt.NDArray[np.float64],
    weight: npt.NDArray[np.float64],
    vectors: npt.NDArray[np.float32],
    settings: Settings = Settings(),
) -> Fitted:
    """Train on ``bags`` (with their dense cues) for the (rows, classes) target
    distributions, each row weighted by ``weight``. ``vectors``: the word vectors of the
    feature rows (zeros for features without one). Deterministic for a seed on one
    thread."""
    torch.set_num_threads(1)
    torch.manual_seed(settings.seed)
    generator = torch.Generator().manual_seed(settings.seed)
    net = _Net(vectors, dense.shape[1], target.shape[1], settings)
    y = torch.from_numpy(target.astype(np.float32))
    w = torch.from_numpy((weight / weight.mean()).astype(np.float32))
    x_dense = torch.from_numpy(dense.astype(np.float32))
    trainable = [p for p in net.parameters() if p.requires_grad]
    optimiser = torch.optim.Adam(trainable, lr=settings.learning_rate)
    n = len(bags)
    steps = -(-n // settings.batch) * settings.epochs
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimiser, max_lr=settings.learning_rate, total_steps=steps, pct_start=0.1
    )
    for _ in range(settings.epochs):
        net.train()
        order = torch.randperm(n, generator=generator).numpy()
        for start in range(0, n, settings.batch):
            rows = order[start : start + settings.batch]
            ids, offsets, pooled_w = bags.subset(rows).tensors()
            logits = net(ids, offsets, pooled_w, x_dense[rows])
            loss_rows = -(y[rows] * torch.log_softmax(logits, dim=1)).sum(dim=1)
            loss = (loss_rows * w[rows]).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
    return _folded(net)


def averaged(members: Sequence[Fitted]) -> Fitted:
    """One network whose logits are the mean of the members' logits: their hidden
    units side by side (tables, dense weights and hidden biases joined column-wise),
    each member's output rows divided by their number, and the biases averaged."""
    n = len(members)
    return Fitted(
        table=np.hstack([m.table for m in members]),
        dense_weights=np.hstack([m.dense_weights for m in members]),
        hidden_bias=np.concatenate([m.hidden_bias for m in members]),
        out=(np.vstack([m.out for m in members]) / n).astype(np.float32),
        bias=(np.mean([m.bias for m in members], axis=0)).astype(np.float32),
    )


def _folded(net: _Net) -> Fitted:
    net.eval()
    table, hidden_bias = net.pooled.folded()
    with torch.no_grad():
        return Fitted(
            table=table,
            dense_weights=net.dense.weight.T.numpy().astype(np.float32).copy(),
            hidden_bias=hidden_bias,
            out=net.out.weight.T.numpy().astype(np.float32).copy(),
            bias=net.out.bias.numpy().astype(np.float32).copy(),
        )
