"""What the portal's history keeps of the plan: every change of these fields,
whatever path wrote it (workspace, admin, demo data), is a `Version` with who
and when, readable as a difference in the workspace and the admin."""

from __future__ import annotations

PLAN_FIELDS = (
    "title_it",
    "title_en",
    "summary_it",
    "summary_en",
    "starts_on",
    "ends_on",
    "public_comments_open",
)
THEME_FIELDS = ("title_it", "title_en", "description_it", "description_en", "sectors", "order")
ACTION_CONTENT = (
    "theme",
    "title",
    "description",
    "objectives",
    "lead_partner",
    "partners",
    "starts_on",
    "ends_on",
    "budget_estimate",
    "funding_source",
    "sectors",
    "order",
)
# The status is kept in the history too (a step shows in the action's
# versions) but is never given back by a revert: it moves by the workflow only.
ACTION_FIELDS = (*ACTION_CONTENT, "status")
MILESTONE_FIELDS = ("title", "due_on", "done_on")
INDICATOR_FIELDS = ("name", "unit", "baseline", "target", "target_date", "order")
