from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreativecitiesConfig(AppConfig):
    """The portal's core: the models its mechanisms keep (versions, status
    changes, outgoing mail) and what the core adds to every app."""

    name = "creativecities"
    verbose_name = _("Portal")

    def ready(self) -> None:
        from creativecities import text
        from creativecities.mail.admin import mail_failed
        from creativecities.panels.workbench import register_workbench

        # Every text field of the project, in forms and models, cleans its
        # control characters, whichever app declares it.
        text.install()
        # The admin home: mail that failed.
        register_workbench(mail_failed)
