"""The desk's screens for people, sectors and site pages."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from directory.models import Page, Partner, Sector, User


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


@admin.register(Sector)
class SectorAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    search_fields = ("name_it", "name_en", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Page)
class PageAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("title", "slug", "updated_at")
    readonly_fields = ("updated_at",)


@admin.register(Partner)
class PartnerAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("name", "city", "country", "is_lead", "order")
    list_editable = ("order",)
    list_filter = ("country",)
    search_fields = ("name", "city_it", "city_en")
