"""The privacy threshold: small figures hidden, and none worked out from the rest."""

import random

import pytest

from directory.survey.disclosure import (
    CountTable,
    Position,
    ProtectedTable,
    Status,
    determined,
    figure,
    pinned,
    protect,
    protect_linked,
    share,
)


def survey_hidden_positions(table: CountTable, result: ProtectedTable) -> dict[Position, Status]:
    status = {}
    for i in range(table.rows):
        for j in range(table.columns):
            status[(i, j)] = result.cells[i][j].status
        status[(i, table.columns)] = result.row_totals[i].status
    for j in range(table.columns):
        status[(table.rows, j)] = result.column_totals[j].status
    status[(table.rows, table.columns)] = result.grand_total.status
    return status


def survey_assert_safe(table: CountTable, result: ProtectedTable) -> None:
    """No small figure is shown, and none can be worked out from what is."""
    status = survey_hidden_positions(table, result)
    for position, value in ((p, table.value(p)) for p in table.positions()):
        if 0 < value < 5:
            assert status[position] is Status.SMALL, position
    small = {p for p, s in status.items() if s is Status.SMALL}
    hidden = {p for p, s in status.items() if s is not Status.SHOWN}
    assert not (determined(table, hidden) & small)
    assert not pinned(table, status)


def test_a_cell_of_four_is_hidden_and_a_cell_of_five_shown() -> None:
    table = CountTable.from_cells([[4, 6, 20], [7, 8, 30], [20, 9, 5]])
    result = protect(table)
    assert result.cells[0][0].small
    assert result.cells[0][0].public is None
    assert result.cells[2][2].shown
    assert result.cells[2][2].public == 5
    assert figure(4).small
    assert figure(5).public == 5
    survey_assert_safe(table, result)


def test_a_hidden_cell_cannot_be_derived_from_its_row_total() -> None:
    table = CountTable.from_cells([[4, 20, 9], [6, 30, 12]])
    result = protect(table)
    row = result.cells[0]
    hidden = [figure for figure in row if figure.hidden]
    # The row total stays shown, so a second cell of the row is hidden with the 4:
    # the smallest shown one, 9.
    assert result.row_totals[0].shown
    assert len(hidden) >= 2
    assert row[2].status is Status.PROTECTING
    survey_assert_safe(table, result)


def test_a_hidden_cell_cannot_be_derived_from_its_column_total() -> None:
    table = CountTable.from_cells([[4, 20, 9], [6, 30, 12]])
    result = protect(table)
    column = [result.cells[0][0], result.cells[1][0]]
    assert result.column_totals[0].shown
    assert all(figure.hidden for figure in column)
    survey_assert_safe(table, result)


def test_a_hidden_cell_cannot_be_derived_from_rows_and_columns_together() -> None:
    """Each line with two hidden cells, yet a chain of subtractions can still
    give a cell back unless the hidden cells form cycles."""
    table = CountTable.from_cells(
        [
            [3, 10, 12, 20],
            [10, 2, 15, 25],
            [11, 14, 30, 40],
        ]
    )
    result = protect(table)
    survey_assert_safe(table, result)
    hidden = set(result.hidden)
    assert (0, 0) in hidden
    assert (1, 1) in hidden


def test_bounds_pin_no_small_figure() -> None:
    """A 1 beside a 5 in a row of 6: once readers know hidden small figures are
    at least 1 and protecting ones at least 5, hiding the 5 alone says 1."""
    table = CountTable.from_cells([[1, 5, 0], [10, 20, 30]])
    result = protect(table)
    survey_assert_safe(table, result)
    assert result.cells[0][0].small


def test_zero_is_shown_and_never_protects() -> None:
    table = CountTable.from_cells([[4, 0, 9], [6, 0, 12]])
    result = protect(table)
    assert result.cells[0][1].shown
    assert result.cells[1][1].shown
    assert result.cells[0][1].public == 0
    survey_assert_safe(table, result)


