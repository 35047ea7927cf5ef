"""A campaign's results: counts per question and their breakdowns, in a fixed
number of aggregate queries whatever the number of answers.

`staff_results` is everything (free text included) for the desk; `public_results`
is what may be published: aggregate figures only, each through `disclosure`.

Queries, for any campaign: the questions and their choices (2); single choices
and scales by value and by sector, kind and size (1, grouping sets); multiple
choices likewise (1) and their respondents (1); numbers summarised (1: a scale's
summary comes from its counts by value); answer sets by sector, kind and size
(1); for staff, free texts (1) and published organisations by sector (1).

Each count comes with a signature of the answer sets it counts (the sum of a
hash of their ids): two figures of the public page with the same count and
signature count the same answer sets, so `disclosure` treats them as one
quantity wherever they appear (a question's column totals in its three
breakdowns, the "Not stated" rows of the respondents without an organisation,
the answer sets of a question everyone answered). Signatures add up over
disjoint sets, as the counts do.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import (
    Aggregate,
    Avg,
    BigIntegerField,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    Max,
    Min,
    OuterRef,
    Q,
    Sum,
)
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from creativecities import charts
from directory.models import Organisation, Sector
from survey import disclosure
from survey.disclosure import CountTable, Figure, Position, ProtectedTable
from survey.models import Answer, AnswerChoice, AnswerSet, Campaign, Choice, Question

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


def signature(field: str) -> Sum:
    """The sum of a hash of the answer sets' ids (PostgreSQL's `hashint8`): with
    the count, it names the set counted (a collision would only make two
    figures one quantity for the threshold, hiding more, never less)."""
    return Sum(Func(F(field), function="hashint8", output_field=BigIntegerField()))


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
    # Each row's level (a sector's id, a kind, a size; None or "" not stated)
    # and the signature of each figure's answer sets (the module's docstring).
    levels: list[Any] = field(default_factory=list)
    signatures: dict[Position, int] = field(default_factory=dict)

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
    # The summary's count as published (public results only).
    count_public: Figure | None = None

    public: bool = False

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def summary_count(self) -> Figure | None:
        if self.summary is None:
            return None
        if self.count_public is not None:
            return self.count_public
        return disclosure.figure(self.summary.count) if self.public else Figure(self.summary.count)

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
    answer_sets_public: Figure | None = None

    @property
    def answer_sets_figure(self) -> Figure:
        if self.answer_sets_public is not None:
            return self.answer_sets_public
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


NAMES = [name for name, _column, _heading in DIMENSIONS]


def _grouped_by_dimension(
    queryset: Any, keys: list[str], path: str, answer_set: str
) -> list[tuple[str, Any, dict[str, Any]]]:
    """For each dimension, the rows of `queryset` grouped by `keys` and the
    dimension's column (reached through `path`), counted (`n`) and signed
    (`sig`, over the answer set ids at `answer_set`), in one query: (dimension,
    level, row) for each group.

    One pass over the rows instead of one per dimension: the ORM has no
    GROUPING SETS, so its query for the plain rows is grouped here, and
    `GROUPING()` tells which set a group belongs to (a level may itself be
    NULL: "not stated")."""
    by = [path + column for _name, column, _heading in DIMENSIONS]
    rows = queryset.order_by().values(*keys, *by, answer_set)
    try:
        inner, params = rows.query.get_compiler(queryset.db).as_sql()
    except EmptyResultSet:  # no question of the kind: nothing to read
        return []
    quote = connections[queryset.db].ops.quote_name
    key_columns = [quote(key) for key in keys]
    dimension_columns = [quote(column) for column in by]
    sets = ", ".join(f"({', '.join([*key_columns, column])})" for column in dimension_columns)
    sql = (
        f"SELECT GROUPING({', '.join(dimension_columns)}),"  # noqa: S608 (names from the models)
        f" {', '.join(key_columns + dimension_columns)},"
        f" COUNT(*), SUM(hashint8({quote(answer_set)}))"
        f" FROM ({inner}) AS answered GROUP BY GROUPING SETS ({sets})"
    )
    # GROUPING() sets a bit for each column left out of the row's set, the first
    # column's the highest: the set of dimension i leaves out all the others.
    everything = (1 << len(by)) - 1
    dimension_of = {everything ^ (1 << (len(by) - 1 - i)): i for i in range(len(by))}
    found = []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        for grouping, *values in cursor.fetchall():
            row = dict(zip(keys, values, strict=False))
            row["n"], row["sig"] = values[-2:]
            index = dimension_of[grouping]
            found.append((NAMES[index], values[len(keys) + index], row))
    return found


# value key -> (count, signature) per level
Counted = dict[Any, tuple[int, int]]
# No answer: (count, signature).
NONE = (0, 0)


def _fetched(queryset: Any) -> list[tuple[Any, ...]]:
    """A `values_list` queryset's rows in one fetch, without the ORM's work
    per row (the desk's page lists thousands of written answers)."""
    try:
        sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    except EmptyResultSet:  # no question of the kind
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
    return rows


def _summary(counted: dict[int, tuple[int, int]]) -> dict[str, Any]:
    """Count, mean, median, extremes and signature of answers given as
    value -> (count, signature), as the numbers' query reads them (the median
    is PostgreSQL's `percentile_cont(0.5)`)."""
    values = sorted(value for value, (n, _sig) in counted.items() if n)
    count = sum(counted[value][0] for value in values)

    def at(position: int) -> int:
        """The value at this position of the answers in order."""
        for value in values:
            position -= counted[value][0]
            if position < 0:
                return value
        raise IndexError(position)

    middle = (count - 1) / 2
    low, high = at(math.floor(middle)), at(math.ceil(middle))
    return {
        "count": count,
        "mean": sum(value * counted[value][0] for value in values) / count,
        "median": low + (middle - math.floor(middle)) * (high - low),
        "minimum": values[0],
        "maximum": values[-1],
        "sig": sum(sig for _n, sig in counted.values()),
    }


def compute(campaign: Campaign, *, public: bool) -> CampaignResults:
    """Every question's results, read in a fixed number of queries; for the
    public, protected together (`protect_campaign`)."""
    questions = list(
        Question.objects.filter(section__campaign=campaign)
        .select_related("section")
        .order_by("section__order", "section__pk", "order", "pk")
    )
    # Each question's choices, read in one query as a prefetch would, without
    # its machinery (a few milliseconds of a page).
    choices: dict[int, list[Choice]] = {question.pk: [] for question in questions}
    for choice in Choice.objects.filter(question_id__in=list(choices)).order_by("order", "pk"):
        choices[choice.question_id].append(choice)
    sets = AnswerSet.objects.submitted().filter(campaign=campaign)
    # Filtered through the join the breakdowns make anyway (not a subquery).
    submitted = AnswerSet.Status.SUBMITTED
    answers = Answer.objects.filter(answer_set__campaign=campaign, answer_set__status=submitted)
    labels = _labels(campaign)

    def of_kinds(*kinds: str) -> list[int]:
        """The campaign's questions of these kinds, by id: the planner estimates
        how many answers a list of ids selects (a join to the questions filtered
        by kind it took for a few, and walked every answer through an index)."""
        return [question.pk for question in questions if question.kind in kinds]

    # dimension -> (question, value) -> level -> (count, signature)
    cells: dict[str, dict[tuple[int, Any], Counted]] = {name: defaultdict(dict) for name in NAMES}
    ticks: dict[str, dict[tuple[int, Any], Counted]] = {name: defaultdict(dict) for name in NAMES}
    # dimension -> question -> level -> (count, signature) of those who ticked any
    ticked_by: dict[str, dict[int, Counted]] = {name: defaultdict(dict) for name in NAMES}
    # Each source is read once for the three dimensions (GROUPING SETS): one
    # pass over the answers instead of three.
    chosen = answers.filter(question_id__in=of_kinds(*CHOICE_KINDS)).filter(
        Q(choice__isnull=False) | Q(number__isnull=False)
    )
    for name, level, row in _grouped_by_dimension(
        chosen,
        ["question_id", "choice_id", "number"],
        "answer_set__",
        "answer_set_id",
    ):
        value = row["choice_id"] if row["choice_id"] is not None else row["number"]
        cells[name][(row["question_id"], value)][level] = (row["n"], row["sig"])
    tick_rows = AnswerChoice.objects.filter(
        answer__answer_set__campaign=campaign,
        answer__answer_set__status=submitted,
        answer__question_id__in=of_kinds(Kind.MULTIPLE),  # as all ticks are: fewer to join
    )
    for name, level, row in _grouped_by_dimension(
        tick_rows,
        ["answer__question_id", "choice_id"],
        "answer__answer_set__",
        "answer__answer_set_id",
    ):
        key = (row["answer__question_id"], row["choice_id"])
        ticks[name][key][level] = (row["n"], row["sig"])
    for name, level, row in _grouped_by_dimension(
        answers.filter(question_id__in=of_kinds(Kind.MULTIPLE)).filter(
            Exists(AnswerChoice.objects.filter(answer=OuterRef("pk")))
        ),
        ["question_id"],
        "answer_set__",
        "answer_set_id",
    ):
        ticked_by[name][row["question_id"]][level] = (row["n"], row["sig"])

    # A scale's summary from its counts by value (the levels of one dimension
    # cover every answer): only the numbers are read again.
    by_value: dict[int, dict[int, tuple[int, int]]] = defaultdict(dict)
    scales = set(of_kinds(Kind.SCALE))
    for (question_id, value), per_level in cells[NAMES[0]].items():
        if question_id in scales:
            by_value[question_id][value] = (
                sum(n for n, _sig in per_level.values()),
                sum(sig or 0 for _n, sig in per_level.values()),
            )
    summaries = {question_id: _summary(found) for question_id, found in by_value.items()}
    summaries |= {
        row["question_id"]: row
        for row in _grouped(
            answers.filter(question_id__in=of_kinds(Kind.NUMBER), number__isnull=False),
            "question_id",
            count=Count("pk"),
            mean=Avg("number"),
            median=Median("number"),
            minimum=Min("number"),
            maximum=Max("number"),
            sig=signature("answer_set_id"),
        )
    }
    texts: dict[int, list[str]] = defaultdict(list)
    if not public:
        for question_id, text in _fetched(
            answers.filter(question_id__in=of_kinds(*TEXT_KINDS))
            .exclude(text="")
            .order_by("question_id", "answer_set__submitted_at", "pk")
            .values_list("question_id", "text")
        ):
            texts[question_id].append(text)
    # Answer sets by sector, kind and size together: every breakdown's levels.
    by_levels = _grouped(sets, "sector_id", "kind", "size", n=Count("pk"), sig=signature("pk"))
    answer_sets = sum(row["n"] for row in by_levels)

    results = []
    for question in questions:
        result = QuestionResult(question=question, public=public)
        if question.kind in (Kind.SINGLE, Kind.MULTIPLE):
            values: list[Any] = [choice.pk for choice in choices[question.pk]]
            result.columns = [choice.label for choice in choices[question.pk]]
        elif question.kind == Kind.SCALE:
            values = list(range(Question.SCALE_MIN, Question.SCALE_MAX + 1))
            result.columns = [str(value) for value in values]
        else:
            values = []
        if values:
            multiple = question.kind == Kind.MULTIPLE
            for name, _column, heading in DIMENSIONS:
                source = ticks[name] if multiple else cells[name]
                table_rows = []
                row_labels = []
                row_levels = []
                row_totals = []
                row_signatures: list[tuple[list[int], int]] = []
                # Each value's counts by level, looked up once for all the levels.
                by_level = [source.get((question.pk, value), {}) for value in values]
                answered = ticked_by[name].get(question.pk, {})
                for level, label in labels[name].items():
                    counted = [at_value.get(level, NONE) for at_value in by_level]
                    counts = [n for n, _sig in counted]
                    sigs = [sig or 0 for _n, sig in counted]
                    if multiple:
                        total, total_sig = answered.get(level, NONE)
                    else:
                        total, total_sig = sum(counts), sum(sigs)
                    if total:
                        table_rows.append(counts)
                        row_labels.append(label)
                        row_levels.append(level)
                        row_totals.append(total)
                        row_signatures.append((sigs, total_sig or 0))
                if not table_rows:
                    continue
                table = CountTable.from_cells(
                    table_rows, row_totals=row_totals, additive_rows=not multiple
                )
                result.breakdowns.append(
                    Breakdown(
                        name,
                        str(heading),
                        row_labels,
                        table,
                        levels=row_levels,
                        signatures=_grid(row_signatures),
                    )
                )
            if result.breakdowns:
                first = result.breakdowns[0].table
                result.overall = CountTable.from_cells(
                    [list(first.column_totals)],
                    row_totals=[first.grand_total],
                    additive_rows=not multiple,
                )
                result.respondents = first.grand_total
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
        if question.kind in TEXT_KINDS and not public:
            result.texts = texts.get(question.pk, [])
            result.respondents = len(result.texts)
        results.append(result)
    found_results = CampaignResults(
        campaign=campaign, answer_sets=answer_sets, questions=results, public=public
    )
    if public:
        protect_campaign(found_results, by_levels=by_levels, summaries=summaries)
    for result in results:
        if public and result.summary is not None:
            result.summary = _public_summary(result)
        result.chart = bar_chart(result.rows(), public=public)
    return found_results


def _grid(rows: list[tuple[list[int], int]]) -> dict[Position, int]:
    """The signatures of a table's figures from those of its rows: columns and
    the grand total add up over the rows (each answer set is in one row)."""
    grid: dict[Position, int] = {}
    columns = len(rows[0][0]) if rows else 0
    for i, (cells, total) in enumerate(rows):
        for j, sig in enumerate(cells):
            grid[(i, j)] = sig
        grid[(i, columns)] = total
    for j in range(columns + 1):
        grid[(len(rows), j)] = sum(grid[(i, j)] for i in range(len(rows)))
    return grid


def protect_campaign(
    results: CampaignResults,
    *,
    by_levels: list[dict[str, Any]],
    summaries: dict[int, dict[str, Any]],
) -> None:
    """Every public figure of the campaign protected at once, as one system.

    What a reader knows besides each table's own equations: each row of a
    question counts at most the answer sets of its sector, kind or size, and
    those add up to all answer sets; each question's respondents are some of
    all answer sets; and figures counting the same answer sets (signatures)
    are one quantity."""
    system = disclosure.System()
    everyone = system.figure(
        results.answer_sets,
        key=sum(row["sig"] or 0 for row in by_levels),
        floor=1 if results.answer_sets else 0,
        rank=disclosure.RANK_GRAND,
    )
    # dimension -> level -> (count, signature) of all answer sets
    levels: dict[str, dict[Any, list[int]]] = {}
    for name, column, _heading in DIMENSIONS:
        found: dict[Any, list[int]] = {}
        for row in by_levels:
            level = found.setdefault(row[column], [0, 0])
            level[0] += row["n"]
            level[1] += row["sig"] or 0
        levels[name] = found
    level_ids: dict[str, dict[Any, int]] = {}
    for name, found_levels in levels.items():
        level_ids[name] = {
            level: system.figure(n, key=sig, published=False)
            for level, (n, sig) in found_levels.items()
        }
        system.equal(level_ids[name].values(), everyone)
    placed: list[tuple[Breakdown, dict[Position, int]]] = []
    counts: dict[int, int] = {}
    for result in results.questions:
        for breakdown in result.breakdowns:
            ids = system.table(breakdown.table, breakdown.signatures.get)
            placed.append((breakdown, ids))
            table = breakdown.table
            system.at_most(ids[(table.rows, table.columns)], everyone)
            for i, level in enumerate(breakdown.levels):
                if level in level_ids[breakdown.name]:
                    system.at_most(ids[(i, table.columns)], level_ids[breakdown.name][level])
        question = result.question
        if result.summary is not None and question.pk in summaries:
            row = summaries[question.pk]
            counts[question.pk] = system.figure(
                row["count"], key=row["sig"], floor=1, rank=disclosure.RANK_GRAND
            )
            system.at_most(counts[question.pk], everyone)
    protection = system.protect()
    for breakdown, ids in placed:
        breakdown.protected = protection.table(breakdown.table, ids)
    for result in results.questions:
        if result.breakdowns:
            first = result.breakdowns[0].protected
            assert first is not None  # noqa: S101 - protected above
            result.overall_protected = _overall(first)
        if result.question.pk in counts:
            result.count_public = protection.figure(counts[result.question.pk])
    results.answer_sets_public = protection.figure(everyone)


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
    count = result.summary_count
    if count is None or count.hidden or summary.count < disclosure.THRESHOLD:
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
    """Changes with the publication, every answer set saved and the language:
    the public page's rendering is kept under it."""
    stamp = AnswerSet.objects.filter(campaign=campaign).aggregate(
        latest=Max("updated_at"), n=Count("pk")
    )
    published = campaign.results_published_at.timestamp() if campaign.results_published_at else 0
    latest = stamp["latest"].timestamp() if stamp["latest"] else 0
    return f"survey:results:{campaign.pk}:{published}:{latest}:{stamp['n']}:{get_language()}"


def public_results(campaign: Campaign) -> CampaignResults:
    """What the published page shows. Not cached as such: the page keeps its
    rendering under `cache_key` (pickling these results cost as much as
    rendering them), and the cluster page its few figures."""
    return compute(campaign, public=True)


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
