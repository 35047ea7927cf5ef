"""The page rating's writes: the stars, then the follow-up on the same row."""

from __future__ import annotations

from django.db import transaction

from directory.models import PageRating


@transaction.atomic
def page_rating_start(*, path: str, language: str, stars: int) -> PageRating:
    """Store a visitor's stars for the page at `path` (without its language)."""
    rating = PageRating(path=path, language=language[:8], stars=stars)
    rating.full_clean()
    rating.save()
    return rating


@transaction.atomic
def page_rating_complete(*, rating_id: int, stars: int, aspect: str, comment: str) -> bool:
    """Add the follow-up's answer and comment to the rating the first step
    stored, once: False when it is gone, was completed already, or its stars
    are not the ones the visitor gave (a token is not a way to edit others)."""
    rating = (
        PageRating.objects.select_for_update()
        .filter(pk=rating_id, stars=stars, aspect="", comment="")
        .first()
    )
    if rating is None or not (aspect or comment):
        return False
    rating.aspect, rating.comment = aspect, comment
    rating.full_clean()
    rating.save(update_fields=["aspect", "comment"])
    return True
