"""Publishing a campaign's results: the one write of the results part.

Publishing and withdrawing are the steps of `RESULTS_WORKFLOW`, the portal's one
workflow mechanism (`creativecities.workflow`): taken under a row lock, by people who
hold the results permission, each recorded as a `StateChange`. The desk takes
them on the results page or as actions of the campaign's admin, which the
workflow's admin mixin makes from the same table; the campaign's form cannot
change the status.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy

from creativecities import pagecache
from creativecities.workflow import Transition, Workflow, has_permission
from directory.models import User
from survey.models import Campaign
from survey.page_cache import SURVEY

PERMISSION = "survey.view_survey_results"
ResultsStatus = Campaign.ResultsStatus


def cluster_cache_key(language: str | None = None) -> str:
    """Per language, and new with each change of the survey's content (an
    answer set submitted after the publication counts in the figures)."""
    return f"survey:cluster-figures:{language or get_language()}:{pagecache.version(SURVEY)}"


def _forget_cluster_figures() -> None:
    cache.delete_many([cluster_cache_key(code) for code, _name in settings.LANGUAGES])


def _published(campaign: Campaign, *, by: User | None) -> list[str]:
    """The publication time is part of the results' cache key, so a
    publication always shows fresh figures; the cluster page's are dropped."""
    campaign.results_published_at = timezone.now()
    transaction.on_commit(_forget_cluster_figures)
    return ["results_published_at"]


def _withdrawn(campaign: Campaign, *, by: User | None) -> list[str]:
    campaign.results_published_at = None
    transaction.on_commit(_forget_cluster_figures)
    return ["results_published_at"]


RESULTS_WORKFLOW: Workflow[Campaign] = Workflow(
    model=Campaign,
    status_field="results_status",
    transitions=[
        Transition(
            name="publish_results",
            source=frozenset({ResultsStatus.UNPUBLISHED}),
            target=ResultsStatus.PUBLISHED,
            allowed=has_permission(PERMISSION),
            label=gettext_lazy("Publish the results"),
            done=gettext_lazy("Results published: %(count)d."),
            refused=gettext_lazy("The results of %(object)s are already public."),
            effect=_published,
            description=gettext_lazy("Anyone can read the aggregate figures."),
        ),
        Transition(
            name="withdraw_results",
            source=frozenset({ResultsStatus.PUBLISHED}),
            target=ResultsStatus.UNPUBLISHED,
            allowed=has_permission(PERMISSION),
            label=gettext_lazy("Withdraw the results"),
            done=gettext_lazy("Results withdrawn: %(count)d."),
            refused=gettext_lazy("The results of %(object)s are not public."),
            effect=_withdrawn,
            description=gettext_lazy("The public results page is gone until published again."),
        ),
    ],
)


def campaign_results_publish(*, campaign: Campaign, by: User) -> Campaign:
    """Make the aggregate page public."""
    return RESULTS_WORKFLOW.apply(campaign, "publish_results", by=by)


def campaign_results_withdraw(*, campaign: Campaign, by: User) -> Campaign:
    return RESULTS_WORKFLOW.apply(campaign, "withdraw_results", by=by)
