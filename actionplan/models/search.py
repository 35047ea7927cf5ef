"""The published actions as the portal's one search and the home page find them."""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from actionplan.models.actions import Action
from actionplan.models.plans import Plan
from creativecities.lists.search import SearchableQuerySet


class PublishedActionEntryQuerySet(SearchableQuerySet["PublishedActionEntry"]):
    def newest(self) -> PublishedActionEntryQuerySet:
        """The last published first, and within a publication the actions added last."""
        return self.select_related("plan").order_by("-published_at", "-action_id")


class PublishedActionEntry(models.Model):
    """An action of a plan's last published version, for search and lists.

    Written from the version itself when the coordinator publishes
    (`actionplan.published.index_version`), never from the plan's rows: a draft
    action, or an edit not yet published, cannot be found. The next publication
    replaces the plan's entries whole.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    action_id = models.PositiveIntegerField(_("action"))
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=20)
    published_at = models.DateTimeField(_("published"))
    search_vector = SearchVectorField(null=True, editable=False)

    objects = PublishedActionEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("published action")
        verbose_name_plural = _("published actions")
        ordering = ("-published_at", "-action_id")
        indexes = [GinIndex(fields=["search_vector"], name="published_action_search")]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "action_id"], name="published_action_once_per_plan"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def status_label(self) -> str:
        return str(Action.Status(self.status).label) if self.status in Action.Status.values else ""

    @property
    def short_summary(self) -> str:
        """The start of the description, as a card shows it."""
        return Truncator(Truncator(self.summary).words(30)).chars(240)
