"""Training rows for the emotion and intensity heads (public data + our corpus)."""

from __future__ import annotations

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from support_corpus import Example, generate  # noqa: E402

from caredesk.care import bench_emotion as bench  # noqa: E402
from caredesk.care.emotion import EMOTIONS  # noqa: E402

SUPPORT_SIZE = 18000


def support_examples(n: int = SUPPORT_SIZE) -> list[Example]:
    return generate(n)


def emotion_rows(
    data: pathlib.Path,
    *,
    tweeteval: bool,
    support_n: int = SUPPORT_SIZE,
    support_weight: float = 1.0,
) -> list[tuple[str, int, float, str]]:
    """(text, label index, sample weight, source). A multi-label GoEmotions row
    becomes one row per label, the weight split between them."""
    rows: list[tuple[str, int, float, str]] = []
    for text, names in bench.load_goemotions_original(data / "goemotions" / "original", "train"):
        for name in names:
            rows.append((text, EMOTIONS.index(name), 1.0 / len(names), "goemotions"))
    if tweeteval:
        texts, labels = bench.load_tweeteval(data / "tweeteval" / "emotion", "train")
        rows += [(t, y, 1.0, "tweeteval") for t, y in zip(texts, labels, strict=True)]
    for example in support_examples(support_n):
        rows.append((example.text, EMOTIONS.index(example.emotion), support_weight, "support"))
    return rows


def intensity_rows(data: pathlib.Path) -> list[tuple[str, float, str]]:
    """TWCS customer turns outside the held-out dialogs, frustration median / 4."""
    texts, grades = bench.load_twcs(data / "twcs_frustration" / "turns.csv", heldout=False)
    return [(t, g / 4.0, "twcs") for t, g in zip(texts, grades, strict=True)]
