from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from caredesk.channels.email.inbound import release_from_quarantine
from caredesk.channels.email.models import (
    AutoAcknowledgement,
    DeliveryReport,
    EmailMessage,
    Mailbox,
    Quarantine,
    Suppression,
)
from caredesk.channels.email.storage import read_raw
from caredesk.lib.errors import CaredeskError

RAW_PREVIEW_BYTES = 20_000


def _is_desk_admin(request: HttpRequest) -> bool:
    user = request.user
    return bool(user.is_authenticated and getattr(user, "is_desk_admin", False))


class DeskAdminOnly(admin.ModelAdmin):  # type: ignore[type-arg]
    """Mail settings and raw customer mail: for desk admins only."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return _is_desk_admin(request)

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _is_desk_admin(request)

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _is_desk_admin(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return _is_desk_admin(request)

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _is_desk_admin(request)


class ReadOnly(DeskAdminOnly):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class MailboxForm(forms.ModelForm):  # type: ignore[type-arg]
    """The webhook secret and the IMAP password are write-only: never shown back, and blank
    keeps the stored one."""

    webhook_secret = forms.CharField(
        label="Webhook secret",
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )
    forget_webhook_secret = forms.BooleanField(
        label="Forget the stored webhook secret (turns the webhook off)", required=False
    )
    imap_password = forms.CharField(
        label="IMAP password",
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )
    forget_imap_password = forms.BooleanField(
        label="Forget the stored IMAP password", required=False
    )

    class Meta:
        model = Mailbox
        fields = [
            "address", "from_name", "signature", "team", "is_active", "is_default",
            "auto_acknowledge", "auto_acknowledge_text", "auto_acknowledge_hours",
            "imap_host", "imap_port", "imap_security", "imap_username",
            "imap_folder", "imap_processed_folder",
        ]  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        saved = self.instance.pk is not None
        self.fields["webhook_secret"].help_text = (
            "A secret is stored (encrypted). Leave this blank to keep it; type a new one to "
            "replace it."
            if saved and self.instance.has_webhook_secret
            else "No secret is stored, so the webhook is off. Type one to turn it on, e.g. "
            "the output of: python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"
        )
        stored = saved and self.instance.has_imap_password
        self.fields["imap_password"].help_text = (
            "A password is stored (encrypted). Leave this blank to keep it; type a new one "
            "to replace it."
            if stored
            else "No password is stored."
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("webhook_secret") and cleaned.get("forget_webhook_secret"):
            raise forms.ValidationError("Type a new webhook secret or forget it, not both.")
        if cleaned.get("imap_password") and cleaned.get("forget_imap_password"):
            raise forms.ValidationError("Type a new IMAP password or forget it, not both.")
        return cleaned


@admin.register(Mailbox)
class MailboxAdmin(DeskAdminOnly):
    form = MailboxForm
    list_display = ["address", "from_name", "team", "is_active", "imap_host", "imap_last_polled_at", "imap_last_error"]  # fmt: skip
    list_filter = ["is_active"]
    readonly_fields = ["imap_uidvalidity", "imap_last_uid", "imap_last_polled_at", "imap_last_error"]  # fmt: skip
    fieldsets = [
        (
            None,
            {"fields": ["address", "from_name", "signature", "team", "is_active", "is_default"]},
        ),
        (
            "Automatic acknowledgement",
            {"fields": ["auto_acknowledge", "auto_acknowledge_text", "auto_acknowledge_hours"]},
        ),
        ("Webhook", {"fields": ["webhook_secret", "forget_webhook_secret"]}),
        (
            "IMAP",
            {
                "fields": [
                    "imap_host",
                    "imap_port",
                    "imap_security",
                    "imap_username",
                    "imap_password",
                    "forget_imap_password",
                    "imap_folder",
                    "imap_processed_folder",
                    "imap_uidvalidity",
                    "imap_last_uid",
                    "imap_last_polled_at",
                    "imap_last_error",
                ]
            },
        ),
    ]

    def save_model(self, request: HttpRequest, obj: Mailbox, form: Any, change: bool) -> None:
        secret: str = form.cleaned_data.get("webhook_secret") or ""
        if secret:
            obj.set_webhook_secret(secret)
        elif form.cleaned_data.get("forget_webhook_secret"):
            obj.set_webhook_secret("")
        password: str = form.cleaned_data.get("imap_password") or ""
        if password:
            obj.set_imap_password(password)
        elif form.cleaned_data.get("forget_imap_password"):
            obj.set_imap_password("")
        super().save_model(request, obj, form, change)


@admin.register(Quarantine)
class QuarantineAdmin(ReadOnly):
    list_display = ["received_at", "kind", "reason", "sender", "subject", "mailbox", "raw_size", "released_at"]  # fmt: skip
    list_filter = ["kind", "mailbox"]
    search_fields = ["reason", "sender", "subject", "message_id"]
    readonly_fields = ["raw_preview"]
    actions = ["release"]

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return _is_desk_admin(request)  # the release action needs it; every field is read-only

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return [field.name for field in Quarantine._meta.fields] + ["raw_preview"]

    @admin.display(description="Raw message (start)")
    def raw_preview(self, obj: Quarantine) -> str:
        try:
            raw = read_raw(obj.raw_path)
        except OSError as error:
            return f"(the stored message cannot be read: {error})"
        text = raw[:RAW_PREVIEW_BYTES].decode("utf-8", errors="replace")
        return format_html("<pre style='white-space: pre-wrap'>{}</pre>", text)

    @admin.action(description="Release: store as a ticket message, noise rules off")
    def release(self, request: HttpRequest, queryset: QuerySet[Quarantine]) -> None:
        for quarantine in queryset:
            try:
                result = release_from_quarantine(quarantine=quarantine)
            except CaredeskError as error:
                self.message_user(request, f"#{quarantine.pk}: {error}", messages.ERROR)
                continue
            ticket = f" on ticket #{result.ticket.pk}" if result.ticket else ""
            self.message_user(request, f"#{quarantine.pk}: {result.outcome}{ticket}")


@admin.register(EmailMessage)
class EmailMessageAdmin(ReadOnly):
    list_display = ["created_at", "direction", "from_address", "subject", "ticket_link", "delivery", "sent_at"]  # fmt: skip
    list_filter = ["direction", "mailbox"]
    search_fields = ["message_id", "from_address", "subject"]
    list_select_related = ["ticket_message"]

    @admin.display(description="Ticket")
    def ticket_link(self, obj: EmailMessage) -> str:
        return f"#{obj.ticket_message.ticket_id}"

    @admin.display(description="Delivery")
    def delivery(self, obj: EmailMessage) -> str:
        message = obj.ticket_message
        if not message.delivery:
            return ""
        error = f": {message.delivery_error}" if message.delivery_error else ""
        return f"{message.get_delivery_display()}{error}"


@admin.register(Suppression)
class SuppressionAdmin(DeskAdminOnly):
    """Deleting a row un-pauses mail to that address."""

    list_display = ["address", "reason", "created_at"]
    search_fields = ["address"]
    readonly_fields = ["bounced_message"]


@admin.register(DeliveryReport)
class DeliveryReportAdmin(ReadOnly):
    list_display = ["received_at", "recipient", "action", "status", "permanent", "message"]
    list_filter = ["action", "permanent"]
    search_fields = ["recipient", "original_message_id"]


@admin.register(AutoAcknowledgement)
class AutoAcknowledgementAdmin(ReadOnly):
    list_display = ["sent_at", "address", "mailbox", "ticket"]
    search_fields = ["address"]
