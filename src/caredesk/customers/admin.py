from django.contrib import admin

from caredesk.customers.models import Customer, Identity


class IdentityInline(admin.TabularInline[Identity, Customer]):
    model = Identity
    extra = 0
    fields = ["kind", "value", "created_at"]


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin[Customer]):
    list_display = ["__str__", "created_at", "merged_into"]
    search_fields = ["name", "identities__value"]
    date_hierarchy = "created_at"
    inlines = [IdentityInline]
    raw_id_fields = ["merged_into"]


@admin.register(Identity)
class IdentityAdmin(admin.ModelAdmin[Identity]):
    list_display = ["value", "kind", "customer", "created_at"]
    list_filter = ["kind"]
    search_fields = ["value", "customer__name"]
    raw_id_fields = ["customer"]
    list_select_related = ["customer"]
