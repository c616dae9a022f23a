"""Reads for the agent workspace: the inbox, a ticket's timeline and its customer's story."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import (
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Substr

from caredesk.accounts.models import User
from caredesk.customers.models import Customer
from caredesk.tickets.models import (
    UNRESOLVED_STATUSES,
    AuthorKind,
    Channel,
    Handoff,
    Message,
    Priority,
    Status,
    Ticket,
    Visibility,
)
from caredesk.tickets.queries import visible_tickets
from caredesk.workspace.models import Macro

EMOTIONS = ("anger", "anxiety", "sadness", "confusion", "gratitude", "neutral")
STAKES = ("health", "bereavement", "financial", "safety", "deadline", "travel", "legal")
EFFORT = ("repeat_contact", "repeated_story", "already_tried", "churn_risk")
HIGH_INTENSITY = 0.7
INTENSITY_BANDS = {
    "high": (HIGH_INTENSITY, None),
    "medium": (0.4, HIGH_INTENSITY),
    "low": (None, 0.4),
}
SNIPPET_CHARS = 160

# Statuses where the next move is ours (or a third party's); "waiting on customer" is its own view.
WORKING_STATUSES = (Status.NEW, Status.OPEN, Status.ON_HOLD)


@dataclass(frozen=True)
class InboxView:
    key: str
    label: str
    leads_only: bool = False


INBOX_VIEWS = (
    InboxView("mine", "Mine"),
    InboxView("unassigned", "Unassigned"),
    InboxView("team", "My team"),
    InboxView("all", "All", leads_only=True),
    InboxView("waiting", "Waiting on customer"),
)
SORTS = {"waiting": "Oldest waiting", "care": "Needs care first"}


def views_for(user: User) -> list[InboxView]:
    return [view for view in INBOX_VIEWS if user.is_lead or not view.leads_only]


@dataclass
class InboxQuery:
    """The inbox the person asked for, parsed from the query string. Unknown values are ignored."""

    view: str = "mine"
    status: str = ""
    priority: str = ""
    channel: str = ""
    emotion: str = ""
    intensity: str = ""
    stakes: str = ""
    effort: str = ""
    tag: str = ""
    agent: str = ""
    sort: str = "waiting"

    @classmethod
    def parse(cls, params: Any, user: User) -> InboxQuery:
        def pick(name: str, allowed: tuple[str, ...] | list[str]) -> str:
            value = str(params.get(name, "") or "")
            return value if value in allowed else ""

        view = pick("view", [v.key for v in views_for(user)]) or "mine"
        agent = str(params.get("agent", "") or "")
        return cls(
            view=view,
            status=pick("status", list(Status.values)),
            priority=pick("priority", list(Priority.values)),
            channel=pick("channel", list(Channel.values)),
            emotion=pick("emotion", EMOTIONS),
            intensity=pick("intensity", tuple(INTENSITY_BANDS)),
            stakes=pick("stakes", STAKES),
            effort=pick("effort", EFFORT),
            tag=str(params.get("tag", "") or "").strip().lower()[:50],
            agent=agent if agent == "none" or agent.isdigit() else "",
            sort=pick("sort", tuple(SORTS)) or "waiting",
        )

    @property
    def filters(self) -> dict[str, str]:
        """The filters in use, for links that keep them."""
        names = ("status", "priority", "channel", "emotion", "intensity", "stakes", "effort")
        chosen = {name: getattr(self, name) for name in (*names, "tag", "agent")}
        return {name: value for name, value in chosen.items() if value}


def _view_filter(user: User, view: str, status: str = "") -> Q:
    """The tickets of one view. An explicit status replaces the view's own status scope."""
    if status:
        scope = Q(status=status)
    elif view == "waiting":
        scope = Q(status=Status.PENDING)
    else:
        scope = Q(status__in=WORKING_STATUSES)
    if view == "mine":
        return scope & Q(assignee=user)
    if view == "unassigned":
        return scope & Q(assignee__isnull=True)
    if view == "team":
        return scope & Q(team__in=user.teams.all())
    return scope


def inbox_counts(user: User) -> dict[str, int]:
    """How many tickets each inbox view holds, in one query."""
    aggregates = {
        view.key: Count("pk", filter=_view_filter(user, view.key)) for view in views_for(user)
    }
    # Every view's own scope is an unresolved status, so the solved and closed history
    # (most of a large desk) is left out before counting.
    unresolved = visible_tickets(user).filter(status__in=[*WORKING_STATUSES, Status.PENDING])
    counts: dict[str, int] = unresolved.aggregate(**aggregates)
    return counts


