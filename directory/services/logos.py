"""Logos: stored, replaced and removed without ever leaving a profile half-way."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.core.files.storage import Storage
from django.db import transaction
from django.utils.translation import gettext_noop

from creativecities import history
from creativecities.images import ProcessedLogo
from directory.models import (
    Organisation,
    Partner,
    User,
)


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
        with history.changes(by=by, note=gettext_noop("Logo replaced")):
            organisation.save(update_fields=["logo", "logo_thumbnail", "updated_at"])
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
        with history.changes(by=by, note=gettext_noop("Logo removed")):
            organisation.save(update_fields=["logo", "logo_thumbnail", "updated_at"])
    except BaseException:
        organisation.logo, organisation.logo_thumbnail = previous
        raise
    transaction.on_commit(partial(_delete_files, storage, previous), robust=True)
    return organisation


def _delete_files(storage: Storage, names: Iterable[str | None]) -> None:
    for name in names:
        if name:
            storage.delete(name)


@transaction.atomic
def partner_set_logo(*, partner: Partner, logo: ProcessedLogo) -> Partner:
    """Store a processed logo and its thumbnail as the partner's.

    The same guarantees as `organisation_set_logo`: new files are removed if
    anything fails, the previous ones only once the transaction commits.
    Partners keep no history, so no version is recorded.
    """
    storage = partner.logo.storage
    previous = (partner.logo.name, partner.logo_thumbnail.name)
    stored: list[str] = []
    try:
        partner.logo.save(logo.image.name or "logo", logo.image, save=False)
        stored.append(str(partner.logo.name))
        partner.logo_thumbnail.save(logo.thumbnail.name or "logo", logo.thumbnail, save=False)
        stored.append(str(partner.logo_thumbnail.name))
        partner.save(update_fields=["logo", "logo_thumbnail"])
    except BaseException:
        _delete_files(storage, stored)
        partner.logo, partner.logo_thumbnail = previous
        raise
    transaction.on_commit(partial(_delete_files, storage, previous), robust=True)
    return partner
