from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from caredesk.accounts.models import Team, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):  # type: ignore[type-arg]
    list_display = ["username", "first_name", "last_name", "email", "role", "is_active"]
    list_filter = ["role", "is_active", "teams"]
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        ("Desk", {"fields": ("role", "teams")}),
    )
    filter_horizontal = ["teams", "groups", "user_permissions"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin[Team]):
    list_display = ["name", "created_at"]
    search_fields = ["name"]
