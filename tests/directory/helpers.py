"""Helpers the directory's tests share: reading pages and mail, making profiles."""

import re
from http import HTTPStatus
from typing import Any

from django.core import mail
from django.core.mail import EmailMessage
from django.test import Client

from directory.models import Organisation
from tests.directory.factories import OrganisationFactory


def names(response: Any) -> list[str]:
    """Names of the organisations on a list page, in the order shown."""
    return [organisation.name for organisation in response.context["page_obj"]]


def found(
    client: Client, words: str | None = None, language: str = "it", **params: str
) -> list[str]:
    """What the directory lists for the words typed and the filters chosen."""
    if words is not None:
        params["q"] = words
    response = client.get(f"/{language}/directory/", params)
    assert response.status_code == HTTPStatus.OK
    return names(response)


def pending(**kwargs: Any) -> Organisation:
    """A profile waiting for the desk's approval."""
    return OrganisationFactory.create(
        status=Organisation.Status.PENDING, published_at=None, **kwargs
    )


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
