"""The privacy threshold: small figures hidden, and none worked out from the rest
of what a campaign publishes, as a reader solving for it would."""

import math
import random
from collections.abc import Hashable, Sequence

import pytest

from survey.disclosure import (
    CountTable,
    Figure,
    Place,
    Position,
    ProtectedTable,
    Status,
    System,
    figure,
    protect,
    protect_linked,
    reader_bounds,
    reader_intervals,
    share,
    whole_values,
)

# "Dove lavorate abitualmente?, per Tipo" of the demo campaign: Impresa,
# Libero professionista, Associazione, Ente pubblico, Istituzione, Non indicata;
# in rented premises, owned, coworking, from home.
ISSUE_BY_KIND = [[5, 5, 7, 4], [1, 1, 0, 0], [0, 2, 3, 3], [0, 1, 0, 1], [1, 1, 0, 0], [9, 5, 5, 5]]
ISSUE_BY_SECTOR = [
    [0, 2, 0, 2],
    [1, 0, 0, 1],
    [1, 0, 1, 1],
    [1, 1, 0, 1],
    [0, 0, 3, 1],
    [2, 0, 1, 0],
    [1, 0, 1, 1],
    [1, 0, 1, 0],
    [0, 1, 0, 1],
    [0, 3, 0, 0],
    [0, 1, 2, 0],
    [0, 2, 1, 0],
    [9, 5, 5, 5],
]
ISSUE_BY_SIZE = [[1, 1, 0, 0], [4, 8, 6, 7], [2, 1, 4, 1], [9, 5, 5, 5]]
# The same table as the public page showed it before ("s": fewer than 5,
# "h": hidden), totals last.
ISSUE_PAGE_BY_KIND = [
    ["h", 5, 7, "s", 21],
    ["s", "s", 0, 0, "s"],
    [0, "s", "s", "s", 8],
    [0, "s", 0, "s", "s"],
    ["s", "s", 0, 0, "s"],
    ["h", "h", "h", 5, 24],
    [16, 15, 15, 13, 59],
]


def survey_page_table(rows: Sequence[Sequence[int | str]]) -> ProtectedTable:
    """A table as displayed, hidden values unknown (0)."""

    def at(cell: int | str) -> Figure:
        if isinstance(cell, int):
            return Figure(cell)
        return Figure(0, Status.SMALL if cell == "s" else Status.PROTECTING)

    body = [[at(cell) for cell in row] for row in rows]
    return ProtectedTable(
        cells=tuple(tuple(row[:-1]) for row in body[:-1]),
        row_totals=tuple(row[-1] for row in body[:-1]),
        column_totals=tuple(body[-1][:-1]),
        grand_total=body[-1][-1],
    )


def survey_figures(result: ProtectedTable) -> dict[Position, Figure]:
    rows, columns = len(result.cells), len(result.column_totals)
    found = {}
    for i in range(rows):
        for j in range(columns):
            found[(i, j)] = result.cells[i][j]
        found[(i, columns)] = result.row_totals[i]
    for j in range(columns):
        found[(rows, j)] = result.column_totals[j]
    found[(rows, columns)] = result.grand_total
    return found


def survey_assert_safe(
    tables: Sequence[CountTable],
    results: Sequence[ProtectedTable],
    same: Sequence[Sequence[Place]] = (),
) -> None:
    """What the tables show is true; no count from 1 to 4 is shown; and a
    reader solving every published equation (linear programs: least and
    greatest value of each hidden figure) pins none of those displayed
    "fewer than 5" to a single value."""
    for table, result in zip(tables, results, strict=True):
        for position, shown in survey_figures(result).items():
            value = table.value(position)
            assert shown.value == value
            if 0 < value < 5:
                assert shown.status is Status.SMALL, position
            if shown.small:
                assert value < 5, position
    intervals = reader_intervals(
        results, additive=[table.additive_rows for table in tables], same=same
    )
    pinned = {
        place: interval
        for place, interval in intervals.items()
        if survey_figures(results[place[0]])[place[1]].small and whole_values(interval) < 2
    }
    assert not pinned


def test_the_issue_table_gave_six_counts_away() -> None:
    """What the page showed: three rows of two "fewer than 5" (1 to 4 when every
    zero was shown) must add up to 59 - 21 - 8 - 24 = 6, so each is 1."""
    page = survey_page_table(ISSUE_PAGE_BY_KIND)
    intervals = reader_intervals([page], additive=[True], zeros_shown=True)
    given_away = {place[1] for place, interval in intervals.items() if interval == (1.0, 1.0)}
    assert {(1, 0), (1, 1), (3, 1), (3, 3), (4, 0), (4, 1)} <= given_away


