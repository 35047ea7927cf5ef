"""Writing text as it was stored before the portal cleaned it."""

from typing import Any

from django.db import connection


def store_raw(obj: Any, field: str, value: str) -> None:
    """Store `value` in `obj`'s column as it is, past the ORM (which cleans
    text: `creativecities.text`), as an old row or another program would."""
    model = type(obj)
    column = model._meta.get_field(field).column
    with connection.cursor() as cursor:
        cursor.execute(
            f'UPDATE "{model._meta.db_table}" SET "{column}" = %s WHERE "id" = %s',  # noqa: S608
            [value, obj.pk],
        )
