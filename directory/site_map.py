"""The directory's sections of the site map: the directory and its sectors,
the survey, the partner network, and the pages about the site itself."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from creativecities.sitemap import Link, register_site_map
from directory.models import Sector


def directory_section() -> Link:
    sectors = [Link(str(sector.name), sector.get_absolute_url()) for sector in Sector.objects.all()]
    return Link(
        _("Directory of the cluster"),
        reverse("directory:list"),
        [
            Link(_("Map"), reverse("directory:map")),
            Link(_("Sectors"), reverse("directory:sectors"), sectors),
            Link(_("Cluster figures"), reverse("directory:cluster")),
        ],
    )


def survey_section() -> Link:
    return Link(_("Survey of the cluster"), reverse("survey:list"))


def network_section() -> Link:
    return Link(_("Partner network"), reverse("directory:partners"))


def about_section() -> Link:
    return Link(
        _("About this site"),
        reverse("directory:site_map"),
        [
            Link(_("Privacy notice"), reverse("directory:privacy")),
            Link(_("Legal notes"), reverse("directory:legal")),
            Link(_("Accessibility statement"), reverse("directory:accessibility")),
        ],
    )


def register() -> None:
    register_site_map(directory_section, order=10)
    register_site_map(survey_section, order=40)
    register_site_map(network_section, order=50)
    register_site_map(about_section, order=90)
