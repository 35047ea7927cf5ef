"""Writes of the survey: starting, saving and submitting answers, copying a
campaign, inviting, and the guard that keeps answered questions intact."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from creativecities.mail.notifications import email_after_commit, site_link
from creativecities.workflow import Transition, Workflow
from directory.models import Organisation, User
from survey import schedule
from survey.models import (
    Answer,
    AnswerChoice,
    AnswerSet,
    Campaign,
    Choice,
    Question,
    Section,
    SurveyInvitation,
)

# What an answer holds once read: a choice id, a list of choice ids, an
# integer or a text; None when the question was not answered.
AnswerValue = int | list[int] | str | None


class CampaignClosed(Exception):
    """The campaign does not accept answers now (not yet open, or closed)."""


# Reading answers and conditions


def stored_values(answer_set: AnswerSet) -> dict[int, AnswerValue]:
    """Every stored answer of the set, by question id, in the value form the
    forms and conditions read (two queries)."""
    values: dict[int, AnswerValue] = {}
    answers = answer_set.answers.select_related("question").prefetch_related("ticked")
    for answer in answers:
        values[answer.question_id] = _value_of(answer)
    return values


def _value_of(answer: Answer) -> AnswerValue:
    kind = answer.question.kind
    if kind == Question.Kind.SINGLE:
        return answer.choice_id
    if kind == Question.Kind.MULTIPLE:
        return sorted(tick.choice_id for tick in answer.ticked.all())
    if kind in (Question.Kind.SCALE, Question.Kind.NUMBER):
        return answer.number
    return answer.text or None


def is_shown(question: Question, values: Mapping[int, AnswerValue]) -> bool:
    """Whether a question applies, given the answers so far: one without a
    condition always does; one with a condition when the earlier single
    choice was the named one."""
    if question.condition_id is None:
        return True
    condition = question.condition
    if condition is None:
        return True
    return values.get(condition.question_id) == condition.pk


def campaign_questions(campaign: Campaign) -> list[Question]:
    """The campaign's questions in order, with their section, condition and
    choices (three queries)."""
    return list(
        Question.objects.filter(section__campaign=campaign)
        .select_related("section", "condition")
        .prefetch_related("choices")
        .order_by("section__order", "section__pk", "order", "pk")
    )


@dataclass(frozen=True)
class Page:
    """A section as answering shows it, with the questions that apply."""

    section: Section
    questions: list[Question]


def pages(questions: Sequence[Question], values: Mapping[int, AnswerValue]) -> list[Page]:
    """The sections with at least one question that applies, in order.

    A question whose condition lies on the same page is kept: without
    JavaScript the page cannot hide it as the answer changes, so it is shown
    with its condition spelt out, and the form decides on what was sent.
    """
    result: list[Page] = []
    for question in questions:
        condition = question.condition
        same_page = condition is not None and _section_of(condition, questions) == question.section
        if not (same_page or is_shown(question, values)):
            continue
        if result and result[-1].section.pk == question.section_id:
            result[-1].questions.append(question)
        else:
            result.append(Page(section=question.section, questions=[question]))
    return result


def _section_of(choice: Choice, questions: Sequence[Question]) -> Section | None:
    for question in questions:
        if question.pk == choice.question_id:
            return question.section
    return None


def missing_answers(
    questions: Sequence[Question], values: Mapping[int, AnswerValue]
) -> list[Question]:
    """Required questions that apply and have no answer."""
    return [
        question
        for question in questions
        if question.required and is_shown(question, values) and is_empty(values.get(question.pk))
    ]


def is_empty(value: AnswerValue) -> bool:
    """No answer: nothing chosen, typed or ticked."""
    return value is None or value == "" or value == []


# Starting an answer set


def answer_set_for_organisation(
    *, campaign: Campaign, organisation: Organisation, origin: str = AnswerSet.Origin.MEMBER
) -> AnswerSet:
    """The organisation's answer set for the campaign, started if need be.

    Two members starting at the same moment get the same row: the insert of
    the second fails on `survey_answer_set_one_per_organisation` inside a
    savepoint, and the row the first one made is read instead.
    """
    _refuse_unless_open(campaign)
    existing = AnswerSet.objects.filter(campaign=campaign, organisation=organisation).first()
    if existing is not None:
        return existing
    answer_set = AnswerSet(campaign=campaign, organisation=organisation, origin=origin)
    answer_set.copy_profile()
    try:
        with transaction.atomic():
            answer_set.save()
    except IntegrityError:
        return AnswerSet.objects.get(campaign=campaign, organisation=organisation)
    return answer_set


def answer_set_for_invitation(*, invitation: SurveyInvitation) -> AnswerSet:
    """The answer set a personal link opens: the organisation's when the
    invitation names one of the directory, else one of its own."""
    campaign = invitation.campaign
    if invitation.organisation is not None:
        answer_set = answer_set_for_organisation(
            campaign=campaign,
            organisation=invitation.organisation,
            origin=AnswerSet.Origin.INVITATION,
        )
        if answer_set.invitation_id is None and not hasattr(invitation, "answer_set"):
            AnswerSet.objects.filter(pk=answer_set.pk, invitation__isnull=True).update(
                invitation=invitation
            )
        return answer_set
    _refuse_unless_open(campaign)
    try:
        with transaction.atomic():
            answer_set, _created = AnswerSet.objects.get_or_create(
                invitation=invitation,
                defaults={"campaign": campaign, "origin": AnswerSet.Origin.INVITATION},
            )
    except IntegrityError:
        answer_set = AnswerSet.objects.get(invitation=invitation)
    return answer_set


def answer_set_anonymous(*, campaign: Campaign) -> AnswerSet:
    """A new answer set with no organisation, for a campaign that accepts them."""
    _refuse_unless_open(campaign)
    if not campaign.accepts_anonymous:
        raise CampaignClosed
    return AnswerSet.objects.create(campaign=campaign, origin=AnswerSet.Origin.ANONYMOUS)


def _refuse_unless_open(campaign: Campaign) -> None:
    if not campaign.is_open:
        raise CampaignClosed


# Saving and submitting


@transaction.atomic
def answer_page_save(
    *, answer_set: AnswerSet, page: Page, values: Mapping[int, AnswerValue], page_number: int
) -> None:
    """Store the answers of one page (validated by its form) and remember
    where the respondent got to.

    Answers to questions of the page left empty are removed; answers to
    questions elsewhere are not touched, even if a changed answer here now
    hides them: the respondent may change it back, and submission discards
    what no longer applies.
    """
    locked = AnswerSet.objects.select_for_update().get(pk=answer_set.pk)
    _refuse_unless_open(answer_set.campaign)
    for question in page.questions:
        _store(locked, question, values.get(question.pk))
    locked.current_page = max(locked.current_page, page_number)
    locked.updated_at = timezone.now()
    locked.copy_profile()
    locked.save()
    answer_set.refresh_from_db()


def _store(answer_set: AnswerSet, question: Question, value: AnswerValue) -> None:
    if is_empty(value):
        Answer.objects.filter(answer_set=answer_set, question=question).delete()
        return
    answer, _created = Answer.objects.get_or_create(answer_set=answer_set, question=question)
    answer.choice_id = None
    answer.number = None
    answer.text = ""
    if question.kind == Question.Kind.SINGLE and isinstance(value, int):
        answer.choice_id = value
    elif question.kind in (Question.Kind.SCALE, Question.Kind.NUMBER) and isinstance(value, int):
        answer.number = value
    elif question.kind in (Question.Kind.SHORT_TEXT, Question.Kind.LONG_TEXT):
        answer.text = str(value)
    answer.save()
    if question.kind == Question.Kind.MULTIPLE and isinstance(value, list):
        answer.ticked.exclude(choice_id__in=value).delete()
        have = set(answer.ticked.values_list("choice_id", flat=True))
        AnswerChoice.objects.bulk_create(
            AnswerChoice(answer=answer, choice_id=choice_id)
            for choice_id in value
            if choice_id not in have
        )


def _respondent(user: User | None, answer_set: AnswerSet) -> bool:
    """Respondents submit and reopen on the survey's own pages, which decide
    whose answer set it is (a member of its organisation, a personal link, the
    session of an anonymous answer); the desk takes neither step for them, so
    the admin offers none (the steps name no permission)."""
    return True


def _submitted(answer_set: AnswerSet, *, by: User | None) -> list[str]:
    """Answers to questions that no longer apply are discarded, the
    organisation's profile is copied as it is now. Refuses an incomplete set
    (`ValidationError`) and a closed campaign (`CampaignClosed`)."""
    _refuse_unless_open(answer_set.campaign)
    questions = campaign_questions(answer_set.campaign)
    values = stored_values(answer_set)
    missing = missing_answers(questions, values)
    if missing:
        raise ValidationError(
            [
                ValidationError(
                    _("“%(question)s” needs an answer."), params={"question": question.text}
                )
                for question in missing
            ]
        )
    hidden = [question.pk for question in questions if not is_shown(question, values)]
    answer_set.answers.filter(question_id__in=hidden).delete()
    now = timezone.now()
    answer_set.submitted_at = now
    answer_set.updated_at = now
    answer_set.submitted_by = by
    answer_set.copy_profile()
    if answer_set.invitation_id is not None:
        SurveyInvitation.objects.filter(pk=answer_set.invitation_id, used_at__isnull=True).update(
            used_at=now
        )
    return ["submitted_at", "submitted_by", "sector", "kind", "size", "municipality"]


def _reopened(answer_set: AnswerSet, *, by: User | None) -> list[str]:
    _refuse_unless_open(answer_set.campaign)
    answer_set.updated_at = timezone.now()
    return []


ANSWER_SET_WORKFLOW: Workflow[AnswerSet] = Workflow(
    model=AnswerSet,
    transitions=[
        Transition(
            name="submit",
            source=frozenset({AnswerSet.Status.DRAFT}),
            target=AnswerSet.Status.SUBMITTED,
            allowed=_respondent,
            label=gettext_lazy("Submit"),
            done=gettext_lazy("Answer sets submitted: %(count)d."),
            refused=gettext_lazy("%(object)s is already submitted."),
            effect=_submitted,
        ),
        Transition(
            name="reopen",
            source=frozenset({AnswerSet.Status.SUBMITTED}),
            target=AnswerSet.Status.DRAFT,
            allowed=_respondent,
            label=gettext_lazy("Change the answers"),
            done=gettext_lazy("Answer sets reopened: %(count)d."),
            refused=gettext_lazy("%(object)s is a draft already."),
            effect=_reopened,
        ),
    ],
)


def answer_set_submit(*, answer_set: AnswerSet, by: User | None) -> AnswerSet:
    """Submit a complete answer set (see `_submitted`); `by` is the member
    who submits, None for a personal link or an anonymous answer.

    Raises `ValidationError` listing the required questions without an
    answer, `CampaignClosed` outside the campaign's dates, and
    `TransitionError` for a set submitted already.
    """
    by = by if by is not None and by.is_authenticated else None
    return ANSWER_SET_WORKFLOW.apply(answer_set, "submit", by=by)


def answer_set_reopen(*, answer_set: AnswerSet, by: User | None = None) -> AnswerSet:
    """Make a submitted answer set a draft again, to change it before the
    campaign closes; it counts again once submitted again."""
    by = by if by is not None and by.is_authenticated else None
    return ANSWER_SET_WORKFLOW.apply(answer_set, "reopen", by=by)


# Building campaigns


def campaign_is_locked(campaign: Campaign | None) -> bool:
    """Whether the campaign has answers (drafts included), so that its
    questions may only be added to or reworded."""
    return campaign is not None and not campaign._state.adding and campaign.answer_sets.exists()


@transaction.atomic
def campaign_copy(
    *,
    campaign: Campaign,
    slug: str,
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    title: Mapping[str, str] | None = None,
) -> Campaign:
    """A new campaign with the same sections, questions, choices and
    conditions, new dates, and no answers or invitations: next year's
    edition. `title` maps a language code to the new title (the old title
    is kept where it is not given)."""
    copy = Campaign.objects.get(pk=campaign.pk)
    copy.pk = None
    copy.slug = slug
    copy.opens_at = opens_at
    copy.closes_at = closes_at
    copy.results_status = Campaign.ResultsStatus.UNPUBLISHED
    copy.results_published_at = None
    copy.created_at = timezone.now()
    for language, text in (title or {}).items():
        setattr(copy, f"title_{language}", text)
    copy.full_clean()
    copy.save()
    new_choice: dict[int, Choice] = {}
    pending_conditions: list[tuple[Question, int]] = []
    for section in campaign.sections.prefetch_related("questions__choices").order_by("order", "pk"):
        old_section_id = section.pk
        section.pk = None
        section.campaign = copy
        section.save()
        for question in Question.objects.filter(section_id=old_section_id).prefetch_related(
            "choices"
        ):
            choices = list(question.choices.all())
            condition_id = question.condition_id
            question.pk = None
            question.section = section
            question.condition = None
            question.save()
            if condition_id is not None:
                pending_conditions.append((question, condition_id))
            for choice in choices:
                old_id = choice.pk
                choice.pk = None
                choice.question = question
                choice.save()
                new_choice[old_id] = choice
    for question, condition_id in pending_conditions:
        question.condition = new_choice[condition_id]
        question.save(update_fields=["condition"])
    schedule.refresh()
    return copy


# Invitations


@transaction.atomic
def survey_invitation_send(
    *,
    campaign: Campaign,
    email: str,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    by: User | None = None,
    language: str | None = None,
) -> SurveyInvitation:
    """Invite an organisation that has no member to answer through a
    personal link, and mail the link (after commit)."""
    invitation = SurveyInvitation(
        campaign=campaign,
        email=email,
        organisation=organisation,
        organisation_name=organisation_name,
        invited_by=by,
    )
    token = invitation.new_token()
    invitation.full_clean()
    invitation.save()
    _mail_invitation(invitation, token, language)
    return invitation


@transaction.atomic
def survey_invitation_resend(*, invitation: SurveyInvitation, language: str | None = None) -> None:
    """Mail a fresh link: the earlier one stops working."""
    token = invitation.new_token()
    invitation.save(update_fields=["token_hash"])
    _mail_invitation(invitation, token, language)


def _mail_invitation(invitation: SurveyInvitation, token: str, language: str | None) -> None:
    """The invitation's mail, its link in the mail's language (not the language
    of whoever sends it)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    context: dict[str, Any] = {
        "campaign_title": invitation.campaign.title,
        "organisation_name": invitation.respondent_name,
        "closes_at": invitation.campaign.closes_at,
        "link": site_link("survey:invitation", language=language, token=token),
    }
    email_after_commit(
        to=[invitation.email],
        template="survey/emails/invitation",
        context=context,
        language=language,
    )
