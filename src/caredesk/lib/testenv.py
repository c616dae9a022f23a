"""What the whole test suite needs from the machine, checked before it runs.

`make test` runs this first. A missing part stops the run with a plain message
instead of letting browser or mail-server tests quietly skip. Set
CAREDESK_TEST_ALLOW_MISSING=1 to run anyway; the tests that need the part then fail
with the same message.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Requirement:
    name: str
    found: str | None
    install: str


def chromium_path() -> str | None:
    configured = os.environ.get("CAREDESK_CHROMIUM")
    if configured:
        return configured if os.path.exists(configured) else None
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.path.exists(candidate):
            return candidate
    return None


def dovecot_path() -> str | None:
    return shutil.which("dovecot") or (
        "/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None
    )


def requirements() -> list[Requirement]:
    return [
        Requirement(
            "Chromium (browser tests)",
            chromium_path(),
            "apt-get install -y chromium   (or set CAREDESK_CHROMIUM to a Chromium binary)",
        ),
        Requirement(
            "Dovecot IMAP server (email tests)",
            dovecot_path(),
            "apt-get install -y dovecot-imapd",
        ),
    ]


def missing_message(requirement: Requirement) -> str:
    return f"{requirement.name} is not installed. Install it with: {requirement.install}"


def main() -> int:
    missing = [r for r in requirements() if r.found is None]
    if not missing:
        return 0
    print("The caredesk test suite needs parts this machine does not have:", file=sys.stderr)
    for requirement in missing:
        print(f"  - {missing_message(requirement)}", file=sys.stderr)
    if os.environ.get("CAREDESK_TEST_ALLOW_MISSING") == "1":
        print(
            "CAREDESK_TEST_ALLOW_MISSING=1: running anyway; those tests will fail.", file=sys.stderr
        )
        return 0
    print("(On Debian/Ubuntu run `apt-get update` first.)", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