def test_the_issue_table_now_gives_nothing_away() -> None:
    table = CountTable.from_cells(ISSUE_BY_KIND)
    result = protect(table)
    survey_assert_safe([table], [result])
    # The counts of 5 or more that protect nothing stay shown.
    assert result.cells[0][1].public == 5
    assert result.cells[0][2].public == 7
    assert [figure.public for figure in result.column_totals] == [16, 15, 15, 13]
    assert result.grand_total.public == 59
    # A zero beside hidden counts reads "fewer than 5" as they do.
    assert result.cells[1][2].small
    assert result.cells[1][2].value == 0


def survey_issue_system() -> tuple[list[CountTable], list[ProtectedTable], list[list[Place]]]:
    """The question broken down by sector, kind and size, with a second
    question (by kind) answered by the same respondents: "Non indicata" (the
    last row) is the same 24 people in every table."""
    hire = CountTable.from_cells([[10, 11], [1, 1], [6, 2], [2, 0], [1, 1], [11, 13]])
    tables = [
        CountTable.from_cells(ISSUE_BY_SECTOR),
        CountTable.from_cells(ISSUE_BY_KIND),
        CountTable.from_cells(ISSUE_BY_SIZE),
        hire,
    ]
    system = System()

    def keys(t: int, table: CountTable) -> dict[Position, Hashable]:
        found: dict[Position, Hashable] = {}
        question = "hire" if t == 3 else "where"
        for j in range(table.columns + 1):
            found[(table.rows, j)] = (question, "all", j)
            found[(table.rows - 1, j)] = (question, "not stated", j)
        found[(table.rows - 1, table.columns)] = "not stated"
        found[(table.rows, table.columns)] = "everyone"
        return found

    ids = [system.table(table, keys(t, table).get) for t, table in enumerate(tables)]
    protection = system.protect()
    assert not protection.given_away
    results = [protection.table(table, found) for table, found in zip(tables, ids, strict=True)]
    same: list[list[Place]] = []
    for j in range(5):
        same.append([(t, (tables[t].rows, j)) for t in range(3)])
        same.append([(t, (tables[t].rows - 1, j)) for t in range(3)])
    same.append([(t, (tables[t].rows - 1, tables[t].columns)) for t in range(4)])
    same.append([(t, (tables[t].rows, tables[t].columns)) for t in range(4)])
    return tables, results, same


def test_linked_anonymous_rows_give_nothing_away() -> None:
    tables, results, same = survey_issue_system()
    survey_assert_safe(tables, results, same)
    # One quantity, one display: the "Non indicata" rows agree in every table.
    rows = [[f.status for f in [*r.cells[-1], r.row_totals[-1]]] for r in results[:3]]
    assert rows[0] == rows[1] == rows[2]
    assert results[3].row_totals[-1].status is rows[0][-1]


def test_what_each_display_tells_a_reader() -> None:
    assert reader_bounds(7, Status.SHOWN) == (7, 7)
    assert reader_bounds(2, Status.SMALL) == (0, 4)
    assert reader_bounds(2, Status.SMALL, floor=1) == (1, 4)
    assert reader_bounds(9, Status.PROTECTING) == (5, math.inf)
    assert reader_bounds(9, None) == (0, math.inf)


def test_a_cell_of_four_is_hidden_and_a_cell_of_five_shown() -> None:
    table = CountTable.from_cells([[4, 6, 20], [7, 8, 30], [20, 9, 5]])
    result = protect(table)
    assert result.cells[0][0].small
    assert result.cells[0][0].public is None
    assert result.cells[2][2].public == 5
    assert figure(4).small
    assert figure(5).public == 5
    survey_assert_safe([table], [result])


def test_hidden_cells_form_a_cycle_the_equations_cannot_break() -> None:
    table = CountTable.from_cells([[4, 20, 9], [6, 30, 12]])
    result = protect(table)
    survey_assert_safe([table], [result])
    assert result.cells[0][0].small
    assert sum(figure.hidden for figure in result.cells[0]) >= 2
    assert sum(row[0].hidden for row in result.cells) >= 2
    assert result.grand_total.public == 81


def test_bounds_pin_no_small_figure() -> None:
    """A 1 beside a 5 in a row of 6: hiding the 5 alone would say 1."""
    table = CountTable.from_cells([[1, 5, 0], [10, 20, 30]])
    result = protect(table)
    survey_assert_safe([table], [result])
    assert result.cells[0][0].small


def test_zeros_are_shown_where_their_lines_hide_nothing() -> None:
    table = CountTable.from_cells([[4, 0, 9], [6, 0, 12], [10, 0, 20]])
    result = protect(table)
    survey_assert_safe([table], [result])
    # The empty column is all zeros: shown, it narrows nothing.
    assert result.column_totals[1].public == 0
    assert result.cells[2][1].public == 0


def test_small_totals_are_hidden_and_their_margin_protected() -> None:
    table = CountTable.from_cells([[2, 1], [10, 20], [7, 9]])
    result = protect(table)
    assert result.row_totals[0].small
    survey_assert_safe([table], [result])


