"""Every change to a ticket goes through one of these functions.

Each runs in one transaction and writes one audit row; each refuses bad input with a
CaredeskError before it writes anything. A customer's message is stored before any
analysis, routing or sending happens to it: those run after the commit.

The actions that store incoming messages (`do_receive_first_message`,
`do_receive_new_message`, `do_add_system_message`) open no savepoint when called inside
a caller's transaction: a channel stores a message, its customer and its channel rows in
one transaction, and a failure anywhere rolls all of it back together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.accounts.models import Team, User
from caredesk.audit.actions import record
from caredesk.channels.base import transport_for
from caredesk.customers.models import Customer
from caredesk.lib.errors import (
    CaredeskError,
    EmptyBody,
    HandoffNoteRequired,
    InvalidTransition,
    TicketClosed,
)
from caredesk.lib.rows import insert, locked, update
from caredesk.tickets.html import sanitize_html
from caredesk.tickets.models import (
    AuthorKind,
    Channel,
    Delivery,
    Handoff,
    Message,
    Priority,
    Status,
    Tag,
    Ticket,
    Visibility,
)

MAX_BODY_CHARS = 1_000_000
MAX_SUBJECT_CHARS = 250


def _clean_body(body_text: str, *, attachments: Sequence[dict[str, Any]] = ()) -> str:
    if not isinstance(body_text, str):
        raise EmptyBody("A message body must be text.")
    body_text = body_text.replace("\x00", "")
    if not body_text.strip() and not attachments:
        raise EmptyBody("A message needs some text (or an attachment).")
    if len(body_text) > MAX_BODY_CHARS:
        raise CaredeskError(f"A message body is at most {MAX_BODY_CHARS:,} characters.")
    return body_text


def _clean_subject(subject: str, body_text: str) -> str:
    subject = " ".join((subject or "").split())
    if not subject:
        first_line = next((line.strip() for line in body_text.splitlines() if line.strip()), "")
        subject = first_line or "(no subject)"
    return subject[:MAX_SUBJECT_CHARS]


def _check_channel(channel: str) -> None:
    if channel not in Channel.values:
        raise CaredeskError(f"Unknown channel {channel!r}.")


def _snapshot(ticket: Ticket) -> dict[str, Any]:
    return {
        "status": ticket.status,
        "priority": ticket.priority,
        "assignee": ticket.assignee_id,
        "team": ticket.team_id,
    }


def _after_commit_read(message: Message) -> None:
    from caredesk.tickets.tasks import read_on_arrival

    transaction.on_commit(lambda: read_on_arrival(message))


def _after_commit_send(message: Message) -> None:
    from caredesk.tickets.tasks import deliver_message

    message_id = message.pk
    transaction.on_commit(lambda: deliver_message.enqueue(message_id))


def do_open_ticket(
    *,
    customer: Customer,
    channel: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    attachments: Sequence[dict[str, Any]] = (),
    external_id: str | None = None,
    team: Team | None = None,
    priority: str = Priority.NORMAL,
    follow_up_of: Ticket | None = None,
    at: datetime | None = None,
) -> Ticket:
    """A new ticket holding the customer's first message."""
    message = do_receive_first_message(
        customer=customer,
        channel=channel,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        attachments=attachments,
        external_id=external_id,
        team=team,
        priority=priority,
        follow_up_of=follow_up_of,
        at=at,
    )
    return message.ticket


def do_receive_first_message(
    *,
    customer: Customer,
    channel: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    attachments: Sequence[dict[str, Any]] = (),
    external_id: str | None = None,
    team: Team | None = None,
    priority: str = Priority.NORMAL,
    follow_up_of: Ticket | None = None,
    at: datetime | None = None,
) -> Message:
    """`do_open_ticket`, returning the customer's message (its ticket is `message.ticket`)."""
    _check_channel(channel)
    body_text = _clean_body(body_text, attachments=attachments)
    if priority not in Priority.values:
        raise CaredeskError(f"Unknown priority {priority!r}.")
    if customer.merged_into_id is not None:
        customer = Customer.objects.get(pk=customer.merged_into_id)
    at = at or timezone.now()
    with transaction.atomic(savepoint=False):
        ticket = insert(
            Ticket(
                subject=_clean_subject(subject, body_text),
                customer=customer,
                channel=channel,
                priority=priority,
                team=team,
                follow_up_of=follow_up_of,
                created_at=at,
                updated_at=at,
                last_message_at=at,
                waiting_since=at,
            )
        )
        message = insert(
            Message(
                ticket=ticket,
                author_kind=AuthorKind.CUSTOMER,
                author_customer=customer,
                channel=channel,
                body_text=body_text,
                body_html=sanitize_html(body_html),
                attachments=list(attachments),
                external_id=external_id,
                created_at=at,
            )
        )
        record(actor=None, action="open_ticket", obj=ticket, after=_snapshot(ticket), at=at)
        _after_commit_read(message)
    return message


