"""A real IMAP server for the tests: Dovecot started from a config in a temporary directory.

Missing Dovecot fails the test with caredesk.lib.testenv's message; it never skips.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from caredesk.channels.email.tests.smtpserver import free_port
from caredesk.lib.testenv import dovecot_path, missing_message, requirements

PASSWORD = "imap-test-password"


@dataclass(frozen=True)
class Dovecot:
    port: int
    root: Path
    cert: Path | None


def _require_dovecot() -> str:
    path = dovecot_path()
    if path is None:
        requirement = next(r for r in requirements() if "Dovecot" in r.name)
        pytest.fail(missing_message(requirement), pytrace=False)
    return path


def _self_signed_cert(root: Path) -> tuple[Path, Path]:
    cert, key = root / "cert.pem", root / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@contextmanager
def dovecot(*, tls: bool = False) -> Iterator[Dovecot]:
    binary = _require_dovecot()
    root = Path(tempfile.mkdtemp(prefix="caredesk-dovecot-"))
    os.chmod(root, 0o755)
    (root / "mail").mkdir()
    (root / "run").mkdir()
    shutil.chown(root / "mail", "dovecot", "dovecot")
    port = free_port()
    ssl_lines = "ssl = no"
    cert: Path | None = None
    if tls:
        cert, key = _self_signed_cert(root)
        os.chmod(key, 0o644)
        ssl_lines = f"ssl = required\nssl_cert = <{cert}\nssl_key = <{key}"
    listener = (
        f"inet_listener imaps {{\n    port = {port}\n    ssl = yes\n  }}\n  inet_listener imap {{\n    port = 0\n  }}"
        if tls
        else f"inet_listener imap {{\n    port = {port}\n  }}"
    )
    config = root / "dovecot.conf"
    config.write_text(
        f"""protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/run
log_path = {root}/dovecot.log
{ssl_lines}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
first_valid_uid = 100
mail_location = maildir:{root}/mail/%u
service imap-login {{
  {listener}
}}
passdb {{
  driver = static
  args = password={PASSWORD}
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={root}/mail/%u
}}
"""
    )
    # Dovecot daemonizes; its children would hold a captured pipe open forever.
    subprocess.run(
        [binary, "-c", str(config)],
        check=True,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, root)
        yield Dovecot(port=port, root=root, cert=cert)
    finally:
        # `dovecot stop` waits seconds for every child; a TERM to the master is enough.
        pid_file = root / "run" / "master.pid"
        if pid_file.exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)
        shutil.rmtree(root, ignore_errors=True)


def _wait_for(port: int, root: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
    pytest.fail(f"Dovecot did not start on port {port}:\n{log}")
