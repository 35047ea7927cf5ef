"""Invitations by an emailed link: what every kind of invitation shares.

The directory's invitations to join an organisation, the plan's invitations to
a partner's team and the survey's personal links all keep the same secret the
same way, declared here once; each model adds what it invites to.
"""

from __future__ import annotations

import datetime
from typing import Self, TypeVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from creativecities.links.hashed import new_token, token_digest, token_matches

_Invitation = TypeVar("_Invitation", bound="TokenInvitation")
_Expiring = TypeVar("_Expiring", bound="ExpiringInvitation")


class TokenInvitationQuerySet(models.QuerySet[_Invitation]):
    def by_token(self, token: str) -> _Invitation | None:
        """The invitation an emailed link names, found by the token's hash."""
        digest = self.model.hash_token(token)
        found = self.filter(token_hash=digest).first()
        # The index lookup already matched the digest; comparing again in
        # constant time keeps the answer from depending on where it differed.
        if found is None or not token_matches(found.token_hash, token):
            return None
        return found


class TokenInvitation(models.Model):
    """An invitation mailed to an address, opened by a link with a token.

    The link's token is in the email only: the table keeps its SHA-256
    (`creativecities.links.hashed`), so a copy of the database opens no invitation.
    """

    email = models.EmailField(_("email address"))
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        abstract = True

    @staticmethod
    def hash_token(token: str) -> str:
        return token_digest(token)

    def new_token(self) -> str:
        """Give the invitation a fresh token and return it, in clear, for the
        email; only its hash is saved (a token sent before stops working)."""
        token, self.token_hash = new_token()
        return token


class ExpiringInvitationQuerySet(TokenInvitationQuerySet[_Expiring]):
    def open(self) -> Self:
        """Not yet accepted, whether or not expired: at most one per address
        and target, by each model's constraint."""
        return self.filter(accepted_at__isnull=True)


class ExpiringInvitation(TokenInvitation):
    """An invitation to join something, accepted once within two weeks."""

    VALID_FOR = datetime.timedelta(days=14)
    # An invitation to the same address sent this recently is the same request
    # again (a double click, a second tab): it is kept and no second mail goes.
    REPEAT_WINDOW = datetime.timedelta(minutes=1)

    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def expires_at(self) -> datetime.datetime:
        return self.created_at + self.VALID_FOR

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and not self.is_expired
