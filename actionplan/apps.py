from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionplanConfig(AppConfig):
    name = "actionplan"
    verbose_name = _("Joint Action Plan")

    def ready(self) -> None:
        from actionplan import history_fields, personal_data
        from actionplan.benchmark_demo import benchmark_demo
        from actionplan.demo import plan_demo
        from actionplan.panels import plan_sector_panel, plan_workplace
        from directory.demo_loaders import register_demo_loader
        from directory.panels import register_sector_panel
        from directory.workplaces import register_workplace

        history_fields.track_plan()
        register_demo_loader(plan_demo)
        register_demo_loader(benchmark_demo)
        register_sector_panel(plan_sector_panel)
        register_workplace(plan_workplace)
        # Actions followed by email: in a member's download, deleted with their account.
        personal_data.register()
        # Its section of the site map.
        from actionplan import site_map

        site_map.register()
        # The admin home: comments waiting for moderation.
        from actionplan.admin.home import comments_waiting
        from directory.workbench import register_workbench

        register_workbench(comments_waiting)
