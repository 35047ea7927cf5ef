"""Charts of several series: the geometry the benchmark's line charts draw."""

import pytest

from creativecities.charts import nice_ceiling, series_chart


@pytest.mark.parametrize(
    ("largest", "step", "ceiling"),
    [(0, 1, 1), (4.2, 2, 6), (13.5, 5, 15), (118, 50, 150), (0.37, 0.1, 0.4)],
)
def test_the_axis_ends_on_a_round_value_at_or_above_the_largest(
    largest: float, step: float, ceiling: float
) -> None:
    got_step, got_ceiling = nice_ceiling(largest)
    assert got_step == pytest.approx(step)
    assert got_ceiling == pytest.approx(ceiling)


def test_a_missing_value_leaves_a_gap_and_each_line_is_named() -> None:
    chart = series_chart(
        ["2022", "2023", "2024"], [("Genoa", [1.0, 2.0, 3.0]), ("Pécs", [None, 2.5, None])]
    )
    genoa, pecs = chart["lines"]
    assert len(genoa["dots"]) == 3
    assert [dot["label"] for dot in pecs["dots"]] == ["2023"]
    assert (genoa["name"], pecs["name"]) == ("Genoa", "Pécs")
    assert genoa["marker"] != pecs["marker"]
    assert chart["ticks"][-1]["value"] == "3"


def test_names_at_the_same_height_are_moved_apart() -> None:
    chart = series_chart(["2024"], [("Genoa", [5.0]), ("Leipzig", [5.0])])
    first, second = (float(line["name_y"]) for line in chart["lines"])
    assert abs(first - second) >= 16
