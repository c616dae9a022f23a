"""One ticket's story: the messages, transfers and status changes, in order.

`Story.tell()` plays the ticket forward through a small state machine that mirrors
`caredesk.tickets.actions` (receive, reply, note, transfer, set status, solve,
close), so the summary fields it ends with (first response, solved and closed
times, reopen and transfer counts, who is waiting since when) are the ones the
actions would have left.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import TYPE_CHECKING

from caredesk.demo import phrases as ph
from caredesk.demo import vocab
from caredesk.demo.scenarios import TEAMS, Scenario

if TYPE_CHECKING:
    from caredesk.demo.generate import AgentPlan, DeskPlan, PlanTicket, Skeleton

HOUR = 3600.0
DAY = 86400.0
MINUTE = 60.0
CLOSE_AFTER_SECONDS = 3 * DAY  # solved tickets close themselves after three days
ATTACHMENT = {"name": "photo.jpg", "content_type": "image/jpeg", "size": 284_113}

# The status a ticket ends in, by how many days ago it was opened: recent tickets are
# still being worked, older ones are mostly solved and closed.
_STATUS_BY_AGE: tuple[tuple[int, dict[str, float]], ...] = (
    (1, {"new": 30, "open": 33, "pending": 17, "on_hold": 4, "solved": 16}),
    (4, {"new": 6, "open": 25, "pending": 25, "on_hold": 8, "solved": 36}),
    (10, {"open": 7, "pending": 9, "on_hold": 5, "solved": 34, "closed": 45}),
    (10_000, {"open": 1, "pending": 1.5, "on_hold": 1.5, "solved": 3, "closed": 93}),
)


class _Slots(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, slots: dict[str, str]) -> str:
    return template.format_map(slots) if "{" in template else template


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def compose_customer(
    rng: random.Random, channel: str, body: Sequence[str], slots: dict[str, str]
) -> str:
    """A customer's message on this channel: greeting, the lines, a sign-off."""
    text = fill(_join(*body), slots)
    greeting = fill(rng.choice(ph.CUSTOMER_GREETINGS[channel]), slots)
    signoff = fill(rng.choice(ph.CUSTOMER_SIGNOFFS[channel]), slots)
    if channel == "email":
        return "\n\n".join(part for part in (greeting, text, signoff) if part)
    if channel == "chat" and rng.random() < 0.2:
        text = text.lower()
    return _join(greeting, text, signoff)


