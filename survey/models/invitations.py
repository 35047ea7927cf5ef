"""Personal links to a campaign, mailed to organisations that have no account."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from creativecities.links.invitations import TokenInvitation, TokenInvitationQuerySet
from directory.models.accounts import User
from directory.models.organisations import Organisation
from survey.models.questionnaire import Campaign


class SurveyInvitationQuerySet(TokenInvitationQuerySet["SurveyInvitation"]):
    """`by_token()`, as for every invitation by an emailed link."""


class SurveyInvitation(TokenInvitation):
    """A personal link to answer a campaign without an account.

    For an organisation of the directory with no member yet, `organisation`
    is set and the answers are that organisation's (the same answer set a
    member would later see); for one not in the directory, only its name is
    kept and the answers belong to no organisation. Only the token's SHA-256
    is stored: the link is in the email alone.
    """

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("campaign")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="survey_invitations",
        verbose_name=_("organisation"),
    )
    organisation_name = models.CharField(
        _("organisation name"),
        max_length=200,
        blank=True,
        help_text=_("For an organisation not in the directory."),
    )
    invited_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    used_at = models.DateTimeField(_("first answered"), null=True, blank=True)

    objects = SurveyInvitationQuerySet.as_manager()

    class Meta:
        db_table = "directory_surveyinvitation"
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "email"],
                name="survey_invitation_one_per_email",
                violation_error_message=_("This address is already invited to this campaign."),
            ),
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | ~Q(organisation_name=""),
                name="survey_invitation_names_organisation",
                violation_error_message=_(
                    "Choose an organisation of the directory or type the name of one."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} · {self.campaign}"

    @property
    def respondent_name(self) -> str:
        return self.organisation.name if self.organisation else self.organisation_name
