"""The desk's contacts in any template (the footer's), read from the cache."""

from django import template

from contactpoint.services.desk import DeskContacts, desk_contacts

register = template.Library()


@register.simple_tag(name="desk_contacts")
def desk_contacts_tag() -> DeskContacts:
    """`{% desk_contacts as desk %}`: the contacts in the active language, no query
    once cached."""
    return desk_contacts()
