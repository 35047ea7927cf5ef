"""Comparing a model with the declaration of its fields."""

from collections.abc import Iterable, Mapping

from django.db import models
from modeltranslation.translator import NotRegistered, translator

# What `undeclared` gives for a model and a declaration that agree.
AGREED: dict[str, set[str]] = {
    "missing": set(),
    "unknown": set(),
    "repeated": set(),
    "without a reason": set(),
}


def own_fields(model: type[models.Model]) -> set[str]:
    """The model's own fields (not the relations other models point at it), a
    translated field once under its name (`title`, not `title_it`)."""
    try:
        translated = {
            field.name: name
            for name, fields in translator.get_options_for_model(model).all_fields.items()
            for field in fields
        }
    except NotRegistered:
        translated = {}
    names = {
        field.name
        for field in model._meta.get_fields()
        if field.concrete or not field.auto_created  # reverse relations are neither
    }
    return {translated.get(name, name) for name in names}


def undeclared(
    model: type[models.Model], declared: Iterable[str], excluded: Mapping[str, str]
) -> dict[str, set[str]]:
    """What differs between the model and its declaration: fields the model has
    that are neither declared nor excluded with a reason, and names declared or
    excluded that the model lacks. Empty sets when they agree."""
    declared = list(declared)
    fields = own_fields(model)
    return {
        "missing": fields - set(declared) - set(excluded),
        "unknown": (set(declared) | set(excluded)) - fields,
        "repeated": {name for name in declared if declared.count(name) > 1}
        | (set(declared) & set(excluded)),
        "without a reason": {name for name, reason in excluded.items() if not reason.strip()},
    }
