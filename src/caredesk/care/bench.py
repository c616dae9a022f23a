"""`caredesk bench care [--data-dir PATH]`: the care engine's figures, as Markdown.

Support-domain dev set (and the eight smaller holdouts written after it): emotion macro-F1,
intensity Spearman, and precision/recall/F1/counts for every stakes kind, effort
cue, behaviour and risk; the emotion model's own benchmark section; and speed on one
CPU core (load time, resident memory, read_customer batch and single-message
latency, review_reply throughput).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import platform
import subprocess
import sys
import time
from collections.abc import Sequence
from typing import Any

from caredesk.care.analyzer import CareAnalyzer
from caredesk.care.emotion import EmotionModel
from caredesk.care.evaluate import (
    DEVSET_DIR,
    CustomerReport,
    LabelCounts,
    ReplyReport,
    evaluate_customer,
    evaluate_replies,
    load_jsonl,
)
from caredesk.care.labels import BEHAVIOURS, EFFORT, EMOTION_LABELS, RISKS, STAKES
from caredesk.care.rules import prepare_all


def default_data_dir() -> pathlib.Path:
    """$CAREDESK_DATA_DIR, else ../shared/data beside the repository (or the cwd)."""
    env = os.environ.get("CAREDESK_DATA_DIR")
    if env:
        return pathlib.Path(env)
    here = pathlib.Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").exists():
            candidate = parent.parent / "shared" / "data"
            if candidate.exists():
                return candidate
            break
    return pathlib.Path.cwd().parent / "shared" / "data"


def _cpu_model() -> str:
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _label_table(labels: dict[str, LabelCounts], names: Sequence[str]) -> list[str]:
    lines = [
        "| label | precision | recall | F1 | gold | predicted | TP | FP | FN |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in names:
        c = labels[name]
        lines.append(
            f"| {name} | {c.precision:.2f} | {c.recall:.2f} | {c.f1:.2f} | {c.support} | "
            f"{c.tp + c.fp} | {c.tp} | {c.fp} | {c.fn} |"
        )
    return lines


def _set_section(title: str, customer: CustomerReport, replies: ReplyReport) -> list[str]:
    labels = {**customer.labels, **replies.labels}
    with_gold = {name: c for name, c in labels.items() if c.support}
    mean_f1 = sum(c.f1 for c in with_gold.values()) / len(with_gold) if with_gold else 0.0
    below = [name for name, c in with_gold.items() if c.f1 < 0.85]
    stray = [name for name, c in labels.items() if not c.support and c.fp]
    tp = sum(c.tp for c in labels.values())
    fp = sum(c.fp for c in labels.values())
    fn = sum(c.fn for c in labels.values())
    micro_p = tp / (tp + fp) if tp + fp else 0.0
    micro_r = tp / (tp + fn) if tp + fn else 0.0
    return [
        f"### {title}",
        "",
        f"{customer.n} customer messages, {replies.n} agent replies.",
        "",
        f"- Emotion macro-F1: **{customer.emotion_macro_f1:.3f}** (accuracy "
        f"{customer.emotion_accuracy:.3f}); per class: "
        + ", ".join(f"{name} {customer.emotion_f1[name]:.2f}" for name in EMOTION_LABELS),
        f"- Intensity Spearman: **{customer.intensity_spearman:.3f}**",
        f"- Stakes/effort/behaviour/risk labels: mean F1 **{mean_f1:.3f}** over the "
        f"{len(with_gold)} labels with gold examples; micro precision {micro_p:.3f}, recall "
        f"{micro_r:.3f}; below 0.85: {', '.join(below) if below else 'none'}"
        + (f"; false flags on labels with no gold example: {', '.join(stray)}" if stray else ""),
        "",
        "Stakes and effort (customer messages):",
        "",
        *_label_table(customer.labels, (*STAKES, *EFFORT)),
        "",
        "Behaviours and risks (agent replies, each read against its customer message):",
        "",
        *_label_table(replies.labels, (*BEHAVIOURS, *RISKS)),
        "",
    ]


_LOAD_PROBE = """
import json, os, resource, sys, time
start = time.perf_counter()
from caredesk.care import CareAnalyzer
analyzer = CareAnalyzer.default()
analyzer.read_customer("warm")
loaded = time.perf_counter() - start
rss_kb = 0
with open("/proc/self/status") as handle:
    for line in handle:
        if line.startswith("VmRSS:"):
            rss_kb = int(line.split()[1])
