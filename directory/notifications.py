"""Who the directory writes to (the desk, an organisation's members) and the
links its emails carry; every message goes through the core's
`creativecities.mail.notifications.email_after_commit`."""

from typing import Any

from django.conf import settings
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import reverse

from creativecities.mail.notifications import email_after_commit, site_link
from directory.models import Organisation, User

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
    (`creativecities.limits.ratelimit.ceiling`), so a flood makes one mail, not one each."""
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
