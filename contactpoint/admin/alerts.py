"""Alert subscriptions, for the desk to see who asked for what (and remove a
subscription on request)."""

from django.contrib import admin
from django.http import HttpRequest

from contactpoint.models import AlertSubscription


@admin.register(AlertSubscription)
class AlertSubscriptionAdmin(admin.ModelAdmin[AlertSubscription]):
    list_display = ("email", "language", "cadence", "created_at", "confirmed_at", "last_digest_at")
    list_filter = ("language", "cadence", ("confirmed_at", admin.EmptyFieldListFilter), "sectors")
    search_fields = ("email",)
    date_hierarchy = "created_at"
    fields = (
        "email",
        "language",
        "sectors",
        "cadence",
        "created_at",
        "confirmed_at",
        "last_digest_at",
    )
    readonly_fields = ("email", "created_at", "confirmed_at", "last_digest_at")
    filter_horizontal = ("sectors",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # only the person, through the double opt-in, subscribes
