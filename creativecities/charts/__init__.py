"""Charts drawn on the server as SVG geometry, for templates to render.

No JavaScript and no inline style: the functions return numbers (positions,
lengths, labels) and `templates/directory/cluster.html` writes the `<svg>`,
coloured by classes in `static/css/portal.css`. Every chart sits next to a
table of the same numbers, which is what assistive technology reads.
"""

from __future__ import annotations

import math
from typing import Any

WIDTH = 640

# Horizontal bar chart: labels on the left, bars, the value after each bar.
LABEL_END = 240
BAR_START = 250
BAR_MAX = 330
ROW = 30
BAR_HEIGHT = 20
LABEL_CHARS = 34

# Line chart.
LEFT, RIGHT, TOP, BOTTOM = 56, 44, 20, 44
HEIGHT = 280
MAX_X_LABELS = 8
CHAR_WIDTH = 7.5  # an average character of a 14 px label, in the chart's units
LABEL_GAP = 16


def num(value: float) -> str:
    """A coordinate as SVG wants it: never localised ("12,5" would break it)."""
    return f"{round(value, 1):g}"


def short(label: str, limit: int = LABEL_CHARS) -> str:
    """A label that fits the chart; the table beside it keeps the full text."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart(items: list[tuple[str, int]]) -> dict[str, Any]:
    """Geometry of a horizontal bar chart of (label, value) pairs, in order."""
    largest = max((value for _label, value in items), default=0) or 1
    bars = []
    for index, (label, value) in enumerate(items):
        top = 4 + index * ROW
        length = BAR_MAX * value / largest
        bars.append(
            {
                "label": label,
                "short_label": short(label),
                "value": value,
                "y": num(top),
                "length": num(length),
                "text_y": num(top + BAR_HEIGHT / 2 + 5),
                "value_x": num(BAR_START + length + 6),
            }
        )
    return {
        "width": WIDTH,
        "height": 8 + len(items) * ROW,
        "label_end": LABEL_END,
        "bar_start": BAR_START,
        "bar_height": BAR_HEIGHT,
        "bars": bars,
    }


def nice_step(largest: int, ticks: int = 4) -> int:
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` lines."""
    if largest <= ticks:
        return 1
    raw = largest / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return int(factor * magnitude)
    return int(10 * magnitude)  # pragma: no cover - the loop always returns


def line_chart(points: list[tuple[str, int]]) -> dict[str, Any]:
    """Geometry of a line chart of (label, value) pairs along the x axis."""
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    largest = max((value for _label, value in points), default=0)
    step = nice_step(largest)
    ceiling = max(step, math.ceil(largest / step) * step)
    every = max(1, math.ceil(len(points) / MAX_X_LABELS))

    def y_of(value: int) -> str:
        return num(TOP + plot_height * (1 - value / ceiling))

    def x_of(index: int) -> str:
        if len(points) == 1:
            return num(LEFT + plot_width / 2)
        return num(LEFT + plot_width * index / (len(points) - 1))

    last = len(points) - 1
    # Labels along x are shown far enough apart not to run into each other: the
    # widest at about CHAR_WIDTH a character, the last one ending at its point.
    spacing = plot_width / last if last else plot_width
    label_width = CHAR_WIDTH * max((len(label) for label, _value in points), default=0)
    every = max(every, math.ceil((label_width + LABEL_GAP) / spacing))

    def show_label(index: int) -> bool:
        return index == last or (
            index % every == 0 and (last - index) * spacing >= 1.5 * label_width + LABEL_GAP
        )

    dots = [
        {
            "label": label,
            "value": value,
            "x": x_of(index),
            "y": y_of(value),
            "show_label": show_label(index),
            # The last label ends at its point, so the chart's edge cuts none of it.
            "anchor": "end" if index == last and last else "middle",
        }
        for index, (label, value) in enumerate(points)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "tick_x": LEFT - 8,
        "right": WIDTH - RIGHT,
        "top": TOP,
        "bottom": HEIGHT - BOTTOM,
        "label_y": HEIGHT - BOTTOM + 22,
        "ticks": [{"value": value, "y": y_of(value)} for value in range(0, ceiling + 1, step)],
        "dots": dots,
        "polyline": " ".join(f"{dot['x']},{dot['y']}" for dot in dots),
    }


