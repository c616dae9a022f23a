"""How steady the engine's labels are when a text is repeated: for each of the first
``--rows`` rows of each file, the text said once and then 3, 10 and 40 times over
(joined by a space), and how many rows' labels (stakes and effort, or behaviours and
risks) change. Repeating a message adds no evidence, so a steady reader changes few.

    python training/probe_repetition.py src/caredesk/care/devset/customer.jsonl \\
        src/caredesk/care/devset/replies.jsonl [--scorers LABELS_NPZ | --patterns-only]
"""

from __future__ import annotations

import argparse
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "src"))

from caredesk.care.analyzer import CareAnalyzer
from caredesk.care.emotion import EmotionModel
from caredesk.care.evaluate import load_jsonl
from caredesk.care.scorers import LabelScorer

TIMES = (3, 10, 40)


def labels_of(analyzer: CareAnalyzer, row: dict[str, object], text: str) -> frozenset[str]:
    if "customer_text" in row:
        review = analyzer.review_reply(text, customer=str(row.get("customer_text") or ""))
        return frozenset(review.present_behaviours) | frozenset(review.present_risks)
    signal = analyzer.read_customer(text)
    return frozenset(signal.stakes_kinds) | frozenset(signal.effort_kinds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=pathlib.Path)
    parser.add_argument("--rows", type=int, default=150)
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--scorers", type=pathlib.Path, help="a labels.npz instead of the shipped one"
    )
    which.add_argument("--patterns-only", action="store_true")
    args = parser.parse_args()
    scorer = None if args.patterns_only else LabelScorer.load(args.scorers)
    analyzer = CareAnalyzer(EmotionModel.load(), scorer)
    for path in args.files:
        rows = load_jsonl(path)[: args.rows]
        changed = dict.fromkeys(TIMES, 0)
        for row in rows:
            text = str(row["text"]).strip()
            once = labels_of(analyzer, row, text)
            for times in TIMES:
                if labels_of(analyzer, row, " ".join([text] * times)) != once:
                    changed[times] += 1
        summary = ", ".join(f"{times} times: {n}" for times, n in changed.items())
        print(f"{path}: of {len(rows)} rows, labels changed when repeated {summary}")


if __name__ == "__main__":
    main()
