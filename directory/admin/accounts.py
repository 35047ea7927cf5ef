"""The desk's screens for people."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
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
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
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