# Several series over the same x labels (one line per city, years along x).
SERIES_RIGHT = 150
SERIES_STYLES = 6
MARKERS = ("circle", "square", "diamond")


def nice_ceiling(largest: float, ticks: int = 4) -> tuple[float, float]:
    """A round step (1, 2 or 5 times a power of ten, fractions allowed) and the
    smallest multiple of it at or above `largest`: the top of the y axis."""
    if largest <= 0:
        return 1.0, 1.0
    raw = largest / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(f * magnitude for f in (1, 2, 5, 10) if raw <= f * magnitude)
    return step, step * math.ceil(largest / step - 1e-9)


def series_chart(labels: list[str], series: list[tuple[str, list[float | None]]]) -> dict[str, Any]:
    """Geometry of a line chart with one line per series, named at its end.

    `labels` run along the x axis; each series gives one value (or None, a
    gap) per label. Lines differ by colour and by marker shape, and carry
    their name beside their last point, so no legend keyed by colour alone is
    needed. Values are floats; the y axis starts at zero.
    """
    plot_right = WIDTH - SERIES_RIGHT
    plot_width = plot_right - LEFT
    plot_height = HEIGHT - TOP - BOTTOM
    largest = max((v for _name, values in series for v in values if v is not None), default=0.0)
    step, ceiling = nice_ceiling(largest)

    def y_of(value: float) -> float:
        return TOP + plot_height * (1 - value / ceiling)

    def x_of(index: int) -> float:
        if len(labels) == 1:
            return LEFT + plot_width / 2
        return LEFT + plot_width * index / (len(labels) - 1)

    lines: list[dict[str, Any]] = []
    for number, (name, values) in enumerate(series):
        dots = [
            {
                "label": labels[index],
                "value": value,
                "x": num(x_of(index)),
                "y": num(y_of(value)),
                # The top left corner of a 10-pixel square marker.
                "corner_x": num(x_of(index) - 5),
                "corner_y": num(y_of(value) - 5),
            }
            for index, value in enumerate(values)
            if value is not None
        ]
        last: dict[str, Any] | None = dots[-1] if dots else None
        lines.append(
            {
                "name": name,
                "short_name": short(name, 18),
                "style": number % SERIES_STYLES,
                "marker": MARKERS[number % len(MARKERS)],
                "dots": dots,
                "polyline": " ".join(f"{dot['x']},{dot['y']}" for dot in dots),
                "name_x": num(float(last["x"]) + 10) if last else "0",
                "name_y": last["y"] if last else "0",
            }
        )
    _spread_names(lines)
    tick_count = round(ceiling / step)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "tick_x": LEFT - 8,
        "right": plot_right,
        "top": TOP,
        "bottom": HEIGHT - BOTTOM,
        "label_y": HEIGHT - BOTTOM + 22,
        "x_labels": [{"label": label, "x": num(x_of(i))} for i, label in enumerate(labels)],
        "ticks": [
            {"value": f"{step * i:g}", "y": num(y_of(step * i))} for i in range(tick_count + 1)
        ],
        "lines": lines,
    }


def _spread_names(lines: list[dict[str, Any]], gap: float = 16) -> None:
    """Move the names at the lines' ends apart where they would overlap."""
    placed = sorted(
        (line for line in lines if line["dots"]), key=lambda line: float(line["name_y"])
    )
    previous = -math.inf
    for line in placed:
        y = max(float(line["name_y"]) + 5, previous + gap)
        line["name_y"] = num(y)
        previous = y
