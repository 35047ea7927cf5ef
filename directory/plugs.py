"""Everything the directory adds to the portal's core, in one place.

Called from `DirectoryConfig.ready()`. The directory's workflow, its tracked
fields, what it holds about a person (and how long it keeps login records),
its part of the desk's workbench; the
sector and account pages are the directory's own, where the other apps plug
their panels in.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from creativecities import history
from creativecities.demo.loaders import register_demo_loader
from creativecities.lists.search import index
from creativecities.panels.pages import register_home_panel
from creativecities.panels.personal_data import register_personal_data
from creativecities.panels.workbench import register_workbench
from creativecities.retention import register_retention
from creativecities.workflow import register_workflow
from directory import page_cache, personal_data, site_map, site_search
from directory.admin import home
from directory.demo_ratings import ratings_demo
from directory.login_throttle import login_records_forget
from directory.models import PROFILE_FIELDS, Municipality, Organisation, Sector
from directory.reference import reference_forget
from directory.services.moderation import ORGANISATION_WORKFLOW
from directory.views.public import home_organisations_panel, home_sectors_panel


def plug() -> None:
    # Workflow: an organisation's review (services/moderation.py).
    register_workflow(ORGANISATION_WORKFLOW)
    # History: the profile. The logo is part of what changed but not of what a
    # revert restores: the files of an older logo are deleted once it is replaced.
    # A change refreshes the organisation's search entry.
    history.track(
        Organisation,
        fields=(*PROFILE_FIELDS, "logo"),
        revertible=PROFILE_FIELDS,
        on_change=index,
    )
    # Personal data: the account, its consents and memberships.
    register_personal_data("account", label=_("Account"), export=personal_data.account_of)
    register_personal_data("consents", label=_("Consents"), export=personal_data.consents_of)
    register_personal_data(
        "memberships", label=_("Memberships"), export=personal_data.memberships_of
    )
    # The portal's one search: organisations. The home page: the newest
    # organisations and the sectors.
    site_search.register()
    register_home_panel(home_organisations_panel, order=30)
    register_home_panel(home_sectors_panel, order=60)
    # Its sections of the site map; other apps add theirs the same way.
    site_map.register()
    # Retention: login records (django-axes') past their period.
    register_retention("login records deleted", login_records_forget)
    # The admin home: organisations to review, the week's registrations.
    register_workbench(home.organisations_waiting)
    # Page cache: the pages kept for anonymous visitors until what they show changes.
    page_cache.register()
    # Demo data: `load_demo_data` loads the directory's organisations itself,
    # before every registered loader; the page ratings are a loader. No subscriptions.
    register_demo_loader(ratings_demo)
    # Caches: the sectors and places every page reads; a staff edit shows at once.
    for model in (Sector, Municipality):
        uid = f"reference-{model._meta.model_name}"
        post_save.connect(reference_forget, sender=model, dispatch_uid=f"{uid}-saved")
        post_delete.connect(reference_forget, sender=model, dispatch_uid=f"{uid}-deleted")
