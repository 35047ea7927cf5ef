"""Helpers the directory's tests share: reading pages and mail, making profiles."""

import datetime
import re
from http import HTTPStatus
from io import StringIO
from typing import Any

from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from directory.forms import OrganisationEditForm
from directory.models import Municipality, Organisation, Sector
from tests.directory.factories import OrganisationFactory

REGISTRATION_PASSWORD = "tramonto-sul-porto-42"


def names(response: Any) -> list[str]:
    """Names of the organisations on a list page, in the order shown."""
    return names_on(response.context["page_obj"])


def names_on(page: Any) -> list[str]:
    """Names of the organisations on one page of a paginator, in order."""
    return [organisation.name for organisation in page]


def found(
    client: Client, words: str | None = None, language: str = "it", **params: str
) -> list[str]:
    """What the directory lists for the words typed and the filters chosen."""
    if words is not None:
        params["q"] = words
    response = client.get(f"/{language}/directory/", params)
    assert response.status_code == HTTPStatus.OK
    return names(response)


def pending_organisation(**kwargs: Any) -> Organisation:
    """A profile waiting for the desk's approval, made to measure (the `pending`
    fixture is one such profile, ready made)."""
    return OrganisationFactory.create(
        status=Organisation.Status.PENDING, published_at=None, **kwargs
    )


def edit_data(organisation: Organisation, **overrides: Any) -> dict[str, Any]:
    """What a member's edit form posts when nothing is changed, with `overrides`
    (None drops a field)."""
    form = OrganisationEditForm(instance=organisation)
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list):
            data[name] = [str(item) for item in value]
        else:
            data[name] = field.widget.format_value(value)
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def path_in_mail(
    message: EmailMessage | None = None,
    *,
    path: str = r"/\S+/",
    origin: str = r"https?://[^/\s]+",
) -> str:
    """The path of the link in an email (the last one sent unless given), to follow it.

    `path` and `origin` are regular expressions the link must match."""
    if message is None:
        message = mail.outbox[-1]
    match = re.search(f"{origin}({path})", message.body)
    assert match, message.body
    return match.group(1)


def ago(**delta: float) -> datetime.datetime:
    """A moment in the past: `ago(days=400)`, `ago(minutes=5)`."""
    return timezone.now() - datetime.timedelta(**delta)


def run_command(capture: Any, name: str, *args: str) -> str:
    """Run a management command with its after-commit work done; return its output."""
    out = StringIO()
    with capture(execute=True):
        call_command(name, *args, stdout=out)
    return out.getvalue()


def registration_form_data(**overrides: Any) -> dict[str, Any]:
    """What the registration page posts for Anna Neri and her studio, with
    `overrides` (None drops a field)."""
    data = {
        "email": "Anna.Neri@Example.org",
        "first_name": "Anna",
        "last_name": "Neri",
        "password1": REGISTRATION_PASSWORD,
        "password2": REGISTRATION_PASSWORD,
        "privacy": "on",
        "organisation-name": "Studio Città Vecchia",
        "organisation-kind": Organisation.Kind.COMPANY,
        "organisation-primary_sector": Sector.objects.get(slug="design").pk,
        "organisation-sectors": [Sector.objects.get(slug="advertising").pk],
        "organisation-municipality": Municipality.objects.get(slug="camogli").pk,
        "organisation-short_description_it": "Grafica e identità visive per la cultura.",
        "organisation-short_description_en": "Graphic design and visual identities.",
        "organisation-website": "studiocitta.example.it",
        "organisation-email": "info@studiocitta.example.it",
        "organisation-phone": "+39 010 123 4567",
        "organisation-vat_number": "IT 01234567897",
        "organisation-ateco_code": "7412",
        "organisation-open_to_international": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def register(client: Client, capture: Any, language: str = "it", **overrides: Any) -> Any:
    """Post the registration form, with its after-commit work (the mail) done."""
    with capture(execute=True):
        return client.post(f"/{language}/register/", registration_form_data(**overrides))


def expire_every_counter() -> None:
    """Move every rate-limit counter's expiry into the past, as an hour passing would."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE rate_limit_counters SET expires = now() - interval '1 second'")


def stored(obj: Any) -> dict[str, Any]:
    """A row as the database holds it now: every column, and the ids of each
    many-to-many relation; what an "other rows untouched" check compares."""
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    row = {f.attname: getattr(fresh, f.attname) for f in fresh._meta.concrete_fields}
    for relation in fresh._meta.many_to_many:
        row[relation.name] = sorted(getattr(fresh, relation.name).values_list("pk", flat=True))
    return row


def page_text(client: Client, path: str) -> str:
    """The page at `path`, which must answer 200, as text."""
    response = client.get(path)
    assert response.status_code == HTTPStatus.OK, path
    return str(response.content.decode())


def page_kept(client: Client, path: str, assert_num_queries: Any) -> str:
    """The page, asked for twice by an anonymous visitor: the second answer
    comes from the page cache, without a query."""
    page_text(client, path)
    with assert_num_queries(0):
        return page_text(client, path)
