"""The survey's demo: two campaigns, every kind of question, answers enough
for published results, loaded again without change."""

import pytest

from directory.models import User
from survey import services
from survey.demo import EXTRA_RESPONDENTS, survey_demo
from survey.models import Answer, AnswerSet, Campaign, Question
from tests.directory.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_survey_demo_loads_two_campaigns_and_again_adds_nothing() -> None:
    for _ in range(5):
        OrganisationFactory.create()
    staff: User = UserFactory.create(is_staff=True)

    survey_demo(staff=staff, member=UserFactory.create())
    counts = (Campaign.objects.count(), AnswerSet.objects.count(), Answer.objects.count())
    survey_demo(staff=staff, member=staff)

    assert (Campaign.objects.count(), AnswerSet.objects.count(), Answer.objects.count()) == counts
    closed, current = Campaign.objects.order_by("opens_at")
    assert not closed.is_open and closed.results_published
    assert current.is_open and current.accepts_anonymous
    assert {q.kind for q in current.questions} == set(Question.Kind.values)
    assert current.answer_sets.submitted().count() == 5 + EXTRA_RESPONDENTS >= 25
    # Answers follow the conditions: a rent only from those who rent.
    for answer_set in current.answer_sets.all():
        questions = services.campaign_questions(current)
        values = services.stored_values(answer_set)
        assert services.missing_answers(questions, values) == []
        shown = {q.pk for q in questions if services.is_shown(q, values)}
        assert set(values) <= shown
