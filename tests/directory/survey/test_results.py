"""Results for the desk and the public: figures, the threshold, who sees what."""

from http import HTTPStatus
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import Organisation, Sector, User
from directory.survey import results
from directory.survey.disclosure import Status
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.directory.survey.factories_results import (
    SurveyQuestions,
    results_answer,
    results_campaign,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def survey_two_sectors() -> tuple[Sector, Sector]:
    first, second = Sector.objects.order_by("order")[:2]
    return first, second


@pytest.fixture
def results_answered(survey_two_sectors: tuple[Sector, Sector]) -> SurveyQuestions:
    """First sector: 4 studios, 6 at home; second: 5 studios, 10 at home."""
    first, second = survey_two_sectors
    survey = results_campaign(results_published=True)
    for sector, studios, homes in ((first, 4, 6), (second, 5, 10)):
        for _ in range(studios):
            results_answer(
                survey,
                sector=sector,
                kind=Organisation.Kind.COMPANY,
                size="2-9",
                single="studio",
                multiple=("premises",),
                scale=4,
                number=3,
                long_text="SECRET-LONG-ANSWER",
            )
        for _ in range(homes):
            results_answer(
                survey,
                sector=sector,
                kind=Organisation.Kind.FREELANCER,
                size="1",
                single="home",
                multiple=("premises", "funding"),
                scale=2,
                number=1,
                short_text="SECRET-SHORT",
            )
    return survey


def survey_breakdown(result: results.QuestionResult, name: str) -> results.Breakdown:
    return next(b for b in result.breakdowns if b.name == name)


def test_staff_results_count_every_answer(results_answered: SurveyQuestions) -> None:
    found = results.staff_results(results_answered.campaign)
    assert found.answer_sets == 25
    single, multiple, scale, number, short_text, long_text = found.questions
    assert [(row["label"], row["figure"].value) for row in single.rows()] == [
        ("studio", 9),
        ("home", 16),
        ("coworking", 0),
    ]
    assert [row["figure"].value for row in multiple.rows()] == [25, 16, 0]
    assert multiple.respondents == 25
    assert [row["figure"].value for row in scale.rows()] == [0, 16, 0, 9, 0]
    assert number.summary is not None
    assert (number.summary.count, number.summary.minimum, number.summary.maximum) == (25, 1, 3)
    assert number.summary.median == 1
    assert number.summary.mean == pytest.approx((9 * 3 + 16) / 25)
    assert long_text.texts == ["SECRET-LONG-ANSWER"] * 9
    assert len(short_text.texts) == 16
    sector = survey_breakdown(single, "sector")
    assert sector.table.cells == ((4, 6, 0), (5, 10, 0))


def test_a_breakdown_cell_of_four_is_hidden_of_five_shown_and_not_derivable(
    results_answered: SurveyQuestions,
) -> None:
    found = results.public_results(results_answered.campaign)
    single = found.questions[0]
    grid = survey_breakdown(single, "sector").grid()
    first, second = grid["rows"]
    assert first["cells"][0].value == 4
    assert first["cells"][0].status is Status.SMALL
    # The first sector's total is shown, so its other cell is hidden with the 4,
    # or 6 = total - 4 would give it back; and the 5 below the 4 is hidden too.
    assert first["total"].shown
    assert first["cells"][1].hidden
    assert second["cells"][0].hidden
    # Overall, the studios (9) are shown: the hidden cells are not derivable.
    assert grid["totals"][0].public == 9
    assert single.rows()[0]["figure"].public == 9


def test_a_cell_of_five_is_shown(survey_two_sectors: tuple[Sector, Sector]) -> None:
    first, second = survey_two_sectors
    survey = results_campaign(results_published=True)
    for sector, studios, homes in ((first, 5, 6), (second, 7, 10)):
        for _ in range(studios):
            results_answer(survey, sector=sector, single="studio")
        for _ in range(homes):
            results_answer(survey, sector=sector, single="home")
    found = results.public_results(survey.campaign)
    grid = survey_breakdown(found.questions[0], "sector").grid()
    assert grid["rows"][0]["cells"][0].public == 5
    assert not survey_breakdown(found.questions[0], "sector").protected.hidden  # type: ignore[union-attr]


def test_public_page_shows_aggregates_hides_small_and_never_free_text(
    client: Client, results_answered: SurveyQuestions
) -> None:
    url = reverse("survey_results:public", kwargs={"slug": results_answered.campaign.slug})
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    page = response.content.decode()
    assert "fewer than 5" in page
    assert "Where do you work?" in page
    assert "SECRET" not in page
    assert "One word?" not in page
    # Extremes are one organisation's answer each: not public.
    found = results.public_results(results_answered.campaign)
    assert found.questions[3].summary is not None
    assert found.questions[3].summary.maximum is None


def test_unpublished_results_are_404(client: Client, results_answered: SurveyQuestions) -> None:
    campaign = results_answered.campaign
    url = reverse("survey_results:public", kwargs={"slug": campaign.slug})
    assert client.get(url).status_code == HTTPStatus.OK
    campaign.results_published = False
    campaign.save()
    assert client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert client.get("/en/survey/no-such-survey/results/").status_code == HTTPStatus.NOT_FOUND


def test_public_page_reads_a_fixed_number_of_queries(
    client: Client, results_answered: SurveyQuestions, survey_two_sectors: tuple[Sector, Sector]
) -> None:
    url = reverse("survey_results:public", kwargs={"slug": results_answered.campaign.slug})

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == HTTPStatus.OK
        return len(captured)

    before = queries()
    for _ in range(30):
        results_answer(results_answered, sector=survey_two_sectors[0], single="home", scale=3)
    assert queries() == before
    assert before <= 20
    # Cached: the answers did not change, so only the cache's key is read.
    assert queries() <= 3


def test_staff_pages_need_the_permission(
    client: Client, desk: Client, results_answered: SurveyQuestions
) -> None:
    campaign = results_answered.campaign
    url = reverse("survey_results_admin:campaign", kwargs={"pk": campaign.pk})
    page = desk.get(url)
    assert page.status_code == HTTPStatus.OK
    assert "SECRET-LONG-ANSWER" in page.content.decode()
    other_staff = UserFactory(is_staff=True)
    client.force_login(other_staff)
    assert client.get(url).status_code == HTTPStatus.FORBIDDEN
    assert (
        client.get(
            reverse("survey_results_admin:export", kwargs={"pk": campaign.pk, "fmt": "csv"})
        ).status_code
        == HTTPStatus.FORBIDDEN
    )


def test_staff_page_shows_response_rates(desk: Client, results_answered: SurveyQuestions) -> None:
    sector = Sector.objects.order_by("order").first()
    organisation = OrganisationFactory(primary_sector=sector)
    results_answer(results_answered, sector=sector, organisation=organisation, single="home")
    OrganisationFactory(primary_sector=sector)
    rates = results.staff_results(results_answered.campaign).rates
    overall, first = rates[0], rates[1]
    assert (overall.answered, overall.published) == (1, 2)
    assert (first.answered, first.published, first.rate) == (1, 2, 50.0)


def test_desk_publishes_and_the_cluster_page_links_the_results(
    client: Client,
    desk: Client,
    results_answered: SurveyQuestions,
    django_capture_on_commit_callbacks: Any,
) -> None:
    campaign = results_answered.campaign
    campaign.results_published = False
    campaign.save()
    cluster = reverse("directory:cluster")
    public_url = reverse("survey_results:public", kwargs={"slug": campaign.slug})
    assert public_url not in client.get(cluster).content.decode()
    publish = reverse("survey_results_admin:publish", kwargs={"pk": campaign.pk})
    with django_capture_on_commit_callbacks(execute=True):
        assert desk.post(publish, {"publish": "1"}).status_code == HTTPStatus.FOUND
    campaign.refresh_from_db()
    assert campaign.results_published
    assert campaign.results_published_at is not None
    page = client.get(cluster).content.decode()
    assert public_url in page
    assert campaign.title in page
    with django_capture_on_commit_callbacks(execute=True):
        desk.post(publish, {"publish": "0"})
    assert client.get(public_url).status_code == HTTPStatus.NOT_FOUND
    assert public_url not in client.get(cluster).content.decode()


def test_desk_staff_group_holds_the_permission(staff_user: User) -> None:
    assert staff_user.has_perm("directory.view_survey_results")
    assert Permission.objects.filter(codename="view_survey_results").exists()


def test_too_few_answers_hide_everything(
    client: Client, survey_two_sectors: tuple[Sector, Sector]
) -> None:
    survey = results_campaign(results_published=True)
    for _ in range(3):
        results_answer(survey, sector=survey_two_sectors[0], single="home", number=7, scale=5)
    found = results.public_results(survey.campaign)
    assert found.answer_sets_figure.small
    single, _multiple, scale, number, *_texts = found.questions
    assert all(row["figure"].hidden or row["figure"].value == 0 for row in single.rows())
    assert number.summary is not None and number.summary.mean is None
    assert scale.summary is not None and scale.summary.mean is None
    page: Any = client.get(reverse("survey_results:public", kwargs={"slug": survey.campaign.slug}))
    assert "fewer than 5" in page.content.decode()
