"""A member deletes their account (GDPR article 17).

The organisations they alone own go to another member or to the archive, as
they choose; their personal data is removed or anonymised wherever the portal
keeps it: the mail log, the history, login records, and whatever the other
apps registered (`creativecities.panels.personal_data`: enquiries keep their figures but
lose who wrote them, alert and action subscriptions are deleted).
"""

from __future__ import annotations

from collections.abc import Mapping

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from creativecities.models import OutgoingEmail, StateChange, Version
from creativecities.panels.personal_data import registered_kinds
from directory.models import Invitation, Membership, Organisation, User
from directory.services.moderation import organisation_abandon

# What stands in a record where a deleted person's name or address was.
REMOVED = "[removed]"


def organisations_solely_owned(user: User) -> list[Organisation]:
    """Organisations `user` owns with no other owner: someone must take them
    over, or they are archived, when the account goes."""
    owned = Organisation.objects.filter(
        memberships__user=user, memberships__role=Membership.Role.OWNER
    )
    shared = Membership.objects.filter(role=Membership.Role.OWNER).exclude(user=user)
    return list(owned.exclude(pk__in=shared.values("organisation_id")).distinct().order_by("name"))


def _hand_over(organisation: Organisation, *, user: User, to: User | None) -> None:
    if to is None:
        if organisation.status != Organisation.Status.ARCHIVED:
            organisation_abandon(
                organisation=organisation, note=_("Its last owner deleted their account.")
            )
        return
    updated = (
        Membership.objects.filter(organisation=organisation, user=to)
        .exclude(user=user)
        .update(role=Membership.Role.OWNER)
    )
    if not updated:
        raise ValidationError(
            _("%(person)s is not a member of %(organisation)s: choose one of its members.")
            % {"person": to, "organisation": organisation}
        )


def _scrub(text: str, needles: list[str]) -> str:
    for needle in needles:
        start = text.lower().find(needle.lower())
        while start != -1:
            text = text[:start] + REMOVED + text[start + len(needle) :]
            start = text.lower().find(needle.lower(), start + len(REMOVED))
    return text


def _scrub_value(value: object, needles: list[str]) -> object:
    if isinstance(value, str):
        return _scrub(value, needles)
    if isinstance(value, list):
        return [_scrub_value(item, needles) for item in value]
    if isinstance(value, dict):
        return {key: _scrub_value(item, needles) for key, item in value.items()}
    return value


def _identifiers(user: User) -> list[str]:
    """The strings that name the person in free text: the address, and the full
    name when they gave one (a first name alone would match too much)."""
    needles = [user.email]
    full_name = f"{user.first_name} {user.last_name}".strip()
    if user.first_name and user.last_name:
        needles.append(full_name)
    return needles


def _forget_mail(user: User, needles: list[str]) -> None:
    """Mail to them loses their address (and is deleted if it had no other
    recipient); mail about them to others loses its body."""
    to_them = OutgoingEmail.objects.filter(to__contains=[user.email])
    for email in to_them:
        others = [address for address in email.to if address.lower() != user.email.lower()]
        if not others:
            email.delete()
            continue
        email.to = others
        email.subject = _scrub(email.subject, needles)
        email.body = ""
        email.save(update_fields=["to", "subject", "body"])
    mentions = Q()
    for needle in needles:
        mentions |= Q(body__icontains=needle) | Q(subject__icontains=needle)
    for email in OutgoingEmail.objects.filter(mentions):
        email.subject = _scrub(email.subject, needles)
        email.body = ""
        email.save(update_fields=["subject", "body"])


def _forget_history(needles: list[str]) -> None:
    """Versions and status changes keep the object's past, not the person's:
    their address and name are replaced where a profile or a note held them."""
    as_text = Cast("data", TextField())
    mentions = Q()
    for needle in needles:
        mentions |= Q(data_text__icontains=needle)
    for version in Version.objects.annotate(data_text=as_text).filter(mentions):
        version.data = _scrub_value(version.data, needles)
        version.note = _scrub(version.note, needles)
        version.save(update_fields=["data", "note"])
    notes = Q()
    for needle in needles:
        notes |= Q(note__icontains=needle)
    for change in StateChange.objects.filter(notes):
        change.note = _scrub(change.note, needles)
        change.save(update_fields=["note"])


@transaction.atomic
def account_delete(*, user: User, organisations_to: Mapping[int, User | None]) -> None:
    """Delete `user`'s account and remove or anonymise their personal data.

    `organisations_to` says, for each organisation they alone own (by its id),
    who takes it over (one of its members) or `None` to archive it; every such
    organisation must be named, or nothing happens (`ValidationError`). Staff
    accounts are closed by a superuser in the admin, not here.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_staff or user.is_superuser:
        raise ValidationError(_("Staff accounts are closed by the desk's administrator."))
    sole = organisations_solely_owned(user)
    missing = [o.name for o in sole if o.pk not in organisations_to]
    if missing:
        raise ValidationError(
            _("Choose what happens to %(organisations)s.") % {"organisations": ", ".join(missing)}
        )
    for organisation in sole:
        _hand_over(organisation, user=user, to=organisations_to[organisation.pk])
    needles = _identifiers(user)
    for kind in registered_kinds():
        if kind.erase is not None:
            kind.erase(user)
    _forget_mail(user, needles)
    _forget_history(needles)
    Invitation.objects.filter(email__iexact=user.email).delete()
    for record in (AccessAttempt, AccessLog, AccessFailureLog):
        record.objects.filter(username__iexact=user.email).delete()
    user.delete()
