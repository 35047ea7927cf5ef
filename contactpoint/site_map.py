"""The desk's section of the site map: its guides, calls, premises and forms."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from contactpoint.models import Guide, Premises
from creativecities.sitemap import Link, register_site_map


def desk_section() -> Link:
    guides = [Link(str(g.title), g.get_absolute_url()) for g in Guide.objects.published()]
    premises = [Link(str(p.title), p.get_absolute_url()) for p in Premises.objects.published()]
    return Link(
        _("Contact point"),
        reverse("contactpoint:home"),
        [
            Link(_("Funding calls"), reverse("contactpoint:calls")),
            Link(_("Guides"), reverse("contactpoint:guides"), guides),
            Link(_("Available premises"), reverse("contactpoint:premises"), premises),
            Link(_("Ask the desk"), reverse("contactpoint:ask")),
            Link(_("Alerts of new calls"), reverse("contactpoint:alerts")),
        ],
    )


def register() -> None:
    register_site_map(desk_section, order=20)
