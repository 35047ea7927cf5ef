"""Following an action by email: ask, confirm, stop, and the mails a
publication sends to the people who confirmed."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from actionplan import published
from actionplan.following_tokens import confirm_token, unsubscribe_token
from actionplan.models import Action, Follower, PlanVersion
from creativecities.limits.locks import lock_for_transaction
from creativecities.mail.notifications import email_after_commit, site_link


def _links(follower: Follower, slug: str) -> dict[str, str]:
    language = follower.language
    return {
        "action_url": site_link(
            "actionplan:action",
            language=language,
            slug=slug,
            action_id=follower.action_id,
        ),
        "unsubscribe_url": site_link(
            "actionplan:follow_unsubscribe", language=language, token=unsubscribe_token(follower)
        ),
    }


@transaction.atomic
def follower_request(*, action: Action, email: str, language: str) -> Follower:
    """Ask to follow: the address gets a confirmation link, and nothing else
    until it is used. Asking again sends a new link; an address that already
    follows is sent nothing, so the page answers the same either way."""
    # Two requests for one address at once would both find no row and both
    # insert one; the second would meet the one-per-address constraint.
    lock_for_transaction(f"actionplan.follower:{action.pk}:{email.strip().lower()}")
    follower = Follower.objects.filter(action=action, email__iexact=email).first()
    if follower is None:
        follower = Follower.objects.create(action=action, email=email, language=language)
    elif follower.is_confirmed:
        return follower
    plan = action.theme.plan
    email_after_commit(
        to=[follower.email],
        template="actionplan/emails/follow_confirm",
        context={
            "action_title": action.title,
            "confirm_url": site_link(
                "actionplan:follow_confirm", language=language, token=confirm_token(follower)
            ),
            **_links(follower, plan.slug),
        },
        language=language,
    )
    return follower


def follower_confirm(*, follower: Follower) -> Follower:
    """The address is the asker's: from now on it is told of publications."""
    if follower.confirmed_at is None:
        follower.confirmed_at = timezone.now()
        follower.save(update_fields=["confirmed_at"])
    return follower


def follower_unsubscribe(*, follower: Follower) -> None:
    """Stop at once and keep nothing: the row, and the address with it, goes."""
    follower.delete()


def notify_followers_of_publication(version: PlanVersion) -> int:
    """Tell everyone following an action of the plan that a version is out,
    saying whether their action's status changed since the version before.

    Called by `plan_publish` once the publication has committed. Reads the two
    versions and the followers in three queries; each mail is an `OutgoingEmail`
    sent by the task queue. Returns how many mails were queued.
    """
    newer = published.read(version)
    previous = (
        PlanVersion.objects.filter(plan_id=version.plan_id, number__lt=version.number)
        .order_by("-number")
        .first()
    )
    older = published.read(previous) if previous is not None else None
    followers = Follower.objects.confirmed().filter(action__theme__plan_id=version.plan_id)
    sent = 0
    with transaction.atomic():
        for follower in followers.order_by("pk"):
            action = newer.action(follower.action_id)
            if action is None:
                continue  # not in the published plan (yet, or any more)
            before = older.action(follower.action_id) if older is not None else None
            status_changed = before is not None and before.status != action.status
            links = _links(follower, newer.slug)
            email_after_commit(
                to=[follower.email],
                template="actionplan/emails/follow_published",
                context={
                    "action_title": action.title,
                    "plan_title": newer.title.values.get(follower.language[:2]) or str(newer.title),
                    "number": newer.number,
                    "note": newer.note,
                    "status_changed": status_changed,
                    "old_status": before.status_label if before is not None else "",
                    "new_status": action.status_label,
                    **links,
                },
                language=follower.language,
                # RFC 8058 one-click: the mail client POSTs to the stop link itself.
                headers={
                    "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
            sent += 1
    return sent
