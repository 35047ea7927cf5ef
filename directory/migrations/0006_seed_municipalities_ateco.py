"""Places of the metropolitan area, the sectors' ATECO codes, and desk permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.utils.text import slugify

GENOA_DISTRICTS = [
    "Municipio I Centro Est",
    "Municipio II Centro Ovest",
    "Municipio III Bassa Val Bisagno",
    "Municipio IV Media Val Bisagno",
    "Municipio V Valpolcevera",
    "Municipio VI Medio Ponente",
    "Municipio VII Ponente",
    "Municipio VIII Medio Levante",
    "Municipio IX Levante",
]

# The other comuni of the Città Metropolitana di Genova.
METRO_MUNICIPALITIES = [
    "Arenzano",
    "Avegno",
    "Bargagli",
    "Bogliasco",
    "Borzonasca",
    "Busalla",
    "Camogli",
    "Campo Ligure",
    "Campomorone",
    "Carasco",
    "Casarza Ligure",
    "Casella",
    "Castiglione Chiavarese",
    "Ceranesi",
    "Chiavari",
    "Cicagna",
    "Cogoleto",
    "Cogorno",
    "Coreglia Ligure",
    "Crocefieschi",
    "Davagna",
    "Fascia",
    "Favale di Malvaro",
    "Fontanigorda",
    "Gorreto",
    "Isola del Cantone",
    "Lavagna",
    "Leivi",
    "Lorsica",
    "Lumarzo",
    "Masone",
    "Mele",
    "Mezzanego",
    "Mignanego",
    "Moconesi",
    "Moneglia",
    "Montebruno",
    "Montoggio",
    "Ne",
    "Neirone",
    "Orero",
    "Pieve Ligure",
    "Portofino",
    "Propata",
    "Rapallo",
    "Recco",
    "Rezzoaglio",
    "Ronco Scrivia",
    "Rondanina",
    "Rossiglione",
    "Rovegno",
    "San Colombano Certenoli",
    "Santa Margherita Ligure",
    "Sant'Olcese",
    "Santo Stefano d'Aveto",
    "Savignone",
    "Serra Riccò",
    "Sestri Levante",
    "Sori",
    "Tiglieto",
    "Torriglia",
    "Tribogna",
    "Uscio",
    "Valbrevenna",
    "Vobbia",
    "Zoagli",
]

SECTOR_ATECO = {
    "cultural-heritage": ["91.11", "91.12", "91.21", "91.22", "91.30"],
    "architecture": ["71.11"],
    "music-performing-arts": ["90.11", "90.20", "90.31", "90.39", "59.20"],
    "contemporary-art": ["90.12", "90.13", "74.20"],
    "cinema": ["59.11", "59.12", "59.13", "59.14"],
    "software": ["62.10", "58.21", "58.29"],
    "publishing": ["58.11", "58.12", "58.13", "58.19"],
    "advertising": ["73.11", "73.12"],
    "television-radio": ["60.10", "60.20", "60.39"],
    "fashion": ["14.10", "14.21", "14.24", "15.12", "32.12"],
    "design": ["74.11", "74.12", "74.13", "74.14"],
    "food-taste": ["10.41", "10.52", "10.73", "10.82", "11.02", "56.11"],
}

DESK_PERMISSIONS = [
    "view_municipality",
    "add_municipality",
    "change_municipality",
    "view_organisation",
    "add_organisation",
    "change_organisation",
    "view_membership",
    "add_membership",
    "change_membership",
    "delete_membership",
    "view_invitation",
    "view_organisationversion",
]


def seed(apps, schema_editor):
    Municipality = apps.get_model("directory", "Municipality")
    for order, name in enumerate(GENOA_DISTRICTS, start=1):
        Municipality.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "kind": "district", "order": order}
        )
    for order, name in enumerate(METRO_MUNICIPALITIES, start=100):
        Municipality.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "kind": "municipality", "order": order}
        )
    Sector = apps.get_model("directory", "Sector")
    for slug, codes in SECTOR_ATECO.items():
        Sector.objects.filter(slug=slug).update(ateco_codes=codes)

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    desk = Group.objects.get(name="Desk staff")
    desk.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="directory", codename__in=DESK_PERMISSIONS
        )
    )


def unseed(apps, schema_editor):
    apps.get_model("directory", "Municipality").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0005_organisations")]

    operations = [migrations.RunPython(seed, unseed)]
