"""A campaign's results: counts per question and their breakdowns, in a fixed
number of aggregate queries whatever the number of answers.

`staff_results` is everything (free text included) for the desk; `public_results`
is what may be published: aggregate figures only, each through `disclosure`.

Queries, for any campaign: the questions and their choices (2); single choices
and scales by value and by sector, kind and size (3); multiple choices likewise,
and their respondents (6); numbers and scales summarised (1); answer sets by
sector (1); for staff, free texts (1) and published organisations by sector (1).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Aggregate, Avg, Count, FloatField, Max, Min, Q
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from directory import charts
from directory.models import Organisation, Sector
from directory.survey import disclosure
from directory.survey.disclosure import CountTable, Figure, ProtectedTable
from directory.survey.models import Answer, AnswerChoice, AnswerSet, Campaign, Question

Kind = Question.Kind
CHOICE_KINDS = (Kind.SINGLE, Kind.SCALE)
TEXT_KINDS = (Kind.SHORT_TEXT, Kind.LONG_TEXT)
CACHE_SECONDS = 600
NOT_STATED = "—"

# The breakdowns: (name, the answer set's field, its heading).
DIMENSIONS: tuple[tuple[str, str, Any], ...] = (
    ("sector", "sector_id", gettext_lazy("Sector")),
    ("kind", "kind", gettext_lazy("Kind")),
    ("size", "size", gettext_lazy("Size (employees)")),
)


class Median(Aggregate):
    """PostgreSQL's continuous median (Django has no such aggregate)."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


@dataclass
class Breakdown:
    name: str
    heading: str
    rows: list[str]
    table: CountTable
    protected: ProtectedTable | None = None

    def grid(self) -> dict[str, Any]:
        """Rows of figures with their totals: protected ones when public."""
        table = self.protected or _plain(self.table)
        return {
            "rows": [
                {"label": label, "cells": table.cells[i], "total": table.row_totals[i]}
                for i, label in enumerate(self.rows)
            ],
            "totals": table.column_totals,
            "grand_total": table.grand_total,
        }


def _plain(table: CountTable) -> ProtectedTable:
    """Every figure shown: the desk's view."""
    return ProtectedTable(
        cells=tuple(tuple(Figure(value) for value in row) for row in table.cells),
        row_totals=tuple(Figure(value) for value in table.row_totals),
        column_totals=tuple(Figure(value) for value in table.column_totals),
        grand_total=Figure(table.grand_total),
    )


@dataclass
class NumberSummary:
    count: int
    mean: float | None
    median: float | None
    minimum: int | None = None
    maximum: int | None = None


@dataclass
class QuestionResult:
    question: Question
    columns: list[str] = field(default_factory=list)
    respondents: int = 0
    overall: CountTable | None = None
    overall_protected: ProtectedTable | None = None
    breakdowns: list[Breakdown] = field(default_factory=list)
    summary: NumberSummary | None = None
    texts: list[str] = field(default_factory=list)
    chart: dict[str, Any] | None = None

    public: bool = False

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def summary_count(self) -> Figure | None:
        if self.summary is None:
            return None
        count = self.summary.count
        return disclosure.figure(count) if self.public else Figure(count)

    @property
    def is_choice(self) -> bool:
        return self.question.kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.SCALE)

    @property
    def is_number(self) -> bool:
        return self.question.kind == Kind.NUMBER

    @property
    def is_text(self) -> bool:
        return self.question.kind in TEXT_KINDS

    def rows(self) -> list[dict[str, Any]]:
        """The overall counts with their shares, as the templates list them."""
        if self.overall is None:
            return []
        if self.overall_protected is not None:
            table = self.overall_protected
            return [
                {
                    "label": label,
                    "figure": figure,
                    "share": table.column_share(j),
                }
                for j, (label, figure) in enumerate(
                    zip(self.columns, table.column_totals, strict=True)
                )
            ]
        total = self.overall.grand_total
        return [
            {
                "label": label,
                "figure": Figure(value),
                "share": 100 * value / total if total else None,
            }
            for label, value in zip(self.columns, self.overall.column_totals, strict=True)
        ]


