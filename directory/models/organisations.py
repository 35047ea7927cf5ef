"""The members of the cluster: organisations, the people in them and invitations."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from creativecities.lists.search import SearchableQuerySet, SearchDocument, Weighted
from creativecities.media import PortalFileName
from directory.models.accounts import User
from directory.models.coordinates import Coordinates
from directory.models.reference import Municipality, Sector
from directory.validators import (
    normalise_ateco_code,
    normalise_vat_number,
    validate_ateco_code,
    validate_phone,
    validate_postcode,
    validate_vat_number,
)


def lapse_boundary() -> datetime.datetime:
    """The oldest confirmation that keeps a profile public now."""
    return timezone.now() - Organisation.LAPSE_AFTER


class OrganisationQuerySet(SearchableQuerySet["Organisation"]):
    def published(self, *, since: datetime.datetime | None = None) -> OrganisationQuerySet:
        """Profiles the public sees: published and confirmed by a member recently.

        A profile nobody has confirmed for 18 months may describe a business that
        no longer exists, so it leaves the public listing until confirmed again.
        `since` is the oldest confirmation that counts (`lapse_boundary()`).
        """
        return self.filter(
            status=Organisation.Status.PUBLISHED,
            confirmed_at__gte=lapse_boundary() if since is None else since,
        )

    def lapsed(self) -> OrganisationQuerySet:
        return self.filter(
            status=Organisation.Status.PUBLISHED,
            confirmed_at__lt=timezone.now() - Organisation.LAPSE_AFTER,
        )

    def in_sector(self, sector: Sector) -> OrganisationQuerySet:
        return self.filter(sectors=sector)

    def for_member(self, user: Any) -> OrganisationQuerySet:
        return self.filter(memberships__user=user)

    def for_account(self, user: Any) -> OrganisationQuerySet:
        """A person's organisations for their account page, each with their `role`."""
        from directory.models.memberships import Membership

        role = Membership.objects.filter(organisation=models.OuterRef("pk"), user=user)
        return (
            self.for_member(user)
            .annotate(role=models.Subquery(role.values("role")[:1]))
            .select_related("primary_sector", "municipality")
            .order_by("name", "pk")
        )

    def due_reminder(self) -> OrganisationQuerySet:
        """Published profiles unconfirmed for a year whose members were not
        asked to confirm in the last year (lapsed ones included)."""
        a_year_ago = timezone.now() - Organisation.REMIND_AFTER
        return self.filter(
            Q(reminder_sent_at__isnull=True) | Q(reminder_sent_at__lt=a_year_ago),
            status=Organisation.Status.PUBLISHED,
            confirmed_at__lt=a_year_ago,
        )

    def lapse_unannounced(self) -> OrganisationQuerySet:
        """Lapsed profiles the desk has not been told of since their last confirmation."""
        return self.lapsed().filter(
            Q(lapse_notified_at__isnull=True) | Q(lapse_notified_at__lt=models.F("confirmed_at"))
        )

    def for_cards(self) -> OrganisationQuerySet:
        """Only the columns a result card shows.

        The stored search vector and the long descriptions stay in the database:
        a page of twenty cards would otherwise carry them all. Sector and place
        are joined with `select_related`, or given from rows already read (the
        directory's filters read every sector and place for their form).
        """
        return self.only(*CARD_FIELDS)


# Columns a result card needs (see OrganisationQuerySet.for_cards).
CARD_FIELDS = (
    "id",
    "slug",
    "name",
    "kind",
    "primary_sector",
    "municipality",
    "short_description_it",
    "short_description_en",
    "logo_thumbnail",
    "latitude",
    "longitude",
    "updated_at",  # keys the card's cached fragment
)


# The fields of a public profile, declared once, in sections: the admin's
# fieldsets, the member's edit page and the export follow these sections, and
# `PROFILE_FIELDS` (their fields in order) is what a version records, a revert
# restores and an import reads. Translated fields are named per language.
# Status and dates belong to the workflow, not the profile. Add new ones at the end
# of a section.
PROFILE_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("identity", ("name", "kind", "primary_sector", "sectors")),
    (
        "description",
        ("short_description_it", "short_description_en", "description_it", "description_en"),
    ),
    (
        "contacts",
        (
            "website",
            "email",
            "phone",
            "address",
            "postcode",
            "municipality",
            "latitude",
            "longitude",
        ),
    ),
    ("business", ("size", "year_founded", "vat_number", "ateco_code")),
    ("online", ("linkedin", "instagram", "facebook")),
    ("international", ("open_to_international", "languages")),
)
PROFILE_SECTION_TITLES = {
    "identity": _("Organisation"),
    "description": _("Description"),
    "contacts": _("Contacts and place"),
    "business": _("Business"),
    "online": _("Online"),
    "international": _("International"),
}
PROFILE_FIELDS = tuple(name for _section, names in PROFILE_SECTIONS for name in names)

# The fields that follow a profile through its workflow: set by services, shown
# read-only to staff, never edited as profile content.
WORKFLOW_FIELDS = (
    "status",
    "rejection_reason",
    "created_at",
    "updated_at",
    "published_at",
    "confirmed_at",
    "reminder_sent_at",
    "lapse_notified_at",
)


