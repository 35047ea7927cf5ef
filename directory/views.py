"""Pages of the directory: home, sectors, the directory and its map, profiles,
figures, open data, site pages and the members' own pages."""

from __future__ import annotations

import functools
from http import HTTPStatus
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from directory import exports, figures, services
from directory.filters import OrganisationFilter
from directory.forms import (
    AccountForm,
    EmailForm,
    InvitationForm,
    NewAccountForm,
    OrganisationEditForm,
    OrganisationRegisterForm,
)
from directory.models import Invitation, Organisation, Page, Partner, Sector, User
from directory.pagination import DirectoryPaginator
from directory.panels import render_sector_panels
from directory.profiles import language_names, profile_url_affixes, read_profile, social_links
from directory.reference import reference
from directory.structured_data import absolute_url, organisation_json_ld
from directory.tokens import CONFIRMATION_MAX_AGE, ConfirmationLinkError, confirmation_link_owner
from directory.validators import ateco_label

OPEN_GRAPH_LOCALES = {"it": "it_IT", "en": "en_GB"}
SECTOR_COUNT_TIMEOUT = 60

# The optional script of the directory asks for the results alone with this header.
PARTIAL_HEADER = "X-Partial"


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "directory/home.html", {"sectors": Sector.objects.all()})


@require_safe
def sector_detail(request: HttpRequest, slug: str) -> HttpResponse:
    sector = get_object_or_404(Sector, slug=slug)
    published = Organisation.objects.published().in_sector(sector)
    cards = Organisation.objects.for_cards().select_related("primary_sector", "municipality")
    # The paginator reads only ids and a count from the ordered queryset; `rows`
    # reads the page's cards.
    paginator = DirectoryPaginator(published.order_by("name", "id"), rows=cards)
    context = {
        "sector": sector,
        "ateco": [(code, ateco_label(code)) for code in sector.ateco_codes],
        # Exact, unlike the directory's capped count, so kept for a minute.
        "organisation_count": cache.get_or_set(
            f"directory:sector-count:{sector.pk}", published.count, SECTOR_COUNT_TIMEOUT
        ),
        "page_obj": paginator.get_page(request.GET.get("page")),
        "panels": render_sector_panels(request, sector),
    }
    return render(request, "directory/sector_detail.html", context)


def _results(request: HttpRequest) -> dict[str, Any]:
    """The filtered, sorted, paginated directory: at most four queries."""
    filterset = OrganisationFilter(
        request.GET, queryset=Organisation.objects.published().for_cards()
    )
    page_obj = filterset.paginator().get_page(request.GET.get("page"))
    page_obj.object_list = filterset.attach(list(page_obj.object_list))
    return {
        "filterset": filterset,
        "form": filterset.form,
        "page_obj": page_obj,
        "active_filters": filterset.active_filters(),
    }


@require_safe
def organisation_list(request: HttpRequest) -> HttpResponse:
    template = "directory/organisation_list.html"
    if request.headers.get(PARTIAL_HEADER) == "results":
        template += "#results"
    response = render(request, template, _results(request))
    patch_vary_headers(response, [PARTIAL_HEADER])
    return response


@require_safe
def organisation_map(request: HttpRequest) -> HttpResponse:
    """The map page: without JavaScript it is the list of results."""
    context = _results(request)
    context["map_tiles_url"] = settings.MAP_TILES_URL
    return render(request, "directory/organisation_map.html", context)


@require_safe
def organisation_geojson(request: HttpRequest) -> JsonResponse:
    """Published organisations with coordinates, under the directory's filters."""
    filterset = OrganisationFilter(request.GET, queryset=Organisation.objects.published())
    filterset.qs  # noqa: B018 (applies the filters, filling `matches`)
    sectors = {sector.pk: str(sector.name) for sector in filterset.reference.sectors}
    places = {pk: name for pk, _slug, name, _kind in filterset.reference.places}
    url_before, url_after = profile_url_affixes()
    rows = (
        filterset.matches.filter(latitude__isnull=False, longitude__isnull=False)
        .order_by("name", "id")
        .values_list("slug", "name", "latitude", "longitude", "primary_sector", "municipality")
    )
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                # Both are set: the filter above leaves out rows without them.
                "coordinates": [float(longitude), float(latitude)],  # type: ignore[arg-type]
            },
            "properties": {
                "name": name,
                "url": f"{url_before}{slug}{url_after}",
                "sector": sectors.get(sector_id, ""),
                "municipality": places.get(place_id, ""),
            },
        }
        for slug, name, latitude, longitude, sector_id, place_id in rows
    ]
    response = JsonResponse(
        {"type": "FeatureCollection", "features": features},
        content_type="application/geo+json",
        json_dumps_params={"separators": (",", ":")},
    )
    patch_cache_control(response, public=True, max_age=300)
    return response


