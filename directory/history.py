"""Reading an organisation's history: what each version holds and what changed.

Versions store ids and codes (see `services.organisation_snapshot`); these
helpers turn them into the words staff read, without touching the versions.
"""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.forms.models import model_to_dict
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from directory.models import (
    PROFILE_FIELDS,
    Municipality,
    Organisation,
    OrganisationVersion,
    Sector,
    User,
)
from directory.search import index_organisations

EMPTY = "—"

# What a version records and a revert restores (never status or dates).
VERSIONED_FIELDS = list(PROFILE_FIELDS)


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


def history_note(text: str, **params: Any) -> str:
    """Notes in the history are read by staff, so they are kept in the site's
    language whoever caused the change (a member browsing in English, an import)."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(text) % params if params else gettext(text)


def _field(name: str) -> models.Field[Any, Any]:
    return cast("models.Field[Any, Any]", Organisation._meta.get_field(name))


def field_label(name: str) -> str:
    return capfirst(str(_field(name).verbose_name))


def changed_fields(before: dict[str, Any] | None, after: dict[str, Any]) -> list[str]:
    """Names of the versioned fields whose value differs between two snapshots."""
    if before is None:
        return []
    return [name for name in VERSIONED_FIELDS if before.get(name) != after.get(name)]


def with_changes(versions: list[OrganisationVersion]) -> list[dict[str, Any]]:
    """Versions newest first, each with the labels of what it changed."""
    rows = []
    for index, version in enumerate(versions):
        older = versions[index + 1].data if index + 1 < len(versions) else None
        rows.append(
            {
                "version": version,
                "changes": [field_label(name) for name in changed_fields(older, version.data)],
                "first": older is None,
            }
        )
    return rows


def _choice_labels(name: str) -> dict[Any, str]:
    field = _field(name)
    base = getattr(field, "base_field", field)
    return {value: str(label) for value, label in base.choices or []}


def display(snapshots: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Each snapshot as label-ready text, field by field (one query per lookup table)."""
    sector_ids = {
        pk
        for data in snapshots
        for pk in [*data.get("sectors", []), data.get("primary_sector")]
        if pk is not None
    }
    sectors = {sector.pk: sector.name for sector in Sector.objects.filter(pk__in=sector_ids)}
    municipalities = dict(
        Municipality.objects.filter(
            pk__in=[data["municipality"] for data in snapshots if data.get("municipality")]
        ).values_list("pk", "name")
    )
    kinds, sizes, languages = (
        _choice_labels("kind"),
        _choice_labels("size"),
        _choice_labels("languages"),
    )

    def text(name: str, value: Any) -> str:
        if value in (None, "", []):
            return EMPTY
        if name == "primary_sector":
            return sectors.get(value, _("a sector since removed"))
        if name == "sectors":
            return ", ".join(sectors.get(pk, _("a sector since removed")) for pk in value)
        if name == "municipality":
            return municipalities.get(value, EMPTY)
        if name == "kind":
            return kinds.get(value, str(value))
        if name == "size":
            return sizes.get(value, str(value))
        if name == "languages":
            return ", ".join(languages.get(code, code) for code in value)
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        return str(value)

    return [{name: text(name, data.get(name)) for name in VERSIONED_FIELDS} for data in snapshots]


def comparison(version: OrganisationVersion, organisation: Organisation) -> list[dict[str, Any]]:
    """The version's fields next to the profile's current ones."""
    then_data, now_data = version.data, organisation_snapshot(organisation)
    then, now = display([then_data, now_data])
    return [
        {
            "label": field_label(name),
            "then": then[name],
            "now": now[name],
            "differs": then_data.get(name) != now_data.get(name),
        }
        for name in VERSIONED_FIELDS
    ]
