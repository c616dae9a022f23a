"""Background work: care readings on arrival and outbound delivery, through the real task path."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings

from caredesk.accounts.models import User
from caredesk.channels import base as channels
from caredesk.customers.models import Customer
from caredesk.tickets import care
from caredesk.tickets.actions import do_open_ticket, do_receive_message, do_reply
from caredesk.tickets.models import Delivery, Message, Ticket

ANGRY_AND_HIGH_STAKES = (
    "This is the THIRD time I'm writing about this!!! You charged my card twice and I can't "
    "pay my rent now. Fix it today or I'm cancelling my account."
)


def test_a_customer_message_is_read_on_arrival_and_summarised_on_its_ticket(
    ticket: Ticket, django_capture_on_commit_callbacks: pytest.FixtureRequest
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        message = do_receive_message(ticket=ticket, body_text=ANGRY_AND_HIGH_STAKES)
    message.refresh_from_db()
    ticket.refresh_from_db()
    assert message.care is not None
    assert message.care["emotion"] == "anger"
    assert {flag["kind"] for flag in message.care["stakes"]} >= {"financial"}
    assert ticket.care_emotion == "anger"
    assert " financial " in ticket.care_labels and " churn_risk " in ticket.care_labels
    assert ticket.care_attention > 1.0


def test_an_agent_reply_is_reviewed_against_the_message_it_answers(
    ticket: Ticket, alice: User, django_capture_on_commit_callbacks: pytest.FixtureRequest
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        do_receive_message(ticket=ticket, body_text=ANGRY_AND_HIGH_STAKES)
        reply = do_reply(
            ticket=ticket,
            agent=alice,
            body_text="Per our policy, refunds are not possible. Please contact your bank.",
        )
    reply.refresh_from_db()
    assert reply.care is not None
    assert reply.care["risks"]["policy_first"], reply.care
    assert reply.care["score"] < 50


def test_a_failing_care_engine_never_loses_the_message(
    carmen: Customer,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: pytest.FixtureRequest,
) -> None:
    def broken(message: Message) -> object:
        raise RuntimeError("model file unreadable")

    monkeypatch.setattr(care, "read_customer", broken)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        ticket = do_open_ticket(
            customer=carmen, channel="chat", subject="", body_text="Where is my parcel?"
        )
    message = ticket.messages.get()
    assert message.body_text == "Where is my parcel?"
    assert message.care is None


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def queued_tasks() -> list[str]:
    from django_tasks_db.models import DBTaskResult

    return list(DBTaskResult.objects.values_list("task_path", flat=True))


@pytest.mark.django_db(transaction=True)
def test_a_customer_message_is_read_by_the_process_that_stored_it_without_a_task(
    carmen: Customer,
) -> None:
    with override_settings(TASKS=DATABASE_TASKS):
        ticket = do_open_ticket(
            customer=carmen, channel="email", subject="", body_text="Thank you, it works now!"
        )
    message = ticket.messages.get()
    assert message.care is not None and message.care["emotion"] == "gratitude"
    ticket.refresh_from_db()
    assert ticket.care_emotion == "gratitude"
    assert queued_tasks() == []


@pytest.mark.django_db(transaction=True)
def test_a_reading_that_fails_on_arrival_is_queued_and_the_worker_reads_it(
    carmen: Customer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real_read_customer = care.read_customer

    def unavailable(message: Message) -> object:
        raise ConnectionError("the database went away while writing the reading")

    with override_settings(TASKS=DATABASE_TASKS):
        monkeypatch.setattr(care, "read_customer", unavailable)
        ticket = do_open_ticket(
            customer=carmen, channel="email", subject="", body_text="Thank you, it works now!"
        )
        message = ticket.messages.get()
        assert message.care is None  # stored all the same; the reading waits for a worker
        assert queued_tasks() == ["caredesk.tickets.tasks.read_message_care"]
        assert "queueing it for a worker" in caplog.text
        monkeypatch.setattr(care, "read_customer", real_read_customer)
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    message.refresh_from_db()
    assert message.care is not None and message.care["emotion"] == "gratitude"


@pytest.mark.django_db(transaction=True)
def test_a_reading_that_fails_where_no_task_can_be_queued_is_left_for_the_sweep(
    carmen: Customer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from django_tasks.backends.immediate import ImmediateBackend

    def broken(message: Message) -> object:
        raise RuntimeError("model file unreadable")

    def no_queue(*args: object) -> object:
        raise ConnectionError("the task queue is unreachable")

    monkeypatch.setattr(care, "read_customer", broken)
    monkeypatch.setattr(ImmediateBackend, "enqueue", no_queue)
    ticket = do_open_ticket(
        customer=carmen, channel="email", subject="", body_text="Where is my parcel?"
    )
    message = ticket.messages.get()
    assert message.body_text == "Where is my parcel?" and message.care is None
    assert "the repair sweep will read it" in caplog.text
    monkeypatch.undo()
    sweep = care.do_read_unread_messages(grace=timedelta(0))
    assert sweep.read == 1
    message.refresh_from_db()
    assert message.care is not None


@pytest.mark.django_db(transaction=True)
def test_nothing_is_read_or_queued_on_arrival_when_reading_is_turned_off(
    carmen: Customer, settings: Any
) -> None:
    settings.CAREDESK_READ_ON_ARRIVAL = False
    with override_settings(TASKS=DATABASE_TASKS):
        ticket = do_open_ticket(
            customer=carmen, channel="email", subject="", body_text="Where is my parcel?"
        )
    assert ticket.messages.get().care is None
    assert queued_tasks() == []


@pytest.mark.django_db(transaction=True)
def test_the_database_task_worker_reviews_queued_agent_replies(
    carmen: Customer, alice: User
) -> None:
    with override_settings(TASKS=DATABASE_TASKS):
        ticket = do_open_ticket(
            customer=carmen, channel="email", subject="", body_text=ANGRY_AND_HIGH_STAKES
        )
        reply = do_reply(
            ticket=ticket,
            agent=alice,
            body_text="Per our policy, refunds are not possible. Please contact your bank.",
        )
        assert Message.objects.get(pk=reply.pk).care is None  # stored first; reviewed later
        assert "caredesk.tickets.tasks.read_message_care" in queued_tasks()
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    reply.refresh_from_db()
    assert reply.care is not None and reply.care["risks"]["policy_first"]


class RecordingTransport:
    """A channel transport that keeps what it was asked to send, failing the first N times."""

    channel = "chat"

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.sent: list[int] = []

    def send(self, message: Message) -> None:
        if self.failures:
            self.failures -= 1
            raise ConnectionError("chat gateway unreachable")
        self.sent.append(message.pk)


@pytest.fixture
def chat_transport() -> Iterator[RecordingTransport]:
    transport = RecordingTransport()
    channels.register_transport(transport)
    yield transport
    channels._transports.pop("chat", None)


@pytest.fixture
def chat_ticket(carmen: Customer) -> Ticket:
    return do_open_ticket(
        customer=carmen, channel="chat", subject="", body_text="Is the shop open?"
    )


def test_a_reply_on_a_channel_with_a_transport_is_sent_after_commit(
    chat_ticket: Ticket, alice: User, chat_transport: RecordingTransport,
    django_capture_on_commit_callbacks: pytest.FixtureRequest,
) -> None:  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        reply = do_reply(ticket=chat_ticket, agent=alice, body_text="Yes, until 6 pm today.")
        assert Message.objects.get(pk=reply.pk).delivery == Delivery.SENDING
    reply.refresh_from_db()
    assert reply.delivery == Delivery.SENT and chat_transport.sent == [reply.pk]


def test_a_failed_send_is_retried_then_marked_failed_with_the_reason(
    chat_ticket: Ticket, alice: User, chat_transport: RecordingTransport,
    django_capture_on_commit_callbacks: pytest.FixtureRequest,
) -> None:  # fmt: skip
    chat_transport.failures = 99
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        reply = do_reply(ticket=chat_ticket, agent=alice, body_text="Yes, until 6 pm today.")
    reply.refresh_from_db()
    assert reply.delivery == Delivery.FAILED
    assert "chat gateway unreachable" in reply.delivery_error
    assert chat_transport.failures == 99 - 5  # five attempts, then it gives up


def test_a_send_that_recovers_on_retry_ends_sent(
    chat_ticket: Ticket, alice: User, chat_transport: RecordingTransport,
    django_capture_on_commit_callbacks: pytest.FixtureRequest,
) -> None:  # fmt: skip
    chat_transport.failures = 2
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        reply = do_reply(ticket=chat_ticket, agent=alice, body_text="Yes, until 6 pm today.")
    reply.refresh_from_db()
    assert reply.delivery == Delivery.SENT and reply.delivery_error == ""


def test_a_late_reading_of_an_older_message_does_not_overwrite_the_ticket_summary(
    ticket: Ticket, django_capture_on_commit_callbacks: pytest.FixtureRequest
) -> None:
    from caredesk.tickets.care import do_record_care_reading

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        do_receive_message(ticket=ticket, body_text="Thank you so much, that fixed it!")
    first = ticket.messages.order_by("created_at", "id").first()
    assert first is not None
    do_record_care_reading(message=first)  # the opening question, read again late
    ticket.refresh_from_db()
    assert ticket.care_emotion == "gratitude"


def test_of_two_messages_with_the_same_time_the_later_stored_one_keeps_the_summary(
    ticket: Ticket,
) -> None:
    from caredesk.tickets.care import do_record_care_reading

    at = ticket.created_at
    calm = do_receive_message(ticket=ticket, body_text="Thank you so much, that fixed it!", at=at)
    angry = do_receive_message(ticket=ticket, body_text=ANGRY_AND_HIGH_STAKES, at=at)
    do_record_care_reading(message=angry)
    do_record_care_reading(message=calm)  # stored first, read last
    ticket.refresh_from_db()
    assert ticket.care_emotion == "anger"
    calm.refresh_from_db()
    assert calm.care is not None and calm.care["emotion"] == "gratitude"


@pytest.mark.django_db(transaction=True)
def test_a_reading_written_in_its_own_transaction_is_kept_and_relaxes_only_that_commit(
    carmen: Customer,
) -> None:
    from django.db import connection, transaction

    from caredesk.tickets.care import do_record_care_reading

    ticket = do_open_ticket(
        customer=carmen, channel="email", subject="", body_text="Thank you, it works now!"
    )
    message = ticket.messages.get()
    do_record_care_reading(message=message)  # autocommit: the statement is its transaction
    message.refresh_from_db()
    ticket.refresh_from_db()
    assert message.care is not None and ticket.care_emotion == message.care["emotion"]
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone() == ("on",)  # the next transaction commits durably
    with transaction.atomic(), connection.cursor() as cursor:
        do_record_care_reading(message=message)  # inside a caller's transaction
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone() == ("on",)  # whose commit still waits for the disk
