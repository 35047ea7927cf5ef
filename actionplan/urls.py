from django.urls import path

from actionplan.views import (
    actions,
    benchmark,
    consultation,
    dashboard,
    following,
    history,
    invitations,
    plans,
    public,
)
from creativecities.subscriptions import views as subscription_views
from directory import converters  # noqa: F401 (registers the URL converters)

app_name = "actionplan"

urlpatterns = [
    # The partner workspace (login: partner users).
    path("workspace/", dashboard.home, name="workspace"),
    path("workspace/plans/<bounded_slug:slug>/", dashboard.plan_dashboard, name="workspace_plan"),
    path("workspace/plans/<bounded_slug:slug>/edit/", plans.plan_edit, name="workspace_plan_edit"),
    path(
        "workspace/plans/<bounded_slug:slug>/themes/new/",
        plans.theme_form,
        name="workspace_theme_new",
    ),
    path(
        "workspace/plans/<bounded_slug:slug>/themes/<int:pk>/",
        plans.theme_form,
        name="workspace_theme_edit",
    ),
    path(
        "workspace/plans/<bounded_slug:slug>/step/<bounded_slug:step>/",
        plans.plan_step,
        name="workspace_plan_step",
    ),
    path(
        "workspace/plans/<bounded_slug:slug>/publish/",
        plans.plan_publish_view,
        name="workspace_publish",
    ),
    path(
        "workspace/plans/<bounded_slug:slug>/moderation/",
        plans.moderation,
        name="workspace_moderation",
    ),
    path(
        "workspace/plans/<bounded_slug:slug>/versions/", plans.versions, name="workspace_versions"
    ),
    path(
        "workspace/plans/<bounded_slug:slug>/actions/new/",
        actions.action_new,
        name="workspace_action_new",
    ),
    path("workspace/comments/<int:pk>/moderate/", plans.moderate, name="workspace_moderate"),
    path("workspace/actions/<int:pk>/", actions.action_detail, name="workspace_action"),
    path("workspace/actions/<int:pk>/edit/", actions.action_edit, name="workspace_action_edit"),
    path(
        "workspace/actions/<int:pk>/status/<bounded_slug:step>/",
        actions.action_step,
        name="workspace_action_step",
    ),
    path("workspace/actions/<int:pk>/comments/", actions.comment_new, name="workspace_comment_new"),
    path(
        "workspace/actions/<int:pk>/indicators/new/",
        actions.indicator_new,
        name="workspace_indicator_new",
    ),
    path(
        "workspace/actions/<int:pk>/milestones/new/",
        actions.milestone_new,
        name="workspace_milestone_new",
    ),
    path(
        "workspace/indicators/<int:pk>/edit/",
        actions.indicator_edit,
        name="workspace_indicator_edit",
    ),
    path(
        "workspace/indicators/<int:pk>/record/",
        actions.indicator_record,
        name="workspace_indicator_record",
    ),
    path(
        "workspace/milestones/<int:pk>/edit/",
        actions.milestone_edit,
        name="workspace_milestone_edit",
    ),
    path(
        "workspace/history/<bounded_slug:kind>/<int:pk>/",
        history.object_history,
        name="workspace_history",
    ),
    path(
        "workspace/history/<bounded_slug:kind>/<int:pk>/<int:version_id>/",
        history.object_history,
        name="workspace_history_version",
    ),
    path(
        "workspace/invitations/<invitation_token:token>/",
        invitations.invitation,
        name="invitation",
    ),
    # The public consultation, while the coordinator keeps it open to the public.
    path("consultation/<bounded_slug:slug>/", consultation.consultation, name="consultation"),
    path(
        "consultation/<bounded_slug:slug>/actions/<int:pk>/",
        consultation.consultation_action,
        name="consultation_action",
    ),
    # Public pages, read from published versions only.
    path("", public.plan_list, name="plans"),
    path("benchmark/", benchmark.benchmark, name="benchmark"),
    path(
        "benchmark/report/<int:partner_id>/",
        benchmark.benchmark_report,
        name="benchmark_report",
    ),
    # Links mailed before the shared subscription pages: the same pages.
    path(
        "follow/confirm/<confirmation_token:token>/",
        subscription_views.confirm,
        {"kind": "following"},
        name="follow_confirm",
    ),
    path(
        "follow/stop/<confirmation_token:token>/",
        subscription_views.stop,
        {"kind": "following"},
        name="follow_unsubscribe",
    ),
    # After every fixed path: a plan's slug never names one of them.
    path("<bounded_slug:slug>/", public.plan_detail, name="plan"),
    path("<bounded_slug:slug>/print/", public.plan_print, name="print"),
    path("<bounded_slug:slug>/export.csv", public.plan_export, name="export"),
    path("<bounded_slug:slug>/versions/", public.plan_versions, name="versions"),
    path("<bounded_slug:slug>/versions/<int:number>/", public.plan_detail, name="version"),
    path(
        "<bounded_slug:slug>/versions/<int:number>/print/",
        public.plan_print,
        name="version_print",
    ),
    path(
        "<bounded_slug:slug>/versions/<int:number>/changes/",
        public.plan_changes,
        name="changes",
    ),
    path("<bounded_slug:slug>/actions/<int:action_id>/", public.action_detail, name="action"),
    path(
        "<bounded_slug:slug>/actions/<int:action_id>/follow/",
        following.action_follow,
        name="follow",
    ),
]
