from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.accounts.models import Team
from caredesk.customers.models import Customer


class Channel(models.TextChoices):
    EMAIL = "email", "Email"
    CHAT = "chat", "Chat"
    PHONE = "phone", "Phone"
    SOCIAL = "social", "Social"
    API = "api", "API"
    WEB = "web", "Web form"


class Status(models.TextChoices):
    NEW = "new", "New"
    OPEN = "open", "Open"
    PENDING = "pending", "Pending (waiting on customer)"
    ON_HOLD = "on_hold", "On hold (waiting on a third party)"
    SOLVED = "solved", "Solved"
    CLOSED = "closed", "Closed"


# The only status changes an action may make. Closed is final: a customer who writes
# again about a closed ticket starts a new ticket linked to it.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.NEW: frozenset({Status.OPEN, Status.PENDING, Status.ON_HOLD, Status.SOLVED}),
    Status.OPEN: frozenset({Status.PENDING, Status.ON_HOLD, Status.SOLVED}),
    Status.PENDING: frozenset({Status.OPEN, Status.ON_HOLD, Status.SOLVED}),
    Status.ON_HOLD: frozenset({Status.OPEN, Status.PENDING, Status.SOLVED}),
    Status.SOLVED: frozenset({Status.OPEN, Status.CLOSED}),
    Status.CLOSED: frozenset(),
}
UNRESOLVED_STATUSES = (Status.NEW, Status.OPEN, Status.PENDING, Status.ON_HOLD)


class Priority(models.TextChoices):
    LOW = "low", "Low"
    NORMAL = "normal", "Normal"
    HIGH = "high", "High"
    URGENT = "urgent", "Urgent"


class Tag(models.Model):
    name = models.SlugField(max_length=50, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Ticket(models.Model):
    """One conversation with one customer about one matter."""

    subject = models.CharField(max_length=250)
    customer = models.ForeignKey(Customer, on_delete=models.PROTECT, related_name="tickets")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    priority = models.CharField(max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_tickets",
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="tickets"
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="tickets")
    # A ticket opened because the customer wrote again about a closed one.
    follow_up_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups"
    )

    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField()
    first_response_at = models.DateTimeField(null=True, blank=True)
    solved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    reopen_count = models.PositiveIntegerField(default=0)
    transfer_count = models.PositiveIntegerField(default=0)
    # When the customer's oldest unanswered message arrived; null when nobody is waiting on us.
    waiting_since = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField()

    # Care summary of the latest customer message, kept here so the inbox can filter and
    # sort without reading messages. care_labels holds the stakes kinds and effort cues
    # as " kind kind " (spaces around each) so a portable `contains` finds one.
    care_emotion = models.CharField(max_length=12, blank=True)
    care_intensity = models.FloatField(null=True, blank=True)
    care_labels = models.CharField(max_length=250, blank=True, default="")
    care_attention = models.FloatField(default=0.0)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "waiting_since"], name="ticket_status_waiting"),
            models.Index(fields=["assignee", "status"], name="ticket_assignee_status"),
            models.Index(fields=["team", "status"], name="ticket_team_status"),
            models.Index(fields=["customer", "created_at"], name="ticket_customer_created"),
            models.Index(fields=["status", "care_attention"], name="ticket_status_attention"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.subject}"

    @property
    def token(self) -> str:
        """The reference customers see in subjects, e.g. [#1234]."""
        return f"[#{self.pk}]"

    @property
    def is_resolved(self) -> bool:
        return self.status in (Status.SOLVED, Status.CLOSED)

    def can_move_to(self, status: str) -> bool:
        return status in ALLOWED_TRANSITIONS[self.status]

    def care_label_list(self) -> list[str]:
        return self.care_labels.split()


class AuthorKind(models.TextChoices):
    CUSTOMER = "customer", "Customer"
    AGENT = "agent", "Agent"
    SYSTEM = "system", "System"
    BOT = "bot", "Bot"


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public reply"
    INTERNAL = "internal", "Internal note"


class Delivery(models.TextChoices):
    NOT_SENT = "", "Not sent by a channel"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class Message(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(max_length=10, choices=AuthorKind.choices)
    author_agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="messages",
    )
    author_customer = models.ForeignKey(
        Customer, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)  # sanitised before it is stored
    attachments = models.JSONField(default=list, blank=True)  # [{name, content_type, size, ...}]
    # The channel's own id for the message (an email Message-ID, a chat event id), so the
    # same message delivered twice is stored once.
    external_id = models.CharField(max_length=500, null=True, blank=True)  # noqa: DJ001  (null, not "", so the unique constraint skips messages without one)
    created_at = models.DateTimeField(db_index=True)
    care = models.JSONField(null=True, blank=True)  # CustomerSignal or ReplyReview .to_dict()
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default="", blank=True)
    delivery_error = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["ticket", "created_at"], name="message_ticket_created"),
            # The repair sweep's queue, oldest first: customer messages with no care reading.
            # Partial, so it holds only the few unread rows, however large the table grows.
            models.Index(
                fields=["created_at", "id"],
                condition=models.Q(author_kind="customer", care__isnull=True),
                name="message_unread_customer",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "external_id"],
                condition=models.Q(external_id__isnull=False),
                name="message_unique_external_id",
            ),
            models.CheckConstraint(
                condition=models.Q(author_kind="customer") | models.Q(author_customer__isnull=True),
                name="message_customer_author_only_on_customer_messages",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author_kind} message on #{self.ticket_id}"

    @property
    def is_internal(self) -> bool:
        return self.visibility == Visibility.INTERNAL

    @property
    def from_customer(self) -> bool:
        return self.author_kind == AuthorKind.CUSTOMER


class CareReadingFailure(models.Model):
    """A customer message the care engine raised on, and when the repair sweep may try again."""

    message = models.OneToOneField(
        Message, primary_key=True, on_delete=models.CASCADE, related_name="care_failure"
    )
    reason = models.TextField()  # the exception, never the customer's text
    attempts = models.PositiveIntegerField(default=1)
    failed_at = models.DateTimeField()
    retry_after = models.DateTimeField()

    def __str__(self) -> str:
        return f"care reading of message {self.message_id} failed {self.attempts} times"


class Handoff(models.Model):
    """A transfer of a ticket, with the note that lets the next person start where the last stopped."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="handoffs")
    by_agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Handoff on #{self.ticket_id} at {self.created_at:%Y-%m-%d %H:%M}"
