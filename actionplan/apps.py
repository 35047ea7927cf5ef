from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplanConfig(AppConfig):
    name = "actionplan"
    verbose_name = _("Joint Action Plan")

    def ready(self) -> None:
        from actionplan import history_fields
        from actionplan.demo import plan_demo
        from directory.demo_loaders import register_demo_loader

        history_fields.track_plan()
        register_demo_loader(plan_demo)
