from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplanConfig(AppConfig):
    name = "actionplan"
    verbose_name = _("Joint Action Plan")

    def ready(self) -> None:
        # Everything the action plan adds to the core: actionplan/plugs.py.
        from actionplan import plugs

        plugs.plug()
