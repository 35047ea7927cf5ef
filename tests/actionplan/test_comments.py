"""Comments on actions: threads, mail to the action's editors, the public's
comments during a consultation opened to them (moderated, limited, trapped)."""

from http import HTTPStatus
from importlib import import_module
from typing import Any

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from actionplan.models import Action, Comment, PartnerMember, PartnerRole, Plan
from actionplan.services.comments import comment_moderate, comment_post, comment_post_public
from actionplan.services.plans import plan_open_consultation
from creativecities.models import OutgoingEmail
from tests.actionplan.factories import PartnerMemberFactory
from tests.directory.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_a_comment_is_mailed_to_the_editors_of_the_action_but_not_its_author(
    client: Client,
    plan_action_a: Action,
    plan_editor_a: PartnerMember,
    plan_viewer_a: PartnerMember,
    plan_editor_b: PartnerMember,
    django_capture_on_commit_callbacks: object,
) -> None:
    involved = PartnerFactory.create(name="Involved")
    involved_editor = PartnerMemberFactory.create(partner=involved, role="editor")
    plan_action_a.partners.set([involved])
    client.force_login(plan_editor_a.user)

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = client.post(
            reverse("actionplan:workspace_comment_new", kwargs={"pk": plan_action_a.pk}),
            {"body": "Shall we add the port's warehouses?"},
        )

    assert response.status_code == HTTPStatus.FOUND
    comment = Comment.objects.get()
    assert comment.author == plan_editor_a.user
    [message] = mail.outbox
    assert message.to == [involved_editor.user.email]
    assert plan_action_a.title in message.subject
    assert "port's warehouses" in message.body


def test_replies_thread_under_their_comment_one_level_deep(
    plan_action_a: Action, plan_editor_a: PartnerMember, plan_viewer_a: PartnerMember
) -> None:
    first = comment_post(action=plan_action_a, body="First", by=plan_editor_a.user)
    reply = comment_post(action=plan_action_a, body="Reply", by=plan_viewer_a.user, parent=first)

    [thread] = Comment.objects.filter(action=plan_action_a).threads()

    assert thread == first and list(thread.replies.all()) == [reply]
    with translation.override("en"), pytest.raises(Exception, match="Replies"):
        comment_post(action=plan_action_a, body="Deeper", by=plan_editor_a.user, parent=reply)


def test_a_user_of_another_partner_comments_once_the_consultation_is_open(
    client: Client,
    plan_action_a: Action,
    plan_viewer_b: PartnerMember,
    plan_coordinator: PartnerMember,
) -> None:
    url = reverse("actionplan:workspace_comment_new", kwargs={"pk": plan_action_a.pk})
    client.force_login(plan_viewer_b.user)

    assert client.post(url, {"body": "Too early"}).status_code == HTTPStatus.NOT_FOUND
    plan_open_consultation(plan=plan_action_a.theme.plan, by=plan_coordinator.user)
    assert client.post(url, {"body": "From Partner B"}).status_code == HTTPStatus.FOUND
    assert list(Comment.objects.values_list("body", flat=True)) == ["From Partner B"]


@pytest.fixture
def plan_public_consultation(plan_action_a: Action, plan_coordinator: PartnerMember) -> Action:
    """`plan_action_a` in a consultation opened to the public."""
    plan = plan_action_a.theme.plan
    plan_open_consultation(plan=plan, by=plan_coordinator.user)
    Plan.objects.filter(pk=plan.pk).update(public_comments_open=True)
    return Action.objects.get(pk=plan_action_a.pk)


def plan_consultation_url(action: Action) -> str:
    return reverse(
        "actionplan:consultation_action",
        kwargs={"slug": action.theme.plan.slug, "pk": action.pk},
    )


def test_public_comments_wait_for_the_coordinator(
    client: Client,
    plan_public_consultation: Action,
    plan_coordinator: PartnerMember,
    django_capture_on_commit_callbacks: Any,
) -> None:
    url = plan_consultation_url(plan_public_consultation)

    response = client.post(
        url, {"name": "Lucia", "email": "lucia@example.org", "body": "Include Sampierdarena."}
    )

    assert response.status_code == HTTPStatus.FOUND
    comment = Comment.objects.get()
    assert comment.moderation == Comment.Moderation.PENDING
    assert "Include Sampierdarena" not in client.get(url).content.decode()
    PartnerMemberFactory.create(
        partner=plan_public_consultation.lead_partner, role=PartnerRole.EDITOR
    )
    with translation.override("it"), django_capture_on_commit_callbacks(execute=True):
        comment_moderate(comment=comment, approve=True, by=plan_coordinator.user)  # in Italian
    assert "Include Sampierdarena" in client.get(url).content.decode()
    # The editors' mail links to the comment in the partners' language, English.
    with translation.override("en"):
        path = reverse("actionplan:workspace_action", kwargs={"pk": plan_public_consultation.pk})
    assert f"{path}#comment-{comment.pk}" in mail.outbox[-1].body


@pytest.mark.usefixtures("english")
def test_a_reply_goes_only_to_a_comment_shown_on_the_action(
    plan_public_consultation: Action, plan_coordinator: PartnerMember
) -> None:
    waiting = comment_post_public(
        action=plan_public_consultation, name="Lucia", email="l@example.org", body="First."
    )
    with pytest.raises(ValidationError, match="Replies go to a comment on this action"):
        comment_post_public(
            action=plan_public_consultation,
            name="Marco",
            email="m@example.org",
            body="Replying to a hidden comment.",
            parent=waiting,
        )
    comment_moderate(comment=waiting, approve=True, by=plan_coordinator.user)
    reply = comment_post_public(
        action=plan_public_consultation,
        name="Marco",
        email="m@example.org",
        body="Now it is shown.",
        parent=waiting,
    )
    assert reply.parent == waiting