def do_receive_message(
    *,
    ticket: Ticket,
    body_text: str,
    body_html: str = "",
    channel: str | None = None,
    attachments: Sequence[dict[str, Any]] = (),
    external_id: str | None = None,
    at: datetime | None = None,
) -> Message:
    """Store a customer's message on their ticket.

    A solved ticket reopens; a pending or on-hold one opens. A closed ticket is final,
    so the message starts a new ticket linked to it (see `message.ticket`). The same
    `external_id` on the same channel twice is one message: the stored one is returned.
    """
    channel = channel or ticket.channel
    _check_channel(channel)
    body_text = _clean_body(body_text, attachments=attachments)
    if external_id is not None:
        existing = Message.objects.filter(channel=channel, external_id=external_id).first()
        if existing is not None:
            return existing
    return do_receive_new_message(
        ticket=ticket,
        body_text=body_text,
        body_html=body_html,
        channel=channel,
        attachments=attachments,
        external_id=external_id,
        at=at,
    )


def do_receive_new_message(
    *,
    ticket: Ticket,
    body_text: str,
    body_html: str = "",
    channel: str | None = None,
    attachments: Sequence[dict[str, Any]] = (),
    external_id: str | None = None,
    at: datetime | None = None,
) -> Message:
    """`do_receive_message` for a channel that has ruled out duplicates itself.

    It skips the look-up by `external_id`; a repeated one fails on the unique
    constraint with IntegrityError instead of returning the stored message.
    """
    channel = channel or ticket.channel
    _check_channel(channel)
    body_text = _clean_body(body_text, attachments=attachments)
    at = at or timezone.now()
    with transaction.atomic(savepoint=False):
        ticket = locked(Ticket, ticket.pk)
        if ticket.status == Status.CLOSED:
            return do_receive_first_message(
                customer=ticket.customer,
                channel=channel,
                subject=ticket.subject,
                body_text=body_text,
                body_html=body_html,
                attachments=attachments,
                external_id=external_id,
                team=ticket.team,
                priority=ticket.priority,
                follow_up_of=ticket,
                at=at,
            )
        before = _snapshot(ticket)
        message = insert(
            Message(
                ticket=ticket,
                author_kind=AuthorKind.CUSTOMER,
                author_customer_id=ticket.customer_id,
                channel=channel,
                body_text=body_text,
                body_html=sanitize_html(body_html),
                attachments=list(attachments),
                external_id=external_id,
                created_at=at,
            )
        )
        if ticket.status == Status.SOLVED:
            ticket.status = Status.OPEN
            ticket.reopen_count += 1
        elif ticket.status in (Status.PENDING, Status.ON_HOLD):
            ticket.status = Status.OPEN
        ticket.waiting_since = ticket.waiting_since or at
        ticket.last_message_at = at
        ticket.updated_at = at
        update(
            ticket,
            fields=["status", "reopen_count", "waiting_since", "last_message_at", "updated_at"],
        )
        record(
            actor=None,
            action="receive_message",
            obj=ticket,
            before=before,
            after={**_snapshot(ticket), "message": message.pk},
            at=at,
        )
        _after_commit_read(message)
    return message


def do_reply(
    *,
    ticket: Ticket,
    agent: User,
    body_text: str,
    body_html: str = "",
    attachments: Sequence[dict[str, Any]] = (),
    at: datetime | None = None,
) -> Message:
    """A public reply from an agent; sent on the ticket's channel after the commit."""
    body_text = _clean_body(body_text, attachments=attachments)
    at = at or timezone.now()
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
        if ticket.status == Status.CLOSED:
            raise TicketClosed(
                f"Ticket #{ticket.pk} is closed; a reply cannot be added to a closed ticket."
            )
        before = _snapshot(ticket)
        transport = transport_for(ticket.channel)
        message = Message.objects.create(
            ticket=ticket,
            author_kind=AuthorKind.AGENT,
            author_agent=agent,
            channel=ticket.channel,
            body_text=body_text,
            body_html=sanitize_html(body_html),
            attachments=list(attachments),
            created_at=at,
            delivery=Delivery.SENDING if transport else Delivery.NOT_SENT,
        )
        if ticket.first_response_at is None:
            ticket.first_response_at = at
        if ticket.status == Status.NEW:
            ticket.status = Status.OPEN
        ticket.waiting_since = None
        ticket.last_message_at = at
        ticket.updated_at = at
        ticket.save()
        record(
            actor=agent,
            action="reply",
            obj=ticket,
            before=before,
            after={**_snapshot(ticket), "message": message.pk},
            at=at,
        )
        _after_commit_read(message)
        if transport is not None:
            _after_commit_send(message)
    return message


