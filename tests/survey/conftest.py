"""Fixtures of the survey's tests."""

from typing import Any

import pytest

from directory.models import Organisation, User
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.survey.factories import SurveyQuestionnaire, survey_questionnaire


@pytest.fixture
def survey_questions(db: Any) -> SurveyQuestionnaire:
    """An open campaign of two sections with a question of every kind."""
    return survey_questionnaire()


@pytest.fixture
def survey_member(db: Any) -> User:
    return UserFactory.create(email="rosa@example.org")


@pytest.fixture
def survey_organisation(survey_member: User) -> Organisation:
    """A published organisation whose one member is `survey_member`."""
    return OrganisationFactory.create(
        name="Officina Grafica", members=[survey_member], size=Organisation.Size.MICRO
    )