class Story:
    def __init__(
        self, plan: DeskPlan, skeleton: Skeleton, members: dict[int, list[AgentPlan]]
    ) -> None:
        from caredesk.demo.generate import PlanHandoff, PlanMessage

        self._message_cls = PlanMessage
        self._handoff_cls = PlanHandoff
        self.plan = plan
        self.sk = skeleton
        self.sc: Scenario = skeleton.scenario
        self.members = members
        self.rng = random.Random(f"{plan.seed}:{skeleton.index}")
        # A follow-up ticket shares its parent's particulars (order, product, subject).
        origin = skeleton.index if skeleton.follow_up_of is None else skeleton.follow_up_of
        self.slot_rng = random.Random(f"{plan.seed}:{origin}:slots")
        self.channel = skeleton.channel
        self.customer = plan.customers[skeleton.customer]
        self.slots = self._slots()
        self.emotion = self._pick_emotion()
        self.messages: list[PlanMessage] = []
        self.handoffs: list[PlanHandoff] = []
        # The state the actions keep on a ticket.
        self.t = 0.0
        self.status = "new"
        self.team = TEAMS.index(self.sc.team)
        self.assignee: int | None = None
        self.first_response: float | None = None
        self.solved: float | None = None
        self.closed: float | None = None
        self.waiting: float | None = None
        self.last_message = 0.0
        self.updated = 0.0
        self.reopens = 0
        self.careless_streak = 0
        self.acknowledged = False
        self.tags = list(self.sc.tags)

    # -- setting the scene -------------------------------------------------------
    def _slots(self) -> _Slots:
        rng = self.slot_rng
        first, _, _ = self.customer.name.partition(" ")
        event, day = rng.choice(vocab.GIFT_EVENTS)
        products = vocab.HEALTH_PRODUCTS if self.sc.stakes == "health" else vocab.PRODUCTS
        cents = rng.choice(("00", "99", "50", "95"))
        amount = rng.randint(12, 480)
        code = rng.choice(("SK", "AU", "MJ", "CL"))
        date = rng.randint(1, 28)
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(date, "th")
        somebody = rng.choice(self.plan.agents[1:])
        return _Slots(
            name=first,
            full=self.customer.name,
            company=vocab.COMPANY,
            order=f"FW-{rng.randint(100_000, 999_999)}",
            ref=str(rng.randint(10_000, 99_999)),
            product=rng.choice(products),
            amount=f"€{amount}.{cents}",
            amount2=f"€{max(5, amount - rng.randint(5, 40))}.{cents}",
            card=str(rng.randint(1000, 9999)),
            carrier=rng.choice(vocab.CARRIERS),
            city=rng.choice(vocab.CITIES),
            airline=rng.choice(vocab.AIRLINES),
            flight=f"{code}{rng.randint(100, 999)}",
            flight2=f"{code}{rng.randint(100, 999)}",
            event=event,
            day=day,
            relative=rng.choice(vocab.RELATIVES),
            plan=rng.choice(vocab.PLANS),
            place=rng.choice(vocab.APP_PLACES),
            device=rng.choice(vocab.DEVICES),
            weekday=rng.choice(vocab.WEEKDAYS),
            days=str(rng.randint(2, 12)),
            date=f"the {date}{suffix}",
            agent=somebody.first_name,
            prev_agent=somebody.first_name,
            initial=somebody.first_name[0],
        )

    def _pick_emotion(self) -> str:
        emotions = list(self.sc.emotion_weights)
        return self.rng.choices(emotions, [self.sc.emotion_weights[e] for e in emotions])[0]

    def _target_status(self) -> str:
        if self.sk.must_close:
            return "closed"
        for max_day, weights in _STATUS_BY_AGE:
            if self.sk.day < max_day:
                statuses = list(weights)
                return self.rng.choices(statuses, [weights[s] for s in statuses])[0]
        raise AssertionError("unreachable")

    # -- the clock ------------------------------------------------------------------
    def _local_hour(self, t: float) -> float:
        return (self.sk.hour + t / HOUR) % 24

    def _business(self, t: float) -> float:
        """Agents answer in working hours: push a time outside 08:00-19:00 to the next morning."""
        hour = self._local_hour(t)
        if 8 <= hour < 19:
            return t
        until_eight = (8 - hour) % 24
        return t + until_eight * HOUR + self.rng.uniform(0, 1.5) * HOUR

    def _wait(self, median_minutes: float, spread: float = 0.8) -> float:
        return max(20.0, self.rng.lognormvariate(math.log(median_minutes), spread) * MINUTE)

    def _agent_delay(self, first: bool) -> float:
        medians = {"chat": 3, "phone": 4, "social": 45, "email": 180}
        median = medians[self.channel] * (1 if first else 0.8)
        return self._business(self.t + self._wait(median)) - self.t

    def _customer_delay(self) -> float:
        medians = {"chat": 3, "phone": 1440, "social": 120, "email": 600}
        return self._wait(medians[self.channel], 0.9)

    # -- actions, as the real ones do them -----------------------------------------
    def _customer(self, body: Sequence[str], *, attach: bool = False) -> None:
        text = compose_customer(self.rng, self.channel, body, self.slots)
        self.messages.append(
            self._message_cls("customer", None, False, text, self.t, [dict(ATTACHMENT)] if attach else [])
        )  # fmt: skip
        if self.status == "solved":
            self.status = "open"
            self.reopens += 1
        elif self.status in ("pending", "on_hold"):
            self.status = "open"
        self.waiting = self.waiting if self.waiting is not None else self.t
        self.last_message = self.updated = self.t

    def _reply(self, agent: AgentPlan, text: str) -> None:
        self.messages.append(self._message_cls("agent", agent.index, False, text, self.t))
        if self.first_response is None:
            self.first_response = self.t
        if self.status == "new":
            self.status = "open"
        if self.assignee is None:
            self.assignee = agent.index
        self.waiting = None
        self.last_message = self.updated = self.t

    def _note(self, agent: AgentPlan, text: str) -> None:
        self.messages.append(self._message_cls("agent", agent.index, True, text, self.t))
        self.updated = self.t

    def _system(self, text: str) -> None:
        self.messages.append(self._message_cls("system", None, False, text, self.t))

    def _set_status(self, status: str) -> None:
        self.status = status
        self.updated = self.t

    def _solve(self) -> None:
        self.status = "solved"
        self.solved = self.t
        self.waiting = None
        self.updated = self.t

    def _close(self) -> None:
        self.status = "closed"
        self.closed = self.t
        self.updated = self.t

    # -- who answers, and how --------------------------------------------------------
    def _pick_agent(self, team: int, *, other_than: int | None = None) -> AgentPlan:
        people = [a for a in self.members[team] if a.index != other_than] or self.members[team]
        return self.rng.choice(people)

    def _agent_slots(self, agent: AgentPlan) -> dict[str, str]:
        slots = _Slots(self.slots)
        slots["agent"] = agent.first_name
        slots["initial"] = agent.first_name[0]
        return slots

    def _write_reply(self, agent: AgentPlan, kind: str, *, context: bool = False) -> str:
        """A reply of `kind` (first, info, hold, fix, chase) in this agent's manner."""
        rng, sc = self.rng, self.sc
        caring = rng.random() < agent.care
        slots = self._agent_slots(agent)
        needs_care = self.emotion not in ("neutral", "gratitude") or bool(sc.stakes)
        lines: list[str] = []
        if caring:
            if (
                needs_care
                and sc.ack
                and kind != "fix"
                and (not self.acknowledged or rng.random() < 0.4)
            ):
                self.acknowledged = True
                lines.append(rng.choice(sc.ack))
            if rng.random() < 0.15:
                lines.append(agent.stock_phrase)
            if context:
                lines.append(rng.choice(ph.USES_CONTEXT))
            if kind == "info" and sc.ask_info:
                lines.append(rng.choice(sc.ask_info))
            elif kind == "hold" and sc.hold:
                lines.append(rng.choice(sc.hold))
            elif kind == "fix" or not sc.own:
                lines.append(rng.choice(sc.fix or ("I've sorted this for you.",)))
            else:
                lines.append(rng.choice(sc.own))
                if sc.options and rng.random() < 0.6:
                    lines.append(rng.choice(sc.options))
                if sc.next_steps:
                    lines.append(rng.choice(sc.next_steps))
            if kind != "fix" and rng.random() < 0.55:
                lines.append(rng.choice(ph.CHECKS))
            self.careless_streak = 0
        else:
            if rng.random() < 0.75:
                lines.append(
                    agent.stock_phrase if rng.random() < 0.7 else rng.choice(ph.SCRIPTED_EMPATHY)
                )
            if kind == "fix" or (not sc.own and rng.random() < 0.5):
                lines.append(rng.choice(sc.fix or ("This is done.",)))
                if rng.random() < 0.3:
                    lines.append(rng.choice(ph.PREMATURE_CLOSE))
            elif kind == "info" and sc.ask_info:
                lines.append(rng.choice(sc.ask_info))
            elif kind == "hold":
                lines.append(rng.choice(ph.VAGUE))
            else:
                pools = [p for p in (sc.policy, sc.cold, sc.blame, ph.VAGUE) if p]
                lines.append(rng.choice(rng.choice(pools)))
                self.careless_streak += 1
            if rng.random() < 0.03:
                lines.append(rng.choice(ph.CREEPY))
            lines.append(rng.choice(ph.REFLEXIVE))
        greeting = rng.choice(ph.AGENT_GREETINGS[self.channel])
        signoff = rng.choice(ph.AGENT_SIGNOFFS[self.channel])
        text = fill(_join(*lines), slots)
        if self.channel == "email":
            return f"{fill(greeting, slots)}\n\n{text}{fill(signoff, slots)}"
        return f"{fill(greeting, slots)} {text}{fill(signoff, slots)}"

    def _transfer(self, by: AgentPlan) -> AgentPlan:
        rng, sc = self.rng, self.sc
        to_team = TEAMS.index(sc.transfer_team) if sc.transfer_team else self.team
        if to_team == self.team and len(self.members[to_team]) < 2:
            to_team = (self.team + 1) % len(TEAMS)
        to_agent = self._pick_agent(to_team, other_than=self.assignee)
        slots = _Slots(self.slots)
        slots["team"] = TEAMS[to_team]
        if rng.random() < by.care:
            tried = rng.choice(sc.tried) if sc.tried else "nothing yet"
            slots.update(
                summary=fill(rng.choice(sc.summary), slots) if sc.summary else "",
                tried_short=fill(tried, slots).rstrip("."),
                need=rng.choice(ph.HANDOFF_NEEDS),
                tone=rng.choice(ph.HANDOFF_TONES),
            )
            note = fill(rng.choice(ph.HANDOFF_WARM), slots).strip()
        else:
            note = fill(rng.choice(ph.HANDOFF_CURT), slots)
        self.handoffs.append(
            self._handoff_cls(by.index, self.assignee, self.team, to_agent.index, to_team, note, self.t)
        )  # fmt: skip
        self.assignee = to_agent.index
        self.team = to_team
        self.updated = self.t
        self.slots["prev_agent"] = by.first_name
        if "escalated" not in self.tags and self.sc.priority in ("high", "urgent"):
            self.tags.append("escalated")
        return to_agent

    # -- the story -------------------------------------------------------------------
    def tell(self) -> PlanTicket:
        rng, sc = self.rng, self.sc
        target = self._target_status()
        follow_up = self.sk.follow_up_of is not None
        repeat = follow_up or rng.random() < 0.1
        tried = bool(sc.tried) and rng.random() < 0.35
        churn = self.emotion == "anger" and rng.random() < 0.25
        opening: list[str] = []
        if follow_up:
            opening.append(rng.choice(ph.FOLLOW_UP_OPENERS))
        elif repeat:
            opening.append(rng.choice(ph.REPEAT_CONTACT))
        opening.append(rng.choice(sc.openers[self.emotion]))
        if tried:
            opening.append(rng.choice(sc.tried))
        if churn:
            opening.append(rng.choice(ph.CHURN))
        if self.emotion != "gratitude" and self.channel != "phone":
            opening.append(rng.choice(ph.ASKS))
        self._customer(opening)
        if self.channel == "email" and rng.random() < 0.3:
            self.t += 4
            self._system(rng.choice(ph.HOLDING))

        if target == "new":
            if rng.random() < 0.25:
                self.t += self._customer_delay() / 3
                self._customer(
                    [
                        rng.choice(ph.REPEAT_CONTACT),
                        fill(rng.choice(sc.chasers or ph.ASKS), self.slots),
                    ]
                )
            return self._finish(follow_up)

        agent = self._pick_agent(self.team)
        self.t += self._agent_delay(first=True)
        if rng.random() < 0.1:
            self._note(agent, fill(rng.choice(sc.notes or ph.GENERIC_NOTES), self.slots))
            self.t += rng.uniform(30, 300)
        context = repeat or tried
        if rng.random() < sc.transfer_rate:
            # Triage: the first person sends it on before answering.
            agent = self._transfer(agent)
            self.t += self._agent_delay(first=False)
            context = True
        first_kind = "info" if sc.ask_info and rng.random() < 0.35 else "first"
        if target == "on_hold" and not sc.ask_info:
            first_kind = "first"
        self._reply(agent, self._write_reply(agent, first_kind, context=context))
        last_kind = first_kind

        rounds = rng.choices((0, 1, 2, 3), (45, 35, 15, 5))[0] if sc.own else 0
        rounds += self.careless_streak
        for _ in range(min(rounds, 3)):
            if self.t > 6 * DAY:
                break
            self.t += self._customer_delay()
            if last_kind == "info" and sc.info:
                self._customer([rng.choice(sc.info)], attach="attach" in " ".join(sc.info))
            else:
                body = [rng.choice(sc.chasers or ph.ASKS)]
                if self.careless_streak:
                    pool = ph.PUSHBACK if rng.random() < 0.6 else ph.REPEAT_CONTACT
                    body.insert(0, rng.choice(pool))
                    if rng.random() < 0.3:
                        body.append(rng.choice(ph.CHURN))
                self._customer(body)
            if rng.random() < sc.transfer_rate * 1.5 + 0.02 * self.careless_streak:
                self.t += rng.uniform(2, 40) * MINUTE
                agent = self._transfer(agent)
                if rng.random() < 0.4:
                    self.t += self._customer_delay() / 2
                    self._customer([rng.choice(ph.REPEATED_STORY)])
            elif rng.random() < 0.08:
                self.t += rng.uniform(2, 30) * MINUTE
                self._note(agent, fill(rng.choice(sc.notes or ph.GENERIC_NOTES), self.slots))
            self.t += self._agent_delay(first=False)
            last_kind = "chase"
            self._reply(agent, self._write_reply(agent, "chase", context=True))

        self._end(agent, target)
        return self._finish(follow_up)

    def _end(self, agent: AgentPlan, target: str) -> None:
        rng, sc = self.rng, self.sc
        if target == "open":
            if rng.random() < 0.7:
                self.t += self._customer_delay()
                self._customer([rng.choice(sc.chasers or ph.ASKS)])
            return
        if target == "pending":
            self.t += self._agent_delay(first=False)
            if sc.ask_info:
                self._reply(agent, self._write_reply(agent, "info"))
            self._set_status("pending")
            return
        if target == "on_hold":
            self.t += self._agent_delay(first=False)
            self._reply(agent, self._write_reply(agent, "hold"))
            self._set_status("on_hold")
            return
        # solved or closed
        self.t += self._agent_delay(first=False)
        self._reply(agent, self._write_reply(agent, "fix"))
        if rng.random() < 0.45:
            self.t += self._customer_delay()
            self._customer([rng.choice(ph.THANKS)])
        self.t += rng.uniform(1, 90) * MINUTE
        self._solve()
        if rng.random() < 0.09 and self.t < 5 * DAY:
            # It was not really fixed: the customer writes back and the ticket reopens.
            self.t += self._customer_delay() + HOUR
            chaser = fill(rng.choice(sc.chasers or ph.ASKS), self.slots)
            self._customer([rng.choice(ph.STILL_BROKEN).replace("{chaser}", chaser)])
            self.t += self._agent_delay(first=False)
            self._reply(agent, self._write_reply(agent, "fix", context=True))
            self.t += rng.uniform(5, 120) * MINUTE
            self._solve()
        if target == "closed":
            self.t += CLOSE_AFTER_SECONDS + rng.uniform(0, 2 * HOUR)
            self._close()

    def _finish(self, follow_up: bool) -> PlanTicket:
        from caredesk.demo.generate import PlanTicket

        rng, sc = self.rng, self.sc
        priority = sc.priority
        if priority == "normal":
            roll = rng.random()
            priority = "low" if roll < 0.1 else "high" if roll < 0.2 else "normal"
        if self.emotion == "anger" and self.reopens:
            priority = "high" if priority in ("low", "normal") else priority
        if self.status == "new" and rng.random() < 0.7:
            assignee = None
        elif self.assignee is None:
            assignee = self._pick_agent(self.team).index
        else:
            assignee = self.assignee
        tags = list(self.tags)
        if follow_up or self.reopens:
            tags.append("repeat-contact")
        if rng.random() < 0.03:
            tags.append("vip")
        subject = fill(self.slot_rng.choice(sc.subjects), self.slots)
        return PlanTicket(
            skeleton=self.sk,
            subject=subject,
            priority=priority,
            status=self.status,
            team=self.team,
            assignee=assignee,
            tags=tags,
            messages=self.messages,
            handoffs=self.handoffs,
            solved_at=self.solved,
            closed_at=self.closed,
            first_response_at=self.first_response,
            waiting_since=self.waiting,
            last_message_at=self.last_message,
            updated_at=self.updated,
            reopen_count=self.reopens,
            transfer_count=len(self.handoffs),
        )
