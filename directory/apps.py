from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory of the cluster")

    def ready(self) -> None:
        from creativecities import text
        from directory import history
        from directory.demo_loaders import register_demo_loader
        from directory.models import PROFILE_FIELDS, Organisation
        from directory.personal_data import register_core_kinds
        from directory.search import index_organisations
        from directory.survey.demo import survey_demo

        # The logo is part of what changed but not of what a revert restores:
        # the files of an older logo are deleted once it is replaced.
        history.track(
            Organisation,
            fields=(*PROFILE_FIELDS, "logo"),
            revertible=PROFILE_FIELDS,
            on_change=index_organisations,
        )
        register_demo_loader(survey_demo)
        # What a member downloads about themselves and what their account's
        # deletion removes; other apps add their records the same way.
        register_core_kinds()
        # Its sections of the site map; other apps add theirs the same way.
        from directory import site_map

        site_map.register()
        # The admin home: organisations to review, failed mail, survey results.
        from directory.admin import home
        from directory.workbench import register_workbench

        for contribution in (home.organisations_waiting, home.mail_failed, home.survey_results):
            register_workbench(contribution)
        # Every text field of the project, in forms and models, cleans its
        # control characters: the directory is the app every other builds on.
        text.install()
