"""Public pages of the enquiries: the ask form, its confirmation, the private tracking page.

Budgets (asserted in tests): the form is drawn with at most 2 queries for an
anonymous visitor (sectors come from the cached reference data), the tracking
page with at most 3 and one read of its pause, and a submission writes the
enquiry and its queued acknowledgement (the task that mails the tracking link)
in one transaction; the rate-limit counters live in the `limits` cache.
"""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from contactpoint.forms import AskForm, RequesterReplyForm
from contactpoint.models import (
    Enquiry,
    EnquiryMessage,
    FundingCall,
    Guide,
    Premises,
    ReplyLink,
    Topic,
)
from contactpoint.services import enquiries as service
from contactpoint.services.guides import guides_suggested_for
from contactpoint.workdays import working_days_after
from creativecities.limits.ratelimit import RateLimited, limit, refuse_if_spent
from creativecities.links.signed import SignedLinkError, sign, unsign
from directory.models import Organisation, User
from directory.reference import reference

SENT_SALT = "contactpoint.enquiry-sent"
SENT_MAX_AGE = 3600
SUGGESTION_TEXT_MAX = 500
ID_DIGITS = 12
SUBJECT_MAX = 200


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
    for name, model in (("call", FundingCall), ("premises", Premises)):
        value = request.GET.get(name, "")
        if value.isascii() and value.isdigit() and len(value) <= ID_DIGITS:
            item = model.objects.published().filter(pk=int(value)).first()
            if item is not None:
                return {name: item}
    return {}


# The topic an enquiry about a call or premises is most likely on.
TOPIC_OF_ITEM = {"call": Topic.GRANTS, "premises": Topic.SETTLING}


def about_initial(request: HttpRequest, about: dict[str, Model]) -> dict[str, Any]:
    """What "Ask the desk about this" fills in: the topic of the item's kind,
    its first eligible sector and its title as the subject; `?topic=` and
    `?sector=<slug>` choose otherwise when they name a real topic or sector.
    Anything else in the query is ignored, never an error."""
    initial: dict[str, Any] = {}
    for kind, item in about.items():
        initial["topic"] = TOPIC_OF_ITEM[kind]
        initial["subject"] = str(item)[:SUBJECT_MAX]
        sector_id = item.sectors.order_by("order").values_list("pk", flat=True).first()  # type: ignore[attr-defined]
        if sector_id is not None:
            initial["sector"] = sector_id
    topic = request.GET.get("topic", "")
    if topic in Topic.values:
        initial["topic"] = topic
    sector = reference().sector_by_slug.get(request.GET.get("sector", ""))
    if sector is not None:
        initial["sector"] = sector.pk
    return initial