def inbox_tickets(user: User, query: InboxQuery) -> QuerySet[Ticket]:
    """The tickets of one inbox view, filtered and sorted; rows carry their last message."""
    tickets = visible_tickets(user).filter(_view_filter(user, query.view, query.status))
    if query.priority:
        tickets = tickets.filter(priority=query.priority)
    if query.channel:
        tickets = tickets.filter(channel=query.channel)
    if query.emotion:
        tickets = tickets.filter(care_emotion=query.emotion)
    if query.intensity:
        low, high = INTENSITY_BANDS[query.intensity]
        if low is not None:
            tickets = tickets.filter(care_intensity__gte=low)
        if high is not None:
            tickets = tickets.filter(care_intensity__lt=high)
    if query.stakes:
        tickets = tickets.filter(care_labels__contains=f" {query.stakes} ")
    if query.effort:
        tickets = tickets.filter(care_labels__contains=f" {query.effort} ")
    if query.tag:
        tickets = tickets.filter(tags__name=query.tag)
    if query.agent == "none":
        tickets = tickets.filter(assignee__isnull=True)
    elif query.agent:
        tickets = tickets.filter(assignee_id=int(query.agent))

    order: list[Any]
    if query.sort == "care":
        order = [F("care_attention").desc(), F("waiting_since").asc(nulls_last=True), "id"]
    else:
        order = [F("waiting_since").asc(nulls_last=True), F("last_message_at").asc(), "id"]
    last_message = Message.objects.filter(ticket=OuterRef("pk"), visibility=Visibility.PUBLIC)
    last_message = last_message.order_by("-created_at", "-id")
    return (
        tickets.select_related("customer", "assignee", "team")
        .prefetch_related("tags")
        .annotate(
            last_snippet=Subquery(
                last_message.annotate(snippet=Substr("body_text", 1, SNIPPET_CHARS)).values(
                    "snippet"
                )[:1],
                output_field=CharField(),
            ),
            last_author_kind=Subquery(last_message.values("author_kind")[:1]),
        )
        .order_by(*order)
    )


# --- the conversation page -------------------------------------------------------


@dataclass
class TimelineEntry:
    kind: str  # "message" or "handoff"
    at: datetime
    message: Message | None = None
    handoff: Handoff | None = None


def ticket_timeline(ticket: Ticket) -> list[TimelineEntry]:
    """Messages and handoffs of a ticket in the order they happened (two queries)."""
    messages = Message.objects.filter(ticket=ticket).select_related("author_agent")
    handoffs = Handoff.objects.filter(ticket=ticket).select_related(
        "by_agent", "from_agent", "from_team", "to_agent", "to_team"
    )
    entries = [TimelineEntry("message", m.created_at, message=m) for m in messages]
    entries += [TimelineEntry("handoff", h.created_at, handoff=h) for h in handoffs]
    entries.sort(key=lambda entry: (entry.at, 0 if entry.kind == "message" else 1))
    return entries


