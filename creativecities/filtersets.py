"""Filter sets whose form is built once per process, not once per request.

django-filter builds everything afresh for each request: it deep-copies every
filter (with its choices, lazy labels included), makes a form class out of
their fields, and the form deep-copies those fields once more. On the
directory's list page that was about a millisecond of a page costing nine,
the largest single cost of the page.

`SharedFormFilterSet` keeps the filters' fields, built once for each language
and set of choices, and gives every request a form that reads them without
copying: a filter set costs a shallow copy of each filter and a form instance.
The fields are shared between requests and threads, so nothing may change a
field or its widget after it is built: the portal's widgets and its `widget`
template filter build their attributes anew for each rendering, as Django's
own do.

A filter set whose choices come from the database (sectors, places) gives
them in `choices()`, and in `choices_version()` a cheap value that changes
whenever they do: the fields are built once for each version, and a change (a
new sector) gets fields of its own at the next request.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Hashable, Sequence
from typing import Any, ClassVar

import django_filters
from django import forms
from django.http import QueryDict
from django.utils.translation import get_language
from django_filters.filters import FilterMethod

# Field sets kept per filter set class; past this (choices that kept
# changing), the oldest are dropped.
MAX_FIELD_SETS = 32


class SharedFieldsForm(forms.Form):
    """A form that uses the fields it is given instead of deep copies of its own."""

    def __init__(self, *args: Any, shared_fields: dict[str, forms.Field], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields = shared_fields


class SharedFormFilterSet(django_filters.FilterSet):
    """A `FilterSet` whose form fields are built once per language and choices.

    Subclasses declare filters as usual; where a filter's choices are only
    known at run time, `choices()` returns them by filter name.
    """

    _field_sets: ClassVar[dict[Hashable, dict[str, forms.Field]]]
    _field_sets_lock: ClassVar[threading.Lock]
    _form_class: ClassVar[type[SharedFieldsForm] | None]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._field_sets = {}
        cls._field_sets_lock = threading.Lock()
        cls._form_class = None

    def __init__(
        self,
        data: Any = None,
        queryset: Any = None,
        *,
        request: Any = None,
        prefix: str | None = None,
    ) -> None:
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {}
        for name, base in self.base_filters.items():
            filter_ = copy.copy(base)
            filter_.model = queryset.model
            filter_.parent = self
            if base.method is not None:
                # The copy's own proxy, which calls this filter set's method.
                filter_.filter = FilterMethod(filter_)
            self.filters[name] = filter_

    def choices(self) -> dict[str, Sequence[Any]]:
        """Choices known only at run time, by filter name (none by default)."""
        return {}

    def choices_version(self) -> Hashable:
        """A value equal for equal `choices()` in the same language, and cheaper
        to make: by default the choices themselves."""
        return tuple((name, tuple(map(_frozen, values))) for name, values in self.choices().items())

    @property
    def form(self) -> forms.Form:
        if not hasattr(self, "_form"):
            form_class = self._get_form_class()
            fields = self._shared_fields()
            if self.is_bound:
                self._form = form_class(self.data, prefix=self.form_prefix, shared_fields=fields)
            else:
                self._form = form_class(prefix=self.form_prefix, shared_fields=fields)
        return self._form

    @classmethod
    def _get_form_class(cls) -> type[SharedFieldsForm]:
        if cls._form_class is None:
            cls._form_class = type(f"{cls.__name__}Form", (SharedFieldsForm, cls._meta.form), {})
        return cls._form_class

    def _shared_fields(self) -> dict[str, forms.Field]:
        key = (get_language(), self.choices_version())
        fields = self._field_sets.get(key)
        if fields is None:
            choices = self.choices()
            fields = {}
            for name, base in self.base_filters.items():
                filter_ = copy.deepcopy(base)
                filter_.model = self.queryset.model
                if name in choices:
                    filter_.extra["choices"] = list(choices[name])
                fields[name] = filter_.field
            with self._field_sets_lock:
                if len(self._field_sets) >= MAX_FIELD_SETS:
                    self._field_sets.pop(next(iter(self._field_sets)))
                self._field_sets[key] = fields
        return fields


def _frozen(choice: Any) -> Hashable:
    """A choice as a hashable value: groups (label, [choices]) become tuples, and
    labels their text in the active language."""
    value, label = choice
    if isinstance(label, list | tuple):
        return (str(value), tuple(map(_frozen, label)))
    return (value, str(label))
