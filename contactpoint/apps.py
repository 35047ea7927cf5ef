from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactpointConfig(AppConfig):
    name = "contactpoint"
    verbose_name = _("Contact point")

    def ready(self) -> None:
        from contactpoint import ready_calls

        ready_calls.ready()
