"""What the public results may show: the privacy threshold and its protection.

A published figure drawn from fewer than `THRESHOLD` answers could point at one
organisation, so it is hidden ("fewer than 5"). Hiding it is not enough: the
figures of one campaign are bound together (a row's cells add up to its total,
one question's breakdowns share their column totals, the respondents without
an organisation are the same people in every table), and a reader who knows
those equations and what each display state means can solve for a hidden
figure. So more figures are hidden (secondary suppression) until, for the whole
published set of one campaign at once, no hidden small figure has a single
possible value.

Pure and typed: counts in, figures with a status out. Nothing here knows the
survey's models; `survey.results` builds the campaign's `System`.

- Primary suppression: a count from 1 to `THRESHOLD - 1` is *small*, shown as
  "fewer than 5"; for multiple choice (rows do not add up) a cell is also hidden
  when the organisations of its row that did *not* tick it are that few.
- What a reader knows is stated once, in `reader_bounds`.
- The audit (`System.exposed`): for each small figure, the least and the
  greatest value it can take over every published equation and bound, two
  linear programs solved by HiGHS (`Polytope`); an interval holding a single
  whole number gives it away.
- Secondary suppression: while the audit finds a figure given away, the
  smallest shown non-zero figure of an equation through it is hidden too
  ("hidden"; a total only when no cell is left).
- Zeros: a zero in an equation that hides something reads "fewer than 5" as a
  small count does, so that it cannot narrow the hidden figures beside it;
  elsewhere it is shown.
"""

from __future__ import annotations

import enum
import math
import random
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field

import highspy
import numpy as np

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
        columns = len(self.column_totals)
        if any(len(row) != columns for row in self.cells):
            raise ValueError("one column total per column")
        if min(self.values(), default=0) < 0:
            raise ValueError("counts are never negative")
        sums = [sum(column) for column in zip(*self.cells, strict=True)] or [0] * columns
        for j, total in enumerate(self.column_totals):
            if sums[j] != total:
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


# What a reader can tell of one figure from how it is displayed, before any
# equation. Every figure is a whole number; the audit relaxes that to real
# numbers (a linear program) and then counts the whole numbers left.
def reader_bounds(
    value: int, status: Status | None, *, floor: int = 0, threshold: int = THRESHOLD
) -> tuple[float, float]:
    """The least and greatest value a reader can give a figure displayed so:

    - shown: its value;
    - "fewer than 5" (`SMALL`): `floor` to `threshold - 1`. A count of 1 to 4,
      or a zero displayed that way because an equation it belongs to hides
      something, so 0 is possible; `floor` is 1 where a reader knows it is not
      zero (the total of a listed row: the pages list only rows with answers);
    - "hidden" (`PROTECTING`): `threshold` or more (a smaller one would read
      "fewer than 5");
    - not published (`None`, a figure the equations need, such as the answer
      sets of one sector): 0 or more.
    """
    if status is Status.SHOWN:
        return value, value
    if status is Status.SMALL:
        return floor, threshold - 1
    if status is Status.PROTECTING:
        return threshold, math.inf
    return 0, math.inf


# A linear expression: variable -> coefficient.
Terms = dict[int, int]
# A margin against rounding in the solver's answers.
EPSILON = 1e-6


