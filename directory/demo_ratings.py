"""Demo data: answers to "How clear is the information on this page?" on a few
content pages over the last two months, so that the desk's figures per page
(admin, page ratings) have something to show. Loaded once: a second run keeps
what is there."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone

from directory.models import PageRating

A = PageRating.Aspect
GUIDES, CALLS = "/contact-point/guides/", "/contact-point/calls/"

# (page, language, stars, aspect, comment), each made on a day of its own.
RATINGS: list[tuple[str, str, int, str, str]] = [
    (GUIDES + "partecipare-a-un-bando/", "it", 5, A.CLEAR, ""),
    (GUIDES + "partecipare-a-un-bando/", "it", 4, A.COMPLETE, ""),
    (GUIDES + "partecipare-a-un-bando/", "it", 2, A.INCOMPLETE, "Manca un esempio di budget."),
    (GUIDES + "partecipare-a-un-bando/", "en", 5, A.ON_TRACK, ""),
    (GUIDES + "assumere-e-formare/", "it", 4, A.CLEAR, ""),
    (GUIDES + "assumere-e-formare/", "it", 3, A.UNCLEAR, "Non è chiaro chi paga la formazione."),
    (GUIDES + "lavorare-all-estero/", "en", 5, A.COMPLETE, ""),
    (
        GUIDES + "lavorare-all-estero/",
        "it",
        1,
        A.TECHNICAL_PROBLEMS,
        "Il link al PDF non si apriva.",
    ),
    (CALLS + "premio-design-del-mare/", "it", 5, A.CLEAR, ""),
    (CALLS + "premio-design-del-mare/", "it", 4, "", ""),
    (CALLS + "botteghe-centro-storico/", "it", 2, A.LOST, "Non capisco se posso candidarmi."),
    (CALLS + "botteghe-centro-storico/", "it", 4, A.NO_TECHNICAL_PROBLEMS, ""),
    ("/privacy/", "it", 4, A.COMPLETE, ""),
    ("/privacy/", "en", 3, A.OTHER, "Long, but complete."),
    ("/accessibility/", "it", 5, "", ""),
    ("/legal-notes/", "it", 4, A.CLEAR, ""),
]


def ratings_demo(*, staff: Any, member: Any) -> str:
    if PageRating.objects.exists():
        return "Page ratings: kept as they were."
    today = timezone.localdate()
    PageRating.objects.bulk_create(
        PageRating(
            path=path,
            language=language,
            stars=stars,
            aspect=aspect,
            comment=comment,
            created_on=today - datetime.timedelta(days=4 * number),
        )
        for number, (path, language, stars, aspect, comment) in enumerate(RATINGS)
    )
    return f"Page ratings: {len(RATINGS)} answers on {len({row[0] for row in RATINGS})} pages."
