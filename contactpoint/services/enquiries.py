"""The desk's enquiries: submitted, assigned, answered, closed, reopened, anonymised.

new ─assign→ assigned ─answer→ answered ─close→ closed
 │                                  │          │
 └──────answer / close──────────────┘  reopen (the requester writes again):
                                       to assigned if someone holds it, else new

The workflow is declared once, in `ENQUIRY_WORKFLOW`, on the portal's one
mechanism (`creativecities.workflow`); each step has one function below, which is
what views, the admin, commands and tests call.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contactpoint.models import Enquiry, EnquiryMessage, FundingCall, Guide, Premises, ReplyLink
from creativecities.links.hashed import new_token, token_digest
from creativecities.mail.notifications import email_after_commit
from creativecities.mail.tasks import enqueue_with_transaction
from creativecities.subscriptions.digests import Digest
from creativecities.workflow import Transition, TransitionError, Workflow, has_permission
from directory.models import User

HANDLE = "contactpoint.handle_enquiry"
Status = Enquiry.Status

# What a reference and a token look like; anything else is not looked up.
REFERENCE_SHAPE = re.compile(r"[A-Z]{2}-\d{4}-\d{6,12}")
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,100}")

# The name callers know a refused step by.
EnquiryStateError = TransitionError

# What the requester fills in, as the form's cleaned data names it.
SUBMITTED_FIELDS = (
    "topic",
    "subject",
    "message",
    "name",
    "email",
    "phone",
    "language",
)


def tracking_path(enquiry: Enquiry, token: str) -> str:
    with translation.override(enquiry.language):
        return reverse(
            "contactpoint:track", kwargs={"reference": enquiry.reference, "token": token}
        )


def tracking_url(enquiry: Enquiry, token: str) -> str:
    return f"{settings.SITE_URL}{tracking_path(enquiry, token)}"


def admin_url(enquiry: Enquiry) -> str:
    path = reverse("admin:contactpoint_enquiry_change", args=[enquiry.pk])
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def enquiry_submit(
    *,
    data: dict[str, Any],
    sector_id: int,
    organisation_id: int | None = None,
    about: dict[str, Model] | None = None,
) -> Enquiry:
    """Save an enquiry and queue its acknowledgement, in one transaction.

    That is all the request does: the task queue then gives the enquiry its
    tracking token and mails the link (`enquiry_acknowledge`), so a mail server
    that is down or slow loses nothing and delays no one, and the token exists
    in clear only in that mail. `about` ties the enquiry to the call or premises
    it asks about (`{"call": call}`).
    """
    from contactpoint.tasks import enquiry_acknowledgement_send  # the task calls back here

    now = timezone.now()
    enquiry = Enquiry(  # the reference is the database's (`NextReference`)
        sector_id=sector_id,
        organisation_id=organisation_id,
        privacy_consent_at=now,
        privacy_policy_version=settings.PRIVACY_POLICY_VERSION,
        token_hash="",  # given by the acknowledgement
        created_at=now,
        **{name: data.get(name) or "" for name in SUBMITTED_FIELDS},
        **(about or {}),
    )
    # The form checked the choices; the database checks the keys and the
    # reference's uniqueness, without a query each here.
    enquiry.full_clean(
        exclude=["sector", "organisation", "assignee", "token_hash", *(about or {})],
        validate_unique=False,
        validate_constraints=False,
    )
    enquiry.save(force_insert=True)
    enqueue_with_transaction(enquiry_acknowledgement_send, enquiry_id=enquiry.pk)
    return enquiry


def enquiry_acknowledge(*, enquiry_id: int, again: bool = False) -> str | None:
    """Give a submitted enquiry its tracking token and mail the requester the
    private link, once: returns the token, or None when the enquiry already has
    one (a task run twice) or is gone or anonymised.

    `again` (the requester asked for the link again) draws a new token even if
    the enquiry has one: only the token's hash is kept, so the link can only be
    sent again as a new one, which replaces the one mailed before.

    The token is drawn, its hash stored and the mail recorded in one transaction
    with the enquiry's row locked, so two runs cannot both send a link; the mail
    itself is sent by `email_deliver` after the commit, retried if the mail
    server fails."""
    with transaction.atomic():
        enquiries = Enquiry.objects.select_for_update().filter(
            pk=enquiry_id, anonymised_at__isnull=True
        )
        enquiry = (enquiries if again else enquiries.filter(token_hash="")).first()
        if enquiry is None:
            return None
        # Asked again before the first mail went: this is the first mail.
        again = again and bool(enquiry.token_hash)
        token, enquiry.token_hash = new_token()
        enquiry.save(update_fields=["token_hash"])
        email_after_commit(
            to=[enquiry.email],
            template="contactpoint/emails/enquiry_received",
            context={
                "enquiry": enquiry,
                "tracking_url": tracking_url(enquiry, token),
                "again": again,
            },
            language=enquiry.language,
        )
    return token


def enquiry_link_resend(*, enquiry: Enquiry) -> None:
    """Queue the tracking link's mail again, for a requester who has not found
    it: through the task queue and the mail log, as the first one. An enquiry
    whose first acknowledgement is still waiting gets one mail all the same."""
    from contactpoint.tasks import enquiry_link_resend_send  # the task calls back here

    enqueue_with_transaction(enquiry_link_resend_send, enquiry_id=enquiry.pk)


def enquiry_for_token(reference: str, token: str) -> Enquiry | None:
    """The enquiry that `reference` names if `token` is its own, else None.

    The same answer for an unknown reference and a wrong token, and the token
    compared in constant time, so neither a guessed reference nor timing tells
    which enquiries exist."""
    if not (REFERENCE_SHAPE.fullmatch(reference) and TOKEN_SHAPE.fullmatch(token)):
        return None
    try:
        enquiry = Enquiry.objects.for_tracking().get(reference=reference)
    except Enquiry.DoesNotExist:
        token_digest(token)  # the same work as a real comparison
        return None
    return enquiry if enquiry.token_matches(token) else None


# The steps.


def _clean_assign(*, to: User, **ignored: Any) -> dict[str, Any]:
    if not (to.is_active and to.is_staff and to.has_perm(HANDLE)):
        raise ValidationError({"to": _("%(person)s does not work at the desk.") % {"person": to}})
    return {"to": to}


def _assigned(enquiry: Enquiry, *, by: User | None, to: User) -> list[str]:
    enquiry.assignee = to
    if by is not None and to != by:
        email_after_commit(
            to=[to.email],
            template="contactpoint/emails/enquiry_assigned",
            context={"enquiry": enquiry, "by": by, "admin_url": admin_url(enquiry)},
            language=settings.LANGUAGE_CODE,
        )
    return ["assignee"]


def _clean_text(
    *,
    text: str,
    guides: Iterable[Guide] = (),
    calls: Iterable[FundingCall] = (),
    premises: Iterable[Premises] = (),
    **ignored: Any,
) -> dict[str, Any]:
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the reply.")})
    return {"text": text, "guides": list(guides), "calls": list(calls), "premises": list(premises)}


def _answered(
    enquiry: Enquiry,
    *,
    by: User | None,
    text: str,
    guides: list[Guide],
    calls: list[FundingCall],
    premises: list[Premises],
) -> list[str]:
    """The reply (and the guides, calls and premises it points to) is kept and
    mailed to the requester in their language; the first answer starts the
    clock the figures read, and whoever answers an unassigned enquiry holds it."""
    links = [
        *(ReplyLink(guide=guide) for guide in guides),
        *(ReplyLink(call=call) for call in calls),
        *(ReplyLink(premises=item) for item in premises),
    ]
    message = EnquiryMessage.objects.create(
        enquiry=enquiry, kind=EnquiryMessage.Kind.REPLY, text=text, author=by, has_links=bool(links)
    )
    for link in links:
        link.message = message
    ReplyLink.objects.bulk_create(links)
    changed = []
    if enquiry.first_answered_at is None:
        enquiry.first_answered_at = timezone.now()
        changed.append("first_answered_at")
    if enquiry.assignee_id is None and by is not None:
        enquiry.assignee = by
        changed.append("assignee")
    if enquiry.email:  # empty once its requester deleted their account
        email_after_commit(
            to=[enquiry.email],
            template="contactpoint/emails/enquiry_replied",
            context={"enquiry": enquiry, "text": text, "items": [link.item for link in links]},
            language=enquiry.language,
        )
    return changed


def _closed(enquiry: Enquiry, *, by: User | None) -> list[str]:
    enquiry.closed_at = timezone.now()
    return ["closed_at"]


def _reopen_target(enquiry: Enquiry) -> str:
    return Status.ASSIGNED if enquiry.assignee_id else Status.NEW


def _reopened(enquiry: Enquiry, *, by: User | None) -> list[str]:
    enquiry.closed_at = None
    return ["closed_at"]


def _requester(user: User | None, enquiry: Enquiry) -> bool:
    """The requester acts through the tracking link, not an account: the
    service is called with `by=None` once the token has been checked."""
    return False


OPEN = frozenset({Status.NEW, Status.ASSIGNED, Status.ANSWERED})

ENQUIRY_WORKFLOW: Workflow[Enquiry] = Workflow(
    model=Enquiry,
    transitions=[
        Transition(
            name="assign",
            source=frozenset({Status.NEW, Status.ASSIGNED}),
            target=Status.ASSIGNED,
            allowed=has_permission(HANDLE),
            label=gettext_lazy("Assign"),
            done=gettext_lazy("Enquiries assigned: %(count)d."),
            refused=gettext_lazy(
                "%(object)s is “%(status)s”: only new or assigned enquiries can be assigned."
            ),
            effect=_assigned,
            clean=_clean_assign,
            description=gettext_lazy("The person it is assigned to is told by email."),
        ),
        Transition(
            name="answer",
            source=OPEN,
            target=Status.ANSWERED,
            allowed=has_permission(HANDLE),
            label=gettext_lazy("Reply"),
            done=gettext_lazy("Replies sent: %(count)d."),
            refused=gettext_lazy(
                "%(object)s is “%(status)s”: a closed enquiry cannot be answered; "
                "it reopens when the requester writes again."
            ),
            effect=_answered,
            clean=_clean_text,
            description=gettext_lazy("The requester receives the reply by email."),
        ),
        Transition(
            name="close",
            source=OPEN,
            target=Status.CLOSED,
            allowed=has_permission(HANDLE),
            label=gettext_lazy("Close"),
            done=gettext_lazy("Enquiries closed: %(count)d."),
            refused=gettext_lazy("%(object)s is already closed."),
            effect=_closed,
            description=gettext_lazy("It reopens if the requester writes again."),
        ),
        Transition(
            name="reopen",
            source=frozenset({Status.ANSWERED, Status.CLOSED}),
            target=_reopen_target,
            allowed=_requester,
            label=gettext_lazy("Reopen"),
            done=gettext_lazy("Enquiries reopened: %(count)d."),
            refused=gettext_lazy(
                "%(object)s is “%(status)s”: only answered or closed enquiries can be reopened."
            ),
            effect=_reopened,
            description=gettext_lazy("The requester wrote again."),
        ),
        Transition(
            name="reopen_by_desk",
            source=frozenset({Status.CLOSED}),
            target=_reopen_target,
            allowed=has_permission(HANDLE),
            label=gettext_lazy("Reopen"),
            done=gettext_lazy("Enquiries reopened: %(count)d."),
            refused=gettext_lazy(
                "%(object)s is “%(status)s”: only closed enquiries can be reopened."
            ),
            effect=_reopened,
            description=gettext_lazy(
                "Back in the inbox, to its holder if it has one; the requester is not mailed."
            ),
        ),
    ],
)


def enquiry_assign(*, enquiry: Enquiry, to: User, by: User) -> Enquiry:
    """Give an enquiry to someone at the desk (`to=by`: "assign to me")."""
    return ENQUIRY_WORKFLOW.apply(enquiry, "assign", by=by, to=to)


def enquiry_answer(
    *,
    enquiry: Enquiry,
    text: str,
    by: User,
    guides: Iterable[Guide] = (),
    calls: Iterable[FundingCall] = (),
    premises: Iterable[Premises] = (),
) -> Enquiry:
    """Reply to the requester: kept in the conversation and mailed."""
    return ENQUIRY_WORKFLOW.apply(
        enquiry, "answer", by=by, text=text, guides=guides, calls=calls, premises=premises
    )


def enquiry_close(*, enquiry: Enquiry, by: User | None) -> Enquiry:
    return ENQUIRY_WORKFLOW.apply(enquiry, "close", by=by)


def enquiry_reopen_by_desk(*, enquiry: Enquiry, by: User) -> Enquiry:
    """Staff take a closed enquiry back (closed too early, or more to say)."""
    return ENQUIRY_WORKFLOW.apply(enquiry, "reopen_by_desk", by=by)


def enquiry_reopen(*, enquiry: Enquiry) -> Enquiry:
    """The requester wrote again on an answered or closed enquiry."""
    return ENQUIRY_WORKFLOW.apply(enquiry, "reopen", by=None)


# The requester's follow-ups reach the desk at most once in this time per enquiry.
FOLLOWUPS_WINDOW = datetime.timedelta(hours=1)


@transaction.atomic
def enquiry_requester_reply(
    *, enquiry: Enquiry, text: str, by: User | None = None
) -> EnquiryMessage:
    """Add the requester's message (they proved it is theirs with the token, or
    `by` is a member of the enquiry's organisation, who writes in its name);
    an answered or closed enquiry goes back to the desk, whose holder (or the
    desk's address) is told.

    Told at most once an hour per enquiry: the first follow-up after a quiet
    hour is mailed at once; later ones within the hour are stored and shown as
    usual, and one digest listing them all is sent when the hour is over
    (`enquiry_followups_digest`). Replies to one enquiry take turns on its row.
    """
    if enquiry.is_anonymised:
        raise EnquiryStateError(_("This enquiry has been closed for good."))
    told = (
        Enquiry.objects.select_for_update()
        .values("followups_told_at", "followups_digest_due_at")
        .get(pk=enquiry.pk)
    )
    message = EnquiryMessage.objects.create(
        enquiry=enquiry, kind=EnquiryMessage.Kind.REQUESTER, text=text.strip(), author=by
    )
    if enquiry.status in (Status.ANSWERED, Status.CLOSED):
        enquiry_reopen(enquiry=enquiry)
    else:
        Enquiry.objects.filter(pk=enquiry.pk).update(updated_at=timezone.now())
    told_at = told["followups_told_at"]
    if told_at is None or message.created_at >= told_at + FOLLOWUPS_WINDOW:
        # A quiet hour: tell the desk now, of this one and of any left waiting.
        waiting = _followups(enquiry, since=told_at) if told_at else [message]
        _mail_followups(enquiry, waiting)
        Enquiry.objects.filter(pk=enquiry.pk).update(
            followups_told_at=message.created_at, followups_digest_due_at=None
        )
    elif told["followups_digest_due_at"] is None:
        due = told_at + FOLLOWUPS_WINDOW
        Enquiry.objects.filter(pk=enquiry.pk).update(followups_digest_due_at=due)
        _schedule_followups_digest(enquiry.pk, due)
    return message


def _followups(enquiry: Enquiry, *, since: Any) -> list[EnquiryMessage]:
    """The requester's messages written after `since`, oldest first."""
    return list(
        enquiry.messages.filter(kind=EnquiryMessage.Kind.REQUESTER, created_at__gt=since).order_by(
            "created_at", "pk"
        )
    )


def _mail_followups(enquiry: Enquiry, followups: list[EnquiryMessage]) -> None:
    """One mail to whoever holds the enquiry (or the desk's address), listing `followups`."""
    recipient = enquiry.assignee.email if enquiry.assignee else settings.DESK_EMAIL
    email_after_commit(
        to=[recipient] if recipient else [],
        template="contactpoint/emails/enquiry_requester_replied",
        context={"enquiry": enquiry, "followups": followups, "admin_url": admin_url(enquiry)},
        language=settings.LANGUAGE_CODE,
    )


def _schedule_followups_digest(enquiry_id: int, due: datetime.datetime) -> None:
    """Queue the digest for when it is due, on a queue that can wait (the
    database queue of production and `make run`). Elsewhere nothing would run
    it on time: `manage.py send_digests` queues the digests that are due,
    and the enquiry's next follow-up after the hour carries the waiting ones."""
    from contactpoint.tasks import enquiry_followups_digest_send  # which calls back here

    if enquiry_followups_digest_send.get_backend().supports_defer:
        enqueue_with_transaction(
            enquiry_followups_digest_send, run_after=due, enquiry_id=enquiry_id
        )


def enquiry_followups_digest(*, enquiry_id: int, now: datetime.datetime | None = None) -> bool:
    """Send the digest of an enquiry's follow-ups if it is due: one mail listing
    the requester's messages the desk has not been told of. True if sent.

    Decided under the enquiry's row lock and cleared in the same transaction, so
    a task run twice, or beside the command, sends one mail."""
    now = now or timezone.now()
    with transaction.atomic():
        enquiry = (
            Enquiry.objects.select_for_update(of=("self",))
            .select_related("assignee")
            .filter(
                pk=enquiry_id,
                followups_digest_due_at__lte=now,
                anonymised_at__isnull=True,
            )
            .first()
        )
        if enquiry is None:
            return False
        followups = _followups(enquiry, since=enquiry.followups_told_at)
        if followups:
            _mail_followups(enquiry, followups)
        Enquiry.objects.filter(pk=enquiry.pk).update(
            followups_told_at=now, followups_digest_due_at=None
        )
    return bool(followups)


def enquiry_followups_due(now: datetime.datetime) -> Iterable[int]:
    """The enquiries whose follow-ups' digest is due (those a queue that
    cannot wait did not send on time)."""
    return (
        Enquiry.objects.filter(followups_digest_due_at__lte=now)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


FOLLOWUPS_DIGEST = Digest(
    name="enquiry_followups",
    due=enquiry_followups_due,
    send=lambda enquiry_id: enquiry_followups_digest(enquiry_id=enquiry_id),
)


def enquiry_note(*, enquiry: Enquiry, text: str, by: User) -> EnquiryMessage:
    """An internal note: for the desk only, never shown to the requester."""
    if not by.has_perm(HANDLE):
        raise PermissionDenied(f"{by} may not write notes on enquiries.")
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the note.")})
    return EnquiryMessage.objects.create(
        enquiry=enquiry, kind=EnquiryMessage.Kind.NOTE, text=text, author=by
    )


@transaction.atomic
def enquiries_anonymise(*, now: Any = None) -> int:
    """Wipe the personal data of closed enquiries past the keeping period
    (`DESK_ANONYMISE_AFTER_MONTHS`): who wrote, how to reach them, what they
    and the desk wrote, their organisation. Kept: the reference, topic, sector,
    language, status and dates, which the figures count. Returns how many."""
    due = Enquiry.objects.due_anonymising(now).select_for_update()
    ids = list(due.values_list("pk", flat=True))
    if not ids:
        return 0
    EnquiryMessage.objects.filter(enquiry_id__in=ids).update(text="")
    Enquiry.objects.filter(pk__in=ids).update(
        name="",
        email="",
        phone="",
        subject="",
        message="",
        organisation=None,
        token_hash="",
        anonymised_at=timezone.now(),
    )
    return len(ids)
