from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactpointConfig(AppConfig):
    name = "contactpoint"
    verbose_name = _("Contact point")

    def ready(self) -> None:
        # Everything the contact point adds to the core: contactpoint/plugs.py.
        from contactpoint import plugs

        plugs.plug()
