"""References drawn by the database in the enquiry's own insert.

A sequence of their own, started after the highest enquiry id (the numbers
given so far were the ids), and `contactpoint_next_reference()`, the field's
database default: `CC-`, the year of the moment in Rome (the portal's
TIME_ZONE), and the number with at least six digits. Made before the field
is altered, dropped after it on the way back.
"""

from django.db import migrations, models

import contactpoint.models.enquiries

CREATE = """
CREATE SEQUENCE contactpoint_enquiry_reference_seq OWNED BY contactpoint_enquiry.reference;
SELECT setval('contactpoint_enquiry_reference_seq', COALESCE(max(id), 0) + 1, false) FROM contactpoint_enquiry;
CREATE FUNCTION contactpoint_next_reference() RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT 'CC-' || to_char(now() AT TIME ZONE 'Europe/Rome', 'YYYY') || '-'
        || lpad(number::text, greatest(6, length(number::text)), '0')
    FROM nextval('contactpoint_enquiry_reference_seq') AS number
$$;
"""

DROP = """
DROP FUNCTION contactpoint_next_reference();
DROP SEQUENCE contactpoint_enquiry_reference_seq;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("contactpoint", "0003_alert_subscription_pending_beside_confirmed"),
    ]

    operations = [
        migrations.RunSQL(CREATE, DROP),
        migrations.AlterField(
            model_name="enquiry",
            name="reference",
            field=models.CharField(
                db_default=contactpoint.models.enquiries.NextReference(),
                editable=False,
                max_length=20,
                unique=True,
                verbose_name="reference",
            ),
        ),
    ]
