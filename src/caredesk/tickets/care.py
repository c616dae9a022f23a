"""Reading stored messages with the care engine and keeping the ticket's care summary."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.db.models import Field, Q
from django.utils import timezone

from caredesk.lib.rows import statement_cursor
from caredesk.tickets.models import AuthorKind, CareReadingFailure, Message, Ticket, Visibility
from caredesk.tickets.queries import unread_customer_messages

if TYPE_CHECKING:
    from caredesk.care import CareAnalyzer, CustomerSignal

logger = logging.getLogger(__name__)

HISTORY_SIZE = 20  # how many of the agent's recent replies the scripted-empathy check sees

# The repair sweep (do_read_unread_messages). The grace period is far longer than the
# reading on arrival (or its fallback task) takes, so the sweep never competes with it
# for a fresh message.
UNREAD_GRACE = timedelta(minutes=2)
UNREAD_BATCH_SIZE = 200
RETRY_FIRST_AFTER = timedelta(minutes=10)  # then 20, 40, ... minutes
RETRY_AT_MOST_AFTER = timedelta(days=1)


@lru_cache(maxsize=1)
def analyzer() -> CareAnalyzer:
    from caredesk.care import CareAnalyzer

    return CareAnalyzer.default()


def attention_score(signal: dict[str, Any]) -> float:
    """How much this message asks for a person's care, for the "needs care first" sort."""
    intensity = float(signal.get("intensity") or 0.0)
    stakes = signal.get("stakes") or []
    effort = signal.get("effort") or []
    effort_kinds = {flag["kind"] for flag in effort}
    score = intensity
    if stakes:
        score += 0.6
    if effort_kinds & {"repeat_contact", "repeated_story"}:
        score += 0.4
    if "churn_risk" in effort_kinds:
        score += 0.3
    return round(score, 4)


def care_labels(signal: dict[str, Any]) -> str:
    kinds = sorted(
        {flag["kind"] for flag in [*signal.get("stakes", []), *signal.get("effort", [])]}
    )
    return f" {' '.join(kinds)} " if kinds else ""


def read_customer(message: Message) -> CustomerSignal:
    return analyzer().read_customer(message.body_text)


def do_record_care_reading(*, message: Message) -> Message:
    """Read one stored message and keep the reading on it (and on its ticket).

    A customer message gets a CustomerSignal; a public agent reply gets a ReplyReview
    against the customer message it answers. Notes and system messages are not read.
    """
    if message.author_kind == AuthorKind.CUSTOMER:
        reading = read_customer(message).to_dict()
    elif message.author_kind == AuthorKind.AGENT and message.visibility == Visibility.PUBLIC:
        reading = _review_reply(message)
    else:
        return message
    if message.author_kind != AuthorKind.CUSTOMER:
        Message.objects.filter(pk=message.pk).update(care=reading)
    elif connection.vendor == "postgresql":
        # One statement is its own transaction: one round trip and one commit, not four.
        with statement_cursor() as cursor:
            cursor.execute(
                _one_statement_sql(relaxed=connection.get_autocommit()),
                [*_reading_params(message, reading), *_summary_params(message, reading)],
            )
    else:
        with transaction.atomic(), statement_cursor() as cursor:
            cursor.execute(_reading_sql(), _reading_params(message, reading))
            cursor.execute(_summary_sql(), _summary_params(message, reading))
    message.care = reading
    return message


@dataclass(frozen=True)
class UnreadSweep:
    read: int  # messages that got their reading now
    failed: int  # messages the engine raised on, left for a later retry
    finished: bool  # False when max_batches stopped it, maybe with messages still waiting