def test_a_table_without_small_figures_is_shown_whole() -> None:
    table = CountTable.from_cells([[5, 20, 0], [6, 30, 12]])
    assert not protect(table).hidden


def test_multiple_choice_hides_a_small_did_not_tick() -> None:
    """40 organisations answered; 37 ticked the first choice, so 3 did not."""
    table = CountTable.from_cells([[37, 10], [20, 20]], row_totals=[40, 30], additive_rows=False)
    result = protect(table)
    assert result.cells[0][0].hidden
    assert result.row_totals[0].public == 40
    survey_assert_safe([table], [result])
    # 40 minus the hidden cell is the 3: the cell holds more than one value.
    intervals = reader_intervals([result], additive=[False])
    assert whole_values(intervals[(0, (0, 0))]) >= 2


def test_percentages_of_hidden_counts_are_hidden() -> None:
    table = CountTable.from_cells([[4, 20, 9], [6, 30, 12]])
    result = protect(table)
    assert result.row_share(0, 0) is None
    assert share(figure(3), figure(10)) is None
    assert share(figure(5), figure(3)) is None
    assert result.column_share(1) == pytest.approx(100 * 50 / 81)


def test_linked_tables_share_their_totals_display() -> None:
    by_sector = CountTable.from_cells([[1, 10, 9], [3, 12, 15]])
    by_kind = CountTable.from_cells([[2, 10, 9], [2, 12, 15]])
    results = protect_linked([by_sector, by_kind])
    assert [f.status for f in results[0].column_totals] == [
        f.status for f in results[1].column_totals
    ]
    same = [[(0, (2, j)), (1, (2, j))] for j in range(4)]
    survey_assert_safe([by_sector, by_kind], results, same)


def test_inconsistent_tables_are_refused() -> None:
    with pytest.raises(ValueError, match="add up"):
        CountTable(cells=((1, 2),), row_totals=(4,), column_totals=(1, 2), grand_total=4)


def survey_random_table(generator: random.Random, *, multiple: bool) -> CountTable:
    rows, columns = generator.randint(1, 6), generator.randint(2, 5)
    if multiple:
        totals = [generator.choice([1, 3, 6, 10, 25]) for _ in range(rows)]
        cells = [[generator.randint(0, total) for _ in range(columns)] for total in totals]
        return CountTable.from_cells(cells, row_totals=totals, additive_rows=False)
    cells = [
        [generator.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 20]) for _ in range(columns)]
        for _ in range(rows)
    ]
    cells = [row if sum(row) else [*row[:-1], 1] for row in cells]
    return CountTable.from_cells(cells)


@pytest.mark.parametrize("seed", range(150))
def test_random_tables_leave_no_small_figure_pinned(seed: int) -> None:
    generator = random.Random(seed)  # noqa: S311 (test data, not secrets)
    table = survey_random_table(generator, multiple=seed % 3 == 0)
    system = System()
    ids = system.table(table)
    protection = system.protect()
    assert not protection.given_away
    survey_assert_safe([table], [protection.table(table, ids)])


@pytest.mark.parametrize("seed", range(60))
def test_random_linked_sets_leave_no_small_figure_pinned(seed: int) -> None:
    """Two or three breakdowns of one question (shared column totals), whose
    last row is the same respondents in each."""
    generator = random.Random(5000 + seed)  # noqa: S311 (test data, not secrets)
    columns = generator.randint(2, 4)
    anonymous = [generator.choice([0, 1, 2, 3, 5, 9]) for _ in range(columns)]
    overall = [a + generator.choice([2, 5, 8, 15]) for a in anonymous]
    tables = []
    for _ in range(generator.randint(2, 3)):
        rows = generator.randint(1, 4)
        cells = [[0] * columns for _ in range(rows)]
        for j in range(columns):
            for _unit in range(overall[j] - anonymous[j]):
                cells[generator.randrange(rows)][j] += 1
        cells = [row for row in cells if sum(row)]
        tables.append(CountTable.from_cells([*cells, anonymous] if sum(anonymous) else cells))
    system = System()
    linked = bool(sum(anonymous))

    def keys(table: CountTable) -> dict[Position, Hashable]:
        found: dict[Position, Hashable] = {(table.rows, j): ("all", j) for j in range(columns + 1)}
        if linked:
            found |= {(table.rows - 1, j): ("anonymous", j) for j in range(columns + 1)}
        return found

    ids = [system.table(table, keys(table).get) for table in tables]
    protection = system.protect()
    assert not protection.given_away
    results = [protection.table(table, found) for table, found in zip(tables, ids, strict=True)]
    same = [[(t, (tables[t].rows, j)) for t in range(len(tables))] for j in range(columns + 1)]
    if linked:
        same += [
            [(t, (tables[t].rows - 1, j)) for t in range(len(tables))] for j in range(columns + 1)
        ]
    survey_assert_safe(tables, results, same)
