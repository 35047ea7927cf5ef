"""The desk's screens for organisations: moderation, history, import, invitations."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone, translation
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from import_export.admin import ImportMixin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import TranslationAdmin

from directory import history
from directory.forms import https_url_fields
from directory.history import VERSIONED_FIELDS, history_note, organisation_record_version
from directory.images import LogoField
from directory.models import (
    PROFILE_FIELDS,
    WORKFLOW_FIELDS,
    Invitation,
    Membership,
    Organisation,
    OrganisationVersion,
    User,
)
from directory.resources import OrganisationResource
from directory.services.logos import organisation_remove_logo, organisation_set_logo
from directory.services.moderation import (
    OrganisationStateError,
    organisation_approve,
    organisation_archive,
    organisation_reject,
    organisation_restore,
)
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


class MembershipInline(admin.TabularInline[Membership, Organisation]):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)
    fields = ("user", "role", "created_at")
    readonly_fields = ("created_at",)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection"),
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=_(
            "Sent by email to the members of each organisation: say what to change "
            "so that the profile can be published."
        ),
    )


class OrganisationAdminForm(forms.ModelForm):  # type: ignore[type-arg]
    """The desk's profile form: a logo goes through the same checks and
    re-encoding as a member's upload (`directory.images`), never straight in."""

    new_logo = LogoField(label=_("New logo"), required=False)
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)

    class Meta:
        model = Organisation
        # The admin's fieldsets pick what is shown; the stored logo is never a field.
        fields = ("slug", *PROFILE_FIELDS)
        formfield_callback = https_url_fields


