"""One inbound email in, ticket actions out.

`process_inbound_email` is the only way mail enters caredesk; the stdin command, the
IMAP poller and the webhook are thin shells around it. For any bytes it either stores
the message on a ticket, records it as a delivery report, or quarantines it whole with
the reason; it raises only when the database itself fails, so a caller that removes
mail from a server (the IMAP poller) removes it only after it was kept.
"""

from __future__ import annotations

import gc
import logging
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from types import FrameType
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from caredesk.audit.actions import record
from caredesk.channels.email.dsn import DeliveryNotice, read_delivery_notice
from caredesk.channels.email.loops import Noise, detect_noise, wants_no_auto_reply
from caredesk.channels.email.models import (
    AutoAcknowledgement,
    DeliveryReport,
    Direction,
    EmailMessage,
    Mailbox,
    Quarantine,
    QuarantineKind,
    Suppression,
    ThreadAlias,
)
from caredesk.channels.email.parsing import (
    Deadline,
    ParsedEmail,
    ParseTimeout,
    Unparseable,
    header_text,
    parse_email,
)
from caredesk.channels.email.queries import arrival_facts
from caredesk.channels.email.quoting import strip_quotes_and_signature
from caredesk.channels.email.storage import sha256_of, store_attachments, store_raw
from caredesk.channels.email.threads import TOKEN, ThreadMatch, find_thread
from caredesk.customers.actions import do_create_customer_for_identity
from caredesk.customers.identity import normalize_identity
from caredesk.customers.models import Customer, IdentityKind
from caredesk.customers.queries import find_customer
from caredesk.lib.errors import CaredeskError
from caredesk.lib.rows import insert
from caredesk.tickets.actions import (
    MAX_BODY_CHARS,
    do_add_system_message,
    do_receive_first_message,
    do_receive_new_message,
)
from caredesk.tickets.html import sanitize_html
from caredesk.tickets.models import Channel, Delivery, Message, Ticket

logger = logging.getLogger(__name__)

MAX_HTML_CHARS = 2_000_000
MAX_FULL_TEXT_CHARS = 5_000_000
_CID_SRC = re.compile(r"""\ssrc\s*=\s*(["']?)cid:([^"'\s>]{1,300})\1""", re.IGNORECASE)


class Outcome:
    STORED = "stored"  # a customer message on a (new or existing) ticket
    ATTACHED = "attached"  # an automatic reply kept on the ticket it answers, as a system note
    DUPLICATE = "duplicate"  # seen before; nothing changed
    DELIVERY_REPORT = "delivery_report"  # a bounce or delay notice about mail we sent
    QUARANTINED = "quarantined"  # kept whole with the reason, for an admin to look at


@dataclass(frozen=True)
class InboundResult:
    outcome: str
    reason: str = ""
    ticket: Ticket | None = None
    message: Message | None = None
    quarantine: Quarantine | None = None
    new_ticket: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "reason": self.reason,
            "ticket": self.ticket.pk if self.ticket else None,
            "message": self.message.pk if self.message else None,
            "quarantine": self.quarantine.pk if self.quarantine else None,
            "new_ticket": self.new_ticket,
        }


@dataclass(frozen=True)
class _Prepared:
    parsed: ParsedEmail
    display_text: str
    full_text: str
    html: str


