"""Fixtures for the email channel: a support mailbox and the .eml corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from caredesk.accounts.models import Team
from caredesk.channels.email.inbound import InboundResult, process_inbound_email
from caredesk.channels.email.models import Mailbox

FIXTURES = Path(__file__).parent / "fixtures"


def eml(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def mailbox(support: Team) -> Mailbox:
    return Mailbox.objects.create(
        address="help@shop.example",
        from_name="Shop Support",
        signature="The Shop support team\nhttps://shop.example/help",
        team=support,
        webhook_secret="s3cret-webhook-token",
        auto_acknowledge=False,
    )


def ingest(raw: bytes, mailbox: Mailbox) -> InboundResult:
    return process_inbound_email(raw, mailbox=mailbox)