if not rss_kb:
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"load_s": loaded, "rss_mb": rss_kb / 1024}))
"""


def _pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core} with os.sched_setaffinity"
    return "not pinned (os.sched_setaffinity unavailable)"


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def measure_speed(
    analyzer: CareAnalyzer,
    customer_texts: Sequence[str],
    reply_items: Sequence[tuple[str, Any, Sequence[str]]],
    *,
    batch_size: int = 10_000,
    singles: int = 3_000,
) -> dict[str, float]:
    """Throughput and latency on the current core (wall clock and process CPU time)."""
    texts = [customer_texts[i % len(customer_texts)] for i in range(batch_size)]
    # As a server does at start (caredesk.config.wsgi): every pattern's pre-checks built.
    prepare_all()
    analyzer.read_customer_batch(texts[:200])  # warm caches
    wall, cpu = time.perf_counter(), time.process_time()
    analyzer.read_customer_batch(texts)
    batch_wall, batch_cpu = time.perf_counter() - wall, time.process_time() - cpu

    latencies: list[float] = []
    cpu_latencies: list[float] = []
    for text in texts[:singles]:
        start, cpu_start = time.perf_counter(), time.process_time()
        analyzer.read_customer(text)
        latencies.append(time.perf_counter() - start)
        cpu_latencies.append(time.process_time() - cpu_start)

    items = [reply_items[i % len(reply_items)] for i in range(max(2_000, len(reply_items)))]
    # As for read_customer: the first use of a pattern builds its pre-checks (a one-off
    # cost per process), which is not the throughput of a running server.
    analyzer.review_reply_batch(items[:200])
    wall, cpu = time.perf_counter(), time.process_time()
    analyzer.review_reply_batch(items)
    review_wall, review_cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "batch_msgs_per_s": len(texts) / batch_wall,
        "batch_msgs_per_cpu_s": len(texts) / batch_cpu if batch_cpu else float("nan"),
        "single_p50_ms": _percentile(latencies, 0.50) * 1000,
        "single_p99_ms": _percentile(latencies, 0.99) * 1000,
        "single_cpu_p50_ms": _percentile(cpu_latencies, 0.50) * 1000,
        "single_cpu_p99_ms": _percentile(cpu_latencies, 0.99) * 1000,
        "reviews_per_s": len(items) / review_wall,
        "reviews_per_cpu_s": len(items) / review_cpu if review_cpu else float("nan"),
    }


# Phrases that many patterns start from, repeated into one long message: the inputs that
# once made the readers quadratic (a flag per phrase, each re-scanning its sentence).
WORST_CASE_PHRASES = (
    "my mum has dementia",
    "why am I being charged £12",
    "the wedding on the 30th",
    "I've called again",
    "please make sure you",
    "as you didn't",
    "or I can",
    "we have emails and calls",
    "customers are responsible",
    "you can contact the ombudsman",
    "we're sorry your flight was cancelled",
    "I understand your frustration",
    "as per our policy",
    "closing this ticket",
    "my flight tomorrow",
    "I can see you logged in at 3am",
)


def measure_worst_case(analyzer: CareAnalyzer, *, chars: int = 100_000) -> dict[str, Any]:
    """The slowest read or review of one ``chars``-long message made of a repeated
    phrase (each phrase with a space, a comma and "and" between repeats)."""
    worst: dict[str, Any] = {"seconds": 0.0, "input": "", "call": ""}
    for phrase in WORST_CASE_PHRASES:
        for sep in (" ", ", ", " and "):
            text = (phrase + sep) * (chars // (len(phrase) + len(sep)))
            for call, run in (
                ("read_customer", lambda t=text: analyzer.read_customer(t)),
                ("review_reply", lambda t=text: analyzer.review_reply(t)),
            ):
                start = time.perf_counter()
                run()
                took = time.perf_counter() - start
                if took > worst["seconds"]:
                    worst = {"seconds": took, "input": f"{phrase!r} + {sep!r}", "call": call}
    return worst


def _speed_section(
    analyzer: CareAnalyzer, customers: list[dict[str, Any]], replies: list[dict[str, Any]]
) -> list[str]:
    pinned = _pin_to_one_core()
    probe = subprocess.run(
        [sys.executable, "-c", _LOAD_PROBE],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    try:
        loaded = json.loads(probe.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        loaded = {"load_s": float("nan"), "rss_mb": float("nan")}
    signals = analyzer.read_customer_batch([row["customer_text"] for row in replies])
    items = [
        (row["text"], signal, row.get("history") or [])
        for row, signal in zip(replies, signals, strict=True)
    ]
    speed = measure_speed(analyzer, [row["text"] for row in customers], items)
    worst = measure_worst_case(analyzer)
    load_avg = (
        ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    )

    def mark(ok: bool) -> str:
        return "met" if ok else "**missed**"

    return [
        "### Speed on one core",
        "",
        f"Process {pinned}; load time and memory from a fresh interpreter (import + "
        f"`CareAnalyzer.default()` + one message). Texts: the dev-set messages, cycled. "
        f"System load average during the run: {load_avg} (a shared machine: wall-clock "
        f"figures suffer when other work runs, so process CPU time is shown beside them).",
        "",
        "| measure | value | target | |",
        "|---|---:|---:|---|",
        f"| load time | {loaded['load_s']:.2f} s | < 1 s | {mark(loaded['load_s'] < 1)} |",
        f"| resident memory after load | {loaded['rss_mb']:.0f} MB | < 300 MB | {mark(loaded['rss_mb'] < 300)} |",
        f"| read_customer, batch of 10,000 (wall) | {speed['batch_msgs_per_s']:,.0f} msg/s | ≥ 10,000 | {mark(speed['batch_msgs_per_s'] >= 10_000)} |",
        f"| read_customer, batch (per CPU second) | {speed['batch_msgs_per_cpu_s']:,.0f} msg/s | | |",
        f"| read_customer one at a time, p50 | {speed['single_p50_ms']:.3f} ms | | |",
        f"| read_customer one at a time, p99 | {speed['single_p99_ms']:.3f} ms | < 2 ms | {mark(speed['single_p99_ms'] < 2)} |",
        f"| read_customer one at a time, CPU time p50 / p99 | {speed['single_cpu_p50_ms']:.3f} / "
        f"{speed['single_cpu_p99_ms']:.3f} ms | | |",
        f"| review_reply (wall) | {speed['reviews_per_s']:,.0f} msg/s | ≥ 5,000 | {mark(speed['reviews_per_s'] >= 5_000)} |",
        f"| review_reply (per CPU second) | {speed['reviews_per_cpu_s']:,.0f} msg/s | | |",
        f"| slowest 100,000-character message of one repeated phrase | {worst['seconds']:.2f} s "
        f"({worst['call']}, {worst['input']}) | | |",
        "",
    ]


# Holdouts written blind to the engine and its training text.
BLIND_SETS = (9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26)


def build_report(data_dir: pathlib.Path, *, speed: bool = True) -> str:
    analyzer = CareAnalyzer.default()
    customers = load_jsonl(DEVSET_DIR / "customer.jsonl")
    replies = load_jsonl(DEVSET_DIR / "replies.jsonl")
    lines = [
        "## Care engine — support-domain dev set and speed",
        "",
        f"`caredesk bench care` — {datetime.date.today().isoformat()}, {_cpu_model()}, "
        f"{os.cpu_count()} logical CPUs, Python {platform.python_version()}.",
        "",
    ]
    lines += _set_section(
        "Dev set (devset/customer.jsonl, devset/replies.jsonl; the patterns were tuned on it)",
        evaluate_customer(analyzer, customers),
        evaluate_replies(analyzer, replies),
    )
    for prefix, title in (
        ("holdout", "Holdout 1 (devset/holdout_*.jsonl, written after the first tuning round)"),
        ("holdout2", "Holdout 2 (devset/holdout2_*.jsonl, written after the second round)"),
        ("holdout3", "Holdout 3 (devset/holdout3_*.jsonl, written after the third round)"),
        ("holdout4", "Holdout 4 (devset/holdout4_*.jsonl, written after the fourth round)"),
        ("holdout5", "Holdout 5 (devset/holdout5_*.jsonl, written after the fifth round)"),
        (
            "holdout6",
            "Holdout 6 (devset/holdout6_*.jsonl, casual chat style, after the sixth round)",
        ),
        ("holdout7", "Holdout 7 (devset/holdout7_*.jsonl, written after the seventh round)"),
        ("holdout8", "Holdout 8 (devset/holdout8_*.jsonl, written after the eighth round)"),
        (
            "holdout9",
            "Holdout 9 (devset/holdout9_*.jsonl, written blind to the engine and its training "
            "data; read once the engine had been scored on it)",
        ),
        (
            "holdout10",
            "Holdout 10 (devset/holdout10_*.jsonl, written blind to the engine, its training "
            "data and the other sets)",
        ),
        (
            "holdout11",
            "Holdout 11 (devset/holdout11_*.jsonl, written blind to the engine, its training "
            "data and the other sets)",
        ),
        (
            "holdout12",
            "Holdout 12 (devset/holdout12_*.jsonl, written blind to the engine, its training "
            "data and the other sets)",
        ),
        (
            "holdout13",
            "Holdout 13 (devset/holdout13_*.jsonl, written blind to the engine, its training "
            "data and the other sets; scored once, on the final engine of its round)",
        ),
        (
            "holdout14",
            "Holdout 14 (devset/holdout14_*.jsonl, written blind to the engine, its training "
            "data and the other sets; scored on the engine its round started from and on the "
            "final one, nothing chosen by it)",
        ),
        (
            "holdout15",
            "Holdout 15 (devset/holdout15_*.jsonl, written blind to the engine, its training "
            "data and the other sets; scored on the engine its round started from and on the "
            "final one, nothing chosen by it)",
        ),
        (
            "holdout16",
            "Holdout 16 (devset/holdout16_*.jsonl, written blind to the engine, its training "
            "data and the other sets once the engine of its round was final; scored once on "
            "that engine and on the one the round started from)",
        ),
        (
            "holdout17",
            "Holdout 17 (devset/holdout17_*.jsonl, written blind to the engine, its training "
            "data and the other sets; scored on the engine its round started from, then used "
            "for one choice: the scorers' precision floor)",
        ),
        (
            "holdout18",
            "Holdout 18 (devset/holdout18_*.jsonl, written blind to the engine, its training "
            "data and the other sets, and kept unread until the engine of its round was final; "
            "scored on that engine and on the one the round started from)",
        ),
        (
            "holdout19",
            "Holdout 19 (devset/holdout19_*.jsonl, written blind to the engine, its training "
            "data and the other sets, and left unscored for a round; scored on the engine the "
            "next round started from and on that round's final one, nothing chosen by it)",
        ),
        (
            "holdout20",
            "Holdout 20 (devset/holdout20_*.jsonl, written blind to the engine, its training "
            "data and the other sets, and left unscored for a round; then used for one choice: "
            "the network scorer for the customer labels)",
        ),
        (
            "holdout21",
            "Holdout 21 (devset/holdout21_*.jsonl, written blind the same way and left unscored "
            "until the engine of the next round was final; scored on that engine and on the one "
            "the round started from, nothing chosen by it)",
        ),
        (
            "holdout22",
            "Holdout 22 (devset/holdout22_*.jsonl, written blind the same way and left unscored "
            "for two rounds; then one check of the emotion network: scored on the engine its "
            "round started from and on the candidate)",
        ),
        (
            "holdout23",
            "Holdout 23 (devset/holdout23_*.jsonl, written blind the same way and left unscored "
            "until the emotion-network round's engine was final; scored on that engine and on "
            "the one the round started from, nothing chosen by it)",
        ),
        (
            "holdout24",
            "Holdout 24 (devset/holdout24_*.jsonl, written blind the same way and left unscored "
            "for a round; then one check of the reply scorers reading each feature once: "
            "scored on the engine before that change and on the candidate)",
        ),
        (
            "holdout25",
            "Holdout 25 (devset/holdout25_*.jsonl, written blind the same way and left unscored "
            "until that change was final; scored on it and on the engine before it, nothing "
            "chosen by it)",
        ),
        (
            "holdout26",
            "Holdout 26 (devset/holdout26_*.jsonl, written blind the same way while that change "
            "was measured; scored once on it and on the engine before it, a second measure)",
        ),
    ):
        holdout_c = DEVSET_DIR / f"{prefix}_customer.jsonl"
        holdout_r = DEVSET_DIR / f"{prefix}_replies.jsonl"
        if holdout_c.exists() and holdout_r.exists():
            lines += _set_section(
                title,
                evaluate_customer(analyzer, load_jsonl(holdout_c)),
                evaluate_replies(analyzer, load_jsonl(holdout_r)),
            )
    patterns_only = CareAnalyzer(EmotionModel.load(), None)
    for number in BLIND_SETS:
        blind_c = DEVSET_DIR / f"holdout{number}_customer.jsonl"
        blind_r = DEVSET_DIR / f"holdout{number}_replies.jsonl"
        if analyzer.label_scorer is not None and blind_c.exists() and blind_r.exists():
            lines += _set_section(
                f"Holdout {number} with the pattern layers alone (no learned label scorers), "
                "for comparison",
                evaluate_customer(patterns_only, load_jsonl(blind_c)),
                evaluate_replies(patterns_only, load_jsonl(blind_r)),
            )
    if speed:
        lines += _speed_section(analyzer, customers, replies)
    report = "\n".join(lines)
    try:
        from caredesk.care import bench_emotion
    except ImportError as error:  # the emotion model's benchmark is optional here
        report += f"\n_Emotion benchmark unavailable: {error}_\n"
    else:
        try:
            report += "\n" + bench_emotion.run(data_dir)
        except (OSError, ValueError, KeyError) as error:
            report += f"\n_Emotion benchmark failed on {data_dir}: {error}_\n"
    return report


_PREPARE_PROBE = """
import json, time
start = time.perf_counter()
from caredesk.care import CareAnalyzer
from caredesk.care.rules import prepare_all
analyzer = CareAnalyzer.default()
loaded = time.perf_counter()
prepare_all()
print(json.dumps({"load_s": loaded - start, "prepare_s": time.perf_counter() - loaded}))
"""


def measure_throughput(repeats: int = 3) -> str:
    """Best-of-``repeats`` batch throughput per CPU-second on one core, and load and
    prepare time in a fresh interpreter: a short line to compare two checkouts run one
    after the other (``PYTHONPATH=<checkout>/src python src/caredesk/care/bench.py
    --throughput 3``)."""
    _pin_to_one_core()
    probe = subprocess.run(
        [sys.executable, "-c", _PREPARE_PROBE], capture_output=True, text=True, check=True
    )
    times = json.loads(probe.stdout.strip().splitlines()[-1])
    analyzer = CareAnalyzer.default()
    prepare_all()
    customers = [str(row["text"]) for row in load_jsonl(DEVSET_DIR / "customer.jsonl")]
    texts = [customers[i % len(customers)] for i in range(10_000)]
    replies = load_jsonl(DEVSET_DIR / "replies.jsonl")
    signals = analyzer.read_customer_batch([str(row["customer_text"]) for row in replies])
    items = [
        (str(row["text"]), signal, row.get("history") or [])
        for row, signal in zip(replies, signals, strict=True)
    ]
    items = [items[i % len(items)] for i in range(2_000)]
    analyzer.read_customer_batch(texts[:200])
    analyzer.review_reply_batch(items[:200])
    best_read = best_review = 0.0
    for _ in range(repeats):
        cpu = time.process_time()
        analyzer.read_customer_batch(texts)
        best_read = max(best_read, len(texts) / (time.process_time() - cpu))
        cpu = time.process_time()
        analyzer.review_reply_batch(items)
        best_review = max(best_review, len(items) / (time.process_time() - cpu))
    return (
        f"read_customer {best_read:,.0f}/CPU-s, review_reply {best_review:,.0f}/CPU-s "
        f"(best of {repeats}); load {times['load_s']:.2f} s, prepare {times['prepare_s']:.2f} s"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="caredesk bench care", description="Benchmark the care engine (Markdown report)."
    )
    parser.add_argument("--data-dir", type=pathlib.Path, default=None, help="shared data folder")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurements")
    parser.add_argument("--out", type=pathlib.Path, default=None, help="also write the report here")
    parser.add_argument(
        "--throughput",
        type=int,
        metavar="N",
        default=None,
        help="only print best-of-N batch throughput and load/prepare time (to compare checkouts)",
    )
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.throughput is not None:
        if args.throughput < 1:
            parser.error("--throughput must be at least 1")
        print(measure_throughput(args.throughput))
        return 0
    data_dir = args.data_dir or default_data_dir()
    report = build_report(data_dir, speed=not args.no_speed)
    print(report)
    if args.out is not None:
        args.out.write_text(report + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
