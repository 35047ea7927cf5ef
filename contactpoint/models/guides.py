"""Guides (schede informative): what the desk tells every business that asks,
written once by staff in Italian and English."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from contactpoint.models.topics import Topic
from creativecities.lists.search import SearchableQuerySet, SearchDocument, Weighted
from creativecities.media import PortalFileName
from directory.models import Sector


class GuideQuerySet(SearchableQuerySet["Guide"]):
    """Reads of guides; searched as `Guide.search_document` declares."""

    def published(self) -> GuideQuerySet:
        return self.filter(published=True)

    def about(self, topic: str) -> GuideQuerySet:
        return self.filter(topic=topic)

    def in_sector(self, sector: Sector) -> GuideQuerySet:
        return self.filter(sectors=sector)

    def for_list(self) -> GuideQuerySet:
        """Only what a card shows: the bodies and the vector stay in the database."""
        return self.only(*GUIDE_CARD_FIELDS)


GUIDE_CARD_FIELDS = (
    "id",
    "slug",
    "topic",
    "title_it",
    "title_en",
    "summary_it",
    "summary_en",
    "last_reviewed",
    "updated_at",
)

# What a version of a guide records and a revert gives back.
GUIDE_FIELDS = (
    "topic",
    "title_it",
    "title_en",
    "summary_it",
    "summary_en",
    "body_it",
    "body_en",
    "sectors",
    "last_reviewed",
    "published",
)


class Guide(models.Model):
    """A page of advice on one topic: how to settle, get permits, funding, staff.

    The body is Markdown typed in the admin; pages show it rendered and
    sanitised on the server (`creativecities.markdown`), never as typed.
    """

    # Titles as typed (A); each language's title and summary stemmed (B), then
    # its body (C).
    search_document = SearchDocument(
        (
            Weighted("A", "simple", ("title_it", "title_en")),
            Weighted("B", "italian", ("title_it", "summary_it")),
            Weighted("B", "english", ("title_en", "summary_en")),
            Weighted("C", "italian", ("body_it",)),
            Weighted("C", "english", ("body_en",)),
        )
    )

    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"), max_length=400, help_text=_("One or two sentences shown in lists.")
    )
    body = models.TextField(
        _("body"),
        help_text=_(
            "Markdown: ## headings, lists with - or 1., **bold**, [links](https://...)."
            " Raw HTML is not shown."
        ),
    )
    sectors = models.ManyToManyField(
        Sector,
        verbose_name=_("related sectors"),
        related_name="guides",
        blank=True,
        help_text=_("The sector pages that list this guide."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        default=timezone.localdate,
        help_text=_("When staff last checked that the guide is still correct."),
    )
    published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False)
    versions = GenericRelation("creativecities.Version")

    objects = GuideQuerySet.as_manager()

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        ordering = ("title", "id")
        indexes = [
            GinIndex(fields=["search_vector"], name="guide_search"),
            models.Index(fields=["published", "topic"], name="guide_by_topic"),
        ]

    def __str__(self) -> str:
        return str(self.title)

    def get_absolute_url(self) -> str:
        return reverse("contactpoint:guide", kwargs={"slug": self.slug})

    @property
    def topic_label(self) -> str:
        return str(Topic(self.topic).label) if self.topic in Topic.values else self.topic


class GuideAttachment(models.Model):
    """A PDF that goes with a guide (a form to fill, a regulation, a leaflet).

    Files are checked by their content before they are stored
    (`contactpoint.services.attachments.validate_pdf`), under a name the portal
    chooses, `guides/<random>.pdf`, whatever the file sent was called: the
    media server types it by that name (`creativecities.media`).
    """

    guide = models.ForeignKey(
        Guide, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("guide")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("PDF file"), upload_to=PortalFileName("guides", "pdf"), max_length=200
    )
    size = models.PositiveIntegerField(_("size in bytes"), default=0, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ("order", "id")

    def __str__(self) -> str:
        return str(self.title)

    @property
    def download_name(self) -> str:
        """The name a browser saves the file under: the title's, not the stored one."""
        return f"{slugify(str(self.title)) or 'document'}.pdf"
