"""Outgoing mail: every message the portal sends, kept as a record.

A record is written in the same transaction as the change it tells of, so a
rolled-back change leaves no mail and a committed one always has its mail. The
task queue delivers it (`creativecities.mail.tasks.email_deliver`); the record's status is
what guarantees that a message goes out at most once, however many times the
task runs.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmailQuerySet(models.QuerySet["OutgoingEmail"]):
    def overdue(self, *, grace: datetime.timedelta) -> OutgoingEmailQuerySet:
        """Queued mails that should have gone out more than `grace` ago: their
        task was lost (a worker down, a queue emptied) and must be enqueued again."""
        return self.filter(
            status=OutgoingEmail.Status.QUEUED,
            next_attempt_at__lt=timezone.now() - grace,
        )

    def resendable(self) -> OutgoingEmailQuerySet:
        """Mails staff may send again: those that failed, and those whose sending
        was interrupted (a worker stopped between claiming and finishing), which
        may or may not have reached the mail server."""
        return self.filter(
            Q(status=OutgoingEmail.Status.FAILED)
            | Q(
                status=OutgoingEmail.Status.SENDING,
                last_attempt_at__lt=timezone.now() - OutgoingEmail.INTERRUPTED_AFTER,
            )
        )


class OutgoingEmail(models.Model):
    """One message, its recipients and what became of it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    # Attempts before a mail is marked failed, and the wait before each retry:
    # 2, 8, 32 and 128 minutes, so a mail server down for nearly three hours
    # still gets every message.
    MAX_ATTEMPTS = 5
    RETRY_BASE = datetime.timedelta(minutes=2)
    RETRY_FACTOR = 4
    # A mail "sending" for longer than this was interrupted: no delivery takes so long.
    INTERRUPTED_AFTER = datetime.timedelta(minutes=15)

    to = ArrayField(models.EmailField(max_length=254), verbose_name=_("to"))
    reply_to = ArrayField(
        models.EmailField(max_length=254), verbose_name=_("reply to"), default=list, blank=True
    )
    subject = models.TextField(_("subject"))
    body = models.TextField(_("body"))
    headers = models.JSONField(
        _("headers"),
        default=dict,
        blank=True,
        help_text=_("Extra mail headers, such as List-Unsubscribe."),
    )
    template = models.CharField(
        _("template"), max_length=200, help_text=_("The templates the message was written from.")
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        # The table the directory made, kept when the model moved to the core.
        db_table = "directory_outgoingemail"
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ("-created_at", "-id")
        permissions = [("resend_outgoingemail", "Can send an email again")]
        indexes = [
            # The admin's list, newest first, by date and by template.
            models.Index(fields=["-created_at", "-id"], name="outgoingemail_newest"),
            models.Index(fields=["template", "-created_at"], name="outgoingemail_template"),
            # The status filter, and the retry command's look for overdue mail.
            models.Index(fields=["status", "next_attempt_at"], name="outgoingemail_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="sent", sent_at__isnull=False)
                | (~Q(status="sent") & Q(sent_at__isnull=True)),
                name="outgoingemail_sent_has_time",
            ),
            models.CheckConstraint(condition=~Q(to=[]), name="outgoingemail_has_recipient"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.to)}"

    @classmethod
    def retry_delay(cls, attempts: int) -> datetime.timedelta:
        """How long to wait after the `attempts`-th failed attempt (exponential)."""
        factor: int = cls.RETRY_FACTOR ** max(attempts - 1, 0)
        return cls.RETRY_BASE * factor
