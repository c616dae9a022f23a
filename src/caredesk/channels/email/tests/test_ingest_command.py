"""`caredesk ingest-email --mailbox ADDRESS < message.eml`, the MTA pipe."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from caredesk.channels.email.models import Mailbox
from caredesk.channels.email.tests.conftest import eml
from caredesk.tickets.models import Message, Ticket


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def run(monkeypatch: pytest.MonkeyPatch, data: bytes, *args: str) -> dict[str, object]:
    monkeypatch.setattr("sys.stdin", FakeStdin(data))
    out = io.StringIO()
    call_command("ingest-email", *args, stdout=out)
    result: dict[str, object] = json.loads(out.getvalue())
    return result


def test_a_message_on_stdin_becomes_a_ticket(
    monkeypatch: pytest.MonkeyPatch, mailbox: Mailbox
) -> None:
    result = run(monkeypatch, eml("gmail_new_question.eml"), "--mailbox", "HELP@shop.example")
    assert result["outcome"] == "stored"
    assert Ticket.objects.get().pk == result["ticket"]


def test_an_unknown_mailbox_is_a_clear_error_and_nothing_is_stored(
    monkeypatch: pytest.MonkeyPatch, mailbox: Mailbox
) -> None:
    with pytest.raises(CommandError, match=r"No mailbox 'sales@shop\.example'.*help@shop\.example"):
        run(monkeypatch, eml("gmail_new_question.eml"), "--mailbox", "sales@shop.example")
    assert Message.objects.count() == 0


def test_empty_stdin_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, mailbox: Mailbox) -> None:
    with pytest.raises(CommandError, match="Nothing on standard input"):
        run(monkeypatch, b"", "--mailbox", "help@shop.example")
    assert Message.objects.count() == 0
