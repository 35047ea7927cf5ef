"""Public pages of the enquiries: the ask form, its confirmation, the private tracking page.

Budgets (asserted in tests): the form is drawn with at most 2 queries for an
anonymous visitor (sectors come from the cached reference data), the tracking
page with at most 3, and a submission writes the enquiry and its queued mail in
one transaction; the rate-limit counters live in the `limits` cache.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core import signing
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from contactpoint.forms import AskForm, RequesterReplyForm
from contactpoint.models import Enquiry, EnquiryMessage
from contactpoint.services import enquiries as service
from directory.models import Organisation
from directory.ratelimit import RateLimited, limit
from directory.reference import reference

SENT_SALT = "contactpoint.enquiry-sent"
SENT_MAX_AGE = 3600
SUGGESTION_TEXT_MAX = 500


def _member_organisations(request: HttpRequest) -> list[tuple[int, str]]:
    if not request.user.is_authenticated:
        return []
    return list(
        Organisation.objects.for_member(request.user).order_by("name").values_list("pk", "name")
    )


def _member_initial(request: HttpRequest, organisations: list[tuple[int, str]]) -> dict[str, Any]:
    if not request.user.is_authenticated:
        return {}
    user = request.user
    initial: dict[str, Any] = {
        "name": f"{user.first_name} {user.last_name}".strip(),
        "email": user.email,
    }
    if len(organisations) == 1:
        initial["organisation"] = organisations[0][0]
    return initial


def about_item(request: HttpRequest) -> dict[str, Model]:
    """The call or premises the enquiry is about (`?call=<pk>`, `?premises=<pk>`),
    or nothing. A link to an item that is not public is ignored, not an error."""
    return {}


@require_http_methods(["GET", "HEAD", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    organisations = _member_organisations(request)
    about = about_item(request)
    data = request.POST if request.method == "POST" else None
    form = AskForm(
        data,
        sectors=reference().sectors,
        organisations=organisations,
        initial=_member_initial(request, organisations),
    )
    refusal: RateLimited | None = None
    if data is not None and form.is_valid():
        cleaned = form.cleaned_data
        try:
            # Outside the transaction of the write: a refused request still counts.
            limit(request, "enquiry_submit", recipient=cleaned["email"])
        except RateLimited as error:
            refusal = error
            refusal.refuse(form)
        else:
            submitted = service.enquiry_submit(
                data=cleaned,
                sector_id=cleaned["sector"],
                organisation_id=cleaned.get("organisation"),
                about=about,
            )
            sent = signing.dumps(submitted.enquiry.reference, salt=SENT_SALT)
            return redirect(f"{reverse('contactpoint:ask_sent')}?r={sent}")
    response = render(
        request,
        "contactpoint/enquiry_ask.html",
        {"form": form, "forms": [form], "about_item": next(iter(about.values()), None)},
    )
    return refusal.respond(response) if refusal else response


@require_safe
def ask_sent(request: HttpRequest) -> HttpResponse:
    """The confirmation: the reference and guides that may already answer.

    It is reached by a signed, hour-long link from the form, so a reload does
    not send the enquiry twice and nobody else can read which enquiry it was."""
    try:
        reference_ = signing.loads(request.GET.get("r", ""), salt=SENT_SALT, max_age=SENT_MAX_AGE)
    except signing.BadSignature:
        raise Http404 from None
    enquiry = (
        Enquiry.objects.filter(reference=reference_)
        .only("reference", "subject", "message", "email", "topic")
        .first()
    )
    if enquiry is None:
        raise Http404
    return render(
        request,
        "contactpoint/enquiry_sent.html",
        {
            "enquiry": enquiry,
            "suggestions": suggestions_for(f"{enquiry.subject} {enquiry.message}"),
        },
    )


def suggestions_for(text: str) -> list[Any]:
    """Guides whose text matches what the requester wrote."""
    return []


@require_safe
def ask_suggestions(request: HttpRequest) -> HttpResponse:
    """The suggestions as a fragment, for the ask page's script while one writes."""
    text = request.GET.get("q", "")[:SUGGESTION_TEXT_MAX]
    response = render(
        request,
        "contactpoint/includes/guide_suggestions.html",
        {"suggestions": suggestions_for(text) if len(text.strip()) >= 3 else []},
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def track(request: HttpRequest, reference: str, token: str) -> HttpResponse:
    """The requester's private page: the conversation and a box to write again.

    An unknown reference and a wrong token both answer 404, and too many of
    them from one address answer 429: the token (43 random characters) is the
    only key, and guessing it is made slow as well as hopeless."""
    enquiry = service.enquiry_for_token(reference, token)
    if enquiry is None:
        try:
            limit(request, "enquiry_track")
        except RateLimited as throttled:
            return throttled.respond(
                render(request, "rate_limited.html", {"message": throttled.message})
            )
        raise Http404
    data = request.POST if request.method == "POST" else None
    form = RequesterReplyForm(data)
    refusal: RateLimited | None = None
    if data is not None and form.is_valid():
        try:
            limit(request, "enquiry_reply")
            service.enquiry_requester_reply(enquiry=enquiry, text=form.cleaned_data["text"])
        except RateLimited as error:
            refusal = error
            refusal.refuse(form)
        except service.EnquiryStateError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your message has been sent to the desk."))
            return redirect(request.path)
    conversation = list(EnquiryMessage.objects.filter(enquiry=enquiry).public())
    response = render(
        request,
        "contactpoint/enquiry_track.html",
        {"enquiry": enquiry, "conversation": conversation, "form": form, "forms": [form]},
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return refusal.respond(response) if refusal else response
