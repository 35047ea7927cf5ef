"""The core of the portal: people, sectors, organisations and the pages staff write."""

from __future__ import annotations

import datetime
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.validators import (
    normalise_ateco_code,
    normalise_vat_number,
    validate_ateco_code,
    validate_phone,
    validate_postcode,
    validate_vat_number,
)


class UserManager(BaseUserManager["User"]):
    """Accounts are identified by email; there is no username."""

    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        """Addresses are kept in lower case: people type them both ways."""
        return super().normalize_email(email).lower()

    def _create_user(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> User:
        """Log in whatever the case the address is typed in."""
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person: a member of one or more organisations, or staff at the desk."""

    email = models.EmailField(_("email address"), unique=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Whether the user can log into the desk administration."),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Unselect this instead of deleting accounts."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ("email",)
        constraints = [
            # Login matches the address whatever its case, so two accounts may
            # not differ only by case, however they were created.
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_any_case",
                violation_error_message=_("An account with this email address already exists."),
            )
        ]

    def __str__(self) -> str:
        return self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email)

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or self.email

    def get_short_name(self) -> str:
        return self.first_name or self.email


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
        _("body"), help_text=_("Plain text; a blank line starts a new paragraph.")
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


class Partner(models.Model):
    """An institution of the project's transnational partnership.

    Partners are data so that the network can grow (or a role change) without
    touching templates.
    """

    name = models.CharField(_("name"), max_length=200)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100)
    role = models.CharField(_("role in the project"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_lead = models.BooleanField(_("lead partner"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ("order", "city", "name")

    def __str__(self) -> str:
        return f"{self.name} ({self.city})"


class Municipality(models.Model):
    """A place an organisation can be in: a municipio of Genoa or a comune of the
    Città Metropolitana. Data, so that boundaries and names follow the law."""

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

    def __str__(self) -> str:
        return self.name


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def published(self) -> OrganisationQuerySet:
        """Profiles the public sees: published and confirmed by a member recently.

        A profile nobody has confirmed for 18 months may describe a business that
        no longer exists, so it leaves the public listing until confirmed again.
        """
        return self.filter(
            status=Organisation.Status.PUBLISHED,
            confirmed_at__gte=timezone.now() - Organisation.LAPSE_AFTER,
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


# The fields of a public profile, in a fixed order: what a version records and a
# revert restores, the columns an import reads and (after the slug) the export's.
# Status and dates belong to the workflow, not the profile. Add new ones at the end.
PROFILE_FIELDS = (
    "name",
    "kind",
    "primary_sector",
    "sectors",
    "short_description_it",
    "short_description_en",
    "description_it",
    "description_en",
    "website",
    "email",
    "phone",
    "address",
    "postcode",
    "municipality",
    "latitude",
    "longitude",
    "size",
    "year_founded",
    "vat_number",
    "ateco_code",
    "linkedin",
    "instagram",
    "facebook",
    "open_to_international",
    "languages",
)

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


class Organisation(models.Model):
    """A member of the cluster: a private or public organisation of a creative
    sector, or an institution that promotes creativity."""

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
        REJECTED = "rejected", _("Rejected")
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
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    logo_thumbnail = models.ImageField(_("logo thumbnail"), upload_to="logos/thumbs/", blank=True)
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
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
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

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
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
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def confirmation_due(self) -> bool:
        """A year has passed since a member said the profile is current."""
        return self.confirmed_at < timezone.now() - self.REMIND_AFTER


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


class Invitation(models.Model):
    """An email invitation to join an organisation, accepted by following a link."""

    VALID_FOR = datetime.timedelta(days=14)

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    token = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=Q(accepted_at__isnull=True),
                name="invitation_one_open_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def expires_at(self) -> datetime.datetime:
        return self.created_at + self.VALID_FOR

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_usable(self) -> bool:
        return self.accepted_at is None and not self.is_expired


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
