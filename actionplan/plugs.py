"""Everything the Joint Action Plan adds to the portal's core, in one place.

Called from `ActionplanConfig.ready()`: the plan's and the actions' workflows,
the tracked content, the sector pages' panel, the partners' workspace, the
desk's workbench, what it holds about a person and its demo data.

Subscriptions: following an action (kind `following`, `Follower`: a mail at each
publication of the plan; `services/following.py`).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from actionplan import page_cache, personal_data, site_map, site_search
from actionplan.admin.home import comments_waiting
from actionplan.benchmark_demo import benchmark_demo
from actionplan.demo import plan_demo
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
from actionplan.panels import home_actions_panel, plan_sector_panel, plan_workplace
from actionplan.services.actions import ACTION_WORKFLOW
from actionplan.services.following import FOLLOWING
from actionplan.services.plans import PLAN_WORKFLOW
from creativecities import history
from creativecities.demo.loaders import register_demo_loader
from creativecities.panels.pages import register_home_panel, register_sector_panel
from creativecities.panels.personal_data import register_personal_data
from creativecities.panels.workbench import register_workbench
from creativecities.panels.workplaces import register_workplace
from creativecities.subscriptions.kinds import register_kind
from creativecities.workflow import register_workflow


def plug() -> None:
    # Subscriptions: following an action, through the shared flow and pages.
    register_kind(FOLLOWING)
    # Workflows: a plan's drafting and publication, an action's progress.
    register_workflow(PLAN_WORKFLOW)
    register_workflow(ACTION_WORKFLOW)
    # History: every write path records a version, with the fields declared with
    # the models. An action's status is kept but never given back by a revert.
    history.track(Plan, fields=PLAN_FIELDS)
    history.track(Theme, fields=THEME_FIELDS)
    history.track(Action, fields=ACTION_TRACKED, revertible=ACTION_REVERTIBLE)
    history.track(Milestone, fields=MILESTONE_FIELDS)
    history.track(Indicator, fields=INDICATOR_TRACKED)
    # Panels: a sector's actions; the partners' workspace for their teams.
    register_sector_panel(plan_sector_panel)
    register_workplace(plan_workplace)
    register_home_panel(home_actions_panel, order=40)
    # Its section of the site map.
    site_map.register()
    # The published actions in the portal's one search.
    site_search.register()
    # The admin home: comments waiting for moderation.
    register_workbench(comments_waiting)
    # Personal data: actions followed by email, deleted with the account.
    register_personal_data(
        "actions_followed",
        label=_("Actions followed"),
        export=personal_data.following_of,
        erase=personal_data.following_forget,
    )
    # Demo data: the plan, and the partner cities' benchmark.
    register_demo_loader(plan_demo)
    register_demo_loader(benchmark_demo)
    # Page cache: the public pages kept for anonymous visitors until a publication.
    page_cache.register()
