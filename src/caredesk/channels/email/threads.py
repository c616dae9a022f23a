"""Which ticket an inbound email belongs to.

In order: the Message-IDs it answers (In-Reply-To, References), then a ticket token in
the subject ("[#1234]"), then, for a reply whose client dropped In-Reply-To (Outlook
does), the same subject on one of the sender's recent tickets. Every match counts only
when the sender takes part in that ticket, so a stranger who quotes "#1234" or answers
a bulk message never lands in someone else's conversation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache

from django.db import connection
from django.utils import timezone

from caredesk.channels.email.models import Direction, EmailMessage, ThreadAlias
from caredesk.channels.email.parsing import ParsedEmail
from caredesk.tickets.models import Channel, Message, Ticket

TOKEN = re.compile(r"\[#(\d{1,12})\]")
# Reply and forward prefixes in the languages mail clients write them in.
_PREFIX = re.compile(
    r"^\s*(?:re|aw|wg|fw|fwd|sv|vs|antw|antwort|tr|rif|r|odp|res|enc|doorst|vl|ynt|"
    r"回复|答复|转发)\s*(?:\[\d+\])?\s*[:：]\s*",
    re.IGNORECASE,
)
SUBJECT_MATCH_DAYS = 30


@dataclass
class ThreadMatch:
    ticket: Ticket | None
    via: str  # "reference", "alias", "token", "subject", "" (none)
    # Message-IDs of someone else's ticket that this sender answered: remembered for them.
    foreign_references: list[str] = field(default_factory=list)


def strip_prefixes(subject: str) -> tuple[str, bool]:
    """The subject without Re:/AW:/Fwd: prefixes, and whether it had any."""
    had_prefix = False
    while True:
        stripped = _PREFIX.sub("", subject, count=1)
        if stripped == subject:
            break
        had_prefix = True
        subject = stripped
    return subject.strip(), had_prefix


def normalize_subject(subject: str) -> str:
    subject, _ = strip_prefixes(TOKEN.sub(" ", subject))
    subject, _ = strip_prefixes(subject)
    return " ".join(subject.lower().split())


def is_participant(ticket: Ticket, address: str, *, address_owner_id: int | None) -> bool:
    """Whether `address` is the ticket's customer or was on an email of the ticket.

    `address_owner_id` is the customer who owns `address` as an email identity (None when
    nobody does), which the caller has looked up already.
    """
    if address_owner_id is not None and ticket.customer_id == address_owner_id:
        return True
    rows = EmailMessage.objects.filter(
        ticket_message__ticket_id=ticket.pk, direction=Direction.INBOUND
    ).values_list("from_address", "to_addresses", "cc_addresses")[:200]
    return any(address == sender or address in to or address in cc for sender, to, cc in rows)


def find_thread(parsed: ParsedEmail, *, sender: str, sender_customer_id: int | None) -> ThreadMatch:
    """The ticket this email continues, if any.

    `sender_customer_id` is the customer who owns the sender's address (None when nobody
    does yet); the caller needs that customer anyway, so it looks it up once.
    """
    references = [*parsed.in_reply_to, *reversed(parsed.references)]
    if references:
        # A thread alias wins over everything: the sender's own ticket for a bulk message
        # they answered. It rides along on the query for the known messages.
        rows = Ticket.objects.raw(
            _known_sql(len(references), connection.vendor), [sender, *references, *references]
        )
        # One (ticket, Message-ID) per stored email (either direction) with one of them.
        known = [(row, str(vars(row)["reference"])) for row in rows]
        alias_ticket_id = (
            vars(known[0][0])["alias_ticket_id"]
            if known
            else ThreadAlias.objects.filter(message_id__in=references, address=sender)
            .order_by("-created_at")
            .values_list("ticket_id", flat=True)
            .first()
        )
        if alias_ticket_id is not None:
            return ThreadMatch(Ticket.objects.get(pk=alias_ticket_id), "alias")
        # Prefer the message answered most directly (In-Reply-To, then the latest reference).
        known.sort(key=lambda pair: references.index(pair[1]))
        checked: set[int] = set()
        for ticket, _ in known:
            if ticket.pk in checked:
                continue
            checked.add(ticket.pk)
            if is_participant(ticket, sender, address_owner_id=sender_customer_id):
                return ThreadMatch(ticket, "reference")
        if known:
            return ThreadMatch(
                None, "", foreign_references=sorted({reference for _, reference in known})
            )
    for token in TOKEN.findall(parsed.subject):
        tokened = Ticket.objects.filter(pk=int(token)).first()
        if tokened is not None and is_participant(
            tokened, sender, address_owner_id=sender_customer_id
        ):
            return ThreadMatch(tokened, "token")
    subject, had_prefix = strip_prefixes(parsed.subject)
    if had_prefix and subject and sender_customer_id is not None:
        wanted = normalize_subject(subject)
        since = timezone.now() - timedelta(days=SUBJECT_MATCH_DAYS)
        candidates = Ticket.objects.filter(
            customer_id=sender_customer_id, channel=Channel.EMAIL, last_message_at__gte=since
        ).order_by("-last_message_at")[:50]
        for ticket in candidates:
            if normalize_subject(ticket.subject) == wanted:
                return ThreadMatch(ticket, "subject")
    return ThreadMatch(None, "")


@lru_cache(maxsize=32)
def _known_sql(count: int, vendor: str) -> str:
    """The tickets holding emails with `count` Message-IDs, newest email first, each row
    with the Message-ID it matched and the newest thread alias of the sender for any of
    them. Parameters: the sender, then the Message-IDs twice.

    Written by hand because building it through the ORM took longer than running it;
    `vendor` only keys the cache (each database quotes names its own way).
    """
    quote = connection.ops.quote_name
    ids = ", ".join(["%s"] * count)
    ticket, message, email = (
        quote(model._meta.db_table) for model in (Ticket, Message, EmailMessage)
    )
    columns = ", ".join(f"{ticket}.{quote(f.column or '')}" for f in Ticket._meta.concrete_fields)
    alias = quote(ThreadAlias._meta.db_table)
    return (
        f"SELECT {columns}, {email}.{quote('message_id')} AS {quote('reference')},"
        f" (SELECT a.{quote('ticket_id')} FROM {alias} a WHERE a.{quote('address')} = %s"
        f" AND a.{quote('message_id')} IN ({ids})"
        f" ORDER BY a.{quote('created_at')} DESC LIMIT 1) AS {quote('alias_ticket_id')}"
        f" FROM {ticket}"
        f" JOIN {message} ON {ticket}.{quote('id')} = {message}.{quote('ticket_id')}"
        f" JOIN {email} ON {message}.{quote('id')} = {email}.{quote('ticket_message_id')}"
        f" WHERE {email}.{quote('message_id')} IN ({ids})"
        f" ORDER BY {email}.{quote('created_at')} DESC, {email}.{quote('id')} DESC LIMIT 50"
    )
