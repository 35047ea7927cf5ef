from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory of the cluster")

    def ready(self) -> None:
        # Everything the directory adds to the core: directory/plugs.py.
        from directory import plugs

        plugs.plug()
