"""Random tokens stored as a hash: invitations, an enquiry's tracking link.

The token is in the email only; the table keeps its SHA-256, so a copy of the
database (a backup, a replica, an admin who can read rows) opens nothing. A
fast hash is enough, unlike for passwords: the token is 256 random bits, so
there is no list of likely values to try.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets


def token_digest(token: str) -> str:
    """What is stored of a token: its SHA-256, in hex (64 characters)."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh token for a link and the digest to store in its place."""
    token = secrets.token_urlsafe(32)
    return token, token_digest(token)


def token_matches(digest: str, token: str) -> bool:
    """Whether `token` is the one whose digest was stored, compared in constant
    time (an empty digest matches nothing)."""
    return bool(digest) and hmac.compare_digest(digest, token_digest(token))