def _may_preview(user: Any, organisation: Organisation) -> bool:
    """Members see their own profile before it is public; so does the desk."""
    if not user.is_authenticated:
        return False
    return bool(user.is_staff) or organisation.memberships.filter(user=user).exists()


@require_safe
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = read_profile(slug)
    if organisation is None:
        raise Http404
    preview = not organisation.is_public
    if preview and not _may_preview(request.user, organisation):
        raise Http404
    known = reference()

    # What only the cached fragments of the page show is worked out when one of
    # them is missing: the template calls these.
    @functools.cache
    def sectors() -> list[Sector]:
        return sorted(
            (known.sector(pk) for pk in organisation.sector_ids),  # type: ignore[attr-defined]
            key=lambda sector: (sector.order, sector.slug),
        )

    context = {
        "organisation": organisation,
        "preview": preview,
        "sectors": sectors,
        "languages": lambda: language_names(organisation),
        "social_links": lambda: social_links(organisation),
        "profile_url": lambda: absolute_url(organisation.get_absolute_url()),
        "logo_url": lambda: absolute_url(organisation.logo.url) if organisation.logo else "",
        "structured_data": lambda: organisation_json_ld(organisation, sectors=sectors()),
        "og_locale": OPEN_GRAPH_LOCALES.get(get_language(), "it_IT"),
        "lapse_months": Organisation.lapse_months(),
    }
    response = render(request, "directory/organisation_detail.html", context)
    if preview:
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_safe
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(Page, slug=slug)
    return render(request, "directory/page_detail.html", {"page": page})


@require_safe
def partners(request: HttpRequest) -> HttpResponse:
    """Partners by city, for the page's `regroup`: each city where its first partner
    stands in the set order, and its partners in that order."""
    partners = list(Partner.objects.all())
    first_seen: dict[str, int] = {}
    for index, partner in enumerate(partners):
        first_seen.setdefault(partner.city, index)
    partners.sort(key=lambda partner: first_seen[partner.city])
    return render(request, "directory/partners.html", {"partners": partners})


