from __future__ import annotations

import hmac

from django.db import models

from caredesk.accounts.models import Team
from caredesk.lib.encryption import (
    EncryptedSecretField,
    SecretUnreadable,
    decrypt_secret,
    encrypt_secret,
)
from caredesk.tickets.models import Message, Ticket


class ImapSecurity(models.TextChoices):
    TLS = "tls", "TLS from the start (port 993)"
    STARTTLS = "starttls", "STARTTLS (port 143)"
    NONE = "none", "None (only for a server on this machine)"


class Mailbox(models.Model):
    """One support address: where mail comes in and what outbound mail looks like."""

    address = models.EmailField(unique=True)
    from_name = models.CharField(max_length=200, blank=True)
    signature = models.TextField(blank=True)
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="mailboxes"
    )
    is_active = models.BooleanField(default=True)
    is_default = models.BooleanField(
        default=False, help_text="Used for outbound mail on tickets that did not come in by email."
    )

    auto_acknowledge = models.BooleanField(default=True)
    auto_acknowledge_text = models.TextField(
        default=(
            "Thank you for writing to us. We have your message and a person will answer it "
            "soon. Your reference is {token}; reply to this email to add anything."
        ),
        help_text="{token} becomes the ticket reference, e.g. [#1234].",
    )
    auto_acknowledge_hours = models.PositiveIntegerField(
        default=24, help_text="At most one acknowledgement per sender in this many hours."
    )

    # Shared secret of the inbound webhook, set through set_webhook_secret(); empty turns
    # the webhook off for this mailbox.
    webhook_secret_encrypted = EncryptedSecretField(blank=True, default="", editable=False)

    imap_host = models.CharField(max_length=250, blank=True, help_text="Empty: no IMAP polling.")
    imap_port = models.PositiveIntegerField(default=993)
    imap_security = models.CharField(
        max_length=10, choices=ImapSecurity.choices, default=ImapSecurity.TLS
    )
    imap_username = models.CharField(max_length=250, blank=True)
    # Set through set_imap_password(); read only by the poller, when it logs in.
    imap_password_encrypted = EncryptedSecretField(blank=True, default="", editable=False)
    imap_folder = models.CharField(max_length=250, default="INBOX")
    imap_processed_folder = models.CharField(
        max_length=250,
        default="caredesk-processed",
        blank=True,
        help_text="Stored mail is moved here. Empty: it stays in place, marked as seen.",
    )
    imap_uidvalidity = models.BigIntegerField(null=True, blank=True)
    imap_last_uid = models.BigIntegerField(default=0)
    imap_last_polled_at = models.DateTimeField(null=True, blank=True)
    imap_last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["address"]
        verbose_name_plural = "mailboxes"

    def __str__(self) -> str:
        return self.address

    @property
    def domain(self) -> str:
        return self.address.rsplit("@", 1)[-1]

    @property
    def polls_imap(self) -> bool:
        return self.is_active and bool(self.imap_host)

    @property
    def has_webhook_secret(self) -> bool:
        return bool(self.webhook_secret_encrypted)

    def set_webhook_secret(self, secret: str) -> None:
        """Keep `secret` encrypted ("" turns the webhook off); written by the next save()."""
        self.webhook_secret_encrypted = encrypt_secret(secret)

    def webhook_secret_matches(self, provided: str) -> bool:
        """Whether `provided` is the webhook secret, compared in constant time.

        False when either is empty; SecretUnreadable when the stored one cannot be read.
        """
        if not provided or not self.webhook_secret_encrypted:
            return False
        try:
            secret = decrypt_secret(self.webhook_secret_encrypted)
        except SecretUnreadable as error:
            raise SecretUnreadable(
                f"The webhook secret of mailbox {self.address} cannot be read: {error}. "
                "Enter it again in the admin, or configure the key it was encrypted with."
            ) from error
        return hmac.compare_digest(provided.encode("utf-8"), secret.encode("utf-8"))

    @property
    def has_imap_password(self) -> bool:
        return bool(self.imap_password_encrypted)

    def set_imap_password(self, password: str) -> None:
        """Keep `password` encrypted ("" forgets it); written by the next save()."""
        self.imap_password_encrypted = encrypt_secret(password)

    def decrypt_imap_password(self) -> str:
        """The IMAP password in plain text, for logging in and nothing else."""
        try:
            return decrypt_secret(self.imap_password_encrypted)
        except SecretUnreadable as error:
            raise SecretUnreadable(
                f"The IMAP password of mailbox {self.address} cannot be read: {error}. "
                "Enter it again in the admin, or configure the key it was encrypted with."
            ) from error