def test_small_totals_are_hidden_and_their_margin_protected() -> None:
    table = CountTable.from_cells([[2, 1], [10, 20], [7, 9]])
    result = protect(table)
    assert result.row_totals[0].small
    # The row totals' column adds up to the grand total: another row total goes.
    assert sum(figure.hidden for figure in result.row_totals) >= 2
    survey_assert_safe(table, result)


def test_a_table_without_small_figures_is_shown_whole() -> None:
    table = CountTable.from_cells([[5, 20, 0], [6, 30, 12]])
    result = protect(table)
    assert not result.hidden


def test_one_row_table() -> None:
    table = CountTable.from_cells([[3, 40, 17, 0]])
    result = protect(table)
    survey_assert_safe(table, result)
    assert result.cells[0][0].small
    assert result.column_totals[0].hidden
    assert result.cells[0][3].shown


def test_multiple_choice_hides_a_small_did_not_tick() -> None:
    """40 organisations answered; 37 ticked the first choice, so 3 did not."""
    table = CountTable.from_cells([[37, 10], [20, 20]], row_totals=[40, 30], additive_rows=False)
    result = protect(table)
    assert result.cells[0][0].status is Status.PROTECTING
    assert result.cells[0][1].shown
    survey_assert_safe(table, result)


def test_percentages_of_hidden_counts_are_hidden() -> None:
    table = CountTable.from_cells([[4, 20, 9], [6, 30, 12]])
    result = protect(table)
    assert result.row_share(0, 0) is None
    assert result.row_share(0, 1) == pytest.approx(100 * 20 / 33)
    assert share(figure(3), figure(10)) is None
    assert share(figure(5), figure(3)) is None


def test_linked_tables_hide_a_shared_total_in_all() -> None:
    """By sector the first column's total must go; by kind it would not: it goes
    there too, or the kind table would give it back."""
    by_sector = CountTable.from_cells([[1, 10, 9], [3, 12, 15]])
    by_kind = CountTable.from_cells([[2, 10, 9], [2, 12, 15]])
    sector_result, kind_result = protect_linked([by_sector, by_kind])
    assert sector_result.column_totals[0].small
    assert kind_result.column_totals[0].small
    assert set(sector_result.hidden) & {(2, j) for j in range(4)} == set(kind_result.hidden) & {
        (2, j) for j in range(4)
    }
    survey_assert_safe(by_sector, sector_result)
    survey_assert_safe(by_kind, kind_result)


def test_inconsistent_tables_are_refused() -> None:
    with pytest.raises(ValueError, match="add up"):
        CountTable(cells=((1, 2),), row_totals=(4,), column_totals=(1, 2), grand_total=4)


@pytest.mark.parametrize("seed", range(60))
def test_random_tables_leave_no_small_figure_recoverable(seed: int) -> None:
    generator = random.Random(seed)  # noqa: S311 (test data, not secrets)
    rows, columns = generator.randint(1, 6), generator.randint(2, 6)
    cells = [
        [generator.choice([0, 1, 2, 3, 4, 5, 6, 8, 12, 20, 40]) for _ in range(columns)]
        for _ in range(rows)
    ]
    table = CountTable.from_cells(cells)
    result = protect(table)
    survey_assert_safe(table, result)
    # Shown figures are exactly the table's values.
    for i in range(rows):
        for j in range(columns):
            if result.cells[i][j].shown:
                assert result.cells[i][j].public == cells[i][j]


@pytest.mark.parametrize("seed", range(20))
def test_random_multiple_choice_tables(seed: int) -> None:
    generator = random.Random(1000 + seed)  # noqa: S311 (test data, not secrets)
    rows, columns = generator.randint(1, 5), generator.randint(2, 5)
    totals = [generator.choice([0, 3, 6, 10, 25]) for _ in range(rows)]
    cells = [[generator.randint(0, total) for _ in range(columns)] for total in totals]
    table = CountTable.from_cells(cells, row_totals=totals, additive_rows=False)
    result = protect(table)
    survey_assert_safe(table, result)
    for i, total in enumerate(totals):
        for j in range(columns):
            shown = result.cells[i][j]
            if shown.shown and result.row_totals[i].shown:
                assert not 0 < total - shown.value < 5
