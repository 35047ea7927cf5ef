"""The fields of calls and premises that their history records (`contactpoint.plugs`)."""

from __future__ import annotations

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