def do_read_unread_messages(
    *,
    grace: timedelta = UNREAD_GRACE,
    batch_size: int = UNREAD_BATCH_SIZE,
    max_batches: int | None = None,
    retry_failed: bool = False,
) -> UnreadSweep:
    """Read the customer messages that have no reading, so none stays unread.

    A reading is lost when the reading on arrival and its fallback task fail (an engine
    error, a killed process) or when a server crash follows its relaxed commit. This finds customer messages with no
    reading stored over `grace` ago, oldest first, and reads them in batches of
    `batch_size`, each batch one transaction. A reading is written as
    `do_record_care_reading` writes it (so the later stored message keeps the ticket's
    summary), and only onto a message that still has none: a message read on arrival
    meanwhile is not written twice. On PostgreSQL a batch's rows are claimed with SKIP
    LOCKED, so several workers sweeping at once share the work instead of repeating it.

    A message the engine raises on is skipped, does not hold back the messages after it,
    and gets a CareReadingFailure: the reason, the attempts, and a retry time that doubles
    from RETRY_FIRST_AFTER up to RETRY_AT_MOST_AFTER. The engine is deterministic, so
    reading the same text again soon would fail the same way; a later try is for what
    does change (a fixed engine after an upgrade, a passing resource shortage). Such a
    message is never given up on, and the marker is deleted once it is read;
    `retry_failed` tries the marked messages now (for an operator, after a fix). An
    engine that cannot load at all fails the whole sweep before anything is touched, and
    marks no message: that fault is not theirs. (A text that kills the process instead
    of raising rolls its batch back unmarked; nothing in-process can catch that.)
    """
    engine = analyzer()
    now = timezone.now()
    waiting = unread_customer_messages(
        stored_before=now - grace, now=now, with_failed=retry_failed
    ).only("id", "ticket_id", "created_at", "body_text")
    read = failed = batches = 0
    after: Message | None = None
    while max_batches is None or batches < max_batches:
        with transaction.atomic():
            batch = waiting
            if after is not None:  # keyset paging: a skipped message is not fetched again
                batch = batch.filter(
                    Q(created_at__gt=after.created_at)
                    | Q(created_at=after.created_at, id__gt=after.pk)
                )
            messages = list(batch.select_for_update(skip_locked=True)[:batch_size])
            if not messages:
                return UnreadSweep(read=read, failed=failed, finished=True)
            batches += 1
            after = messages[-1]
            settled: list[int] = []  # read now, or on arrival meanwhile
            for message, reading in zip(
                messages, _read_each(engine, [m.body_text for m in messages]), strict=True
            ):
                if isinstance(reading, Exception):
                    _record_failure(message, reading, now=now)
                    failed += 1
                    continue
                if _store_unread_reading(message, reading.to_dict()):
                    read += 1
                settled.append(message.pk)
            if settled:
                CareReadingFailure.objects.filter(message_id__in=settled).delete()
    return UnreadSweep(read=read, failed=failed, finished=False)


def _read_each(engine: CareAnalyzer, texts: list[str]) -> list[CustomerSignal | Exception]:
    """One batched reading; if the batch raises, each text alone, to find the one at fault."""
    readings: list[CustomerSignal | Exception] = []
    try:
        readings.extend(engine.read_customer_batch(texts))
        return readings
    except Exception:
        readings.clear()
    for text in texts:
        try:
            readings.extend(engine.read_customer_batch([text]))
        except Exception as error:
            readings.append(error)
    return readings


def _store_unread_reading(message: Message, reading: dict[str, Any]) -> bool:
    """Write a reading onto a message that still has none; False if it had one by now."""
    with statement_cursor() as cursor:
        cursor.execute(_unread_reading_sql(), _reading_params(message, reading))
        if cursor.rowcount != 1:
            return False
        cursor.execute(_summary_sql(), _summary_params(message, reading))
    message.care = reading
    return True


def _record_failure(message: Message, error: Exception, *, now: datetime) -> None:
    reason = f"{type(error).__name__}: {error}"[:2000]
    failure = CareReadingFailure.objects.filter(message_id=message.pk).first()
    attempts = failure.attempts + 1 if failure is not None else 1
    wait = min(RETRY_FIRST_AFTER * 2 ** min(attempts - 1, 12), RETRY_AT_MOST_AFTER)
    CareReadingFailure.objects.update_or_create(
        message_id=message.pk,
        defaults={
            "reason": reason,
            "attempts": attempts,
            "failed_at": now,
            "retry_after": now + wait,
        },
    )
    logger.warning(
        "care reading of message %s failed (attempt %s, next try after %s): %s",
        message.pk,
        attempts,
        f"{now + wait:%Y-%m-%d %H:%M:%S %Z}",
        reason,
    )


