from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactpointConfig(AppConfig):
    name = "contactpoint"
    verbose_name = _("Contact point")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from contactpoint import personal_data, ready_calls
        from contactpoint.demo import desk_demo
        from contactpoint.demo_enquiries import desk_enquiries_demo
        from contactpoint.models import GUIDE_FIELDS, DeskContact, Guide, StandardReply
        from contactpoint.panels import guides_panel
        from contactpoint.services.desk import desk_contacts_forget
        from contactpoint.services.guides import index_guides
        from contactpoint.views.enquiries import account_enquiries
        from directory import history
        from directory.demo_loaders import register_demo_loader
        from directory.panels import register_account_panel, register_sector_panel

        # Standard replies: staff edit them, every edit is a version.
        history.track(StandardReply, fields=("title_it", "title_en", "topic", "text_it", "text_en"))
        # Guides: every write path records a version and refreshes the search entry.
        history.track(Guide, fields=GUIDE_FIELDS, on_change=index_guides)
        # The contacts are cached for every page's footer: a save must show at once.
        post_save.connect(desk_contacts_forget, sender=DeskContact, dispatch_uid="desk-saved")
        post_delete.connect(desk_contacts_forget, sender=DeskContact, dispatch_uid="desk-deleted")
        register_sector_panel(guides_panel)
        register_demo_loader(desk_demo)
        ready_calls.ready()
        # Enquiries: a member's account lists its organisations' ones; demo data.
        register_account_panel(account_enquiries)
        register_demo_loader(desk_enquiries_demo)
        # Enquiries and alerts: in a member's download, anonymised or deleted
        # with their account.
        personal_data.register()
        # Its section of the site map.
        from contactpoint import site_map

        site_map.register()
        # The admin home's enquiries, and an organisation's ones on its admin page.
        from contactpoint.admin import home
        from directory.workbench import register_organisation_link, register_workbench

        register_workbench(home.enquiries_waiting)
        register_organisation_link(home.organisation_enquiries)
