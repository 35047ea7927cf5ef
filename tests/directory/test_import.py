"""Importing organisations from CSV or XLSX in the admin: preview first, all or nothing."""

import csv
import io
from http import HTTPStatus
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from directory.models import Organisation, Sector
from tests.directory.factories import OrganisationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

IMPORT = "/admin/directory/organisation/import/"
PROCESS = "/admin/directory/organisation/process_import/"
CSV_FORMAT, XLSX_FORMAT = "0", "1"

HEADER = [
    "name",
    "kind",
    "primary_sector",
    "sectors",
    "short_description_it",
    "short_description_en",
    "municipality",
    "vat_number",
    "ateco_code",
    "open_to_international",
    "languages",
    "latitude",
    "longitude",
]
GOOD_ROWS = [
    [
        "Studio Lanterna",
        "company",
        "architecture",
        "architecture|design",
        "Studio di architettura nel centro storico.",
        "Architecture studio in the old town.",
        "Municipio I Centro Est",
        "12345678903",
        "71.11",
        "true",
        "it|en",
        "44.407100",
        "8.933900",
    ],
    [
        "Edizioni del Porto",
        "company",
        "publishing",
        "",
        "Casa editrice indipendente.",
        "",
        "rapallo",
        "",
        "",
        "no",
        "",
        "",
        "",
    ],
]


def csv_file(rows: list[list[str]], name: str = "organisations.csv") -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(), content_type="text/csv")


def xlsx_file(rows: list[list[str]]) -> SimpleUploadedFile:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append([float(v) if v == "12345678903" else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(
        "organisations.xlsx",
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def preview(client: Client, upload: SimpleUploadedFile, file_format: str) -> Any:
    return client.post(IMPORT, {"import_file": upload, "format": file_format})


def confirm(client: Client, response: Any) -> Any:
    form = response.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    return client.post(PROCESS, data, follow=True)


def test_a_good_csv_file_is_previewed_then_imported(desk: Client, staff_user: Any) -> None:
    OrganisationFactory.create(name="Studio Lanterna", slug="studio-lanterna")

    response = preview(desk, csv_file(GOOD_ROWS), CSV_FORMAT)

    assert response.status_code == HTTPStatus.OK
    assert response.context["confirm_form"] is not None
    assert "Studio Lanterna" in response.content.decode()
    assert Organisation.objects.count() == 1  # a preview changes nothing

    done = confirm(desk, response)

    assert "Import finished" in " ".join(str(m) for m in done.context["messages"])
    lanterna = Organisation.objects.exclude(slug="studio-lanterna").get(name="Studio Lanterna")
    assert lanterna.slug == "studio-lanterna-2"
    assert lanterna.status == Organisation.Status.PUBLISHED
    assert lanterna.is_public and lanterna.published_at is not None
    assert lanterna.primary_sector.slug == "architecture"
    assert {s.slug for s in lanterna.sectors.all()} == {"architecture", "design"}
    assert lanterna.municipality.name == "Municipio I Centro Est"
    assert lanterna.short_description_en == "Architecture studio in the old town."
    assert lanterna.open_to_international is True
    assert lanterna.languages == ["it", "en"]
    assert lanterna.ateco_code == "71.11"
    porto = Organisation.objects.get(name="Edizioni del Porto")
    assert porto.municipality.slug == "rapallo"
    assert [s.slug for s in porto.sectors.all()] == ["publishing"]
    assert porto.open_to_international is False
    for organisation in (lanterna, porto):
        version = organisation.versions.get()
        assert version.note == "Importata"
        assert version.created_by == staff_user
    found = Organisation.objects.extra(where=["search_vector @@ to_tsquery('simple', 'lanterna')"])
    assert lanterna in found and porto not in found


def test_an_xlsx_file_imports(desk: Client) -> None:
    response = preview(desk, xlsx_file(GOOD_ROWS), XLSX_FORMAT)
    confirm(desk, response)

    lanterna = Organisation.objects.get(name="Studio Lanterna")
    assert lanterna.vat_number == "12345678903"
    assert Organisation.objects.count() == 2


def test_a_file_with_one_bad_row_imports_nothing_and_names_the_row(desk: Client) -> None:
    bad = list(GOOD_ROWS[1])
    bad[HEADER.index("vat_number")] = "12345678901"  # wrong check digit
    bad[HEADER.index("primary_sector")] = "pottery"
    rows = [GOOD_ROWS[0], bad]

    response = preview(desk, csv_file(rows), CSV_FORMAT)

    result = response.context["result"]
    assert result.has_validation_errors()
    assert response.context.get("confirm_form") is None
    [invalid] = result.invalid_rows
    assert invalid.number == 2
    errors = {
        field: [str(e) for e in errs] for field, errs in invalid.field_specific_errors.items()
    }
    assert errors["vat_number"] == [
        "Enter a valid Partita IVA: eleven digits, as on your invoices."
    ]
    assert errors["primary_sector"] == ["There is no sector “pottery”."]
    assert Organisation.objects.count() == 0


def test_unknown_sectors_bad_codes_and_choices_are_row_errors(desk: Client) -> None:
    row = list(GOOD_ROWS[0])
    row[HEADER.index("sectors")] = "architecture|ceramics"
    row[HEADER.index("ateco_code")] = "99.99.99"
    row[HEADER.index("kind")] = "guild"
    row[HEADER.index("municipality")] = "Atlantide"
    row[HEADER.index("open_to_international")] = "maybe"

    result = preview(desk, csv_file([row]), CSV_FORMAT).context["result"]

    [invalid] = result.invalid_rows
    assert set(invalid.field_specific_errors) == {
        "sectors",
        "ateco_code",
        "kind",
        "municipality",
        "open_to_international",
    }
    assert Organisation.objects.count() == 0


def test_the_confirmed_import_is_all_or_nothing_too(desk: Client) -> None:
    response = preview(desk, csv_file(GOOD_ROWS), CSV_FORMAT)
    # Between the preview and the confirmation a sector disappears.
    Sector.objects.filter(slug="publishing").update(slug="editoria")

    done = confirm(desk, response)

    assert Organisation.objects.count() == 0
    assert [str(m) for m in done.context["messages"]] == [
        "Nothing was imported: the file no longer passes its checks. "
        "Upload it again to see which rows fail."
    ]


def test_only_staff_who_may_add_organisations_can_import(client: Client) -> None:
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Partner editors"))
    client.force_login(editor)

    response = preview(client, csv_file(GOOD_ROWS), CSV_FORMAT)

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert Organisation.objects.count() == 0
