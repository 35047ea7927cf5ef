"""The inbox as a clerk opens it: open enquiries of theirs or nobody's by
default, readable columns, one primary "send the reply", searchable links,
reopening a closed enquiry, an organisation's enquiries from its page."""

from http import HTTPStatus

import pytest
from django.test import Client

from contactpoint.models import Enquiry
from contactpoint.services import enquiries as service
from creativecities.models import StateChange
from directory.models import User
from tests.contactpoint.factories import GuideFactory
from tests.contactpoint.factories_enquiries import EnquiryFactory, StandardReplyFactory
from tests.directory.factories import OrganisationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

INBOX = "/admin/contactpoint/enquiry/"


@pytest.fixture
def inbox_desk(client: Client, staff_user: User) -> Client:
    """The test client logged in as desk staff, reading the admin in English."""
    client.force_login(staff_user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_the_inbox_opens_on_open_enquiries_mine_or_unassigned(
    inbox_desk: Client, enquiry_new: Enquiry, enquiry_officer: User, staff_user: User
) -> None:
    mine = EnquiryFactory.create(sector=enquiry_new.sector, subject="Mine")
    service.enquiry_assign(enquiry=mine, to=staff_user, by=staff_user)
    theirs = EnquiryFactory.create(sector=enquiry_new.sector, subject="Paolo's")
    service.enquiry_assign(enquiry=theirs, to=enquiry_officer, by=enquiry_officer)
    closed = EnquiryFactory.create(sector=enquiry_new.sector, subject="Done")
    service.enquiry_close(enquiry=closed, by=staff_user)

    page = inbox_desk.get(INBOX).content.decode()
    assert enquiry_new.reference in page and mine.reference in page
    assert theirs.reference not in page and closed.reference not in page
    assert "Open, mine or unassigned" in page

    every = inbox_desk.get(INBOX, {"inbox": "all"}).content.decode()
    for enquiry in (enquiry_new, mine, theirs, closed):
        assert enquiry.reference in every
    # A search looks across every enquiry: a closed one is found by its reference.
    found = inbox_desk.get(INBOX, {"q": closed.reference}).content.decode()
    assert f">{closed.reference}<" in found


def test_the_inbox_columns_keep_reference_and_dates_on_one_line(
    inbox_desk: Client, enquiry_new: Enquiry
) -> None:
    page = inbox_desk.get(INBOX).content.decode()
    assert f'<span class="desk-nowrap">{enquiry_new.reference}</span>' in page
    columns = ["reference_line", "subject", "status", "age", "received", "holder"]
    positions = [page.index(f'class="sortable column-{column}') for column in columns]
    assert positions == sorted(positions)


def test_the_reply_is_the_primary_action_and_save_is_secondary(
    inbox_desk: Client, enquiry_new: Enquiry
) -> None:
    page = inbox_desk.get(f"{INBOX}{enquiry_new.pk}/change/").content.decode()
    assert 'class="default"\n                 value="Send the reply"' in page
    assert 'value="Save topic, sector and organisation"' in page
    assert 'name="_save"' not in page
    assert page.count('class="default"') == 2  # the reply, and "assign to me"


def test_guides_are_picked_by_searching(
    inbox_desk: Client, enquiry_new: Enquiry, staff_user: User
) -> None:
    guide = GuideFactory.create(title_en="Opening a studio in Genoa", published=True)
    page = inbox_desk.get(f"{INBOX}{enquiry_new.pk}/change/")
    content = page.content.decode()
    assert 'data-model-name="replylink" data-field-name="guide"' in content
    found = inbox_desk.get(
        "/admin/autocomplete/",
        {
            "term": "studio",
            "app_label": "contactpoint",
            "model_name": "replylink",
            "field_name": "guide",
        },
    )
    assert found.status_code == HTTPStatus.OK
    assert found.json()["results"] == [{"id": str(guide.pk), "text": str(guide)}]
    inbox_desk.post(
        f"{INBOX}{enquiry_new.pk}/answer/", {"text": "See the guide", "guides": [guide.pk]}
    )
    reply = enquiry_new.messages.get()
    assert [link.guide for link in reply.links.all()] == [guide]


def test_the_desk_reopens_a_closed_enquiry(
    inbox_desk: Client, enquiry_new: Enquiry, staff_user: User
) -> None:
    service.enquiry_assign(enquiry=enquiry_new, to=staff_user, by=staff_user)
    service.enquiry_close(enquiry=enquiry_new, by=staff_user)
    page = inbox_desk.get(f"{INBOX}{enquiry_new.pk}/change/").content.decode()
    assert 'value="Reopen"' in page
    response = inbox_desk.post(f"{INBOX}{enquiry_new.pk}/reopen_by_desk/")
    assert response.status_code == HTTPStatus.FOUND
    enquiry_new.refresh_from_db()
    assert enquiry_new.status == Enquiry.Status.ASSIGNED
    assert enquiry_new.closed_at is None
    change = StateChange.objects.filter(
        object_id=enquiry_new.pk, transition="reopen_by_desk"
    ).latest("pk")
    assert (change.source, change.target, change.created_by) == ("closed", "assigned", staff_user)
    # An open enquiry offers no reopening.
    page = inbox_desk.get(f"{INBOX}{enquiry_new.pk}/change/").content.decode()
    assert 'value="Close"' in page and 'value="Reopen"' not in page


def test_the_organisation_page_links_to_its_enquiries(
    inbox_desk: Client, enquiry_new: Enquiry
) -> None:
    organisation = OrganisationFactory.create()
    EnquiryFactory.create_batch(2, sector=enquiry_new.sector, organisation=organisation)
    page = inbox_desk.get(f"/admin/directory/organisation/{organisation.pk}/change/")
    link = f"{INBOX}?inbox=all&amp;organisation={organisation.pk}"
    assert f'<a href="{link}">Enquiries of this organisation: 2</a>' in page.content.decode()
    listed = inbox_desk.get(INBOX, {"inbox": "all", "organisation": organisation.pk})
    assert listed.status_code == HTTPStatus.OK
    content = listed.content.decode()
    assert content.count('class="desk-nowrap">CC-') == 2
    assert enquiry_new.reference not in content


def test_standard_replies_are_named_in_the_clerks_language(
    inbox_desk: Client, enquiry_new: Enquiry
) -> None:
    StandardReplyFactory.create(title_it="Bandi: da dove cominciare", title_en="Grants: a start")
    english = inbox_desk.get(f"{INBOX}{enquiry_new.pk}/change/").content.decode()
    assert ">Grants: a start</option>" in english
    inbox_desk.defaults["HTTP_ACCEPT_LANGUAGE"] = "it"
    italian = inbox_desk.get(f"{INBOX}{enquiry_new.pk}/change/").content.decode()
    assert ">Bandi: da dove cominciare</option>" in italian
    assert "Grants: a start" not in italian
