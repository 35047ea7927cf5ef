"""Partner users: staff invite them by email with a role; the link makes them
members of the partner's team (the directory's invitation pattern)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplan.models import PartnerInvitation, PartnerMember, PartnerRole
from creativecities.limits.locks import lock_for_transaction
from creativecities.mail.notifications import email_after_commit, site_link
from directory.models import Partner, User
from directory.services.invitations import invitation_account

INVITE_PERMISSION = "actionplan.add_partnerinvitation"


@transaction.atomic
def partner_invitation_send(
    *,
    partner: Partner,
    email: str,
    role: str,
    is_coordinator: bool = False,
    by: User,
    language: str = "en",
) -> PartnerInvitation:
    """Invite a person to a partner's team with a role (staff only).

    One open invitation per address: inviting again replaces the link. The
    same invitation sent again within a minute (a double click, two tabs, two
    staff at once) is the same request: the invitation just made is kept and
    no second mail goes. A person already in a team is not invited again (a
    person belongs to one partner; staff change the membership in the admin).
    """
    if not by.is_active or not by.has_perm(INVITE_PERMISSION):
        raise PermissionDenied("Only staff invite partner users.")
    if role not in PartnerRole.values:
        raise ValidationError({"role": _("Choose editor or viewer.")})
    email = User.objects.normalize_email(email)
    if PartnerMember.objects.filter(user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("%(email)s already works on the plan for a partner.") % {"email": email}},
            code="already_member",
        )
    # Sends to one address wait in turn: at once, each would replace the
    # other's invitation and meet it on the one-open-per-address constraint.
    lock_for_transaction(f"actionplan.partner_invitation:{email.lower()}")
    open_invitations = PartnerInvitation.objects.open().filter(email__iexact=email)
    repeated = open_invitations.filter(
        partner=partner,
        role=role,
        is_coordinator=is_coordinator,
        created_at__gt=timezone.now() - PartnerInvitation.REPEAT_WINDOW,
    ).first()
    if repeated is not None:
        return repeated
    open_invitations.delete()
    invitation = PartnerInvitation(
        partner=partner, email=email, role=role, is_coordinator=is_coordinator, invited_by=by
    )
    token = invitation.new_token()
    invitation.full_clean()
    invitation.save()
    email_after_commit(
        to=[email],
        template="actionplan/emails/partner_invitation",
        context={
            "invitation": invitation,
            "partner": partner,
            "role": invitation.get_role_display,
            "invitation_url": site_link("actionplan:invitation", language=language, token=token),
            "valid_days": PartnerInvitation.VALID_FOR.days,
        },
        language=language,
    )
    return invitation


@transaction.atomic
def partner_invitation_accept(
    *,
    invitation: PartnerInvitation,
    user: User | None = None,
    first_name: str = "",
    last_name: str = "",
    password: str = "",
) -> PartnerMember:
    """Make the invited person a partner user, creating the account if needed
    (active at once: following the emailed link proved the address)."""
    invitation = PartnerInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise ValidationError(_("This invitation has expired or was already used."), code="used")
    user = invitation_account(
        invitation.email, user, first_name=first_name, last_name=last_name, password=password
    )
    if PartnerMember.objects.filter(user=user).exists():
        raise ValidationError(_("You already work on the plan for a partner."), code="member")
    member = PartnerMember(
        user=user,
        partner=invitation.partner,
        role=invitation.role,
        is_coordinator=invitation.is_coordinator,
    )
    member.full_clean()
    member.save()
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return member
