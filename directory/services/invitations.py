"""Invitations: members ask colleagues to join, by an emailed link."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from creativecities.mail.notifications import email_after_commit
from directory.models import (
    Invitation,
    Membership,
    Organisation,
    User,
)


@transaction.atomic
def invitation_send(
    *, organisation: Organisation, email: str, by: User, language: str
) -> Invitation:
    """Invite a colleague by email to join the organisation.

    An address has at most one open invitation per organisation: inviting it
    again replaces the old link with a new one, valid for another 14 days. The
    same invitation sent again within a minute (a double click, two tabs, or
    requests at once) is the same request: it keeps the invitation just made
    and mails nothing more. The token is in the email only; the invitation
    stores its hash. Only a published organisation invites: the mail carries
    its name, which the desk has then reviewed.
    """
    if organisation.status != Organisation.Status.PUBLISHED:
        raise ValidationError(
            _("%(organisation)s can invite colleagues once the desk has published it.")
            % {"organisation": organisation.name},
            code="not_published",
        )
    if not organisation.memberships.filter(user=by).exists():
        raise PermissionDenied("Only a member can invite.")
    email = User.objects.normalize_email(email).lower()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(
            {
                "email": _("%(email)s is already a member of %(organisation)s.")
                % {"email": email, "organisation": organisation.name}
            },
            code="already_member",
        )
    # Sends to one address, one after the other: two at once (a double click,
    # a script) would each replace the other's invitation and race on the
    # constraint of one open invitation per address. Locking the organisation's
    # row makes them wait in turn; each then sees what the one before committed.
    Organisation.objects.select_for_update().filter(pk=organisation.pk).values_list("pk").get()
    open_invitations = Invitation.objects.open().filter(
        organisation=organisation, email__iexact=email
    )
    repeated = open_invitations.filter(created_at__gt=timezone.now() - Invitation.REPEAT_WINDOW)
    if (invitation := repeated.first()) is not None:
        return invitation
    open_invitations.delete()
    invitation = Invitation(organisation=organisation, email=email, invited_by=by)
    token = invitation.new_token()
    invitation.full_clean()
    invitation.save()
    with translation.override(language):
        path = reverse("directory:invitation", kwargs={"token": token})
    email_after_commit(
        to=[email],
        template="directory/emails/invitation",
        context={
            "invitation": invitation,
            "organisation": organisation,
            "by": by,
            "invitation_url": f"{settings.SITE_URL}{path}",
            "valid_days": Invitation.VALID_FOR.days,
        },
        language=language,
    )
    return invitation


@transaction.atomic
def invitation_accept(
    *,
    invitation: Invitation,
    user: User | None = None,
    first_name: str = "",
    last_name: str = "",
    password: str = "",
) -> Membership:
    """Make the invited person a member.

    Either `user` is the logged-in account whose address was invited, or no
    account exists yet and one is created, active at once: following the
    emailed link proved the address.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="used")
    if invitation.is_expired:
        raise ValidationError(_("This invitation has expired."), code="expired")
    user = invitation_account(
        invitation.email, user, first_name=first_name, last_name=last_name, password=password
    )
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": Membership.Role.MEMBER}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


def invitation_account(
    email: str, user: User | None, /, *, first_name: str, last_name: str, password: str
) -> User:
    """The account that accepts an invitation sent to `email`, inside the
    acceptance's transaction: the logged-in `user` if the address is theirs, or
    else a new account, active at once (following the emailed link proved the
    address). The directory's invitations and the plan's accept alike.
    """
    if user is None:
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _("An account with this email address already exists: log in to accept."),
                code="account_exists",
            )
        return User.objects.create_user(email, password, first_name=first_name, last_name=last_name)
    if user.email.lower() != email.lower():
        raise ValidationError(
            _("This invitation was sent to another email address."), code="wrong_user"
        )
    return user