class Direction(models.TextChoices):
    INBOUND = "in", "Inbound"
    OUTBOUND = "out", "Outbound"


class EmailMessage(models.Model):
    """The email side of one stored ticket message: its headers, raw source and full text."""

    ticket_message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="email")
    mailbox = models.ForeignKey(
        Mailbox, null=True, blank=True, on_delete=models.SET_NULL, related_name="messages"
    )
    direction = models.CharField(max_length=3, choices=Direction.choices)
    message_id = models.CharField(max_length=500, db_index=True)
    in_reply_to = models.CharField(max_length=500, blank=True)
    references = models.TextField(blank=True)  # space-separated <ids>, oldest first
    from_address = models.CharField(max_length=320, blank=True)
    from_name = models.CharField(max_length=200, blank=True)
    to_addresses = models.JSONField(default=list, blank=True)
    cc_addresses = models.JSONField(default=list, blank=True)
    subject = models.CharField(max_length=1000, blank=True)
    # Everything the sender wrote, quoted history and signature included; the ticket
    # message shows the new part only.
    full_text = models.TextField(blank=True)
    raw_path = models.CharField(max_length=300, blank=True)  # in default storage
    raw_size = models.PositiveIntegerField(default=0)
    auto_submitted = models.BooleanField(default=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} {self.message_id}"

    def reference_list(self) -> list[str]:
        return self.references.split()


class ThreadAlias(models.Model):
    """A Message-ID that leads to a ticket only for one sender.

    Replies from different people to one bulk message each get their own ticket; this
    keeps each person's next reply to that same message in their own ticket.
    """

    message_id = models.CharField(max_length=500)
    address = models.CharField(max_length=320)
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["message_id", "address"], name="email_thread_alias_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.message_id} from {self.address} → #{self.ticket_id}"


class QuarantineKind(models.TextChoices):
    FAILED = "failed", "Could not be processed"
    IGNORED = "ignored", "Noise or loop, not turned into a ticket"


class Quarantine(models.Model):
    """A received message that did not become a ticket message, kept whole with the reason."""

    mailbox = models.ForeignKey(
        Mailbox, null=True, blank=True, on_delete=models.SET_NULL, related_name="quarantine"
    )
    kind = models.CharField(max_length=10, choices=QuarantineKind.choices)
    reason = models.TextField()
    message_id = models.CharField(max_length=500, blank=True)
    sender = models.CharField(max_length=500, blank=True)
    subject = models.CharField(max_length=1000, blank=True)
    sha256 = models.CharField(max_length=64)
    raw_path = models.CharField(max_length=300)
    raw_size = models.PositiveBigIntegerField(default=0)
    received_at = models.DateTimeField(db_index=True)
    released_at = models.DateTimeField(null=True, blank=True)
    released_ticket = models.ForeignKey(
        Ticket, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name_plural = "quarantine"
        indexes = [models.Index(fields=["sha256"], name="email_quarantine_sha256")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.reason[:80]}"


class Suppression(models.Model):
    """An address we stopped mailing because mail to it bounced permanently."""

    address = models.CharField(max_length=320, unique=True)
    reason = models.TextField()
    bounced_message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.address


class DeliveryReport(models.Model):
    """A bounce or delay notice (RFC 3464) about mail we sent."""

    mailbox = models.ForeignKey(
        Mailbox, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.SET_NULL, related_name="delivery_reports"
    )
    original_message_id = models.CharField(max_length=500, blank=True)
    recipient = models.CharField(max_length=320, blank=True)
    action = models.CharField(max_length=20, blank=True)  # failed / delayed / delivered / ...
    status = models.CharField(max_length=20, blank=True)  # e.g. 5.1.1
    diagnostic = models.TextField(blank=True)
    permanent = models.BooleanField(default=False)
    report_message_id = models.CharField(max_length=500, db_index=True)
    raw_path = models.CharField(max_length=300)
    received_at = models.DateTimeField()

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"{self.action} {self.recipient} {self.status}"


class AutoAcknowledgement(models.Model):
    """One automatic acknowledgement sent, so a sender gets at most one per period."""

    mailbox = models.ForeignKey(Mailbox, on_delete=models.CASCADE, related_name="+")
    address = models.CharField(max_length=320)
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(Message, null=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at"]
        indexes = [
            models.Index(fields=["mailbox", "address", "sent_at"], name="email_autoack_recent")
        ]

    def __str__(self) -> str:
        return f"{self.address} at {self.sent_at:%Y-%m-%d %H:%M}"
