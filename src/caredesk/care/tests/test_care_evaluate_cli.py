"""`python -m caredesk.care.evaluate`: scoring hand-labelled files from the command line."""

from __future__ import annotations

import json
import pathlib

import pytest

from caredesk.care.emotion import MODEL_DIR
from caredesk.care.evaluate import main
from caredesk.care.scorers import LABELS_FILE


def _write(path: pathlib.Path, rows: list[dict[str, object]]) -> pathlib.Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _thanks(path: pathlib.Path) -> pathlib.Path:
    """A customer file of one row: a plain thank-you with no stakes or effort."""
    row: dict[str, object] = {
        "id": "a", "text": "Thanks!", "emotion": "gratitude", "intensity": 0.3,
        "stakes": [], "effort": [],
    }  # fmt: skip
    return _write(path, [row])


def test_it_scores_customer_and_reply_files(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    customers = _write(
        tmp_path / "c.jsonl",
        [
            {"id": "a", "text": "My flight was cancelled and I'm stranded at the airport.",
             "emotion": "anxiety", "intensity": 0.7, "stakes": ["travel"], "effort": []},
            {"id": "b", "text": "How do I change my password?", "emotion": "neutral",
             "intensity": 0.0, "stakes": [], "effort": []},
        ],
    )  # fmt: skip
    replies = _write(
        tmp_path / "r.jsonl",
        [
            {"id": "r", "customer_text": "Where is my parcel?",
             "text": "I've checked: it arrives tomorrow before noon. Does that work for you?",
             "behaviours": ["takes_ownership", "clear_next_steps", "checks_understanding"],
             "risks": []},
        ],
    )  # fmt: skip
    assert main([str(customers), str(replies), "--patterns-only"]) == 0
    out = capsys.readouterr().out
    assert f"{customers}: 2 rows, mean F1 1.000 over 1 labels; emotion macro-F1" in out
    assert "travel" in out and f"{replies}: 1 rows" in out
    # Pooled: travel (1 of 1) and the three reply labels (each 1 of 1).
    assert "all 2 files: mean F1 1.000 over 4 labels, micro precision 1.000, recall 1.000" in out


def test_a_missing_or_broken_file_is_reported_and_the_rest_still_scored(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x", "text": \n', encoding="utf-8")
    good = _thanks(tmp_path / "good.jsonl")
    assert main([str(tmp_path / "missing.jsonl"), str(broken), str(good)]) == 1
    captured = capsys.readouterr()
    assert "missing.jsonl: cannot score it (FileNotFoundError" in captured.err
    assert "broken.jsonl: cannot score it (JSONDecodeError" in captured.err
    assert f"{good}: 1 rows" in captured.out


def test_errors_lists_a_labels_false_flags_and_misses(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    customers = _write(
        tmp_path / "c.jsonl",
        [
            {"id": "miss", "text": "My train home tonight was cancelled and there's no bus.",
             "emotion": "anxiety", "intensity": 0.7, "stakes": [], "effort": []},
            {"id": "fine", "text": "How do I change my password?", "emotion": "neutral",
             "intensity": 0.0, "stakes": [], "effort": []},
        ],
    )  # fmt: skip
    assert main([str(customers), "--patterns-only", "--errors", "travel"]) == 0
    out = capsys.readouterr().out
    assert "travel FP miss: My train home tonight was cancelled" in out
    assert "fine:" not in out


def test_errors_names_a_label_these_rows_do_not_have(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    customers = _thanks(tmp_path / "c.jsonl")
    assert main([str(customers), "--patterns-only", "--errors", "policy_first"]) == 0
    assert "policy_first: not a label of these rows" in capsys.readouterr().err


def test_several_customer_files_also_give_their_emotion_pooled(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = {"emotion": "neutral", "intensity": 0.0, "stakes": [], "effort": []}
    first = _write(
        tmp_path / "a.jsonl", [{"id": "a", "text": "How do I reset my password?", **row}]
    )
    second = _write(
        tmp_path / "b.jsonl", [{"id": "b", "text": "Where do I change my email?", **row}]
    )
    assert main([str(first), str(second), "--patterns-only"]) == 0
    pooled = [line for line in capsys.readouterr().out.splitlines() if line.startswith("all 2")]
    assert len(pooled) == 1 and "; 2 customer messages: emotion macro-F1" in pooled[0]
    assert main([str(first), "--patterns-only"]) == 0
    assert "customer messages: emotion" not in capsys.readouterr().out


def test_scorers_from_a_file_read_like_the_shipped_ones(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replies = _write(
        tmp_path / "r.jsonl",
        [
            {"id": "r", "customer_text": "Where is my parcel?",
             "text": "Sorry for any inconvenience. Please contact the courier.",
             "behaviours": [], "risks": ["scripted_empathy", "cold_transfer"]},
        ],
    )  # fmt: skip
    assert main([str(replies)]) == 0
    shipped = capsys.readouterr().out
    assert main([str(replies), "--scorers", str(MODEL_DIR / LABELS_FILE)]) == 0
    assert capsys.readouterr().out == shipped


@pytest.mark.parametrize(
    "extra",
    [
        ["--scorers", "nope.npz"],
        ["--scorers", "bad.npz"],
        ["--scorers", "labels.npz", "--patterns-only"],
    ],
)
def test_bad_scorers_are_a_usage_error(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch, extra: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.npz").write_bytes(b"not a numpy archive")
    (tmp_path / "labels.npz").write_bytes((MODEL_DIR / LABELS_FILE).read_bytes())
    rows = _write(tmp_path / "c.jsonl", [{"id": "a", "text": "Hi", "emotion": "neutral",
                                         "intensity": 0.0, "stakes": [], "effort": []}])  # fmt: skip
    with pytest.raises(SystemExit) as exit_info:
        main([str(rows), *extra])
    assert exit_info.value.code == 2


def test_against_scores_a_second_reading_of_the_same_rows(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    customers = _write(
        tmp_path / "c.jsonl",
        [
            {"id": "a", "text": "My flight was cancelled and I'm stranded.", "emotion": "anxiety",
             "intensity": 0.7, "stakes": ["travel"], "effort": []},
            {"id": "b", "text": "Third time asking: where is my refund?", "emotion": "anger",
             "intensity": 0.5, "stakes": [], "effort": ["repeat_contact"]},
        ],
    )  # fmt: skip
    replies = _write(
        tmp_path / "r.jsonl",
        [{"id": "r", "customer_text": "Where is my parcel?", "text": "It arrives tomorrow.",
          "behaviours": ["clear_next_steps"], "risks": []}],
    )  # fmt: skip
    # The second reader agrees on travel, misses the repeat contact, adds legal to "a",
    # and reads the reply the same way (only labels and ids are needed).
    second_c = _write(
        tmp_path / "c2.jsonl",
        [
            {"id": "b", "emotion": "anger", "intensity": 0.6, "stakes": [], "effort": []},
            {"id": "a", "emotion": "anxiety", "intensity": 0.8, "stakes": ["travel", "legal"],
             "effort": []},
        ],
    )  # fmt: skip
    second_r = _write(
        tmp_path / "r2.jsonl", [{"id": "r", "behaviours": ["clear_next_steps"], "risks": []}]
    )
    args = [str(customers), str(replies), "--against", str(second_c), "--against", str(second_r)]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "intensity Spearman 1.000" in out
    assert "  travel                   P 1.00  R 1.00  F1 1.00  (gold 1)" in out
    assert "  repeat_contact           P 0.00  R 0.00  F1 0.00  (gold 1)" in out
    # Pooled: travel 1.0, repeat_contact 0.0, clear_next_steps 1.0; legal is a false flag.
    assert "all 2 files: mean F1 0.667 over 3 labels, micro precision 0.667, recall 0.667" in out


def test_against_needs_one_file_for_all_or_one_each_and_every_row(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    customers = _thanks(tmp_path / "c.jsonl")
    with pytest.raises(SystemExit):
        main([str(customers)] * 3 + ["--against", str(customers)] * 2)
    assert "one file for all the files scored, or one for each" in capsys.readouterr().err
    # One file may hold the second reading of every file scored.
    assert main([str(customers), str(customers), "--against", str(customers)]) == 0
    assert "all 2 files:" in capsys.readouterr().out
    other = _write(tmp_path / "o.jsonl", [{"id": "z", "emotion": "neutral", "intensity": 0,
                                            "stakes": [], "effort": []}])  # fmt: skip
    assert main([str(customers), "--against", str(other)]) == 1
    assert "the second reading has no row 'a'" in capsys.readouterr().err


def test_an_emotion_model_from_a_folder_reads_like_the_shipped_one(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _write(
        tmp_path / "c.jsonl",
        [
            {"id": "a", "text": "Thanks, that sorted it!", "emotion": "gratitude",
             "intensity": 0.3, "stakes": [], "effort": []},
            {"id": "b", "text": "THIRD time asking. Cancel my account.", "emotion": "anger",
             "intensity": 0.9, "stakes": [], "effort": ["repeat_contact", "churn_risk"]},
        ],
    )  # fmt: skip
    assert main([str(rows)]) == 0
    shipped = capsys.readouterr().out
    assert main([str(rows), "--emotion", str(MODEL_DIR)]) == 0
    assert capsys.readouterr().out == shipped


def test_an_emotion_model_that_cannot_be_read_or_does_not_fit_is_a_usage_error(
    tmp_path: pathlib.Path,
) -> None:
    rows = _thanks(tmp_path / "c.jsonl")
    empty = tmp_path / "empty"
    empty.mkdir()
    other = tmp_path / "other"
    other.mkdir()
    (other / "emotion.npz").write_bytes((MODEL_DIR / "emotion.npz").read_bytes())
    # The same weights over a vocabulary with two names swapped: the label scorers,
    # trained on the shipped vocabulary, would read the wrong rows.
    names = json.loads((MODEL_DIR / "emotion_vocab.json").read_text(encoding="utf-8"))
    names[0], names[1] = names[1], names[0]
    (other / "emotion_vocab.json").write_text(json.dumps(names), encoding="utf-8")
    for folder in (empty, other):
        with pytest.raises(SystemExit) as exit_info:
            main([str(rows), "--emotion", str(folder)])
        assert exit_info.value.code == 2
