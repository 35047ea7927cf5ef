"""Enquiries: a question a business asks the desk, and the conversation it starts.

An enquiry is saved the moment it is sent, with a readable reference
(`CC-2026-000123`) for phone calls and letters, and the hash of a private
token: the tracking link carries the token, the database only its hash, so a
copy of the database opens no conversation and the reference alone opens
nothing. Staff replies and the requester's answers are `EnquiryMessage`s of
their kind; internal notes are messages too, which `public()` leaves out
wherever the requester reads.
"""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contactpoint.models.calls import FundingCall
from contactpoint.models.guides import Guide
from contactpoint.models.premises import Premises
from contactpoint.models.topics import Topic
from contactpoint.workdays import working_days_between
from creativecities.links.hashed import token_matches
from directory.models import Organisation, Sector


class NextReference(models.Func):
    """The next reference, `CC-<year>-<number>`, drawn by the database as the
    enquiry is inserted: `contactpoint_next_reference()` (migration 0004) takes
    the number from a sequence of its own, at least six digits, and the year of
    the moment in Rome; the insert returns it, so a submission reads no number
    beforehand."""

    function = "contactpoint_next_reference"
    arity = 0
    output_field = models.CharField()


# What the tracking page shows of an enquiry (`EnquiryQuerySet.for_tracking`).
TRACKING_FIELDS = (
    "reference",
    "token_hash",
    "status",
    "topic",
    "subject",
    "message",
    "language",
    "call",
    "premises",
    "created_at",
    "anonymised_at",
)


class EnquiryQuerySet(models.QuerySet["Enquiry"]):
    def open(self) -> EnquiryQuerySet:
        """Enquiries the desk still has to deal with (answered ones wait for the requester)."""
        return self.filter(status__in=[Enquiry.Status.NEW, Enquiry.Status.ASSIGNED])

    def for_tracking(self) -> EnquiryQuerySet:
        """What the requester's page shows, in one query: of the enquiry the
        fields on the page (and the token's hash), of the call or premises it is
        about only what a link shows (slug and title in each language).

        Building the SQL costs more than running it, and grows with the
        columns. A reply sent from the page reads the other fields it needs
        when it needs them."""
        titles = ("title", *(f"title_{code}" for code, _name in settings.LANGUAGES))
        about = [f"{item}__{name}" for item in ("call", "premises") for name in ("slug", *titles)]
        return self.select_related("call", "premises").only(*TRACKING_FIELDS, *about)

    def for_inbox(self) -> EnquiryQuerySet:
        return self.select_related("assignee", "sector", "organisation")

    def for_organisations(self, organisations: Any) -> EnquiryQuerySet:
        """The enquiries of these organisations, newest first, for a member's account."""
        return (
            self.filter(organisation__in=organisations)
            .select_related("organisation")
            .order_by("-created_at")
        )

    def for_member(self, user: Any) -> EnquiryQuerySet:
        """The enquiries a logged-in person may follow without the tracking
        link: those of the organisations they are a member of, as the tracking
        page reads them."""
        return self.for_tracking().filter(organisation__memberships__user=user)

    def earlier_than(self, enquiry: Enquiry) -> EnquiryQuerySet:
        """Other enquiries by the same email address or organisation, for staff."""
        same = models.Q(email__iexact=enquiry.email) if enquiry.email else models.Q(pk__in=[])
        if enquiry.organisation_id:
            same |= models.Q(organisation_id=enquiry.organisation_id)
        return self.filter(same).exclude(pk=enquiry.pk).order_by("-created_at")

    def due_anonymising(self, now: datetime.datetime | None = None) -> EnquiryQuerySet:
        """Closed enquiries past the keeping period, not yet anonymised."""
        now = now or timezone.now()
        months = settings.DESK_ANONYMISE_AFTER_MONTHS
        cutoff = now - datetime.timedelta(days=round(months * 30.44))
        return self.filter(
            status=Enquiry.Status.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True
        )


