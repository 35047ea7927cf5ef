"""How clear visitors find a page: the rating Italian public sites ask for."""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PageRatingQuerySet(models.QuerySet["PageRating"]):
    def figures(self) -> list[dict[str, Any]]:
        """Per page (path), newest rated first: how many rated it, the average
        stars, how many gave each number of stars, and how many chose each
        aspect of the follow-up question. Two queries whatever the count."""
        star_counts = {f"stars_{n}": Count("pk", filter=Q(stars=n)) for n in range(1, 6)}
        rows: list[dict[str, Any]] = [
            dict(row)
            for row in self.values("path")
            .annotate(
                count=Count("pk"),
                average=Avg("stars"),
                comments=Count("pk", filter=~Q(comment="")),
                latest=models.Max("created_on"),
                **star_counts,
            )
            .order_by("-latest", "path")
        ]
        aspects: dict[str, dict[str, int]] = {}
        for counted in (
            self.exclude(aspect="").values("path", "aspect").annotate(n=Count("pk")).order_by()
        ):
            aspects.setdefault(counted["path"], {})[counted["aspect"]] = counted["n"]
        labels = dict(PageRating.Aspect.choices)
        for row in rows:
            row["stars"] = [row.pop(f"stars_{n}") for n in range(1, 6)]
            row["aspects"] = sorted(
                (
                    (str(labels.get(aspect, aspect)), count)
                    for aspect, count in aspects.get(row["path"], {}).items()
                ),
                key=lambda item: -item[1],
            )
        return rows


class PageRating(models.Model):
    """One answer to "How clear is the information on this page?" (1 to 5
    stars), with the follow-up a visitor may add: what they liked (4 or 5
    stars) or where they struggled (1 to 3), and a short comment.

    No personal data: no account, no address, no time of day (only the date),
    so that nothing ties an answer to a person or a server log. The page is
    its path without the language prefix, so both languages count together.
    """

    POSITIVE_FROM = 4
    COMMENT_MAX_LENGTH = 200

    class Aspect(models.TextChoices):
        CLEAR = "clear", _("The instructions were clear")
        COMPLETE = "complete", _("The instructions were complete")
        ON_TRACK = "on_track", _("I always understood I was proceeding correctly")
        NO_TECHNICAL_PROBLEMS = "no_problems", _("I had no technical problems")
        UNCLEAR = "unclear", _("At times the instructions were not clear")
        INCOMPLETE = "incomplete", _("At times the instructions were not complete")
        LOST = "lost", _("At times I could not tell whether I was proceeding correctly")
        TECHNICAL_PROBLEMS = "problems", _("I had technical problems")
        OTHER = "other", _("Other")

    POSITIVE_ASPECTS = (
        Aspect.CLEAR,
        Aspect.COMPLETE,
        Aspect.ON_TRACK,
        Aspect.NO_TECHNICAL_PROBLEMS,
        Aspect.OTHER,
    )
    NEGATIVE_ASPECTS = (
        Aspect.UNCLEAR,
        Aspect.INCOMPLETE,
        Aspect.LOST,
        Aspect.TECHNICAL_PROBLEMS,
        Aspect.OTHER,
    )

    path = models.CharField(_("page"), max_length=200, db_index=True)
    language = models.CharField(_("language"), max_length=8)
    stars = models.PositiveSmallIntegerField(
        _("stars"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    aspect = models.CharField(_("aspect"), max_length=12, choices=Aspect.choices, blank=True)
    comment = models.CharField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    created_on = models.DateField(_("date"), default=timezone.localdate, db_index=True)

    objects = PageRatingQuerySet.as_manager()

    class Meta:
        verbose_name = _("page rating")
        verbose_name_plural = _("page ratings")
        ordering = ("-created_on", "-pk")
        constraints = [
            models.CheckConstraint(
                condition=Q(stars__gte=1, stars__lte=5), name="page_rating_stars_1_to_5"
            ),
            # What was liked follows 4 or 5 stars, difficulties 1 to 3.
            models.CheckConstraint(
                condition=Q(aspect__in=["", "other"])
                | Q(stars__gte=4, aspect__in=["clear", "complete", "on_track", "no_problems"])
                | Q(stars__lte=3, aspect__in=["unclear", "incomplete", "lost", "problems"]),
                name="page_rating_aspect_matches_stars",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.path}: {self.stars}/5"

    @property
    def is_positive(self) -> bool:
        return self.stars >= self.POSITIVE_FROM

    @classmethod
    def aspects_for(cls, stars: int) -> tuple[PageRating.Aspect, ...]:
        """The follow-up's options after `stars`."""
        return cls.POSITIVE_ASPECTS if stars >= cls.POSITIVE_FROM else cls.NEGATIVE_ASPECTS
