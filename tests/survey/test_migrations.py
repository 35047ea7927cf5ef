"""The survey's move out of the directory app, on a database made before it:
its rows read through the `survey` models, and groups keep their rights."""

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from directory.models import User
from survey.models import Answer, AnswerSet, Campaign, Question

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("directory", "0030_campaign_results_status")
SURVEY_MODELS = {
    "answer",
    "answerchoice",
    "answerset",
    "campaign",
    "choice",
    "question",
    "section",
    "surveyinvitation",
}


def migrate_to(targets: list[tuple[str, str | None]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


def migrate_to_latest() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


@pytest.fixture
def before_the_move() -> Iterator[Any]:
    """The models of the database as it was before the survey became an app
    (the directory's 0030, no `survey` migration), the database migrated back
    to it; whatever happens, it is left at the latest migrations."""
    executor = migrate_to([BEFORE, ("creativecities", None), ("survey", None)])
    try:
        yield executor.loader.project_state([BEFORE]).apps
    finally:
        migrate_to_latest()


def survey_written_before(old: Any) -> dict[str, Any]:
    """A campaign with a question, a choice, a submitted answer set and its
    answer, and a group of partners holding two survey permissions, written
    with the directory's models of that time."""
    now = timezone.now()
    campaign = old.get_model("directory", "Campaign").objects.create(
        slug="indagine-2025",
        title="Indagine 2025",
        title_it="Indagine 2025",
        title_en="Survey 2025",
        opens_at=now - datetime.timedelta(days=60),
        closes_at=now - datetime.timedelta(days=30),
        results_status="published",
        results_published_at=now - datetime.timedelta(days=1),
    )
    section = old.get_model("directory", "Section").objects.create(
        campaign=campaign, order=1, title="Spazi", title_it="Spazi", title_en="Premises"
    )
    question = old.get_model("directory", "Question").objects.create(
        section=section,
        order=1,
        kind="single",
        text="Cercate spazi?",
        text_it="Cercate spazi?",
        text_en="Are you looking for premises?",
    )
    yes = old.get_model("directory", "Choice").objects.create(
        question=question, order=1, code="yes", label="Sì", label_it="Sì", label_en="Yes"
    )
    answer_set = old.get_model("directory", "AnswerSet").objects.create(
        campaign=campaign, origin="anonymous", status="submitted", submitted_at=now
    )
    old.get_model("directory", "Answer").objects.create(
        answer_set=answer_set, question=question, choice=yes
    )
    permissions = old.get_model("auth", "Permission").objects.filter(
        content_type__app_label="directory",
        codename__in=["view_campaign", "view_survey_results"],
    )
    assert permissions.count() == 2
    group = old.get_model("auth", "Group").objects.create(name="Partners reading the survey")
    group.permissions.add(*permissions)
    reader = old.get_model("directory", "User").objects.create(
        email="lena@leipzig.example", is_staff=True, is_active=True
    )
    reader.groups.add(group)
    desk = old.get_model("auth", "Group").objects.get(name="Desk staff")
    desk_survey_rights = desk.permissions.filter(
        content_type__app_label="directory", content_type__model__in=SURVEY_MODELS
    ).count()
    return {
        "answer_set": answer_set.pk,
        "group": group.pk,
        "reader": reader.pk,
        "desk_survey_rights": desk_survey_rights,
    }


def test_a_database_made_before_the_move_keeps_its_survey_and_rights(
    before_the_move: Any,
) -> None:
    written = survey_written_before(before_the_move)

    migrate_to_latest()

    campaign = Campaign.objects.get(slug="indagine-2025")
    assert campaign.title_en == "Survey 2025"
    assert campaign.results_published
    [question] = campaign.questions
    assert question.kind == Question.Kind.SINGLE
    answer_set = AnswerSet.objects.get(pk=written["answer_set"])
    assert answer_set.campaign == campaign
    assert answer_set.status == AnswerSet.Status.SUBMITTED
    [answer] = Answer.objects.filter(answer_set=answer_set)
    assert (answer.question, answer.choice.code) == (question, "yes")

    group = Group.objects.get(pk=written["group"])
    assert {(p.content_type.app_label, p.codename) for p in group.permissions.select_related()} == {
        ("survey", "view_campaign"),
        ("survey", "view_survey_results"),
    }
    reader = User.objects.get(pk=written["reader"])
    assert reader.has_perm("survey.view_survey_results")
    assert reader.has_perm("survey.view_campaign")
    assert not reader.has_perm("survey.change_campaign")
    desk = Group.objects.get(name="Desk staff")
    assert written["desk_survey_rights"] > 0
    assert (
        desk.permissions.filter(
            content_type__app_label="survey", content_type__model__in=SURVEY_MODELS
        ).count()
        == written["desk_survey_rights"]
    )
    assert not ContentType.objects.filter(app_label="directory", model__in=SURVEY_MODELS).exists()
