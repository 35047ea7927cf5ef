"""The public results page read back as an outsider would: its breakdown tables
parsed from the HTML, and every hidden figure solved for with what the page
shows (`disclosure.reader_intervals`).

The tests and `make abuse` use it to check the page itself, not the code that
made it: a figure that reads "fewer than 5" and yet can take a single value
is a disclosure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from survey import disclosure
from survey.disclosure import Figure, Place, ProtectedTable, Status

# One displayed figure: its value when shown, else "small" or "hidden".
Cell = int | str


@dataclass
class ReadTable:
    """One breakdown as the page shows it: the question's section number, the
    caption, the rows' labels, and each row's cells with the total last (the
    "All" row last of all)."""

    section: int
    caption: str
    additive: bool = True
    labels: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)

    def protected(self) -> ProtectedTable:
        def at(cell: Cell) -> Figure:
            if isinstance(cell, int):
                return Figure(cell)
            return Figure(0, Status.SMALL if cell == "small" else Status.PROTECTING)

        body = [[at(cell) for cell in row] for row in self.rows]
        return ProtectedTable(
            cells=tuple(tuple(row[:-1]) for row in body[:-1]),
            row_totals=tuple(row[-1] for row in body[:-1]),
            column_totals=tuple(body[-1][:-1]),
            grand_total=body[-1][-1],
        )


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[ReadTable] = []
        self.section = 0
        self.table: ReadTable | None = None
        self.in_caption = False
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.figure: str | None = None
        self.in_foot = False
        self.has_foot = False
        self.multiple: set[int] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "section":
            self.section += 1
            if found.get("data-kind") == "multiple":
                self.multiple.add(self.section)
        elif tag == "table":
            additive = self.section not in self.multiple
            self.table = ReadTable(self.section, "", additive=additive)
            self.has_foot = False
        elif tag == "caption" and self.table is not None:
            self.in_caption = True
        elif tag == "tr" and self.table is not None:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
            self.figure = None
        elif tag == "span" and self.cell is not None and found.get("data-figure"):
            self.figure = found["data-figure"]
        elif tag == "tfoot":
            self.in_foot = self.has_foot = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption":
            self.in_caption = False
        elif tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(self.figure or "".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.table is not None and self.row is not None:
            self._add_row(self.row)
            self.row = None
        elif tag == "tfoot":
            self.in_foot = False
        elif tag == "table" and self.table is not None:
            # Breakdowns only: the chart's table has no "All" row (tfoot).
            if self.has_foot and self.table.rows:
                self.tables.append(self.table)
            self.table = None

    def _add_row(self, row: list[str]) -> None:
        assert self.table is not None  # noqa: S101 - inside a table
        if len(row) < 2 or not all(c.isdigit() or c in ("small", "hidden") for c in row[1:]):
            return  # a heading row
        self.table.labels.append(row[0])
        self.table.rows.append([int(c) if c.isdigit() else c for c in row[1:]])

    def handle_data(self, data: str) -> None:
        if self.in_caption and self.table is not None:
            self.table.caption += data
        elif self.cell is not None:
            self.cell.append(data)


def read_tables(html: str) -> list[ReadTable]:
    """The page's breakdown tables, each with its "All" row last."""
    parser = _Parser()
    parser.feed(html)
    return parser.tables


@dataclass
class Reading:
    """What an outsider worked out: each hidden figure's interval."""

    tables: list[ReadTable]
    intervals: dict[Place, tuple[float, float]]

    def pinned(self, display: str = "small") -> list[Place]:
        """Hidden figures displayed so (`small`, `hidden`) with a single value."""
        return sorted(
            place
            for place, interval in self.intervals.items()
            if self.cell(place) == display and disclosure.whole_values(interval) < 2
        )

    def cell(self, place: Place) -> Cell:
        t, (i, j) = place
        return self.tables[t].rows[i][j]


def solve(html: str, *, not_stated: str) -> Reading:
    """Every hidden figure of the page solved for, linking what an outsider
    would: one question's "All" rows (the same answers broken down three
    ways); its `not_stated` rows by sector and by kind, the first two
    breakdowns (an organisation always has both, so those rows are the
    respondents without one; a size may be missing); and those rows' totals
    across the questions everyone answered (their "All" shows the number of
    organisations that answered, the page's lead)."""
    tables = read_tables(html)
    lead = re.search(r'class="lead">.*?<strong>\s*(\d+)', html, re.DOTALL)
    everyone = int(lead.group(1)) if lead else None
    same: list[list[Place]] = []
    by_section: dict[int, list[int]] = {}
    for t, table in enumerate(tables):
        by_section.setdefault(table.section, []).append(t)
    complete: list[Place] = []
    for members in by_section.values():
        first = tables[members[0]]
        foot = len(first.rows) - 1
        width = len(first.rows[-1])
        for j in range(width):
            same.append([(t, (len(tables[t].rows) - 1, j)) for t in members])
        stated = [
            (t, tables[t].labels.index(not_stated))
            for t in members[:2]
            if not_stated in tables[t].labels
        ]
        for j in range(width):
            same.append([(t, (i, j)) for t, i in stated])
        if first.rows[foot][-1] == everyone and stated:
            t, i = stated[0]
            complete.append((t, (i, width - 1)))
    same.append(complete)
    intervals = disclosure.reader_intervals(
        [table.protected() for table in tables],
        additive=[table.additive for table in tables],
        same=same,
    )
    return Reading(tables, intervals)
