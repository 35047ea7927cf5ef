"""Premises (spazi disponibili) offered to creative businesses, with photos
re-encoded by the directory's upload rules."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contactpoint.models.publication import FirstPublication
from creativecities.fields import Declared
from creativecities.lists.search import SearchableQuerySet, SearchDocument, Weighted
from creativecities.media import PortalFileName
from directory.models import Municipality, Sector
from directory.models.coordinates import Coordinates
from directory.validators import validate_phone


class PremisesQuerySet(SearchableQuerySet["Premises"]):
    def published(self) -> PremisesQuerySet:
        return self.filter(is_published=True)

    def for_cards(self) -> PremisesQuerySet:
        """What a list card shows: the municipality and the first photo, in two
        queries whatever the number of rows (the search vector stays behind)."""
        return (
            self.defer("search_vector")
            .select_related("municipality")
            .prefetch_related(
                models.Prefetch("photos", queryset=PremisesPhoto.objects.order_by("order", "id"))
            )
        )

    def in_sector(self, sector: Sector | int) -> PremisesQuerySet:
        return self.filter(sectors=sector)

    def for_sectors(self, sector_ids: list[int]) -> PremisesQuerySet:
        """Premises suited to any of the sectors (each once), for the alerts digest."""
        matching = Premises.objects.filter(sectors__in=sector_ids).values("pk")
        return self.filter(pk__in=matching)

    def published_since(self, since: datetime.datetime) -> PremisesQuerySet:
        """Premises first published at or after `since`, for the alerts digest."""
        return self.filter(published_at__gte=since)


class Premises(FirstPublication, Coordinates):
    """A space to rent: what it is, how big, how much, where, and whom to call."""

    class Kind(models.TextChoices):
        OFFICE = "office", _("Office")
        STUDIO = "studio", _("Studio")
        WORKSHOP = "workshop", _("Workshop")
        SHOP = "shop", _("Shop")
        COWORKING = "coworking", _("Coworking desk")
        WAREHOUSE = "warehouse", _("Warehouse")

    class RegenerationArea(models.TextChoices):
        """Areas of Genoa under an urban regeneration programme."""

        HISTORIC_CENTRE = "historic-centre", _("Historic centre")
        VAL_POLCEVERA = "val-polcevera", _("Val Polcevera")
        SAMPIERDARENA = "sampierdarena", _("Sampierdarena")
        CORNIGLIANO = "cornigliano", _("Cornigliano")
        VAL_BISAGNO = "val-bisagno", _("Val Bisagno")
        WATERFRONT = "waterfront", _("Waterfront")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    sectors = models.ManyToManyField(
        Sector,
        verbose_name=_("suited to sectors"),
        related_name="premises",
        blank=True,
    )
    floor_area = models.PositiveIntegerField(
        _("floor area (m²)"), validators=[MinValueValidator(1)]
    )
    monthly_rent = models.DecimalField(
        _("monthly rent (€)"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Leave empty when the rent is on request."),
    )
    address = models.CharField(_("address"), max_length=200)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="premises",
    )
    regeneration_area = models.CharField(
        _("urban regeneration area"),
        max_length=30,
        choices=RegenerationArea.choices,
        blank=True,
        help_text=_("Leave empty when the premises lie outside every regeneration area."),
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(
        _("contact phone"), max_length=30, blank=True, validators=[validate_phone]
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # Kept current from `search_document` by the history's hook (`plugs.py`).
    search_vector = SearchVectorField(null=True, editable=False)
    versions = GenericRelation("creativecities.Version")

    objects = PremisesQuerySet.as_manager()

    # Title, address and place as typed (A), each language's title and
    # description stemmed in its language (B), the sectors' names (C).
    search_document = SearchDocument(
        (
            Weighted("A", "simple", ("title_it", "title_en", "address", "municipality__name")),
            Weighted("B", "italian", ("title_it", "description_it")),
            Weighted("B", "english", ("title_en", "description_en")),
            Weighted("C", "italian", ("sectors__name_it",)),
            Weighted("C", "english", ("sectors__name_en",)),
        )
    )

    class Meta:
        verbose_name = _("premises")
        verbose_name_plural = _("premises")
        ordering = ("-published_at", "id")
        indexes = [
            models.Index(fields=["is_published", "-published_at", "id"], name="premises_newest"),
            GinIndex(fields=["search_vector"], name="premises_search"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (Q(latitude__isnull=False) & Q(longitude__isnull=False)),
                name="premises_both_coordinates",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("contactpoint:premises_detail", kwargs={"slug": self.slug})


# The fields of premises, declared once, in the sections of their admin page:
# the admin's fieldsets and the history follow them. A field added to the
# model goes here too (or among `undeclared`, with the reason).
PREMISES_FIELDS = Declared(
    sections=(
        (None, ("title", "slug", "kind", "description", "sectors")),
        (_("Size and rent"), ("floor_area", "monthly_rent", "available_from")),
        (
            _("Place"),
            ("address", "municipality", "latitude", "longitude", "regeneration_area"),
        ),
        (_("Contact"), ("contact_name", "contact_email", "contact_phone")),
        (_("Publication"), ("is_published", "published_at", "created_at", "updated_at")),
    ),
    stamps=("published_at", "created_at", "updated_at"),
    undeclared={
        "id": "the row's key",
        "search_vector": "the search entry, written from `search_document` on every change",
        "versions": "the premises' history (`directory.Version`), not a field staff edit",
    },
)


class PremisesPhoto(models.Model):
    """One photo of premises, stored only as re-encoded by `process_photo`."""

    premises = models.ForeignKey(
        Premises, verbose_name=_("premises"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(_("photo"), upload_to=PortalFileName("premises", "webp"))
    thumbnail = models.ImageField(
        _("thumbnail"), upload_to=PortalFileName("premises/thumbs", "webp"), editable=False
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    caption = models.CharField(
        _("description of the photo"),
        max_length=200,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ("order", "id")

    def __str__(self) -> str:
        return self.caption