@dataclass
class ResponseRate:
    label: str
    answered: int
    published: int

    @property
    def rate(self) -> float | None:
        return 100 * self.answered / self.published if self.published else None


@dataclass
class CampaignResults:
    campaign: Campaign
    answer_sets: int
    questions: list[QuestionResult]
    rates: list[ResponseRate] = field(default_factory=list)
    public: bool = False

    @property
    def answer_sets_figure(self) -> Figure:
        return disclosure.figure(self.answer_sets) if self.public else Figure(self.answer_sets)


def _labels(campaign: Campaign) -> dict[str, dict[Any, str]]:
    """Row labels of every breakdown, in the order they are listed."""
    sectors = {sector.pk: sector.name for sector in Sector.objects.order_by("order", "slug")}
    return {
        "sector": {**sectors, None: _("Not stated")},
        "kind": {**{k.value: str(k.label) for k in Organisation.Kind}, "": _("Not stated")},
        "size": {**{s.value: str(s.label) for s in Organisation.Size}, "": _("Not stated")},
    }


def _grouped(queryset: Any, *keys: str, **aggregates: Any) -> list[dict[str, Any]]:
    return list(queryset.order_by().values(*keys).annotate(**aggregates))


def compute(campaign: Campaign, *, public: bool) -> CampaignResults:
    """Every question's results, read in a fixed number of queries."""
    questions = list(
        Question.objects.filter(section__campaign=campaign)
        .select_related("section")
        .prefetch_related("choices")
        .order_by("section__order", "section__pk", "order", "pk")
    )
    sets = AnswerSet.objects.submitted().filter(campaign=campaign)
    # Filtered through the join the breakdowns make anyway (not a subquery).
    submitted = AnswerSet.Status.SUBMITTED
    answers = Answer.objects.filter(answer_set__campaign=campaign, answer_set__status=submitted)
    labels = _labels(campaign)

    # value key -> question -> dimension level -> count
    cells: dict[str, dict[tuple[int, Any], dict[Any, int]]] = {}
    ticks: dict[str, dict[tuple[int, Any], dict[Any, int]]] = {}
    ticked_by: dict[str, dict[int, dict[Any, int]]] = {}
    for name, column, _heading in DIMENSIONS:
        by = f"answer_set__{column}"
        found: dict[tuple[int, Any], dict[Any, int]] = defaultdict(dict)
        for row in _grouped(
            answers.filter(question__kind__in=CHOICE_KINDS).filter(
                Q(choice__isnull=False) | Q(number__isnull=False)
            ),
            "question_id",
            "choice_id",
            "number",
            by,
            n=Count("pk"),
        ):
            value = row["choice_id"] if row["choice_id"] is not None else row["number"]
            found[(row["question_id"], value)][row[by]] = row["n"]
        cells[name] = found
        tick_rows = AnswerChoice.objects.filter(
            answer__answer_set__campaign=campaign, answer__answer_set__status=submitted
        )
        found_ticks: dict[tuple[int, Any], dict[Any, int]] = defaultdict(dict)
        for row in _grouped(
            tick_rows, "answer__question_id", "choice_id", f"answer__{by}", n=Count("pk")
        ):
            key = (row["answer__question_id"], row["choice_id"])
            found_ticks[key][row[f"answer__{by}"]] = row["n"]
        ticks[name] = found_ticks
        found_by: dict[int, dict[Any, int]] = defaultdict(dict)
        for row in _grouped(
            tick_rows,
            "answer__question_id",
            f"answer__{by}",
            n=Count("answer_id", distinct=True),
        ):
            found_by[row["answer__question_id"]][row[f"answer__{by}"]] = row["n"]
        ticked_by[name] = found_by

    summaries = {
        row["question_id"]: row
        for row in _grouped(
            answers.filter(question__kind__in=(Kind.NUMBER, Kind.SCALE), number__isnull=False),
            "question_id",
            count=Count("pk"),
            mean=Avg("number"),
            median=Median("number"),
            minimum=Min("number"),
            maximum=Max("number"),
        )
    }
    texts: dict[int, list[str]] = defaultdict(list)
    if not public:
        for question_id, text in (
            answers.filter(question__kind__in=TEXT_KINDS)
            .exclude(text="")
            .order_by("question_id", "answer_set__submitted_at", "pk")
            .values_list("question_id", "text")
        ):
            texts[question_id].append(text)
    answer_sets = sets.count()

    results = []
    for question in questions:
        result = QuestionResult(question=question, public=public)
        if question.kind in (Kind.SINGLE, Kind.MULTIPLE):
            values: list[Any] = [choice.pk for choice in question.choices.all()]
            result.columns = [choice.label for choice in question.choices.all()]
        elif question.kind == Kind.SCALE:
            values = list(range(Question.SCALE_MIN, Question.SCALE_MAX + 1))
            result.columns = [str(value) for value in values]
        else:
            values = []
        if values:
            multiple = question.kind == Kind.MULTIPLE
            for name, _column, heading in DIMENSIONS:
                source = ticks[name] if multiple else cells[name]
                levels = labels[name]
                table_rows = []
                row_labels = []
                row_totals = []
                for level, label in levels.items():
                    counts = [
                        source.get((question.pk, value), {}).get(level, 0) for value in values
                    ]
                    if multiple:
                        total = ticked_by[name].get(question.pk, {}).get(level, 0)
                    else:
                        total = sum(counts)
                    if total:
                        table_rows.append(counts)
                        row_labels.append(label)
                        row_totals.append(total)
                if not table_rows:
                    continue
                table = CountTable.from_cells(
                    table_rows, row_totals=row_totals, additive_rows=not multiple
                )
                result.breakdowns.append(Breakdown(name, str(heading), row_labels, table))
            if result.breakdowns:
                first = result.breakdowns[0].table
                result.overall = CountTable.from_cells(
                    [list(first.column_totals)],
                    row_totals=[first.grand_total],
                    additive_rows=not multiple,
                )
                result.respondents = first.grand_total
            if public and result.breakdowns:
                protected = disclosure.protect_linked([b.table for b in result.breakdowns])
                for breakdown, shown in zip(result.breakdowns, protected, strict=True):
                    breakdown.protected = shown
                result.overall_protected = _overall(protected[0])
        if question.kind in (Kind.NUMBER, Kind.SCALE) and question.pk in summaries:
            row = summaries[question.pk]
            result.summary = NumberSummary(
                count=row["count"],
                mean=row["mean"],
                median=row["median"],
                minimum=row["minimum"],
                maximum=row["maximum"],
            )
            if question.kind == Kind.NUMBER:
                result.respondents = row["count"]
            if public:
                result.summary = _public_summary(result)
        if question.kind in TEXT_KINDS and not public:
            result.texts = texts.get(question.pk, [])
            result.respondents = len(result.texts)
        result.chart = bar_chart(result.rows(), public=public)
        results.append(result)
    return CampaignResults(
        campaign=campaign, answer_sets=answer_sets, questions=results, public=public
    )