def process_inbound_email(raw: bytes, *, mailbox: Mailbox, force: bool = False) -> InboundResult:
    """Store one raw RFC 5322 message for `mailbox`; see the module docstring.

    `force` skips the noise rules (an admin releasing a message from quarantine).
    """
    if not isinstance(raw, bytes | bytearray):
        raise CaredeskError("An inbound email is the raw message as bytes.")
    raw = bytes(raw)
    digest = sha256_of(raw)
    limit: int = settings.CAREDESK_EMAIL_MAX_MESSAGE_BYTES
    if not raw.strip():
        return _quarantine(raw, digest, mailbox, QuarantineKind.FAILED, "the message is empty")
    if len(raw) > limit:
        return _quarantine(
            raw,
            digest,
            mailbox,
            QuarantineKind.FAILED,
            f"the message is {len(raw):,} bytes, over the {limit:,}-byte limit; not parsed",
        )
    seconds: int = settings.CAREDESK_EMAIL_PARSE_SECONDS
    try:
        with _hard_time_limit(seconds):
            prepared = _prepare(raw, Deadline(seconds))
    except ParseTimeout as error:
        return _quarantine(raw, digest, mailbox, QuarantineKind.FAILED, f"timed out: {error}")
    except Unparseable as error:
        return _quarantine(raw, digest, mailbox, QuarantineKind.FAILED, f"unparseable: {error}")
    except RecursionError:
        return _quarantine(raw, digest, mailbox, QuarantineKind.FAILED, "unparseable: too deep")
    except Exception as error:  # any other parser failure on hostile input
        logger.warning("could not parse an inbound email", exc_info=True)
        return _quarantine(
            raw,
            digest,
            mailbox,
            QuarantineKind.FAILED,
            f"unparseable: {type(error).__name__}: {error}"[:2000],
        )
    parsed = prepared.parsed

    facts = arrival_facts(message_id=parsed.message_id, sender=parsed.from_address)
    if facts.stored_message_id is not None:
        return _stored_before(parsed.message_id, facts.stored_message_id)
    if parsed.is_report and _report_recorded(parsed.message_id):
        return InboundResult(Outcome.DUPLICATE, reason=f"{parsed.message_id} was already recorded")
    sender_problem = _sender_problem(parsed.from_address)
    if sender_problem:
        return _quarantine(raw, digest, mailbox, QuarantineKind.FAILED, sender_problem, parsed)

    try:
        notice = read_delivery_notice(parsed)
    except Exception as error:
        return _quarantine(
            raw, digest, mailbox, QuarantineKind.FAILED,
            f"unreadable delivery report: {type(error).__name__}: {error}"[:2000], parsed,
        )  # fmt: skip
    raw_path = store_raw(raw, digest=digest)
    if notice is not None:
        return _record_delivery_notice(notice, parsed, mailbox, raw_path)

    noise = None if force else detect_noise(parsed, own_addresses=own_addresses())
    try:
        return _store(
            prepared,
            mailbox=mailbox,
            noise=noise,
            raw_path=raw_path,
            raw=raw,
            customer=facts.customer,
            suppressed=facts.suppressed,
        )
    except IntegrityError:
        # The same message stored by another worker at the same moment.
        duplicate = _duplicate_of(parsed.message_id, is_report=parsed.is_report)
        if duplicate is not None:
            return duplicate
        raise
    except CaredeskError as error:
        return _quarantine(raw, digest, mailbox, QuarantineKind.FAILED, f"refused: {error}", parsed)


_own_mailbox_addresses: frozenset[str] | None = None


def own_addresses() -> set[str]:
    """Our addresses: every mailbox's and the configured senders'."""
    global _own_mailbox_addresses
    if _own_mailbox_addresses is None:
        _own_mailbox_addresses = frozenset(Mailbox.objects.values_list("address", flat=True))
    configured = {settings.DEFAULT_FROM_EMAIL, settings.SERVER_EMAIL}
    return {address.lower() for address in configured | _own_mailbox_addresses if address}


def forget_own_addresses(**kwargs: object) -> None:
    """Connected to Mailbox saves and deletes (see apps.py): the cached set is stale."""
    global _own_mailbox_addresses
    _own_mailbox_addresses = None


# ------------------------------------------------------------------------ preparing


# After the first interrupt, how soon the limit strikes again should that one have been
# lost (see _hard_time_limit).
_RETRY_SECONDS = 0.05


