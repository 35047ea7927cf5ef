"""Emails of the portal: written in the recipient's language, recorded, then sent
by the task queue. Every message goes through `email_after_commit`."""

from typing import Any

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template import Context, Engine
from django.urls import reverse
from django.utils import timezone, translation

from directory.models import Organisation, OutgoingEmail, User
from directory.tasks import email_deliver, enqueue_with_transaction


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


# Who is told of the desk's work: whoever may moderate organisations.
MODERATE_PERMISSION = ("directory", "moderate_organisation")


def desk_staff_recipients() -> list[str]:
    """The desk's shared address and every active person who may moderate
    organisations, through a group (the "Desk staff" group has the permission)
    or granted directly.

    Superusers are not included for their status alone: an administrator of the
    site need not hear of every submission unless given the permission. Staff
    status is not required either: the permission says who does the desk's work.
    """
    app_label, codename = MODERATE_PERMISSION
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    staff = (
        User.objects.filter(is_active=True)
        .filter(Q(groups__permissions__in=permission) | Q(user_permissions__in=permission))
        .order_by("email")
        .values_list("email", flat=True)
        .distinct()
    )
    addresses: list[str] = []
    for address in [settings.DESK_EMAIL, *staff]:
        if address and address.lower() not in addresses:
            addresses.append(address.lower())
    return addresses


def desk_tell_ceiling_reached(*, what: str, link: str, count: int, seconds: int) -> None:
    """Tell the desk that anonymous contributions to `what` (a survey campaign,
    a consultation) reached their ceiling: later ones are refused until the
    window ends, whoever sends them. Called once per ceiling and window
    (`directory.ratelimit.ceiling`), so a flood makes one mail, not one each."""
    email_after_commit(
        to=desk_staff_recipients(),
        template="directory/emails/ceiling_reached",
        context={"what": what, "link": link, "count": count, "minutes": seconds // 60},
        language=settings.LANGUAGE_CODE,
    )


def admin_change_url(organisation: Organisation) -> str:
    """The organisation's screen in the desk administration, as an absolute URL."""
    path = reverse("admin:directory_organisation_change", args=[organisation.pk])
    return f"{settings.SITE_URL}{path}"


def member_emails(organisation: Organisation) -> list[str]:
    """Where to write to an organisation: the addresses of its active members."""
    return list(
        organisation.memberships.filter(user__is_active=True)
        .order_by("user__email")
        .values_list("user__email", flat=True)
    )


def site_link(name: str, *, language: str, **kwargs: Any) -> str:
    """An absolute link to a page of the site in one language."""
    with translation.override(language):
        return f"{settings.SITE_URL}{reverse(name, kwargs=kwargs or None)}"


def organisation_links(organisation: Organisation) -> dict[str, dict[str, str]]:
    """The links an email to members carries, per language."""
    slug = organisation.slug
    return {
        language: {
            "profile": site_link("directory:detail", language=language, slug=slug),
            "edit": site_link("directory:edit", language=language, slug=slug),
            "account": site_link("directory:account", language=language),
        }
        for language, _name in settings.LANGUAGES
    }


def email_members(
    organisation: Organisation, template: str, context: dict[str, Any] | None = None
) -> list[str]:
    """Write to the members in Italian and English in one message: the portal
    does not know which language each member prefers. Returns the recipients."""
    recipients = member_emails(organisation)
    email_after_commit(
        to=recipients,
        template=template,
        context={
            "organisation": organisation,
            "links": organisation_links(organisation),
            "lapse_months": Organisation.lapse_months(),
            **(context or {}),
        },
        language=settings.LANGUAGE_CODE,
    )
    return recipients
