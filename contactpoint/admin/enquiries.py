"""The desk's inbox: enquiries to assign, answer and close, standard replies, statistics.

The workflow's steps come from `ENQUIRY_WORKFLOW` through `WorkflowAdminMixin`
(bulk actions and buttons); the enquiry's page adds what staff need without
leaving it: the conversation with notes, a reply box (prefilled from a
standard reply in the requester's language), a note box, "assign to me", the
requester's organisation and earlier enquiries.
"""

from __future__ import annotations

import datetime
from typing import Any, cast

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ORDER_VAR, PAGE_VAR
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from contactpoint import figures
from contactpoint.forms import AnswerForm, AssignForm, NoteForm, StandardReplyPicker
from contactpoint.models import Enquiry, ReplyLink, StandardReply
from contactpoint.services import enquiries as service
from contactpoint.workdays import working_days_before
from creativecities.workflow.admin import HistoryAdminMixin, WorkflowAdminMixin
from directory.models import User


class AssigneeFilter(admin.SimpleListFilter):
    title = _("assigned to")
    parameter_name = "held"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        people = User.objects.filter(assigned_enquiries__isnull=False).distinct()
        return [
            ("me", _("Me")),
            ("nobody", _("Nobody")),
            *((str(person.pk), str(person.get_full_name() or person.email)) for person in people),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        value = self.value()
        if value == "me":
            return queryset.filter(assignee=request.user.pk)
        if value == "nobody":
            return queryset.filter(assignee__isnull=True)
        if value and value.isdigit():
            return queryset.filter(assignee=int(value))
        return queryset


class InboxFilter(admin.SimpleListFilter):
    """The inbox opens on what a clerk can act on: open enquiries they hold or
    nobody holds. It is a default, not a wall: "All enquiries" clears it, and
    any other filter or a search looks across every enquiry (a reference
    searched for is found even if it is closed or someone else's)."""

    title = _("inbox")
    parameter_name = "inbox"
    ALL = "all"

    def __init__(
        self, request: HttpRequest, params: dict[str, Any], model: Any, model_admin: Any
    ) -> None:
        ignored = {ORDER_VAR, PAGE_VAR, self.parameter_name}
        self.narrowed = any(key not in ignored for key in request.GET)
        super().__init__(request, params, model, model_admin)

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [(self.ALL, _("All enquiries"))]

    def applies_default(self) -> bool:
        return self.value() is None and not self.narrowed

    def choices(self, changelist: Any) -> Any:
        yield {
            "selected": self.applies_default(),
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Open, mine or unassigned"),
        }
        yield {
            "selected": not self.applies_default(),
            "query_string": changelist.get_query_string({self.parameter_name: self.ALL}),
            "display": _("All enquiries"),
        }

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.applies_default():
            return queryset.filter(status__in=service.OPEN).filter(
                Q(assignee__isnull=True) | Q(assignee=request.user.pk)
            )
        return queryset


class AgeFilter(admin.SimpleListFilter):
    """How long enquiries have waited, counted in working days like the target."""

    title = _("age")
    parameter_name = "age"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [
            ("late", _("Past the service target, unanswered")),
            ("week", _("Received in the last 7 days")),
            ("month", _("Received in the last 30 days")),
            ("older", _("Older than 30 days")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        now = timezone.now()
        value = self.value()
        if value == "late":
            cutoff = working_days_before(now, settings.DESK_SERVICE_TARGET_WORKING_DAYS)
            return queryset.filter(
                first_answered_at__isnull=True,
                status__in=[Enquiry.Status.NEW, Enquiry.Status.ASSIGNED],
                created_at__lt=cutoff,
            )
        days = {"week": 7, "month": 30}.get(value or "")
        if days:
            return queryset.filter(created_at__gte=now - datetime.timedelta(days=days))
        if value == "older":
            return queryset.filter(created_at__lt=now - datetime.timedelta(days=30))
        return queryset


@admin.register(Enquiry)
class EnquiryAdmin(WorkflowAdminMixin, admin.ModelAdmin[Enquiry]):
    workflow = service.ENQUIRY_WORKFLOW
    transition_forms = {"assign": AssignForm, "answer": AnswerForm}
    change_form_template = "admin/contactpoint/enquiry/change_form.html"
    list_display = ("reference_line", "subject", "status", "age", "received", "holder", "topic")
    list_display_links = ("reference_line", "subject")
    list_filter = (InboxFilter, "status", "topic", AssigneeFilter, AgeFilter)
    list_select_related = ("assignee",)
    search_fields = ("reference", "email", "name", "subject")
    date_hierarchy = "created_at"
    actions = ["assign_to_me"]
    fields = (
        "reference",
        "status",
        "assignee",
        "topic",
        "sector",
        "organisation",
        "call",
        "premises",
        "subject",
        "message",
        "name",
        "email",
        "phone",
        "language",
        "created_at",
        "first_answered_at",
        "closed_at",
        "privacy_consent_at",
        "privacy_policy_version",
        "anonymised_at",
    )
    readonly_fields = tuple(
        name for name in fields if name not in {"topic", "sector", "organisation"}
    )
    autocomplete_fields = ("organisation",)

    class Media:
        css = {"all": ["contactpoint/enquiries.css"]}

    @admin.display(description=_("reference"), ordering="reference")
    def reference_line(self, enquiry: Enquiry) -> str:
        return format_html('<span class="desk-nowrap">{}</span>', enquiry.reference)

    @admin.display(description=_("received"), ordering="created_at")
    def received(self, enquiry: Enquiry) -> str:
        return format_html(
            '<span class="desk-nowrap">{}</span>',
            date_format(timezone.localtime(enquiry.created_at), "SHORT_DATETIME_FORMAT"),
        )

    @admin.display(description=_("assigned to"), ordering="assignee__last_name")
    def holder(self, enquiry: Enquiry) -> str:
        """The holder by name (an address is too wide for the column)."""
        person = enquiry.assignee
        return (person.get_full_name() or person.email) if person else "-"

    @admin.display(description=_("age"), ordering="created_at")
    def age(self, enquiry: Enquiry) -> str:
        days = enquiry.working_days_open()
        text = ngettext("%(days)d working day", "%(days)d working days", days) % {"days": days}
        if enquiry.past_target:
            return format_html(
                '<span class="desk-age-late">{} · {}</span>', text, gettext("past the target")
            )
        return text

    def has_add_permission(self, request: HttpRequest) -> bool:
        """Enquiries come from the public form only."""
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        """Kept for the figures; `desk_anonymise` removes the personal data."""
        return False

    @admin.action(description=_("Assign to me"), permissions=["handle"])
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet[Enquiry]) -> None:
        self.take(request, self.workflow["assign"], list(queryset.order_by("pk")), to=request.user)

    def has_handle_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(service.HANDLE)

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path(
                "statistics/",
                view(self.statistics_view),
                name="contactpoint_enquiry_statistics",
            ),
            path(
                "<path:object_id>/assign-to-me/",
                view(self.assign_to_me_view),
                name="contactpoint_enquiry_assign_to_me",
            ),
            path(
                "<path:object_id>/note/",
                view(self.note_view),
                name="contactpoint_enquiry_note",
            ),
            *super().get_urls(),
        ]

    def _handled(self, request: HttpRequest, object_id: str) -> Enquiry:
        if request.method != "POST":
            raise PermissionDenied
        if not self.has_handle_permission(request):
            raise PermissionDenied
        return cast(Enquiry, self._object(request, object_id, change=True))

    def assign_to_me_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        enquiry = self._handled(request, object_id)
        self.take(request, self.workflow["assign"], [enquiry], to=request.user)
        return HttpResponseRedirect(self._url("change", enquiry.pk))

    def note_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        enquiry = self._handled(request, object_id)
        form = NoteForm(request.POST)
        if form.is_valid():
            try:
                service.enquiry_note(
                    enquiry=enquiry, text=form.cleaned_data["text"], by=cast(User, request.user)
                )
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(request, gettext("Note added."), messages.SUCCESS)
        else:
            self.message_user(request, gettext("Write the note."), messages.ERROR)
        return HttpResponseRedirect(self._url("change", enquiry.pk))

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        enquiry = self.get_object(request, unquote(object_id))
        extra = dict(extra_context or {})
        if enquiry is not None:
            extra.update(self._desk_context(request, enquiry))
        return super().change_view(request, object_id, form_url, extra)

    def _desk_context(self, request: HttpRequest, enquiry: Enquiry) -> dict[str, Any]:
        picker = StandardReplyPicker(request.GET or None)
        initial_text = ""
        if picker.is_valid() and picker.cleaned_data["standard_reply"] is not None:
            standard: StandardReply = picker.cleaned_data["standard_reply"]
            initial_text = standard.text_in(enquiry.language)
        handles = self.has_handle_permission(request)
        return {
            "conversation": list(
                enquiry.messages.select_related("author").prefetch_related(
                    "links__guide", "links__call", "links__premises"
                )
            ),
            "earlier": list(Enquiry.objects.earlier_than(enquiry).select_related("assignee")[:10]),
            "organisation": enquiry.organisation,
            "handles": handles,
            "can_answer": handles and enquiry.status in service.OPEN,
            "can_take": handles
            and enquiry.status in self.workflow["assign"].source
            and enquiry.assignee_id != request.user.pk,
            "picker": picker,
            "answer_form": self.answer_form(initial={"text": initial_text}),
            # Its own ids: the reply's text box is `id_text` on the same page.
            "note_form": NoteForm(auto_id="note_%s"),
            "answer_url": self._url("answer", enquiry.pk),
            "note_url": self._url("note", enquiry.pk),
            "assign_to_me_url": self._url("assign_to_me", enquiry.pk),
            "target_days": settings.DESK_SERVICE_TARGET_WORKING_DAYS,
        }

    def answer_form(self, **kwargs: Any) -> AnswerForm:
        """The reply form, its guides, calls and premises picked by searching
        (the admin's autocomplete, fed by those models' own admins)."""
        form = AnswerForm(**kwargs)
        for name, source in (("guides", "guide"), ("calls", "call"), ("premises", "premises")):
            field = cast(forms.ModelMultipleChoiceField[Any], form.fields[name])
            widget = AutocompleteSelectMultiple(ReplyLink._meta.get_field(source), self.admin_site)
            widget.choices = field.choices
            field.widget = widget
        return form

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: Any = None,
    ) -> HttpResponse:
        answer_form = context.get("answer_form")
        if answer_form is not None:
            context["media"] = context["media"] + answer_form.media
        return super().render_change_form(request, context, add, change, form_url, obj)

    def statistics_view(self, request: HttpRequest) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = self._context(
            request,
            title=gettext("Enquiry statistics"),
            figures=figures.statistics(),
        )
        return TemplateResponse(request, "admin/contactpoint/enquiry/statistics.html", context)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        extra = {
            **(extra_context or {}),
            "statistics_url": self._url("statistics"),
            "target_days": settings.DESK_SERVICE_TARGET_WORKING_DAYS,
        }
        return super().changelist_view(request, extra)


@admin.register(StandardReply)
class StandardReplyAdmin(HistoryAdminMixin, admin.ModelAdmin[StandardReply]):
    """Replies the desk gives often, in both languages; edits are kept as versions."""

    change_form_template = "admin/workflow/change_form.html"
    list_display = ("title_it", "title_en", "topic")
    list_filter = ("topic",)
    search_fields = ("title_it", "title_en", "text_it", "text_en")
    fields = ("title_it", "title_en", "topic", "text_it", "text_en")
