"""Rows stored before text was cleaned at input lose their control characters,
as `creativecities.text.clean_text` cleans what comes in now: every text
column of every model of the app, generically."""

from functools import partial

from django.db import migrations

from creativecities.text import clean_stored_text


class Migration(migrations.Migration):
    dependencies = [("actionplan", "0003_comment_on_consultation")]

    operations = [
        migrations.RunPython(
            partial(clean_stored_text, app_label="actionplan"),
            migrations.RunPython.noop,
            elidable=True,
        )
    ]
