from django.contrib import admin

from caredesk.tickets.models import CareReadingFailure, Handoff, Message, Tag, Ticket


class MessageInline(admin.StackedInline[Message, Ticket]):
    model = Message
    extra = 0
    fields = readonly_fields = (
        "created_at",
        "author_kind",
        "author_agent",
        "visibility",
        "channel",
        "body_text",
        "delivery",
    )
    show_change_link = True

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


class HandoffInline(admin.TabularInline[Handoff, Ticket]):
    model = Handoff
    fk_name = "ticket"
    extra = 0
    fields = ("created_at", "from_agent", "from_team", "to_agent", "to_team", "note")

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin[Ticket]):
    list_display = [
        "id",
        "subject",
        "customer",
        "channel",
        "status",
        "priority",
        "assignee",
        "team",
        "care_emotion",
        "care_intensity",
        "created_at",
    ]
    list_filter = ["status", "priority", "channel", "team", "care_emotion"]
    search_fields = ["subject", "customer__name", "customer__identities__value"]
    date_hierarchy = "created_at"
    raw_id_fields = ["customer", "follow_up_of"]
    list_select_related = ["customer", "assignee", "team"]
    filter_horizontal = ["tags"]
    inlines = [MessageInline, HandoffInline]
    readonly_fields = [
        "created_at",
        "updated_at",
        "first_response_at",
        "solved_at",
        "closed_at",
        "reopen_count",
        "transfer_count",
        "waiting_since",
        "last_message_at",
        "care_emotion",
        "care_intensity",
        "care_labels",
        "care_attention",
    ]


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin[Message]):
    list_display = [
        "id",
        "ticket",
        "author_kind",
        "visibility",
        "channel",
        "delivery",
        "created_at",
    ]
    list_filter = ["author_kind", "visibility", "channel", "delivery"]
    search_fields = ["body_text", "external_id"]
    raw_id_fields = ["ticket", "author_agent", "author_customer"]
    date_hierarchy = "created_at"
    list_select_related = ["ticket"]


@admin.register(Handoff)
class HandoffAdmin(admin.ModelAdmin[Handoff]):
    list_display = ["ticket", "from_agent", "to_agent", "to_team", "created_at"]
    raw_id_fields = ["ticket"]
    list_select_related = ["ticket", "from_agent", "to_agent", "to_team"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin[Tag]):
    search_fields = ["name"]


@admin.register(CareReadingFailure)
class CareReadingFailureAdmin(admin.ModelAdmin[CareReadingFailure]):
    """Messages the care engine failed on; the worker's sweep tries them again at retry_after."""

    list_display = ["message", "attempts", "failed_at", "retry_after", "reason"]
    readonly_fields = ["message", "attempts", "failed_at", "retry_after", "reason"]
    list_select_related = ["message"]

    def has_add_permission(self, request: object) -> bool:
        return False
