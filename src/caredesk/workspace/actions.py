"""Writes the workspace makes: macros, desk settings, presence, and the checks that
stand in front of the ticket actions (who may reassign; "send anyway?")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from caredesk.accounts.models import Team, User
from caredesk.audit.actions import record
from caredesk.customers.models import Customer
from caredesk.lib.errors import CaredeskError, NotAllowed
from caredesk.tickets.actions import do_assign, do_reply
from caredesk.tickets.models import Message, Ticket
from caredesk.workspace.coach import Coaching, coach_draft, review_dict
from caredesk.workspace.models import DeskSettings, Macro, Presence

# --- macros ----------------------------------------------------------------------

PLACEHOLDERS = (
    "customer.name",
    "customer.first_name",
    "ticket.id",
    "ticket.subject",
    "agent.name",
    "agent.first_name",
    "team.name",
)
_PLACEHOLDER = re.compile(r"\{([a-z_]+\.[a-z_]+)\}")
MAX_MACRO_CHARS = 10_000


def unknown_placeholders(body: str) -> list[str]:
    return sorted({name for name in _PLACEHOLDER.findall(body) if name not in PLACEHOLDERS})


def fill_placeholders(body: str, values: dict[str, str]) -> str:
    """Replace each known {placeholder}; anything else in braces is left as written."""
    return _PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), body)


def placeholder_values(*, ticket: Ticket, agent: User) -> dict[str, str]:
    customer: Customer = ticket.customer
    return {
        "customer.name": customer.name or "there",
        "customer.first_name": customer.first_name or "there",
        "ticket.id": str(ticket.pk),
        "ticket.subject": ticket.subject,
        "agent.name": agent.get_full_name() or agent.username,
        "agent.first_name": agent.first_name or agent.username,
        "team.name": ticket.team.name if ticket.team_id and ticket.team else "",
    }


SAMPLE_VALUES = {
    "customer.name": "Sam Rivera",
    "customer.first_name": "Sam",
    "ticket.id": "1234",
    "ticket.subject": "Order 1234 has not arrived",
    "agent.name": "Alex Morgan",
    "agent.first_name": "Alex",
    "team.name": "Support",
}


def _clean_macro(name: str, body: str) -> tuple[str, str]:
    name = " ".join(str(name or "").split())[:120]
    body = str(body or "").replace("\x00", "").strip()
    if not name:
        raise CaredeskError("A macro needs a name.")
    if not body:
        raise CaredeskError("A macro needs some text.")
    if len(body) > MAX_MACRO_CHARS:
        raise CaredeskError(f"A macro is at most {MAX_MACRO_CHARS:,} characters.")
    unknown = unknown_placeholders(body)
    if unknown:
        known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
        raise CaredeskError(
            f"Unknown placeholder {', '.join('{' + u + '}' for u in unknown)}. Use one of: {known}."
        )
    return name, body


def _score_macro(body: str) -> dict[str, Any] | None:
    """The engine's review of the macro as a customer would read it; None without the engine."""
    try:
        return review_dict(
            draft=fill_placeholders(body, SAMPLE_VALUES), customer_text=None, history=[]
        )
    except Exception:
        return None


def _check_may_edit_macro(actor: User, team: Team | None) -> None:
    if actor.is_desk_admin:
        return
    if team is None and not actor.is_lead:
        raise NotAllowed("Only a team lead or an admin can write a macro for everyone.")
    if team is not None and not actor.teams.filter(pk=team.pk).exists():
        raise NotAllowed(f"You are not on {team}, so you cannot write its macros.")


def do_create_macro(*, actor: User, name: str, body: str, team: Team | None) -> Macro:
    name, body = _clean_macro(name, body)
    _check_may_edit_macro(actor, team)
    review = _score_macro(body)
    now = timezone.now()
    with transaction.atomic():
        macro = Macro.objects.create(
            name=name,
            body=body,
            team=team,
            created_by=actor,
            care=review,
            care_score=review["score"] if review else None,
            created_at=now,
            updated_at=now,
        )
        record(actor=actor, action="create_macro", obj=macro, after={"name": name})
    return macro


def do_update_macro(*, macro: Macro, actor: User, name: str, body: str, team: Team | None) -> Macro:
    name, body = _clean_macro(name, body)
    _check_may_edit_macro(actor, macro.team)
    _check_may_edit_macro(actor, team)
    review = _score_macro(body)
    with transaction.atomic():
        before = {"name": macro.name, "body": macro.body, "team": macro.team_id}
        macro.name, macro.body, macro.team = name, body, team
        macro.care, macro.care_score = review, (review["score"] if review else None)
        macro.updated_at = timezone.now()
        macro.save()
        record(
            actor=actor,
            action="update_macro",
            obj=macro,
            before=before,
            after={"name": name, "body": body, "team": macro.team_id},
        )
    return macro