def _overall(table: ProtectedTable) -> ProtectedTable:
    """The shared column totals as a table of one row (what the overall chart shows)."""
    return ProtectedTable(
        cells=(table.column_totals,),
        row_totals=(table.grand_total,),
        column_totals=table.column_totals,
        grand_total=table.grand_total,
    )


def _public_summary(result: QuestionResult) -> NumberSummary | None:
    """Count, mean and median of at least `THRESHOLD` answers; never the extremes
    (each is one organisation's answer). A scale's mean only when its whole
    distribution is shown: with it, two hidden counts could be solved for."""
    summary = result.summary
    if summary is None:
        return None
    count = disclosure.figure(summary.count)
    if count.hidden or summary.count < disclosure.THRESHOLD:
        return NumberSummary(count=summary.count, mean=None, median=None)
    if result.overall_protected is not None and result.overall_protected.hidden:
        return NumberSummary(count=summary.count, mean=None, median=None)
    if result.overall_protected is not None and any(
        figure.hidden for figure in result.overall_protected.column_totals
    ):
        return NumberSummary(count=summary.count, mean=None, median=None)
    median = None if result.question.kind == Kind.SCALE else summary.median
    return NumberSummary(count=summary.count, mean=summary.mean, median=median)


def bar_chart(rows: Sequence[dict[str, Any]], *, public: bool) -> dict[str, Any] | None:
    """The directory's bar chart of the overall counts; a hidden count draws no
    bar and reads as its label says."""
    if not rows:
        return None
    chart = charts.bar_chart(
        [(row["label"], row["figure"].value if row["figure"].shown else 0) for row in rows]
    )
    for bar, row in zip(chart["bars"], rows, strict=True):
        bar["figure"] = row["figure"]
        bar["share"] = row["share"]
    return chart


