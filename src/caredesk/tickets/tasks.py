"""Background work for tickets. Thin: fetch rows, call one action. Safe to run twice."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connections
from django.utils import timezone
from django_tasks import task

from caredesk.channels.base import PermanentFailure, Repair, channel_repairs, transport_for
from caredesk.tickets.models import AuthorKind, Delivery, Message

logger = logging.getLogger(__name__)

MAX_DELIVERY_ATTEMPTS = 5
RETRY_BASE_SECONDS = 30  # then 60, 120, 240
SWEEP_MAX_BATCHES = 5  # per round of the worker's sweep; a larger backlog takes several rounds


# Agent replies whose review this process is queueing right now. A backend that runs the
# task here and at once (the immediate one) reviews the object the action just stored
# instead of fetching it again; a worker elsewhere fetches it.
_queued_here: dict[int, Message] = {}


def read_on_arrival(message: Message) -> None:
    """Give a just-stored message its care reading; called after the commit that stored it.

    A customer message is read here and now, in the process that stored it: one engine
    call and one statement, where a task would add its own row, commit and worker round
    trip for every message. If that reading fails, the task is queued as the fallback,
    so a worker tries again (a passing database fault); a reading lost in a crash, or
    one the fallback cannot queue, is left for the repair sweep. An agent reply is
    reviewed by the task, which looks up the conversation first. Never raises: the
    message is stored, and a missing reading is shown as "not read yet".
    """
    if not settings.CAREDESK_READ_ON_ARRIVAL:
        return
    if message.author_kind == AuthorKind.CUSTOMER:
        from caredesk.tickets.care import do_record_care_reading

        try:
            do_record_care_reading(message=message)
            return
        except Exception:
            logger.exception(
                "care reading failed for message %s; queueing it for a worker", message.pk
            )
    _queued_here[message.pk] = message
    try:
        read_message_care.enqueue(message.pk)
    except Exception:
        logger.exception(
            "could not queue the care reading of message %s; the repair sweep will read it",
            message.pk,
        )
    finally:
        _queued_here.pop(message.pk, None)


@task()
def read_message_care(message_id: int) -> None:
    """Read a stored message with the care engine. A failure here never touches the message."""
    if not settings.CAREDESK_READ_ON_ARRIVAL:
        return
    from caredesk.tickets.care import do_record_care_reading

    message = _queued_here.pop(message_id, None)
    if message is None:
        message = Message.objects.filter(pk=message_id).first()
    if message is None:
        return
    try:
        do_record_care_reading(message=message)
    except Exception:
        # The message is already stored; a missing reading is shown as "not read yet".
        logger.exception("care reading failed for message %s", message_id)


def sweep_unread_messages() -> None:
    """One round of the repair sweep: read customer messages whose reading was lost.

    Run by every task worker (`caredesk worker`) at start and then every
    CAREDESK_CARE_SWEEP_SECONDS. A failure is logged and waits for the next round.
    """
    if not settings.CAREDESK_READ_ON_ARRIVAL:
        return
    from caredesk.tickets.care import do_read_unread_messages

    try:
        sweep = do_read_unread_messages(max_batches=SWEEP_MAX_BATCHES)
    except Exception:
        logger.exception("the sweep for unread customer messages failed")
        return
    if sweep.read or sweep.failed:
        logger.info("read %s unread customer messages, %s failed", sweep.read, sweep.failed)


UNREAD_MESSAGES = Repair(
    name="unread customer messages",
    run=sweep_unread_messages,
    interval_setting="CAREDESK_CARE_SWEEP_SECONDS",
)


def worker_repairs() -> list[tuple[Repair, float]]:
    """What a task worker's sweep thread runs, with each interval in seconds: the
    unread-message sweep and the channels' repairs, less those turned off (0)."""
    repairs = [(repair, repair.interval()) for repair in (UNREAD_MESSAGES, *channel_repairs())]
    return [(repair, interval) for repair, interval in repairs if interval > 0]


def run_repairs_until(
    stop: threading.Event,
    *,
    repairs: Sequence[tuple[Repair, float]],
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """Run each repair every its interval in seconds until `stop` is set; the body of the
    worker's sweep thread. A failure is logged and the repair waits for its next turn.

    Each run checks this thread's connection first and after, as a request does: one
    that broke or outlived CONN_MAX_AGE is replaced, and none is left open at the end.
    """
    if not repairs:
        return
    start = clock()
    due = [start if repair.at_start else start + interval for repair, interval in repairs]
    try:
        while True:
            wake = min(due)
            if stop.wait(max(0.0, wake - clock())):
                return
            now = max(clock(), wake)  # a wait that was not stopped lasted its timeout
            for index, (repair, interval) in enumerate(repairs):
                if due[index] > now:
                    continue
                due[index] = now + interval
                close_old_connections()
                try:
                    repair.run()
                except Exception:
                    logger.exception("the repair sweep for %s failed", repair.name)
                finally:
                    close_old_connections()
    finally:
        connections.close_all()


@task()
def deliver_message(message_id: int, attempt: int = 1) -> None:
    """Send one outbound message on its channel, retrying with backoff on failure."""
    message = Message.objects.select_related("ticket").filter(pk=message_id).first()
    if message is None or message.delivery == Delivery.SENT:
        return
    transport = transport_for(message.channel)
    if transport is None:
        Message.objects.filter(pk=message_id).update(
            delivery=Delivery.FAILED, delivery_error=f"No transport for channel {message.channel}."
        )
        return
    try:
        transport.send(message)
    except PermanentFailure as error:
        Message.objects.filter(pk=message_id).update(
            delivery=Delivery.FAILED, delivery_error=str(error)[:2000]
        )
        logger.warning("message %s cannot be delivered: %s", message_id, error)
        return
    except Exception as error:
        reason = f"{type(error).__name__}: {error}"[:2000]
        if attempt >= MAX_DELIVERY_ATTEMPTS:
            Message.objects.filter(pk=message_id).update(
                delivery=Delivery.FAILED, delivery_error=reason
            )
            logger.warning(
                "giving up on message %s after %s attempts: %s", message_id, attempt, reason
            )
            return
        Message.objects.filter(pk=message_id).update(delivery_error=reason)
        retry = deliver_message
        if retry.get_backend().supports_defer:
            delay = timedelta(seconds=RETRY_BASE_SECONDS * 2 ** (attempt - 1))
            retry = retry.using(run_after=timezone.now() + delay)
        retry.enqueue(message_id, attempt + 1)
        return
    Message.objects.filter(pk=message_id).update(delivery=Delivery.SENT, delivery_error="")
