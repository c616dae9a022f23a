"""`caredesk analyze FILE [--out OUT.jsonl]`: read a helpdesk export with the care engine.

FILE is CSV or JSONL with a conversation id, a role (customer or agent) and the
message text; common column names from other helpdesks are accepted. Each customer
message gets a CustomerSignal; each agent reply is reviewed against the previous
customer message in its conversation, with that agent's earlier replies as history.
One JSON line per message goes to --out (or stdout when --out is "-"); a summary
table goes to stdout. A bad row is reported on stderr with its number and skipped.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import pathlib
import sys
from collections import Counter, defaultdict, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

from caredesk.care.analyzer import CareAnalyzer
from caredesk.care.labels import BEHAVIOURS, EFFORT, EMOTION_LABELS, RISKS, STAKES
from caredesk.care.results import CustomerSignal

CONVERSATION_COLUMNS = (
    "conversation_id", "conversation", "conv_id", "ticket_id", "ticket", "thread_id", "thread",
    "dialog_id", "dialogue_id", "chat_id", "case_id", "session_id", "conversationid", "ticketid",
)  # fmt: skip
ROLE_COLUMNS = (
    "role",
    "sender",
    "sender_type",
    "author_role",
    "speaker",
    "from",
    "author",
    "direction",
    "type",
)
TEXT_COLUMNS = ("text", "message", "body", "content", "utterance", "msg", "message_text", "comment")
AGENT_COLUMNS = ("agent_id", "agent", "agent_name", "author_id", "user_id", "assignee")
CUSTOMER_ROLES = frozenset(
    [
        "customer",
        "user",
        "client",
        "inbound",
        "end-user",
        "enduser",
        "end_user",
        "requester",
        "visitor",
        "contact",
        "caller",
        "consumer",
        "guest",
        "buyer",
        "usr",
    ]
)
AGENT_ROLES = frozenset(
    [
        "agent",
        "support",
        "staff",
        "outbound",
        "rep",
        "representative",
        "assistant",
        "company",
        "operator",
        "advisor",
        "adviser",
        "supp",
        "bot",
        "admin",
        "employee",
    ]
)
HISTORY_LENGTH = 20
PROGRESS_EVERY = 500


class BadRow(ValueError):
    """A row that cannot be analysed; the message says why."""


@dataclass
class Summary:
    customers: int = 0
    agents: int = 0
    bad: int = 0
    emotions: Counter[str] = field(default_factory=Counter)
    intensity_total: float = 0.0
    stakes: Counter[str] = field(default_factory=Counter)
    effort: Counter[str] = field(default_factory=Counter)
    behaviours: Counter[str] = field(default_factory=Counter)
    risks: Counter[str] = field(default_factory=Counter)
    score_total: int = 0
    needs_person: int = 0

    def table(self) -> str:
        def pct(count: int, total: int) -> str:
            return f"{count} ({100 * count / total:.0f}%)" if total else "0"

        lines = [
            f"messages: {self.customers + self.agents} analysed "
            f"({self.customers} customer, {self.agents} agent), {self.bad} bad rows skipped",
            "",
            "| customer messages | count |",
            "|---|---:|",
        ]
        lines += [
            f"| emotion: {name} | {pct(self.emotions[name], self.customers)} |"
            for name in EMOTION_LABELS
        ]
        mean_intensity = self.intensity_total / self.customers if self.customers else 0.0
        lines.append(f"| mean intensity | {mean_intensity:.2f} |")
        lines.append(f"| needs a person | {pct(self.needs_person, self.customers)} |")
        lines += [
            f"| stakes: {name} | {pct(self.stakes[name], self.customers)} |" for name in STAKES
        ]
        lines += [
            f"| effort: {name} | {pct(self.effort[name], self.customers)} |" for name in EFFORT
        ]
        lines += ["", "| agent replies | count |", "|---|---:|"]
        lines += [
            f"| behaviour: {name} | {pct(self.behaviours[name], self.agents)} |"
            for name in BEHAVIOURS
        ]
        lines += [f"| risk: {name} | {pct(self.risks[name], self.agents)} |" for name in RISKS]
        mean_score = self.score_total / self.agents if self.agents else 0.0
        lines.append(f"| mean care score | {mean_score:.1f} |")
        return "\n".join(lines)


def _pick(row: dict[str, Any], names: Sequence[str]) -> Any:
    lowered = {str(key).strip().lower(): value for key, value in row.items() if key is not None}
    for name in names:
        if name in lowered and lowered[name] not in (None, ""):
            return lowered[name]
    return None


def _role(value: Any) -> str:
    if isinstance(value, bool):  # e.g. an "inbound" flag
        return "customer" if value else "agent"
    role = str(value).strip().lower()
    if role in CUSTOMER_ROLES:
        return "customer"
    if role in AGENT_ROLES:
        return "agent"
    raise BadRow(f"unknown role {str(value)[:40]!r} (expected customer or agent)")


def _rows(path: pathlib.Path, handle: TextIO) -> Iterator[tuple[int, dict[str, Any] | BadRow]]:
    """(row number, row or the reason it is bad); row numbers count data rows from 1."""
    head = handle.read(4096)
    handle.seek(0)
    is_jsonl = path.suffix.lower() in (".jsonl", ".ndjson", ".json") or head.lstrip().startswith(
        "{"
    )
    if is_jsonl:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except json.JSONDecodeError as error:
                yield number, BadRow(f"invalid JSON ({error.msg})")
                continue
            yield number, value if isinstance(value, dict) else BadRow("not a JSON object")
        return
    try:
        dialect: Any = csv.Sniffer().sniff(head, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(handle, dialect=dialect)
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield number, BadRow(f"unreadable CSV ({error})")
            continue
        if None in row:
            yield number, BadRow("more fields than the header")
            continue
        yield number, row


def _parse(row: dict[str, Any]) -> tuple[str, str, str, str]:
    conversation = _pick(row, CONVERSATION_COLUMNS)
    if conversation is None:
        raise BadRow("no conversation id")
    role_value = _pick(row, ROLE_COLUMNS)
    if role_value is None:
        raise BadRow("no role")
    text = _pick(row, TEXT_COLUMNS)
    if text is None:
        raise BadRow("no text")
    if not isinstance(text, str):
        raise BadRow(f"text is {type(text).__name__}, not a string")
    agent = _pick(row, AGENT_COLUMNS)
    return str(conversation), _role(role_value), text, "" if agent is None else str(agent)


class _Progress:
    """A one-line progress bar on stderr (or a line every so often when not a terminal)."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream = total, stream
        self.enabled = total >= 1000
        self.tty = stream.isatty()

    def update(self, done: int, *, final: bool = False) -> None:
        if not self.enabled or (done % PROGRESS_EVERY and not final):
            return
        share = done / self.total if self.total else 1.0
        if self.tty:
            filled = int(30 * share)
            self.stream.write(
                f"\r[{'#' * filled}{'.' * (30 - filled)}] {share:4.0%} {done}/{self.total}"
            )
            if final:
                self.stream.write("\n")
        elif final or int(10 * share) != int(10 * (done - PROGRESS_EVERY) / self.total):
            self.stream.write(f"analyzed {done}/{self.total} rows ({share:.0%})\n")
        self.stream.flush()


