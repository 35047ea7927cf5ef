"""The desk's contacts as pages read them: from the cache, per language.

Every page's footer shows them, so reading them must cost no query: they are
kept in the default cache per language, filled on first use and forgotten when
staff save the record (`desk_contacts_forget`, connected in `apps.py`), which
also drops the footer's cached fragment. With a cache private to each process
(the default, local memory), other processes pick a change up when their copy
expires after `TIMEOUT`; with a shared cache (Redis) at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.utils.translation import get_language, override

from contactpoint.models import DeskContact

TIMEOUT = 300
CACHE_PREFIX = "contactpoint:desk-contacts"
FOOTER_FRAGMENT = "page_footer"  # the name base.html caches the footer under


@dataclass(frozen=True)
class DeskContacts:
    """What pages show of the desk, in one language; empty when staff have not
    entered it yet (pages then show the portal's general address)."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    pec: str = ""
    opening_hours: list[str] = field(default_factory=list)
    appointments: str = ""

    def __bool__(self) -> bool:
        return bool(self.name or self.address or self.email)

    @property
    def phone_link(self) -> str:
        """The phone number as a `tel:` address (digits and a leading +)."""
        return "".join(char for char in self.phone if char.isdigit() or char == "+")


def _key(language: str) -> str:
    return f"{CACHE_PREFIX}:{language}"


def _read(language: str) -> DeskContacts:
    record = DeskContact.objects.first()
    if record is None:
        return DeskContacts()
    with override(language):
        return DeskContacts(
            name=str(record.name or ""),
            address=str(record.address or ""),
            phone=record.phone,
            email=record.email,
            pec=record.pec,
            opening_hours=record.opening_hours_lines,
            appointments=str(record.appointments or ""),
        )


def desk_contacts(language: str | None = None) -> DeskContacts:
    """The desk's contacts in `language` (the active one by default)."""
    language = language or get_language() or settings.LANGUAGE_CODE
    key = _key(language)
    contacts = cache.get(key)
    if contacts is None:
        contacts = _read(language)
        cache.set(key, contacts, TIMEOUT)
    return contacts  # type: ignore[no-any-return]


def desk_contacts_forget(**kwargs: Any) -> None:
    """Drop the cached contacts and footers of every language (after a save)."""
    languages = [code for code, _name in settings.LANGUAGES]
    cache.delete_many(
        [_key(code) for code in languages]
        + [make_template_fragment_key(FOOTER_FRAGMENT, [code]) for code in languages]
    )
