"""What the portal's maps share: each sector's pin and its legend, the places' centres.

A pin is drawn in its sector's colour and carries its sector's number, so a
map is read by numbers and names (the legend beside it) as well as by colour.
The colours are `.portal-pin-1` to `.portal-pin-12` in `static/css/portal.css`:
white numbers on each at 5.5:1 or more, and each at 3.4:1 or more against the
map's land and sea, so pins stand out for people who tell these colours apart
poorly too. A thirteenth sector takes the first colour again, with its own number.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from directory.models import Municipality, Sector

PIN_COLOURS = 12

# Where a map with nothing to show starts: Genoa's old town (as `js/map.js`).
GENOA = (44.4056, 8.9463)


def pin_colour(number: int) -> int:
    """The colour class of the pin numbered `number` (from 1)."""
    return (number - 1) % PIN_COLOURS + 1


def sector_pins(sectors: Iterable[Sector]) -> dict[int, dict[str, Any]]:
    """Each sector's pin by its id: its number (its place in the sectors' order,
    from 1), its colour class and its name, as the legend lists them."""
    return {
        sector.pk: {"number": number, "colour": pin_colour(number), "name": str(sector.name)}
        for number, sector in enumerate(sectors, start=1)
    }


def municipality_centres() -> dict[str, list[float]]:
    """Each place's centre by its id (as the form's select names it), for the
    map on which members place their pin: one query, on that page only."""
    rows = Municipality.objects.filter(latitude__isnull=False, longitude__isnull=False)
    return {
        str(pk): [float(latitude), float(longitude)]  # type: ignore[arg-type]
        for pk, latitude, longitude in rows.values_list("pk", "latitude", "longitude")
    }
