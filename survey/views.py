"""Answering the survey: open campaigns, one page per section, a summary to
check and submit, personal links and anonymous answers.

Who may open an answer set: a member of its organisation (any member, on any
login), or the browser session that started it from a personal link or
anonymously. Anyone else gets a 404, which says nothing about whether the
answer set exists.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from creativecities.limits.ratelimit import CeilingReached, RateLimited, ceiling, limit
from creativecities.workflow import TransitionError
from directory.models import Membership, Organisation
from directory.notifications import desk_tell_ceiling_reached
from survey import services
from survey.forms import OrganisationChoiceForm, PageForm
from survey.models import AnswerSet, Campaign, SurveyInvitation

SESSION_KEY = "survey_answer_sets"


def _granted(request: HttpRequest) -> list[int]:
    granted = request.session.get(SESSION_KEY, [])
    return [pk for pk in granted if isinstance(pk, int)]


def _grant(request: HttpRequest, answer_set: AnswerSet) -> None:
    """Let this browser session open the answer set (personal link, anonymous)."""
    granted = _granted(request)
    if answer_set.pk not in granted:
        request.session[SESSION_KEY] = [*granted, answer_set.pk]
        request.session.cycle_key()


def answer_set_or_404(request: HttpRequest, pk: int) -> AnswerSet:
    """The answer set if this person or session may open it, else 404."""
    answer_set: AnswerSet = get_object_or_404(
        AnswerSet.objects.select_related(
            "campaign", "organisation", "sector", "municipality", "invitation"
        ),
        pk=pk,
    )
    if pk in _granted(request):
        return answer_set
    if (
        request.user.is_authenticated
        and answer_set.organisation_id is not None
        and Membership.objects.filter(
            user=request.user, organisation_id=answer_set.organisation_id
        ).exists()
    ):
        return answer_set
    raise Http404


def _closed(request: HttpRequest, campaign: Campaign) -> HttpResponse:
    return render(
        request, "survey/closed.html", {"campaign": campaign}, status=HTTPStatus.FORBIDDEN
    )


def _resume_url(answer_set: AnswerSet) -> str:
    """Where to go back to: the summary once submitted, else the first page
    not yet saved."""
    if answer_set.is_submitted:
        return reverse("survey:summary", kwargs={"pk": answer_set.pk})
    return reverse(
        "survey:page", kwargs={"pk": answer_set.pk, "number": answer_set.current_page + 1}
    )


@require_safe
def campaign_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "survey/campaign_list.html",
        {
            "open_campaigns": Campaign.objects.open().order_by("closes_at"),
            "published": Campaign.objects.published_results().order_by("-closes_at"),
        },
    )


@require_safe
def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The campaign's introduction and the way in: for a member, each of
    their organisations with where its answers stand; otherwise logging in
    or, when the campaign allows it, answering without an account."""
    campaign: Campaign = get_object_or_404(Campaign, slug=slug)
    context: dict[str, Any] = {"campaign": campaign}
    if request.user.is_authenticated:
        organisations = (
            Organisation.objects.for_member(request.user)
            .order_by("name")
            .prefetch_related(
                Prefetch(
                    "survey_answer_sets",
                    queryset=AnswerSet.objects.filter(campaign=campaign),
                    to_attr="answer_sets_here",
                )
            )
        )
        context["organisations"] = organisations
        context["form"] = OrganisationChoiceForm(organisations=organisations)
    context["anonymous_drafts"] = AnswerSet.objects.filter(
        campaign=campaign, pk__in=_granted(request), organisation__isnull=True
    )
    return render(request, "survey/campaign_detail.html", context)


@require_POST
def campaign_start(request: HttpRequest, slug: str) -> HttpResponse:
    """Start or continue: for one of the member's organisations, or anonymously."""
    campaign: Campaign = get_object_or_404(Campaign, slug=slug)
    if not campaign.is_open:
        return _closed(request, campaign)
    if request.POST.get("anonymous"):
        return _start_anonymous(request, campaign)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('login')}?next={campaign.get_absolute_url()}")
    organisations = Organisation.objects.for_member(request.user)
    form = OrganisationChoiceForm(request.POST, organisations=organisations)
    if not form.is_valid():
        messages.error(request, _("Choose the organisation you answer for."))
        return redirect(campaign)
    try:
        answer_set = services.answer_set_for_organisation(
            campaign=campaign, organisation=form.cleaned_data["organisation"]
        )
    except services.CampaignClosed:
        return _closed(request, campaign)
    return redirect(_resume_url(answer_set))


