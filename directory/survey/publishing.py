"""Publishing a campaign's results: the one write of the results part."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from directory.models import User
from directory.survey.models import Campaign

PERMISSION = "directory.view_survey_results"


def cluster_cache_key(language: str | None = None) -> str:
    return f"survey:cluster-figures:{language or get_language()}"


def _forget_cluster_figures() -> None:
    cache.delete_many([cluster_cache_key(code) for code, _name in settings.LANGUAGES])


@transaction.atomic
def campaign_results_publish(*, campaign: Campaign, by: User) -> Campaign:
    """Makes the aggregate page public. The publication time is part of the
    results' cache key, so a publication always shows fresh figures."""
    if not by.has_perm(PERMISSION):
        raise PermissionDenied
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    locked.results_published = True
    locked.results_published_at = timezone.now()
    locked.save(update_fields=["results_published", "results_published_at"])
    transaction.on_commit(_forget_cluster_figures)
    return locked


@transaction.atomic
def campaign_results_withdraw(*, campaign: Campaign, by: User) -> Campaign:
    if not by.has_perm(PERMISSION):
        raise PermissionDenied
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    locked.results_published = False
    locked.results_published_at = None
    locked.save(update_fields=["results_published", "results_published_at"])
    transaction.on_commit(_forget_cluster_figures)
    return locked
