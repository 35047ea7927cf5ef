"""People in organisations: memberships, and invitations to join one."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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


class InvitationQuerySet(models.QuerySet["Invitation"]):
    def open(self) -> InvitationQuerySet:
        """Not yet accepted, whether or not expired: at most one per address
        and organisation (the constraint `invitation_one_open_per_email`)."""
        return self.filter(accepted_at__isnull=True)

    def by_token(self, token: str) -> Invitation | None:
        """The invitation an emailed link names, found by the token's hash."""
        digest = Invitation.hash_token(token)
        found = self.filter(token_hash=digest).first()
        # The index lookup already matched the digest; comparing again in
        # constant time keeps the answer from depending on where it differed.
        if found is None or not hmac.compare_digest(found.token_hash, digest):
            return None
        return found


class Invitation(models.Model):
    """An email invitation to join an organisation, accepted by following a link.

    The link's token is in the email only: the table keeps its SHA-256, so a
    copy of the database (a backup, a read-only replica, an admin who can read
    rows) opens no invitation. A fast hash is enough, unlike for passwords: the
    token is 256 random bits, so there is no list of likely values to try and
    slowing each guess down would protect nothing.
    """

    VALID_FOR = datetime.timedelta(days=14)
    # An invitation to the same address sent this recently is the same request
    # again (a double click, a second tab): it is kept and no second mail goes.
    REPEAT_WINDOW = datetime.timedelta(minutes=1)

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

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

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    def new_token(self) -> str:
        """Give the invitation a fresh token and return it, in clear, for the
        email; only its hash is saved."""
        token = secrets.token_urlsafe(32)
        self.token_hash = self.hash_token(token)
        return token

    @property
    def expires_at(self) -> datetime.datetime:
        return self.created_at + self.VALID_FOR

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and not self.is_expired
