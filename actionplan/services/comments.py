"""Comments on actions: partners' (shown at once, mailed to the people of the
action; internal to the workspace unless published to the consultation) and the
public's during an open consultation (moderated first)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actionplan.models import WORKING_LANGUAGE, Action, Comment, PartnerMember, Plan
from actionplan.permissions import can_comment, can_manage_plan
from creativecities.mail.notifications import email_after_commit, site_link
from directory.models import User

# Partner teams work together in English, the project's common language.
PARTNER_LANGUAGE = WORKING_LANGUAGE


def involved_recipients(action: Action, *, author: User | None) -> list[str]:
    """Editors of the action's lead and involved partners, but not the author."""
    partners = [action.lead_partner_id, *action.partners.values_list("pk", flat=True)]
    members = PartnerMember.objects.editors_of(partners)
    if author is not None:
        members = members.exclude(user=author)
    return sorted({member.user.email for member in members})


def _check_parent(action: Action, parent: Comment | None) -> None:
    """A reply goes to a comment shown on this action, one level deep."""
    if parent is not None and (
        parent.action_id != action.pk
        or parent.parent_id is not None
        or parent.moderation != Comment.Moderation.APPROVED
    ):
        raise ValidationError(_("Replies go to a comment on this action."))


def _mail_comment(comment: Comment, *, author: User | None) -> None:
    """Tell the action's editors (but not its author) of a comment now shown,
    in the partners' common language, linking to it in the workspace."""
    link = site_link("actionplan:workspace_action", language=PARTNER_LANGUAGE, pk=comment.action_id)
    email_after_commit(
        to=involved_recipients(comment.action, author=author),
        template="actionplan/emails/comment_posted",
        context={
            "comment": comment,
            "action": comment.action,
            "author": comment.display_name,
            "action_url": f"{link}#comment-{comment.pk}",
        },
        language=PARTNER_LANGUAGE,
    )


@transaction.atomic
def comment_post(
    *,
    action: Action,
    body: str,
    by: User,
    parent: Comment | None = None,
    on_consultation: bool = False,
) -> Comment:
    """A partner user's comment or reply; mailed to the people of the action.

    It stays in the workspace unless the author publishes it to the
    consultation (`on_consultation`), an explicit choice: the public pages
    show it then, with the author's name."""
    if not can_comment(by, action):
        raise PermissionDenied(f"{by} may not comment on {action}.")
    _check_parent(action, parent)
    comment = Comment(
        action=action,
        parent=parent,
        author=by,
        body=body.strip(),
        on_consultation=on_consultation,
    )
    comment.full_clean()
    comment.save()
    _mail_comment(comment, author=by)
    return comment


@transaction.atomic
def comment_post_public(
    *, action: Action, name: str, email: str, body: str, parent: Comment | None = None
) -> Comment:
    """A member of the public comments during a consultation opened to them;
    the comment waits for the coordinator's approval."""
    plan = Plan.objects.select_for_update().get(pk=action.theme.plan_id)
    if not plan.open_to_public_comments:
        raise ValidationError(_("This plan is not open to public comments."), code="closed")
    _check_parent(action, parent)
    comment = Comment(
        action=action,
        parent=parent,
        author_name=name.strip(),
        author_email=User.objects.normalize_email(email),
        body=body.strip(),
        moderation=Comment.Moderation.PENDING,
        on_consultation=True,
    )
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def comment_moderate(*, comment: Comment, approve: bool, by: User) -> Comment:
    """The coordinator shows a public comment, or keeps it hidden for good."""
    if not can_manage_plan(by):
        raise PermissionDenied("Only a coordinator moderates comments.")
    comment.moderation = Comment.Moderation.APPROVED if approve else Comment.Moderation.REJECTED
    comment.save(update_fields=["moderation"])
    if approve:
        _mail_comment(comment, author=None)
    return comment
