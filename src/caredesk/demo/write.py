"""Turning a DeskPlan into rows: people through the actions, history in bulk.

Teams and agents go through `caredesk.accounts.actions` (there are few, and they get
audit rows). Customers, tickets, messages, handoffs and tag links are inserted with
`bulk_create` in batches, inside one transaction: the per-ticket actions would take
hours for 100,000 tickets. The rows keep the invariants the actions keep (see
`story.Story`); generated history gets no audit rows.
"""

from __future__ import annotations

import time as clock
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from itertools import islice
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from caredesk.accounts.actions import do_create_agent, do_create_team
from caredesk.accounts.models import Team, User
from caredesk.audit.models import AuditEvent
from caredesk.customers.identity import normalize_identity
from caredesk.customers.models import Customer, Identity
from caredesk.demo.care_reading import CareReader
from caredesk.demo.generate import DAY, HOUR, DeskPlan, PlanTicket
from caredesk.demo.scenarios import TEAMS
from caredesk.tickets.care import attention_score, care_labels
from caredesk.tickets.models import (
    AuthorKind,
    Delivery,
    Handoff,
    Message,
    Tag,
    Ticket,
    Visibility,
)

DEMO_PASSWORD = "caredesk-demo"
CHUNK = 1000  # tickets expanded, read and inserted together
HISTORY_SIZE = 20  # an agent's recent replies the scripted-empathy check sees


@dataclass
class Summary:
    teams: int = 0
    agents: int = 0
    customers: int = 0
    tickets: int = 0
    messages: int = 0
    handoffs: int = 0
    seconds: float = 0.0


def desk_is_empty() -> bool:
    return not Ticket.objects.exists()


def delete_desk_data() -> None:
    """Remove tickets, customers, tags, people and the audit trail (demo --reset)."""
    with transaction.atomic():
        Ticket.objects.update(follow_up_of=None)
        Handoff.objects.all().delete()
        Message.objects.all().delete()
        Ticket.tags.through.objects.all().delete()
        Ticket.objects.all().delete()
        Tag.objects.all().delete()
        Customer.objects.update(merged_into=None)
        Identity.objects.all().delete()
        Customer.objects.all().delete()
        AuditEvent.objects.all().delete()
        User.objects.all().delete()
        Team.objects.all().delete()


def write_desk(
    plan: DeskPlan, *, now: datetime | None = None, progress: Callable[[int], None] | None = None
) -> Summary:
    started = clock.monotonic()
    now = now or timezone.now()
    writer = _Writer(plan, now)
    with transaction.atomic():
        writer.people()
        writer.customers()
        writer.history(progress)
    writer.summary.seconds = clock.monotonic() - started
    return writer.summary


