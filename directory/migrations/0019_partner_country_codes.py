"""The country codes of the partners seeded by 0003, matched by city."""

from django.db import migrations

CODES = {"Leipzig": "DE", "Genoa": "IT", "Gdańsk": "PL", "Pécs": "HU", "Ljubljana": "SI"}


def fill(apps, schema_editor):
    Partner = apps.get_model("directory", "Partner")
    for city, code in CODES.items():
        Partner.objects.filter(city_en=city, country_code="").update(country_code=code)


class Migration(migrations.Migration):
    dependencies = [("directory", "0018_partner_country_logo")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
