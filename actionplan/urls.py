from django.urls import path

import directory.converters  # noqa: F401  (the converters below)
from actionplan.views import actions, consultation, dashboard, history, invitations, plans

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
]