def _chunks(items: Iterable[PlanTicket], size: int) -> Iterator[list[PlanTicket]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class _Writer:
    def __init__(self, plan: DeskPlan, now: datetime) -> None:
        self.plan = plan
        self.now = now
        tz = timezone.get_current_timezone()
        today = timezone.localtime(now, tz).date()
        self.midnight = datetime.combine(today, time(0), tzinfo=tz)
        self.summary = Summary()
        self.team_ids: list[int] = []
        self.agent_ids: list[int] = []
        self.customer_ids: list[int] = []
        self.tag_ids: dict[str, int] = {}
        self.ticket_ids: dict[int, int] = {}  # plan index -> pk
        self.closed_at: dict[int, datetime] = {}  # plan index -> closed_at, for follow-ups
        self.subjects: dict[int, str] = {}
        self.links: list[tuple[int, int]] = []  # (child pk, parent pk)
        self.history_of: dict[int, deque[str]] = {}
        self.reader = CareReader()

    # -- people -----------------------------------------------------------------------
    def people(self) -> None:
        """Teams and agents; ones that already exist (say, an admin made by hand) are kept."""
        teams = [
            Team.objects.filter(name=name).first() or do_create_team(name=name) for name in TEAMS
        ]
        self.team_ids = [team.pk for team in teams]
        agents, created = [], []
        for person in self.plan.agents:
            agent = User.objects.filter(username=person.username).first()
            if agent is None:
                agent = do_create_agent(
                    username=person.username,
                    password=None,
                    first_name=person.first_name,
                    last_name=person.last_name,
                    email=f"{person.username}@fernway.example",
                    role=person.role,
                    teams=[teams[person.team]] if person.team is not None else [],
                )
                created.append(agent.pk)
            agents.append(agent)
        # One hash for everyone: hashing per agent costs a second each and proves nothing.
        User.objects.filter(pk__in=created).update(password=make_password(DEMO_PASSWORD))
        self.agent_ids = [agent.pk for agent in agents]
        self.summary.teams = len(teams)
        self.summary.agents = len(agents)

    # -- customers --------------------------------------------------------------------
    def created_at(self, clock_seconds: float) -> datetime:
        at = self.midnight - timedelta(seconds=clock_seconds)
        if at > self.now - timedelta(minutes=2):
            at -= timedelta(days=1)  # a working hour later today: yesterday's instead
        return at

    def customers(self) -> None:
        first_clock: dict[int, float] = {}
        for skeleton in self.plan.skeletons:  # oldest first
            first_clock.setdefault(skeleton.customer, skeleton.clock)
        rows = []
        for customer in self.plan.customers:
            seen = first_clock.get(customer.index, 30 * DAY)
            at = self.created_at(seen + customer.known_for_days * DAY + HOUR)
            rows.append(Customer(name=customer.name, created_at=at))
        Customer.objects.bulk_create(rows, batch_size=2000)
        self.customer_ids = [row.pk for row in rows]
        identities = [
            Identity(
                customer_id=row.pk,
                kind=kind,
                value=normalize_identity(kind, value),
                created_at=row.created_at,
            )
            for customer, row in zip(self.plan.customers, rows, strict=True)
            for kind, value in customer.identities
        ]
        Identity.objects.bulk_create(identities, batch_size=2000)
        self.summary.customers = len(rows)

    def _tag_id(self, name: str) -> int:
        if name not in self.tag_ids:
            self.tag_ids[name] = Tag.objects.get_or_create(name=name)[0].pk
        return self.tag_ids[name]

    # -- tickets and their history -------------------------------------------------------
    def history(self, progress: Callable[[int], None] | None) -> None:
        for chunk in _chunks(self.plan.tickets(), CHUNK):
            self._write_chunk(chunk)
            if progress is not None:
                progress(self.summary.tickets)
        if self.links:
            rows = [Ticket(pk=child, follow_up_of_id=parent) for child, parent in self.links]
            Ticket.objects.bulk_update(rows, ["follow_up_of"], batch_size=500)

    def _times(self, plan: PlanTicket) -> tuple[datetime, float]:
        """When the ticket opened, and the factor that keeps its whole story in the past."""
        created = self.created_at(plan.skeleton.clock)
        parent = plan.skeleton.follow_up_of
        if parent is not None and parent in self.closed_at and created <= self.closed_at[parent]:
            created = self.closed_at[parent] + timedelta(hours=1)
        span = max(plan.updated_at, plan.closed_at or 0.0)
        room = (self.now - created).total_seconds() - 60
        scale = 1.0 if span <= room else max(room, 0.0) / span
        return created, scale

    def _write_chunk(self, chunk: list[PlanTicket]) -> None:
        customer_texts = [m.text for p in chunk for m in p.messages if m.author == "customer"]
        readings = iter(self.reader.read_customers(customer_texts))
        tickets: list[Ticket] = []
        messages: list[list[Message]] = []
        handoffs: list[list[Handoff]] = []
        review_items: list[tuple[str, Any, list[str]]] = []
        reviewed: list[Message] = []
        for plan in chunk:
            created, scale = self._times(plan)

            def at(offset: float, created: datetime = created, scale: float = scale) -> datetime:
                return created + timedelta(seconds=offset * scale)

            def maybe(
                offset: float | None, at: Callable[[float], datetime] = at
            ) -> datetime | None:
                return None if offset is None else at(offset)

            customer_id = self.customer_ids[plan.skeleton.customer]
            channel = plan.skeleton.channel
            rows: list[Message] = []
            latest: dict[str, Any] | None = None
            answered: Any = None
            for m in plan.messages:
                if m.author == "customer":
                    signal, reading = next(readings)
                    latest, answered = reading, signal
                    rows.append(
                        Message(
                            author_kind=AuthorKind.CUSTOMER, author_customer_id=customer_id,
                            channel=channel, body_text=m.text, attachments=m.attachments,
                            created_at=at(m.at), care=reading,
                        )
                    )  # fmt: skip
                elif m.author == "system":
                    rows.append(
                        Message(author_kind=AuthorKind.SYSTEM, channel=channel,
                                body_text=m.text, created_at=at(m.at))
                    )  # fmt: skip
                else:
                    assert m.agent is not None
                    agent_id = self.agent_ids[m.agent]
                    message = Message(
                        author_kind=AuthorKind.AGENT, author_agent_id=agent_id,
                        visibility=Visibility.INTERNAL if m.internal else Visibility.PUBLIC,
                        channel=channel, body_text=m.text, created_at=at(m.at),
                        delivery=Delivery.SENT if channel == "email" and not m.internal else "",
                    )  # fmt: skip
                    rows.append(message)
                    if not m.internal:
                        history = self.history_of.setdefault(agent_id, deque(maxlen=HISTORY_SIZE))
                        review_items.append((m.text, answered, list(reversed(history))))
                        reviewed.append(message)
                        history.append(m.text)
            subject = plan.subject
            parent = plan.skeleton.follow_up_of
            if parent is not None:
                subject = self.subjects.get(parent, subject)
            elif plan.skeleton.must_close:
                self.subjects[plan.skeleton.index] = subject
            assert latest is not None
            tickets.append(
                Ticket(
                    subject=subject,
                    customer_id=customer_id,
                    channel=channel,
                    status=plan.status,
                    priority=plan.priority,
                    assignee_id=None if plan.assignee is None else self.agent_ids[plan.assignee],
                    team_id=self.team_ids[plan.team],
                    created_at=created,
                    updated_at=at(plan.updated_at),
                    first_response_at=maybe(plan.first_response_at),
                    solved_at=maybe(plan.solved_at),
                    closed_at=maybe(plan.closed_at),
                    reopen_count=plan.reopen_count,
                    transfer_count=plan.transfer_count,
                    waiting_since=maybe(plan.waiting_since),
                    last_message_at=at(plan.last_message_at),
                    care_emotion=latest["emotion"],
                    care_intensity=latest["intensity"],
                    care_labels=care_labels(latest),
                    care_attention=attention_score(latest),
                )
            )
            messages.append(rows)
            handoffs.append(
                [
                    Handoff(
                        by_agent_id=self.agent_ids[h.by_agent],
                        from_agent_id=None
                        if h.from_agent is None
                        else self.agent_ids[h.from_agent],
                        from_team_id=None if h.from_team is None else self.team_ids[h.from_team],
                        to_agent_id=self.agent_ids[h.to_agent],
                        to_team_id=self.team_ids[h.to_team],
                        note=h.note,
                        created_at=at(h.at),
                    )
                    for h in plan.handoffs
                ]
            )
        for message, review in zip(reviewed, self.reader.review_replies(review_items), strict=True):
            message.care = review
        Ticket.objects.bulk_create(tickets, batch_size=500)
        tag_links: list[Any] = []
        for plan, ticket, rows, moves in zip(chunk, tickets, messages, handoffs, strict=True):
            index = plan.skeleton.index
            self.ticket_ids[index] = ticket.pk
            if plan.skeleton.must_close and ticket.closed_at is not None:
                self.closed_at[index] = ticket.closed_at
            parent = plan.skeleton.follow_up_of
            if parent is not None and parent in self.ticket_ids:
                self.links.append((ticket.pk, self.ticket_ids[parent]))
            for row in rows:
                row.ticket_id = ticket.pk
            for move in moves:
                move.ticket_id = ticket.pk
            tag_links.extend(
                Ticket.tags.through(ticket_id=ticket.pk, tag_id=self._tag_id(name))
                for name in dict.fromkeys(plan.tags)
            )
        all_messages = [row for rows in messages for row in rows]
        all_handoffs = [move for moves in handoffs for move in moves]
        Message.objects.bulk_create(all_messages, batch_size=1000)
        Handoff.objects.bulk_create(all_handoffs, batch_size=1000)
        Ticket.tags.through.objects.bulk_create(tag_links, batch_size=2000)
        self.summary.tickets += len(tickets)
        self.summary.messages += len(all_messages)
        self.summary.handoffs += len(all_handoffs)
