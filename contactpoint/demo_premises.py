"""Demo premises, invented for development and demonstrations.

Places and coordinates are real spots of Genoa and its metropolitan city,
many in urban regeneration areas; contacts are fictional (`.example`). Photos
are drawn with Pillow at load time and stored through the same checks as an
upload (`contactpoint.demo_calls.load_calls_and_premises` loads them).
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from contactpoint.models import Premises
from directory.models import Municipality


@dataclass(frozen=True)
class DemoPremises:
    slug: str
    title_it: str
    title_en: str
    kind: str
    description_it: str
    description_en: str
    floor_area: int
    rent: str | None
    address: str
    municipality: str
    latitude: str
    longitude: str
    area: str
    sectors: tuple[str, ...]
    available_in: int | None
    contact: tuple[str, str, str]
    photos: tuple[tuple[str, str], ...] = field(default=())


DESK = ("Sportello Creative Cities", "sportello@creativecities.example", "+39 010 000 0000")

PREMISES: tuple[DemoPremises, ...] = (
    DemoPremises(
        slug="bottega-vico-dei-librai",
        title_it="Bottega a piano strada nei vicoli",
        title_en="Street-level workshop in the lanes",
        kind=Premises.Kind.WORKSHOP,
        description_it="Ex bottega con volte in pietra e vetrina, a due passi da San Lorenzo.",
        description_en="A former shop with stone vaults and a window, steps from San Lorenzo.",
        floor_area=45,
        rent="550",
        address="Vico dei Librai 3r",
        municipality="municipio-i-centro-est",
        latitude="44.407300",
        longitude="8.931900",
        area=Premises.RegenerationArea.HISTORIC_CENTRE,
        sectors=("fashion", "design", "contemporary-art"),
        available_in=None,
        contact=DESK,
        photos=(("Vetrina su strada", "Shop window"), ("Sala con volte", "Vaulted room")),
    ),
    DemoPremises(
        slug="studio-via-del-campo",
        title_it="Studio luminoso in via del Campo",
        title_en="Bright studio in Via del Campo",
        kind=Premises.Kind.STUDIO,
        description_it="Secondo piano con tre finestre, adatto a fotografia o illustrazione.",
        description_en="Second floor with three windows, suited to photography or illustration.",
        floor_area=70,
        rent="700",
        address="Via del Campo 12",
        municipality="municipio-i-centro-est",
        latitude="44.412100",
        longitude="8.926400",
        area=Premises.RegenerationArea.HISTORIC_CENTRE,
        sectors=("contemporary-art", "publishing", "advertising"),
        available_in=30,
        contact=("Agenzia Vicoli (esempio)", "affitti@vicoli.example", "+39 010 111 2233"),
        photos=(("Studio con finestre", "Studio with windows"),),
    ),
    DemoPremises(
        slug="capannone-certosa",
        title_it="Capannone ex industriale a Certosa",
        title_en="Former industrial shed in Certosa",
        kind=Premises.Kind.WAREHOUSE,
        description_it="Spazio alto sette metri, accesso carrabile, adatto a scenografie e set.",
        description_en="Seven metres high, vehicle access, suited to stage sets and film sets.",
        floor_area=420,
        rent="1800",
        address="Via Jori 20",
        municipality="municipio-v-valpolcevera",
        latitude="44.438900",
        longitude="8.893100",
        area=Premises.RegenerationArea.VAL_POLCEVERA,
        sectors=("cinema", "music-performing-arts", "design"),
        available_in=60,
        contact=DESK,
        photos=(("Interno del capannone", "Inside the shed"), ("Ingresso carrabile", "Gate")),
    ),
    DemoPremises(
        slug="uffici-via-cantore",
        title_it="Uffici in via Cantore",
        title_en="Offices in Via Cantore",
        kind=Premises.Kind.OFFICE,
        description_it="Quattro stanze e una sala riunioni, vicino alla metropolitana.",
        description_en="Four rooms and a meeting room, near the underground.",
        floor_area=110,
        rent="1100",
        address="Via Antonio Cantore 8",
        municipality="municipio-ii-centro-ovest",
        latitude="44.414300",
        longitude="8.893900",
        area=Premises.RegenerationArea.SAMPIERDARENA,
        sectors=("software", "advertising", "television-radio"),
        available_in=None,
        contact=("Immobiliare Ponente (esempio)", "uffici@ponente.example", "+39 010 222 3344"),
        photos=(("Sala riunioni", "Meeting room"),),
    ),
    DemoPremises(
        slug="coworking-villa-scassi",
        title_it="Postazioni in coworking vicino a Villa Scassi",
        title_en="Coworking desks near Villa Scassi",
        kind=Premises.Kind.COWORKING,
        description_it="Postazioni fisse con armadietto, sala riunioni e connessione in fibra.",
        description_en="Fixed desks with a locker, a meeting room and a fibre connection.",
        floor_area=8,
        rent="180",
        address="Corso Onofrio Scassi 14",
        municipality="municipio-ii-centro-ovest",
        latitude="44.416500",
        longitude="8.898300",
        area=Premises.RegenerationArea.SAMPIERDARENA,
        sectors=("software", "publishing", "design"),
        available_in=None,
        contact=DESK,
        photos=(("Sala del coworking", "Coworking room"),),
    ),
    DemoPremises(
        slug="negozio-darsena",
        title_it="Negozio sulla Darsena",
        title_en="Shop on the Darsena",
        kind=Premises.Kind.SHOP,
        description_it="Vetrina sul porto antico, adatta a un concept store o una galleria.",
        description_en="A window on the old port, suited to a concept store or a gallery.",
        floor_area=60,
        rent=None,
        address="Calata Vignoso 5",
        municipality="municipio-i-centro-est",
        latitude="44.412300",
        longitude="8.924100",
        area=Premises.RegenerationArea.WATERFRONT,
        sectors=("fashion", "food-taste", "contemporary-art"),
        available_in=90,
        contact=("Porto Antico (esempio)", "spazi@portoantico.example", ""),
        photos=(("Vetrina sul porto", "Window on the port"),),
    ),
    DemoPremises(
        slug="studio-chiavari",
        title_it="Studio professionale a Chiavari",
        title_en="Professional studio in Chiavari",
        kind=Premises.Kind.STUDIO,
        description_it="Due stanze al primo piano sotto i portici.",
        description_en="Two rooms on the first floor under the arcades.",
        floor_area=50,
        rent="600",
        address="Via Martiri della Liberazione 40",
        municipality="chiavari",
        latitude="44.316900",
        longitude="9.322300",
        area="",
        sectors=("architecture", "design"),
        available_in=15,
        contact=("Studio Tigullio (esempio)", "info@tigullio.example", "+39 0185 000 111"),
        photos=(("Stanza principale", "Main room"),),
    ),
)

PHOTO_COLOURS = (
    ("#d9c7a7", "#8a5a44", "#6fa8c9"),
    ("#e4e1d6", "#5b6770", "#a7c7a0"),
    ("#cfc6b8", "#3c4a5a", "#f0d28a"),
)


def demo_photo(caption: str, index: int) -> bytes:
    """A simple drawing of a room: floor, back wall, a window and the caption."""
    wall, floor, window = PHOTO_COLOURS[index % len(PHOTO_COLOURS)]
    width, height = 960, 640
    image = Image.new("RGB", (width, height), wall)
    draw = ImageDraw.Draw(image)
    draw.polygon([(0, height), (width, height), (width - 160, 440), (160, 440)], fill=floor)
    left = 200 + (index * 137) % 360
    draw.rectangle((left, 120, left + 220, 360), fill=window, outline="white", width=12)
    draw.line((left + 110, 120, left + 110, 360), fill="white", width=8)
    font = ImageFont.load_default(size=40)
    draw.text((width // 2, 560), caption, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def premises_from_demo(item: DemoPremises, now: datetime.datetime, place: Municipality) -> Premises:
    """Create the premises of `item`, or bring it back to its demo content (its
    availability counted from `now`); its sectors and photos are the loader's."""
    premises = Premises.objects.filter(slug=item.slug).first() or Premises(slug=item.slug)
    premises.title_it = item.title_it  # type: ignore[attr-defined]
    premises.title_en = item.title_en  # type: ignore[attr-defined]
    premises.description_it = item.description_it  # type: ignore[attr-defined]
    premises.description_en = item.description_en  # type: ignore[attr-defined]
    premises.kind = item.kind
    premises.floor_area = item.floor_area
    premises.monthly_rent = Decimal(item.rent) if item.rent else None
    premises.address = item.address
    premises.municipality = place
    premises.latitude = Decimal(item.latitude)
    premises.longitude = Decimal(item.longitude)
    premises.regeneration_area = item.area
    premises.available_from = (
        None
        if item.available_in is None
        else timezone.localdate(now) + datetime.timedelta(days=item.available_in)
    )
    premises.contact_name, premises.contact_email, premises.contact_phone = item.contact
    premises.is_published = True
    premises.published_at = premises.published_at or now
    premises.full_clean()
    premises.save()
    return premises
