"""A member's control of their data: download it all, or delete the account."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from creativecities.panels.personal_data import (
    personal_data_export,
    personal_data_json,
    personal_data_zip,
)
from directory.forms import AccountDeleteForm
from directory.models import User
from directory.services.account_deletion import account_delete, organisations_solely_owned


def _download(content: bytes, *, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    name = f"creative-cities-my-data-{timezone.localdate():%Y-%m-%d}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_safe
def data_json(request: HttpRequest) -> HttpResponse:
    """Everything the portal holds about the person logged in, as JSON."""
    data = personal_data_export(user=cast(User, request.user))
    return _download(
        personal_data_json(data), content_type="application/json; charset=utf-8", extension="json"
    )


@login_required
@require_safe
def data_csv(request: HttpRequest) -> HttpResponse:
    """The same, as a zip of CSV files, one per kind of record."""
    data = personal_data_export(user=cast(User, request.user))
    return _download(personal_data_zip(data), content_type="application/zip", extension="zip")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    """Ask for the password and what becomes of the organisations the person
    alone owns; then delete the account (`account_delete`) and log out."""
    user = cast(User, request.user)
    organisations = organisations_solely_owned(user)
    form = AccountDeleteForm(
        request.POST if request.method == "POST" else None,
        user=user,
        organisations=organisations,
    )
    if form.is_valid():
        try:
            account_delete(user=user, organisations_to=form.organisations_to())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(
                request, _("Your account has been deleted, and your personal data with it.")
            )
            return redirect("directory:home")
    return render(
        request,
        "directory/account_delete.html",
        {"form": form, "organisations": organisations, "is_staff": user.is_staff},
    )
