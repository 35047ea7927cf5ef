"""Rows stored before text was cleaned at input lose their control characters,
as `creativecities.text.clean_text` cleans what comes in now: every text
column of every model of the app, generically."""

from functools import partial

from django.db import migrations

from creativecities.text import clean_stored_text


class Migration(migrations.Migration):
    dependencies = [("contactpoint", "0006_enquiry_followups_digest")]

    operations = [
        migrations.RunPython(
            partial(clean_stored_text, app_label="contactpoint"),
            migrations.RunPython.noop,
            elidable=True,
        )
    ]
