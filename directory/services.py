"""Writes of the directory that span models, send mail or move a workflow.

Every function is keyword-only, atomic and typed; views and the admin call these
instead of saving models themselves.
"""

from __future__ import annotations

from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.forms.models import model_to_dict

from directory.models import Organisation, OrganisationVersion, User
from directory.search import index_organisations

# Fields a version records and a revert restores. Status and dates are the
# workflow's, not the profile's, so a revert never publishes or hides anything.
VERSIONED_FIELDS = [
    "name",
    "kind",
    "primary_sector",
    "sectors",
    "short_description_it",
    "short_description_en",
    "description_it",
    "description_en",
    "website",
    "email",
    "phone",
    "address",
    "postcode",
    "municipality",
    "latitude",
    "longitude",
    "size",
    "year_founded",
    "vat_number",
    "ateco_code",
    "linkedin",
    "instagram",
    "facebook",
    "open_to_international",
    "languages",
]


def organisation_snapshot(organisation: Organisation) -> dict[str, Any]:
    """The profile's current content as JSON-ready data."""
    data = model_to_dict(organisation, fields=VERSIONED_FIELDS)
    data["sectors"] = sorted(sector.pk for sector in data.get("sectors", []))
    # Decimals (coordinates) become strings, as DjangoJSONEncoder writes them.
    return {
        key: value
        if value is None or isinstance(value, str | int | float | bool | list)
        else DjangoJSONEncoder().default(value)
        for key, value in data.items()
    }


@transaction.atomic
def organisation_record_version(
    *, organisation: Organisation, by: User | None, note: str = ""
) -> OrganisationVersion:
    """Keep the profile as it is now in its history, and refresh its search entry."""
    index_organisations([organisation])
    return OrganisationVersion.objects.create(
        organisation=organisation,
        data=organisation_snapshot(organisation),
        created_by=by,
        note=note[:200],
    )