# --- Members: registration, account, profile upkeep, invitations ---


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

    Someone already logged in only describes the further organisation.
    """
    data = request.POST if request.method == "POST" else None
    user = request.user if request.user.is_authenticated else None
    account_form = AccountForm(data) if user is None else None
    organisation_form = OrganisationRegisterForm(data, prefix="organisation")
    forms = [form for form in (account_form, organisation_form) if form is not None]
    if data is not None and all(form.is_valid() for form in forms):
        if user is not None:
            services.organisation_create(
                owner=user, organisation_data=organisation_form.cleaned_data
            )
            messages.success(
                request,
                _("Thank you: the desk will review the profile and publish it."),
            )
            return redirect("directory:account")
        assert account_form is not None  # noqa: S101 - anonymous visitors get one
        account = account_form.cleaned_data
        try:
            services.organisation_register(
                email=account["email"],
                password=account["password1"],
                first_name=account["first_name"],
                last_name=account["last_name"],
                organisation_data=organisation_form.cleaned_data,
                language=get_language(),
            )
        except ValidationError as error:
            account_form.add_error(None, error)
        else:
            request.session["registered_email"] = account["email"]
            return redirect("directory:register_done")
    return render(
        request,
        "directory/register.html",
        {"account_form": account_form, "organisation_form": organisation_form, "forms": forms},
    )


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


@require_safe
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """Following the emailed link activates the account and sends the
    organisation to the desk."""
    try:
        user = services.user_confirm_email(token=token)
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

    The answer is the same whether or not the address has an account waiting.
    """
    email = ""
    token = request.POST.get("token", "")
    owner = confirmation_link_owner(token) if token else None
    if owner is not None:
        email = owner.email
    else:
        form = EmailForm(request.POST)
        if not form.is_valid():
            return render(
                request,
                "directory/confirm_email_invalid.html",
                {"reason": "resend", "form": form},
                status=HTTPStatus.BAD_REQUEST,
            )
        email = form.cleaned_data["email"]
    services.user_confirmation_resend(email=email, language=get_language())
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
        {"organisations": organisations, "lapse_months": Organisation.lapse_months()},
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
            services.organisation_update(
                organisation=organisation,
                data=profile,
                by=user,
                logo=logo,
                remove_logo=remove_logo,
                submit=submit,
            )
        except services.OrganisationStateError:
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
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_invite(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = member_organisation_or_404(request, slug)
    form = InvitationForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            invitation = services.invitation_send(
                organisation=organisation,
                email=form.cleaned_data["email"],
                by=cast(User, request.user),
                language=get_language(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Invitation sent to %(email)s. The link is valid for %(days)s days.")
                % {"email": invitation.email, "days": Invitation.VALID_FOR.days},
            )
            return redirect("directory:account")
    return render(
        request,
        "directory/organisation_invite.html",
        {
            "organisation": organisation,
            "form": form,
            "members": organisation.memberships.select_related("user").order_by("created_at"),
            "open_invitations": organisation.invitations.filter(
                accepted_at__isnull=True, created_at__gt=timezone.now() - Invitation.VALID_FOR
            ).order_by("email"),
        },
    )


@login_required
@require_POST
def confirm_profile(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Still accurate": the member vouches for the profile without editing it."""
    organisation = member_organisation_or_404(request, slug)
    services.organisation_confirm_current(organisation=organisation, by=cast(User, request.user))
    messages.success(
        request,
        _("Thank you: the profile of %(name)s is confirmed as current.")
        % {"name": organisation.name},
    )
    return _redirect_back(request, reverse("directory:account"))


@require_http_methods(["GET", "HEAD", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """Accept an invitation: with one click when logged in as the invited
    address, or by choosing a name and password when new to the portal."""
    found = Invitation.objects.select_related("organisation").filter(token=token).first()
    if found is None or not found.is_usable:
        reason = "invalid" if found is None else "used" if found.accepted_at else "expired"
        return render(
            request,
            "directory/invitation_invalid.html",
            {"reason": reason, "invitation": found, "valid_days": Invitation.VALID_FOR.days},
            status=HTTPStatus.NOT_FOUND if found is None else HTTPStatus.GONE,
        )
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
            services.invitation_accept(invitation=found, user=user)
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
        membership = services.invitation_accept(
            invitation=found,
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            password=form.cleaned_data["password1"],
        )
        login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
        return _joined(request, found)
    return render(
        request,
        "directory/invitation.html",
        {**context, "state": "create", "form": form, "form_list": [form]},
    )


def _joined(request: HttpRequest, invitation: Invitation) -> HttpResponse:
    messages.success(
        request,
        _("Welcome: you are now a member of %(name)s.") % {"name": invitation.organisation.name},
    )
    return redirect("directory:account")


@require_safe
def cluster(request: HttpRequest) -> HttpResponse:
    context = {
        "figures": figures.cluster_figures(),
        "refresh_minutes": figures.CACHE_SECONDS // 60,
        "lapse_months": Organisation.lapse_months(),
        "licence": exports.LICENCE,
    }
    return render(request, "directory/cluster.html", context)


@require_safe
def export(request: HttpRequest, fmt: str) -> StreamingHttpResponse:
    """The published organisations as open data, streamed row by row."""
    write, content_type = exports.FORMATS[fmt]
    response = StreamingHttpResponse(write(), content_type=content_type)
    response["Link"] = f'<{exports.LICENCE["url"]}>; rel="license"'
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=600"
    if fmt == "csv":
        response["Content-Disposition"] = 'attachment; filename="creative-cities-organisations.csv"'
    return response
