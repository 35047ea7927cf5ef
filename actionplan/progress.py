"""How far an indicator has come, in one pure function.

The workspace dashboard, the frozen versions and the public pages all show
progress; computing it in one place keeps their figures the same. Nothing
here reads the database.

- Progress is the share of the way from the baseline to the target covered by
  the latest value: `(latest - baseline) / (target - baseline)`. That formula
  also serves decreasing indicators (target below baseline: fewer vacant
  premises), since numerator and denominator change sign together.
- A value on the wrong side of the baseline is 0%; beyond the target, 100%
  (and `reached`): a bar never runs backwards or off its end.
- A target equal to the baseline (keep a level) is reached when the latest
  value equals it, else 0%.
- No target yet: no share at all (`NO_TARGET`), the value is shown alone.
- No update yet: no share either (`NO_UPDATES`); it counts as behind once the
  time elapsed calls for more than the tolerance.
- Behind schedule: the share of time elapsed between the action's start and
  the indicator's target date (`expected`) exceeds the progress by more than
  `TOLERANCE`. Without dates nothing is behind.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

ZERO = Decimal(0)
ONE = Decimal(1)
# Ten points of slack: a value measured a little before the date it was due
# does not make an action look late.
TOLERANCE = Decimal("0.1")


class State(StrEnum):
    NO_TARGET = "no_target"
    NO_UPDATES = "no_updates"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    REACHED = "reached"


@dataclass(frozen=True)
class Progress:
    """`fraction` is between 0 and 1, or None when it cannot be said;
    `expected` the share of the time elapsed, or None without dates."""

    state: State
    fraction: Decimal | None
    expected: Decimal | None

    @property
    def percent(self) -> int | None:
        return (
            None
            if self.fraction is None
            else int((self.fraction * 100).to_integral_value(rounding="ROUND_HALF_UP"))
        )

    @property
    def behind(self) -> bool:
        return self.state == State.BEHIND

    @property
    def reached(self) -> bool:
        return self.state == State.REACHED


def _clamp(value: Decimal) -> Decimal:
    return min(max(value, ZERO), ONE)


def time_elapsed(
    *, start: datetime.date | None, target_date: datetime.date | None, today: datetime.date
) -> Decimal | None:
    """The share of the time from `start` to `target_date` gone by `today`."""
    if target_date is None:
        return None
    if start is None or start >= target_date:
        return ONE if today >= target_date else None
    days = Decimal((today - start).days) / Decimal((target_date - start).days)
    return _clamp(days)


def indicator_progress(
    *,
    baseline: Decimal,
    target: Decimal | None,
    latest: Decimal | None,
    start: datetime.date | None = None,
    target_date: datetime.date | None = None,
    today: datetime.date | None = None,
) -> Progress:
    """Progress of an indicator from its baseline, target and latest value."""
    expected = (
        time_elapsed(start=start, target_date=target_date, today=today)
        if today is not None
        else None
    )
    if target is None:
        return Progress(State.NO_TARGET, None, expected)
    if latest is None:
        late = expected is not None and expected > TOLERANCE
        return Progress(State.BEHIND if late else State.NO_UPDATES, None, expected)
    if target == baseline:
        raw = ONE if latest == target else ZERO
    else:
        raw = (latest - baseline) / (target - baseline)
    fraction = _clamp(raw)
    if raw >= ONE:
        state = State.REACHED
    elif expected is not None and fraction < expected - TOLERANCE:
        state = State.BEHIND
    else:
        state = State.ON_TRACK
    return Progress(state, fraction, expected)
