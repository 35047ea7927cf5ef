"""Writes of the directory that span models, send mail or move a workflow.

Every function is keyword-only, atomic and typed; views and the admin call these
instead of saving models themselves.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from django.conf import settings
from django.core.files.storage import Storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from directory.images import ProcessedLogo
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


# --- Logos -----------------------------------------------------------------------------


@transaction.atomic
def organisation_set_logo(
    *, organisation: Organisation, logo: ProcessedLogo, by: User | None
) -> Organisation:
    """Store a processed logo and its thumbnail as the organisation's.

    Nothing is left half-way: if storing a file or writing the database fails,
    the new files are removed and the profile keeps its logo. The previous
    files are deleted only once the transaction has committed, so a rollback
    never leaves the profile pointing at a deleted file. (Files of a write
    rolled back by an enclosing transaction after this returns stay behind,
    unreferenced, under random names.)
    """
    storage = organisation.logo.storage
    previous = (organisation.logo.name, organisation.logo_thumbnail.name)
    stored: list[str] = []
    try:
        organisation.logo.save(logo.image.name or "logo", logo.image, save=False)
        stored.append(str(organisation.logo.name))
        organisation.logo_thumbnail.save(logo.thumbnail.name or "logo", logo.thumbnail, save=False)
        stored.append(str(organisation.logo_thumbnail.name))
        organisation.full_clean()
        organisation.save(update_fields=["logo", "logo_thumbnail", "updated_at"])
        organisation_record_version(
            organisation=organisation, by=by, note=_history_note(gettext_noop("Logo replaced"))
        )
    except BaseException:
        _delete_files(storage, stored)
        organisation.logo, organisation.logo_thumbnail = previous
        raise
    transaction.on_commit(partial(_delete_files, storage, previous), robust=True)
    return organisation


@transaction.atomic
def organisation_remove_logo(*, organisation: Organisation, by: User | None) -> Organisation:
    """Take the logo off the profile; its files go once the transaction commits."""
    previous = (organisation.logo.name, organisation.logo_thumbnail.name)
    if not any(previous):
        return organisation
    storage = organisation.logo.storage
    organisation.logo = organisation.logo_thumbnail = ""
    try:
        organisation.save(update_fields=["logo", "logo_thumbnail", "updated_at"])
        organisation_record_version(
            organisation=organisation, by=by, note=_history_note(gettext_noop("Logo removed"))
        )
    except BaseException:
        organisation.logo, organisation.logo_thumbnail = previous
        raise
    transaction.on_commit(partial(_delete_files, storage, previous), robust=True)
    return organisation


def _history_note(text: str) -> str:
    """Notes in the history are read by staff, so they are kept in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(text)


def _delete_files(storage: Storage, names: Iterable[str | None]) -> None:
    for name in names:
        if name:
            storage.delete(name)
