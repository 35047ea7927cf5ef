"""The admin home as the desk's workbench: what waits, each a count linking to
its filtered list; the week's figures; the statistics and survey results; the
models a clerk never opens out of the way; all of it in Italian."""

import datetime
from http import HTTPStatus
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actionplan.models import Comment
from contactpoint.models import Enquiry
from creativecities.models import OutgoingEmail
from directory.models import User
from tests.actionplan.factories import CommentFactory
from tests.contactpoint.factories import GuideFactory
from tests.contactpoint.factories_enquiries import EnquiryFactory
from tests.directory.factories import OutgoingEmailFactory, SectorFactory
from tests.directory.helpers import pending_organisation
from tests.survey.factories import CampaignFactory

pytestmark = pytest.mark.django_db

HOME = "/admin/"


@pytest.fixture
def home_desk(client: Client, staff_user: User) -> Client:
    """The test client logged in as desk staff (the admin in Italian, its default)."""
    client.force_login(staff_user)
    return client


def waiting_work(times: int) -> None:
    """`times` of everything the workbench counts."""
    sector = SectorFactory.create()
    for _ in range(times):
        pending_organisation()
        EnquiryFactory.create(sector=sector)
        EnquiryFactory.create(
            sector=sector, created_at=timezone.now() - datetime.timedelta(days=30)
        )
        CommentFactory.create(moderation=Comment.Moderation.PENDING)
        OutgoingEmailFactory.create(status=OutgoingEmail.Status.FAILED)


def count_link(url: str, count: int, label: str) -> str:
    return f'<a href="{url}"><strong>{count}</strong> {label}</a>'


def test_the_home_counts_what_waits_and_links_to_the_filtered_lists(
    home_desk: Client,
) -> None:
    waiting_work(1)
    page = home_desk.get(HOME)
    assert page.status_code == HTTPStatus.OK
    content = page.content.decode()
    inbox = "/admin/contactpoint/enquiry/"
    expected = {
        "/admin/directory/organisation/?status__exact=pending": (1, "Organizzazioni da esaminare"),
        f"{inbox}?inbox=all&amp;status__exact=new&amp;held=nobody": (2, "Nuove richieste"),
        f"{inbox}?inbox=all&amp;age=late": (1, "Richieste oltre"),
        "/admin/actionplan/comment/?moderation__exact=pending": (1, "Commenti da moderare"),
        "/admin/creativecities/outgoingemail/?status__exact=failed": (1, "Email non recapitate"),
    }
    for url, (count, label) in expected.items():
        assert f'<a href="{url}"><strong>{count}</strong> ' in content, label
    # Each link opens a list that shows what it counted.
    late = home_desk.get(f"{inbox}?inbox=all&age=late").content.decode()
    late_enquiry = Enquiry.objects.order_by("created_at").first()
    assert late_enquiry is not None and late_enquiry.reference in late
    assert "Gli ultimi sette giorni" in content
    assert '<a href="/admin/contactpoint/enquiry/statistics/">' in content
    assert '<a href="/admin/survey-results/">' in content


def test_the_home_costs_the_same_few_queries_however_much_waits(
    home_desk: Client, django_assert_max_num_queries: Any
) -> None:
    waiting_work(1)
    with django_assert_max_num_queries(16):
        home_desk.get(HOME)
    with CaptureQueriesContext(connection) as few:
        home_desk.get(HOME)
    waiting_work(4)
    with CaptureQueriesContext(connection) as many:
        page = home_desk.get(HOME)
    assert len(many) == len(few)
    assert "<strong>5</strong> Commenti da moderare" in page.content.decode()


def test_the_desks_work_comes_first_and_the_login_records_last_under_security(
    home_desk: Client,
) -> None:
    app_list = home_desk.get(HOME).context["app_list"]
    names = [str(app["name"]) for app in app_list]
    assert app_list[0]["app_label"] == "contactpoint"
    assert names[-1] == "Sicurezza"
    security = [str(model["name"]) for model in app_list[-1]["models"]]
    assert "Tentativi di accesso" in security
    assert "Axes" not in names


def test_italian_on_the_login_records_and_the_delete_action(home_desk: Client) -> None:
    AccessAttempt.objects.create(
        username="someone@example.org",
        ip_address="192.0.2.1",
        user_agent="Firefox",
        http_accept="text/html",
        path_info="/admin/login/",
        get_data="",
        post_data="",
        failures_since_start=3,
    )
    attempts = home_desk.get("/admin/axes/accessattempt/").content.decode()
    assert "Tentativi di accesso" in attempts and "Indirizzo IP" in attempts
    assert '<a href="/admin/axes/">Sicurezza</a>' in attempts  # the breadcrumbs
    CampaignFactory.create()
    campaigns = home_desk.get("/admin/survey/campaign/").content.decode()
    assert "Elimina gli elementi selezionati (indagini)" in campaigns
    assert "selezionati" in campaigns and "indagini selezionati" not in campaigns


def test_one_history_button_on_a_tracked_page(home_desk: Client) -> None:
    guide = GuideFactory.create()
    page = home_desk.get(f"/admin/contactpoint/guide/{guide.pk}/change/").content.decode()
    assert page.count(">Cronologia</a>") == 1
    assert f"/admin/contactpoint/guide/{guide.pk}/versions/" in page
    assert "historylink" not in page


def test_the_survey_results_from_the_campaigns_list(home_desk: Client) -> None:
    campaign = CampaignFactory.create()
    page = home_desk.get("/admin/survey/campaign/").content.decode()
    assert '<a href="/admin/survey-results/">Risultati' in page
    assert f'href="/admin/survey-results/{campaign.pk}/"' in page