def do_delete_macro(*, macro: Macro, actor: User) -> None:
    _check_may_edit_macro(actor, macro.team)
    with transaction.atomic():
        record(actor=actor, action="delete_macro", obj=macro, before={"name": macro.name})
        macro.delete()


# --- desk settings ---------------------------------------------------------------


def desk_settings() -> DeskSettings:
    settings, _ = DeskSettings.objects.get_or_create(pk=1)
    return settings


def do_set_desk_settings(*, actor: User, confirm_risky_replies: bool) -> DeskSettings:
    if not actor.is_desk_admin:
        raise NotAllowed("Only an admin can change the desk settings.")
    with transaction.atomic():
        settings = DeskSettings.objects.select_for_update().get_or_create(pk=1)[0]
        before = {"confirm_risky_replies": settings.confirm_risky_replies}
        settings.confirm_risky_replies = bool(confirm_risky_replies)
        settings.updated_at = timezone.now()
        settings.save()
        record(
            actor=actor,
            action="set_desk_settings",
            obj=settings,
            before=before,
            after={"confirm_risky_replies": settings.confirm_risky_replies},
        )
    return settings


# --- the checks in front of ticket actions ---------------------------------------


def check_assign(*, ticket: Ticket, actor: User, assignee: User | None) -> Ticket:
    """Agents take or drop a ticket themselves; leads give it to their teams; admins to anyone."""
    if assignee is not None and not actor.is_desk_admin and assignee.pk != actor.pk:
        if not actor.is_lead:
            raise NotAllowed(
                "Only a team lead can give a ticket to someone else. "
                "Use Transfer, with a handoff note, to pass it on."
            )
        if not assignee.teams.filter(pk__in=actor.teams.values("pk")).exists():
            raise NotAllowed(f"{assignee} is not on one of your teams.")
    if (
        assignee is None
        and not actor.is_lead
        and ticket.assignee_id is not None
        and ticket.assignee_id != actor.pk
    ):
        raise NotAllowed("Only a team lead can take a ticket away from someone else.")
    return do_assign(ticket=ticket, assignee=assignee, actor=actor)


class ConfirmationNeeded(CaredeskError):
    """The admin asked for a "send anyway?" before this kind of reply; nothing was sent."""

    def __init__(self, message: str, coaching: Coaching) -> None:
        super().__init__(message)
        self.coaching = coaching


def check_reply(*, ticket: Ticket, agent: User, body_text: str, confirmed: bool) -> Message:
    """Send a reply, unless the desk asks to confirm a risky one and it was not confirmed."""
    if not confirmed and desk_settings().confirm_risky_replies and body_text.strip():
        coaching = coach_draft(ticket=ticket, agent=agent, draft=body_text)
        if coaching.asks_confirmation:
            names = " and ".join(risk.name.lower() for risk in coaching.risks)
            raise ConfirmationNeeded(
                f"This reply reads as {names}, and this customer's last message is "
                "high-intensity or high-stakes. Send it anyway, or edit it first?",
                coaching,
            )
    return do_reply(ticket=ticket, agent=agent, body_text=body_text)


# --- presence --------------------------------------------------------------------

PRESENT_FOR = timedelta(seconds=30)
TYPING_FOR = timedelta(seconds=8)


@dataclass(frozen=True)
class Viewer:
    name: str
    typing: bool


def do_mark_present(
    *, ticket: Ticket, user: User, typing: bool = False, at: datetime | None = None
) -> None:
    """Note that this person has the ticket open (and is typing). Not audited: it is not a change."""
    at = at or timezone.now()
    defaults: dict[str, Any] = {"seen_at": at}
    if typing:
        defaults["typing_at"] = at
    Presence.objects.update_or_create(ticket=ticket, user=user, defaults=defaults)


def do_leave(*, ticket: Ticket, user: User) -> None:
    Presence.objects.filter(ticket=ticket, user=user).delete()


def others_here(*, ticket: Ticket, user: User, at: datetime | None = None) -> list[Viewer]:
    at = at or timezone.now()
    rows = (
        Presence.objects.filter(ticket=ticket, seen_at__gte=at - PRESENT_FOR)
        .exclude(user=user)
        .select_related("user")
        .order_by("user__first_name", "user__username")
    )
    return [
        Viewer(
            name=str(row.user),
            typing=row.typing_at is not None and row.typing_at >= at - TYPING_FOR,
        )
        for row in rows
    ]
