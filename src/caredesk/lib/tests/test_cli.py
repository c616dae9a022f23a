from __future__ import annotations

import pytest

from caredesk.cli import main


def test_help_lists_the_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("serve", "worker", "setup", "demo", "analyze", "bench"):
        assert f"caredesk {command}" in out


def test_bench_without_a_target_explains_its_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bench"]) == 2
    assert "usage: caredesk bench care|demo|email|workspace" in capsys.readouterr().err


def test_an_unknown_name_goes_to_django_which_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["no-such-command"])
    assert "Unknown command" in capsys.readouterr().err
