"""Emails of the directory, written in the recipient's language."""

from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template import Context, Engine
from django.utils import translation

from directory.models import User
from directory.tasks import email_send


def email_after_commit(
    *, to: list[str], template: str, context: dict[str, Any], language: str | None = None
) -> None:
    """Render `templates/<template>_subject.txt` and `_body.txt` and send them
    once the surrounding transaction commits.

    `language` defaults to the active one; staff notices use Italian.
    """
    if not to:
        return
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        context = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_text(f"{template}_subject.txt", context).split())
        body = render_text(f"{template}_body.txt", context)
    transaction.on_commit(partial(email_send.enqueue, to=to, subject=subject, body=body))


def render_text(template_name: str, context: dict[str, Any]) -> str:
    """Render a plain-text template: no HTML escaping, so "L'Officina & Co" stays as typed."""
    template = Engine.get_default().get_template(template_name)
    return template.render(Context(context, autoescape=False))


def desk_staff_recipients() -> list[str]:
    """The desk's shared address and every active member of the desk staff."""
    staff = User.objects.filter(is_active=True, groups__name="Desk staff").values_list(
        "email", flat=True
    )
    addresses: list[str] = []
    for address in [settings.DESK_EMAIL, *staff]:
        if address and address.lower() not in addresses:
            addresses.append(address.lower())
    return addresses
