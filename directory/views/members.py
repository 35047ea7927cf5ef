"""Members' pages: registration, email confirmation, account, profile upkeep
and invitations."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from creativecities.limits.ratelimit import RateLimited, limit, limited
from creativecities.links.tokens import (
    CONFIRMATION_MAX_AGE,
    ConfirmationLinkError,
    confirmation_link_owner,
    confirmation_user,
)
from creativecities.panels.pages import render_account_panels
from creativecities.panels.workplaces import landing_for, workplaces_for
from directory.forms import (
    AccountForm,
    EmailForm,
    InvitationForm,
    NewAccountForm,
    OrganisationEditForm,
    OrganisationRegisterForm,
    PasswordResetForm,
)
from directory.maps import municipality_centres, sector_pins
from directory.models import Invitation, Organisation, User
from directory.reference import reference
from directory.services import accounts, invitations, moderation, organisations


def member_organisation_or_404(request: HttpRequest, slug: str) -> Organisation:
    """The organisation if the logged-in person is one of its members.

    Anyone else gets the 404 the public gets for a page that does not exist,
    which says nothing about whether the organisation does.
    """
    organisation: Organisation = get_object_or_404(
        Organisation.objects.for_member(request.user).select_related("primary_sector"),
        slug=slug,
    )
    return organisation


def _redirect_back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return redirect(target)


@require_http_methods(["GET", "HEAD", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    """Account and organisation in one page, so nobody stops half-way.

    Someone already logged in only describes the further organisation. The
    answer to a valid form is the same whether or not the address already has
    an account: the mail says which (see `accounts.organisation_register`).
    """
    data = request.POST if request.method == "POST" else None
    user = request.user if request.user.is_authenticated else None
    account_form = AccountForm(data) if user is None else None
    organisation_form = OrganisationRegisterForm(data, prefix="organisation")
    forms = [form for form in (account_form, organisation_form) if form is not None]
    refusal: RateLimited | None = None
    if data is not None and all(form.is_valid() for form in forms):
        try:
            if user is not None:
                limit(request, "organisation_create")
                organisations.organisation_create(
                    owner=user, organisation_data=organisation_form.cleaned_data
                )
                messages.success(
                    request,
                    _("Thank you: the desk will review the profile and publish it."),
                )
                return redirect("directory:account")
            assert account_form is not None  # noqa: S101 - anonymous visitors get one
            account = account_form.cleaned_data
            limit(request, "register", recipient=account["email"])
            accounts.organisation_register(
                email=account["email"],
                password=account["password1"],
                first_name=account["first_name"],
                last_name=account["last_name"],
                organisation_data=organisation_form.cleaned_data,
                language=get_language(),
            )
        except RateLimited as error:
            refusal = error
            refusal.refuse(forms[0])
        except ValidationError as error:
            forms[0].add_error(None, error)
        else:
            request.session["registered_email"] = account["email"]
            return redirect("directory:register_done")
    response = render(
        request,
        "directory/register.html",
        {"account_form": account_form, "organisation_form": organisation_form, "forms": forms},
    )
    return refusal.respond(response) if refusal else response


@require_safe
def register_done(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/register_done.html",
        {
            "email": request.session.get("registered_email", ""),
            "valid_days": CONFIRMATION_MAX_AGE.days,
            "form": EmailForm(),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """The emailed link asks for one click; the click activates the account and
    sends the organisation to the desk.

    Opening the link changes nothing: mail scanners and link previews open
    links before the person does, and would otherwise use it up.
    """
    try:
        if request.method == "POST":
            user = accounts.user_confirm_email(token=token)
        else:
            user = confirmation_user(token)
    except ConfirmationLinkError as problem:
        if problem.reason == "used" and request.user == problem.user:
            return redirect("directory:account")
        status = HTTPStatus.BAD_REQUEST if problem.reason == "invalid" else HTTPStatus.GONE
        return render(
            request,
            "directory/confirm_email_invalid.html",
            {
                "reason": problem.reason,
                "token": token if problem.reason == "expired" else "",
                "valid_days": CONFIRMATION_MAX_AGE.days,
                "form": EmailForm(),
            },
            status=status,
        )
    if request.method != "POST":
        return render(request, "directory/confirm_email.html", {"email": user.email})
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session.pop("registered_email", None)
    messages.success(
        request,
        _(
            "Thank you, your email address is confirmed. The desk will review your "
            "organisation's profile and publish it: we will write to you then."
        ),
    )
    return redirect("directory:account")


@require_POST
def resend_confirmation(request: HttpRequest) -> HttpResponse:
    """Send a new confirmation link, by the old link or by address.

    The answer is the same whether or not the address has an account waiting;
    a refusal for too many requests comes back on the form with the address.
    """
    email = ""
    token = request.POST.get("token", "")
    owner = confirmation_link_owner(token) if token else None
    form = EmailForm({"email": owner.email} if owner is not None else request.POST)
    if not form.is_valid():
        return render(
            request,
            "directory/confirm_email_invalid.html",
            {"reason": "resend", "form": form},
            status=HTTPStatus.BAD_REQUEST,
        )
    email = form.cleaned_data["email"]
    try:
        limit(request, "confirmation_resend", recipient=email)
    except RateLimited as refusal:
        refusal.refuse(form)
        return refusal.respond(
            render(
                request,
                "directory/confirm_email_invalid.html",
                {"reason": "resend", "form": form},
            )
        )
    accounts.user_confirmation_resend(email=email, language=get_language())
    request.session.pop("registered_email", None)
    messages.info(
        request,
        _(
            "If an account is waiting for confirmation at that address, a new link is on "
            "its way. Check your spam folder too."
        ),
    )
    return redirect("directory:register_done")


@login_required
@require_safe
def account(request: HttpRequest) -> HttpResponse:
    organisations = Organisation.objects.for_account(request.user)
    return render(
        request,
        "directory/account.html",
        {
            "organisations": organisations,
            "lapse_months": Organisation.lapse_months(),
            "account_panels": render_account_panels(request),
            "workplaces": workplaces_for(cast(User, request.user)),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = member_organisation_or_404(request, slug)
    name, status = organisation.name, organisation.status
    data, files = (request.POST, request.FILES) if request.method == "POST" else (None, None)
    form = OrganisationEditForm(data, files, instance=organisation)
    if data is not None and form.is_valid():
        user = cast(User, request.user)
        profile = dict(form.cleaned_data)
        logo, remove_logo = profile.pop("new_logo", None), profile.pop("remove_logo", False)
        submit = request.POST.get("action") == "resubmit" and status == Organisation.Status.REJECTED
        try:
            organisations.organisation_update(
                organisation=organisation,
                data=profile,
                by=user,
                logo=logo,
                remove_logo=remove_logo,
                submit=submit,
            )
        except moderation.OrganisationStateError:
            # Sent twice at once (a double click): the first request already did it.
            messages.info(request, _("The profile had already been sent to the desk."))
            return redirect("directory:account")
        if submit:
            messages.success(
                request,
                _("Changes saved and sent to the desk: we will write to you after the review."),
            )
        else:
            messages.success(
                request, _("Changes saved. Thank you for keeping the profile current.")
            )
        return redirect("directory:account")
    return render(
        request,
        "directory/organisation_edit.html",
        {
            "organisation": organisation,
            "organisation_name": name,
            "can_resubmit": status == Organisation.Status.REJECTED,
            "form": form,
            "form_list": [form],
            "pin_picker": {
                "centres": municipality_centres(),
                "pin": sector_pins(reference().sectors).get(organisation.primary_sector_id),
            },
            "map_tiles_url": settings.MAP_TILES_URL,
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_invite(request: HttpRequest, slug: str) -> HttpResponse:
    """Invite a colleague; only a published organisation may (the desk has
    reviewed what the invitation mail says about it)."""
    organisation = member_organisation_or_404(request, slug)
    form = InvitationForm(request.POST if request.method == "POST" else None)
    refusal: RateLimited | None = None
    if form.is_valid():
        try:
            if organisation.status == Organisation.Status.PUBLISHED:
                limit(request, "invitation_send", recipient=form.cleaned_data["email"])
            invitation = invitations.invitation_send(
                organisation=organisation,
                email=form.cleaned_data["email"],
                by=cast(User, request.user),
                language=get_language(),
            )
        except RateLimited as error:
            refusal = error
            refusal.refuse(form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link is valid for %(days)s days.")
                % {"email": invitation.email, "days": Invitation.VALID_FOR.days},
            )
            return redirect("directory:account")
    response = render(
        request,
        "directory/organisation_invite.html",
        {
            "organisation": organisation,
            "may_invite": organisation.status == Organisation.Status.PUBLISHED,
            "form": form,
            "members": organisation.memberships.select_related("user").order_by("created_at"),
            "open_invitations": organisation.invitations.filter(
                accepted_at__isnull=True, created_at__gt=timezone.now() - Invitation.VALID_FOR
            ).order_by("email"),
        },
    )
    return refusal.respond(response) if refusal else response


@login_required
@require_POST
def confirm_profile(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Still accurate": the member vouches for the profile without editing it."""
    organisation = member_organisation_or_404(request, slug)
    organisations.organisation_confirm_current(
        organisation=organisation, by=cast(User, request.user)
    )
    messages.success(
        request,
        _("Thank you: the profile of %(name)s is confirmed as current.")
        % {"name": organisation.name},
    )
    return _redirect_back(request, reverse("directory:account"))


