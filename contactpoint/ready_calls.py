"""What calls and premises plug into the core when the app starts."""

from __future__ import annotations


def ready() -> None:
    """History of every write (and the search entries it refreshes), the sector
    pages' panels and the demo data."""
    from contactpoint.demo_calls import load_calls_and_premises
    from contactpoint.models import FundingCall, Premises
    from contactpoint.services.search import index_calls, index_premises
    from contactpoint.views.calls import sector_calls_panel
    from contactpoint.views.premises import sector_premises_panel
    from directory import history
    from directory.demo_loaders import register_demo_loader
    from directory.panels import register_sector_panel

    history.track(FundingCall, fields=CALL_FIELDS, on_change=index_calls)
    history.track(Premises, fields=PREMISES_FIELDS, on_change=index_premises)
    register_sector_panel(sector_calls_panel)
    register_sector_panel(sector_premises_panel)
    register_demo_loader(load_calls_and_premises)


# What a version of each records and a revert restores (translated fields per language).
CALL_FIELDS = (
    "title_it",
    "title_en",
    "slug",
    "funder",
    "funder_name",
    "description_it",
    "description_en",
    "sectors",
    "organisation_kinds",
    "amount_min",
    "amount_max",
    "cofinancing_rate",
    "opens_at",
    "closes_at",
    "official_url",
    "is_published",
)
PREMISES_FIELDS = (
    "title_it",
    "title_en",
    "slug",
    "kind",
    "description_it",
    "description_en",
    "sectors",
    "floor_area",
    "monthly_rent",
    "address",
    "municipality",
    "latitude",
    "longitude",
    "regeneration_area",
    "available_from",
    "contact_name",
    "contact_email",
    "contact_phone",
    "is_published",
)