def do_add_note(
    *, ticket: Ticket, agent: User, body_text: str, at: datetime | None = None
) -> Message:
    """An internal note: seen by the team, never by the customer."""
    body_text = _clean_body(body_text)
    at = at or timezone.now()
    with transaction.atomic():
        message = Message.objects.create(
            ticket=ticket,
            author_kind=AuthorKind.AGENT,
            author_agent=agent,
            visibility=Visibility.INTERNAL,
            channel=ticket.channel,
            body_text=body_text,
            created_at=at,
        )
        Ticket.objects.filter(pk=ticket.pk).update(updated_at=at)
        record(actor=agent, action="add_note", obj=ticket, after={"message": message.pk}, at=at)
    return message


def do_add_system_message(
    *, ticket: Ticket, body_text: str, author_kind: str = AuthorKind.SYSTEM, send: bool = False
) -> Message:
    """A message written by caredesk itself or a bot (acknowledgements, automations).

    With `send`, it also goes to the customer on the ticket's channel after the commit.
    """
    if author_kind not in (AuthorKind.SYSTEM, AuthorKind.BOT):
        raise CaredeskError("System messages are written by the system or a bot.")
    body_text = _clean_body(body_text)
    at = timezone.now()
    transport = transport_for(ticket.channel) if send else None
    with transaction.atomic(savepoint=False):
        message = insert(
            Message(
                ticket=ticket,
                author_kind=author_kind,
                channel=ticket.channel,
                body_text=body_text,
                created_at=at,
                delivery=Delivery.SENDING if transport else Delivery.NOT_SENT,
            )
        )
        record(actor=None, action="system_message", obj=ticket, after={"message": message.pk})
        if transport is not None:
            _after_commit_send(message)
    return message


def _refuse_if_closed(ticket: Ticket, what: str) -> None:
    if ticket.status == Status.CLOSED:
        raise TicketClosed(f"Ticket #{ticket.pk} is closed; it cannot be {what}.")


def do_assign(
    *, ticket: Ticket, assignee: User | None, actor: User | None, at: datetime | None = None
) -> Ticket:
    """Give the ticket to an agent (or to nobody). Keeps its team unless it had none."""
    if assignee is not None and not assignee.is_active:
        raise CaredeskError(f"{assignee} is not an active agent.")
    at = at or timezone.now()
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
        _refuse_if_closed(ticket, "reassigned")
        before = _snapshot(ticket)
        ticket.assignee = assignee
        if assignee is not None and ticket.team_id is None:
            ticket.team = assignee.teams.order_by("name").first()
        ticket.updated_at = at
        ticket.save()
        record(
            actor=actor, action="assign", obj=ticket, before=before, after=_snapshot(ticket), at=at
        )
    return ticket


def do_transfer(
    *,
    ticket: Ticket,
    actor: User,
    note: str,
    to_agent: User | None = None,
    to_team: Team | None = None,
    at: datetime | None = None,
) -> Handoff:
    """Hand the ticket to another agent or team, with a note for whoever picks it up."""
    if not isinstance(note, str) or not note.strip():
        raise HandoffNoteRequired(
            "A transfer needs a handoff note, so the next person need not ask the customer again."
        )
    if to_agent is None and to_team is None:
        raise CaredeskError("A transfer needs an agent or a team to go to.")
    if to_agent is not None and not to_agent.is_active:
        raise CaredeskError(f"{to_agent} is not an active agent.")
    if (
        to_agent is not None
        and to_team is not None
        and not to_agent.teams.filter(pk=to_team.pk).exists()
    ):
        raise CaredeskError(f"{to_agent} is not a member of {to_team}.")
    at = at or timezone.now()
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
        _refuse_if_closed(ticket, "transferred")
        if to_agent is not None and to_agent.pk == ticket.assignee_id and to_team is None:
            raise CaredeskError(f"Ticket #{ticket.pk} is already with {to_agent}.")
        before = _snapshot(ticket)
        handoff = Handoff.objects.create(
            ticket=ticket,
            by_agent=actor,
            from_agent=ticket.assignee,
            from_team=ticket.team,
            to_agent=to_agent,
            to_team=to_team,
            note=note.strip(),
            created_at=at,
        )
        ticket.assignee = to_agent
        if to_team is not None:
            ticket.team = to_team
        elif to_agent is not None and (
            ticket.team_id is None or not to_agent.teams.filter(pk=ticket.team_id).exists()
        ):
            ticket.team = to_agent.teams.order_by("name").first()
        ticket.transfer_count += 1
        ticket.updated_at = at
        ticket.save()
        record(
            actor=actor,
            action="transfer",
            obj=ticket,
            before=before,
            after={**_snapshot(ticket), "handoff": handoff.pk},
            at=at,
        )
    return handoff


