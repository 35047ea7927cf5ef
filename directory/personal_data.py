"""What the directory holds about a person: the account, its consents, its
memberships and the survey answers it submitted (registered in the core's
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


def survey_answers_of(user: User) -> list[Row]:
    from directory.survey.models import Answer

    answers = (
        Answer.objects.filter(answer_set__submitted_by=user)
        .select_related("answer_set__campaign", "answer_set__organisation", "question", "choice")
        .prefetch_related("choices")
        .order_by("answer_set__submitted_at", "pk")
    )
    return [
        {
            "campaign": str(answer.answer_set.campaign),
            "organisation": str(answer.answer_set.organisation or ""),
            "submitted_at": answer.answer_set.submitted_at,
            "question": str(answer.question),
            "choice": str(answer.choice or ""),
            "choices": "; ".join(str(choice) for choice in answer.choices.all()),
            "number": answer.number,
            "text": answer.text,
        }
        for answer in answers
    ]
