"""The plan's people: partner users (editor or viewer of one partner), the
plan's coordinators, and invitations to join a partner's team."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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


class PartnerInvitationQuerySet(models.QuerySet["PartnerInvitation"]):
    def open(self) -> PartnerInvitationQuerySet:
        return self.filter(accepted_at__isnull=True)

    def by_token(self, token: str) -> PartnerInvitation | None:
        """The invitation an emailed link names, found by the token's hash."""
        digest = PartnerInvitation.hash_token(token)
        found = self.filter(token_hash=digest).select_related("partner").first()
        if found is None or not hmac.compare_digest(found.token_hash, digest):
            return None
        return found


class PartnerInvitation(models.Model):
    """Staff invite a person by email to a partner's team, with a role.

    As the directory's invitations: the token is in the email only and the
    table keeps its SHA-256, so a copy of the database opens no invitation.
    """

    VALID_FOR = datetime.timedelta(days=14)
    # The same invitation sent this recently is the same request again.
    REPEAT_WINDOW = datetime.timedelta(minutes=1)

    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="plan_invitations",
        verbose_name=_("partner"),
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=10, choices=PartnerRole.choices)
    is_coordinator = models.BooleanField(_("plan coordinator"), default=False)
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

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

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def new_token(self) -> str:
        """A fresh token, returned in clear for the email; only its hash is kept."""
        token = secrets.token_urlsafe(32)
        self.token_hash = self.hash_token(token)
        return token

    @property
    def expires_at(self) -> datetime.datetime:
        return self.created_at + self.VALID_FOR

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and timezone.now() < self.expires_at