def _start_anonymous(request: HttpRequest, campaign: Campaign) -> HttpResponse:
    if not campaign.accepts_anonymous:
        raise Http404
    try:
        limit(request, "survey_anonymous")
        ceiling(
            "survey_anonymous_ceiling",
            target=str(campaign.pk),
            reached=lambda refusal: _tell_desk(campaign, refusal),
        )
    except RateLimited as refusal:
        return refusal.respond(render(request, "rate_limited.html", {"message": refusal.message}))
    answer_set = services.answer_set_anonymous(campaign=campaign)
    _grant(request, answer_set)
    return redirect(_resume_url(answer_set))


def _tell_desk(campaign: Campaign, refusal: CeilingReached) -> None:
    """The desk hears once an hour that a campaign's anonymous answers reached their ceiling."""
    path = reverse("admin:survey_answerset_changelist")
    with translation.override(settings.LANGUAGE_CODE):  # the desk's language
        what = _("The survey “%(title)s”") % {"title": campaign}
    desk_tell_ceiling_reached(
        what=what,
        link=f"{settings.SITE_URL}{path}?campaign__id__exact={campaign.pk}&origin__exact=anonymous",
        count=refusal.rate.count,
        seconds=refusal.rate.seconds,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """A personal link: opening it shows the campaign; the button starts or
    continues the answers and lets this browser open them."""
    found = SurveyInvitation.objects.select_related("campaign", "organisation").by_token(token)
    if found is None:
        return render(request, "survey/invitation_invalid.html", status=HTTPStatus.NOT_FOUND)
    campaign = found.campaign
    if request.method == "POST":
        try:
            answer_set = services.answer_set_for_invitation(invitation=found)
        except services.CampaignClosed:
            return _closed(request, campaign)
        _grant(request, answer_set)
        return redirect(_resume_url(answer_set))
    return render(request, "survey/invitation.html", {"campaign": campaign, "invitation": found})


def _progress(number: int, total: int) -> dict[str, int]:
    return {"step": number, "steps": total, "percent": round(100 * (number - 1) / max(total, 1))}


@require_http_methods(["GET", "HEAD", "POST"])
def answer_page(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """One section of the questionnaire.

    "Next" checks the page and saves it; "Back" and "Save and finish later"
    save what is valid without requiring anything, so nothing typed is lost
    when going back, and leave.
    """
    answer_set = answer_set_or_404(request, pk)
    campaign = answer_set.campaign
    if not campaign.is_open:
        return _closed(request, campaign)
    if answer_set.is_submitted:
        return redirect("survey:summary", pk=answer_set.pk)
    questions = services.campaign_questions(campaign)
    values = services.stored_values(answer_set)
    page_list = services.pages(questions, values)
    if number > len(page_list):
        return redirect("survey:summary", pk=answer_set.pk)
    if number < 1:
        raise Http404
    page = page_list[number - 1]
    form = PageForm(
        request.POST if request.method == "POST" else None,
        questions=page.questions,
        stored=values,
    )
    if request.method == "POST":
        action = request.POST.get("action", "next")
        if action in ("back", "later"):
            form.is_valid()
            kept = _valid_part(form, values)
            services.answer_page_save(
                answer_set=answer_set, page=page, values=kept, page_number=number - 1
            )
            if action == "back":
                return redirect("survey:page", pk=answer_set.pk, number=max(number - 1, 1))
            messages.success(
                request, _("Your answers are saved. Come back to finish before the closing date.")
            )
            return redirect(campaign)
        if form.is_valid():
            answers = form.answers()
            services.answer_page_save(
                answer_set=answer_set, page=page, values=answers, page_number=number
            )
            # Later pages may have appeared or gone with this page's answers.
            remaining = services.pages(questions, {**values, **answers})
            if number >= len(remaining):
                return redirect("survey:summary", pk=answer_set.pk)
            return redirect("survey:page", pk=answer_set.pk, number=number + 1)
    return render(
        request,
        "survey/answer_page.html",
        {
            "campaign": campaign,
            "answer_set": answer_set,
            "page": page,
            "number": number,
            "form": form,
            "progress": _progress(number, len(page_list) + 1),
        },
        status=HTTPStatus.BAD_REQUEST if form.is_bound and form.errors else HTTPStatus.OK,
    )


def _valid_part(form: PageForm, stored: dict[int, Any]) -> dict[int, Any]:
    """What a page sent that can be kept: each valid field's value, and the
    stored answer for a field whose value is not valid."""
    kept: dict[int, Any] = {}
    cleaned = getattr(form, "cleaned_data", {})
    for question in form.questions:
        name = f"q{question.pk}"
        if name in form.errors and form.errors[name].as_data()[0].code != "required":
            kept[question.pk] = stored.get(question.pk)
        else:
            value = cleaned.get(name)
            kept[question.pk] = None if value in ("", [], None) else value
    return kept


@require_http_methods(["GET", "HEAD", "POST"])
def summary(request: HttpRequest, pk: int) -> HttpResponse:
    """Every answer, section by section, each with a link to change it; the
    Submit button; after submission, the way to change them again."""
    answer_set = answer_set_or_404(request, pk)
    campaign = answer_set.campaign
    questions = services.campaign_questions(campaign)
    values = services.stored_values(answer_set)
    page_list = services.pages(questions, values)
    problems: list[str] = []
    if request.method == "POST":
        if not campaign.is_open:
            return _closed(request, campaign)
        try:
            services.answer_set_submit(
                answer_set=answer_set,
                by=request.user if request.user.is_authenticated else None,
            )
        except ValidationError as error:
            problems = error.messages
        except TransitionError:
            # Submitted already (a second tab, a double click): nothing to do.
            return redirect("survey:summary", pk=answer_set.pk)
        else:
            messages.success(request, _("Thank you: your answers are submitted."))
            return redirect("survey:summary", pk=answer_set.pk)
    missing = {
        question.pk
        for question in services.missing_answers(
            [question for page in page_list for question in page.questions], values
        )
    }
    shown = [
        {
            "page": page,
            "number": index,
            "rows": [
                {
                    "question": question,
                    "answer": _readable(question, values.get(question.pk)),
                    "missing": question.pk in missing,
                }
                for question in page.questions
                if services.is_shown(question, values)
            ],
        }
        for index, page in enumerate(page_list, start=1)
    ]
    return render(
        request,
        "survey/summary.html",
        {
            "campaign": campaign,
            "answer_set": answer_set,
            "sections": shown,
            "problems": problems,
            "progress": _progress(len(page_list) + 1, len(page_list) + 1),
        },
        status=HTTPStatus.BAD_REQUEST if problems else HTTPStatus.OK,
    )


def _readable(question: Any, value: Any) -> str:
    """An answer as the summary writes it."""
    if services.is_empty(value):
        return ""
    if question.kind in ("single", "multiple"):
        ids = value if isinstance(value, list) else [value]
        labels = {choice.pk: choice.label for choice in question.choices.all()}
        return ", ".join(labels.get(choice_id, "?") for choice_id in ids)
    return str(value)


@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    """Make submitted answers a draft again, to change them before closing."""
    answer_set = answer_set_or_404(request, pk)
    try:
        services.answer_set_reopen(
            answer_set=answer_set,
            by=request.user if request.user.is_authenticated else None,
        )
    except services.CampaignClosed:
        return _closed(request, answer_set.campaign)
    except TransitionError:
        return redirect("survey:summary", pk=answer_set.pk)  # a draft already
    messages.info(
        request, _("You can change your answers now. Submit them again so that they count.")
    )
    return redirect("survey:summary", pk=answer_set.pk)
