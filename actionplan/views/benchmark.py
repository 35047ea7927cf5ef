"""The benchmark: the public comparison of the partner cities, and the page
where a partner's editors record their city's values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from actionplan.forms import BenchmarkValueForm
from actionplan.models import BenchmarkIndicator, BenchmarkValue
from actionplan.permissions import can_report_benchmark
from actionplan.services.benchmark import benchmark_value_record
from creativecities import charts
from creativecities.markdown import Section
from directory.models import Partner, User


@dataclass
class Comparison:
    """One indicator compared across the partners that reported it, year by year."""

    indicator: BenchmarkIndicator
    years: list[int]
    # (partner, one value or None per year), partners in the network's order.
    rows: list[tuple[Partner, list[BenchmarkValue | None]]] = field(default_factory=list)

    @property
    def chart(self) -> dict[str, Any]:
        return charts.series_chart(
            [str(year) for year in self.years],
            [
                (
                    str(partner.city),
                    [None if entry is None else float(entry.value) for entry in values],
                )
                for partner, values in self.rows
            ],
        )


def comparisons(indicators: list[BenchmarkIndicator]) -> list[Comparison]:
    """The indicators' prefetched values arranged as partners × years."""
    result = []
    for indicator in indicators:
        values = list(indicator.values.all())
        years = sorted({entry.year for entry in values})
        by_partner: dict[int, dict[int, BenchmarkValue]] = {}
        partners: dict[int, Partner] = {}
        for entry in values:
            partners[entry.partner_id] = entry.partner
            by_partner.setdefault(entry.partner_id, {})[entry.year] = entry
        ordered = sorted(partners.values(), key=lambda p: (p.order, p.city, p.name))
        rows = [(p, [by_partner[p.pk].get(year) for year in years]) for p in ordered]
        result.append(Comparison(indicator=indicator, years=years, rows=rows))
    return result


@require_safe
def benchmark(request: HttpRequest) -> HttpResponse:
    """Every shared indicator, with a chart and a table of the cities' values."""
    indicators = list(BenchmarkIndicator.objects.with_values())
    # The page index: one section per indicator.
    sections = [Section(indicator.slug, str(indicator.name)) for indicator in indicators]
    return render(
        request,
        "actionplan/benchmark.html",
        {"comparisons": comparisons(indicators), "sections": sections},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def benchmark_report(request: HttpRequest, partner_id: int) -> HttpResponse:
    """A partner's editors record their city's values; nobody else may (403)."""
    partner = get_object_or_404(Partner, pk=partner_id)
    user = cast(User, request.user)  # login_required: never anonymous here
    if not can_report_benchmark(user, partner):
        raise PermissionDenied
    form = BenchmarkValueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        benchmark_value_record(
            indicator=data["indicator"],
            partner=partner,
            year=data["year"],
            value=data["value"],
            source=data["source"],
            source_url=data["source_url"],
            by=user,
        )
        messages.success(
            request,
            _("Saved: %(indicator)s, %(year)s.")
            % {"indicator": data["indicator"], "year": data["year"]},
        )
        return redirect("actionplan:benchmark_report", partner_id=partner.pk)
    context = {
        "partner": partner,
        "form": form,
        "values": BenchmarkValue.objects.of_partner(partner).order_by(
            "indicator__order", "indicator__slug", "-year"
        ),
    }
    return render(request, "actionplan/benchmark_report.html", context)
