"""Writes on indicators: their definition, and the values partners record."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from actionplan.models import INDICATOR_FIELDS, Indicator, IndicatorUpdate
from actionplan.permissions import can_record_indicator
from creativecities import history
from creativecities.updates import model_update
from directory.models import User


@transaction.atomic
def indicator_save(*, indicator: Indicator, data: dict[str, Any], by: User) -> Indicator:
    """Add or change an indicator of an action the person may edit."""
    if not can_record_indicator(by, indicator):
        raise PermissionDenied(f"{by} may not change {indicator.action}.")
    with history.changes(by=by):
        return model_update(indicator, data, fields=INDICATOR_FIELDS)


@transaction.atomic
def indicator_update_record(
    *,
    indicator: Indicator,
    value: Decimal,
    measured_on: datetime.date,
    note: str = "",
    by: User,
) -> IndicatorUpdate:
    """Record a measured value; the update itself is the record of who and when."""
    if not can_record_indicator(by, indicator):
        raise PermissionDenied(f"{by} may not record values for {indicator.action}.")
    update = IndicatorUpdate(
        indicator=indicator, value=value, measured_on=measured_on, note=note, created_by=by
    )
    update.full_clean()
    update.save()
    return update
