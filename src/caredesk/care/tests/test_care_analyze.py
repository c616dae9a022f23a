"""`caredesk analyze` and `caredesk bench care` as commands."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest

from caredesk.care import CareAnalyzer
from caredesk.care.analyze import analyze_file, main
from caredesk.care.bench import default_data_dir, measure_speed, measure_worst_case

CSV_EXPORT = """ticket_id,sender,message,agent_id
7,customer,"My flight was cancelled and I've called twice already!!",
7,agent,"We apologize for any inconvenience. Please contact the airline.",a1
8,customer,How do I reset my password?,
8,robot,this role is unknown,
,customer,no conversation id here,
8,agent,"Go to Settings > Security and tap Reset password.",a1
"""


def _read(path: pathlib.Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_it_analyses_a_csv_export_and_skips_bad_rows(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "export.csv"
    source.write_text(CSV_EXPORT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main([str(source), "--out", str(out)]) == 0
    records = _read(out)
    assert [(r["row"], r["role"]) for r in records] == [
        (1, "customer"),
        (2, "agent"),
        (3, "customer"),
        (6, "agent"),
    ]
    assert records[0]["type"] == "customer_signal"
    assert {f["kind"] for f in records[0]["effort"]} >= {"repeat_contact"}
    assert records[1]["type"] == "reply_review"
    assert records[1]["risks"]["cold_transfer"]
    captured = capsys.readouterr()
    assert "row 4: unknown role" in captured.err
    assert "row 5: no conversation id" in captured.err
    assert "2 bad rows skipped" in captured.out
    assert "mean care score" in captured.out


def test_it_reads_jsonl_with_a_broken_line(tmp_path: pathlib.Path) -> None:
    source = tmp_path / "export.jsonl"
    source.write_text(
        '{"conversation_id": 1, "role": "user", "text": "Third time I am asking about this."}\n'
        "{not json\n"
        '{"conversation_id": 1, "role": "agent", "text": 42}\n'
        '{"conversation_id": 1, "role": "agent", "text": "Since this is your third message, I\'ve fixed it."}\n',
        encoding="utf-8",
    )
    out_path = tmp_path / "out.jsonl"
    errors = tmp_path / "errors.txt"
    with out_path.open("w", encoding="utf-8") as out, errors.open("w", encoding="utf-8") as err:
        summary = analyze_file(source, out, analyzer=CareAnalyzer.default(), errors=err)
    assert (summary.customers, summary.agents, summary.bad) == (1, 1, 2)
    records = _read(out_path)
    assert records[1]["needs"]["uses_context"] == "done"
    text = errors.read_text(encoding="utf-8")
    assert "row 2: invalid JSON" in text and "row 3: text is int" in text


def test_history_follows_the_agent(tmp_path: pathlib.Path) -> None:
    rows = ["conversation_id,role,text,agent_id"]
    for n in range(3):
        rows.append(f"{n},customer,Where is my parcel?,")
        rows.append(f'{n},agent,"Sorry your parcel is late, it is on its way today.",a9')
    source = tmp_path / "export.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main([str(source), "--out", str(out)]) == 0
    reviews = [r for r in _read(out) if r["role"] == "agent"]
    flagged = [bool(r["risks"]["scripted_empathy"]) for r in reviews]
    assert flagged == [False, True, True]


def test_a_missing_file_is_a_usage_error(tmp_path: pathlib.Path) -> None:
    assert main([str(tmp_path / "nope.csv")]) == 2


def test_bench_helpers(monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path) -> None:
    monkeypatch.setenv("CAREDESK_DATA_DIR", str(tmp_path))
    assert default_data_dir() == tmp_path
    analyzer = CareAnalyzer.default()
    speed = measure_speed(
        analyzer,
        ["My flight is tomorrow!", "How do I reset my password?"],
        [("I'll refund it today.", None, [])],
        batch_size=50,
        singles=20,
    )
    assert speed["batch_msgs_per_s"] > 0 and speed["single_p99_ms"] >= speed["single_p50_ms"]


def test_the_worst_case_probe_names_its_slowest_input() -> None:
    worst = measure_worst_case(CareAnalyzer.default(), chars=2_000)
    assert worst["seconds"] > 0
    assert worst["call"] in {"read_customer", "review_reply"} and " + " in worst["input"]


def test_bench_throughput_needs_at_least_one_round(capsys: pytest.CaptureFixture[str]) -> None:
    from caredesk.care.bench import main as bench_main

    with pytest.raises(SystemExit) as stopped:
        bench_main(["--throughput", "0"])
    assert stopped.value.code == 2
    assert "--throughput must be at least 1" in capsys.readouterr().err