class Polytope:
    """The points a reader cannot rule out: bounds per variable, equations
    (terms = right-hand side) and limits (terms <= right-hand side). One HiGHS
    model, solved again with each new objective from where it stopped."""

    def __init__(
        self,
        bounds: Sequence[tuple[float, float]],
        equations: Sequence[tuple[Terms, float]],
        limits: Sequence[tuple[Terms, float]] = (),
    ) -> None:
        self.size = len(bounds)
        self.highs = highspy.Highs()  # type: ignore[no-untyped-call]
        self.highs.setOptionValue("output_flag", False)
        # Solved again and again from the last basis: presolving each time
        # would cost more than it saves on models of this size.
        self.highs.setOptionValue("presolve", "off")
        infinity = highspy.kHighsInf
        lower = np.array([low for low, _high in bounds], dtype=np.float64)
        upper = np.array(
            [infinity if math.isinf(high) else high for _low, high in bounds], dtype=np.float64
        )
        self.highs.addVars(self.size, lower, upper)
        for terms, rhs in equations:
            self._row(terms, rhs, rhs)
        for terms, rhs in limits:
            self._row(terms, -infinity, rhs)
        self._columns = np.arange(self.size, dtype=np.int32)

    def _row(self, terms: Terms, lower: float, upper: float) -> None:
        indices = np.array(list(terms), dtype=np.int32)
        values = np.array(list(terms.values()), dtype=np.float64)
        self.highs.addRow(lower, upper, len(indices), indices, values)

    def optimum(self, objective: Terms, *, maximise: bool) -> tuple[float, list[float] | None]:
        """The objective's least (or greatest) value and a point reaching it;
        an infinite value and no point when it has no bound."""
        costs = np.zeros(self.size, dtype=np.float64)
        for variable, coefficient in objective.items():
            costs[variable] = coefficient
        self.highs.changeColsCost(self.size, self._columns, costs)
        sense = highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize
        self.highs.changeObjectiveSense(sense)
        self.highs.run()
        status = self.highs.getModelStatus()
        if status == highspy.HighsModelStatus.kUnknown:
            # A degenerate restart can stall: solve this one afresh.
            self.highs.clearSolver()
            self.highs.run()
            status = self.highs.getModelStatus()
        if status == highspy.HighsModelStatus.kOptimal:
            value = self.highs.getInfo().objective_function_value
            return value, list(self.highs.getSolution().col_value)
        if status in (
            highspy.HighsModelStatus.kUnbounded,
            highspy.HighsModelStatus.kUnboundedOrInfeasible,
        ):
            return (math.inf if maximise else -math.inf), None
        # The true figures satisfy every equation, so this is a defect: refuse
        # to publish rather than publish unchecked.
        raise ValueError(f"the published figures admit no solution ({status})")

    def interval(self, target: Terms) -> tuple[float, float]:
        low, _point = self.optimum(target, maximise=False)
        high, _point = self.optimum(target, maximise=True)
        return low, high


def _evaluate(terms: Terms, point: Sequence[float]) -> float:
    return sum(coefficient * point[v] for v, coefficient in terms.items())


def single_valued(
    polytope: Polytope, targets: Sequence[Terms], truths: Sequence[float]
) -> list[bool]:
    """Which targets can take no whole value but their true one.

    A target is free once some point of the polytope puts it at least 1 away
    from its true value. A few vertices (least and greatest sum, two random
    directions) free most targets; each one left costs its own minimum and
    maximum."""
    pending = set(range(len(targets)))

    def free_at(point: Sequence[float]) -> None:
        for k in list(pending):
            if abs(_evaluate(targets[k], point) - truths[k]) >= 1 - EPSILON:
                pending.discard(k)

    generator = random.Random(len(targets))  # noqa: S311 (a direction, not a secret)
    together: Terms = {}
    for target in targets:
        for v, coefficient in target.items():
            together[v] = together.get(v, 0) + coefficient
    direction = together
    for _round in range(6):
        before = len(pending)
        for maximise in (False, True):
            if not pending:
                break
            _value, point = polytope.optimum(direction, maximise=maximise)
            if point is not None:
                free_at(point)
        if len(pending) > before * 0.9:
            break
        direction = {}
        for k in pending:
            sign = generator.choice((-1, 1))
            for v, coefficient in targets[k].items():
                direction[v] = direction.get(v, 0) + sign * coefficient
    for k in sorted(pending):
        if k not in pending:
            continue
        for maximise in (False, True):
            value, point = polytope.optimum(targets[k], maximise=maximise)
            if abs(value - truths[k]) >= 1 - EPSILON:
                pending.discard(k)
                break
            if point is not None:
                free_at(point)
    return [k in pending for k in range(len(targets))]


# What a figure is in its table, for the choice of the next one to hide: a
# cell before a total.
RANK_CELL, RANK_TOTAL, RANK_GRAND = 0, 1, 2


@dataclass
class Protection:
    """How each figure of a `System` is displayed: `display[v]` is its status
    (None for a figure not published); `given_away` lists the sensitive
    expressions still pinned when nothing was left to hide (empty in practice,
    tested)."""

    values: list[int]
    display: list[Status | None]
    given_away: list[Terms] = field(default_factory=list)

    def figure(self, variable: int) -> Figure:
        status = self.display[variable]
        return Figure(self.values[variable], Status.SHOWN if status is None else status)

    def table(self, table: CountTable, ids: dict[Position, int]) -> ProtectedTable:
        # Each figure made once: a results page has some two thousand.
        at = {p: self.figure(v) for p, v in ids.items()}
        rows, columns = table.rows, table.columns
        return ProtectedTable(
            cells=tuple(tuple(at[(i, j)] for j in range(columns)) for i in range(rows)),
            row_totals=tuple(at[(i, columns)] for i in range(rows)),
            column_totals=tuple(at[(rows, j)] for j in range(columns)),
            grand_total=at[(rows, columns)],
            hidden=frozenset(p for p in table.positions() if at[p].hidden),
        )


