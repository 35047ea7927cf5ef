"""A partner city's team finds its workspace: after logging in, in the header's
account menu and on the account page; a viewer is told the access is read only
on every workspace page and on every change refused."""

from http import HTTPStatus

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from actionplan.models import Action, PartnerMember, Plan
from tests.actionplan.factories import IndicatorFactory, MilestoneFactory
from tests.directory.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def _log_in(client: Client, email: str, next_page: str = "") -> str:
    data = {"username": email, "password": PASSWORD}
    if next_page:
        data["next"] = next_page
    response = client.post("/it/accounts/login/", data)
    assert response.status_code == HTTPStatus.FOUND
    return str(response.url)


def test_a_partner_user_lands_on_the_workspace_after_logging_in(
    client: Client, plan_viewer_a: PartnerMember
) -> None:
    assert _log_in(client, plan_viewer_a.user.email) == "/it/action-plan/workspace/"


def test_a_page_asked_for_wins_over_the_workspace(
    client: Client, plan_viewer_a: PartnerMember
) -> None:
    assert _log_in(client, plan_viewer_a.user.email, "/it/contact-point/") == "/it/contact-point/"


def test_members_land_on_the_home_page_and_staff_on_the_desks_workbench(
    client: Client, plan_partner_a: object
) -> None:
    member = UserFactory.create(email="socio@example.org")
    assert _log_in(client, member.email) == "/it/"

    staff = UserFactory.create(email="desk@example.org", is_staff=True)
    from tests.actionplan.factories import PartnerMemberFactory

    PartnerMemberFactory.create(user=staff, partner=plan_partner_a)
    assert _log_in(Client(), staff.email) == "/admin/"
    assert _log_in(Client(), staff.email, "/it/contact-point/") == "/it/contact-point/"


@pytest.mark.parametrize(
    ("language", "label"), [("it", "Area di lavoro del Piano"), ("en", "Plan workspace")]
)
def test_the_account_menu_links_the_workspace_for_partner_users(
    client: Client, plan_viewer_a: PartnerMember, language: str, label: str
) -> None:
    link = f'href="/{language}/action-plan/workspace/">{label}</a>'
    client.force_login(plan_viewer_a.user)
    body = client.get(f"/{language}/").content.decode()
    assert link in body

    client.force_login(UserFactory.create())
    body = client.get(f"/{language}/").content.decode()
    assert "portal-account-link" in body and link not in body


@pytest.mark.usefixtures("english")
def test_the_account_page_names_the_partner_and_role_not_a_call_to_register(
    client: Client, plan_viewer_a: PartnerMember
) -> None:
    client.force_login(plan_viewer_a.user)

    body = client.get("/en/account/").content.decode()

    assert "You belong to <strong>Partner A</strong> as Viewer (read only)." in body
    assert 'href="/en/action-plan/workspace/">Plan workspace</a>' in body
    assert "Your account" in body and "You are not a member of any organisation yet." not in body


@pytest.mark.usefixtures("english")
def test_a_partner_user_with_organisations_sees_both(
    client: Client, plan_editor_a: PartnerMember
) -> None:
    organisation = OrganisationFactory.create(name="Studio Levante")
    organisation.memberships.create(user=plan_editor_a.user, role="owner")
    client.force_login(plan_editor_a.user)

    body = client.get("/en/account/").content.decode()

    assert "You belong to <strong>Partner A</strong> as Editor." in body
    assert "Studio Levante" in body


def test_a_member_without_organisation_or_team_is_still_asked_to_register(
    client: Client,
) -> None:
    client.force_login(UserFactory.create())

    body = client.get("/en/account/").content.decode()

    assert "You are not a member of any organisation yet." in body
    assert "You belong to" not in body


def _workspace_pages(plan: Plan, action: Action) -> list[str]:
    indicator = IndicatorFactory.create(action=action)
    return [
        f"/it/action-plan/workspace/plans/{plan.slug}/",
        f"/it/action-plan/workspace/plans/{plan.slug}/versions/",
        f"/it/action-plan/workspace/actions/{action.pk}/",
        f"/it/action-plan/workspace/history/indicator/{indicator.pk}/",
    ]


def test_a_viewer_sees_read_only_on_every_workspace_page(
    client: Client, plan_viewer_a: PartnerMember, plan_draft: Plan, plan_action_a: Action
) -> None:
    client.force_login(plan_viewer_a.user)
    for url in _workspace_pages(plan_draft, plan_action_a):
        response = client.get(url)
        assert response.status_code == HTTPStatus.OK, url
        assert '<span class="badge bg-secondary">sola lettura</span>' in response.content.decode()


def test_an_editor_sees_no_read_only_badge(
    client: Client, plan_editor_a: PartnerMember, plan_draft: Plan, plan_action_a: Action
) -> None:
    client.force_login(plan_editor_a.user)
    response = client.get(f"/it/action-plan/workspace/actions/{plan_action_a.pk}/")
    assert response.status_code == HTTPStatus.OK
    assert "sola lettura" not in response.content.decode()


def test_every_edit_url_answers_a_viewer_the_portals_403_saying_why(
    client: Client, plan_viewer_a: PartnerMember, plan_draft: Plan, plan_action_a: Action
) -> None:
    indicator = IndicatorFactory.create(action=plan_action_a)
    milestone = MilestoneFactory.create(action=plan_action_a)
    theme = plan_action_a.theme
    plan, action = f"plans/{plan_draft.slug}", f"actions/{plan_action_a.pk}"
    pages = [
        f"{plan}/edit/",
        f"{plan}/themes/new/",
        f"{plan}/themes/{theme.pk}/",
        f"{plan}/moderation/",
        f"{plan}/actions/new/",
        f"{action}/edit/",
        f"{action}/indicators/new/",
        f"{action}/milestones/new/",
        f"indicators/{indicator.pk}/edit/",
        f"indicators/{indicator.pk}/record/",
        f"milestones/{milestone.pk}/edit/",
    ]
    posts = [
        f"{plan}/step/open_consultation/",
        f"{plan}/publish/",
        f"{action}/status/start/",
    ]
    client.force_login(plan_viewer_a.user)
    for method, paths in (("get", pages), ("post", posts)):
        for path in paths:
            response = getattr(client, method)(f"/it/action-plan/workspace/{path}")
            assert response.status_code == HTTPStatus.FORBIDDEN, path
            body = response.content.decode()
            assert "Il tuo accesso allo spazio di lavoro è in sola lettura" in body, path
            assert "Errore 403" in body or "403" in body


def test_the_account_menu_reads_the_workspace_once_a_minute(
    client: Client, plan_viewer_a: PartnerMember
) -> None:
    client.force_login(plan_viewer_a.user)
    client.get("/en/")

    with CaptureQueriesContext(connection) as captured:
        body = client.get("/en/directory/").content.decode()

    assert 'href="/en/action-plan/workspace/">Plan workspace</a>' in body
    assert not [query for query in captured if "actionplan_partnermember" in query["sql"]]
