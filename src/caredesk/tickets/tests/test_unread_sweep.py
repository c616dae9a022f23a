"""The repair sweep: customer messages whose care reading was lost get read later."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from datetime import datetime, timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from caredesk.care import CareAnalyzer, CustomerSignal
from caredesk.customers.models import Customer
from caredesk.tickets import care
from caredesk.tickets.actions import do_open_ticket, do_receive_message
from caredesk.tickets.care import do_read_unread_messages, do_record_care_reading
from caredesk.tickets.models import CareReadingFailure, Message, Ticket
from caredesk.tickets.tasks import UNREAD_MESSAGES, run_repairs_until

ANGRY_AND_HIGH_STAKES = (
    "This is the THIRD time I'm writing about this!!! You charged my card twice and I can't "
    "pay my rent now. Fix it today or I'm cancelling my account."
)
GRATEFUL = "Thank you so much, it works now!"


@pytest.fixture
def an_hour_ago(db: None) -> datetime:
    return timezone.now() - timedelta(hours=1)


@pytest.fixture
def old_ticket(carmen: Customer, an_hour_ago: datetime) -> Ticket:
    """A ticket opened an hour ago whose messages were never read (their tasks failed)."""
    return do_open_ticket(
        customer=carmen,
        channel="email",
        subject="Order 1234",
        body_text="Where is my order 1234?",
        at=an_hour_ago,
    )


class EngineThatFailsOn:
    """The real engine, except that it raises on any batch holding a given word."""

    def __init__(self, word: str) -> None:
        self.real = CareAnalyzer.default()
        self.word = word

    def read_customer_batch(self, texts: Iterable[str]) -> list[CustomerSignal]:
        texts = list(texts)
        if any(self.word in text for text in texts):
            raise ValueError("the engine choked")
        return self.real.read_customer_batch(texts)


def test_a_message_left_unread_past_the_grace_period_is_read_and_summarised_on_its_ticket(
    old_ticket: Ticket, an_hour_ago: datetime
) -> None:
    angry = do_receive_message(
        ticket=old_ticket, body_text=ANGRY_AND_HIGH_STAKES, at=an_hour_ago + timedelta(minutes=1)
    )
    assert angry.care is None and old_ticket.care_emotion == ""

    sweep = do_read_unread_messages()

    assert (sweep.read, sweep.failed, sweep.finished) == (2, 0, True)
    assert all(message.care is not None for message in old_ticket.messages.all())
    old_ticket.refresh_from_db()
    assert old_ticket.care_emotion == "anger"  # the later message keeps the summary
    assert " financial " in old_ticket.care_labels and old_ticket.care_attention > 1.0


def test_a_late_read_of_an_older_message_leaves_the_summary_to_the_later_one(
    old_ticket: Ticket, an_hour_ago: datetime
) -> None:
    later = do_receive_message(
        ticket=old_ticket, body_text=GRATEFUL, at=an_hour_ago + timedelta(minutes=1)
    )
    do_record_care_reading(message=later)

    assert do_read_unread_messages().read == 1  # the opening question only

    old_ticket.refresh_from_db()
    assert old_ticket.care_emotion == "gratitude"


def test_a_message_inside_the_grace_period_is_left_to_its_reading_task(
    old_ticket: Ticket,
) -> None:
    fresh = do_receive_message(
        ticket=old_ticket, body_text=GRATEFUL, at=timezone.now() - timedelta(seconds=30)
    )

    assert do_read_unread_messages().read == 1  # the opening question only

    fresh.refresh_from_db()
    assert fresh.care is None


def test_a_message_already_read_is_not_read_again(old_ticket: Ticket) -> None:
    opening = old_ticket.messages.get()
    do_record_care_reading(message=opening)
    Message.objects.filter(pk=opening.pk).update(care={"kept": "the first reading"})

    assert do_read_unread_messages().read == 0

    opening.refresh_from_db()
    assert opening.care == {"kept": "the first reading"}


def test_a_message_its_task_reads_while_the_sweep_reads_it_is_written_once(
    old_ticket: Ticket, monkeypatch: pytest.MonkeyPatch
) -> None:
    opening = old_ticket.messages.get()
    real = CareAnalyzer.default()

    class TaskFinishesFirst:
        def read_customer_batch(self, texts: Iterable[str]) -> list[CustomerSignal]:
            Message.objects.filter(pk=opening.pk).update(care={"written": "by the task"})
            return real.read_customer_batch(texts)

    monkeypatch.setattr(care, "analyzer", TaskFinishesFirst)

    sweep = do_read_unread_messages()

    assert (sweep.read, sweep.failed) == (0, 0)
    opening.refresh_from_db()
    assert opening.care == {"written": "by the task"}


def test_an_engine_error_on_one_message_skips_it_and_the_others_are_read(
    old_ticket: Ticket,
    an_hour_ago: datetime,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    poison = old_ticket.messages.get()
    Message.objects.filter(pk=poison.pk).update(body_text="POISON")
    for minute in (1, 2, 3):
        do_receive_message(
            ticket=old_ticket, body_text=GRATEFUL, at=an_hour_ago + timedelta(minutes=minute)
        )
    monkeypatch.setattr(care, "analyzer", lambda: EngineThatFailsOn("POISON"))

    with caplog.at_level(logging.WARNING, logger="caredesk.tickets.care"):
        sweep = do_read_unread_messages(batch_size=2)  # the poison is in the first batch

    assert (sweep.read, sweep.failed, sweep.finished) == (3, 1, True)
    assert list(old_ticket.messages.filter(care__isnull=True)) == [poison]
    failure = CareReadingFailure.objects.get(message=poison)
    assert failure.attempts == 1 and failure.reason == "ValueError: the engine choked"
    assert failure.retry_after > timezone.now()
    assert f"care reading of message {poison.pk} failed" in caplog.text

    # The next sweep does not try it again at once: no tight loop on a message that fails.
    assert do_read_unread_messages() == care.UnreadSweep(read=0, failed=0, finished=True)
    assert CareReadingFailure.objects.get(message=poison).attempts == 1


def test_a_failed_message_is_tried_again_after_its_retry_time_and_read_once_the_engine_copes(
    old_ticket: Ticket, monkeypatch: pytest.MonkeyPatch
) -> None:
    opening = old_ticket.messages.get()
    monkeypatch.setattr(care, "analyzer", lambda: EngineThatFailsOn("order"))
    do_read_unread_messages()
    CareReadingFailure.objects.update(retry_after=timezone.now() - timedelta(seconds=1))

    assert do_read_unread_messages().failed == 1  # still failing: it waits longer this time
    failure = CareReadingFailure.objects.get(message=opening)
    assert failure.attempts == 2
    assert failure.retry_after - failure.failed_at == 2 * care.RETRY_FIRST_AFTER

    monkeypatch.setattr(care, "analyzer", CareAnalyzer.default)  # the engine is fixed
    assert do_read_unread_messages().read == 0  # before its retry time
    assert do_read_unread_messages(retry_failed=True).read == 1  # an operator's retry

    opening.refresh_from_db()
    assert opening.care is not None
    assert not CareReadingFailure.objects.exists()


def test_read_unread_dry_run_counts_and_changes_nothing(old_ticket: Ticket) -> None:
    out = StringIO()
    call_command("read_unread", "--dry-run", stdout=out)

    assert "1 customer messages have no care reading" in out.getvalue()
    assert old_ticket.messages.get().care is None
    old_ticket.refresh_from_db()
    assert old_ticket.care_emotion == ""

    call_command("read_unread", stdout=out)
    assert "1 customer messages read, 0 failed" in out.getvalue()
    assert old_ticket.messages.get().care is not None


@pytest.mark.django_db(transaction=True)
def test_the_task_worker_reads_unread_messages_when_it_starts(carmen: Customer) -> None:
    ticket = do_open_ticket(
        customer=carmen,
        channel="email",
        subject="",
        body_text=GRATEFUL,
        at=timezone.now() - timedelta(hours=1),
    )
    Message.objects.update(care=None)  # its reading was lost
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    ):
        call_command("worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    message = ticket.messages.get()
    assert message.care is not None and message.care["emotion"] == "gratitude"


class StopAfterRounds(threading.Event):
    """A stop signal that lets the sweep loop run `rounds` times, with no waiting."""

    def __init__(self, rounds: int) -> None:
        super().__init__()
        self.rounds = rounds

    def wait(self, timeout: float | None = None) -> bool:
        self.rounds -= 1
        return self.rounds < 0


@pytest.mark.django_db(transaction=True)  # the loop closes its connection, as a thread must
def test_the_worker_sweep_loop_reads_unread_messages_every_round(old_ticket: Ticket) -> None:
    Message.objects.update(care=None)  # its reading was lost
    stop = StopAfterRounds(1)
    run_repairs_until(stop, repairs=[(UNREAD_MESSAGES, 60)])
    assert old_ticket.messages.get().care is not None
    assert stop.rounds == -1  # one round, then it stopped


@pytest.mark.django_db(transaction=True)
def test_the_worker_sweep_reads_nothing_when_reading_is_turned_off(
    old_ticket: Ticket, settings: Any
) -> None:
    Message.objects.update(care=None)
    settings.CAREDESK_READ_ON_ARRIVAL = False
    run_repairs_until(StopAfterRounds(1), repairs=[(UNREAD_MESSAGES, 60)])
    assert old_ticket.messages.get().care is None


@pytest.mark.django_db(transaction=True)
def test_the_task_worker_stops_its_sweep_thread_when_it_stops(carmen: Customer) -> None:
    from caredesk.tickets.tasks import read_message_care

    ticket = do_open_ticket(customer=carmen, channel="chat", subject="", body_text=GRATEFUL)
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    ):
        read_message_care.enqueue(ticket.messages.get().pk)
        call_command("worker", "--max-tasks", "1", "--no-startup-delay", "--no-reload", verbosity=0)

    assert not [thread for thread in threading.enumerate() if thread.name == "repair-sweep"]
