"""The desk builds campaigns here: the campaign with its sections, each
section with its questions, each question with its choices.

Once a campaign has answers (drafts included), its questions can still be
added to and reworded, but not removed, retyped or given bounds that leave
out answers already given: the delete boxes disappear, the model's `clean`
refuses the change with a message, and the database refuses to delete an
answered question or choice (`RESTRICT`).
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from creativecities.workflow.admin import WorkflowAdminMixin
from directory.models import User
from survey import publishing, schedule, services
from survey.models import (
    AnswerSet,
    Campaign,
    Choice,
    Question,
    Section,
    SurveyInvitation,
)

LOCKED_NOTE = _(
    "This campaign has answers: questions, sections and choices can be added and "
    "reworded, but not removed, and a question's kind cannot change."
)


def _locked(campaign: Campaign | None) -> bool:
    return services.campaign_is_locked(campaign)


class SectionInline(TranslationTabularInline):  # type: ignore[type-arg]
    model = Section
    fields = ("order", "title", "description")
    extra = 0
    show_change_link = True

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not _locked(obj) and super().has_delete_permission(request, obj)


def next_year(moment: datetime.datetime) -> datetime.datetime:
    """The same day a year later (28 February for a 29th)."""
    try:
        return moment.replace(year=moment.year + 1)
    except ValueError:
        return moment.replace(year=moment.year + 1, day=28)


def next_slug(slug: str) -> str:
    """`indagine-2026` becomes `indagine-2027`; another slug gets `-copy`,
    then a number until it is free."""
    head, _sep, tail = slug.rpartition("-")
    base = f"{head}-{int(tail) + 1}" if head and tail.isdigit() and len(tail) == 4 else slug
    candidate = base if base != slug else f"{slug}-copy"
    number = 2
    while Campaign.objects.filter(slug=candidate).exists():
        candidate = f"{base}-copy-{number}"
        number += 1
    return candidate


@admin.register(Campaign)
class CampaignAdmin(WorkflowAdminMixin, TranslationAdmin):  # type: ignore[type-arg]
    """Publishing and withdrawing the results are the steps of
    `publishing.RESULTS_WORKFLOW` (actions and buttons made by the mixin);
    the form shows the status and its date, and cannot change them."""

    workflow = publishing.RESULTS_WORKFLOW
    change_form_template = "admin/workflow/change_form.html"
    list_display = (
        "title",
        "slug",
        "opens_at",
        "closes_at",
        "open_now",
        "answer_count",
        "results_status",
        "results_link",
    )
    list_filter = ("results_status",)
    change_list_template = "admin/survey/campaign/change_list.html"
    search_fields = ("title_it", "title_en", "slug")
    prepopulated_fields = {"slug": ("title_en",)}
    readonly_fields = ("answers_note", "results_status", "results_published_at", "results_link")
    fieldsets = (
        (None, {"fields": ("title", "slug", "introduction", "answers_note")}),
        (_("Dates"), {"fields": ("opens_at", "closes_at", "accepts_anonymous")}),
        (
            _("Results"),
            {"fields": ("results_link", "results_status", "results_published_at")},
        ),
    )
    inlines = (SectionInline,)
    actions = ("copy_campaign",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Campaign]:
        queryset: QuerySet[Campaign] = super().get_queryset(request)
        return queryset.annotate(answer_total=Count("answer_sets"))

    def save_model(self, request: HttpRequest, obj: Campaign, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        schedule.refresh()

    def delete_model(self, request: HttpRequest, obj: Campaign) -> None:
        super().delete_model(request, obj)
        schedule.refresh()

    @admin.display(description=_("open now"), boolean=True)
    def open_now(self, campaign: Campaign) -> bool:
        return campaign.is_open

    @admin.display(description=_("answer sets"), ordering="answer_total")
    def answer_count(self, campaign: Campaign) -> int:
        return int(getattr(campaign, "answer_total", 0))

    @admin.display(description=_("answers"))
    def answers_note(self, campaign: Campaign) -> str:
        if not _locked(campaign):
            return gettext("No answers yet: everything can still change.")
        return str(LOCKED_NOTE)

    @admin.display(description=_("results"))
    def results_link(self, campaign: Campaign | None) -> str:
        """The desk's results page of this campaign (counts, charts, exports);
        nothing yet on the page that adds a campaign."""
        if campaign is None or not campaign.pk:
            return "-"
        url = reverse("survey_results_admin:campaign", args=[campaign.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Results, charts and exports"))

    @admin.action(description=_("Copy for next year (questions only, dates a year later)"))
    def copy_campaign(self, request: HttpRequest, queryset: QuerySet[Campaign]) -> None:
        for campaign in queryset:
            copy = services.campaign_copy(
                campaign=campaign,
                slug=next_slug(campaign.slug),
                opens_at=next_year(campaign.opens_at),
                closes_at=next_year(campaign.closes_at),
            )
            self.message_user(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    gettext("Copied; check the title and dates of"),
                    reverse("admin:survey_campaign_change", args=[copy.pk]),
                    copy.slug,
                ),
                messages.SUCCESS,
            )


class QuestionInline(TranslationStackedInline):  # type: ignore[type-arg]
    model = Question
    fields = (
        ("order", "kind", "required"),
        "text",
        "help_text",
        ("min_value", "max_value"),
        "condition",
    )
    extra = 0
    show_change_link = True

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        campaign = obj.campaign if isinstance(obj, Section) else None
        return not _locked(campaign) and super().has_delete_permission(request, obj)

    def get_formset(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> Any:
        formset = super().get_formset(request, obj, **kwargs)
        field = formset.form.base_fields.get("condition")
        if field is not None and isinstance(obj, Section):
            field.queryset = _condition_choices(obj.campaign)  # type: ignore[attr-defined]
            field.label_from_instance = _condition_label  # type: ignore[attr-defined]
        return formset


def _condition_choices(campaign: Campaign) -> QuerySet[Choice]:
    return Choice.objects.filter(
        question__section__campaign=campaign, question__kind=Question.Kind.SINGLE
    ).select_related("question")


def _condition_label(choice: Choice) -> str:
    """A choice named with its question: several questions have a "Yes"."""
    return f"{choice.question.text} → {choice.label}"


class ConditionField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return _condition_label(obj)


@admin.register(Section)
class SectionAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("title", "campaign", "order")
    list_filter = ("campaign",)
    inlines = (QuestionInline,)
    actions = None

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        campaign = obj.campaign if obj is not None else None
        return not _locked(campaign) and super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return ("campaign",) if obj is not None and _locked(obj.campaign) else ()


class ChoiceInline(TranslationTabularInline):  # type: ignore[type-arg]
    model = Choice
    fields = ("order", "label", "code")
    extra = 0

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        campaign = obj.section.campaign if isinstance(obj, Question) else None
        return not _locked(campaign) and super().has_delete_permission(request, obj)


@admin.register(Question)
class QuestionAdmin(TranslationAdmin):  # type: ignore[type-arg]
    list_display = ("text", "kind", "section", "required")
    list_filter = ("section__campaign", "kind")
    search_fields = ("text_it", "text_en")
    inlines = (ChoiceInline,)
    actions = None

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        campaign = obj.section.campaign if obj is not None else None
        return not _locked(campaign) and super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "condition":
            kwargs["form_class"] = ConditionField
            kwargs["queryset"] = Choice.objects.filter(
                question__kind=Question.Kind.SINGLE
            ).select_related("question")
        if db_field.name == "section":
            kwargs["queryset"] = Section.objects.select_related("campaign")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class SurveyInvitationForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = SurveyInvitation
        fields = ("campaign", "organisation", "organisation_name", "email")


@admin.register(SurveyInvitation)
class SurveyInvitationAdmin(admin.ModelAdmin[SurveyInvitation]):
    """Invite an organisation with no member to answer through a personal
    link: one of the directory (its answers are the organisation's, as a
    member's would be), or one not in it (name and address only)."""

    form = SurveyInvitationForm
    list_display = ("email", "respondent_name", "campaign", "created_at", "used_at")
    list_select_related = ("campaign", "organisation")
    list_filter = ("campaign",)
    search_fields = ("email", "organisation__name", "organisation_name")
    autocomplete_fields = ("organisation",)
    actions = ("send_again",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ("created_at", "used_at")
        return ("campaign", "organisation", "organisation_name", "email", "created_at", "used_at")

    def save_model(
        self, request: HttpRequest, obj: SurveyInvitation, form: Any, change: bool
    ) -> None:
        if change:
            return
        sent = services.survey_invitation_send(
            campaign=obj.campaign,
            email=obj.email,
            organisation=obj.organisation,
            organisation_name=obj.organisation_name,
            by=request.user if isinstance(request.user, User) else None,
        )
        obj.pk = sent.pk
        obj.token_hash = sent.token_hash

    @admin.action(description=_("Send the link again (the old one stops working)"))
    def send_again(self, request: HttpRequest, queryset: QuerySet[SurveyInvitation]) -> None:
        count = 0
        for invitation in queryset.select_related("campaign", "organisation"):
            services.survey_invitation_resend(invitation=invitation)
            count += 1
        self.message_user(request, gettext("Links sent: %(count)d.") % {"count": count})


@admin.register(AnswerSet)
class AnswerSetAdmin(admin.ModelAdmin[AnswerSet]):
    """Who answered, read-only: answers are the respondents' own."""

    list_display = ("campaign", "organisation", "origin", "status", "updated_at", "submitted_at")
    list_filter = ("campaign", "status", "origin")
    search_fields = ("organisation__name",)
    list_select_related = ("campaign", "organisation")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
