"""What the desk keeps about a person, for their download and their account's
deletion (`creativecities.panels.personal_data`): the enquiries they wrote, found by their
address, and their alert subscriptions."""

from __future__ import annotations

from typing import Any

from contactpoint.models import AlertSubscription, Enquiry
from directory.models import User


def enquiries_of(user: User) -> list[dict[str, Any]]:
    enquiries = (
        Enquiry.objects.filter(email__iexact=user.email)
        .select_related("sector", "organisation")
        .prefetch_related("messages")
        .order_by("created_at", "pk")
    )
    return [
        {
            "reference": enquiry.reference,
            "received": enquiry.created_at,
            "status": enquiry.status,
            "topic": enquiry.topic,
            "sector": str(enquiry.sector),
            "organisation": str(enquiry.organisation or ""),
            "subject": enquiry.subject,
            "message": enquiry.message,
            "name": enquiry.name,
            "email": enquiry.email,
            "phone": enquiry.phone,
            "privacy_consent_at": enquiry.privacy_consent_at,
            "privacy_policy_version": enquiry.privacy_policy_version,
            "conversation": "\n\n".join(
                f"[{message.created_at.isoformat()} {message.kind}] {message.text}"
                for message in enquiry.messages.all()
                if message.kind != message.Kind.NOTE
            ),
        }
        for enquiry in enquiries
    ]


def enquiries_forget(user: User) -> int:
    """The enquiry stays for the desk's figures and its conversation for the
    organisation's other members; who wrote it and how to reach them go, and
    so does the tracking link (the desk can no longer mail a reply)."""
    return Enquiry.objects.filter(email__iexact=user.email).update(
        name="", email="", phone="", token_hash=""
    )


def alerts_of(user: User) -> list[dict[str, Any]]:
    subscriptions = (
        AlertSubscription.objects.by_email(user.email)
        .prefetch_related("sectors")
        .order_by("created_at", "pk")
    )
    return [
        {
            "kind": "desk alerts",
            "email": subscription.email,
            "sectors": "; ".join(str(sector) for sector in subscription.sectors.all()),
            "language": subscription.language,
            "subscribed": subscription.created_at,
            "confirmed": subscription.confirmed_at,
        }
        for subscription in subscriptions
    ]


def alerts_forget(user: User) -> None:
    AlertSubscription.objects.by_email(user.email).delete()
