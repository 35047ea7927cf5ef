"""Progress arithmetic: every case the dashboard and the public pages meet."""

import datetime
from decimal import Decimal as D

import pytest

from actionplan.progress import State, indicator_progress, time_elapsed

START = datetime.date(2026, 1, 1)
DUE = datetime.date(2027, 1, 1)
HALFWAY = datetime.date(2026, 7, 2)


def test_rising_indicator_is_the_share_of_the_way_covered() -> None:
    progress = indicator_progress(baseline=D(10), target=D(30), latest=D(20))

    assert progress.fraction == D("0.5")
    assert progress.percent == 50
    assert progress.state == State.ON_TRACK


def test_baseline_above_target_counts_downwards() -> None:
    """Fewer vacant premises: from 100 to 50, a value of 70 is 60% of the way."""
    progress = indicator_progress(baseline=D(100), target=D(50), latest=D(70))

    assert progress.percent == 60
    assert progress.state == State.ON_TRACK


def test_moving_away_from_the_target_is_zero_not_negative() -> None:
    assert indicator_progress(baseline=D(100), target=D(50), latest=D(120)).fraction == 0
    assert indicator_progress(baseline=D(10), target=D(30), latest=D(5)).fraction == 0


@pytest.mark.parametrize(("baseline", "target", "latest"), [(10, 30, 45), (100, 50, 20)])
def test_beyond_the_target_is_capped_and_reached(baseline: int, target: int, latest: int) -> None:
    progress = indicator_progress(baseline=D(baseline), target=D(target), latest=D(latest))

    assert progress.fraction == 1
    assert progress.reached


def test_no_target_gives_no_share() -> None:
    progress = indicator_progress(baseline=D(5), target=None, latest=D(9))

    assert progress.state == State.NO_TARGET
    assert progress.fraction is None and progress.percent is None


def test_no_update_gives_no_share_and_is_behind_only_once_time_has_passed() -> None:
    early = indicator_progress(
        baseline=D(0), target=D(10), latest=None, start=START, target_date=DUE, today=START
    )
    late = indicator_progress(
        baseline=D(0), target=D(10), latest=None, start=START, target_date=DUE, today=HALFWAY
    )

    assert early.state == State.NO_UPDATES and early.fraction is None
    assert late.state == State.BEHIND


def test_target_equal_to_baseline_is_reached_when_kept() -> None:
    assert indicator_progress(baseline=D(7), target=D(7), latest=D(7)).reached
    assert indicator_progress(baseline=D(7), target=D(7), latest=D(6)).fraction == 0


def test_behind_schedule_when_time_runs_ahead_of_progress() -> None:
    behind = indicator_progress(
        baseline=D(0), target=D(100), latest=D(20), start=START, target_date=DUE, today=HALFWAY
    )
    on_track = indicator_progress(
        baseline=D(0), target=D(100), latest=D(45), start=START, target_date=DUE, today=HALFWAY
    )

    assert behind.behind
    assert not on_track.behind and on_track.state == State.ON_TRACK


def test_time_elapsed_is_bounded_and_needs_a_target_date() -> None:
    assert time_elapsed(start=START, target_date=DUE, today=datetime.date(2025, 1, 1)) == 0
    assert time_elapsed(start=START, target_date=DUE, today=datetime.date(2030, 1, 1)) == 1
    assert time_elapsed(start=START, target_date=None, today=HALFWAY) is None
    assert time_elapsed(start=None, target_date=DUE, today=HALFWAY) is None
    assert time_elapsed(start=None, target_date=DUE, today=DUE) == 1


def test_the_percentage_shown_rounds_half_up() -> None:
    """Two thirds of the way is 67%, not 66%: the figure a reader would compute."""
    assert indicator_progress(baseline=D(0), target=D(3), latest=D(2)).percent == 67
    assert indicator_progress(baseline=D(0), target=D(8), latest=D(5)).percent == 63