def analyze_file(
    path: pathlib.Path,
    out: TextIO,
    *,
    analyzer: CareAnalyzer | None = None,
    errors: TextIO | None = None,
) -> Summary:
    analyzer = analyzer or CareAnalyzer.default()
    errors = sys.stderr if errors is None else errors
    summary = Summary()
    last_customer: dict[str, CustomerSignal] = {}
    history: dict[str, deque[str]] = defaultdict(lambda: deque(maxlen=HISTORY_LENGTH))
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        total = sum(1 for _ in handle)
        handle.seek(0)
        progress = _Progress(max(0, total - 1), errors)
        done = 0
        for number, row in _rows(path, handle):
            done += 1
            progress.update(done)
            try:
                if isinstance(row, BadRow):
                    raise row
                conversation, role, text, agent = _parse(row)
                if role == "customer":
                    signal = analyzer.read_customer(text)
                    last_customer[conversation] = signal
                    result: dict[str, Any] = signal.to_dict()
                    summary.customers += 1
                    summary.emotions[signal.emotion] += 1
                    summary.intensity_total += signal.intensity
                    summary.needs_person += signal.needs_person
                    summary.stakes.update(signal.stakes_kinds)
                    summary.effort.update(signal.effort_kinds)
                else:
                    # An agent's history follows the agent across conversations when the
                    # export names agents; otherwise it stays within the conversation.
                    key = f"agent:{agent}" if agent else f"conversation:{conversation}"
                    review = analyzer.review_reply(
                        text, customer=last_customer.get(conversation), history=list(history[key])
                    )
                    history[key].append(text)
                    result = review.to_dict()
                    summary.agents += 1
                    summary.behaviours.update(review.present_behaviours)
                    summary.risks.update(review.present_risks)
                    summary.score_total += review.score
            except BadRow as error:
                summary.bad += 1
                errors.write(f"row {number}: {error}; skipped\n")
                continue
            except (TypeError, ValueError) as error:
                summary.bad += 1
                errors.write(f"row {number}: {error}; skipped\n")
                continue
            record = {"row": number, "conversation_id": conversation, "role": role, **result}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        progress.update(done, final=True)
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="caredesk analyze",
        description="Read a CSV/JSONL helpdesk export with the care engine.",
    )
    parser.add_argument("file", type=pathlib.Path, help="CSV or JSONL: conversation id, role, text")
    parser.add_argument(
        "--out", default=None, help="JSON lines output (default: FILE.care.jsonl; '-' for stdout)"
    )
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    path: pathlib.Path = args.file
    if not path.is_file():
        print(f"caredesk analyze: no such file: {path}", file=sys.stderr)
        return 2
    out_name = args.out or str(path.with_suffix(path.suffix + ".care.jsonl"))
    if out_name == "-":
        buffer = io.StringIO()
        summary = analyze_file(path, buffer)
        sys.stdout.write(buffer.getvalue())
    else:
        with open(out_name, "w", encoding="utf-8") as out:
            summary = analyze_file(path, out)
        print(f"wrote {out_name}")
    print(summary.table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
