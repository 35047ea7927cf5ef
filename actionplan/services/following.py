"""Following an action by email: the plan's kind of subscription
(`creativecities.subscriptions`: ask, confirm, stop are the shared flow), and
the mails a publication sends to the people who confirmed."""

from __future__ import annotations

from typing import Any, cast

from django.db import transaction
from django.utils.translation import gettext_lazy

from actionplan import published
from actionplan.models import Action, Follower, PlanVersion
from creativecities.links.signed import SignedLinkError, unsign
from creativecities.mail.notifications import site_link
from creativecities.subscriptions import services as subscriptions
from creativecities.subscriptions.kinds import SubscriptionKind

# The salts of the links mailed before the shared flow: they keep working.
LEGACY_SALTS = {"confirm": "actionplan.follow-confirm", "stop": "actionplan.follow-unsubscribe"}


def read_legacy_link(purpose: str, token: str) -> Follower | None:
    """The follower a link of the earlier shape (`{"f": id, "e": address}`) names."""
    max_age = subscriptions.CONFIRM_MAX_AGE if purpose == "confirm" else None
    try:
        data = unsign(token, purpose=LEGACY_SALTS[purpose], max_age=max_age)
    except (SignedLinkError, KeyError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("f"), int):
        return None
    follower = Follower.objects.filter(pk=data["f"]).first()
    if follower is None or follower.email.casefold() != data.get("e"):
        return None
    return follower


FOLLOWING = SubscriptionKind(
    name=Follower.kind,
    model=Follower,
    pages="actionplan/following",
    confirm_mail="actionplan/emails/follow_confirm",
    start_url="actionplan:plans",
    start_label=gettext_lazy("The published plans"),
    scope=("action",),
    read_legacy=read_legacy_link,
)


def _action_url(follower: Follower, slug: str) -> str:
    return site_link(
        "actionplan:action", language=follower.language, slug=slug, action_id=follower.action_id
    )


def follower_request(*, action: Action, email: str, language: str) -> Follower:
    """Ask to follow: the address gets a confirmation link, and nothing else
    until it is used. Asking again sends a new link; an address that already
    follows is sent nothing, so the page answers the same either way."""
    slug = action.theme.plan.slug

    def context(row: Any) -> dict[str, Any]:
        return {"action_title": action.title, "action_url": _action_url(row, slug)}

    follower = subscriptions.subscribe(
        FOLLOWING, email=email, language=language, values={"action": action}, context=context
    )
    return cast(Follower, follower)


def notify_followers_of_publication(version: PlanVersion) -> int:
    """Tell everyone following an action of the plan that a version is out,
    saying whether their action's status changed since the version before.

    Called by `plan_publish` once the publication has committed. Reads the two
    versions and the followers in three queries; each mail is an `OutgoingEmail`
    sent by the task queue. Returns how many mails were queued (an address
    over its subscription mail limits is skipped).
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
            sent += subscriptions.subscription_mail(
                follower,
                template="actionplan/emails/follow_published",
                context={
                    "action_title": action.title,
                    "plan_title": newer.title.values.get(follower.language[:2]) or str(newer.title),
                    "number": newer.number,
                    "note": newer.note,
                    "status_changed": status_changed,
                    "old_status": before.status_label if before is not None else "",
                    "new_status": action.status_label,
                    "action_url": _action_url(follower, newer.slug),
                },
            )
    return sent
