"""A campaign of the survey and its questionnaire: sections, questions, choices."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class CampaignQuerySet(models.QuerySet["Campaign"]):
    def open(self, at: datetime.datetime | None = None) -> CampaignQuerySet:
        """Campaigns accepting answers now: opened, not yet closed."""
        now = at or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def published_results(self) -> CampaignQuerySet:
        return self.filter(results_status=Campaign.ResultsStatus.PUBLISHED)


class Campaign(models.Model):
    """One edition of the survey (the 2026 survey, the 2027 survey...).

    The dates decide whether answers are accepted: nothing needs to be done
    on the opening or closing day. Whether its results are public is a status
    of the portal's one workflow (`survey.publishing`), changed only
    by its steps: publish and withdraw.
    """

    class ResultsStatus(models.TextChoices):
        UNPUBLISHED = "unpublished", _("Not published")
        PUBLISHED = "published", pgettext_lazy("survey results", "Published")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    accepts_anonymous = models.BooleanField(
        _("accepts anonymous answers"),
        default=False,
        help_text=_("Anyone may answer without an account; such answers have no organisation."),
    )
    results_status = models.CharField(
        _("results"),
        max_length=12,
        choices=ResultsStatus.choices,
        default=ResultsStatus.UNPUBLISHED,
    )
    results_published_at = models.DateTimeField(_("results published at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    state_changes = GenericRelation("creativecities.StateChange")

    objects = CampaignQuerySet.as_manager()

    class Meta:
        db_table = "directory_campaign"
        verbose_name = _("survey campaign")
        verbose_name_plural = _("survey campaigns")
        permissions = [("view_survey_results", _("Can view survey results and publish them"))]
        ordering = ("-opens_at", "slug")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=F("opens_at")),
                name="survey_campaign_closes_after_opening",
                violation_error_message=_("A campaign closes after it opens."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("survey:campaign", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A campaign closes after it opens.")})

    @property
    def results_published(self) -> bool:
        return self.results_status == self.ResultsStatus.PUBLISHED

    def is_open_at(self, moment: datetime.datetime) -> bool:
        return self.opens_at <= moment < self.closes_at

    @property
    def is_open(self) -> bool:
        return self.is_open_at(timezone.now())

    @property
    def has_answers(self) -> bool:
        return self.answer_sets.exists()

    @property
    def questions(self) -> models.QuerySet[Question]:
        return Question.objects.filter(section__campaign=self).order_by(
            "section__order", "section__pk", "order", "pk"
        )


class Section(models.Model):
    """A page of the questionnaire: answering shows one section at a time."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="sections", verbose_name=_("campaign")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        db_table = "directory_section"
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ("order", "pk")

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    """A question of a section, of one kind, with an optional condition.

    The condition names a choice of an earlier single-choice question: the
    question is shown (and required, if it is) only when that choice was given.
    """

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        SCALE = "scale", _("Scale from 1 to 5")
        NUMBER = "number", _("Whole number")
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")

    CHOICE_KINDS = frozenset({Kind.SINGLE, Kind.MULTIPLE})
    SCALE_MIN = 1
    SCALE_MAX = 5
    SHORT_TEXT_MAX = 200
    LONG_TEXT_MAX = 5000

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="questions", verbose_name=_("section")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    min_value = models.IntegerField(
        _("minimum"), null=True, blank=True, help_text=_("Numbers only: the smallest accepted.")
    )
    max_value = models.IntegerField(
        _("maximum"), null=True, blank=True, help_text=_("Numbers only: the largest accepted.")
    )
    condition = models.ForeignKey(
        "Choice",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="dependent_questions",
        verbose_name=_("shown only if the answer is"),
        help_text=_("A choice of an earlier single-choice question of the same campaign."),
    )

    class Meta:
        db_table = "directory_question"
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ("order", "pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_value__isnull=True)
                | Q(max_value__isnull=True)
                | Q(min_value__lte=F("max_value")),
                name="survey_question_bounds_ordered",
                violation_error_message=_("The minimum cannot be above the maximum."),
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def has_choices(self) -> bool:
        return self.kind in self.CHOICE_KINDS

    def position(self) -> tuple[int, int, int, int]:
        """Where the question comes in its campaign, to compare two questions."""
        return (self.section.order, self.section.pk, self.order, self.pk or 0)

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if self.kind != self.Kind.NUMBER and (
            self.min_value is not None or self.max_value is not None
        ):
            errors["min_value"] = [str(_("Only number questions have a minimum and a maximum."))]
        elif (
            self.min_value is not None
            and self.max_value is not None
            and self.min_value > self.max_value
        ):
            errors["max_value"] = [str(_("The minimum cannot be above the maximum."))]
        problem = self._condition_problem()
        if problem:
            errors["condition"] = [problem]
        if errors:
            raise ValidationError(errors)
        answered = self.answered_change_problems()
        if answered:
            raise ValidationError(answered)

    def answered_change_problems(self) -> list[str]:
        """Why this change to a saved question would corrupt its campaign's
        answers: a new kind, bounds that leave out numbers already given, or
        a move to another campaign. Rewording is always allowed."""
        if self._state.adding:
            return []
        before = Question.objects.select_related("section__campaign").filter(pk=self.pk).first()
        if before is None or not before.section.campaign.answer_sets.exists():
            return []
        problems: list[str] = []
        if self.kind != before.kind:
            problems.append(
                str(_("This campaign has answers: the kind of a question cannot change any more."))
            )
        if (
            self.section_id != before.section_id
            and Section.objects.filter(pk=self.section_id)
            .exclude(campaign_id=before.section.campaign_id)
            .exists()
        ):
            problems.append(
                str(_("This campaign has answers: its questions cannot move to another campaign."))
            )
        numbers = before.answers.exclude(number__isnull=True)
        if self.min_value is not None and numbers.filter(number__lt=self.min_value).exists():
            problems.append(
                str(_("Some answers are below this minimum: it cannot be raised so far."))
            )
        if self.max_value is not None and numbers.filter(number__gt=self.max_value).exists():
            problems.append(
                str(_("Some answers are above this maximum: it cannot be lowered so far."))
            )
        return problems

    def _condition_problem(self) -> str | None:
        """What is wrong with the condition: it must name a choice of a
        single-choice question that comes earlier in the same campaign."""
        condition = self.condition
        if condition is None or self.section_id is None:
            return None
        target = condition.question
        if target.kind != self.Kind.SINGLE:
            return str(_("A condition names a choice of a single-choice question."))
        if target.section.campaign_id != self.section.campaign_id:
            return str(_("A condition names a question of the same campaign."))
        mine = self.position()
        if self._state.adding:
            # A new question comes last in its section.
            mine = (mine[0], mine[1], mine[2], 2**31)
        if target.position() >= mine:
            return str(_("A condition names a question that comes earlier."))
        return None


class Choice(models.Model):
    """A possible answer of a choice question; `code` stays the same across
    campaigns and languages, for exports and year-on-year comparisons."""

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("label"), max_length=200)
    code = models.SlugField(
        _("code"),
        max_length=50,
        help_text=_("A short stable name for exports, e.g. 'coworking'."),
    )

    class Meta:
        db_table = "directory_choice"
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ("order", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["question", "code"],
                name="survey_choice_code_unique",
                violation_error_message=_("Two choices of a question cannot share a code."),
            )
        ]

    def __str__(self) -> str:
        return self.label
