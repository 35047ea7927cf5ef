"""What the portal's history keeps of the plan: every change of these fields,
whatever path wrote it (workspace, admin, demo data), is a `Version` with who
and when, readable as a difference in the workspace and the admin. The fields
are declared with the models (`actionplan.models`)."""

from __future__ import annotations

from directory import history


def track_plan() -> None:
    from actionplan.models import (
        ACTION_REVERTIBLE,
        ACTION_TRACKED,
        INDICATOR_TRACKED,
        MILESTONE_FIELDS,
        PLAN_FIELDS,
        THEME_FIELDS,
        Action,
        Indicator,
        Milestone,
        Plan,
        Theme,
    )

    history.track(Plan, fields=PLAN_FIELDS)
    history.track(Theme, fields=THEME_FIELDS)
    # The status is kept (a step shows in the action's versions) but never
    # given back by a revert: it moves by the workflow only.
    history.track(Action, fields=ACTION_TRACKED, revertible=ACTION_REVERTIBLE)
    history.track(Milestone, fields=MILESTONE_FIELDS)
    history.track(Indicator, fields=INDICATOR_TRACKED)