class Enquiry(models.Model):
    """A question to the desk, from a business or a person, with or without an account."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        ANSWERED = "answered", pgettext_lazy("enquiry status", "Answered")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(
        _("reference"), max_length=20, unique=True, editable=False, db_default=NextReference()
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="enquiries"
    )
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="it"
    )
    call = models.ForeignKey(
        FundingCall,
        verbose_name=_("about the call"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
    )
    premises = models.ForeignKey(
        Premises,
        verbose_name=_("about the premises"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
    )
    privacy_consent_at = models.DateTimeField(_("privacy notice accepted at"))
    privacy_policy_version = models.CharField(_("privacy notice version"), max_length=20)
    token_hash = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_enquiries",
        limit_choices_to={"is_staff": True},
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    first_answered_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    # The requester's follow-ups reach the desk at most once an hour per enquiry:
    # when it was last told of them, and when the digest of those since is due.
    followups_told_at = models.DateTimeField(
        _("desk last told of follow-ups"), null=True, blank=True, editable=False
    )
    followups_digest_due_at = models.DateTimeField(
        _("follow-ups digest due"), null=True, blank=True, editable=False
    )

    objects: ClassVar[EnquiryQuerySet] = EnquiryQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ("-created_at",)
        permissions = [("handle_enquiry", _("Can assign, answer and close enquiries"))]
        indexes = [models.Index(fields=["email"], name="enquiry_email")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="closed") | models.Q(closed_at__isnull=False),
                name="enquiry_closed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def token_matches(self, token: str) -> bool:
        """Whether `token` is this enquiry's, compared in constant time."""
        return token_matches(self.token_hash, token)

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    def working_days_open(self, now: datetime.datetime | None = None) -> int:
        """Working days since it arrived, until its first answer if it had one:
        what the service target counts."""
        end = self.first_answered_at or now or timezone.now()
        return working_days_between(self.created_at, end)

    @property
    def past_target(self) -> bool:
        """Still waiting for a first answer beyond the desk's service target."""
        if self.first_answered_at is not None or self.status == self.Status.CLOSED:
            return False
        return self.working_days_open() > settings.DESK_SERVICE_TARGET_WORKING_DAYS


class EnquiryMessageQuerySet(models.QuerySet["EnquiryMessage"]):
    def public(self) -> EnquiryMessageQuerySet:
        """What the requester may read: replies and their own messages, never notes."""
        return self.exclude(kind=EnquiryMessage.Kind.NOTE).order_by("created_at", "pk")


class EnquiryMessage(models.Model):
    """One entry of an enquiry's conversation: a staff reply, the requester's
    message, or an internal note the requester never sees."""

    class Kind(models.TextChoices):
        REPLY = "reply", _("Reply from the desk")
        REQUESTER = "requester", _("Message from the requester")
        NOTE = "note", _("Internal note")

    enquiry = models.ForeignKey(
        Enquiry, verbose_name=_("enquiry"), on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("text"), max_length=10000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    has_links = models.BooleanField(default=False, editable=False)

    objects: ClassVar[EnquiryMessageQuerySet] = EnquiryMessageQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("enquiry message")
        verbose_name_plural = _("enquiry messages")
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return f"{self.enquiry} · {self.get_kind_display()}"


class ReplyLink(models.Model):
    """A guide, call or premises a staff reply points the requester to. One
    table for the three kinds, so a conversation reads its links in one query."""

    message = models.ForeignKey(EnquiryMessage, on_delete=models.CASCADE, related_name="links")
    guide = models.ForeignKey(
        Guide, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    call = models.ForeignKey(
        FundingCall, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    premises = models.ForeignKey(
        Premises, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("link in a reply")
        verbose_name_plural = _("links in replies")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(guide__isnull=False, call__isnull=True, premises__isnull=True)
                    | models.Q(guide__isnull=True, call__isnull=False, premises__isnull=True)
                    | models.Q(guide__isnull=True, call__isnull=True, premises__isnull=False)
                ),
                name="reply_link_one_item",
            ),
        ]

    def __str__(self) -> str:
        return str(self.item)

    @property
    def item(self) -> Guide | FundingCall | Premises:
        found = self.guide or self.call or self.premises
        assert found is not None  # noqa: S101 - the constraint holds one
        return found

    @property
    def kind(self) -> str:
        return "guide" if self.guide_id else "call" if self.call_id else "premises"


class StandardReply(models.Model):
    """A reply the desk gives often, saved in both languages, to start a reply from."""

    title = models.CharField(_("title"), max_length=200, unique=True)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, blank=True)
    text_it = models.TextField(_("text in Italian"))
    text_en = models.TextField(_("text in English"))

    class Meta:
        verbose_name = _("standard reply")
        verbose_name_plural = _("standard replies")
        ordering = ("title",)

    def __str__(self) -> str:
        return self.title

    def text_in(self, language: str) -> str:
        return self.text_en if language == "en" else self.text_it
