"""The demo desk as a plan in memory: people, customers and each ticket's whole story.

Pure Python, no database. Everything comes from `random.Random` seeded by the demo
seed (each ticket from its own seed, so a ticket's story does not depend on how the
work is batched). Times are kept as offsets on a plan clock whose day 0 is today and
whose hours are local hours; `write.py` turns them into datetimes relative to now,
so dates move with the calendar while text and structure stay fixed for a seed.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from caredesk.demo import phrases as ph
from caredesk.demo import vocab
from caredesk.demo.scenarios import SCENARIOS, SUPPORT, TEAMS, Scenario
from caredesk.demo.story import Story, compose_customer

DAYS = 90
HOUR = 3600.0
DAY = 86400.0

CHANNEL_WEIGHTS = {"email": 45, "chat": 30, "phone": 12, "social": 13}
# When customers write, by local hour: quiet nights, a working-day peak, a busy evening.
HOUR_WEIGHTS = (
    0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.5, 1.2, 2.4, 3.2, 3.4, 3.3,
    3.0, 3.1, 3.2, 3.0, 2.8, 2.5, 2.1, 1.9, 1.7, 1.4, 0.9, 0.5,
)  # fmt: skip
_HOUR_CUM = list(itertools.accumulate(HOUR_WEIGHTS))


@dataclass(frozen=True)
class AgentPlan:
    index: int
    username: str
    first_name: str
    last_name: str
    role: str  # agent | lead | admin
    team: int | None  # index into TEAMS
    care: float  # how often this person writes a caring reply
    stock_phrase: str  # the scripted line they fall back on


@dataclass(frozen=True)
class CustomerPlan:
    index: int
    name: str
    channels: tuple[str, ...]  # first is where they write most
    identities: tuple[tuple[str, str], ...]  # (kind, value), already canonical
    weight: float
    known_for_days: float  # how long before their first ticket the profile existed


@dataclass
class Skeleton:
    """What is decided for every ticket up front: who, where, when and what about."""

    index: int
    customer: int
    channel: str
    scenario: Scenario
    day: int
    hour: float
    follow_up_of: int | None = None
    must_close: bool = False

    @property
    def clock(self) -> float:
        """Creation time on the plan clock, in seconds before the start of today (larger = older)."""
        return self.day * DAY - self.hour * HOUR


@dataclass
class PlanMessage:
    author: str  # customer | agent | system
    agent: int | None
    internal: bool
    text: str
    at: float  # seconds after the ticket was created
    attachments: list[dict[str, object]] = field(default_factory=list)


@dataclass
class PlanHandoff:
    by_agent: int
    from_agent: int | None
    from_team: int | None
    to_agent: int
    to_team: int
    note: str
    at: float


@dataclass
class PlanTicket:
    skeleton: Skeleton
    subject: str
    priority: str
    status: str
    team: int
    assignee: int | None
    tags: list[str]
    messages: list[PlanMessage]
    handoffs: list[PlanHandoff]
    solved_at: float | None
    closed_at: float | None
    first_response_at: float | None
    waiting_since: float | None
    last_message_at: float
    updated_at: float
    reopen_count: int
    transfer_count: int


@dataclass(frozen=True)
class DeskPlan:
    seed: int
    agents: list[AgentPlan]
    customers: list[CustomerPlan]
    skeletons: list[Skeleton]  # oldest first

    def team_members(self, team: int) -> list[AgentPlan]:
        return [a for a in self.agents if a.team == team and a.role != "admin"]

    def tickets(self) -> Iterator[PlanTicket]:
        members = {t: self.team_members(t) for t in range(len(TEAMS))}
        for skeleton in self.skeletons:
            yield Story(self, skeleton, members).tell()


def plan_desk(*, seed: int, tickets: int) -> DeskPlan:
    rng = random.Random(seed)
    agents = _plan_agents(rng, tickets)
    customers = _plan_customers(rng, max(320, tickets // 5))
    skeletons = _plan_skeletons(rng, tickets, customers)
    return DeskPlan(seed=seed, agents=agents, customers=customers, skeletons=skeletons)


def _plan_agents(rng: random.Random, tickets: int) -> list[AgentPlan]:
    count = max(14, math.ceil(tickets / 2500))
    people: list[tuple[str, str, str, str, int | None]] = [
        ("admin", "Ada", "Admin", "admin", None),
        ("lead", "Nora", "Lindgren", "lead", 0),
        ("alice", "Alice", "Moreno", "agent", 0),
    ]
    cast = itertools.chain(
        vocab.AGENT_CAST[1:],
        ((first, last) for last in vocab.LAST_NAMES for first in vocab.FIRST_NAMES),
    )  # fmt: skip
    taken = {"admin", "lead", "alice"}
    for first, last in cast:
        if len(people) >= count + 1:
            break
        username = first.lower()
        if username in taken:
            username = f"{first}.{last}".lower().replace("'", "")
        if username in taken:
            continue
        taken.add(username)
        home = (len(people) - 1) % len(TEAMS)
        people.append((username, first, last, "agent", home))
    agents = []
    for index, (username, first, last, role, team) in enumerate(people):
        band = rng.random()
        if username == "alice":
            care = 0.8
        elif band < 0.4:
            care = rng.uniform(0.75, 0.95)
        elif band < 0.8:
            care = rng.uniform(0.45, 0.7)
        else:
            care = rng.uniform(0.15, 0.35)
        agents.append(
            AgentPlan(index, username, first, last, role, team, round(care, 3),
                      rng.choice(ph.SCRIPTED_EMPATHY))
        )  # fmt: skip
    return agents


def _plan_customers(rng: random.Random, count: int) -> list[CustomerPlan]:
    channels = list(CHANNEL_WEIGHTS)
    weights = list(CHANNEL_WEIGHTS.values())
    customers = []
    for index in range(count):
        first = rng.choice(vocab.FIRST_NAMES)
        last = rng.choice(vocab.LAST_NAMES)
        mine = [rng.choices(channels, weights)[0]]
        if rng.random() < 0.35:
            other = rng.choices(channels, weights)[0]
            if other not in mine:
                mine.append(other)
        slug = f"{first}.{last}".lower().replace("'", "")
        identities: list[tuple[str, str]] = []
        if any(c in ("email", "chat") for c in mine) or rng.random() < 0.5:
            identities.append(("email", f"{slug}{index}@{rng.choice(vocab.EMAIL_DOMAINS)}"))
        if "chat" in mine:
            identities.append(("chat", f"visitor-{rng.getrandbits(48):012x}"))
        if "phone" in mine:
            identities.append(("phone", f"+447700{index:07d}"))
        if "social" in mine:
            identities.append(("social", f"@{slug.replace('.', '_')}{index}"))
        customers.append(
            CustomerPlan(
                index=index,
                name=f"{first} {last}",
                channels=tuple(mine),
                identities=tuple(identities),
                weight=rng.paretovariate(1.4),
                known_for_days=rng.uniform(0, 700) if rng.random() < 0.6 else 0.0,
            )
        )
    return customers


def _plan_skeletons(
    rng: random.Random, count: int, customers: Sequence[CustomerPlan]
) -> list[Skeleton]:
    scenario_weights = [s.weight for s in SCENARIOS]
    customer_cum = list(itertools.accumulate(c.weight for c in customers))
    total = customer_cum[-1]
    skeletons: list[Skeleton] = []
    while len(skeletons) < count:
        index = len(skeletons)
        customer = customers[bisect.bisect_left(customer_cum, rng.random() * total)]
        scenario = rng.choices(SCENARIOS, scenario_weights)[0]
        channel = customer.channels[0] if rng.random() < 0.7 else rng.choice(customer.channels)
        if scenario.stakes == "travel" and channel == "social" and rng.random() < 0.5:
            channel = "chat"
        # A steady flow over the quarter, plus the last few days' work still in the inbox.
        recent = rng.random() < 0.08
        day = rng.randint(0, 3) if recent else min(DAYS - 1, int(rng.random() * DAYS))
        hour = bisect.bisect_left(_HOUR_CUM, rng.random() * _HOUR_CUM[-1]) + rng.random()
        skeleton = Skeleton(index, customer.index, channel, scenario, day, hour)
        skeletons.append(skeleton)
        # Some closed tickets come back: the customer writes again and a linked ticket opens.
        if day >= 20 and len(skeletons) < count and rng.random() < 0.04:
            skeleton.must_close = True
            child_day = rng.randint(0, day - 12)
            child_hour = bisect.bisect_left(_HOUR_CUM, rng.random() * _HOUR_CUM[-1]) + rng.random()
            skeletons.append(
                Skeleton(len(skeletons), customer.index, channel, scenario, child_day,
                         child_hour, follow_up_of=index)
            )  # fmt: skip
    # Oldest first, so ticket ids grow with time as they would on a real desk.
    order = sorted(skeletons, key=lambda s: (-s.clock, s.index))
    return order


def team_index(name: str) -> int:
    return TEAMS.index(name) if name in TEAMS else TEAMS.index(SUPPORT)


__all__ = ["DeskPlan", "PlanTicket", "compose_customer", "plan_desk"]
