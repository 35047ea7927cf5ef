from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveyConfig(AppConfig):
    name = "survey"
    verbose_name = _("Survey")

    def ready(self) -> None:
        # What the survey adds to the directory and the core: one module.
        from survey import plugs

        plugs.plug()