def other_tickets(user: User, ticket: Ticket, *, limit: int = 8) -> list[Ticket]:
    """The customer's other tickets this person may see, unresolved ones first."""
    return list(
        visible_tickets(user)
        .filter(customer_id=ticket.customer_id)
        .exclude(pk=ticket.pk)
        .annotate(
            resolved=Case(
                When(status__in=UNRESOLVED_STATUSES, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .only("pk", "subject", "status", "created_at", "customer_id")
        .order_by("resolved", "-created_at")[:limit]
    )


# --- the story so far ------------------------------------------------------------

STORY_MESSAGES = 30
_SENTENCE_END = re.compile(r"[.!?\n]")
_FEELING_SIGN = {
    "anger": -1.0,
    "anxiety": -1.0,
    "sadness": -1.0,
    "confusion": -0.6,
    "neutral": 0.0,
    "gratitude": 1.0,
}


@dataclass
class StoryItem:
    text: str
    kinds: list[str]
    ticket_id: int
    at: datetime


@dataclass(frozen=True)
class FeelingPoint:
    at: datetime
    emotion: str
    intensity: float
    value: float  # -1 (very upset) .. 1 (very pleased)


@dataclass
class Story:
    """What the customer already told us and already tried, from their own messages."""

    told: list[StoryItem] = field(default_factory=list)
    tried: list[StoryItem] = field(default_factory=list)
    contacted_before: list[StoryItem] = field(default_factory=list)
    feelings: list[FeelingPoint] = field(default_factory=list)
    read_messages: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.told or self.tried or self.contacted_before)

    @property
    def trend(self) -> str:
        """ "better", "worse" or "steady": the first reading against the latest."""
        if len(self.feelings) < 2:
            return "steady"
        change = self.feelings[-1].value - self.feelings[0].value
        if change > 0.2:
            return "better"
        if change < -0.2:
            return "worse"
        return "steady"

    def as_handoff_note(self, ticket: Ticket) -> str:
        """A first draft of the handoff note, so the next person starts where we stopped."""
        lines = [f"{ticket.customer} wrote about: {ticket.subject}"]
        if ticket.care_emotion:
            feeling = ticket.care_emotion
            if ticket.care_intensity is not None:
                feeling += f" (intensity {ticket.care_intensity:.1f})"
            lines.append(f"Latest message reads as: {feeling}")
        if self.told:
            lines.append("What they told us: " + " ".join(item.text for item in self.told[:4]))
        if self.tried:
            lines.append("Already tried: " + " ".join(item.text for item in self.tried[:4]))
        if self.contacted_before:
            lines.append(
                "Contacted us before: " + " ".join(item.text for item in self.contacted_before[:3])
            )
        lines.append("Done so far: ")
        lines.append("Next step: ")
        return "\n".join(lines)


def _sentence_around(text: str, start: int, end: int, *, limit: int = 180) -> str:
    left = start
    while left > 0 and not _SENTENCE_END.match(text[left - 1]) and start - left < limit:
        left -= 1
    right = end
    while right < len(text) and not _SENTENCE_END.match(text[right]) and right - end < limit:
        right += 1
    if right < len(text) and text[right] in ".!?":
        right += 1
    return " ".join(text[left:right].split())


def customer_story(customer: Customer) -> Story:
    """Read the customer's recent messages (one query) into what they told us and tried."""
    rows = list(
        Message.objects.filter(author_customer=customer, author_kind=AuthorKind.CUSTOMER)
        .exclude(care__isnull=True)
        .order_by("-created_at", "-id")
        .values("ticket_id", "body_text", "care", "created_at")[:STORY_MESSAGES]
    )
    rows.reverse()
    story = Story(read_messages=len(rows))
    seen: dict[str, StoryItem] = {}
    for row in rows:
        care: dict[str, Any] = row["care"] or {}
        text: str = row["body_text"]
        flags = [("stakes", f) for f in care.get("stakes") or []]
        flags += [("effort", f) for f in care.get("effort") or []]
        for family, flag in flags:
            try:
                start, end, kind = int(flag["start"]), int(flag["end"]), str(flag["kind"])
            except (KeyError, TypeError, ValueError):
                continue
            if not 0 <= start < end <= len(text):
                continue
            sentence = _sentence_around(text, start, end)
            if not sentence:
                continue
            bucket = (
                story.told
                if family == "stakes" or kind == "churn_risk"
                else story.tried
                if kind == "already_tried"
                else story.contacted_before
            )
            key = f"{id(bucket)}:{sentence.lower()}"
            if key in seen:
                if kind not in seen[key].kinds:
                    seen[key].kinds.append(kind)
                continue
            seen[key] = StoryItem(sentence, [kind], row["ticket_id"], row["created_at"])
            bucket.append(seen[key])
        emotion = str(care.get("emotion") or "")
        if emotion in _FEELING_SIGN:
            intensity = float(care.get("intensity") or 0.0)
            value = _FEELING_SIGN[emotion] * max(intensity, 0.2 if emotion != "neutral" else 0.0)
            story.feelings.append(FeelingPoint(row["created_at"], emotion, intensity, value))
    story.feelings = story.feelings[-10:]
    return story


def latest_customer_message(ticket: Ticket) -> Message | None:
    return (
        Message.objects.filter(ticket=ticket, author_kind=AuthorKind.CUSTOMER)
        .order_by("-created_at", "-id")
        .first()
    )


def recent_replies(agent: User, *, limit: int = 20) -> list[str]:
    """This agent's recent public replies: the history the scripted-empathy check reads."""
    return list(
        Message.objects.filter(
            author_agent=agent, author_kind=AuthorKind.AGENT, visibility=Visibility.PUBLIC
        )
        .order_by("-created_at", "-id")
        .values_list("body_text", flat=True)[:limit]
    )


def active_agents() -> QuerySet[User]:
    return (
        User.objects.filter(is_active=True)
        .prefetch_related("teams")
        .order_by("first_name", "last_name", "username")
    )


def assignable_agents(actor: User) -> list[User]:
    """Whom this person may give a ticket to: admins anyone, leads their teams, agents themselves."""
    if actor.is_desk_admin:
        return list(active_agents().prefetch_related(None))
    if actor.is_lead:
        return list(
            User.objects.filter(is_active=True, teams__in=actor.teams.all())
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
    return [actor]


def macros_for(user: User) -> QuerySet[Macro]:
    """The macros this person may use: everyone's and their teams'."""
    return Macro.objects.filter(Q(team__isnull=True) | Q(team__in=user.teams.all())).select_related(
        "team"
    )
