"""The desk's screens for people, and the limits that keep them from granting power.

Desk staff may change people's accounts (names, email address, active), but only a
superuser may decide who is staff or superuser and what anyone may do (groups and
permissions), and nobody but a superuser may change an account that can do more
than they can (`User.may_be_managed_by`): changing its email address or password
would be taking it over.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin as BaseGroupAdmin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.models import (
    User,
)
from directory.second_factor import second_factor_reset

# The devices of the second factor are managed through the people they belong to
# (enrolment by their owner, reset by a superuser below): their own admin pages
# would show any superuser the keys of everyone's authenticator.
for device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(device_model):
        admin.site.unregister(device_model)

# What says who may do what: only a superuser changes these, on anyone.
PRIVILEGE_FIELDS = ("is_staff", "is_superuser", "groups", "user_permissions")


class UserCreationForm(AdminUserCreationForm[User]):
    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm[User]):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    form = UserEditForm
    add_form = UserCreationForm
    list_display = ("email", "first_name", "last_name", "is_staff", "is_active", "date_joined")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups")
    search_fields = ("email", "first_name", "last_name")
    ordering = ("email",)
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name")}),
        (
            _("Permissions"),
            {"fields": ("is_active", *PRIVILEGE_FIELDS)},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    # The add form sets the address and password only; privileges are given
    # afterwards, on the change form, by a superuser.
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    actions = ("reset_second_factor",)

    def has_reset_second_factor_permission(self, request: HttpRequest) -> bool:
        """Only a superuser resets a second factor: with it reset, the next
        login with the password alone may enrol a new authenticator."""
        return bool(request.user.is_superuser)

    @admin.action(
        description=_("Reset the second factor (the person enrols again)"),
        permissions=["reset_second_factor"],
    )
    def reset_second_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        people = 0
        for user in queryset:
            if second_factor_reset(user=user):
                people += 1
                self.log_change(request, user, [{"changed": {"fields": ["second factor"]}}])
        self.message_user(
            request,
            ngettext(
                "The second factor of %(count)d person was reset: at their next login "
                "they set up an authenticator again.",
                "The second factor of %(count)d people was reset: at their next login "
                "they set up an authenticator again.",
                people,
            )
            % {"count": people},
            messages.SUCCESS,
        )

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> Any:
        """Privileges are shown to everyone who may see the account, as text for
        all but superusers: a field left out of the form cannot be posted."""
        fields = tuple(super().get_readonly_fields(request, obj))
        if request.user.is_superuser:
            return fields
        return fields + PRIVILEGE_FIELDS

    def has_change_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        """The change form, the password form, and the actions on one account."""
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or obj.may_be_managed_by(request.user))

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        """Also asked for every account a bulk deletion would remove."""
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or obj.may_be_managed_by(request.user))


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(BaseGroupAdmin):
    """A group's permissions are granted to all its members at once: only a
    superuser adds, changes or deletes groups, whatever permissions others hold."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser and super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj: Group | None = None) -> bool:
        return request.user.is_superuser and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Group | None = None) -> bool:
        return request.user.is_superuser and super().has_delete_permission(request, obj)
