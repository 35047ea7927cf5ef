"""The Joint Action Plan's section of the site map: its published plans (as
their last published version names them) and the benchmarking of the
partner cities."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from actionplan import published
from actionplan.models import Plan, PlanVersion
from creativecities.sitemap import Link, register_site_map


def plan_section() -> Link:
    latest = (
        PlanVersion.objects.filter(plan__in=Plan.objects.public())
        .select_related("plan")
        .order_by("plan_id", "-number")
        .distinct("plan_id")
    )
    plans = [
        Link(str(published.read(v).title), reverse("actionplan:plan", kwargs={"slug": v.plan.slug}))
        for v in latest
    ]
    return Link(
        _("Joint Action Plan"),
        reverse("actionplan:plans"),
        [*plans, Link(_("Benchmarking the partner cities"), reverse("actionplan:benchmark"))],
    )


def register() -> None:
    register_site_map(plan_section, order=30)
