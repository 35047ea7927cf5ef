"""Results for the desk and the public: figures, the threshold, who sees what."""

import re
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.db.models import Avg, Count, Max, Min
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from directory.models import Organisation, Sector, User
from survey import reading, results
from survey.models import Answer, Question
from survey.templatetags.survey import text_items
from tests.directory.factories import OrganisationFactory, UserFactory
from tests.survey.factories_results import (
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
    survey = results_campaign(results_status="published")
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


@pytest.mark.parametrize("scales", [(1, 2, 2, 4, 5, 5, 3), (1, 2, 3, 5), (4,), (3, 3, 1, 1)])
def test_a_scale_summary_is_what_postgresql_computes(
    scales: tuple[int, ...],
    survey_two_sectors: tuple[Sector, Sector],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A scale's summary comes from its counts by value, not from a query of its
    own: the same count, mean, median (`percentile_cont`), extremes and, for
    the protection, signature."""
    survey = results_campaign(results_status="published")
    for n, scale in enumerate(scales):
        results_answer(survey, sector=survey_two_sectors[n % 2], scale=scale)
    results_answer(survey, single="home")  # an answer set that left the scale out
    expected = (
        Answer.objects.filter(question=survey.scale, number__isnull=False)
        .values("question_id")
        .annotate(
            count=Count("pk"),
            mean=Avg("number"),
            median=results.Median("number"),
            minimum=Min("number"),
            maximum=Max("number"),
            sig=results.signature("answer_set_id"),
        )
        .get()
    )
    protected: dict[int, dict[str, Any]] = {}
    protect = results.protect_campaign

    def protect_seen(found: results.CampaignResults, **given: Any) -> None:
        protected.update(given["summaries"])
        protect(found, **given)

    monkeypatch.setattr(results, "protect_campaign", protect_seen)

    summary = results.staff_results(survey.campaign).questions[2].summary
    results.public_results(survey.campaign)

    assert summary is not None
    assert (summary.count, summary.minimum, summary.maximum, summary.median) == (
        expected["count"],
        expected["minimum"],
        expected["maximum"],
        expected["median"],
    )
    assert summary.mean == pytest.approx(expected["mean"])
    assert protected[survey.scale.pk]["count"] == expected["count"]
    assert protected[survey.scale.pk]["sig"] == expected["sig"]


@dataclass
class ResultsPage:
    """The public results page as a reader sees it: its HTML, the text of its
    main part with spaces collapsed, and its breakdown tables by caption, each
    as its rows' labels and displayed cells ("small" reads "fewer than 5")."""

    html: str
    text: str
    tables: dict[str, tuple[list[str], list[list[reading.Cell]]]]


def results_page(client: Client, survey: SurveyQuestions) -> ResultsPage:
    url = reverse("survey_results:public", kwargs={"slug": survey.campaign.slug})
    html = client.get(url).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return ResultsPage(
        html=html,
        text=" ".join(re.sub(r"<[^>]+>", " ", main).split()),
        tables={table.caption: (table.labels, table.rows) for table in reading.read_tables(html)},
    )


def test_public_page_shows_exactly_what_the_threshold_allows(
    client: Client, results_answered: SurveyQuestions
) -> None:
    """The page as published, figure by figure: which are shown, which read
    "fewer than 5" or "hidden"; no count from 1 to 4 printed; every shown figure
    the desk's; and an outsider solving the page's equations pins no hidden count."""
    page = results_page(client, results_answered)
    text, tables = page.text, page.tables
    sectors = ["Cultural heritage", "Architecture", "All"]
    kinds = ["Company", "Freelancer", "All"]
    sizes = ["1 person", "2 to 9 employees", "All"]
    # Sector 1: 4 studios, 6 at home; sector 2: 5 and 10. The 4 is small; the
    # kinds and sizes split exactly as the answers do, so their rows are the
    # columns again and are hidden with them.
    assert tables == {
        "Where do you work?, by Sector": (
            sectors,
            [
                ["small", "hidden", 0, "hidden"],
                ["hidden", "hidden", 0, "hidden"],
                ["hidden", "hidden", 0, 25],
            ],
        ),
        "Where do you work?, by Kind": (
            kinds,
            [["hidden", 0, 0, "hidden"], [0, "hidden", 0, "hidden"], ["hidden", "hidden", 0, 25]],
        ),
        "Where do you work?, by Size (employees)": (
            sizes,
            [[0, "hidden", 0, "hidden"], ["hidden", 0, 0, "hidden"], ["hidden", "hidden", 0, 25]],
        ),
        "What do you need?, by Sector": (
            sectors,
            [
                ["hidden", "hidden", 0, "hidden"],
                ["hidden", "hidden", 0, "hidden"],
                [25, "hidden", 0, 25],
            ],
        ),
        "What do you need?, by Kind": (
            kinds,
            [["hidden", 0, 0, "hidden"], ["hidden", "hidden", 0, "hidden"], [25, "hidden", 0, 25]],
        ),
        "What do you need?, by Size (employees)": (
            sizes,
            [["hidden", "hidden", 0, "hidden"], ["hidden", 0, 0, "hidden"], [25, "hidden", 0, 25]],
        ),
        "How satisfied are you?, by Sector": (
            sectors,
            [
                [0, "hidden", 0, "small", 0, "hidden"],
                [0, "hidden", 0, "hidden", 0, "hidden"],
                [0, "hidden", 0, "hidden", 0, 25],
            ],
        ),
        "How satisfied are you?, by Kind": (
            kinds,
            [
                [0, 0, 0, "hidden", 0, "hidden"],
                [0, "hidden", 0, 0, 0, "hidden"],
                [0, "hidden", 0, "hidden", 0, 25],
            ],
        ),
        "How satisfied are you?, by Size (employees)": (
            sizes,
            [
                [0, "hidden", 0, 0, 0, "hidden"],
                [0, 0, 0, "hidden", 0, "hidden"],
                [0, "hidden", 0, "hidden", 0, 25],
            ],
        ),
    }
    # The charts and their tables: a share only of shown counts; a scale's
    # mean only when its whole distribution is shown; a number's count, mean
    # and median (never its extremes); free text never.
    for shown in (
        "Organisations that answered: 25",
        "Answer Organisations Share studio hidden – home hidden – coworking 0 0.0%",
        "Answer Organisations Share premises 25 100.0% funding hidden – training 0 0.0%",
        "Answer Organisations Share 1 0 0.0% 2 hidden – 3 0 0.0% 4 hidden – 5 0 0.0% "
        "Answers 25 By sector",
        "How many people work with you? Answers 25 Mean 1.7 Median 1.0",
    ):
        assert shown in text
    assert text.endswith("Median 1.0")
    assert "SECRET" not in text
    assert "One word?" not in text
    assert "Anything else?" not in text
    assert text.count("fewer than 5") == 2 + 2  # the two cells; twice in the explanation
    staff = results.staff_results(results_answered.campaign)
    desk_tables = [b.table for q in staff.questions for b in q.breakdowns]
    read = reading.read_tables(page.html)
    assert len(desk_tables) == len(read)
    for table, desk_table in zip(read, desk_tables, strict=True):
        for i, row in enumerate(table.rows):
            for j, cell in enumerate(row):
                if isinstance(cell, int):
                    assert cell == desk_table.value((i, j))
    assert reading.solve(page.html, not_stated="Not stated").pinned("small") == []


def test_public_page_prints_every_figure_when_none_is_small(
    client: Client, survey_two_sectors: tuple[Sector, Sector]
) -> None:
    """Beside the hidden ones, the figures a campaign may show are printed
    exactly: counts of 5 and more, their totals and shares."""
    first, second = survey_two_sectors
    survey = results_campaign(results_status="published")
    for sector, studios, homes in ((first, 5, 6), (second, 7, 10)):
        for _ in range(studios):
            results_answer(survey, sector=sector, single="studio")
        for _ in range(homes):
            results_answer(survey, sector=sector, single="home")

    page = results_page(client, survey)
    text, tables = page.text, page.tables

    everyone = [[12, 16, 0, 28], [12, 16, 0, 28]]
    assert tables == {
        "Where do you work?, by Sector": (
            ["Cultural heritage", "Architecture", "All"],
            [[5, 6, 0, 11], [7, 10, 0, 17], [12, 16, 0, 28]],
        ),
        "Where do you work?, by Kind": (["Not stated", "All"], everyone),
        "Where do you work?, by Size (employees)": (["Not stated", "All"], everyone),
    }
    assert "Organisations that answered: 28" in text
    assert "studio 12 42.9% home 16 57.1% coworking 0 0.0%" in text
    assert "hidden" not in text.replace('figures marked "hidden"', "")
    assert text.count("fewer than 5") == 2  # in the explanation only


def test_desk_results_are_not_suppressed(results_answered: SurveyQuestions) -> None:
    found = results.staff_results(results_answered.campaign)
    grid = survey_breakdown(found.questions[0], "sector").grid()
    assert [[figure.public for figure in row["cells"]] for row in grid["rows"]] == [
        [4, 6, 0],
        [5, 10, 0],
    ]
    assert found.answer_sets_figure.public == 25


def test_a_cell_of_five_is_shown(survey_two_sectors: tuple[Sector, Sector]) -> None:
    first, second = survey_two_sectors
    survey = results_campaign(results_status="published")
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
    campaign.results_status = "unpublished"
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
    campaign.results_status = "unpublished"
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
    assert staff_user.has_perm("survey.view_survey_results")
    assert Permission.objects.filter(codename="view_survey_results").exists()


def test_too_few_answers_hide_everything(
    client: Client, survey_two_sectors: tuple[Sector, Sector]
) -> None:
    survey = results_campaign(results_status="published")
    for _ in range(3):
        results_answer(survey, sector=survey_two_sectors[0], single="home", number=7, scale=5)
    found = results.public_results(survey.campaign)
    assert found.answer_sets_figure.small
    single, _multiple, scale, number, *_texts = found.questions
    assert all(row["figure"].hidden or row["figure"].value == 0 for row in single.rows())
    assert number.summary is not None and number.summary.mean is None
    assert scale.summary is not None and scale.summary.mean is None
    page = results_page(client, survey)
    text, tables = page.text, page.tables
    small = [[0, "small", 0, "small"], [0, "small", 0, "small"]]
    small_scale = [[0, 0, 0, 0, "small", "small"], [0, 0, 0, 0, "small", "small"]]
    assert tables == {
        "Where do you work?, by Sector": (["Cultural heritage", "All"], small),
        "Where do you work?, by Kind": (["Not stated", "All"], small),
        "Where do you work?, by Size (employees)": (["Not stated", "All"], small),
        "How satisfied are you?, by Sector": (["Cultural heritage", "All"], small_scale),
        "How satisfied are you?, by Kind": (["Not stated", "All"], small_scale),
        "How satisfied are you?, by Size (employees)": (["Not stated", "All"], small_scale),
    }
    for hidden in (
        "Organisations that answered: fewer than 5",
        "studio 0 – home fewer than 5 – coworking 0 –",
        "same numbers. 1 0 2 0 3 0 4 0 5 fewer than 5 How satisfied",
        "5 fewer than 5 – Answers fewer than 5 By sector",
    ):
        assert hidden in text
    assert text.endswith("How many people work with you? Answers fewer than 5")


def test_the_desk_page_reads_as_many_queries_for_many_answers_as_for_few(
    desk: Client, results_answered: SurveyQuestions, survey_two_sectors: tuple[Sector, Sector]
) -> None:
    url = reverse("survey_results_admin:campaign", kwargs={"pk": results_answered.campaign.pk})

    def page() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            response = desk.get(url)
        assert response.status_code == HTTPStatus.OK
        return len(captured), response.content.decode()

    few, _page = page()
    for _ in range(30):
        results_answer(results_answered, sector=survey_two_sectors[0], single="home", scale=3)
    results_answer(results_answered, long_text="<b>First</b>\r\nsecond line")
    many, content = page()

    assert few == many
    # Every written answer is listed, its line breaks kept and its markup escaped.
    assert content.count("<li>SECRET-LONG-ANSWER</li>") == 9
    assert "<li>&lt;b&gt;First&lt;/b&gt;<br>second line</li>" in content


def test_a_breakdown_caption_reads_as_its_question_is_written(
    client: Client, results_answered: SurveyQuestions
) -> None:
    """Escaped once: "City's" reads as such, not as "City&#x27;s"; markup is text."""
    results_answered.single.text_en = "The City's <b>place</b> & yours?"
    results_answered.single.save()
    url = reverse("survey_results:public", kwargs={"slug": results_answered.campaign.slug})
    page = client.get(url).content.decode()

    caption = "The City&#x27;s &lt;b&gt;place&lt;/b&gt; &amp; yours?, by Sector"
    assert f"<caption>{caption}</caption>" in page
    assert f'aria-label="{caption}"' in page
    assert "<b>place</b>" not in page


def test_written_answers_are_listed_one_an_item_their_line_breaks_kept() -> None:
    assert text_items([]) == ""
    assert text_items(["<b>a</b>\r", "\nb & c", "d\re\r\nf"]) == (
        "<li>&lt;b&gt;a&lt;/b&gt;<br></li><li><br>b &amp; c</li><li>d<br>e<br>f</li>"
    )
    # An answer holding the character that joins them is listed whole all the same.
    assert text_items(["a\x00b", "'c'"]) == "<li>a\x00b</li><li>&#x27;c&#x27;</li>"


def test_a_breakdown_table_shows_each_level_with_its_totals(
    client: Client, results_answered: SurveyQuestions
) -> None:
    url = reverse("survey_results:public", kwargs={"slug": results_answered.campaign.slug})
    page = client.get(url).content.decode()

    table = page[page.index("Where do you work?, by Sector") :]
    table = table[: table.index("</table>")]
    assert '<th scope="col" class="text-end">Answered</th>' in table
    assert '<th scope="row">All</th>' in table
    body = table[table.index("<tbody>") : table.index("</tbody>")]
    assert body.count('<tr><th scope="row">') == 2  # the two sectors that answered
    assert 'data-figure="small">fewer than 5</span>' in table


def test_a_chart_draws_each_answer_with_a_table_of_the_same_figures(
    client: Client, results_answered: SurveyQuestions
) -> None:
    url = reverse("survey_results:public", kwargs={"slug": results_answered.campaign.slug})
    page = client.get(url).content.decode()

    chart = page[page.index('<figure class="portal-figure" aria-labelledby="q1-caption">') :]
    chart = chart[: chart.index("</figure>")]
    assert '<title id="q1-title">Where do you work?</title>' in chart
    assert chart.count('<rect class="portal-chart-bar"') == 3  # studio, home, coworking
    # Hidden to protect the small breakdowns: no bar, no share, and said so.
    no_bar = r'width="0" height="20" /><text class="portal-chart-value" [^>]*>hidden<'
    assert re.search(no_bar, chart)
    assert (
        '<tr><th scope="row">studio</th><td class="text-end"><span class="survey-hidden"'
        ' data-figure="hidden">hidden</span></td><td class="text-end">–</td></tr>'
    ) in chart
    zero = '<th scope="row">coworking</th><td class="text-end">0</td><td class="text-end">0.0%'
    assert zero in chart


def test_a_campaign_without_multiple_choices_reads_without_them(
    results_answered: SurveyQuestions, survey_two_sectors: tuple[Sector, Sector]
) -> None:
    Question.objects.filter(pk=results_answered.multiple.pk).update(kind=Question.Kind.SHORT_TEXT)

    found = results.compute(results_answered.campaign, public=False)

    kinds = [question.question.kind for question in found.questions]
    assert "multiple" not in kinds and kinds[:3] == ["single", "short_text", "scale"]
    assert found.questions[0].respondents == 25
    assert found.questions[2].breakdowns


def test_public_page_has_an_index_of_its_questions(
    client: Client, results_answered: SurveyQuestions
) -> None:
    url = reverse("survey_results:public", kwargs={"slug": results_answered.campaign.slug})
    page = client.get(url).content.decode()

    index = page[
        page.index('class="portal-page-index"') : page.index(
            "</nav>", page.index('class="portal-page-index"')
        )
    ]
    anchors = re.findall(r'href="#(question-\d+)"', index)
    assert len(anchors) > 1
    for anchor in anchors:
        assert f'<h2 id="{anchor}"' in page
    assert "Where do you work?" in index
    assert "One word?" not in index  # written answers are never published
