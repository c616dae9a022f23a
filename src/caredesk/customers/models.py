from __future__ import annotations

from django.db import models


class Customer(models.Model):
    """One person, however many channels they write from."""

    name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(db_index=True)
    # Set when this profile was merged into another; merged profiles own nothing.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged_from"
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name or f"Customer #{self.pk}"

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else ""

    @property
    def primary_email(self) -> str:
        for identity in self.identities.all():
            if identity.kind == IdentityKind.EMAIL:
                return identity.value
        return ""


class IdentityKind(models.TextChoices):
    EMAIL = "email", "Email address"
    PHONE = "phone", "Phone number"
    CHAT = "chat", "Chat visitor id"
    SOCIAL = "social", "Social handle"


class Identity(models.Model):
    """A way a customer reaches us. Each (kind, value) belongs to exactly one customer."""

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="identities")
    kind = models.CharField(max_length=10, choices=IdentityKind.choices)
    value = models.CharField(max_length=320)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["kind", "value"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "value"], name="identity_unique_per_kind")
        ]
        verbose_name_plural = "identities"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"
