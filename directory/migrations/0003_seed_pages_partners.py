"""The privacy notice, the accessibility statement and the project's partners.

Staff reword the pages in the admin; these are the first versions.
"""

from django.db import migrations

PAGES = {
    "privacy": {
        "title_it": "Informativa sulla privacy",
        "title_en": "Privacy notice",
        "body_it": (
            "Il Comune di Genova è titolare del trattamento dei dati personali raccolti da questo portale.\n\n"
            "Trattiamo i dati che ci fornisci (nome, indirizzo email, dati della tua organizzazione, richieste allo sportello) "
            "solo per gestire il tuo account, pubblicare il profilo della tua organizzazione se lo chiedi, rispondere alle tue "
            "richieste e svolgere l'indagine sull'industria creativa.\n\n"
            "I profili pubblici delle organizzazioni non contengono dati personali dei loro membri. "
            "Puoi chiedere in ogni momento di accedere ai tuoi dati, correggerli o cancellarli scrivendo allo sportello.\n\n"
            "Il portale usa solo cookie tecnici necessari all'accesso e alla sicurezza dei moduli."
        ),
        "body_en": (
            "The City of Genoa is the controller of the personal data collected by this portal.\n\n"
            "We process the data you give us (name, email address, details of your organisation, enquiries to the desk) "
            "only to run your account, publish your organisation's profile when you ask us to, answer your enquiries "
            "and carry out the survey of the creative industry.\n\n"
            "Public profiles of organisations hold no personal data of their members. "
            "You can ask at any time to see, correct or delete your data by writing to the desk.\n\n"
            "The portal uses only the technical cookies needed to log in and to keep forms secure."
        ),
    },
    "accessibility": {
        "title_it": "Dichiarazione di accessibilità",
        "title_en": "Accessibility statement",
        "body_it": (
            "Il Comune di Genova si impegna a rendere accessibile questo portale in conformità alla normativa vigente "
            "e alle linee guida AgID, secondo i requisiti WCAG 2.1 di livello AA.\n\n"
            "Le pagine usano HTML semantico, funzionano senza JavaScript, si usano da tastiera e sono verificate "
            "automaticamente a ogni modifica.\n\n"
            "Se trovi un contenuto non accessibile, scrivi allo sportello: ti risponderemo e correggeremo il problema."
        ),
        "body_en": (
            "The City of Genoa is committed to making this portal accessible as the law requires and in line with "
            "the AgID guidelines, meeting WCAG 2.1 level AA.\n\n"
            "Pages use semantic HTML, work without JavaScript, can be used with a keyboard and are checked "
            "automatically at every change.\n\n"
            "If you find content that is not accessible, write to the desk: we will answer and fix it."
        ),
    },
}

# (name, city it/en, country it/en, role it/en, lead)
PARTNERS = [
    (
        "City of Leipzig",
        "Lipsia",
        "Leipzig",
        "Germania",
        "Germany",
        "Capofila del progetto",
        "Lead partner of the project",
        True,
    ),
    (
        "Aufbauwerk Region Leipzig",
        "Lipsia",
        "Leipzig",
        "Germania",
        "Germany",
        "Agenzia di sviluppo regionale",
        "Regional development agency",
        False,
    ),
    (
        "German Association for Housing, Urban and Spatial Development",
        "Lipsia",
        "Leipzig",
        "Germania",
        "Germany",
        "Rete di esperti di sviluppo urbano",
        "Urban development expertise network",
        False,
    ),
    (
        "Comune di Genova",
        "Genova",
        "Genoa",
        "Italia",
        "Italy",
        "Area Cultura e Innovazione, punto di contatto locale",
        "Culture and Innovation area, local contact point",
        False,
    ),
    (
        "Job Centre Genova",
        "Genova",
        "Genoa",
        "Italia",
        "Italy",
        "Agenzia del Comune per lo sviluppo e il lavoro",
        "The City's agency for development and employment",
        False,
    ),
    ("City of Gdańsk", "Danzica", "Gdańsk", "Polonia", "Poland", "", "", False),
    (
        "Gdańsk Entrepreneurship Foundation",
        "Danzica",
        "Gdańsk",
        "Polonia",
        "Poland",
        "Coordina il Piano di Azione Congiunto",
        "Leads the Joint Action Plan work",
        False,
    ),
    ("City of Pécs", "Pécs", "Pécs", "Ungheria", "Hungary", "", "", False),
    (
        "Cultural Innovation Competence Centre",
        "Pécs",
        "Pécs",
        "Ungheria",
        "Hungary",
        "Centro di competenza sull'innovazione culturale",
        "Competence centre on cultural innovation",
        False,
    ),
    (
        "Regional Development Agency of the Ljubljana Urban Region",
        "Lubiana",
        "Ljubljana",
        "Slovenia",
        "Slovenia",
        "Agenzia di sviluppo regionale",
        "Regional development agency",
        False,
    ),
    (
        "Institute for Economic Research",
        "Lubiana",
        "Ljubljana",
        "Slovenia",
        "Slovenia",
        "Ricerca economica e valutazione",
        "Economic research and evaluation",
        False,
    ),
]


def seed(apps, schema_editor):
    Page = apps.get_model("directory", "Page")
    for slug, fields in PAGES.items():
        Page.objects.update_or_create(
            slug=slug, defaults={**fields, "title": fields["title_it"], "body": fields["body_it"]}
        )
    Partner = apps.get_model("directory", "Partner")
    for order, row in enumerate(PARTNERS, start=1):
        name, city_it, city_en, country_it, country_en, role_it, role_en, lead = row
        Partner.objects.update_or_create(
            name=name,
            defaults={
                "order": order,
                "city": city_it,
                "city_it": city_it,
                "city_en": city_en,
                "country": country_it,
                "country_it": country_it,
                "country_en": country_en,
                "role": role_it,
                "role_it": role_it,
                "role_en": role_en,
                "is_lead": lead,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("directory", "Page").objects.filter(slug__in=PAGES).delete()
    apps.get_model("directory", "Partner").objects.filter(
        name__in=[row[0] for row in PARTNERS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_seed_sectors")]

    operations = [migrations.RunPython(seed, unseed)]
