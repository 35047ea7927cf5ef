"""The plan's models, one module per concern; imported here for Django and callers."""

from actionplan.models.actions import (
    ACTION_FIELDS,
    ACTION_FORM_FIELDS,
    ACTION_REVERTIBLE,
    ACTION_TRACKED,
    ACTION_UNDECLARED,
    MILESTONE_FIELDS,
    WORKING_LANGUAGE,
    Action,
    ActionField,
    ActionQuerySet,
    Milestone,
)
from actionplan.models.benchmark import (
    BenchmarkIndicator,
    BenchmarkIndicatorQuerySet,
    BenchmarkValue,
    BenchmarkValueQuerySet,
)
from actionplan.models.comments import Comment, CommentQuerySet
from actionplan.models.following import Follower, FollowerQuerySet
from actionplan.models.indicators import (
    INDICATOR_FIELDS,
    INDICATOR_TRACKED,
    Indicator,
    IndicatorUpdate,
)
from actionplan.models.people import (
    PartnerInvitation,
    PartnerInvitationQuerySet,
    PartnerMember,
    PartnerMemberQuerySet,
    PartnerRole,
)
from actionplan.models.plans import PLAN_FIELDS, THEME_FIELDS, Plan, PlanQuerySet, Theme
from actionplan.models.search import PublishedActionEntry, PublishedActionEntryQuerySet
from actionplan.models.versions import PlanVersion, PlanVersionQuerySet

__all__ = [
    "ACTION_FIELDS",
    "ACTION_FORM_FIELDS",
    "ACTION_REVERTIBLE",
    "ACTION_TRACKED",
    "ACTION_UNDECLARED",
    "INDICATOR_FIELDS",
    "INDICATOR_TRACKED",
    "MILESTONE_FIELDS",
    "PLAN_FIELDS",
    "THEME_FIELDS",
    "ActionField",
    "Action",
    "ActionQuerySet",
    "BenchmarkIndicator",
    "BenchmarkIndicatorQuerySet",
    "BenchmarkValue",
    "BenchmarkValueQuerySet",
    "Comment",
    "Follower",
    "FollowerQuerySet",
    "CommentQuerySet",
    "Indicator",
    "IndicatorUpdate",
    "Milestone",
    "PartnerInvitation",
    "PartnerInvitationQuerySet",
    "PartnerMember",
    "PartnerMemberQuerySet",
    "PartnerRole",
    "Plan",
    "PlanQuerySet",
    "PlanVersion",
    "PlanVersionQuerySet",
    "PublishedActionEntry",
    "PublishedActionEntryQuerySet",
    "Theme",
    "WORKING_LANGUAGE",
]
