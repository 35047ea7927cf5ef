"""Writes on premises that touch stored files."""

from __future__ import annotations

from django.db import transaction

from contactpoint.models import Premises, PremisesPhoto
from creativecities.images import ProcessedPhoto


def photo_set_image(*, photo: PremisesPhoto, processed: ProcessedPhoto) -> None:
    """Give a photo (saved or not) its re-encoded files; the caller saves it."""
    photo.image.save(processed.image.name or "", processed.image, save=False)
    photo.thumbnail.save(processed.thumbnail.name or "", processed.thumbnail, save=False)
    photo.width = processed.width
    photo.height = processed.height


@transaction.atomic
def premises_photo_add(
    *,
    premises: Premises,
    processed: ProcessedPhoto,
    caption_it: str,
    caption_en: str = "",
    order: int = 0,
) -> PremisesPhoto:
    """Add a re-encoded photo to premises (the demo data and imports use it)."""
    photo = PremisesPhoto(premises=premises, order=order)
    # Both languages by name: `caption` alone would set the active language's.
    photo.caption_it = caption_it  # type: ignore[attr-defined]
    photo.caption_en = caption_en  # type: ignore[attr-defined]
    photo_set_image(photo=photo, processed=processed)
    photo.full_clean()
    photo.save()
    return photo
