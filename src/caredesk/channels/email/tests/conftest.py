"""Fixtures for the email channel: a support mailbox and the .eml corpus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caredesk.accounts.models import Team, User
from caredesk.channels.email.inbound import InboundResult, process_inbound_email
from caredesk.channels.email.models import Mailbox
from caredesk.tickets.actions import do_reply
from caredesk.tickets.models import Message, Ticket

FIXTURES = Path(__file__).parent / "fixtures"


def eml(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


WEBHOOK_SECRET = "s3cret-webhook-token"


@pytest.fixture
def mailbox(support: Team) -> Mailbox:
    mailbox = Mailbox(
        address="help@shop.example",
        from_name="Shop Support",
        signature="The Shop support team\nhttps://shop.example/help",
        team=support,
        auto_acknowledge=False,
    )
    mailbox.set_webhook_secret(WEBHOOK_SECRET)
    mailbox.save()
    return mailbox


def ingest(raw: bytes, mailbox: Mailbox) -> InboundResult:
    return process_inbound_email(raw, mailbox=mailbox)


def mail(
    *,
    sender: str = "Carmen Customer <carmen@example.com>",
    subject: str = "Order 1234 has not arrived",
    body: str = "Hello, where is my order?",
    message_id: str,
    in_reply_to: str = "",
    references: str = "",
    cc: str = "",
    headers: str = "",
    to: str = "help@shop.example",
) -> bytes:
    """A small plain-text message, the way a script or a simple client writes one."""
    lines = [
        f"From: {sender}",
        f"To: {to}",
        f"Subject: {subject}",
        "Date: Mon, 17 Mar 2025 10:00:00 +0000",
        f"Message-ID: {message_id}",
    ]
    if in_reply_to:
        lines.append(f"In-Reply-To: {in_reply_to}")
    if references:
        lines.append(f"References: {references}")
    if cc:
        lines.append(f"Cc: {cc}")
    if headers:
        lines.extend(headers.strip().split("\n"))
    lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", body, ""]
    return "\n".join(lines).encode("utf-8")


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Callable[..., Any]:
    """Run a callable and then what it queued for after the commit (delivery, care reading).

    The test database never commits, so on_commit work runs here instead.
    """

    def run(function: Callable[..., Any], /, **kwargs: Any) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return function(**kwargs)

    return run


@pytest.fixture
def reply(committed: Callable[..., Any]) -> Callable[..., Message]:
    """An agent reply, delivered by the email transport as the task worker would."""

    def send(ticket: Ticket, agent: User, text: str = "It is on its way.") -> Message:
        message: Message = committed(do_reply, ticket=ticket, agent=agent, body_text=text)
        message.refresh_from_db()
        return message

    return send
