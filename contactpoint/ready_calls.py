"""What calls and premises plug into the core when the app starts."""

from __future__ import annotations


def ready() -> None:
    """History of every write, the sector pages' panels and the demo data."""
    from contactpoint.demo_calls import load_calls_and_premises
    from contactpoint.models import CALL_FIELDS, PREMISES_FIELDS, FundingCall, Premises
    from contactpoint.views.calls import sector_calls_panel
    from contactpoint.views.premises import sector_premises_panel
    from directory import history
    from directory.demo_loaders import register_demo_loader
    from directory.panels import register_sector_panel

    # What a version of each records and a revert restores: their declared
    # content, translated fields per language.
    history.track(FundingCall, fields=CALL_FIELDS.tracked(FundingCall))
    history.track(Premises, fields=PREMISES_FIELDS.tracked(Premises))
    register_sector_panel(sector_calls_panel)
    register_sector_panel(sector_premises_panel)
    register_demo_loader(load_calls_and_premises)