@require_http_methods(["GET", "HEAD", "POST"])
@limited("invitation_accept")
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Accept an invitation: with one click when logged in as the invited
    address, or by choosing a name and password when new to the portal.

    Opening the link only shows the page (a mail scanner opening it first
    accepts nothing); accepting is always a POST.
    """
    found = Invitation.objects.select_related("organisation").by_token(token)
    if found is None or not found.is_usable:
        return _invitation_unusable(request, found)
    context: dict[str, Any] = {"invitation": found, "organisation": found.organisation}
    if request.user.is_authenticated:
        user = request.user
        if user.email.lower() != found.email.lower():
            return render(
                request,
                "directory/invitation.html",
                {**context, "state": "wrong_user"},
                status=HTTPStatus.FORBIDDEN,
            )
        if request.method == "POST":
            try:
                invitations.invitation_accept(invitation=found, user=user)
            except ValidationError:
                # Accepted by a request that came first (a double click).
                current = Invitation.objects.get(pk=found.pk)
                if current.is_usable:
                    raise
                return _invitation_unusable(request, current)
            return _joined(request, found)
        return render(request, "directory/invitation.html", {**context, "state": "join"})

    existing = User.objects.filter(email__iexact=found.email).first()
    if existing is not None:
        return render(
            request,
            "directory/invitation.html",
            {**context, "state": "log_in", "inactive": not existing.is_active},
        )
    form = NewAccountForm(request.POST if request.method == "POST" else None, email=found.email)
    if form.is_valid():
        try:
            membership = invitations.invitation_accept(
                invitation=found,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            current = Invitation.objects.get(pk=found.pk)
            if not current.is_usable:
                return _invitation_unusable(request, current)
            form.add_error(None, error)  # an account was made for the address meanwhile
        else:
            login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            return _joined(request, found)
    return render(
        request,
        "directory/invitation.html",
        {**context, "state": "create", "form": form, "form_list": [form]},
    )


def _invitation_unusable(request: HttpRequest, found: Invitation | None) -> HttpResponse:
    """Why a link opens nothing: unknown (404, whether guessed, altered or
    replaced by a newer one), used or expired (410)."""
    reason = "invalid" if found is None else "used" if found.accepted_at else "expired"
    return render(
        request,
        "directory/invitation_invalid.html",
        {"reason": reason, "invitation": found, "valid_days": Invitation.VALID_FOR.days},
        status=HTTPStatus.NOT_FOUND if found is None else HTTPStatus.GONE,
    )


def _joined(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    messages.success(
        request,
        _("Welcome: you are now a member of %(name)s.") % {"name": invitation.organisation.name},
    )
    return redirect("directory:account")


class LoginView(auth_views.LoginView):
    """Django's login page; an account with a workplace (a partner city's team)
    lands there when it asked for no page (`creativecities.panels.workplaces`)."""

    extra_context = {"title": _lazy("Log in")}

    def get_default_redirect_url(self) -> str:
        return landing_for(cast(User, self.request.user)) or super().get_default_redirect_url()


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset page, limited per client address and per address the
    link goes to; a refusal comes back on the form with the address typed."""

    form_class = PasswordResetForm

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:  # type: ignore[override]
        try:
            limit(self.request, "password_reset", recipient=form.cleaned_data["email"])
        except RateLimited as refusal:
            refusal.refuse(form)
            return refusal.respond(self.render_to_response(self.get_context_data(form=form)))
        return super().form_valid(form)
