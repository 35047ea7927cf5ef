"""How a demo profile is described and how its logo is drawn.

The profiles themselves are in `directory/demo_organisations.py`;
`load_demo_data` reads both. Logos are drawn when the data is loaded, never
kept in the repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from creativecities.demo.logos import drawn_logo


@dataclass(frozen=True)
class DemoOrganisation:
    """One demo profile. `sectors` starts with the main one.

    Dates are given in days before the first load: `published` for published
    profiles (None for pending and rejected ones), `confirmed` when a member
    last confirmed the profile (defaults to a date within the last year).
    """

    slug: str
    name: str
    kind: str
    sectors: tuple[str, ...]
    municipality: str
    address: str
    postcode: str
    latitude: str
    longitude: str
    size: str
    year_founded: int
    short_it: str
    short_en: str
    description_it: str
    description_en: str
    published: int | None
    languages: tuple[str, ...] = ("it",)
    international: bool = False
    website: str = ""
    email: str = ""
    confirmed: int | None = None
    status: str = "published"
    rejection_reason: str = ""
    created: int = 0

    def content(self) -> dict[str, object]:
        """The profile fields the loader keeps as written here."""
        return {
            "name": self.name,
            "kind": self.kind,
            "short_description_it": self.short_it,
            "short_description_en": self.short_en,
            "description_it": self.description_it,
            "description_en": self.description_en,
            "website": self.website,
            "email": self.email,
            "address": self.address,
            "postcode": self.postcode,
            "latitude": Decimal(self.latitude),
            "longitude": Decimal(self.longitude),
            "size": self.size,
            "year_founded": self.year_founded,
            "open_to_international": self.international,
            "languages": list(self.languages),
        }

    def days_ago(self) -> tuple[int, int | None, int]:
        """Created, published and confirmed, in days before the load."""
        if self.published is None:
            created = self.created or 3
            return created, None, self.confirmed or created
        created = self.created or self.published + 6
        confirmed = self.confirmed
        if confirmed is None:
            confirmed = min(self.published, 15 + (self.published * 37) % 320)
        return created, self.published, confirmed

    @property
    def initials(self) -> str:
        small = {"di", "del", "della", "dei", "delle", "e", "&", "la", "il", "lo", "da", "d"}
        words = [word for word in self.name.replace("'", " ").split() if word.lower() not in small]
        return "".join(word[0] for word in words[:2]).upper()


def demo_logo(organisation: DemoOrganisation, index: int) -> bytes:
    """A simple, distinctive PNG: the initials on a coloured shape."""
    return drawn_logo(organisation.initials, index)
