"""Reference data staff keep: sectors, places, partners and the site's own pages."""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from creativecities.markdown import Rendered, render_sections
from creativecities.media import PortalFileName
from directory.countries import validate_country_code
from directory.models.coordinates import Coordinates
from directory.validators import normalise_ateco_code, validate_ateco_code


class Sector(models.Model):
    """A productive area of the creative industry named by the project.

    Sectors are data, not code, so that staff can reword them and add the
    statistical codes they cover without a release.
    """

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    ateco_codes = ArrayField(
        models.CharField(max_length=10),
        verbose_name=_("ATECO codes"),
        default=list,
        blank=True,
        help_text=_("ISTAT ATECO 2025 codes this sector covers, e.g. 90.01 or 71.11."),
    )

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ("order", "slug")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:sector", kwargs={"slug": self.slug})

    def clean(self) -> None:
        """Keep only real ATECO 2025 codes, in dotted form and without repeats."""
        codes: list[str] = []
        errors: list[ValidationError] = []
        for code in self.ateco_codes:
            try:
                validate_ateco_code(code)
            except ValidationError as error:
                errors.extend(error.error_list)
                continue
            normalised = normalise_ateco_code(code)
            if normalised not in codes:
                codes.append(normalised)
        if errors:
            raise ValidationError({"ateco_codes": errors})
        self.ateco_codes = codes


class Page(models.Model):
    """A page of the site that staff reword without a developer.

    The privacy notice and the accessibility statement are legal texts that
    change on the administration's schedule, not the code's.
    """

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("body"),
        help_text=_(
            "Markdown: a blank line starts a new paragraph, a line starting with ## a "
            "section (listed in the page's index), - a list item; [words](https://…) "
            "makes a link."
        ),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ("slug",)

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("directory:page", kwargs={"slug": self.slug})

    def rendered(self) -> Rendered:
        """The body as safe HTML, its sections anchored, and their list."""
        return render_sections(str(self.body or ""))


class Partner(models.Model):
    """An institution of the project's transnational partnership.

    Partners are data so that the network can grow (or a role change) without
    touching templates.
    """

    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100)
    country_code = models.CharField(
        _("country code"),
        max_length=2,
        blank=True,
        validators=[validate_country_code],
        help_text=_("ISO 3166-1 alpha-2, in capitals: IT, DE, PL, SI, HU."),
    )
    role = models.CharField(_("role in the project"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_lead = models.BooleanField(
        _("lead partner"),
        default=False,
        help_text=_("The project's lead partner; every other institution is a partner."),
    )
    logo = models.ImageField(_("logo"), upload_to=PortalFileName("partners", "webp"), blank=True)
    logo_thumbnail = models.ImageField(
        _("logo thumbnail"), upload_to=PortalFileName("partners/thumbs", "webp"), blank=True
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ("order", "city", "name")
        constraints = [
            # A project has one lead partner: the database keeps it so.
            models.UniqueConstraint(
                fields=["is_lead"],
                condition=models.Q(is_lead=True),
                name="directory_partner_one_lead",
                violation_error_message=_("The project already has a lead partner."),
            ),
            models.CheckConstraint(
                condition=models.Q(country_code="") | models.Q(country_code__regex=r"^[A-Z]{2}$"),
                name="directory_partner_country_code_shape",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"

    @property
    def role_label(self) -> str:
        """The institution's standing in the partnership, as the public reads it."""
        return str(_("Lead partner") if self.is_lead else _("Partner"))


class Municipality(Coordinates):
    """A place an organisation can be in: a municipio of Genoa or a comune of the
    Città Metropolitana. Data, so that boundaries and names follow the law.

    Its coordinates are its centre, roughly (the town hall's square, or the
    middle of a municipio): where a member's map starts before they place
    their pin, not a boundary."""

    class Kind(models.TextChoices):
        GENOA_DISTRICT = "district", _("Municipio of Genoa")
        METRO_MUNICIPALITY = "municipality", _("Municipality of the metropolitan city")

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ("order", "name")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="municipality_coordinates_both_or_neither",
                violation_error_message=_("Give both latitude and longitude, or neither."),
            ),
        ]

    def __str__(self) -> str:
        return self.name
