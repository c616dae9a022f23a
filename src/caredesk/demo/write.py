"""Turning a DeskPlan into rows: people through the actions, history in bulk.

Teams and agents go through `caredesk.accounts.actions` (there are few, and they get
audit rows). Customers, tickets, messages, handoffs and tag links are inserted with
`bulk_create` in batches, inside one transaction: the per-ticket actions would take
hours for 100,000 tickets. The rows keep the invariants the actions keep (see
`story.Story`); generated history gets no audit rows.
"""

from __future__ import annotations

import json
import multiprocessing
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
from caredesk.demo.bulk import Inserter, adapt_datetime, next_id, reset_sequences
from caredesk.demo.care_reading import HISTORY_SIZE, CareJob, CareResult, run_job
from caredesk.demo.generate import DAY, HOUR, DeskPlan, PlanTicket
from caredesk.demo.scenarios import TEAMS
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
    plan: DeskPlan,
    *,
    now: datetime | None = None,
    workers: int = 0,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Write the plan. `workers` > 0 reads the care of each batch in that many processes."""
    started = clock.monotonic()
    now = now or timezone.now()
    writer = _Writer(plan, now, workers)
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
    def __init__(self, plan: DeskPlan, now: datetime, workers: int) -> None:
        self.plan = plan
        self.workers = workers
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
        self.history_of: dict[int, deque[str]] = {}

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
        start = next_id(Customer)
        rows: list[tuple[int, str, Any]] = []
        identities: list[tuple[int, str, str, Any]] = []
        for offset, customer in enumerate(self.plan.customers):
            seen = first_clock.get(customer.index, 30 * DAY)
            at = adapt_datetime(self.created_at(seen + customer.known_for_days * DAY + HOUR))
            pk = start + offset
            rows.append((pk, customer.name, at))
            identities.extend(
                (pk, kind, normalize_identity(kind, value), at)
                for kind, value in customer.identities
            )
        Inserter(Customer, ["id", "name", "created_at"]).insert(rows)
        Inserter(Identity, ["customer_id", "kind", "value", "created_at"]).insert(identities)
        reset_sequences(Customer)
        self.customer_ids = [row[0] for row in rows]
        self.summary.customers = len(rows)

    def _tag_id(self, name: str) -> int:
        if name not in self.tag_ids:
            self.tag_ids[name] = Tag.objects.get_or_create(name=name)[0].pk
        return self.tag_ids[name]

    # -- tickets and their history -------------------------------------------------------
    def history(self, progress: Callable[[int], None] | None) -> None:
        self.next_ticket = next_id(Ticket)
        self.tickets_out = Inserter(Ticket, TICKET_COLUMNS)
        self.messages_out = Inserter(Message, MESSAGE_COLUMNS)
        self.handoffs_out = Inserter(Handoff, HANDOFF_COLUMNS)
        self.tags_out = Inserter(Ticket.tags.through, ["ticket_id", "tag_id"])
        chunks = _chunks(self.plan.tickets(), CHUNK)
        if self.workers <= 0:
            for chunk in chunks:
                self._write_chunk(chunk, run_job(self._job(chunk)))
                if progress is not None:
                    progress(self.summary.tickets)
        else:
            run_job(CareJob(["warm up"], [], {}))  # load the model once, before forking
            # fork: the workers inherit the loaded model and never touch the database.
            with multiprocessing.get_context("fork").Pool(self.workers) as pool:
                pending: deque[tuple[list[PlanTicket], Any]] = deque()
                for chunk in chunks:
                    pending.append((chunk, pool.apply_async(run_job, (self._job(chunk),))))
                    while len(pending) > self.workers or (pending and pending[0][1].ready()):
                        done, result = pending.popleft()
                        self._write_chunk(done, result.get())
                        if progress is not None:
                            progress(self.summary.tickets)
                while pending:
                    done, result = pending.popleft()
                    self._write_chunk(done, result.get())
                    if progress is not None:
                        progress(self.summary.tickets)
        reset_sequences(Ticket)

    def _job(self, chunk: list[PlanTicket]) -> CareJob:
        """The care work of a batch; keeps each agent's running history of replies."""
        texts: list[str] = []
        replies: list[tuple[str, int, int]] = []
        before: dict[int, list[str]] = {}
        for plan in chunk:
            answered = -1
            for m in plan.messages:
                if m.author == "customer":
                    texts.append(m.text)
                    answered = len(texts) - 1
                elif m.author == "agent" and not m.internal:
                    assert m.agent is not None
                    agent_id = self.agent_ids[m.agent]
                    recent = self.history_of.setdefault(agent_id, deque(maxlen=HISTORY_SIZE))
                    if agent_id not in before:
                        before[agent_id] = list(recent)
                    replies.append((m.text, answered, agent_id))
                    recent.append(m.text)
        return CareJob(customer_texts=texts, replies=replies, history=before)

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

    def _write_chunk(self, chunk: list[PlanTicket], care: CareResult) -> None:
        customer_care = iter(care.customers)
        reply_care = iter(care.replies)
        tickets: list[tuple[Any, ...]] = []
        messages: list[tuple[Any, ...]] = []
        handoffs: list[tuple[Any, ...]] = []
        tag_links: list[tuple[int, int]] = []
        agent_ids, team_ids = self.agent_ids, self.team_ids
        for plan in chunk:
            skeleton = plan.skeleton
            created, scale = self._times(plan)

            def at(offset: float, created: datetime = created, scale: float = scale) -> Any:
                return adapt_datetime(created + timedelta(seconds=offset * scale))

            def maybe(offset: float | None, at: Callable[[float], Any] = at) -> Any:
                return None if offset is None else at(offset)

            pk = self.next_ticket
            self.next_ticket += 1
            self.ticket_ids[skeleton.index] = pk
            customer_id = self.customer_ids[skeleton.customer]
            channel = skeleton.channel
            latest: tuple[str, str, float, str, float] | None = None
            for m in plan.messages:
                if m.author == "customer":
                    latest = next(customer_care)
                    messages.append(
                        (pk, AuthorKind.CUSTOMER.value, None, customer_id, Visibility.PUBLIC.value,
                         channel, m.text, json.dumps(m.attachments), at(m.at), latest[0], "")
                    )  # fmt: skip
                elif m.author == "system":
                    messages.append(
                        (pk, AuthorKind.SYSTEM.value, None, None, Visibility.PUBLIC.value,
                         channel, m.text, "[]", at(m.at), None, "")
                    )  # fmt: skip
                else:
                    assert m.agent is not None
                    internal = m.internal
                    messages.append(
                        (pk, AuthorKind.AGENT.value, agent_ids[m.agent], None,
                         Visibility.INTERNAL.value if internal else Visibility.PUBLIC.value,
                         channel, m.text, "[]", at(m.at),
                         None if internal else next(reply_care),
                         Delivery.SENT.value if channel == "email" and not internal else "")
                    )  # fmt: skip
            assert latest is not None
            parent = skeleton.follow_up_of
            subject = plan.subject
            if parent is not None:
                subject = self.subjects.get(parent, subject)
            elif skeleton.must_close:
                self.subjects[skeleton.index] = subject
            created_db = adapt_datetime(created)
            tickets.append(
                (pk, subject, customer_id, channel, plan.status, plan.priority,
                 None if plan.assignee is None else agent_ids[plan.assignee],
                 team_ids[plan.team], None if parent is None else self.ticket_ids.get(parent),
                 created_db, at(plan.updated_at), maybe(plan.first_response_at),
                 maybe(plan.solved_at), maybe(plan.closed_at), plan.reopen_count,
                 plan.transfer_count, maybe(plan.waiting_since), at(plan.last_message_at),
                 latest[1], latest[2], latest[3], latest[4])
            )  # fmt: skip
            if skeleton.must_close and plan.closed_at is not None:
                self.closed_at[skeleton.index] = created + timedelta(seconds=plan.closed_at * scale)
            handoffs.extend(
                (pk, agent_ids[h.by_agent],
                 None if h.from_agent is None else agent_ids[h.from_agent],
                 None if h.from_team is None else team_ids[h.from_team],
                 agent_ids[h.to_agent], team_ids[h.to_team], h.note, at(h.at))
                for h in plan.handoffs
            )  # fmt: skip
            tag_links.extend((pk, self._tag_id(name)) for name in dict.fromkeys(plan.tags))
        self.tickets_out.insert(tickets)
        self.messages_out.insert(messages)
        self.handoffs_out.insert(handoffs)
        self.tags_out.insert(tag_links)
        self.summary.tickets += len(tickets)
        self.summary.messages += len(messages)
        self.summary.handoffs += len(handoffs)


TICKET_COLUMNS = [
    "id", "subject", "customer_id", "channel", "status", "priority", "assignee_id", "team_id",
    "follow_up_of_id", "created_at", "updated_at", "first_response_at", "solved_at",
    "closed_at", "reopen_count", "transfer_count", "waiting_since", "last_message_at",
    "care_emotion", "care_intensity", "care_labels", "care_attention",
]  # fmt: skip
MESSAGE_COLUMNS = [
    "ticket_id", "author_kind", "author_agent_id", "author_customer_id", "visibility",
    "channel", "body_text", "attachments", "created_at", "care", "delivery",
]  # fmt: skip
HANDOFF_COLUMNS = [
    "ticket_id", "by_agent_id", "from_agent_id", "from_team_id", "to_agent_id", "to_team_id",
    "note", "created_at",
]  # fmt: skip