@dataclass
class System:
    """Every figure one campaign publishes, as variables, with the equations
    and limits a reader knows between them.

    A figure added with a `key` already seen (with the same value) is the same
    variable: `results` keys each count by the answer sets it counts, so a
    question's column totals in its three breakdowns, the "Not stated" rows of
    the respondents without an organisation, or the answer sets of a question
    everyone answered are one quantity wherever they appear, hidden or shown
    together."""

    threshold: int = THRESHOLD
    values: list[int] = field(default_factory=list)
    floors: list[int] = field(default_factory=list)
    ranks: list[int] = field(default_factory=list)
    published: list[bool] = field(default_factory=list)
    equations: list[Terms] = field(default_factory=list)  # terms = 0
    limits: list[Terms] = field(default_factory=list)  # terms <= 0
    complements: list[tuple[int, int]] = field(default_factory=list)  # (whole, part)
    keys: dict[Hashable, int] = field(default_factory=dict)

    def figure(
        self,
        value: int,
        *,
        key: Hashable | None = None,
        floor: int = 0,
        rank: int = RANK_CELL,
        published: bool = True,
    ) -> int:
        """A variable for the figure (the one already added under `key`).
        Zeros are never merged: each displays on its own."""
        if value < 0:
            raise ValueError("counts are never negative")
        merge = key is not None and value > 0
        if merge and (value, key) in self.keys:
            v = self.keys[(value, key)]
            self.floors[v] = max(self.floors[v], floor)
            self.ranks[v] = min(self.ranks[v], rank)
            self.published[v] = self.published[v] or published
            return v
        self.values.append(value)
        self.floors.append(floor)
        self.ranks.append(rank)
        self.published.append(published)
        v = len(self.values) - 1
        if merge:
            self.keys[(value, key)] = v
        return v

    def equal(self, members: Iterable[int], total: int) -> None:
        """The members add up to the total."""
        terms: Terms = {}
        for m in members:
            terms[m] = terms.get(m, 0) + 1
        terms[total] = terms.get(total, 0) - 1
        terms = {v: c for v, c in terms.items() if c}
        if _evaluate(terms, self.values) != 0:
            raise ValueError("the figures do not add up")
        if terms:
            self.equations.append(terms)

    def at_most(self, part: int, whole: int) -> None:
        if self.values[part] > self.values[whole]:
            raise ValueError("a part above its whole")
        if part != whole:
            self.limits.append({part: 1, whole: -1})

    def table(
        self, table: CountTable, keys: Callable[[Position], Hashable | None] | None = None
    ) -> dict[Position, int]:
        """A table's figures and equations; for multiple choice, each cell at
        most its row's total, and the "did not tick" counts sensitive too."""
        ids: dict[Position, int] = {}
        rows, columns = table.rows, table.columns
        # The variables as the table lays them out, totals last (a results page
        # has some two thousand figures: no per-position method calls).
        grid: list[list[int]] = []
        for i, row in enumerate((*table.cells, table.column_totals)):
            line = []
            for j, value in enumerate(
                (*row, table.row_totals[i] if i < rows else table.grand_total)
            ):
                p = (i, j)
                if i == rows and j == columns:
                    rank = RANK_GRAND
                else:
                    rank = RANK_TOTAL if i == rows or j == columns else RANK_CELL
                floor = 1 if j == columns and value > 0 else 0
                ids[p] = v = self.figure(
                    value, key=keys(p) if keys else None, floor=floor, rank=rank
                )
                line.append(v)
            grid.append(line)
        # The equations of `CountTable.lines`, in its order.
        if table.additive_rows:
            for line in grid:
                self.equal(line[:columns], line[columns])
        for j in range(columns + 1):
            self.equal([grid[i][j] for i in range(rows)], grid[rows][j])
        if not table.additive_rows:
            for line in grid:
                whole = line[columns]
                for part in line[:columns]:
                    self.at_most(part, whole)
                    self.complements.append((whole, part))
        return ids

    def protect(self) -> Protection:
        """Primary suppression, then secondary until the audit finds no small
        figure (nor "did not tick" count) a reader can pin to one value.

        A figure hidden to protect others is at least the threshold: working
        it out gives away nothing the threshold would not publish. A zero
        displayed as "fewer than 5" that a reader can work out anyway is shown
        as 0 instead (it hides nothing)."""
        limit = self.threshold
        status: list[Status | None] = [
            (Status.SMALL if 0 < value < limit else Status.SHOWN) if published else None
            for value, published in zip(self.values, self.published, strict=True)
        ]
        targets: list[Terms] = [{v: 1} for v, s in enumerate(status) if s is Status.SMALL]
        for whole, part in self.complements:
            if 0 < self.values[whole] - self.values[part] < limit:
                targets.append({whole: 1, part: -1})
                if status[whole] is Status.SHOWN and status[part] is Status.SHOWN:
                    status[part] = Status.PROTECTING
        # Hiding more only widens what a reader cannot rule out, so a target
        # found free once stays free: each audit looks at the others only.
        free: set[tuple[tuple[int, int], ...]] = set()
        shown_zeros: set[int] = set()
        while True:
            display = self.displayed(status, shown_zeros)
            masked = [{v: 1} for v, s in enumerate(display) if s is not status[v]]
            exposed = self.exposed(display, [*targets, *masked], free)
            zeros = {
                v
                for _c, terms in exposed
                if len(terms) == 1
                for v in terms
                if display[v] is not status[v]
            }
            if zeros:
                shown_zeros |= zeros
                continue
            chosen = self._next_to_hide(display, [terms for _c, terms in exposed])
            if not chosen:
                return Protection(list(self.values), display, [t for _c, t in exposed])
            for v in chosen:
                status[v] = Status.PROTECTING

    def displayed(
        self, status: list[Status | None], shown_zeros: set[int] | None = None
    ) -> list[Status | None]:
        """`status` with the zeros that must not be shown as such: a zero in an
        equation that hides something reads "fewer than 5", unless an equation
        of zeros only already says it is 0 (or `shown_zeros` has it)."""
        display = list(status)
        known_zero = {
            v for terms in self.equations if not any(self.values[v] for v in terms) for v in terms
        } | (shown_zeros or set())
        for terms in self.equations:
            if any(status[v] not in (Status.SHOWN, None) for v in terms):
                for v in terms:
                    if self.values[v] == 0 and status[v] is Status.SHOWN and v not in known_zero:
                        display[v] = Status.SMALL
        return display

    def _unknown(self, display: list[Status | None], v: int) -> bool:
        return display[v] is not Status.SHOWN

    def _components(self, display: list[Status | None]) -> dict[int, int]:
        """Each unknown variable's component: unknowns that share an equation
        or a limit (the shown figures in them are constants)."""
        parent: dict[int, int] = {}

        def find(v: int) -> int:
            parent.setdefault(v, v)
            while parent[v] != v:
                parent[v] = parent[parent[v]]
                v = parent[v]
            return v

        for terms in [*self.equations, *self.limits]:
            unknown = [v for v in terms if self._unknown(display, v)]
            for v in unknown:
                find(v)
            for a, b in zip(unknown, unknown[1:], strict=False):
                parent[find(a)] = find(b)
        for v, s in enumerate(display):
            if s is not Status.SHOWN:
                find(v)
        return {v: find(v) for v in parent}

    def exposed(
        self,
        display: list[Status | None],
        targets: Sequence[Terms],
        free: set[tuple[tuple[int, int], ...]] | None = None,
    ) -> list[tuple[frozenset[int], Terms]]:
        """The targets a reader can pin to one value, each with the component of
        unknowns it lies in (its own variables when none is hidden). Targets in
        `free` are known not to be; those found so are added to it."""
        component_of = self._components(display)
        members: dict[int, set[int]] = {}
        for v, root in component_of.items():
            members.setdefault(root, set()).add(v)
        grouped: dict[int, list[int]] = {}
        found: list[tuple[frozenset[int], Terms]] = []
        for k, target in enumerate(targets):
            if free is not None and tuple(sorted(target.items())) in free:
                continue
            unknown = [v for v in target if self._unknown(display, v)]
            if not unknown:
                found.append((frozenset(target), target))
                continue
            grouped.setdefault(component_of[unknown[0]], []).append(k)
        for root, ks in grouped.items():
            component = members[root]
            pinned = self._audit(display, sorted(component), [targets[k] for k in ks])
            for k, is_pinned in zip(ks, pinned, strict=True):
                if is_pinned:
                    found.append((frozenset(component), targets[k]))
                elif free is not None:
                    free.add(tuple(sorted(targets[k].items())))
        return found

    def _audit(
        self, display: list[Status | None], component: list[int], targets: list[Terms]
    ) -> list[bool]:
        index = {v: n for n, v in enumerate(component)}
        bounds = [
            reader_bounds(
                self.values[v], display[v], floor=self.floors[v], threshold=self.threshold
            )
            for v in component
        ]

        def local(terms: Terms) -> tuple[Terms, float] | None:
            if not any(v in index for v in terms):
                return None
            constant = sum(c * self.values[v] for v, c in terms.items() if v not in index)
            return {index[v]: c for v, c in terms.items() if v in index}, -constant

        equations = [row for row in map(local, self.equations) if row is not None]
        limits = [row for row in map(local, self.limits) if row is not None]
        polytope = Polytope(bounds, equations, limits)
        local_targets = []
        truths = []
        for target in targets:
            found = local(target)
            assert found is not None  # noqa: S101 - grouped by component above
            terms, constant = found
            local_targets.append(terms)
            truths.append(_evaluate(target, self.values) + constant)
        return single_valued(polytope, local_targets, truths)

    def _next_to_hide(self, display: list[Status | None], exposed: list[Terms]) -> set[int]:
        """For each exposed target, a shown non-zero figure of an equation
        through it or through a hidden figure beside it: the one in most such
        equations (it closes a cycle of hidden cells), a cell before a total,
        the smallest first. A target beside a figure just chosen waits for the
        next audit."""
        chosen: set[int] = set()
        touched: set[int] = set()
        equations = [*self.equations, *self.limits]
        through: dict[int, list[int]] = {}
        for n, terms in enumerate(equations):
            for v in terms:
                through.setdefault(v, []).append(n)
        for target in exposed:
            if touched & set(target):
                continue
            near = set(target)
            for v in target:
                for n in through.get(v, []):
                    near |= {u for u in equations[n] if self._unknown(display, u)}
            lines = {n for v in near for n in through.get(v, [])}
            score: dict[int, int] = {}
            for n in lines:
                for v in equations[n]:
                    if display[v] is Status.SHOWN and self.values[v] > 0 and self.published[v]:
                        score[v] = score.get(v, 0) + 1
            score = {v: count for v, count in score.items() if v not in chosen}
            if not score:
                continue
            best = min(score, key=lambda v: (self.ranks[v], -score[v], self.values[v], v))
            chosen.add(best)
            touched |= {u for n in through.get(best, []) for u in equations[n]}
        return chosen


