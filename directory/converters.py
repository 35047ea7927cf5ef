"""Strict shapes for the values a URL of the portal carries.

A value that cannot be one of ours (a NUL byte, a control character, a
10 kB string, a path separator) answers the ordinary 404 at the resolver,
before a view hands it to the database, which refuses NUL bytes with an
error rather than a miss. Each pattern allows exactly the alphabet its
values are made of and bounds the length; within that, the view still
decides, so a link cut short by a mail client reaches the page that says the
link cannot be used and offers a new one.
"""

from __future__ import annotations

from django.urls import register_converter


class _Text:
    """A string converter whose only job is its regex."""

    regex: str

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class BoundedSlugConverter(_Text):
    """A slug as `slugify` makes them, no longer than the longest slug column
    (an organisation's, 220)."""

    regex = "[-a-zA-Z0-9_]{1,220}"


class InvitationTokenConverter(_Text):
    """An invitation link's token: URL-safe base64 (`secrets.token_urlsafe`,
    43 characters today), at most the 64 characters a token ever had."""

    regex = "[-a-zA-Z0-9_]{1,64}"


class ConfirmationTokenConverter(_Text):
    """A signed confirmation link (`django.core.signing`): URL-safe base64,
    a leading dot when compressed, and colons between payload, timestamp and
    signature. A real one is about 120 characters."""

    regex = "[-a-zA-Z0-9_.:]{1,256}"


register_converter(BoundedSlugConverter, "bounded_slug")
register_converter(InvitationTokenConverter, "invitation_token")
register_converter(ConfirmationTokenConverter, "confirmation_token")
