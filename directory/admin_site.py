"""The desk's admin site: Django's, with the second factor of staff in front.

Named in INSTALLED_APPS in place of `django.contrib.admin`, so that every
`admin.site` of the portal (each app's registrations, the survey's results pages
behind `admin.site.admin_view`) is this site. This module is read while the apps
load: it imports no model, and the site reaches `directory.second_factor` only
once a request comes.
"""

from typing import Any

from axes.apps import AppConfig as AxesConfig
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

# The admin home's order: the desk's daily work first. Apps not named follow,
# alphabetically; the login records and second-factor devices come last, under
# one "Security" heading, out of the way of a clerk who never opens them.
APP_ORDER = ("contactpoint", "directory", "survey", "actionplan", "creativecities")
SECURITY_APPS = ("axes", "otp_totp", "otp_static")


class DeskAdminSite(admin.AdminSite):
    """Lets a staff session in only once it passed the second factor; a staff
    member who logged in with the password alone is sent on to the code (or to
    enrol an authenticator) instead of back to the login form. The form still
    takes a login (someone else's, or the same person's again)."""

    index_template = "admin/desk_index.html"
    # The home lists the models; at 1280 px the side list would squeeze the
    # inbox's columns off the screen.
    enable_nav_sidebar = False

    def index(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        """The desk's workbench above the list of models: what waits, this
        week's figures, the pages read often (see `creativecities.panels.workbench`)."""
        from creativecities.panels.workbench import workbench

        return super().index(request, {"workbench": workbench(request), **(extra_context or {})})

    def get_app_list(
        self, request: HttpRequest, app_label: str | None = None
    ) -> list[dict[str, Any]]:
        apps = super().get_app_list(request, app_label)
        if app_label is not None:
            return apps
        security = [app for app in apps if app["app_label"] in SECURITY_APPS]
        others = [app for app in apps if app["app_label"] not in SECURITY_APPS]

        def place(app: dict[str, Any]) -> tuple[int, str]:
            label = app["app_label"]
            rank = APP_ORDER.index(label) if label in APP_ORDER else len(APP_ORDER)
            return rank, str(app["name"]).lower()

        others.sort(key=place)
        if security:
            grouped = {
                **security[0],
                "name": _("Security"),
                "models": [model for app in security for model in app["models"]],
            }
            others.append(grouped)
        return others

    def has_permission(self, request: HttpRequest) -> bool:
        from directory.second_factor import second_factor_passed

        return super().has_permission(request) and second_factor_passed(request)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        from directory.second_factor import second_factor_passed

        user = request.user
        if (
            request.method == "GET"
            and user.is_active
            and user.is_staff
            and not second_factor_passed(request)
        ):
            return second_factor_redirect(request)
        return super().login(request, extra_context)


def second_factor_redirect(request: HttpRequest) -> HttpResponse:
    """To the code page, keeping where the staff member was going."""
    target = request.POST.get("next") or request.GET.get("next") or reverse("admin:index")
    return redirect(f"{reverse('second_factor_verify')}?{urlencode({'next': target})}")


class DeskAdminConfig(AdminConfig):
    """Django's admin application, with `DeskAdminSite` as its default site."""

    default_site = "directory.admin_site.DeskAdminSite"


class LoginRecordsConfig(AxesConfig):
    """django-axes (the login throttle) under the name the desk reads: its
    records are listed in the admin under "Security", last, with the second
    factor's devices; its models' names are translated in the project's
    catalogue (axes ships no Italian)."""

    verbose_name = _("Security")