def protect(table: CountTable, *, threshold: int = THRESHOLD) -> ProtectedTable:
    """One table on its own, as it may be published."""
    system = System(threshold=threshold)
    ids = system.table(table)
    return system.protect().table(table, ids)


def protect_linked(
    tables: Sequence[CountTable], *, threshold: int = THRESHOLD
) -> list[ProtectedTable]:
    """Tables sharing their column totals and grand total (one question broken
    down by sector, by kind, by size), protected together."""
    system = System(threshold=threshold)

    def shared(table: CountTable) -> Callable[[Position], Hashable | None]:
        return lambda p: ("column", p[1]) if p[0] == table.rows else None

    ids = [system.table(table, shared(table)) for table in tables]
    protection = system.protect()
    return [protection.table(table, found) for table, found in zip(tables, ids, strict=True)]


# A figure as a reader finds it: (table, position) in the tables read.
Place = tuple[int, Position]


def reader_intervals(
    tables: Sequence[ProtectedTable],
    *,
    additive: Sequence[bool],
    same: Iterable[Iterable[Place]] = (),
    threshold: int = THRESHOLD,
    zeros_shown: bool = False,
) -> dict[Place, tuple[float, float]]:
    """What a reader can work out of each hidden figure from the published
    tables alone (never their hidden values): values it can take over every
    table's equations (exactly its least and greatest where fewer than two
    whole numbers are left), the bounds of `reader_bounds`, and the
    figures `same` says are one quantity across tables. A hidden figure whose
    interval holds one whole number is given away. `zeros_shown`: the reader
    of a publisher that shows every zero knows "fewer than 5" is 1 to 4.

    The tests and `make abuse` read the published pages with it, as an
    outsider would."""
    variable: dict[Place, int] = {}
    for t, table in enumerate(tables):
        rows, columns = len(table.cells), len(table.column_totals)
        for i in range(rows + 1):
            for j in range(columns + 1):
                variable[(t, (i, j))] = len(variable)
    parent = list(range(len(variable)))

    def find(v: int) -> int:
        while parent[v] != v:
            parent[v] = parent[parent[v]]
            v = parent[v]
        return v

    for group in same:
        places = [variable[place] for place in group]
        for a, b in zip(places, places[1:], strict=False):
            parent[find(a)] = find(b)

    def at(table: ProtectedTable, p: Position) -> Figure:
        i, j = p
        rows, columns = len(table.cells), len(table.column_totals)
        if i == rows:
            return table.grand_total if j == columns else table.column_totals[j]
        return table.row_totals[i] if j == columns else table.cells[i][j]

    roots = sorted({find(v) for v in variable.values()})
    index = {root: n for n, root in enumerate(roots)}
    low = [0.0] * len(roots)
    high = [math.inf] * len(roots)
    equations: list[tuple[Terms, float]] = []
    limits: list[tuple[Terms, float]] = []
    for place, v in variable.items():
        t, p = place
        table = tables[t]
        shown = at(table, p)
        floor = 1 if zeros_shown or p[1] == len(table.column_totals) else 0
        bounds = reader_bounds(shown.public or 0, shown.status, floor=floor, threshold=threshold)
        n = index[find(v)]
        low[n], high[n] = max(low[n], bounds[0]), min(high[n], bounds[1])
    for t, table in enumerate(tables):
        rows, columns = len(table.cells), len(table.column_totals)
        lines: list[tuple[list[Position], Position]] = []
        if additive[t]:
            lines += [([(i, j) for j in range(columns)], (i, columns)) for i in range(rows + 1)]
        lines += [([(i, j) for i in range(rows)], (rows, j)) for j in range(columns + 1)]
        for members, total in lines:
            terms: Terms = {}
            for p, coefficient in [*((m, 1) for m in members), (total, -1)]:
                n = index[find(variable[(t, p)])]
                terms[n] = terms.get(n, 0) + coefficient
            equations.append(({n: c for n, c in terms.items() if c}, 0))
        if not additive[t]:
            for i in range(rows + 1):
                whole = index[find(variable[(t, (i, columns))])]
                for j in range(columns):
                    part = index[find(variable[(t, (i, j))])]
                    if part != whole:
                        limits.append(({part: 1, whole: -1}, 0))
    polytope = Polytope(list(zip(low, high, strict=True)), equations, limits)
    hidden = {
        place: index[find(v)]
        for place, v in variable.items()
        if not at(tables[place[0]], place[1]).shown
    }
    solved = _ranges(polytope, sorted(set(hidden.values())))
    return {place: solved[n] for place, n in hidden.items()}


