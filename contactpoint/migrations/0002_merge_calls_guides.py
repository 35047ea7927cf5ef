from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("contactpoint", "0001_calls"),
        ("contactpoint", "0001_guides"),
    ]

    operations = []
