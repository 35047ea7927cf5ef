"""Emails of the portal: written in the recipient's language, recorded, then sent
by the task queue. Every message goes through `email_after_commit`; the apps
add who they write to (`directory.notifications`: the desk, an organisation's
members)."""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.template import Context, Engine
from django.urls import reverse
from django.utils import timezone, translation

from creativecities.mail.models import OutgoingEmail
from creativecities.mail.tasks import email_deliver, enqueue_with_transaction


def email_after_commit(
    *,
    to: list[str],
    template: str,
    context: dict[str, Any],
    language: str | None = None,
    headers: dict[str, str] | None = None,
) -> OutgoingEmail | None:
    """Render `templates/<template>_subject.txt` and `_body.txt`, record the message
    and have the task queue send it once the surrounding transaction commits.

    The record is written inside the caller's transaction: if the change it tells
    of rolls back, so does the mail. `language` defaults to the active one; staff
    notices use Italian. `headers` are added to the message as they are (a
    mailing's `List-Unsubscribe`). Returns the record, or `None` when there is
    nobody to write to.
    """
    if not to:
        return None
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_text(f"{template}_subject.txt", context).split())
        body = render_text(f"{template}_body.txt", context)
    email = OutgoingEmail.objects.create(
        to=to,
        reply_to=[settings.DESK_EMAIL] if settings.DESK_EMAIL else [],
        subject=subject,
        body=body,
        template=template,
        language=language,
        headers=headers or {},
    )
    email_enqueue_after_commit(ids=[email.pk])
    return email


def email_resend(*, emails: QuerySet[OutgoingEmail]) -> int:
    """Queue again the mails among `emails` that failed or whose sending was
    interrupted, with a fresh round of attempts. Returns how many were queued.

    Staff ask for it (the admin's action, `manage.py email_retry --failed`) after
    fixing what made them fail, such as a wrong address or the mail server's
    settings. An interrupted mail may already have reached its recipients.
    """
    with transaction.atomic():
        ids = list(
            OutgoingEmail.objects.resendable()
            .filter(pk__in=emails.values("pk"))
            .select_for_update(skip_locked=True)
            .order_by()
            .values_list("pk", flat=True)
        )
        OutgoingEmail.objects.filter(pk__in=ids).update(
            status=OutgoingEmail.Status.QUEUED, attempts=0, next_attempt_at=timezone.now()
        )
        email_enqueue_after_commit(ids=ids)
    return len(ids)


def email_enqueue_after_commit(*, ids: list[int]) -> None:
    """Give the task queue the mails with these ids once the transaction commits.

    Enqueuing a mail twice is harmless: delivery claims the record first."""
    for email_id in ids:
        enqueue_with_transaction(email_deliver, email_id=email_id)


def render_text(template_name: str, context: dict[str, Any]) -> str:
    """Render a plain-text template: no HTML escaping, so "L'Officina & Co" stays as typed."""
    template = Engine.get_default().get_template(template_name)
    return template.render(Context(context, autoescape=False))


def site_link(name: str, *, language: str, **kwargs: Any) -> str:
    """An absolute link to a page of the site in one language."""
    with translation.override(language):
        return f"{settings.SITE_URL}{reverse(name, kwargs=kwargs or None)}"
