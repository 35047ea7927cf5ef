"""What the portal keeps of past states."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models.accounts import User
from directory.models.organisations import Organisation


class OrganisationVersion(models.Model):
    """A snapshot of a profile after each change, so staff can read and revert."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="versions"
    )
    data = models.JSONField()
    created_at = models.DateTimeField(_("saved"), default=timezone.now)
    created_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("what changed"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("profile version")
        verbose_name_plural = _("profile versions")
        ordering = ("-created_at", "-id")

    def __str__(self) -> str:
        return f"{self.organisation} @ {self.created_at:%Y-%m-%d %H:%M}"
