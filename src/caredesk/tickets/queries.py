"""Reads worth naming. `access_ticket_by_id` is the only way a view gets a ticket."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from caredesk.accounts.models import User
from caredesk.tickets.models import AuthorKind, CareReadingFailure, Message, Ticket


def visible_tickets(user: User) -> QuerySet[Ticket]:
    """The tickets this person may see.

    Admins see every ticket. Agents and leads see their teams' tickets, tickets
    assigned to them, and tickets not yet routed to any team (the shared triage pool).
    """
    tickets = Ticket.objects.all()
    if not user.is_authenticated or not user.is_active:
        return tickets.none()
    if user.is_desk_admin:
        return tickets
    # `team__in` is a subquery, not a join, so no row repeats and no DISTINCT is needed
    # (DISTINCT over the whole ticket table is what made large inboxes slow).
    return tickets.filter(Q(team__in=user.teams.all()) | Q(assignee=user) | Q(team__isnull=True))


def access_ticket_by_id(user: User, ticket_id: int) -> Ticket:
    """The ticket, if this person may see it; 404 otherwise (never reveal that it exists)."""
    tickets = visible_tickets(user).select_related("customer", "assignee", "team")
    try:
        return tickets.get(pk=ticket_id)
    except (Ticket.DoesNotExist, ValueError, TypeError):
        raise Http404("No such ticket.") from None


def unread_customer_messages(
    *, stored_before: datetime, now: datetime, with_failed: bool = False
) -> QuerySet[Message]:
    """Customer messages with no care reading, stored before `stored_before`, oldest first.

    A message whose reading failed is left out until its retry time (see
    `CareReadingFailure`), unless `with_failed`. Served by the partial index
    `message_unread_customer`.
    """
    messages = Message.objects.filter(
        author_kind=AuthorKind.CUSTOMER, care__isnull=True, created_at__lt=stored_before
    )
    if not with_failed:
        waiting_to_retry = CareReadingFailure.objects.filter(
            message=OuterRef("pk"), retry_after__gt=now
        )
        messages = messages.exclude(Exists(waiting_to_retry))
    return messages.order_by("created_at", "id")
