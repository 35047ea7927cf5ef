"""What search engines and link previews read about a public profile: a schema.org
`Organization` and the Open Graph properties, built from the profile's own data."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from directory.models import Municipality, Organisation, Sector
from directory.profiles import social_links

# Lower and upper bound of each size band, for schema.org's numberOfEmployees.
EMPLOYEES = {
    Organisation.Size.SOLO: (1, 1),
    Organisation.Size.MICRO: (2, 9),
    Organisation.Size.SMALL: (10, 49),
    Organisation.Size.MEDIUM: (50, 249),
    Organisation.Size.LARGE: (250, None),
}


def absolute_url(url: str) -> str:
    """A URL of this site as the public reaches it (storage URLs may be absolute already)."""
    if url.startswith(("http://", "https://")):
        return url
    return f"{settings.SITE_URL}{url}"


def organisation_json_ld(organisation: Organisation, *, sectors: list[Sector]) -> dict[str, Any]:
    """The profile as a schema.org Organization (https://schema.org/Organization)."""
    profile_url = absolute_url(organisation.get_absolute_url())
    place = organisation.municipality
    in_genoa = place.kind == Municipality.Kind.GENOA_DISTRICT
    address = {
        "@type": "PostalAddress",
        "streetAddress": organisation.address,
        "postalCode": organisation.postcode,
        "addressLocality": "Genova" if in_genoa else place.name,
        "addressRegion": "GE",
        "addressCountry": "IT",
    }
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": profile_url,
        "mainEntityOfPage": profile_url,
        "name": organisation.name,
        "url": organisation.website or profile_url,
        "description": str(organisation.short_description),
        "address": {key: value for key, value in address.items() if value},
        "knowsAbout": [str(sector.name) for sector in sectors],
    }
    if organisation.logo:
        data["logo"] = absolute_url(organisation.logo.url)
    if organisation.email:
        data["email"] = organisation.email
    if organisation.phone:
        data["telephone"] = organisation.phone
    if organisation.year_founded:
        data["foundingDate"] = str(organisation.year_founded)
    if organisation.vat_number:
        data["vatID"] = f"IT{organisation.vat_number}"
    if organisation.size in EMPLOYEES:
        low, high = EMPLOYEES[Organisation.Size(organisation.size)]
        employees: dict[str, Any] = {"@type": "QuantitativeValue", "minValue": low}
        if high is not None:
            employees["maxValue"] = high
        data["numberOfEmployees"] = employees
    if organisation.languages:
        data["knowsLanguage"] = list(organisation.languages)
    if organisation.has_coordinates:
        data["location"] = {
            "@type": "Place",
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(organisation.latitude),  # type: ignore[arg-type]
                "longitude": float(organisation.longitude),  # type: ignore[arg-type]
            },
        }
    same_as = [url for _network, url in social_links(organisation)]
    if same_as:
        data["sameAs"] = same_as
    return data