def _ranges(polytope: Polytope, unknowns: list[int]) -> dict[int, tuple[float, float]]:
    """For each unknown, values it can take: a few vertices first; the exact
    least and greatest value for those the vertices leave with fewer than two
    whole numbers."""
    seen: dict[int, tuple[float, float]] = dict.fromkeys(unknowns, (math.inf, -math.inf))

    def note(point: Sequence[float]) -> None:
        for n in unknowns:
            low, high = seen[n]
            seen[n] = (min(low, point[n]), max(high, point[n]))

    generator = random.Random(len(unknowns))  # noqa: S311 (a direction, not a secret)
    direction: Terms = dict.fromkeys(unknowns, 1)
    for _round in range(8):
        for maximise in (False, True):
            _value, point = polytope.optimum(direction, maximise=maximise)
            if point is not None:
                note(point)
        direction = {n: generator.choice((-1, 1)) for n in unknowns}
    for n in unknowns:
        if whole_values(seen[n]) < 2:
            seen[n] = polytope.interval({n: 1})
    return seen


def whole_values(interval: tuple[float, float]) -> int | float:
    """How many whole numbers an interval holds (infinity when unbounded)."""
    low, high = interval
    if math.isinf(high) or math.isinf(low):
        return math.inf
    return max(0, math.floor(high + EPSILON) - math.ceil(low - EPSILON) + 1)
