from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from caredesk.accounts.models import Role, Team, User
from caredesk.customers.models import Customer, Identity
from caredesk.demo.generate import plan_desk
from caredesk.demo.write import DEMO_PASSWORD
from caredesk.tickets.care import attention_score, care_labels
from caredesk.tickets.models import AuthorKind, Handoff, Message, Status, Ticket, Visibility

SMALL = 150  # tickets in the generated desk the database tests read


def _desk_snapshot() -> list[Any]:
    """Text and structure of the desk, without dates (which follow today's date)."""
    out = []
    for ticket in Ticket.objects.order_by("created_at", "id").prefetch_related("tags"):
        out.append(
            (
                ticket.subject, ticket.status, ticket.channel, ticket.priority,
                ticket.customer.name, ticket.reopen_count, ticket.transfer_count,
                sorted(tag.name for tag in ticket.tags.all()),
                [
                    (m.author_kind, m.visibility, m.body_text)
                    for m in ticket.messages.order_by("created_at", "id")
                ],
                [h.note for h in ticket.handoffs.order_by("created_at", "id")],
            )
        )  # fmt: skip
    return out


@pytest.fixture
def desk(db: None) -> None:
    call_command("demo", "--tickets", str(SMALL), "--seed", "3", verbosity=0)


def test_the_default_numbers_meet_the_promise() -> None:
    plan = plan_desk(seed=7, tickets=1500)
    teams = {agent.team for agent in plan.agents if agent.team is not None}
    assert len(teams) >= 3
    assert len([a for a in plan.agents if a.role != "admin"]) >= 12
    assert len(plan.customers) >= 300
    assert len(plan.skeletons) == 1500


def test_a_plan_is_the_same_for_the_same_seed_and_differs_for_another() -> None:
    def texts(seed: int) -> list[list[str]]:
        return [[m.text for m in t.messages] for t in plan_desk(seed=seed, tickets=80).tickets()]

    assert texts(5) == texts(5)
    assert texts(5) != texts(6)


def test_the_desk_has_every_channel_stakes_transfers_reopens_and_both_kinds_of_reply() -> None:
    plan = plan_desk(seed=11, tickets=800)
    tickets = list(plan.tickets())
    channels = Counter(t.skeleton.channel for t in tickets)
    assert set(channels) == {"email", "chat", "phone", "social"}
    stakes = Counter(t.skeleton.scenario.stakes for t in tickets if t.skeleton.scenario.stakes)
    assert set(stakes) >= {"health", "bereavement", "financial", "travel", "deadline", "legal"}
    assert 0.1 < sum(stakes.values()) / len(tickets) < 0.4
    assert sum(1 for t in tickets if t.handoffs) > 20
    assert sum(1 for t in tickets if t.reopen_count) > 20
    assert sum(1 for t in tickets if t.skeleton.follow_up_of is not None) > 5
    statuses = Counter(t.status for t in tickets)
    assert set(statuses) == set(Status.values)
    assert (statuses["solved"] + statuses["closed"]) / len(tickets) > 0.6
    recent = [t for t in tickets if t.skeleton.day < 2]
    assert sum(1 for t in recent if t.status in ("new", "open", "pending")) > len(recent) / 2
    replies = [
        m.text for t in tickets for m in t.messages if m.author == "agent" and not m.internal
    ]
    assert any("policy" in r for r in replies)  # careless: policy first
    assert any("I totally understand your frustration" in r for r in replies)  # scripted
    assert any("Which would you prefer?" in r for r in replies)  # caring: options
    assert any(m.internal for t in tickets for m in t.messages)  # internal notes
    unfilled = [m.text for t in tickets for m in t.messages if "{" in m.text]
    assert unfilled == []