def test_the_honeypot_keeps_nothing_and_answers_as_for_a_person(
    client: Client, plan_public_consultation: Action
) -> None:
    response = client.post(
        plan_consultation_url(plan_public_consultation),
        {"name": "Bot", "email": "bot@example.org", "body": "Buy now", "website": "http://x"},
    )

    assert response.status_code == HTTPStatus.FOUND
    assert not Comment.objects.exists()


def test_public_comments_are_rate_limited(
    client: Client, plan_public_consultation: Action, settings: object
) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "plan_comment": {"address": "2/h"}}  # type: ignore[attr-defined]
    url = plan_consultation_url(plan_public_consultation)
    data = {"name": "Lucia", "email": "lucia@example.org", "body": "Once more."}

    codes = [client.post(url, data).status_code for _ in range(3)]

    assert codes == [HTTPStatus.FOUND, HTTPStatus.FOUND, HTTPStatus.TOO_MANY_REQUESTS]
    assert Comment.objects.count() == 2


def test_a_closed_consultation_takes_no_public_comment(
    client: Client, plan_action_a: Action
) -> None:
    response = client.post(
        plan_consultation_url(plan_action_a),
        {"name": "Lucia", "email": "lucia@example.org", "body": "Hello"},
    )

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not Comment.objects.exists()


def test_only_comments_published_to_the_consultation_reach_the_public_page(
    client: Client, plan_public_consultation: Action, plan_editor_a: PartnerMember
) -> None:
    workspace_url = reverse(
        "actionplan:workspace_comment_new", kwargs={"pk": plan_public_consultation.pk}
    )
    client.force_login(plan_editor_a.user)
    client.post(workspace_url, {"body": "Internal: the budget is not settled."})
    client.post(
        workspace_url,
        {"body": "Published: tell us about your premises.", "on_consultation": "on"},
    )
    internal = Comment.objects.get(body__startswith="Internal")
    published = Comment.objects.get(body__startswith="Published")
    client.post(workspace_url, {"body": "Internal reply.", "parent": published.pk})
    client.post(
        workspace_url, {"body": "Published reply.", "parent": published.pk, "on_consultation": "on"}
    )
    client.logout()

    page = client.get(plan_consultation_url(plan_public_consultation)).content.decode()

    assert not internal.on_consultation and published.on_consultation
    assert "tell us about your premises" in page
    assert "Published reply." in page
    assert "the budget is not settled" not in page
    assert "Internal reply." not in page


def test_the_workspace_comment_form_says_it_is_internal_unless_published(
    client: Client, plan_action_a: Action, plan_editor_a: PartnerMember
) -> None:
    comment_post(action=plan_action_a, body="Kept inside.", by=plan_editor_a.user)
    client.force_login(plan_editor_a.user)

    with translation.override("en"):
        page = client.get(
            reverse("actionplan:workspace_action", kwargs={"pk": plan_action_a.pk})
        ).content.decode()

    assert 'name="on_consultation"' in page
    assert 'name="on_consultation" checked' not in page
    assert "Publish to the consultation" in page
    assert "the comment is internal: only partner users read it" in page
    assert "(internal)" in page


def test_existing_partner_comments_become_internal_and_public_ones_stay_public(
    plan_public_consultation: Action, plan_editor_a: PartnerMember
) -> None:
    migration = import_module("actionplan.migrations.0003_comment_on_consultation")
    partners = comment_post(action=plan_public_consultation, body="Ours.", by=plan_editor_a.user)
    publics = comment_post_public(
        action=plan_public_consultation, name="Lucia", email="l@example.org", body="Mine."
    )
    Comment.objects.update(on_consultation=False)  # as the column's default leaves them

    migration.mark_public_comments(apps, None)

    partners.refresh_from_db()
    publics.refresh_from_db()
    assert publics.on_consultation and not partners.on_consultation


def test_public_comments_on_a_consultation_stop_at_its_ceiling_from_any_address(
    plan_public_consultation: Action, settings: Any
) -> None:
    """Each address within its own limit: the consultation takes three comments,
    then refuses the rest keeping what was typed, and the desk is told once."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "plan_comment_ceiling": {"target": "3/h"}}
    with translation.override("en"):
        url = plan_consultation_url(plan_public_consultation)

    def post(n: int) -> Any:
        return Client(REMOTE_ADDR=f"203.0.113.{n}").post(
            url, {"name": f"Visitor {n}", "email": f"v{n}@example.org", "body": f"Idea number {n}."}
        )

    responses = [post(n) for n in range(1, 7)]

    codes = [response.status_code for response in responses]
    assert codes == [HTTPStatus.FOUND] * 3 + [HTTPStatus.TOO_MANY_REQUESTS] * 3
    assert Comment.objects.count() == 3
    refused = responses[-1].content.decode()
    assert "as many contributions as it can take" in refused
    assert "Idea number 6." in refused and "v6@example.org" in refused  # nothing typed is lost
    [told] = OutgoingEmail.objects.filter(template="directory/emails/ceiling_reached")
    assert settings.DESK_EMAIL in told.to
    assert plan_public_consultation.theme.plan.title_it in told.subject
