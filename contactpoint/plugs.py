"""Everything the contact point adds to the portal's core, in one place.

Called from `ContactpointConfig.ready()`: the enquiry's workflow, the tracked
content (standard replies, guides, calls, premises), the panels it adds to
the directory's sector and account pages, the desk's workbench, what it holds
about a person and its demo data.

Subscriptions: the desk's alerts (kind `alerts`, `AlertSubscription`: new calls
and premises in chosen sectors, in a weekly or daily digest; `services/alerts.py`).
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from contactpoint import page_cache, personal_data, site_map, site_search
from contactpoint.admin import home
from contactpoint.demo import desk_demo
from contactpoint.demo_calls import load_calls_and_premises
from contactpoint.demo_enquiries import desk_enquiries_demo
from contactpoint.models import (
    CALL_FIELDS,
    GUIDE_FIELDS,
    PREMISES_FIELDS,
    DeskContact,
    FundingCall,
    Guide,
    Premises,
    StandardReply,
)
from contactpoint.panels import (
    guides_panel,
    home_calls_panel,
    home_contact_panel,
    home_guides_panel,
)
from contactpoint.services.alerts import ALERTS
from contactpoint.services.desk import desk_contacts_forget
from contactpoint.services.enquiries import ENQUIRY_WORKFLOW, FOLLOWUPS_DIGEST
from contactpoint.views.calls import sector_calls_panel
from contactpoint.views.enquiries import account_enquiries
from contactpoint.views.premises import sector_premises_panel
from creativecities import history
from creativecities.demo.loaders import register_demo_loader
from creativecities.lists.search import index
from creativecities.panels.pages import (
    register_account_panel,
    register_home_panel,
    register_sector_panel,
)
from creativecities.panels.personal_data import register_personal_data
from creativecities.panels.workbench import register_related_list, register_workbench
from creativecities.subscriptions.digests import register_digest
from creativecities.subscriptions.kinds import register_kind
from creativecities.workflow import register_workflow


def plug() -> None:
    # Subscriptions: the desk's alerts, through the shared flow and pages.
    register_kind(ALERTS)
    # Digests: the alerts' (the kind's own) and the desk's hourly letter of an
    # enquiry's follow-ups, both queued by `manage.py send_digests`.
    register_digest(FOLLOWUPS_DIGEST)
    # Workflow: an enquiry, from new to closed (services/enquiries.py).
    register_workflow(ENQUIRY_WORKFLOW)
    # History: every write path records a version. A guide's change also
    # refreshes its search entry.
    history.track(StandardReply, fields=("title_it", "title_en", "topic", "text_it", "text_en"))
    history.track(Guide, fields=GUIDE_FIELDS, on_change=index)
    # Calls and premises: their declared content, translated fields per language;
    # a change refreshes the search entry too.
    history.track(FundingCall, fields=CALL_FIELDS.tracked(FundingCall), on_change=index)
    history.track(Premises, fields=PREMISES_FIELDS.tracked(Premises), on_change=index)
    # Panels: a sector's guides, open calls and premises; a member's account
    # lists its organisations' enquiries.
    register_sector_panel(guides_panel)
    register_sector_panel(sector_calls_panel)
    register_sector_panel(sector_premises_panel)
    register_account_panel(account_enquiries)
    # Guides, calls and premises in the portal's one search.
    site_search.register()
    # Its section of the site map.
    site_map.register()
    # The home page: calls closing soon, the latest guides, how to reach the desk.
    register_home_panel(home_calls_panel, order=10)
    register_home_panel(home_guides_panel, order=20)
    register_home_panel(home_contact_panel, order=90)
    # The admin home: enquiries waiting; an organisation's enquiries on its admin page.
    register_workbench(home.enquiries_waiting)
    register_related_list("directory.organisation", home.organisation_enquiries)
    # Personal data: enquiries (anonymised with the account) and alerts (deleted).
    register_personal_data(
        "enquiries",
        label=_("Enquiries"),
        export=personal_data.enquiries_of,
        erase=personal_data.enquiries_forget,
    )
    register_personal_data(
        "desk_alerts",
        label=_("Desk alerts"),
        export=personal_data.alerts_of,
        erase=personal_data.alerts_forget,
    )
    # Demo data: guides, calls and premises, enquiries.
    register_demo_loader(desk_demo)
    register_demo_loader(load_calls_and_premises)
    register_demo_loader(desk_enquiries_demo)
    # Caches: the desk's contacts are in every page's footer; a save shows at once.
    post_save.connect(desk_contacts_forget, sender=DeskContact, dispatch_uid="desk-saved")
    post_delete.connect(desk_contacts_forget, sender=DeskContact, dispatch_uid="desk-deleted")
    # Page cache: the pages kept for anonymous visitors until what they show changes.
    page_cache.register()
