"""A tiny lexicon reader used only when the trained emotion model cannot be imported.

It keeps the engine usable (and its tests meaningful) in a checkout without the
shipped model; ``CareAnalyzer.default()`` always prefers the real model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from caredesk.care.labels import EMOTION_LABELS

_CUES: dict[str, re.Pattern[str]] = {
    "anger": re.compile(
        r"\b(?:ridiculous|unacceptable|fed up|furious|angry|disgusting|joke|worst|useless|pathetic)\b",
        re.I,
    ),
    "anxiety": re.compile(
        r"\b(?:worried|panick\w*|scared|urgent|anxious|nervous|afraid|stress\w*)\b", re.I
    ),
    "sadness": re.compile(
        r"\b(?:sad|heartbroken|disappointed|upset|passed away|devastated|gutted)\b", re.I
    ),
    "confusion": re.compile(
        r"\b(?:confus\w*|don't understand|what does|unclear|lost)\b|\?\?", re.I
    ),
    "gratitude": re.compile(
        r"\b(?:thank\w*|thanks|brilliant|amazing|great job|saved my|appreciate)\b", re.I
    ),
}


class LexiconEmotion:
    def predict(
        self, texts: Sequence[str]
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        probs = np.full((len(texts), len(EMOTION_LABELS)), 0.02, dtype=np.float32)
        intensity = np.zeros(len(texts), dtype=np.float32)
        for row, text in enumerate(texts):
            hits = {name: len(p.findall(text)) for name, p in _CUES.items()}
            best = max(hits, key=lambda k: hits[k])
            column = EMOTION_LABELS.index(best if hits[best] else "neutral")
            probs[row, column] = 1.0
            shout = text.count("!") + sum(1 for w in text.split() if len(w) > 2 and w.isupper())
            intensity[row] = min(1.0, 0.25 * hits[best] + 0.1 * shout)
        probs /= probs.sum(axis=1, keepdims=True)
        return probs, intensity