def response_rates(campaign: Campaign) -> list[ResponseRate]:
    """Answer sets of organisations against published organisations, overall and
    by sector (an organisation counts in its main sector, as its answers do)."""
    answered = {
        row["sector_id"]: row["n"]
        for row in _grouped(
            AnswerSet.objects.submitted().filter(campaign=campaign, organisation__isnull=False),
            "sector_id",
            n=Count("pk"),
        )
    }
    published = {
        row["primary_sector_id"]: row["n"]
        for row in _grouped(Organisation.objects.published(), "primary_sector_id", n=Count("pk"))
    }
    rates = [ResponseRate(_("All sectors"), sum(answered.values()), sum(published.values()))]
    for sector in Sector.objects.order_by("order", "slug"):
        rates.append(
            ResponseRate(sector.name, answered.get(sector.pk, 0), published.get(sector.pk, 0))
        )
    return rates


def staff_results(campaign: Campaign) -> CampaignResults:
    results = compute(campaign, public=False)
    results.rates = response_rates(campaign)
    return results


def cache_key(campaign: Campaign) -> str:
    """Changes with the publication, every answer set saved and the language."""
    stamp = AnswerSet.objects.filter(campaign=campaign).aggregate(
        latest=Max("updated_at"), n=Count("pk")
    )
    published = campaign.results_published_at.timestamp() if campaign.results_published_at else 0
    latest = stamp["latest"].timestamp() if stamp["latest"] else 0
    return f"survey:results:{campaign.pk}:{published}:{latest}:{stamp['n']}:{get_language()}"


def public_results(campaign: Campaign) -> CampaignResults:
    """What the published page shows, from the cache while no answer changes."""
    key = cache_key(campaign)
    found: CampaignResults | None = cache.get(key)
    if found is None:
        found = compute(campaign, public=True)
        cache.set(key, found, CACHE_SECONDS)
    return found


def key_figures(campaign: Campaign, compute_results: Callable[[Campaign], CampaignResults]) -> Any:
    """A few figures for the cluster-figures page: answer sets and the first
    choice questions' most frequent shown answer."""
    results = compute_results(campaign)
    highlights = []
    for question in results.questions:
        if not question.is_choice or question.kind == Kind.SCALE:
            continue
        shown = [row for row in question.rows() if row["figure"].shown and row["share"]]
        if shown:
            top = max(shown, key=lambda row: row["figure"].value)
            highlights.append({"question": question.question.text, **top})
        if len(highlights) == 2:
            break
    return {
        "campaign": campaign,
        "answer_sets": results.answer_sets_figure,
        "highlights": highlights,
    }
