"""Each place's centre, roughly (a town's main square, a municipio's middle):
where the map of a member's profile starts before they place their pin. The
places are those of 0006; a place staff added since keeps no centre (the map
then starts on Genoa)."""

from typing import Any

import django.core.validators
from django.db import migrations, models
from django.utils.text import slugify

# Latitude, longitude, to about a hundred metres: a starting view, not a boundary.
CENTRES = {
    "Municipio I Centro Est": ("44.4075", "8.9340"),
    "Municipio II Centro Ovest": ("44.4110", "8.8960"),
    "Municipio III Bassa Val Bisagno": ("44.4155", "8.9560"),
    "Municipio IV Media Val Bisagno": ("44.4530", "8.9720"),
    "Municipio V Valpolcevera": ("44.4560", "8.9030"),
    "Municipio VI Medio Ponente": ("44.4230", "8.8510"),
    "Municipio VII Ponente": ("44.4270", "8.7700"),
    "Municipio VIII Medio Levante": ("44.3975", "8.9630"),
    "Municipio IX Levante": ("44.3880", "9.0130"),
    "Arenzano": ("44.4036", "8.6822"),
    "Avegno": ("44.3823", "9.1611"),
    "Bargagli": ("44.4467", "9.0924"),
    "Bogliasco": ("44.3787", "9.0690"),
    "Borzonasca": ("44.4222", "9.3876"),
    "Busalla": ("44.5706", "8.9452"),
    "Camogli": ("44.3487", "9.1549"),
    "Campo Ligure": ("44.5369", "8.6995"),
    "Campomorone": ("44.5090", "8.8880"),
    "Carasco": ("44.3506", "9.3458"),
    "Casarza Ligure": ("44.2744", "9.4502"),
    "Casella": ("44.5367", "9.0000"),
    "Castiglione Chiavarese": ("44.2756", "9.5125"),
    "Ceranesi": ("44.5050", "8.8930"),
    "Chiavari": ("44.3170", "9.3222"),
    "Cicagna": ("44.4083", "9.2375"),
    "Cogoleto": ("44.3893", "8.6456"),
    "Cogorno": ("44.3247", "9.3500"),
    "Coreglia Ligure": ("44.3875", "9.2800"),
    "Crocefieschi": ("44.5822", "9.0241"),
    "Davagna": ("44.4650", "9.0861"),
    "Fascia": ("44.5833", "9.2217"),
    "Favale di Malvaro": ("44.4513", "9.2597"),
    "Fontanigorda": ("44.5456", "9.3044"),
    "Gorreto": ("44.6050", "9.2906"),
    "Isola del Cantone": ("44.6483", "8.9583"),
    "Lavagna": ("44.3088", "9.3451"),
    "Leivi": ("44.3475", "9.3125"),
    "Lorsica": ("44.4333", "9.2764"),
    "Lumarzo": ("44.4367", "9.1453"),
    "Masone": ("44.5025", "8.7181"),
    "Mele": ("44.4461", "8.7525"),
    "Mezzanego": ("44.3842", "9.3781"),
    "Mignanego": ("44.5269", "8.9136"),
    "Moconesi": ("44.4200", "9.2000"),
    "Moneglia": ("44.2392", "9.4908"),
    "Montebruno": ("44.5267", "9.2505"),
    "Montoggio": ("44.5178", "9.0497"),
    "Ne": ("44.3494", "9.3944"),
    "Neirone": ("44.4550", "9.1914"),
    "Orero": ("44.4117", "9.2700"),
    "Pieve Ligure": ("44.3731", "9.0916"),
    "Portofino": ("44.3033", "9.2097"),
    "Propata": ("44.5647", "9.1847"),
    "Rapallo": ("44.3500", "9.2300"),
    "Recco": ("44.3622", "9.1436"),
    "Rezzoaglio": ("44.5261", "9.3856"),
    "Ronco Scrivia": ("44.6117", "8.9542"),
    "Rondanina": ("44.5639", "9.2178"),
    "Rossiglione": ("44.5619", "8.6700"),
    "Rovegno": ("44.5794", "9.2797"),
    "San Colombano Certenoli": ("44.3720", "9.3100"),
    "Santa Margherita Ligure": ("44.3344", "9.2117"),
    "Sant'Olcese": ("44.4861", "8.9650"),
    "Santo Stefano d'Aveto": ("44.5472", "9.4511"),
    "Savignone": ("44.5628", "8.9883"),
    "Serra Riccò": ("44.5103", "8.9364"),
    "Sestri Levante": ("44.2733", "9.3964"),
    "Sori": ("44.3714", "9.1044"),
    "Tiglieto": ("44.5244", "8.6180"),
    "Torriglia": ("44.5175", "9.1583"),
    "Tribogna": ("44.4167", "9.1833"),
    "Uscio": ("44.4133", "9.1631"),
    "Valbrevenna": ("44.5653", "9.0683"),
    "Vobbia": ("44.6000", "9.0400"),
    "Zoagli": ("44.3369", "9.2669"),
}


def add_centres(apps: Any, schema_editor: Any) -> None:
    Municipality = apps.get_model("directory", "Municipality")
    for name, (latitude, longitude) in CENTRES.items():
        Municipality.objects.filter(slug=slugify(name), latitude__isnull=True).update(
            latitude=latitude, longitude=longitude
        )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0032_survey_models_to_survey_app"),
    ]

    operations = [
        migrations.AddField(
            model_name="municipality",
            name="latitude",
            field=models.DecimalField(
                blank=True,
                decimal_places=6,
                max_digits=9,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(-90),
                    django.core.validators.MaxValueValidator(90),
                ],
                verbose_name="latitude",
            ),
        ),
        migrations.AddField(
            model_name="municipality",
            name="longitude",
            field=models.DecimalField(
                blank=True,
                decimal_places=6,
                max_digits=9,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(-180),
                    django.core.validators.MaxValueValidator(180),
                ],
                verbose_name="longitude",
            ),
        ),
        migrations.AddConstraint(
            model_name="municipality",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("latitude__isnull", True), ("longitude__isnull", True)),
                    models.Q(("latitude__isnull", False), ("longitude__isnull", False)),
                    _connector="OR",
                ),
                name="municipality_coordinates_both_or_neither",
                violation_error_message="Give both latitude and longitude, or neither.",
            ),
        ),
        migrations.RunPython(add_centres, migrations.RunPython.noop),
    ]
