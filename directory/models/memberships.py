"""People in organisations: memberships, and invitations to join one."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from creativecities.links.invitations import ExpiringInvitation, ExpiringInvitationQuerySet
from directory.models.accounts import User
from directory.models.organisations import Organisation


class Membership(models.Model):
    """A person's place in an organisation; the owner registered it."""

    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        # Named for the person it stands for: the admin's "add another" agrees in
        # gender with the Italian noun ("un altro membro").
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation}"


class InvitationQuerySet(ExpiringInvitationQuerySet["Invitation"]):
    """`open()` and `by_token()`, as for every invitation that expires."""


class Invitation(ExpiringInvitation):
    """An email invitation to join an organisation, accepted by following a link
    whose token only the email carries (`TokenInvitation`)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=Q(accepted_at__isnull=True),
                name="invitation_one_open_per_email",
                violation_error_message=_("An invitation to this address is already open."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"
