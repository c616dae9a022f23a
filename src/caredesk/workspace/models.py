from __future__ import annotations

from django.conf import settings
from django.db import models

from caredesk.accounts.models import Team


class Macro(models.Model):
    """A canned reply. Placeholders such as {customer.first_name} are filled per ticket."""

    name = models.CharField(max_length=120)
    body = models.TextField()
    # A team's macro shows only to its members; a macro with no team is for everyone.
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.CASCADE, related_name="macros"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The care engine's review of the body (placeholders filled with sample values),
    # kept so the macro list can show a score without reading every macro again.
    care = models.JSONField(null=True, blank=True)
    care_score = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name


class DeskSettings(models.Model):
    """Desk-wide switches an admin sets in the workspace. One row (pk=1)."""

    # Ask "send anyway?" before a policy-first or cold-transfer reply goes to a customer
    # whose latest message is high-intensity or high-stakes.
    confirm_risky_replies = models.BooleanField(default=False)
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "desk settings"

    def __str__(self) -> str:
        return "Desk settings"


class Presence(models.Model):
    """Who has a ticket open right now, and whether they are typing a reply.

    Kept in the database rather than the cache so every web process sees the same
    answer (the default cache is per process).
    """

    ticket = models.ForeignKey("tickets.Ticket", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()
    typing_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["ticket", "user"], name="presence_one_per_ticket_user")
        ]
        indexes = [models.Index(fields=["ticket", "seen_at"], name="presence_ticket_seen")]

    def __str__(self) -> str:
        return f"{self.user_id} on #{self.ticket_id}"
