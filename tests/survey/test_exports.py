"""The raw answers' exports hold exactly the answers, and nothing a spreadsheet runs."""

import csv
import io
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook  # type: ignore[import-untyped]

from directory.models import Organisation, Sector
from survey import exports
from survey.models import Answer
from tests.survey.factories_results import (
    SurveyQuestions,
    results_answer,
    results_campaign,
)
from tests.text import store_raw

pytestmark = pytest.mark.django_db

EXPECTED_HEADER = [
    *exports.FIXED,
    "q1",
    "q2_premises",
    "q2_funding",
    "q2_training",
    "q3",
    "q4",
    "q5",
    "q6",
]


@pytest.fixture
def survey_exported() -> SurveyQuestions:
    sector = Sector.objects.order_by("order").first()
    survey = results_campaign()
    results_answer(
        survey,
        sector=sector,
        kind=Organisation.Kind.COMPANY,
        size="2-9",
        single="studio",
        multiple=("premises", "training"),
        scale=4,
        number=12,
        short_text='=HYPERLINK("http://x.example")',
        long_text="Two lines,\nwith a comma",
    )
    results_answer(survey, single="home", number=0)
    # A draft is not exported.
    draft = results_answer(survey, single="coworking")
    draft.status = draft.Status.DRAFT
    draft.submitted_at = None
    draft.save()
    return survey


def survey_expected_rows(survey: SurveyQuestions) -> list[list[object]]:
    first, second = survey.campaign.answer_sets.filter(status="submitted").order_by(
        "submitted_at", "pk"
    )
    sector = Sector.objects.order_by("order").first()
    assert sector is not None
    return [
        [
            first.pk,
            first.submitted_at.isoformat() if first.submitted_at else None,
            "anonymous",
            None,
            sector.slug,
            "company",
            "2-9",
            None,
            "studio",
            1,
            0,
            1,
            4,
            12,
            '=HYPERLINK("http://x.example")',
            "Two lines,\nwith a comma",
        ],
        [
            second.pk,
            second.submitted_at.isoformat() if second.submitted_at else None,
            "anonymous",
            None,
            None,
            None,
            None,
            None,
            "home",
            None,
            None,
            None,
            None,
            0,
            None,
            None,
        ],
    ]


def test_rows_are_exactly_the_answers(survey_exported: SurveyQuestions) -> None:
    assert exports.header(survey_exported.campaign) == EXPECTED_HEADER
    assert list(exports.rows(survey_exported.campaign)) == survey_expected_rows(survey_exported)


def test_csv_holds_the_answers_with_formulas_defused(survey_exported: SurveyQuestions) -> None:
    parsed = list(csv.reader(io.StringIO(exports.as_csv(survey_exported.campaign))))
    assert parsed[0] == EXPECTED_HEADER
    expected = [
        ["" if value is None else str(value) for value in row]
        for row in survey_expected_rows(survey_exported)
    ]
    expected[0][14] = "'" + expected[0][14]
    assert parsed[1:] == expected


def test_xlsx_holds_the_answers_as_values_never_formulas(
    survey_exported: SurveyQuestions,
) -> None:
    book = load_workbook(io.BytesIO(exports.as_xlsx(survey_exported.campaign)))
    sheet = book["answers"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == EXPECTED_HEADER
    assert rows[1:] == survey_expected_rows(survey_exported)
    formula_cell = sheet.cell(row=2, column=15)
    assert formula_cell.data_type == "s"
    questions = [list(row) for row in book["questions"].iter_rows(values_only=True)]
    assert questions[1] == ["q1", "Where do you work?", None]
    assert questions[2][0] == "q2_premises"


def test_desk_downloads_both_formats(desk: Client, survey_exported: SurveyQuestions) -> None:
    for fmt, content_type in (
        ("csv", "text/csv"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ):
        url = reverse(
            "survey_results_admin:export", kwargs={"pk": survey_exported.campaign.pk, "fmt": fmt}
        )
        response = desk.get(url)
        assert response.status_code == HTTPStatus.OK
        assert response["Content-Type"].startswith(content_type)
        assert "attachment" in response["Content-Disposition"]


def test_control_characters_in_an_answer_never_break_either_format(desk: Client) -> None:
    """A word processor's line break (a vertical tab), stored as an anonymous
    answer came before text was cleaned: XLSX cannot hold it (openpyxl refuses
    the cell), so it becomes a line break in both files."""
    survey = results_campaign()
    answer_set = results_answer(survey, single="home", long_text="placeholder")
    store_raw(
        Answer.objects.get(answer_set=answer_set, question=survey.long_text),
        "text",
        "First\x0bsecond\x1b\x7f line",
    )
    store_raw(survey.long_text, "text_en", "Anything\x0c else?")
    column = EXPECTED_HEADER.index("q6")

    responses = {
        fmt: desk.get(
            reverse("survey_results_admin:export", kwargs={"pk": survey.campaign.pk, "fmt": fmt})
        )
        for fmt in ("csv", "xlsx")
    }

    assert {fmt: r.status_code for fmt, r in responses.items()} == {
        "csv": HTTPStatus.OK,
        "xlsx": HTTPStatus.OK,
    }
    book = load_workbook(io.BytesIO(responses["xlsx"].content))
    assert [row[column] for row in book["answers"].iter_rows(values_only=True)] == [
        "q6",
        "First\nsecond line",
    ]
    assert ["q6", "Anything\n else?", None] in [
        list(row) for row in book["questions"].iter_rows(values_only=True)
    ]
    parsed = list(csv.reader(io.StringIO(responses["csv"].content.decode())))
    assert [row[column] for row in parsed] == ["q6", "First\nsecond line"]
