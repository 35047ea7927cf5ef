"""What the public results may show: the privacy threshold and its protection.

A published figure drawn from fewer than `THRESHOLD` answers could point at one
organisation, so it is hidden ("fewer than 5"). Hiding it is not enough when the
table also shows totals: a row's total minus its other cells gives the hidden
cell back. So figures are also hidden to *protect* small ones (complementary
suppression), until no hidden figure can be worked out from what is shown.

Pure and typed: counts in, figures with a status out. Nothing here knows the
survey's models; `directory.survey.results` builds the tables.

The rules, in order (README, "Results", says why):

- A count from 1 to `THRESHOLD - 1` is *small*: hidden, shown as "fewer than 5".
  Totals too. A zero is shown (it names nobody), and never hidden to protect
  another figure (a hidden zero protects nothing once zeros are known to be shown).
- For a multiple-choice table (rows do not add up, an organisation may tick
  several choices) a cell is also hidden when the organisations of its row that did
  *not* tick it are from 1 to `THRESHOLD - 1`: that figure is its total minus it.
- Protection: the table with its totals is a set of linear equations (each row's
  cells add up to its total, each column's to its total, the totals to the grand
  total). While a hidden figure is determined by those equations and the shown
  figures, or pinned to one value by the bounds a reader knows (a small figure is
  1 to 4, a protecting one at least 5) within one row or column, the smallest shown
  non-zero cell of one of its lines is hidden too (a total only when no cell is
  left). Each step hides one more figure, so it ends.
- Tables of one question broken down in several ways share their column totals
  (the question's overall counts): `protect_linked` hides a shared total in all of
  them when one of them needs it hidden.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

THRESHOLD = 5

# A grid position: (row, column); row == rows is the column totals' row,
# column == columns the row totals' column.
Position = tuple[int, int]


class Status(enum.Enum):
    SHOWN = "shown"
    SMALL = "small"  # drawn from fewer than THRESHOLD answers
    PROTECTING = "protecting"  # hidden so that a small figure cannot be worked out


@dataclass(frozen=True)
class Figure:
    """A count as published: its value travels with it, but templates show it
    only when `shown`."""

    value: int
    status: Status = Status.SHOWN

    @property
    def shown(self) -> bool:
        return self.status is Status.SHOWN

    @property
    def hidden(self) -> bool:
        return not self.shown

    @property
    def small(self) -> bool:
        return self.status is Status.SMALL

    @property
    def public(self) -> int | None:
        """The value if it may be published, else None."""
        return self.value if self.shown else None


def figure(value: int, threshold: int = THRESHOLD) -> Figure:
    """A figure standing alone (no total beside it): hidden only when small."""
    return Figure(value, Status.SMALL if 0 < value < threshold else Status.SHOWN)


def share(part: Figure, whole: Figure) -> float | None:
    """A percentage, or None when either count is hidden: a shown percentage of
    a shown total would give a hidden count back."""
    if part.hidden or whole.hidden or whole.value == 0:
        return None
    return 100 * part.value / whole.value


@dataclass(frozen=True)
class CountTable:
    """Counts of rows × columns with their totals.

    `additive_rows`: each row's cells add up to its total (a single choice or a
    scale: every organisation in exactly one column). False for multiple choice,
    where the row total is the number of organisations that answered. Columns
    always add up: every organisation is in exactly one row.
    """

    cells: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...]
    column_totals: tuple[int, ...]
    grand_total: int
    additive_rows: bool = True

    @classmethod
    def from_cells(
        cls,
        cells: Sequence[Sequence[int]],
        *,
        row_totals: Sequence[int] | None = None,
        grand_total: int | None = None,
        additive_rows: bool = True,
    ) -> CountTable:
        """A table whose totals are the sums of its cells (for multiple choice,
        give the row totals and the grand total: the organisations that answered)."""
        body = tuple(tuple(row) for row in cells)
        columns = len(body[0]) if body else 0
        column_totals = tuple(sum(row[j] for row in body) for j in range(columns))
        if row_totals is None:
            row_totals = [sum(row) for row in body]
        rows = tuple(row_totals)
        return cls(
            cells=body,
            row_totals=rows,
            column_totals=column_totals,
            grand_total=sum(rows) if grand_total is None else grand_total,
            additive_rows=additive_rows,
        )

    def __post_init__(self) -> None:
        if len(self.row_totals) != len(self.cells):
            raise ValueError("one row total per row")
        if any(len(row) != len(self.column_totals) for row in self.cells):
            raise ValueError("one column total per column")
        if any(value < 0 for value in self.values()):
            raise ValueError("counts are never negative")
        for j, total in enumerate(self.column_totals):
            if sum(row[j] for row in self.cells) != total:
                raise ValueError(f"column {j} does not add up to its total")
        if sum(self.row_totals) != self.grand_total:
            raise ValueError("the row totals do not add up to the grand total")
        for i, row in enumerate(self.cells):
            if self.additive_rows and sum(row) != self.row_totals[i]:
                raise ValueError(f"row {i} does not add up to its total")
            if not self.additive_rows and any(value > self.row_totals[i] for value in row):
                raise ValueError(f"row {i} has a cell above its total")
        if self.additive_rows and sum(self.column_totals) != self.grand_total:
            raise ValueError("the column totals do not add up to the grand total")

    @property
    def rows(self) -> int:
        return len(self.cells)

    @property
    def columns(self) -> int:
        return len(self.column_totals)

    def values(self) -> Iterable[int]:
        for row in self.cells:
            yield from row
        yield from self.row_totals
        yield from self.column_totals
        yield self.grand_total

    def value(self, position: Position) -> int:
        i, j = position
        if i == self.rows:
            return self.grand_total if j == self.columns else self.column_totals[j]
        return self.row_totals[i] if j == self.columns else self.cells[i][j]

    def positions(self) -> list[Position]:
        return [(i, j) for i in range(self.rows + 1) for j in range(self.columns + 1)]

    def is_total(self, position: Position) -> bool:
        return position[0] == self.rows or position[1] == self.columns

    def lines(self) -> list[tuple[list[Position], Position]]:
        """Every equation of the table: (members, total), members adding up to total."""
        equations: list[tuple[list[Position], Position]] = []
        if self.additive_rows:
            for i in range(self.rows + 1):
                members = [(i, j) for j in range(self.columns)]
                equations.append((members, (i, self.columns)))
        for j in range(self.columns + 1):
            members = [(i, j) for i in range(self.rows)]
            equations.append((members, (self.rows, j)))
        return equations


@dataclass(frozen=True)
class ProtectedTable:
    """A `CountTable` as it may be published."""

    cells: tuple[tuple[Figure, ...], ...]
    row_totals: tuple[Figure, ...]
    column_totals: tuple[Figure, ...]
    grand_total: Figure
    hidden: frozenset[Position] = field(default_factory=frozenset)

    def row_share(self, i: int, j: int) -> float | None:
        """The cell as a percentage of its row."""
        return share(self.cells[i][j], self.row_totals[i])

    def column_share(self, j: int) -> float | None:
        """A column total as a percentage of the grand total."""
        return share(self.column_totals[j], self.grand_total)


def small_positions(table: CountTable, threshold: int = THRESHOLD) -> set[Position]:
    return {p for p in table.positions() if 0 < table.value(p) < threshold}


def complement_positions(table: CountTable, threshold: int = THRESHOLD) -> set[Position]:
    """Multiple choice: cells whose "did not tick" count (total minus cell) is small."""
    if table.additive_rows:
        return set()
    found = set()
    for i in range(table.rows + 1):
        total = table.value((i, table.columns))
        for j in range(table.columns):
            if 0 < total - table.value((i, j)) < threshold:
                found.add((i, j))
    return found


def determined(table: CountTable, hidden: set[Position]) -> set[Position]:
    """The hidden positions the table's equations fix, given every shown value.

    Gaussian elimination over the rationals: a hidden value is fixed exactly when
    its row of the reduced system has no coefficient on a free unknown.
    """
    unknowns = sorted(hidden)
    index = {p: k for k, p in enumerate(unknowns)}
    rows: list[list[Fraction]] = []
    for members, total in table.lines():
        coefficients = [Fraction(0)] * len(unknowns)
        touched = False
        for p, sign in [*((m, 1) for m in members), (total, -1)]:
            if p in index:
                coefficients[index[p]] += sign
                touched = True
        if touched:
            rows.append(coefficients)
    pivots: list[int] = []
    rank = 0
    for column in range(len(unknowns)):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][column] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        lead = rows[rank][column]
        rows[rank] = [value / lead for value in rows[rank]]
        for r in range(len(rows)):
            if r != rank and rows[r][column] != 0:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        pivots.append(column)
        rank += 1
    free = set(range(len(unknowns))) - set(pivots)
    fixed = set()
    for r, column in enumerate(pivots):
        if all(rows[r][f] == 0 for f in free):
            fixed.add(unknowns[column])
    return fixed


def pinned(
    table: CountTable, status: dict[Position, Status], threshold: int = THRESHOLD
) -> set[Position]:
    """Small figures that one row or column pins to a single value, given the
    bounds a reader knows: a small figure is 1 to threshold - 1, a protecting one
    at least threshold (zeros are shown, so a hidden figure is never 0)."""
    found = set()
    grand = (table.rows, table.columns)
    # What a reader knows as the most any figure can be.
    unbounded = table.grand_total if status[grand] is Status.SHOWN else 10**9

    def bounds(p: Position) -> tuple[int, int]:
        if status[p] is Status.SMALL:
            return 1, threshold - 1
        return threshold, unbounded

    for members, total in table.lines():
        hidden_members = [m for m in members if status[m] is not Status.SHOWN]
        total_hidden = status[total] is not Status.SHOWN
        if not hidden_members and not total_hidden:
            continue
        shown_sum = sum(table.value(m) for m in members if status[m] is Status.SHOWN)
        total_low, total_high = bounds(total) if total_hidden else (table.value(total),) * 2
        for p in hidden_members:
            if status[p] is not Status.SMALL:
                continue
            others = [bounds(m) for m in hidden_members if m != p]
            low = total_low - shown_sum - sum(high for _low, high in others)
            high = total_high - shown_sum - sum(low for low, _high in others)
            own_low, own_high = bounds(p)
            if max(low, own_low) >= min(high, own_high):
                found.add(p)
        if total_hidden and status[total] is Status.SMALL:
            low = shown_sum + sum(bounds(m)[0] for m in hidden_members)
            high = shown_sum + sum(bounds(m)[1] for m in hidden_members)
            own_low, own_high = bounds(total)
            if max(low, own_low) >= min(high, own_high):
                found.add(total)
    return found


def complement(
    table: CountTable,
    status: dict[Position, Status],
    lines: list[tuple[list[Position], Position]],
    fixed: set[Position],
    exposed: Position,
) -> Position | None:
    """The next figure to hide: in a line where a worked-out figure is the only
    hidden one (the subtraction a reader would do), else in a line through the
    exposed small figure; the smallest non-zero cell, a total only when no cell
    is left. A protecting figure may itself be worked out (it is at least the
    threshold), but not when that gives a small one away, hence the lines of
    every worked-out figure first."""

    def shown(members: list[Position]) -> list[Position]:
        return [p for p in members if status[p] is Status.SHOWN and table.value(p) > 0]

    def smallest(candidates: list[Position]) -> Position | None:
        if not candidates:
            return None
        return min(candidates, key=lambda p: (table.is_total(p), table.value(p), p))

    for members, total in lines:
        line = [*members, total]
        hidden = [p for p in line if status[p] is not Status.SHOWN]
        if len(hidden) == 1 and hidden[0] in fixed:
            chosen = smallest(shown(line))
            if chosen is not None:
                return chosen
    around = [
        p for members, total in lines if exposed in [*members, total] for p in [*members, total]
    ]
    return smallest(shown(around))


def protect(
    table: CountTable,
    *,
    threshold: int = THRESHOLD,
    also_hide: Iterable[Position] = (),
) -> ProtectedTable:
    """The table as it may be published (`also_hide`: positions hidden anyway,
    for instance a total hidden in a linked table)."""
    status = dict.fromkeys(table.positions(), Status.SHOWN)
    for p in complement_positions(table, threshold):
        status[p] = Status.PROTECTING
    for p in also_hide:
        if table.value(p) > 0 and status[p] is Status.SHOWN:
            status[p] = Status.PROTECTING
    for p in small_positions(table, threshold):
        status[p] = Status.SMALL
    sensitive = small_positions(table, threshold) | complement_positions(table, threshold)
    lines = table.lines()
    while True:
        hidden = {p for p, s in status.items() if s is not Status.SHOWN}
        fixed = determined(table, hidden)
        found = sorted((fixed & sensitive) | pinned(table, status, threshold))
        if not found:
            break
        chosen = complement(table, status, lines, fixed, found[0])
        if chosen is None:
            # Nothing left beside it to hide: hide every non-zero figure.
            for p in table.positions():
                if table.value(p) > 0 and status[p] is Status.SHOWN:
                    status[p] = Status.PROTECTING
            break
        status[chosen] = Status.PROTECTING

    def at(p: Position) -> Figure:
        return Figure(table.value(p), status[p])

    return ProtectedTable(
        cells=tuple(tuple(at((i, j)) for j in range(table.columns)) for i in range(table.rows)),
        row_totals=tuple(at((i, table.columns)) for i in range(table.rows)),
        column_totals=tuple(at((table.rows, j)) for j in range(table.columns + 1))[:-1],
        grand_total=at((table.rows, table.columns)),
        hidden=frozenset(p for p, s in status.items() if s is not Status.SHOWN),
    )


def protect_linked(
    tables: Sequence[CountTable], *, threshold: int = THRESHOLD
) -> list[ProtectedTable]:
    """Tables sharing their column totals and grand total (one question broken
    down by sector, by kind, by size): a shared total hidden in one is hidden in
    all, and each is protected again until they agree."""
    if not tables:
        return []
    columns = tables[0].columns
    shared: set[int] = set()  # column index; `columns` is the grand total
    while True:
        results = [
            protect(
                table,
                threshold=threshold,
                also_hide=[(table.rows, j) for j in shared],
            )
            for table in tables
        ]
        now = {
            j
            for table, result in zip(tables, results, strict=True)
            for j in range(columns + 1)
            if (table.rows, j) in result.hidden
        }
        if now == shared:
            return results
        shared = now
