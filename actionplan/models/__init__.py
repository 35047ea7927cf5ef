"""The plan's models, one module per concern; imported here for Django and callers."""

from actionplan.models.actions import WORKING_LANGUAGE, Action, ActionQuerySet, Milestone
from actionplan.models.benchmark import (
    BenchmarkIndicator,
    BenchmarkIndicatorQuerySet,
    BenchmarkValue,
    BenchmarkValueQuerySet,
)
from actionplan.models.comments import Comment, CommentQuerySet
from actionplan.models.following import Follower, FollowerQuerySet
from actionplan.models.indicators import Indicator, IndicatorUpdate
from actionplan.models.people import (
    PartnerInvitation,
    PartnerInvitationQuerySet,
    PartnerMember,
    PartnerMemberQuerySet,
    PartnerRole,
)
from actionplan.models.plans import Plan, PlanQuerySet, Theme
from actionplan.models.search import PublishedActionEntry, PublishedActionEntryQuerySet
from actionplan.models.versions import PlanVersion, PlanVersionQuerySet

__all__ = [
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
