"""Admin for the plan, its themes, actions and versions, with history and workflow."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from actionplan.models import (
    ACTION_FIELDS,
    Action,
    Comment,
    Indicator,
    Milestone,
    Plan,
    PlanVersion,
    Theme,
)
from actionplan.services.plans import PLAN_WORKFLOW
from creativecities.workflow.admin import HistoryAdminMixin, WorkflowAdminMixin


@admin.register(Plan)
class PlanAdmin(WorkflowAdminMixin, HistoryAdminMixin, TranslationAdmin):  # type: ignore[type-arg]
    # Its "History" button opens the versions, beside the workflow if any.
    change_form_template = "admin/workflow/change_form.html"
    workflow = PLAN_WORKFLOW
    list_display = ("title", "starts_on", "ends_on", "status", "version")
    list_filter = ("status",)
    readonly_fields = ("status", "version")
    prepopulated_fields = {"slug": ("title_en",)}


@admin.register(Theme)
class ThemeAdmin(HistoryAdminMixin, TranslationAdmin):  # type: ignore[type-arg]
    # Its "History" button opens the versions, beside the workflow if any.
    change_form_template = "admin/workflow/change_form.html"
    list_display = ("title", "plan", "order")
    list_filter = ("plan",)
    filter_horizontal = ("sectors",)


class MilestoneInline(admin.TabularInline[Milestone, Action]):
    model = Milestone
    extra = 0


class IndicatorInline(admin.TabularInline[Indicator, Action]):
    model = Indicator
    extra = 0
    fields = ("name", "unit", "baseline", "target", "target_date", "order")


@admin.register(Action)
class ActionAdmin(HistoryAdminMixin, admin.ModelAdmin[Action]):
    """Staff correct actions here; partners work in the workspace. The form
    follows the declared fields (`ACTION_FIELDS`); the status moves through the
    workflow in the workspace, so it is read-only here, as the stamps are."""

    # Its "History" button opens the versions, beside the workflow if any.
    change_form_template = "admin/workflow/change_form.html"
    list_display = ("title", "theme", "lead_partner", "status", "ends_on")
    list_filter = ("theme__plan", "status", "lead_partner")
    list_select_related = ("theme", "lead_partner")
    search_fields = ("title",)
    fields = (*(f.name for f in ACTION_FIELDS), "created_at", "updated_at")
    readonly_fields = (
        *(f.name for f in ACTION_FIELDS if f.role == "workflow"),
        "created_at",
        "updated_at",
    )
    filter_horizontal = ("partners", "sectors")
    inlines = (MilestoneInline, IndicatorInline)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin[Comment]):
    list_display = (
        "action",
        "author",
        "author_name",
        "moderation",
        "on_consultation",
        "created_at",
    )
    list_filter = ("moderation", "on_consultation")
    list_select_related = ("action", "author")
    search_fields = ("body", "author_name", "author_email")
    raw_id_fields = ("action", "parent", "author")


@admin.register(PlanVersion)
class PlanVersionAdmin(admin.ModelAdmin[PlanVersion]):
    """Published versions are frozen: readable, never edited."""

    list_display = ("plan", "number", "published_at", "published_by")
    list_select_related = ("plan", "published_by")
    list_filter = ("plan",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
