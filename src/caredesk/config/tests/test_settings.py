"""Settings load from the environment alone, fail loudly on bad values, and pass Django's deploy check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "caredesk.config.settings",
    "SECRET_KEY": "a-long-random-production-secret-" + "x7Qk2pL9vR4mN8wZ" * 4,
    "CAREDESK_ENCRYPTION_KEY": "a-dedicated-encryption-key-" + "Vb3nQ8sT1yK6wE2r" * 2,
    "DEBUG": "0",
    "ALLOWED_HOSTS": "care.example.com",
    "DATABASE_URL": "sqlite:////tmp/caredesk-settings-check.sqlite3",
}


def run_caredesk(
    args: list[str], env: dict[str, str], cwd: Path
) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(
            ("DJANGO_", "DATABASE_URL", "SECRET_KEY", "DEBUG", "HTTPS", "CAREDESK_ENCRYPTION_")
        )
    }
    return subprocess.run(
        [sys.executable, "-m", "caredesk.cli", *args],
        env={**clean, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deploy_check_is_clean_with_production_values(tmp_path: Path) -> None:
    result = run_caredesk(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION, tmp_path)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_deploy_check_warns_when_secrets_are_encrypted_with_a_key_from_secret_key(
    tmp_path: Path,
) -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != "CAREDESK_ENCRYPTION_KEY"}
    result = run_caredesk(["check", "--deploy", "--fail-level", "WARNING"], env, tmp_path)
    assert result.returncode != 0
    output = result.stderr + result.stdout
    assert "caredesk.W001" in output and "CAREDESK_ENCRYPTION_KEY is not set" in output
    assert "HINT: Set CAREDESK_ENCRYPTION_KEY" in output
    assert "1 issue" in output  # nothing else in production is missing


def test_a_bad_value_stops_start_up_with_a_clear_message(tmp_path: Path) -> None:
    result = run_caredesk(["check"], {**PRODUCTION, "EMAIL_PORT": "smtp"}, tmp_path)
    assert result.returncode != 0
    assert "EMAIL_PORT must be a whole number" in result.stderr


def test_without_a_secret_key_one_is_generated_once_and_kept(tmp_path: Path) -> None:
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    env["CAREDESK_VAR_DIR"] = str(tmp_path / "var")
    first = run_caredesk(["check"], env, tmp_path)
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "var" / "secret_key"
    key = key_file.read_text()
    assert len(key) >= 50
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    second = run_caredesk(["check"], env, tmp_path)
    assert second.returncode == 0
    assert key_file.read_text() == key


@pytest.mark.parametrize("url", ["nonsense://x", "just words"])
def test_a_database_url_that_cannot_be_understood_is_refused(tmp_path: Path, url: str) -> None:
    result = run_caredesk(["check"], {**PRODUCTION, "DATABASE_URL": url}, tmp_path)
    assert result.returncode != 0
