"""The survey of the cluster: campaigns, their questions, and the answers.

Answers are stored typed, one row per question answered, so that results are
SQL aggregates rather than Python loops: a single choice is a foreign key to
the chosen `Choice`, a multiple choice is one `AnswerChoice` row per ticked
choice, a scale (1 to 5) or a number is the integer `number`, a text is `text`.

A question, or a choice, that has answers cannot be deleted (`RESTRICT`): the
answers would lose their meaning. Deleting a whole campaign still works, since
its answers go with it.

The models live by concern: the questionnaire (`questionnaire.py`), the personal
links (`invitations.py`) and the answers (`answers.py`). Their tables keep the
`directory_` names they had while the survey was part of the directory app.
"""

from survey.models.answers import Answer, AnswerChoice, AnswerSet, AnswerSetQuerySet
from survey.models.invitations import SurveyInvitation, SurveyInvitationQuerySet
from survey.models.questionnaire import (
    Campaign,
    CampaignQuerySet,
    Choice,
    Question,
    Section,
)

__all__ = [
    "Answer",
    "AnswerChoice",
    "AnswerSet",
    "AnswerSetQuerySet",
    "Campaign",
    "CampaignQuerySet",
    "Choice",
    "Question",
    "Section",
    "SurveyInvitation",
    "SurveyInvitationQuerySet",
]