@admin.register(Organisation)
class OrganisationAdmin(ImportMixin, TranslationAdmin):  # type: ignore[type-arg]
    """Organisations for the desk: moderation, history, import.

    Status only moves through the moderation actions and buttons (each calls
    its service), never by editing the field, so every transition checks its
    source state and tells the members.
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
    filter_horizontal = ("sectors",)
    prepopulated_fields = {"slug": ("name",)}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = (*WORKFLOW_FIELDS, "logo_thumbnail")
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "primary_sector", "sectors")}),
        (
            _("Description"),
            {
                "fields": (
                    "short_description",
                    "description",
                    "logo_thumbnail",
                    "new_logo",
                    "remove_logo",
                )
            },
        ),
        (
            _("Contacts and place"),
            {
                "fields": (
                    "website",
                    "email",
                    "phone",
                    "address",
                    "postcode",
                    "municipality",
                    ("latitude", "longitude"),
                    ("linkedin", "instagram", "facebook"),
                )
            },
        ),
        (
            _("Business"),
            {
                "fields": (
                    "size",
                    "year_founded",
                    "vat_number",
                    "ateco_code",
                    "open_to_international",
                    "languages",
                )
            },
        ),
        (_("Workflow"), {"fields": WORKFLOW_FIELDS}),
    )
    actions = ("approve_selected", "reject_selected", "archive_selected", "restore_selected")
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

    # -- saving: every change by staff is a version --------------------------

    def save_model(self, request: HttpRequest, obj: Organisation, form: Any, change: bool) -> None:
        if not change and obj.status == Organisation.Status.PUBLISHED:
            obj.published_at = obj.published_at or timezone.now()
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
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
        changed = [name for name in form.changed_data if name in VERSIONED_FIELDS]
        if change and not changed:
            return
        if change:
            with translation.override(settings.LANGUAGE_CODE):
                labels = ", ".join(str(form.fields[name].label) for name in changed)
            note = history_note(gettext_noop("Changed by the desk: %(fields)s"), fields=labels)
        else:
            note = history_note(gettext_noop("Entered by the desk"))
        organisation_record_version(organisation=organisation, by=by, note=note)

    # -- moderation -------------------------------------------------------------

    def _apply(
        self,
        request: HttpRequest,
        organisations: QuerySet[Organisation] | list[Organisation],
        step: Callable[[Organisation], Any],
        *,
        done: str,
        log: str,
    ) -> int:
        """Run one workflow step on each organisation; report what changed and
        what was skipped, and why."""
        changed, skipped = 0, []
        for organisation in organisations:
            try:
                step(organisation)
            except OrganisationStateError as error:
                skipped.append(str(error))
            except ValidationError as error:
                skipped.append(f"{organisation}: {' '.join(error.messages)}")
            else:
                changed += 1
                self.log_change(request, organisation, log)
        if changed:
            self.message_user(request, done % {"count": changed}, messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                gettext("Skipped: %(count)d. %(reasons)s")
                % {"count": len(skipped), "reasons": " ".join(skipped[:10])},
                messages.WARNING,
            )
        return changed

    def _approve(self, request: HttpRequest, organisations: Any) -> int:
        return self._apply(
            request,
            organisations,
            lambda org: organisation_approve(organisation=org, by=request.user),  # type: ignore[arg-type]
            done=gettext("Organisations approved and published: %(count)d."),
            log=gettext("Approved"),
        )

    def _reject(self, request: HttpRequest, organisations: Any, reason: str) -> int:
        return self._apply(
            request,
            organisations,
            lambda org: organisation_reject(organisation=org, by=request.user, reason=reason),  # type: ignore[arg-type]
            done=gettext("Organisations rejected: %(count)d. The members have been told why."),
            log=gettext("Rejected: %(reason)s") % {"reason": reason},
        )

    def _archive(self, request: HttpRequest, organisations: Any) -> int:
        return self._apply(
            request,
            organisations,
            lambda org: organisation_archive(organisation=org, by=request.user),  # type: ignore[arg-type]
            done=gettext("Organisations archived: %(count)d."),
            log=gettext("Archived"),
        )

    def _restore(self, request: HttpRequest, organisations: Any) -> int:
        return self._apply(
            request,
            organisations,
            lambda org: organisation_restore(organisation=org, by=request.user),  # type: ignore[arg-type]
            done=gettext("Organisations restored from the archive: %(count)d."),
            log=gettext("Restored"),
        )

    @admin.action(
        description=_("Approve and publish the selected organisations"), permissions=["change"]
    )
    def approve_selected(self, request: HttpRequest, queryset: QuerySet[Organisation]) -> None:
        self._approve(request, queryset.order_by("name"))

    @admin.action(description=_("Reject the selected organisations…"), permissions=["change"])
    def reject_selected(
        self, request: HttpRequest, queryset: QuerySet[Organisation]
    ) -> HttpResponse | None:
        """Ask for the reason on a page of its own, then reject them all with it."""
        form = RejectForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            self._reject(request, queryset.order_by("name"), form.cleaned_data["reason"])
            return None
        return self._reject_page(request, list(queryset.order_by("name")), form, bulk=True)

    @admin.action(description=_("Archive the selected organisations"), permissions=["change"])
    def archive_selected(self, request: HttpRequest, queryset: QuerySet[Organisation]) -> None:
        self._archive(request, queryset.order_by("name"))

    @admin.action(
        description=_("Restore the selected organisations from the archive"),
        permissions=["change"],
    )
    def restore_selected(self, request: HttpRequest, queryset: QuerySet[Organisation]) -> None:
        self._restore(request, queryset.order_by("name"))

    def _reject_page(
        self,
        request: HttpRequest,
        organisations: list[Organisation],
        form: RejectForm,
        *,
        bulk: bool,
    ) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Reject organisations"),
            "opts": self.opts,
            "organisations": organisations,
            "pending": [o for o in organisations if o.status == Organisation.Status.PENDING],
            "skipped": [
                f"{o} ({o.get_status_display()})"
                for o in organisations
                if o.status != Organisation.Status.PENDING
            ],
            "form": form,
            "bulk": bulk,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/directory/organisation/reject.html", context)

    # -- pages of one organisation ------------------------------------------------

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("<path:object_id>/approve/", view(self.approve_view), name=f"{name}_approve"),
            path("<path:object_id>/reject/", view(self.reject_view), name=f"{name}_reject"),
            path("<path:object_id>/archive/", view(self.archive_view), name=f"{name}_archive"),
            path("<path:object_id>/restore/", view(self.restore_view), name=f"{name}_restore"),
            path("<path:object_id>/versions/", view(self.versions_view), name=f"{name}_versions"),
            path(
                "<path:object_id>/versions/<int:version_id>/",
                view(self.version_view),
                name=f"{name}_version",
            ),
            *super().get_urls(),
        ]

    def _organisation(self, request: HttpRequest, object_id: str, *, change: bool) -> Organisation:
        organisation: Organisation | None = self.get_object(request, unquote(object_id))
        if organisation is None:
            raise Http404
        allowed = (
            self.has_change_permission(request, organisation)
            if change
            else self.has_view_permission(request, organisation)
        )
        if not allowed:
            raise PermissionDenied
        return organisation

    def _change_url(self, organisation: Organisation) -> str:
        return reverse(
            f"{self.admin_site.name}:directory_organisation_change", args=[organisation.pk]
        )

    @method_decorator(require_POST)
    def approve_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        organisation = self._organisation(request, object_id, change=True)
        self._approve(request, [organisation])
        return HttpResponseRedirect(self._change_url(organisation))

    @method_decorator(require_POST)
    def archive_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        organisation = self._organisation(request, object_id, change=True)
        self._archive(request, [organisation])
        return HttpResponseRedirect(self._change_url(organisation))

    @method_decorator(require_POST)
    def restore_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        organisation = self._organisation(request, object_id, change=True)
        self._restore(request, [organisation])
        return HttpResponseRedirect(self._change_url(organisation))

    def reject_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        organisation = self._organisation(request, object_id, change=True)
        form = RejectForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            self._reject(request, [organisation], form.cleaned_data["reason"])
            return HttpResponseRedirect(self._change_url(organisation))
        return self._reject_page(request, [organisation], form, bulk=False)

    def versions_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        organisation = self._organisation(request, object_id, change=False)
        versions = list(organisation.versions.select_related("created_by"))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("History of %(name)s") % {"name": organisation},
            "opts": self.opts,
            "original": organisation,
            "rows": history.with_changes(versions),
        }
        return TemplateResponse(request, "admin/directory/organisation/versions.html", context)

    def version_view(self, request: HttpRequest, object_id: str, version_id: int) -> HttpResponse:
        organisation = self._organisation(request, object_id, change=request.method == "POST")
        version = get_object_or_404(
            OrganisationVersion.objects.select_related("created_by"),
            pk=version_id,
            organisation=organisation,
        )
        if request.method == "POST":
            try:
                organisation_revert(version=version, by=request.user)  # type: ignore[arg-type]
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.log_change(request, organisation, gettext("Reverted to an earlier version"))
                self.message_user(
                    request,
                    gettext("The profile is back as it was in this version."),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(self._change_url(organisation))
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Version of %(name)s") % {"name": organisation},
            "opts": self.opts,
            "original": organisation,
            "version": version,
            "rows": history.comparison(version, organisation),
            "can_revert": self.has_change_permission(request, organisation),
        }
        return TemplateResponse(
            request, "admin/directory/organisation/version_detail.html", context
        )
