"""The desk's screens for organisations: moderation, history, import, invitations."""

from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import TranslationAdmin

from creativecities.images import LogoField
from creativecities.models import Version
from creativecities.panels.workbench import related_lists
from creativecities.workflow.admin import HistoryAdminMixin, WorkflowAdminMixin
from directory.forms import RejectForm, https_url_fields
from directory.models import (
    PROFILE_FIELDS,
    PROFILE_SECTION_TITLES,
    PROFILE_SECTIONS,
    WORKFLOW_FIELDS,
    Invitation,
    Membership,
    Organisation,
    User,
)
from directory.resources import OrganisationResource
from directory.services.logos import organisation_remove_logo, organisation_set_logo
from directory.services.moderation import ORGANISATION_WORKFLOW
from directory.services.organisations import organisation_revert


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    """Invitations members sent, for the desk to see who was asked to join what."""

    list_display = ("email", "organisation", "invited_by", "created_at", "accepted_at")
    list_filter = ("accepted_at",)
    search_fields = ("email", "organisation__name")
    list_select_related = ("organisation", "invited_by")
    fields = ("email", "organisation", "invited_by", "created_at", "accepted_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # members invite from their account, with the email sent

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class MembershipInline(admin.StackedInline[Membership, Organisation]):
    """Stacked: a table's row would cut the member's address and the
    organisation's name in its title to the cell's width."""

    model = Membership
    extra = 0
    autocomplete_fields = ("user",)
    fields = ("user", "role", "created_at")
    readonly_fields = ("created_at",)


class OrganisationAdminForm(forms.ModelForm):  # type: ignore[type-arg]
    """The desk's profile form: a logo goes through the same checks and
    re-encoding as a member's upload (`creativecities.images`), never straight in."""

    new_logo = LogoField(label=_("New logo"), required=False)
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)

    class Meta:
        model = Organisation
        # The admin's fieldsets pick what is shown; the stored logo is never a field.
        fields = ("slug", *PROFILE_FIELDS)
        formfield_callback = https_url_fields
        # Twelve sectors read best as boxes to tick (the two-list selector hides
        # its buttons' words); a short description of up to 280 characters in a
        # box that shows it whole (still one line once saved: `creativecities.text`).
        widgets = {
            "sectors": forms.CheckboxSelectMultiple,
            **{
                f"short_description_{code}": forms.Textarea(
                    attrs={"rows": 3, "class": "desk-wide-field"}
                )
                for code, _name in settings.LANGUAGES
            },
        }


def _admin_fields(section: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """A profile section as the desk sees it: the slug beside the name, the
    logo (shown, replaced or removed through the logo checks) after the texts."""
    if section == "identity":
        return (names[0], "slug", *names[1:])
    if section == "description":
        return (*names, "logo_thumbnail", "new_logo", "remove_logo")
    return names


@admin.register(Organisation)
class OrganisationAdmin(WorkflowAdminMixin, HistoryAdminMixin, ImportMixin, TranslationAdmin):  # type: ignore[type-arg]
    """Organisations for the desk: moderation, history, import.

    Status only moves through the workflow's actions and buttons (built from
    `ORGANISATION_WORKFLOW`), never by editing the field, so every transition
    checks its source state and tells the members.
    """

    form = OrganisationAdminForm
    list_display = (
        "name",
        "status",
        "kind",
        "primary_sector",
        "municipality",
        "created_at",
        "confirmed_at",
    )
    list_filter = ("status", "kind", "sectors", "municipality", "open_to_international")
    search_fields = ("name", "slug", "vat_number", "email", "memberships__user__email")
    list_select_related = ("primary_sector", "municipality")
    date_hierarchy = "created_at"
    ordering = ("-created_at",)
    inlines = (MembershipInline,)
    prepopulated_fields = {"slug": ("name",)}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = (*WORKFLOW_FIELDS, "logo_thumbnail")
    fieldsets: ClassVar[Any] = [
        *[
            (PROFILE_SECTION_TITLES[key], {"fields": _admin_fields(key, names)})
            for key, names in PROFILE_SECTIONS
        ],
        (_("Workflow"), {"fields": WORKFLOW_FIELDS}),
    ]
    workflow = ORGANISATION_WORKFLOW
    transition_forms = {"reject": RejectForm}
    change_form_template = "admin/directory/organisation/change_form.html"
    resource_classes = [OrganisationResource]
    formats = [CSV, XLSX]

    def get_readonly_fields(
        self, request: HttpRequest, obj: Organisation | None = None
    ) -> tuple[str, ...]:
        """On the add page staff choose the status (an organisation the desk
        enters itself may be published at once); afterwards only the
        moderation actions move it."""
        fields = tuple(super().get_readonly_fields(request, obj))
        return fields if obj is not None else tuple(f for f in fields if f != "status")

    def formfield_for_manytomany(
        self, db_field: Any, request: HttpRequest, **kwargs: Any
    ) -> forms.ModelMultipleChoiceField[Any] | None:
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "sectors" and field is not None:
            field.required = False  # the main sector is added on saving
        return field

    def has_import_permission(self, request: HttpRequest) -> bool:
        """Importing creates organisations: only who may add them may import."""
        return self.has_add_permission(request)

    def process_result(self, result: Any, request: HttpRequest) -> HttpResponse:
        """The confirmed import runs again and may meet data changed since the
        preview; then it rolled back, and staff must not read "finished"."""
        if result.has_errors() or result.has_validation_errors():
            self.message_user(
                request,
                gettext(
                    "Nothing was imported: the file no longer passes its checks. "
                    "Upload it again to see which rows fail."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(
                reverse(f"{self.admin_site.name}:directory_organisation_import")
            )
        response: HttpResponse = super().process_result(result, request)
        return response

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        """Beside the profile, what other apps hold about the organisation (its
        enquiries to the desk), each a count linking to the filtered list."""
        organisation = self.get_object(request, unquote(object_id))
        extra = dict(extra_context or {})
        if organisation is not None:
            extra["related_lists"] = related_lists(request, organisation)
        response: HttpResponse = super().change_view(request, object_id, form_url, extra)
        return response

    # -- saving --------------------------------------------------------------------

    def save_model(self, request: HttpRequest, obj: Organisation, form: Any, change: bool) -> None:
        if not change and obj.status == Organisation.Status.PUBLISHED:
            obj.published_at = obj.published_at or timezone.now()
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """The main sector is always among the sectors; a new logo goes through
        the logo services. All of it is the one change of this save."""
        super().save_related(request, form, formsets, change)
        organisation: Organisation = form.instance
        organisation.sectors.add(organisation.primary_sector)
        by: User = request.user  # type: ignore[assignment]
        if form.cleaned_data.get("new_logo"):
            organisation_set_logo(
                organisation=organisation, logo=form.cleaned_data["new_logo"], by=by
            )
        elif form.cleaned_data.get("remove_logo"):
            organisation_remove_logo(organisation=organisation, by=by)

    def revert(self, request: HttpRequest, version: Version) -> Any:
        return organisation_revert(version=version, by=request.user)  # type: ignore[arg-type]