@require_http_methods(["GET", "HEAD", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    organisations = _member_organisations(request)
    about = about_item(request)
    data = request.POST if request.method == "POST" else None
    form = AskForm(
        data,
        sectors=reference().sectors,
        organisations=organisations,
        initial={**_member_initial(request, organisations), **about_initial(request, about)},
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
            enquiry = service.enquiry_submit(
                data=cleaned,
                sector_id=cleaned["sector"],
                organisation_id=cleaned.get("organisation"),
                about=about,
            )
            sent = sign(enquiry.reference, purpose=SENT_SALT)
            return redirect(f"{reverse('contactpoint:ask_sent')}?r={sent}")
    response = render(
        request,
        "contactpoint/enquiry_ask.html",
        {
            "form": form,
            "forms": [form],
            "about_kind": next(iter(about), ""),
            "about_item": next(iter(about.values()), None),
        },
    )
    return refusal.respond(response) if refusal else response


def sent_enquiry(signed: str) -> Enquiry:
    """The enquiry the confirmation's signed, hour-long value names, or 404:
    whoever does not hold the confirmation learns nothing of any enquiry."""
    try:
        reference_ = unsign(signed, purpose=SENT_SALT, max_age=SENT_MAX_AGE)
    except SignedLinkError:
        raise Http404 from None
    enquiry = (
        Enquiry.objects.filter(reference=reference_, anonymised_at__isnull=True)
        .only("reference", "subject", "message", "email", "topic", "created_at")
        .first()
    )
    if enquiry is None:
        raise Http404
    return enquiry


def render_sent(
    request: HttpRequest, enquiry: Enquiry, signed: str, *, error: str = ""
) -> HttpResponse:
    target = settings.DESK_SERVICE_TARGET_WORKING_DAYS
    return render(
        request,
        "contactpoint/enquiry_sent.html",
        {
            "enquiry": enquiry,
            "signed": signed,
            "error": error,
            "target_days": target,
            "answer_by": working_days_after(enquiry.created_at, target),
            "suggestions": suggestions_for(f"{enquiry.subject} {enquiry.message}"),
        },
    )


@require_safe
def ask_sent(request: HttpRequest) -> HttpResponse:
    """The confirmation: the reference, when to expect the answer, guides that
    may already answer, and a button to have the private link sent again.

    It is reached by a signed, hour-long link from the form, so a reload does
    not send the enquiry twice and nobody else can read which enquiry it was."""
    signed = request.GET.get("r", "")
    return render_sent(request, sent_enquiry(signed), signed)


@require_POST
def ask_sent_resend(request: HttpRequest) -> HttpResponse:
    """Send the private link again, from the confirmation only (its signed
    value comes with the button), within the shared limits: a few an hour for
    the address it goes to, more for the client's address."""
    signed = request.POST.get("r", "")
    enquiry = sent_enquiry(signed)
    try:
        limit(request, "enquiry_link_resend", recipient=enquiry.email)
    except RateLimited as refusal:
        return refusal.respond(render_sent(request, enquiry, signed, error=refusal.message))
    service.enquiry_link_resend(enquiry=enquiry)
    messages.success(
        request,
        _("We are sending the link again to %(email)s. It replaces the one sent before.")
        % {"email": enquiry.email},
    )
    return redirect(f"{reverse('contactpoint:ask_sent')}?r={signed}")


def suggestions_for(text: str) -> list[Guide]:
    """Guides whose text matches what the requester wrote."""
    return guides_suggested_for(text)


@require_safe
def ask_suggestions(request: HttpRequest) -> HttpResponse:
    """The suggestions as a fragment, for the ask page's script while one writes."""
    text = request.GET.get("q", "")[:SUGGESTION_TEXT_MAX].replace("\x00", "")
    response = render(
        request,
        "contactpoint/includes/guide_suggestions.html",
        {"suggestions": suggestions_for(text) if len(text.strip()) >= 3 else []},
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def conversation_of(enquiry: Enquiry) -> list[EnquiryMessage]:
    """What the requester reads, each reply with its links (`entry.items`):
    one query, and one more only when a reply links guides, calls or premises."""
    conversation = list(
        EnquiryMessage.objects.filter(enquiry_id=enquiry.pk)
        .public()
        .select_related("author")
        .only("kind", "text", "created_at", "has_links", "author__first_name", "author__last_name")
    )
    by_message: dict[int, list[ReplyLink]] = {}
    if any(entry.has_links for entry in conversation):
        links = ReplyLink.objects.filter(
            message__in=[entry for entry in conversation if entry.has_links]
        ).select_related("guide", "call", "premises")
        for link in links:
            by_message.setdefault(link.message_id, []).append(link)
    for entry in conversation:
        entry.items = by_message.get(entry.pk, [])  # type: ignore[attr-defined]
    return conversation


@require_http_methods(["GET", "HEAD", "POST"])
def track(request: HttpRequest, reference: str, token: str) -> HttpResponse:
    """The requester's private page: the conversation and a box to write again.

    An unknown reference and a wrong token both answer 404, and each counts
    against `enquiry_track` for the client's address. Once its failures are
    spent, every lookup from that address answers 429 until the window ends,
    the right token included: the token (43 random characters) is the only
    key, and a throttle that still said which guess was right would only slow
    the guessing down, not stop it."""
    try:
        refuse_if_spent(request, "enquiry_track")
        enquiry = service.enquiry_for_token(reference, token)
        if enquiry is None:
            limit(request, "enquiry_track")
            raise Http404
    except RateLimited as throttled:
        return throttled.respond(
            render(request, "rate_limited.html", {"message": track_paused_message(throttled)})
        )
    return conversation_page(request, enquiry)


def conversation_page(
    request: HttpRequest, enquiry: Enquiry, *, by: User | None = None
) -> HttpResponse:
    """The conversation and the box to write again, for whoever was let in:
    the requester by the token (`by` None) or a member of the organisation."""
    data = request.POST if request.method == "POST" else None
    form = RequesterReplyForm(data)
    refusal: RateLimited | None = None
    if data is not None and form.is_valid():
        try:
            limit(request, "enquiry_reply")
            service.enquiry_requester_reply(enquiry=enquiry, text=form.cleaned_data["text"], by=by)
        except RateLimited as error:
            refusal = error
            refusal.refuse(form)
        except service.EnquiryStateError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your message has been sent to the desk."))
            return redirect(request.path)
    conversation = conversation_of(enquiry)
    response = render(
        request,
        "contactpoint/enquiry_track.html",
        {"enquiry": enquiry, "conversation": conversation, "form": form, "forms": [form]},
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return refusal.respond(response) if refusal else response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def member_enquiry(request: HttpRequest, reference: str) -> HttpResponse:
    """An enquiry of one of the member's organisations, opened from the account
    page: its members read and write on it as the requester does with the link.

    Anyone else, the desk included, gets the 404 of an enquiry that does not
    exist: whether it does is nobody else's business."""
    user = cast(User, request.user)
    enquiry = get_object_or_404(Enquiry.objects.for_member(user), reference=reference)
    return conversation_page(request, enquiry, by=user)


def track_paused_message(throttled: RateLimited) -> str:
    """What someone with a real link reads when their address is paused."""
    return _(
        "Too many links that open no enquiry were tried from your connection, so "
        "for up to %(wait)s no enquiry opens from it, not even with the right link. "
        "Then open the link in the email we sent when you wrote to us, exactly as it "
        "is: click it, or copy the whole address. If you no longer have that email, "
        "write to the desk and give the reference of your enquiry."
    ) % {"wait": throttled.wait}


def account_enquiries(request: HttpRequest) -> tuple[str, dict[str, Any]] | None:
    """The account page's panel: the enquiries of the member's organisations."""
    if not request.user.is_authenticated:
        return None
    organisations = Organisation.objects.for_member(request.user)
    enquiries = list(Enquiry.objects.for_organisations(organisations)[:50])
    if not enquiries:
        return None
    return "contactpoint/account_enquiries.html", {"enquiries": enquiries}