@contextmanager
def _hard_time_limit(seconds: float) -> Iterator[None]:
    """Interrupt pure-Python parsing after `seconds`, where the platform allows it.

    Signals reach only the main thread; elsewhere (a threaded web server) the
    cooperative `Deadline` checks inside the parser do the job.

    An exception raised while the garbage collector runs Python code (a collector
    callback, a finaliser) cannot reach the parser: Python reports it as unraisable and
    carries on. So the alarm waits while a collection is in progress, and it repeats
    every `_RETRY_SECONDS` until the block ends, in case an interrupt is lost elsewhere.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        yield
        return

    collecting = False

    def collection_starts(phase: str, info: dict[str, int]) -> None:
        nonlocal collecting
        if phase == "start":
            collecting = True

    def collection_ends(phase: str, info: dict[str, int]) -> None:
        nonlocal collecting
        if phase == "stop":
            collecting = False

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        if collecting:
            return  # the repeating timer strikes again once the collection is over
        raise ParseTimeout(f"parsing took longer than {seconds:g} s")

    # First and last in line, so every other callback runs inside the window.
    gc.callbacks.insert(0, collection_starts)
    gc.callbacks.append(collection_ends)
    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, _RETRY_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
        gc.callbacks.remove(collection_starts)
        gc.callbacks.remove(collection_ends)


def _prepare(raw: bytes, deadline: Deadline) -> _Prepared:
    parsed = parse_email(raw, deadline=deadline)
    full_text = parsed.text.replace("\x00", "").strip()
    deadline.check()
    display = strip_quotes_and_signature(full_text) if full_text else ""
    deadline.check()
    html = ""
    if parsed.html and len(parsed.html) <= MAX_HTML_CHARS:
        html = sanitize_html(_CID_SRC.sub(r' data-cid="\2"', parsed.html))
    deadline.check()
    return _Prepared(
        parsed=parsed,
        display_text=display[:MAX_BODY_CHARS],
        full_text=full_text[:MAX_FULL_TEXT_CHARS],
        html=html,
    )


def _sender_problem(address: str) -> str:
    if not address:
        return "no sender address in From, Sender, Return-Path or Reply-To"
    try:
        normalize_identity(IdentityKind.EMAIL, address)
    except CaredeskError as error:
        return f"the sender address cannot be answered: {error}"
    return ""


def _duplicate_of(message_id: str, *, is_report: bool) -> InboundResult | None:
    """The stored result for a Message-ID seen before. (Identical bytes that were
    quarantined are caught by `_quarantine` itself.)"""
    known_id = (
        EmailMessage.objects.filter(message_id=message_id)
        .order_by("id")
        .values_list("ticket_message_id", flat=True)
        .first()
    )
    if known_id is not None:
        return _stored_before(message_id, known_id)
    if is_report and _report_recorded(message_id):
        return InboundResult(Outcome.DUPLICATE, reason=f"{message_id} was already recorded")
    return None


def _stored_before(message_id: str, stored_message_id: int) -> InboundResult:
    message = Message.objects.select_related("ticket").get(pk=stored_message_id)
    return InboundResult(
        Outcome.DUPLICATE,
        reason=f"{message_id} was already stored",
        ticket=message.ticket,
        message=message,
    )


def _report_recorded(message_id: str) -> bool:
    return DeliveryReport.objects.filter(report_message_id=message_id).exists()


# ------------------------------------------------------------------------ storing


def _store(
    prepared: _Prepared,
    *,
    mailbox: Mailbox,
    noise: Noise | None,
    raw_path: str,
    raw: bytes,
    customer: Customer | None,
    suppressed: bool,
) -> InboundResult:
    """`customer` owns the sender's address as looked up before (None: nobody did);
    `suppressed`: mail to the sender was paused then."""
    parsed = prepared.parsed
    sender = parsed.from_address
    while True:
        match = find_thread(
            parsed, sender=sender, sender_customer_id=customer.pk if customer else None
        )
        if noise is not None:
            if noise.kind == "loop" or match.ticket is None:
                return _quarantine(
                    raw, sha256_of(raw), mailbox, QuarantineKind.IGNORED, noise.reason, parsed
                )
            return _attach_automatic_reply(
                prepared, match.ticket, mailbox, noise, raw_path, len(raw)
            )
        try:
            return _store_customer_message(
                prepared,
                mailbox=mailbox,
                customer=customer,
                match=match,
                raw_path=raw_path,
                raw_size=len(raw),
                suppressed=suppressed,
            )
        except IntegrityError:
            if customer is not None:
                raise
            # A new sender's first messages arriving at once: another worker gave the
            # address its customer between our look-up and our insert. Our transaction
            # was rolled back whole; once more, now as a known sender.
            customer = find_customer(kind=IdentityKind.EMAIL, value=sender)
            if customer is None:
                raise


def _store_customer_message(
    prepared: _Prepared,
    *,
    mailbox: Mailbox,
    customer: Customer | None,
    match: ThreadMatch,
    raw_path: str,
    raw_size: int,
    suppressed: bool,
) -> InboundResult:
    """The customer (if new), the ticket or reply and the email row, in one transaction
    with no savepoints inside. The care reading and any acknowledgement go out after it
    commits."""
    parsed = prepared.parsed
    sender = parsed.from_address
    body_text = prepared.display_text
    if not body_text.strip() and not parsed.attachments:
        body_text = parsed.subject or "(This email had no text.)"
    now = timezone.now()
    with transaction.atomic():
        # Saved inside the transaction, so a rollback deletes the files again.
        attachments = store_attachments(parsed.attachments)
        if customer is None:
            customer = do_create_customer_for_identity(
                kind=IdentityKind.EMAIL, value=sender, name=parsed.from_name, at=now
            )
        new_ticket = match.ticket is None
        if match.ticket is None:
            message = do_receive_first_message(
                customer=customer,
                channel=Channel.EMAIL,
                subject=_new_ticket_subject(parsed.subject),
                body_text=body_text,
                body_html=prepared.html,
                attachments=attachments,
                external_id=parsed.message_id,
                team=mailbox.team,
                at=now,
            )
            ticket = message.ticket
            for reference in match.foreign_references:
                ThreadAlias.objects.get_or_create(
                    message_id=reference,
                    address=sender,
                    defaults={"ticket": ticket, "created_at": now},
                )
        else:
            # Duplicates were ruled out by Message-ID before; a race with another worker
            # storing the same message ends on the unique constraint.
            message = do_receive_new_message(
                ticket=match.ticket,
                body_text=body_text,
                body_html=prepared.html,
                channel=Channel.EMAIL,
                attachments=attachments,
                external_id=parsed.message_id,
                at=now,
            )
            ticket = message.ticket
            new_ticket = ticket.pk != match.ticket.pk  # a closed ticket's follow-up
            if message.author_customer_id != customer.pk:
                # A Cc'd participant answered on the customer's ticket: the words are theirs.
                Message.objects.filter(pk=message.pk).update(author_customer=customer)
                message.author_customer = customer
        _create_email_row(message, prepared, mailbox, raw_path, raw_size, auto_submitted=False)
        if suppressed:
            _lift_suppression(sender, ticket)
        if new_ticket:
            _acknowledge(ticket=ticket, mailbox=mailbox, parsed=parsed, customer=customer)
    return InboundResult(
        Outcome.STORED,
        reason=f"threaded by {match.via}" if match.via else "new ticket",
        ticket=ticket,
        message=message,
        new_ticket=new_ticket,
    )


def _new_ticket_subject(subject: str) -> str:
    # A token of another ticket in a new ticket's subject would only confuse its replies.
    return " ".join(TOKEN.sub(" ", subject).split())


def _create_email_row(
    message: Message,
    prepared: _Prepared,
    mailbox: Mailbox,
    raw_path: str,
    raw_size: int,
    *,
    auto_submitted: bool,
) -> EmailMessage:
    parsed = prepared.parsed
    return insert(
        EmailMessage(
            ticket_message=message,
            mailbox=mailbox,
            direction=Direction.INBOUND,
            message_id=parsed.message_id,
            in_reply_to=parsed.in_reply_to[0] if parsed.in_reply_to else "",
            references=" ".join(parsed.references)[:20_000],
            from_address=parsed.from_address,
            from_name=parsed.from_name,
            to_addresses=parsed.to[:100],
            cc_addresses=parsed.cc[:100],
            subject=parsed.subject,
            full_text=prepared.full_text,
            raw_path=raw_path,
            raw_size=raw_size,
            auto_submitted=auto_submitted,
            created_at=message.created_at,
        )
    )


def _attach_automatic_reply(
    prepared: _Prepared,
    ticket: Ticket,
    mailbox: Mailbox,
    noise: Noise,
    raw_path: str,
    raw_size: int,
) -> InboundResult:
    parsed = prepared.parsed
    text = prepared.display_text or parsed.subject or "(no text)"
    with transaction.atomic():
        message = do_add_system_message(
            ticket=ticket,
            body_text=f"Automatic reply from {parsed.from_address} ({noise.reason}):\n\n{text}",
        )
        _create_email_row(message, prepared, mailbox, raw_path, raw_size, auto_submitted=True)
    return InboundResult(
        Outcome.ATTACHED, reason=noise.reason, ticket=ticket, message=message, new_ticket=False
    )


def _lift_suppression(address: str, ticket: Ticket) -> None:
    """A person writing from a paused address shows that it works again."""
    deleted, _ = Suppression.objects.filter(address=address).delete()
    if deleted:
        record(actor=None, action="email_unpaused", obj=ticket, after={"address": address})


def _acknowledge(
    *, ticket: Ticket, mailbox: Mailbox, parsed: ParsedEmail, customer: Customer
) -> None:
    """At most one automatic acknowledgement per sender per mailbox period."""
    address = parsed.from_address
    # No need to look for a pause on the address: the caller has just lifted any.
    if not mailbox.auto_acknowledge or wants_no_auto_reply(parsed):
        return
    since = timezone.now() - timedelta(hours=mailbox.auto_acknowledge_hours)
    if AutoAcknowledgement.objects.filter(
        mailbox=mailbox, address=address, sent_at__gte=since
    ).exists():
        return
    text = mailbox.auto_acknowledge_text.replace("{token}", ticket.token)
    message = do_add_system_message(ticket=ticket, body_text=text, send=True)
    insert(
        AutoAcknowledgement(
            mailbox=mailbox, address=address, ticket=ticket, message=message, sent_at=timezone.now()
        )
    )


# ------------------------------------------------------------------------ delivery reports


def _record_delivery_notice(
    notice: DeliveryNotice, parsed: ParsedEmail, mailbox: Mailbox, raw_path: str
) -> InboundResult:
    now = timezone.now()
    original = None
    if notice.original_message_id:
        original = (
            EmailMessage.objects.select_related("ticket_message__ticket")
            .filter(message_id=notice.original_message_id, direction=Direction.OUTBOUND)
            .first()
        )
    outbound = original.ticket_message if original is not None else None
    reasons: list[str] = []
    with transaction.atomic():
        for status in notice.recipients:
            DeliveryReport.objects.create(
                mailbox=mailbox,
                message=outbound,
                original_message_id=notice.original_message_id,
                recipient=status.recipient,
                action=status.action,
                status=status.status,
                diagnostic=status.diagnostic,
                permanent=status.permanent,
                report_message_id=parsed.message_id,
                raw_path=raw_path,
                received_at=now,
            )
            if original is None or outbound is None:
                continue
            recipients = {*original.to_addresses, *original.cc_addresses}
            if status.recipient not in recipients:
                continue  # a report about someone we did not write to proves nothing
            detail = " ".join(filter(None, [status.status, status.diagnostic]))
            if status.permanent:
                reason = f"Bounced: {status.recipient} refused the message ({detail})"[:2000]
                Message.objects.filter(pk=outbound.pk).update(
                    delivery=Delivery.FAILED, delivery_error=reason
                )
                Suppression.objects.get_or_create(
                    address=status.recipient,
                    defaults={"reason": reason, "bounced_message": outbound, "created_at": now},
                )
                record(
                    actor=None,
                    action="email_bounced",
                    obj=outbound.ticket,
                    after={"message": outbound.pk, "address": status.recipient, "reason": reason},
                )
                reasons.append(reason)
            elif status.action == "delayed":
                note = f"Delayed: {status.recipient} has not accepted it yet ({detail})"[:2000]
                Message.objects.filter(pk=outbound.pk).update(delivery_error=note)
                reasons.append(note)
    matched = "; ".join(reasons) or (
        "about a message we sent" if outbound is not None else "about a message we do not know"
    )
    return InboundResult(
        Outcome.DELIVERY_REPORT,
        reason=matched,
        ticket=outbound.ticket if outbound is not None else None,
        message=outbound,
    )


# ------------------------------------------------------------------------ quarantine


def _quarantine(
    raw: bytes,
    digest: str,
    mailbox: Mailbox,
    kind: str,
    reason: str,
    parsed: ParsedEmail | None = None,
) -> InboundResult:
    existing = Quarantine.objects.filter(sha256=digest, released_at=None).first()
    if existing is not None:
        return InboundResult(Outcome.DUPLICATE, reason=existing.reason, quarantine=existing)
    raw_path = store_raw(raw, digest=digest)
    if parsed is not None:
        message_id, sender, subject = parsed.message_id, parsed.from_address, parsed.subject
    else:
        message_id, sender, subject = _best_effort_headers(raw)
    quarantine = Quarantine.objects.create(
        mailbox=mailbox,
        kind=kind,
        reason=reason,
        message_id=message_id[:500],
        sender=sender[:500],
        subject=subject[:1000],
        sha256=digest,
        raw_path=raw_path,
        raw_size=len(raw),
        received_at=timezone.now(),
    )
    logger.info("quarantined an email for %s: %s", mailbox, reason)
    return InboundResult(Outcome.QUARANTINED, reason=reason, quarantine=quarantine)


def _best_effort_headers(raw: bytes) -> tuple[str, str, str]:
    """A few header values for the quarantine list, from a message that did not parse."""
    from email.parser import BytesHeaderParser

    try:
        head = BytesHeaderParser().parsebytes(raw[: 64 * 1024], headersonly=True)
        return (
            header_text(head, "message-id"),
            header_text(head, "from"),
            header_text(head, "subject"),
        )
    except Exception:
        return "", "", ""


def release_from_quarantine(*, quarantine: Quarantine) -> InboundResult:
    """Process a quarantined message again, noise rules off (an admin's decision)."""
    from caredesk.channels.email.storage import read_raw

    if quarantine.released_at is not None:
        raise CaredeskError("This message was already released.")
    mailbox = quarantine.mailbox or Mailbox.objects.filter(is_active=True).first()
    if mailbox is None:
        raise CaredeskError("There is no mailbox to release this message into.")
    raw = read_raw(quarantine.raw_path)
    with transaction.atomic():
        Quarantine.objects.filter(pk=quarantine.pk).update(released_at=timezone.now())
        result = process_inbound_email(raw, mailbox=mailbox, force=True)
        if result.outcome not in (Outcome.STORED, Outcome.ATTACHED, Outcome.DELIVERY_REPORT):
            raise CaredeskError(f"It still cannot be stored: {result.reason}")
        Quarantine.objects.filter(pk=quarantine.pk).update(released_ticket=result.ticket)
    return result
