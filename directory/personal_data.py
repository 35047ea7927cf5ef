"""What the directory holds about a person: the account, its consents, its
memberships (registered in the core's
`creativecities.panels.personal_data` from `directory.plugs`)."""

from __future__ import annotations

from creativecities.panels.personal_data import Row
from directory.models import Membership, User


def account_of(user: User) -> list[Row]:
    return [
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "is_active": user.is_active,
        }
    ]


def consents_of(user: User) -> list[Row]:
    if user.privacy_consent_at is None:
        return []
    return [
        {
            "what": "privacy notice, at registration",
            "accepted_at": user.privacy_consent_at,
            "policy_version": user.privacy_policy_version,
        }
    ]


def memberships_of(user: User) -> list[Row]:
    memberships = (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("created_at", "pk")
    )
    return [
        {
            "organisation": membership.organisation.name,
            "organisation_slug": membership.organisation.slug,
            "organisation_status": membership.organisation.status,
            "role": membership.role,
            "joined": membership.created_at,
        }
        for membership in memberships
    ]
