"""Results pages: the published aggregate page (public) and the desk's pages
(admin, `survey.view_survey_results`)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth.decorators import permission_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from creativecities import fragments
from creativecities.markdown import Section
from creativecities.workflow import TransitionError
from survey import exports, publishing, results
from survey.disclosure import THRESHOLD
from survey.models import Campaign

PERMISSION = publishing.PERMISSION


@require_safe
def public(request: HttpRequest, slug: str) -> HttpResponse:
    """Aggregate figures of a campaign whose results staff published; 404 otherwise.

    The page's body is kept in the cache under the results' own key (which
    changes with the publication, every answer set saved and the language):
    while it is there, the results are not even read."""
    campaign = get_object_or_404(Campaign.objects.published_results(), slug=slug)
    key = results.cache_key(campaign)
    fragments.prefetch(request, [fragments.fragment_key("survey_results", key)])
    found = SimpleLazyObject(lambda: results.public_results(campaign))
    context = {
        "campaign": campaign,
        "results_key": key,
        "results": found,
        "threshold": THRESHOLD,
        # The page index: a section per question with figures (the page numbers them all).
        # Read only when the kept body is missing, as the results are.
        "sections": SimpleLazyObject(
            lambda: [
                Section(f"question-{number}", str(result.question.text))
                for number, result in enumerate(found.questions, start=1)
                if not result.is_text
            ]
        ),
    }
    return render(request, "survey/results/public.html", context)


def published_on_cluster_page() -> list[dict[str, object]]:
    """Published campaigns with a few key figures, newest first (the cluster page).

    Cached like the page's other figures; publishing or withdrawing clears it."""

    def read() -> list[dict[str, object]]:
        campaigns = Campaign.objects.published_results().order_by("-results_published_at")
        return [results.key_figures(campaign, results.public_results) for campaign in campaigns[:3]]

    found = cache.get_or_set(publishing.cluster_cache_key(), read, results.CACHE_SECONDS)
    return found if found is not None else read()


def _staff(request: HttpRequest, **extra: object) -> dict[str, object]:
    return {**admin.site.each_context(request), **extra}


def _campaign(pk: int | str) -> Campaign:
    try:
        return Campaign.objects.get(pk=int(pk))
    except Campaign.DoesNotExist:
        raise Http404 from None


@permission_required(PERMISSION, raise_exception=True)
def staff_index(request: HttpRequest) -> HttpResponse:
    campaigns = Campaign.objects.order_by("-opens_at", "slug")
    context = _staff(request, title=_("Survey results"), campaigns=campaigns)
    return TemplateResponse(request, "admin/survey/results_index.html", context)


@permission_required(PERMISSION, raise_exception=True)
def staff_campaign(request: HttpRequest, pk: str) -> HttpResponse:
    campaign = _campaign(pk)
    context = _staff(
        request,
        title=_("Results: %(campaign)s") % {"campaign": campaign},
        campaign=campaign,
        results=results.staff_results(campaign),
    )
    return TemplateResponse(request, "admin/survey/results_campaign.html", context)


@require_POST
@permission_required(PERMISSION, raise_exception=True)
def staff_publish(request: HttpRequest, pk: str) -> HttpResponse:
    campaign = _campaign(pk)
    try:
        if request.POST.get("publish") == "1":
            publishing.campaign_results_publish(campaign=campaign, by=request.user)  # type: ignore[arg-type]
            messages.success(request, _("The results are public."))
        else:
            publishing.campaign_results_withdraw(campaign=campaign, by=request.user)  # type: ignore[arg-type]
            messages.success(request, _("The results are no longer public."))
    except TransitionError as error:
        messages.warning(request, str(error))
    return redirect("survey_results_admin:campaign", pk=campaign.pk)


@permission_required(PERMISSION, raise_exception=True)
def staff_export(request: HttpRequest, pk: str, fmt: str) -> HttpResponse:
    campaign = _campaign(pk)
    name = f"survey-{slugify(campaign.slug)}-answers"
    if fmt == "csv":
        response = HttpResponse(exports.as_csv(campaign), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            exports.as_xlsx(campaign),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response
