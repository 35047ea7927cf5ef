"""Admin for the plan's people: partner users, coordinators and invitations."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from actionplan.models import PartnerInvitation, PartnerMember
from actionplan.services.people import partner_invitation_send
from directory.models import User


@admin.register(PartnerMember)
class PartnerMemberAdmin(admin.ModelAdmin[PartnerMember]):
    """Who works on the plan for which partner; coordinators are ticked here."""

    list_display = ("user", "partner", "role", "is_coordinator", "created_at")
    list_filter = ("partner", "role", "is_coordinator")
    list_select_related = ("user", "partner")
    search_fields = ("user__email", "user__first_name", "user__last_name", "partner__name")
    autocomplete_fields = ("user",)


class PartnerInvitationForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = PartnerInvitation
        fields = ("partner", "email", "role", "is_coordinator")


@admin.register(PartnerInvitation)
class PartnerInvitationAdmin(admin.ModelAdmin[PartnerInvitation]):
    """Staff invite a partner user here: saving sends the invitation by email."""

    form = PartnerInvitationForm
    list_display = ("email", "partner", "role", "is_coordinator", "created_at", "accepted_at")
    list_filter = ("partner", "role", "is_coordinator")
    list_select_related = ("partner",)
    search_fields = ("email",)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # an invitation is sent again by inviting again

    def save_model(
        self, request: HttpRequest, obj: PartnerInvitation, form: Any, change: bool
    ) -> None:
        sent = partner_invitation_send(
            partner=obj.partner,
            email=obj.email,
            role=obj.role,
            is_coordinator=obj.is_coordinator,
            by=cast(User, request.user),
        )
        obj.pk = sent.pk
