"""Factories for funding calls and premises."""

import datetime
import io
from decimal import Decimal
from typing import Any

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from PIL import Image

from contactpoint.models import FundingCall, Premises, PremisesPhoto
from contactpoint.services.premises import premises_photo_add
from creativecities.images import process_photo
from directory.models import Municipality


class FundingCallFactory(DjangoModelFactory[FundingCall]):
    """A published call, open for a month from a week ago."""

    class Meta:
        model = FundingCall
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"call-{n}")
    title_it = factory.Sequence(lambda n: f"Bando {n}")
    title_en = factory.Sequence(lambda n: f"Call {n}")
    description_it = "Contributi alle imprese creative."
    description_en = "Grants for creative businesses."
    funder = FundingCall.Funder.REGION
    funder_name = "Regione Liguria"
    amount_min = Decimal("1000")
    amount_max = Decimal("20000")
    cofinancing_rate = 50
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    official_url = "https://bandi.example/call"
    is_published = True
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def sectors(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.sectors.set(extracted)


class PremisesFactory(DjangoModelFactory[Premises]):
    """Published premises in the historic centre of Genoa."""

    class Meta:
        model = Premises
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"premises-{n}")
    title_it = factory.Sequence(lambda n: f"Spazio {n}")
    title_en = factory.Sequence(lambda n: f"Space {n}")
    kind = Premises.Kind.STUDIO
    floor_area = 60
    monthly_rent = Decimal("600")
    address = "Via del Campo 1"
    municipality = factory.LazyFunction(
        lambda: Municipality.objects.get(slug="municipio-i-centro-est")
    )
    latitude = Decimal("44.412100")
    longitude = Decimal("8.926400")
    regeneration_area = Premises.RegenerationArea.HISTORIC_CENTRE
    contact_name = "Sportello"
    contact_email = "sportello@example.org"
    is_published = True
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def sectors(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            self.sectors.set(extracted)


def calls_png(size: tuple[int, int] = (300, 200), colour: str = "#336699") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def calls_add_photo(premises: Premises, caption: str = "Sala", order: int = 0) -> PremisesPhoto:
    """A photo stored the way every photo is: through `process_photo`."""
    processed = process_photo(ContentFile(calls_png(), name="photo.png"))
    return premises_photo_add(
        premises=premises, processed=processed, caption_it=caption, order=order
    )