def _move(ticket: Ticket, *, to: str, actor: User | None, action: str, at: datetime) -> Ticket:
    """Change status along an allowed transition; called inside a transaction."""
    locked = Ticket.objects.select_for_update().get(pk=ticket.pk)
    if not locked.can_move_to(to):
        raise InvalidTransition(
            f"Ticket #{locked.pk} is {locked.get_status_display().lower()}; "
            f"it cannot move to {Status(to).label.lower()}."
        )
    before = _snapshot(locked)
    locked.status = to
    if to == Status.SOLVED:
        locked.solved_at = at
        locked.waiting_since = None
    elif to == Status.CLOSED:
        locked.closed_at = at
    elif before["status"] == Status.SOLVED:
        locked.reopen_count += 1
    locked.updated_at = at
    locked.save()
    record(actor=actor, action=action, obj=locked, before=before, after=_snapshot(locked), at=at)
    return locked


def do_set_status(
    *, ticket: Ticket, status: str, actor: User | None, at: datetime | None = None
) -> Ticket:
    """Move to open, pending or on hold. Solving, reopening and closing have their own actions."""
    if status not in (Status.OPEN, Status.PENDING, Status.ON_HOLD):
        raise InvalidTransition(
            f"Use solve, reopen or close for {status!r}; set_status moves to open, pending or on hold."
        )
    if ticket.status == Status.SOLVED:
        raise InvalidTransition(f"Ticket #{ticket.pk} is solved; reopen it first.")
    with transaction.atomic():
        return _move(ticket, to=status, actor=actor, action="set_status", at=at or timezone.now())


def do_solve(*, ticket: Ticket, actor: User | None, at: datetime | None = None) -> Ticket:
    with transaction.atomic():
        return _move(ticket, to=Status.SOLVED, actor=actor, action="solve", at=at or timezone.now())


def do_reopen(*, ticket: Ticket, actor: User | None, at: datetime | None = None) -> Ticket:
    if ticket.status != Status.SOLVED:
        raise InvalidTransition(
            f"Only a solved ticket can be reopened; #{ticket.pk} is {ticket.get_status_display().lower()}."
        )
    with transaction.atomic():
        return _move(ticket, to=Status.OPEN, actor=actor, action="reopen", at=at or timezone.now())


def do_close(*, ticket: Ticket, actor: User | None, at: datetime | None = None) -> Ticket:
    with transaction.atomic():
        return _move(ticket, to=Status.CLOSED, actor=actor, action="close", at=at or timezone.now())


def do_set_priority(*, ticket: Ticket, priority: str, actor: User | None) -> Ticket:
    if priority not in Priority.values:
        raise CaredeskError(f"Unknown priority {priority!r}.")
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
        _refuse_if_closed(ticket, "changed")
        before = _snapshot(ticket)
        ticket.priority = priority
        ticket.updated_at = timezone.now()
        ticket.save()
        record(
            actor=actor, action="set_priority", obj=ticket, before=before, after=_snapshot(ticket)
        )
    return ticket


def do_set_tags(*, ticket: Ticket, tags: Iterable[str], actor: User | None) -> Ticket:
    """Replace the ticket's tags. Tag names are lower-case slugs; unknown ones are created."""
    names = sorted({_tag_name(name) for name in tags})
    with transaction.atomic():
        ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
        _refuse_if_closed(ticket, "changed")
        before = sorted(ticket.tags.values_list("name", flat=True))
        tag_rows = [Tag.objects.get_or_create(name=name)[0] for name in names]
        ticket.tags.set(tag_rows)
        ticket.updated_at = timezone.now()
        ticket.save(update_fields=["updated_at"])
        record(
            actor=actor,
            action="set_tags",
            obj=ticket,
            before={"tags": before},
            after={"tags": names},
        )
    return ticket


def _tag_name(raw: str) -> str:
    name = "-".join(str(raw).strip().lower().split())
    if not name or len(name) > 50 or not all(ch.isalnum() or ch in "-_" for ch in name):
        raise CaredeskError(f"{raw!r} is not a tag: use letters, digits, '-' and '_' (at most 50).")
    return name
