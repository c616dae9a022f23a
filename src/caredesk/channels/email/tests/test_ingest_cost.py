"""What storing one inbound email costs in queries, and the cases the cheap path must get right.

The numbers are the whole of it: the duplicate check, the sender's customer and mail pause
(one statement), the thread look-up of a reply, the one transaction that stores the
message (a savepoint and its release here, inside the test's own transaction), and the
care reading written after the commit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from caredesk.audit.models import AuditEvent
from caredesk.channels.email import inbound
from caredesk.channels.email.inbound import InboundResult, process_inbound_email
from caredesk.channels.email.models import EmailMessage, Mailbox, Suppression
from caredesk.channels.email.queries import ArrivalFacts, arrival_facts
from caredesk.channels.email.tests.conftest import mail
from caredesk.customers.models import Customer, Identity
from caredesk.tickets import care
from caredesk.tickets.models import Message

# Writing the care reading: one statement on PostgreSQL; a savepoint, the message, the
# ticket's summary and the release elsewhere.
CARE_WRITE = 1 if connection.vendor == "postgresql" else 4


def ingest(committed: Callable[..., Any], raw: bytes, mailbox: Mailbox) -> InboundResult:
    result: InboundResult = committed(process_inbound_email, raw=raw, mailbox=mailbox)
    return result


def test_a_new_senders_first_message_takes_at_most_ten_queries_and_its_care_reading(
    mailbox: Mailbox, committed: Callable[..., Any], django_assert_max_num_queries: Any
) -> None:
    inbound.own_addresses()  # the mailbox addresses are cached once per process
    with django_assert_max_num_queries(10 + CARE_WRITE):
        result = ingest(committed, mail(sender="new@example.com", message_id="<n1@x>"), mailbox)
    assert result.outcome == "stored" and result.new_ticket
    assert result.message is not None
    message = Message.objects.get(pk=result.message.pk)
    assert message.care is not None and message.author_customer is not None
    assert message.author_customer.identities.get().value == "new@example.com"
    assert result.ticket is not None
    result.ticket.refresh_from_db()
    assert result.ticket.care_emotion == message.care["emotion"]


def test_with_the_database_task_queue_the_reading_adds_no_task_row(
    mailbox: Mailbox, committed: Callable[..., Any], django_assert_max_num_queries: Any
) -> None:
    # Production's backend: the reading happens where the message was stored, so no
    # task row (and no commit of its own) is written per message.
    from django_tasks_db.models import DBTaskResult

    inbound.own_addresses()
    with (
        override_settings(
            TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
        ),
        django_assert_max_num_queries(10 + CARE_WRITE),
    ):
        result = ingest(committed, mail(sender="new@example.com", message_id="<t1@x>"), mailbox)
    assert result.outcome == "stored" and result.message is not None
    assert Message.objects.get(pk=result.message.pk).care is not None
    assert not DBTaskResult.objects.exists()


def test_a_known_senders_new_ticket_takes_at_most_seven_queries_and_its_care_reading(
    mailbox: Mailbox,
    carmen: Customer,
    committed: Callable[..., Any],
    django_assert_max_num_queries: Any,
) -> None:
    inbound.own_addresses()
    with django_assert_max_num_queries(7 + CARE_WRITE):
        result = ingest(committed, mail(message_id="<k1@x>"), mailbox)
    assert result.outcome == "stored" and result.new_ticket
    assert result.ticket is not None and result.ticket.customer == carmen


def test_a_reply_threaded_by_in_reply_to_takes_at_most_nine_queries_and_its_care_reading(
    mailbox: Mailbox,
    carmen: Customer,
    committed: Callable[..., Any],
    django_assert_max_num_queries: Any,
) -> None:
    first = ingest(committed, mail(message_id="<q1@x>"), mailbox)
    with django_assert_max_num_queries(9 + CARE_WRITE):
        result = ingest(committed, mail(message_id="<q2@x>", in_reply_to="<q1@x>"), mailbox)
    assert result.reason == "threaded by reference" and result.ticket == first.ticket
    assert result.message is not None
    assert Message.objects.get(pk=result.message.pk).care is not None


def test_the_same_message_id_again_takes_at_most_two_queries_and_changes_nothing(
    mailbox: Mailbox,
    carmen: Customer,
    committed: Callable[..., Any],
    django_assert_max_num_queries: Any,
) -> None:
    first = ingest(committed, mail(message_id="<d1@x>"), mailbox)
    with django_assert_max_num_queries(2):
        again = ingest(committed, mail(message_id="<d1@x>", body="Sent twice."), mailbox)
    assert again.outcome == "duplicate" and again.message == first.message
    assert Message.objects.count() == 1 and EmailMessage.objects.count() == 1


def test_a_new_sender_whose_address_another_worker_just_took_lands_on_that_customer(
    mailbox: Mailbox, carmen: Customer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Our look-up ran before the other worker's commit: it saw nobody.
    def too_early(**kwargs: str) -> ArrivalFacts:
        return dataclasses.replace(arrival_facts(**kwargs), customer=None)

    monkeypatch.setattr(inbound, "arrival_facts", too_early)
    result = process_inbound_email(mail(message_id="<race@x>"), mailbox=mailbox)
    assert result.outcome == "stored" and result.ticket is not None
    assert result.ticket.customer == carmen
    assert Customer.objects.count() == 1 and Identity.objects.count() == 1
    assert EmailMessage.objects.get().ticket_message == result.message


def test_a_failing_care_reading_leaves_the_stored_email_whole(
    mailbox: Mailbox, committed: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(message: Message) -> object:
        raise RuntimeError("model file unreadable")

    monkeypatch.setattr(care, "read_customer", broken)
    result = ingest(committed, mail(sender="new@example.com", message_id="<c1@x>"), mailbox)
    assert result.outcome == "stored" and result.message is not None
    message = Message.objects.get(pk=result.message.pk)
    assert message.care is None and message.body_text == "Hello, where is my order?"
    assert EmailMessage.objects.get(ticket_message=message).raw_path


def test_a_paused_senders_message_lifts_the_pause_and_records_that(
    mailbox: Mailbox, carmen: Customer, committed: Callable[..., Any]
) -> None:
    Suppression.objects.create(
        address="carmen@example.com", reason="bounced", created_at=timezone.now()
    )
    result = ingest(committed, mail(message_id="<p1@x>"), mailbox)
    assert result.outcome == "stored" and result.ticket is not None
    assert not Suppression.objects.exists()
    lifted = AuditEvent.objects.get(action="email_unpaused")
    assert lifted.object_id == result.ticket.pk and lifted.after == {
        "address": "carmen@example.com"
    }
