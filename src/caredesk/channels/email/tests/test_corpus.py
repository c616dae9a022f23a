"""Every .eml in fixtures/ fed to the inbound function, checked against expectations.json."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.storage import default_storage

from caredesk.channels.email.models import EmailMessage, Mailbox, Quarantine
from caredesk.channels.email.storage import read_raw
from caredesk.channels.email.tests.conftest import FIXTURES, eml, ingest
from caredesk.tickets.models import Message

EXPECTATIONS: dict[str, dict[str, Any]] = json.loads(
    (FIXTURES / "expectations.json").read_text(encoding="utf-8")
)


def test_the_corpus_has_at_least_forty_messages_each_with_an_expectation() -> None:
    on_disk = {path.name for path in FIXTURES.glob("*.eml")}
    assert len(on_disk) >= 40
    assert on_disk == set(EXPECTATIONS)


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_each_fixture_has_its_expected_outcome(name: str, mailbox: Mailbox) -> None:
    expected = EXPECTATIONS[name]
    raw = eml(name)
    result = ingest(raw, mailbox)
    assert result.outcome == expected["outcome"], result.reason

    if result.outcome == "quarantined":
        quarantine = result.quarantine
        assert quarantine is not None and quarantine.reason
        assert quarantine.kind == expected["kind"]
        assert expected.get("reason_contains", "").lower() in quarantine.reason.lower()
        assert read_raw(quarantine.raw_path) == raw  # kept byte for byte
        assert Message.objects.count() == 0
        return
    if result.outcome == "delivery_report":
        assert Message.objects.count() == 0 and Quarantine.objects.count() == 0
        return

    message = result.message
    assert message is not None and result.ticket is not None
    email = EmailMessage.objects.get(ticket_message=message)
    assert read_raw(email.raw_path) == raw
    for text in expected.get("body_contains", []):
        assert text in message.body_text
    for text in expected.get("body_not_contains", []):
        assert text not in message.body_text
    for text in expected.get("full_text_contains", []):
        assert text in email.full_text
    for text in expected.get("html_contains", []):
        assert text in message.body_html
    for text in expected.get("html_not_contains", []):
        assert text not in message.body_html
    if "subject" in expected:
        assert result.ticket.subject == expected["subject"]
    if "sender" in expected:
        assert email.from_address == expected["sender"]
    if "customer_name" in expected:
        assert result.ticket.customer.name == expected["customer_name"]
    if "cc" in expected:
        assert email.cc_addresses == expected["cc"]
    if "attachments" in expected:
        assert [a["name"] for a in message.attachments] == expected["attachments"]
        for attachment in message.attachments:
            assert default_storage.exists(attachment["path"])
            assert "/" not in attachment["name"] and "\\" not in attachment["name"]
    if "inline_images" in expected:
        assert sum(1 for a in message.attachments if a.get("inline")) == expected["inline_images"]
    if "twice" in expected:
        again = ingest(raw, mailbox)
        assert again.outcome == expected["twice"]
        assert again.message == message
        assert Message.objects.count() == 1
