"""The plan's people: partner users (editor or viewer of one partner), the
plan's coordinators, and invitations to join a partner's team."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from creativecities.links.invitations import ExpiringInvitation, ExpiringInvitationQuerySet
from directory.models import Partner, User


class PartnerRole(models.TextChoices):
    EDITOR = "editor", _("Editor")
    VIEWER = "viewer", _("Viewer")


class PartnerMemberQuerySet(models.QuerySet["PartnerMember"]):
    def active(self) -> PartnerMemberQuerySet:
        return self.filter(user__is_active=True).select_related("user", "partner")

    def editors_of(self, partners: list[int]) -> PartnerMemberQuerySet:
        return self.active().filter(partner__in=partners, role=PartnerRole.EDITOR)


class PartnerMember(models.Model):
    """A person working on the plan for one partner institution.

    A person belongs to one partner only (the unique user): what they may edit
    follows from that partner. The coordinator flag is given on top of the
    partner role to the people who run the plan as a whole (in the project, a
    Gdańsk partner led it); it is not tied to their partner.
    """

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="plan_member", verbose_name=_("user")
    )
    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="plan_members", verbose_name=_("partner")
    )
    role = models.CharField(
        _("role"), max_length=10, choices=PartnerRole.choices, default=PartnerRole.VIEWER
    )
    is_coordinator = models.BooleanField(
        _("plan coordinator"),
        default=False,
        help_text=_("Edits every action, manages themes, consultations and publishing."),
    )
    created_at = models.DateTimeField(_("joined"), default=timezone.now)

    objects = PartnerMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner user")
        verbose_name_plural = _("partner users")
        ordering = ("partner__order", "user__email")

    def __str__(self) -> str:
        return f"{self.user} · {self.partner.name}"

    @property
    def is_editor(self) -> bool:
        return self.role == PartnerRole.EDITOR


class PartnerInvitationQuerySet(ExpiringInvitationQuerySet["PartnerInvitation"]):
    """`open()` and `by_token()`, as for the directory's invitations."""


class PartnerInvitation(ExpiringInvitation):
    """Staff invite a person by email to a partner's team, with a role.

    As the directory's invitations: the token is in the email only and the
    table keeps its SHA-256, so a copy of the database opens no invitation.
    """

    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="plan_invitations",
        verbose_name=_("partner"),
    )
    role = models.CharField(_("role"), max_length=10, choices=PartnerRole.choices)
    is_coordinator = models.BooleanField(_("plan coordinator"), default=False)

    objects = PartnerInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner invitation")
        verbose_name_plural = _("partner invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(accepted_at__isnull=True),
                name="partner_invitation_one_open_per_email",
                violation_error_message=_("An invitation to this address is already open."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.partner.name}"