class Organisation(Coordinates):
    """A member of the cluster: a private or public organisation of a creative
    sector, or an institution that promotes creativity."""

    # Names as typed (A); each language's descriptions stemmed, with the
    # sectors' names in both languages (B for Italian, C for English).
    search_document = SearchDocument(
        (
            Weighted("A", "simple", ("name", "municipality__name")),
            Weighted(
                "B",
                "italian",
                ("short_description_it", "description_it", "sectors__name_it", "sectors__name_en"),
            ),
            Weighted(
                "C",
                "english",
                ("short_description_en", "description_en", "sectors__name_it", "sectors__name_en"),
            ),
        )
    )

    LAPSE_AFTER = datetime.timedelta(days=548)  # 18 months
    REMIND_AFTER = datetime.timedelta(days=365)

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        FREELANCER = "freelancer", _("Freelancer")
        ASSOCIATION = "association", _("Association or non-profit")
        PUBLIC_BODY = "public", _("Public body")
        INSTITUTION = "institution", _("Institution promoting creativity")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Pending approval")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", pgettext_lazy("organisation status", "Rejected")
        ARCHIVED = "archived", _("Archived")

    class Size(models.TextChoices):
        SOLO = "1", _("1 person")
        MICRO = "2-9", _("2 to 9 employees")
        SMALL = "10-49", _("10 to 49 employees")
        MEDIUM = "50-249", _("50 to 249 employees")
        LARGE = "250+", _("250 employees or more")

    class Language(models.TextChoices):
        ITALIAN = "it", _("Italian")
        ENGLISH = "en", _("English")
        FRENCH = "fr", _("French")
        GERMAN = "de", _("German")
        SPANISH = "es", _("Spanish")
        POLISH = "pl", _("Polish")
        SLOVENIAN = "sl", _("Slovenian")
        HUNGARIAN = "hu", _("Hungarian")
        CHINESE = "zh", _("Chinese")
        ARABIC = "ar", _("Arabic")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    primary_sector = models.ForeignKey(
        Sector,
        verbose_name=_("main sector"),
        on_delete=models.PROTECT,
        related_name="primary_organisations",
    )
    sectors = models.ManyToManyField(
        Sector,
        verbose_name=_("sectors"),
        related_name="organisations",
        help_text=_("Every sector the organisation works in, the main one included."),
    )
    short_description = models.CharField(_("short description"), max_length=280)
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(_("logo"), upload_to=PortalFileName("logos", "webp"), blank=True)
    logo_thumbnail = models.ImageField(
        _("logo thumbnail"), upload_to=PortalFileName("logos/thumbs", "webp"), blank=True
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(
        _("public email"), blank=True, help_text=_("Shown on the public profile.")
    )
    phone = models.CharField(
        _("public phone"), max_length=30, blank=True, validators=[validate_phone]
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=5, blank=True, validators=[validate_postcode]
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    size = models.CharField(_("size"), max_length=10, choices=Size.choices, blank=True)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1000), MaxValueValidator(2100)],
    )
    vat_number = models.CharField(
        _("VAT number (Partita IVA)"),
        max_length=16,
        blank=True,
        validators=[validate_vat_number],
    )
    ateco_code = models.CharField(
        _("ATECO code"), max_length=10, blank=True, validators=[validate_ateco_code]
    )
    linkedin = models.URLField(_("LinkedIn"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    facebook = models.URLField(_("Facebook"), blank=True)
    open_to_international = models.BooleanField(
        _("open to international cooperation"), default=False
    )
    languages = ArrayField(
        models.CharField(max_length=2, choices=Language.choices),
        verbose_name=_("languages spoken"),
        default=list,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    members = models.ManyToManyField(
        User, through="Membership", related_name="organisations", verbose_name=_("members")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    confirmed_at = models.DateTimeField(
        _("last confirmed"),
        default=timezone.now,
        help_text=_("When a member last confirmed the profile is current."),
    )
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    lapse_notified_at = models.DateTimeField(_("staff told of lapse"), null=True, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)
    versions = GenericRelation("creativecities.Version")
    state_changes = GenericRelation("creativecities.StateChange")

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        permissions = [("moderate_organisation", _("Can moderate organisations"))]
        ordering = ("name",)
        indexes = [
            GinIndex(fields=["search_vector"], name="organisation_search"),
            models.Index(fields=["status", "confirmed_at"], name="organisation_public"),
            models.Index(fields=["status", "name", "id"], name="organisation_by_name"),
            models.Index(fields=["status", "-created_at", "id"], name="organisation_newest"),
            # The public listing's two orders, covering the freshness test so that
            # choosing a page's ids reads only the index (see directory/README.md).
            models.Index(
                fields=["name", "id"],
                include=["confirmed_at"],
                condition=Q(status="published"),
                name="organisation_published_name",
            ),
            models.Index(
                fields=["-created_at", "id"],
                include=["confirmed_at"],
                condition=Q(status="published"),
                name="organisation_published_new",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="organisation_coordinates_both_or_neither",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="organisation_rejection_has_reason",
                violation_error_message=_("A rejected organisation needs the reason."),
            ),
            models.CheckConstraint(
                # The cluster's growth figures count profiles by this date.
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="organisation_published_has_date",
                violation_error_message=_("A published organisation needs its publication date."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        """Store identifiers in one form, whoever typed them (members, staff, imports)."""
        super().clean()
        self.vat_number = normalise_vat_number(self.vat_number)
        if self.ateco_code:
            self.ateco_code = normalise_ateco_code(self.ateco_code)
        self.phone = " ".join(self.phone.split())

    @classmethod
    def lapse_months(cls) -> int:
        """After how many months without a confirmation a profile leaves the
        directory, as pages and emails say it."""
        return round(cls.LAPSE_AFTER / datetime.timedelta(days=365.25 / 12))

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.confirmed_at >= timezone.now() - self.LAPSE_AFTER
        )

    @property
    def kind_label(self) -> str:
        """The kind as shown to people (`get_kind_display` rebuilds its lookup on each call)."""
        return str(self.Kind(self.kind).label) if self.kind in self.Kind.values else self.kind

    @property
    def confirmation_due(self) -> bool:
        """A year has passed since a member said the profile is current."""
        return self.confirmed_at < timezone.now() - self.REMIND_AFTER
