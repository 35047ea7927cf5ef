"""What the portal keeps of past states, for any model that asks.

Two records, each generic so that every app's tracked models share them: a
`Version` is the content of an object after a change (see `creativecities.history`),
a `StateChange` is one step of a workflow (see `creativecities.workflow`).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ObjectRecord(models.Model):
    """What every record of an object's past has: the object, and who acted."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True


class Version(ObjectRecord):
    """The tracked fields of an object as they were after one change.

    One change is one request, one service call or one command: however many
    saves it made, it leaves one version, credited to who made it.
    """

    data = models.JSONField()
    created_at = models.DateTimeField(_("saved"), default=timezone.now)
    note = models.CharField(_("what changed"), max_length=200, blank=True)

    class Meta(ObjectRecord.Meta):
        # The table the directory made, kept when the model moved to the core.
        db_table = "directory_version"
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ("-created_at", "-id")
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "-created_at", "-id"],
                name="version_of_object",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model} {self.object_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class StateChange(ObjectRecord):
    """One workflow step of an object: from which status to which, who, when, why."""

    transition = models.CharField(_("step"), max_length=50)
    source = models.CharField(_("from"), max_length=30)
    target = models.CharField(_("to"), max_length=30)
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta(ObjectRecord.Meta):
        db_table = "directory_statechange"
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ("-created_at", "-id")
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "-created_at"],
                name="state_change_of_object",
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.target}"
