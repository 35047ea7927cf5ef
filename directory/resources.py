"""Importing organisations from a spreadsheet (CSV or XLSX) in the admin.

The columns are those of the open-data export (see `directory/README.md`), so a
file shaped like the export imports. Every row becomes a new, published
organisation with a slug of its own; a file with any bad row imports nothing.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from import_export import fields, resources, widgets

from creativecities import history
from directory.exports import csv_unsafe
from directory.models import PROFILE_FIELDS, Municipality, Organisation, Sector, User
from directory.services.organisations import organisation_unique_slug

LIST_SEPARATOR = "|"


class SectorWidget(widgets.ForeignKeyWidget):
    """A sector named by its slug."""

    def __init__(self) -> None:
        super().__init__(Sector, field="slug")

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Sector | None:
        slug = str(value or "").strip()
        if not slug:
            return None
        try:
            return Sector.objects.get(slug=slug)
        except Sector.DoesNotExist:
            raise ValueError(_("There is no sector “%(slug)s”.") % {"slug": slug}) from None


class SectorsWidget(widgets.ManyToManyWidget):
    """Sectors named by slug, separated by a vertical bar: "design|cinema"."""

    def __init__(self) -> None:
        super().__init__(Sector, separator=LIST_SEPARATOR, field="slug")

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        slugs = [slug.strip() for slug in str(value or "").split(LIST_SEPARATOR) if slug.strip()]
        sectors = Sector.objects.filter(slug__in=slugs)
        unknown = sorted(set(slugs) - {sector.slug for sector in sectors})
        if unknown:
            raise ValueError(_("There is no sector “%(slug)s”.") % {"slug": ", ".join(unknown)})
        return sectors


class MunicipalityWidget(widgets.ForeignKeyWidget):
    """A municipality named by its slug or its name, in any case."""

    def __init__(self) -> None:
        super().__init__(Municipality, field="name")

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Municipality | None:
        text = str(value or "").strip()
        if not text:
            return None
        found = Municipality.objects.filter(Q(slug=text) | Q(name__iexact=text)).first()
        if found is None:
            raise ValueError(_("There is no municipality “%(name)s”.") % {"name": text})
        return found


class YesNoWidget(widgets.BooleanWidget):
    """true/false as the export writes them; yes/no, sì/no and 1/0 too."""

    TRUE = {"true", "1", "yes", "y", "si", "sì", "x"}
    FALSE = {"false", "0", "no", "n", ""}

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> bool:
        if isinstance(value, bool):
            return value
        text = str(value if value is not None else "").strip().lower()
        if text.endswith(".0"):  # a spreadsheet's number
            text = text[:-2]
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("Write true or false, not “%(value)s”.") % {"value": value})


class TextWidget(widgets.CharWidget):
    """Text as typed, trimmed; a spreadsheet's whole number loses its ".0", and
    the quote the CSV export puts before a formula's first character goes."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return csv_unsafe(str(super().clean(value, row, **kwargs)).strip())


class LanguagesWidget(widgets.SimpleArrayWidget):
    """Language codes separated by a vertical bar: "it|en|de"."""

    def __init__(self) -> None:
        super().__init__(separator=LIST_SEPARATOR)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> list[str]:
        codes = [code.strip().lower() for code in str(value or "").split(LIST_SEPARATOR)]
        return [code for code in codes if code]


# The columns a file may have, in the export's names; others are ignored.
COLUMNS = PROFILE_FIELDS


# Columns that are not plain text, and how each is read; every other column of
# the profile is text. The columns themselves are the profile's (PROFILE_FIELDS).
WIDGETS: dict[str, type[widgets.Widget]] = {
    "primary_sector": SectorWidget,
    "sectors": SectorsWidget,
    "municipality": MunicipalityWidget,
    "latitude": widgets.DecimalWidget,
    "longitude": widgets.DecimalWidget,
    "year_founded": widgets.IntegerWidget,
    "open_to_international": YesNoWidget,
    "languages": LanguagesWidget,
}

_ProfileColumns = type(resources.ModelResource)(
    "_ProfileColumns",
    (resources.ModelResource,),
    {
        "__module__": __name__,
        **{
            column: fields.Field(
                attribute=column, column_name=column, widget=WIDGETS.get(column, TextWidget)()
            )
            for column in COLUMNS
        },
    },
)


class OrganisationResource(_ProfileColumns):  # type: ignore[misc, valid-type]
    """One row, one new published organisation."""

    class Meta:
        model = Organisation
        fields = COLUMNS
        import_order = COLUMNS
        force_init_instance = True  # every row is a new organisation
        clean_model_instances = True
        use_transactions = True
        skip_diff = False

    def import_data(self, dataset: Any, dry_run: bool = False, **kwargs: Any) -> Any:
        """All or nothing: any invalid row rolls the whole file back."""
        kwargs["use_transactions"] = True
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, dry_run=dry_run, **kwargs)

    def import_data_inner(self, dataset: Any, dry_run: bool, *args: Any, **kwargs: Any) -> Any:
        """The whole file is one change in the history of each organisation it
        creates (and one search refresh), inside the import's transaction; a
        preview records nothing."""
        user = kwargs.get("user")
        with history.changes(
            by=user if isinstance(user, User) else None,
            note=gettext_noop("Imported"),
            discard=dry_run,
        ):
            return super().import_data_inner(dataset, dry_run, *args, **kwargs)

    def after_init_instance(
        self, instance: Organisation, new: bool, row: Any, **kwargs: Any
    ) -> None:
        now = timezone.now()
        instance.status = Organisation.Status.PUBLISHED
        instance.published_at = now
        instance.confirmed_at = now

    def import_instance(self, instance: Organisation, row: Any, **kwargs: Any) -> None:
        """Read the row, then check what the model alone cannot (sectors that
        exist) and give the row a slug; the model checks VAT and ATECO codes."""
        errors: dict[str, Any] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if "sectors" in row:
            try:
                self.fields["sectors"].clean(row)
            except ValueError as error:
                errors["sectors"] = ValidationError(str(error))
        if instance.name:
            instance.slug = organisation_unique_slug(instance.name)
        if errors:
            raise ValidationError(errors)

    def save_m2m(self, instance: Organisation, row: Any, **kwargs: Any) -> None:
        super().save_m2m(instance, row, **kwargs)
        instance.sectors.add(instance.primary_sector)