# A customer message's reading is written in plain SQL because every message gets one,
# and building the summary's correlated subquery through the ORM took twenty times as
# long as the database took to run it. The ticket's summary changes only if no later
# customer message exists on the ticket: one statement, so a reading that arrives late
# never overwrites a newer one.


def _table(model: type[Ticket | Message]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _field(model: type[Ticket | Message], name: str) -> Field[Any, Any]:
    field = model._meta.get_field(name)
    assert isinstance(field, Field)
    return field


def _column(model: type[Ticket | Message], name: str) -> str:
    column = _field(model, name).column
    assert column
    return connection.ops.quote_name(column)


@lru_cache(maxsize=1)
def _reading_sql() -> str:
    return (
        f"UPDATE {_table(Message)} SET {_column(Message, 'care')} = %s"
        f" WHERE {_column(Message, 'id')} = %s"
    )


@lru_cache(maxsize=2)
def _one_statement_sql(*, relaxed: bool) -> str:
    """Both updates as one PostgreSQL statement.

    `relaxed` (only for a statement that is its own transaction): its commit does not
    wait for the disk. A reading is derived from the stored message; a crash in the
    instant after it leaves the message unread, as a failed reading does, and never
    loses the message, which its own transaction stored durably before.
    """
    reading = _reading_sql()
    if relaxed:
        # RETURNING runs for the one updated row, and a data-modifying WITH runs to the
        # end whether or not anything reads it: the setting holds at the commit.
        reading += " RETURNING set_config('synchronous_commit', 'off', true)"
    return f"WITH stored AS ({reading}) {_summary_sql()}"


@lru_cache(maxsize=1)
def _unread_reading_sql() -> str:
    return f"{_reading_sql()} AND {_column(Message, 'care')} IS NULL"


def _reading_params(message: Message, reading: dict[str, Any]) -> list[Any]:
    return [_field(Message, "care").get_db_prep_value(reading, connection), message.pk]


@lru_cache(maxsize=1)
def _summary_sql() -> str:
    return (
        f"UPDATE {_table(Ticket)} SET"
        f" {_column(Ticket, 'care_emotion')} = %s, {_column(Ticket, 'care_intensity')} = %s,"
        f" {_column(Ticket, 'care_labels')} = %s, {_column(Ticket, 'care_attention')} = %s"
        f" WHERE {_column(Ticket, 'id')} = %s AND NOT EXISTS ("
        f"SELECT 1 FROM {_table(Message)}"
        f" WHERE {_column(Message, 'ticket')} = %s AND {_column(Message, 'author_kind')} = %s"
        f" AND ({_column(Message, 'created_at')} > %s"
        f" OR ({_column(Message, 'created_at')} = %s AND {_column(Message, 'id')} > %s)))"
    )


def _summary_params(message: Message, reading: dict[str, Any]) -> list[Any]:
    created_at = connection.ops.adapt_datetimefield_value(message.created_at)
    return [
        reading["emotion"],
        reading["intensity"],
        care_labels(reading),
        attention_score(reading),
        message.ticket_id,
        message.ticket_id,
        AuthorKind.CUSTOMER.value,
        created_at,
        created_at,
        message.pk,
    ]


def _review_reply(message: Message) -> dict[str, Any]:
    answered = (
        Message.objects.filter(
            ticket_id=message.ticket_id,
            author_kind=AuthorKind.CUSTOMER,
            created_at__lte=message.created_at,
        )
        .exclude(pk=message.pk)
        .order_by("-created_at", "-id")
        .first()
    )
    history = list(
        Message.objects.filter(
            author_agent_id=message.author_agent_id,
            author_kind=AuthorKind.AGENT,
            visibility=Visibility.PUBLIC,
            created_at__lt=message.created_at,
        )
        .order_by("-created_at")
        .values_list("body_text", flat=True)[:HISTORY_SIZE]
    )
    customer = read_customer(answered) if answered is not None else None
    review = analyzer().review_reply(message.body_text, customer=customer, history=history)
    result: dict[str, Any] = review.to_dict()
    return result
