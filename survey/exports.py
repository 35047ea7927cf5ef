"""The raw answers of a campaign for the desk, as CSV and XLSX.

One row per submitted answer set, one column per question: a single choice is
the chosen choice's code, a multiple choice one column per choice holding 1 when
ticked and 0 when not (empty when the question was not answered), a scale or a
number the integer, a text the text. Read in three queries whatever the number
of answers. Staff only: the file names organisations and holds free text.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]

from creativecities.text import export_value
from survey.models import Answer, AnswerChoice, AnswerSet, Campaign, Question

Kind = Question.Kind
FIXED = (
    "answer_set",
    "submitted_at",
    "origin",
    "organisation",
    "sector",
    "kind",
    "size",
    "municipality",
)


def columns(campaign: Campaign) -> list[tuple[str, Question, Any]]:
    """(header, question, choice or None) for every answer column, in order."""
    found: list[tuple[str, Question, Any]] = []
    questions = (
        Question.objects.filter(section__campaign=campaign)
        .prefetch_related("choices")
        .order_by("section__order", "section__pk", "order", "pk")
    )
    for number, question in enumerate(questions, start=1):
        if question.kind == Kind.MULTIPLE:
            for choice in question.choices.all():
                found.append((f"q{number}_{choice.code}", question, choice))
        else:
            found.append((f"q{number}", question, None))
    return found


def header(campaign: Campaign) -> list[str]:
    return [*FIXED, *(name for name, _question, _choice in columns(campaign))]


def rows(campaign: Campaign) -> Iterator[list[Any]]:
    """The answers as plain values: str, int or None."""
    answer_columns = columns(campaign)
    sets = (
        AnswerSet.objects.submitted()
        .filter(campaign=campaign)
        .select_related("organisation", "sector", "municipality")
        .order_by("submitted_at", "pk")
    )
    answers: dict[int, dict[int, Any]] = defaultdict(dict)
    for value in (
        Answer.objects.filter(answer_set__in=sets)
        .order_by()
        .values("pk", "answer_set_id", "question_id", "choice__code", "number", "text")
    ):
        answers[value["answer_set_id"]][value["question_id"]] = value
    ticked: dict[int, set[int]] = defaultdict(set)
    for answer_id, choice_id in (
        AnswerChoice.objects.filter(answer__answer_set__in=sets)
        .order_by()
        .values_list("answer_id", "choice_id")
    ):
        ticked[answer_id].add(choice_id)
    for answer_set in sets:
        given = answers.get(answer_set.pk, {})
        row: list[Any] = [
            answer_set.pk,
            answer_set.submitted_at.isoformat() if answer_set.submitted_at else None,
            answer_set.origin,
            answer_set.organisation.name if answer_set.organisation else None,
            answer_set.sector.slug if answer_set.sector else None,
            answer_set.kind or None,
            answer_set.size or None,
            answer_set.municipality.name if answer_set.municipality else None,
        ]
        for _name, question, choice in answer_columns:
            answer = given.get(question.pk)
            if answer is None:
                row.append(None)
            elif question.kind == Kind.SINGLE:
                row.append(answer["choice__code"])
            elif question.kind == Kind.MULTIPLE:
                ticks = ticked.get(answer["pk"], set())
                row.append(1 if choice.pk in ticks else 0)
            elif question.kind in (Kind.SCALE, Kind.NUMBER):
                row.append(answer["number"])
            else:
                row.append(answer["text"] or None)
        yield row


def as_csv(campaign: Campaign) -> str:
    """Every cell quoted, every text a spreadsheet would run quoted again."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header(campaign))
    for row in rows(campaign):
        writer.writerow(["" if value is None else export_value(value, "csv") for value in row])
    return buffer.getvalue()


def as_xlsx(campaign: Campaign) -> bytes:
    """Answers on the first sheet; the questions, for reading the headers, on the second.
    Texts are written as text cells, so one beginning with "=" is never a
    formula, without the control characters XML cannot hold."""
    book = Workbook()
    sheet = book.active
    sheet.title = "answers"
    sheet.append(header(campaign))
    for row in rows(campaign):
        sheet.append([export_value(value, "xlsx") for value in row])
    for line in sheet.iter_rows(min_row=1):
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    questions = book.create_sheet("questions")
    questions.append(["column", "question", "choice"])
    for name, question, choice in columns(campaign):
        questions.append(
            [name, *export_value([question.text, choice.label if choice else None], "xlsx")]
        )
    for line in questions.iter_rows(min_row=1):
        for cell in line:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