def test_the_desk_keeps_the_invariants_the_actions_keep(desk: None) -> None:
    assert Ticket.objects.count() == SMALL
    assert Team.objects.count() >= 3
    for ticket in Ticket.objects.prefetch_related("messages", "handoffs"):
        messages = sorted(ticket.messages.all(), key=lambda m: (m.created_at, m.pk))
        assert messages[0].author_kind == AuthorKind.CUSTOMER
        assert messages[0].created_at == ticket.created_at
        public = [m for m in messages if m.visibility == Visibility.PUBLIC]
        replies = [m for m in public if m.author_kind == AuthorKind.AGENT]
        assert ticket.first_response_at == (replies[0].created_at if replies else None)
        talk = [m for m in public if m.author_kind != AuthorKind.SYSTEM]
        assert ticket.last_message_at == talk[-1].created_at
        assert ticket.updated_at >= ticket.last_message_at
        assert ticket.transfer_count == len(ticket.handoffs.all())
        assert all(h.note.strip() for h in ticket.handoffs.all())
        if ticket.status in (Status.SOLVED, Status.CLOSED):
            assert ticket.solved_at is not None and ticket.solved_at >= ticket.created_at
            assert ticket.waiting_since is None
        elif ticket.reopen_count == 0:
            assert ticket.solved_at is None
        assert (ticket.closed_at is not None) == (ticket.status == Status.CLOSED)
        if ticket.closed_at is not None:
            assert ticket.solved_at is not None and ticket.closed_at > ticket.solved_at
        if ticket.status == Status.NEW:
            assert not replies
        # waiting_since: the oldest customer message after the last public reply, if any.
        after_reply = [m for m in talk if not replies or m.created_at > replies[-1].created_at]
        waiting = [m for m in after_reply if m.author_kind == AuthorKind.CUSTOMER]
        if ticket.status not in (Status.SOLVED, Status.CLOSED):
            assert ticket.waiting_since == (waiting[0].created_at if waiting else None)
        customer_messages = [m for m in messages if m.author_kind == AuthorKind.CUSTOMER]
        assert all(m.care and m.care["type"] == "customer_signal" for m in customer_messages)
        assert all(m.care and m.care["type"] == "reply_review" for m in replies)
        latest = customer_messages[-1].care
        assert latest is not None
        assert ticket.care_emotion == latest["emotion"]
        assert ticket.care_labels == care_labels(latest)
        assert ticket.care_attention == attention_score(latest)
        assert all(m.author_customer_id == ticket.customer_id for m in customer_messages)
    for child in Ticket.objects.filter(follow_up_of__isnull=False).select_related("follow_up_of"):
        parent = child.follow_up_of
        assert parent is not None and parent.status == Status.CLOSED
        assert parent.closed_at is not None and child.created_at > parent.closed_at
        assert child.customer_id == parent.customer_id


def test_customers_have_identities_and_some_write_on_two_channels(desk: None) -> None:
    assert Customer.objects.count() >= 300
    assert not Customer.objects.filter(identities__isnull=True).exists()
    kinds = Counter(Identity.objects.values_list("kind", flat=True))
    assert set(kinds) == {"email", "chat", "phone", "social"}
    channels_per_customer = Counter(
        Ticket.objects.values_list("customer_id", "channel")
        .distinct()
        .values_list("customer_id", flat=True)
    )
    assert any(count > 1 for count in channels_per_customer.values())
    assert Message.objects.filter(visibility=Visibility.INTERNAL).exists()
    assert Handoff.objects.exists()


def test_the_same_seed_writes_the_same_desk(desk: None) -> None:
    first = _desk_snapshot()
    call_command("demo", "--tickets", str(SMALL), "--seed", "3", "--reset", verbosity=0)
    assert _desk_snapshot() == first


def test_if_empty_leaves_a_desk_with_tickets_alone(desk: None) -> None:
    before = (Ticket.objects.count(), Message.objects.count(), User.objects.count())
    call_command("demo", "--if-empty", verbosity=0)
    assert (Ticket.objects.count(), Message.objects.count(), User.objects.count()) == before
    with pytest.raises(CommandError, match="--reset"):
        call_command("demo", "--tickets", "10", verbosity=0)


def test_demo_sign_ins_work(desk: None) -> None:
    admin = User.objects.get(username="admin")
    lead = User.objects.get(username="lead")
    assert admin.is_superuser and admin.role == Role.ADMIN
    assert lead.role == Role.LEAD
    assert lead.teams.filter(pk=Team.objects.order_by("id").first().pk).exists()  # type: ignore[union-attr]
    assert User.objects.get(username="alice").role == Role.AGENT
    for username in ("admin", "lead", "alice", "marco"):
        assert Client().login(username=username, password=DEMO_PASSWORD), username


def test_the_reading_cache_forgets_safely_when_full(monkeypatch: pytest.MonkeyPatch) -> None:
    from caredesk.demo import care_reading

    monkeypatch.setattr(care_reading, "CACHE_LIMIT", 3)
    reader = care_reading.CareReader()
    first = reader.read_customers(["Thanks!", "Where is my order?"])
    again = reader.read_customers(["Thanks!", "I was charged twice.", "Hello?"])
    assert first[0][1] == again[0][1]
    assert [r[1]["type"] for r in again] == ["customer_signal"] * 3
