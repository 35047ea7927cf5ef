"""An organisation's answers to a campaign, stored typed (see the package's docstring)."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models.accounts import User
from directory.models.organisations import Organisation
from directory.models.reference import Municipality, Sector
from survey.models.invitations import SurveyInvitation
from survey.models.questionnaire import Campaign, Choice, Question


class AnswerSetQuerySet(models.QuerySet["AnswerSet"]):
    def submitted(self) -> AnswerSetQuerySet:
        return self.filter(status=AnswerSet.Status.SUBMITTED)

    def drafts(self) -> AnswerSetQuerySet:
        return self.filter(status=AnswerSet.Status.DRAFT)


class AnswerSet(models.Model):
    """One respondent's answers to one campaign: a draft until submitted.

    Submitting and reopening are steps of the portal's one workflow
    (`survey.services.ANSWER_SET_WORKFLOW`), each recorded as a
    `StateChange`.

    An organisation answers once per campaign, whichever member does it (the
    database's `survey_answer_set_one_per_organisation`). What the directory
    knows of the organisation (sector, kind, size, municipality) is copied at
    each save and kept as it was at submission, so breakdowns need no join
    and do not move when a profile changes later.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    class Origin(models.TextChoices):
        MEMBER = "member", _("Member")
        INVITATION = "invitation", _("Invitation")
        ANONYMOUS = "anonymous", _("Anonymous")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="answer_sets", verbose_name=_("campaign")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_answer_sets",
        verbose_name=_("organisation"),
    )
    invitation = models.OneToOneField(
        SurveyInvitation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="answer_set",
        verbose_name=_("invitation"),
    )
    origin = models.CharField(_("origin"), max_length=12, choices=Origin.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    current_page = models.PositiveSmallIntegerField(_("current page"), default=0)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # Copied from the directory, for the breakdowns.
    sector = models.ForeignKey(
        Sector,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Organisation.Kind.choices, blank=True)
    size = models.CharField(_("size"), max_length=10, choices=Organisation.Size.choices, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )

    state_changes = GenericRelation("creativecities.StateChange")

    objects = AnswerSetQuerySet.as_manager()

    class Meta:
        db_table = "directory_answerset"
        verbose_name = _("answer set")
        verbose_name_plural = _("answer sets")
        ordering = ("-started_at",)
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "organisation"],
                condition=Q(organisation__isnull=False),
                name="survey_answer_set_one_per_organisation",
                violation_error_message=_("This organisation has already answered this campaign."),
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="survey_answer_set_submitted_has_date",
            ),
        ]

    def __str__(self) -> str:
        who = self.organisation or self.invitation or self.get_origin_display()
        return f"{self.campaign} · {who}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def copy_profile(self) -> None:
        """Take the organisation's sector, kind, size and municipality as the
        directory has them now (kept unchanged for answers without one)."""
        organisation = self.organisation
        if organisation is None:
            return
        self.sector_id = organisation.primary_sector_id
        self.kind = organisation.kind
        self.size = organisation.size
        self.municipality_id = organisation.municipality_id


class Answer(models.Model):
    """The answer to one question, in the column its kind uses."""

    answer_set = models.ForeignKey(
        AnswerSet, on_delete=models.CASCADE, related_name="answers", verbose_name=_("answer set")
    )
    question = models.ForeignKey(
        Question, on_delete=models.RESTRICT, related_name="answers", verbose_name=_("question")
    )
    choice = models.ForeignKey(
        Choice,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="single_answers",
        verbose_name=_("choice"),
    )
    choices = models.ManyToManyField(
        Choice,
        through="AnswerChoice",
        related_name="multiple_answers",
        blank=True,
        verbose_name=_("choices"),
    )
    number = models.IntegerField(_("number"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        db_table = "directory_answer"
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["answer_set", "question"], name="survey_answer_one_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.question}"


class AnswerChoice(models.Model):
    """One ticked choice of a multiple-choice answer."""

    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="ticked", verbose_name=_("answer")
    )
    choice = models.ForeignKey(
        Choice, on_delete=models.RESTRICT, related_name="ticks", verbose_name=_("choice")
    )

    class Meta:
        db_table = "directory_answerchoice"
        verbose_name = _("ticked choice")
        verbose_name_plural = _("ticked choices")
        constraints = [
            models.UniqueConstraint(fields=["answer", "choice"], name="survey_answer_choice_unique")
        ]

    def __str__(self) -> str:
        return f"{self.choice}"
