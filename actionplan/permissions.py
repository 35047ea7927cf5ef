"""Who may do what in the plan: small predicates the views call."""

from __future__ import annotations

from directory.models import Partner, User


def can_report_benchmark(user: User, partner: Partner) -> bool:
    """Only an active editor of the partner records its city's benchmark values."""
    member = getattr(user, "plan_member", None)
    return (
        user.is_active
        and member is not None
        and member.partner_id == partner.pk
        and member.role == "editor"
    )
