"""Telling mail written by a person from mail written by a machine.

A machine's mail (an out-of-office, a list post, a newsletter, our own mail coming back)
never gets an automatic answer, which is what breaks mail loops; see RFC 3834.
"""

from __future__ import annotations

from dataclasses import dataclass

from caredesk.channels.email.parsing import ParsedEmail

_BULK_PRECEDENCE = {"bulk", "junk", "list"}
_ROBOT_LOCAL_PARTS = {"mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply"}


@dataclass(frozen=True)
class Noise:
    """Why a message is not from a person writing to us now."""

    kind: str  # "loop", "auto_reply", "bulk"
    reason: str


def detect_noise(parsed: ParsedEmail, *, own_addresses: set[str]) -> Noise | None:
    if parsed.from_address in own_addresses:
        return Noise("loop", f"sent from our own address {parsed.from_address}")
    for value in parsed.all_headers("x-loop"):
        if any(own in value.lower() for own in own_addresses):
            return Noise("loop", f"X-Loop names our own address ({value[:100]})")
    auto_submitted = parsed.header("auto-submitted").strip().lower()
    if auto_submitted and not auto_submitted.startswith("no"):
        return Noise("auto_reply", f"Auto-Submitted: {auto_submitted[:60]}")
    for name in ("x-autoreply", "x-autorespond", "x-autoresponder"):
        if parsed.header(name):
            return Noise("auto_reply", f"{name.title()} header")
    precedence = parsed.header("precedence").strip().lower()
    if precedence == "auto_reply":
        return Noise("auto_reply", "Precedence: auto_reply")
    if precedence in _BULK_PRECEDENCE:
        return Noise("bulk", f"Precedence: {precedence}")
    if parsed.header("list-id"):
        return Noise("bulk", f"mailing list mail (List-Id: {parsed.header('list-id')[:100]})")
    local_part = parsed.from_address.split("@", 1)[0]
    if local_part in _ROBOT_LOCAL_PARTS:
        return Noise("auto_reply", f"sent by {parsed.from_address}, an address no person reads")
    return None


def wants_no_auto_reply(parsed: ParsedEmail) -> bool:
    """Outlook's X-Auto-Response-Suppress asks that no automatic answer be sent."""
    suppress = parsed.header("x-auto-response-suppress").lower()
    return any(word in suppress for word in ("all", "autoreply", "oof"))
