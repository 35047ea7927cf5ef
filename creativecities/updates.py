"""Writing a model's fields from a form's data: only the fields a service names.

A service that copies cleaned data onto a row with a loop of `setattr` writes
whatever the data holds: a form given one field too many, or a caller passing
the status, changes a column nobody meant to open. `model_update` takes the list
of fields the service may set and refuses any other, validates the row and saves
only those columns (with `update_fields`), so that a write cannot carry stale
values of the others over a concurrent change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


def model_update(instance: M, data: Mapping[str, Any], *, fields: Iterable[str]) -> M:
    """Set the fields of `data` on `instance`, validate it and save those fields.

    `fields` are the names the caller may set; any other name in `data` raises
    ValueError before anything is set. Many-to-many fields are set once the row
    is saved. A new row (not saved yet) is inserted whole, with whatever its
    caller set before. Fields the model stamps on every save (`auto_now`) are
    saved with the others.
    """
    unknown = set(data) - set(fields)
    if unknown:
        raise ValueError(f"Not a field this update may set: {', '.join(sorted(unknown))}")
    opts = instance._meta
    relations = {name: value for name, value in data.items() if opts.get_field(name).many_to_many}
    columns = [name for name in data if name not in relations]
    for name in columns:
        setattr(instance, name, data[name])
    instance.full_clean()
    if instance._state.adding:
        instance.save()
    else:
        stamps = [f.name for f in opts.concrete_fields if getattr(f, "auto_now", False)]
        instance.save(update_fields=list(dict.fromkeys([*columns, *stamps])))
    for name, value in relations.items():
        getattr(instance, name).set(value)
    return instance
