"""Demo benchmark: eight shared indicators and the partner cities' values over
three years, registered with `load_demo_data` in `ActionplanConfig.ready()`.

The figures are invented for the demo (their sources say so); the offices named
are the ones each city would ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from actionplan.models import BenchmarkIndicator, BenchmarkValue
from directory.models import Partner, User

HIGHER = BenchmarkIndicator.Direction.HIGHER
LOWER = BenchmarkIndicator.Direction.LOWER


@dataclass(frozen=True)
class DemoIndicator:
    slug: str
    name_it: str
    name_en: str
    definition_it: str
    definition_en: str
    unit_it: str
    unit_en: str
    source: str
    direction: str
    # The value of each city in the first year, in REPORTERS' order, and the
    # change from one year to the next.
    start: tuple[float, float, float, float, float]
    yearly: tuple[float, float, float, float, float]


INDICATORS = (
    DemoIndicator(
        "creative-businesses-share",
        "Quota di imprese creative",
        "Share of creative businesses",
        "Imprese attive nei settori creativi e culturali sul totale delle imprese attive della "
        "città.",
        "Active businesses in the creative and cultural sectors, out of all active businesses in "
        "the city.",
        "%",
        "%",
        "National business register (statistics office)",
        HIGHER,
        (6.1, 7.4, 5.2, 4.8, 6.6),
        (0.2, 0.3, 0.4, 0.1, 0.2),
    ),
    DemoIndicator(
        "creative-employment-share",
        "Occupati nelle industrie creative",
        "Employment in the creative industries",
        "Persone occupate nei settori creativi e culturali sul totale degli occupati.",
        "People employed in the creative and cultural sectors, out of everyone employed.",
        "%",
        "%",
        "Labour force survey (statistics office)",
        HIGHER,
        (4.2, 5.9, 3.8, 3.1, 5.0),
        (0.1, 0.2, 0.3, 0.1, 0.1),
    ),
    DemoIndicator(
        "creative-start-ups",
        "Nuove imprese creative",
        "New creative businesses",
        "Imprese creative iscritte nell'anno ogni 10.000 abitanti.",
        "Creative businesses registered in the year per 10,000 inhabitants.",
        "imprese per 10.000 abitanti",
        "businesses per 10,000 inhabitants",
        "Chamber of commerce or business register",
        HIGHER,
        (9.5, 12.8, 11.0, 7.2, 10.4),
        (0.6, 0.4, 0.9, 0.5, 0.3),
    ),
    DemoIndicator(
        "start-up-survival",
        "Sopravvivenza a tre anni",
        "Three-year survival",
        "Imprese creative ancora attive tre anni dopo l'iscrizione.",
        "Creative businesses still active three years after registration.",
        "%",
        "%",
        "Business demography (statistics office)",
        HIGHER,
        (58.0, 61.5, 55.2, 52.0, 60.1),
        (0.8, 0.5, 1.2, 1.0, 0.4),
    ),
    DemoIndicator(
        "workspace-rent",
        "Affitto degli spazi di lavoro",
        "Workspace rent",
        "Canone medio mensile di uffici e laboratori nelle aree urbane dei distretti creativi.",
        "Average monthly rent of offices and workshops in the creative districts' urban areas.",
        "€ al m² al mese",
        "€ per m² a month",
        "Property market observatory",
        LOWER,
        (9.8, 11.2, 13.5, 6.4, 12.1),
        (0.3, 0.6, 0.5, 0.2, 0.4),
    ),
    DemoIndicator(
        "permit-days",
        "Tempi dei permessi",
        "Time to a permit",
        "Giorni medi tra la domanda e il permesso per aprire uno spazio creativo aperto al "
        "pubblico.",
        "Average days between the application and the permit to open a creative venue to the "
        "public.",
        "giorni",
        "days",
        "Municipal one-stop shop for businesses",
        LOWER,
        (48, 35, 41, 55, 39),
        (-3, -2, -4, -5, -1),
    ),
    DemoIndicator(
        "culture-spending",
        "Spesa comunale per la cultura",
        "Municipal spending on culture",
        "Spesa corrente del comune per cultura e industrie creative, per abitante.",
        "The municipality's current spending on culture and the creative industries, per "
        "inhabitant.",
        "€ per abitante",
        "€ per inhabitant",
        "Municipal budget (final accounts)",
        HIGHER,
        (62.0, 118.0, 71.0, 44.0, 83.0),
        (2.5, 3.0, 4.0, 1.5, 2.0),
    ),
    DemoIndicator(
        "creative-graduates",
        "Laureati in discipline creative",
        "Graduates in creative disciplines",
        "Laureati dell'anno in arte, design, architettura, media e musica ogni 1.000 abitanti di "
        "20-29 anni.",
        "The year's graduates in art, design, architecture, media and music per 1,000 "
        "inhabitants aged 20 to 29.",
        "laureati per 1.000 abitanti",
        "graduates per 1,000 inhabitants",
        "Higher education statistics (ministry)",
        HIGHER,
        (14.2, 17.9, 16.5, 12.3, 15.8),
        (0.3, 0.2, 0.6, 0.4, 0.1),
    ),
)

# The partner that reports each city's values (matched by name), and the
# statistics office each names as its source.
REPORTERS = (
    ("City of Leipzig", "Statistisches Landesamt Sachsen"),
    ("Comune di Genova", "ISTAT"),
    ("City of Gdańsk", "GUS, Statistics Poland"),
    ("City of Pécs", "KSH, Hungarian Central Statistical Office"),
    (
        "Regional Development Agency of the Ljubljana Urban Region",
        "SURS, Statistical Office of Slovenia",
    ),
)

YEARS = 3


def benchmark_demo(*, staff: User, member: User) -> str:
    """Create or bring back the demo indicators and values; a second run writes nothing."""
    last_year = timezone.localdate().year - 1
    years = range(last_year - YEARS + 1, last_year + 1)
    partners = {p.name: p for p in Partner.objects.filter(name__in=[n for n, _s in REPORTERS])}
    written = 0
    for order, demo in enumerate(INDICATORS, start=1):
        indicator, _created = BenchmarkIndicator.objects.update_or_create(
            slug=demo.slug,
            defaults={
                "order": order,
                "name": demo.name_it,
                "name_it": demo.name_it,
                "name_en": demo.name_en,
                "definition": demo.definition_it,
                "definition_it": demo.definition_it,
                "definition_en": demo.definition_en,
                "unit": demo.unit_it,
                "unit_it": demo.unit_it,
                "unit_en": demo.unit_en,
                "source": demo.source,
                "direction": demo.direction,
                "frequency": BenchmarkIndicator.Frequency.ANNUAL,
            },
        )
        for (name, office), start, step in zip(REPORTERS, demo.start, demo.yearly, strict=True):
            partner = partners.get(name)
            if partner is None:
                continue
            for offset, year in enumerate(years):
                value = Decimal(str(round(start + step * offset, 2)))
                _entry, created = BenchmarkValue.objects.get_or_create(
                    indicator=indicator,
                    partner=partner,
                    year=year,
                    defaults={"value": value, "source": f"{office} (demo figure)"},
                )
                written += created
    return (
        f"Benchmark: {len(INDICATORS)} indicators, values of {len(partners)} cities for "
        f"{years.start}-{years.stop - 1} ({written} new)."
    )
