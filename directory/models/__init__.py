"""The directory's models, one module per concern; imported here for Django and callers."""

from directory.models.accounts import User, UserManager
from directory.models.memberships import Invitation, Membership
from directory.models.organisations import (
    CARD_FIELDS,
    PROFILE_FIELDS,
    PROFILE_SECTION_TITLES,
    PROFILE_SECTIONS,
    WORKFLOW_FIELDS,
    Organisation,
    OrganisationQuerySet,
)
from directory.models.ratings import PageRating, PageRatingQuerySet
from directory.models.reference import Municipality, Page, Partner, Sector

__all__ = [
    "CARD_FIELDS",
    "PROFILE_FIELDS",
    "PROFILE_SECTIONS",
    "PROFILE_SECTION_TITLES",
    "WORKFLOW_FIELDS",
    "Invitation",
    "Membership",
    "Municipality",
    "Organisation",
    "OrganisationQuerySet",
    "Page",
    "PageRating",
    "PageRatingQuerySet",
    "Partner",
    "Sector",
    "User",
    "UserManager",
]
