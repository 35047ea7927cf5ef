"""Filter forms are built once per process, language and choices, and what one
request asks never shows in another's form."""

import re

import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.test import Client
from django.utils import translation

from contactpoint.filters.calls import FundingCallFilter
from directory.filters import OrganisationFilter
from directory.models import Organisation
from tests.directory.factories import SectorFactory

pytestmark = pytest.mark.django_db


def directory_filter(query: str = "") -> OrganisationFilter:
    return OrganisationFilter(QueryDict(query), queryset=Organisation.objects.published())


def test_the_form_fields_are_built_once_per_language() -> None:
    first, second = directory_filter("sector=design"), directory_filter("kind=company")
    with translation.override("en"):
        english = directory_filter().form.fields

    assert first.form.fields is second.form.fields
    assert english is not first.form.fields
    assert dict(english["sector"].choices)["architecture"] == "Architecture"
    assert dict(first.form.fields["sector"].choices)["architecture"] == "Architettura"


def test_a_new_sector_gets_fields_of_its_own() -> None:
    before = directory_filter()
    before.form  # noqa: B018 (builds the fields)
    SectorFactory(slug="crafts", name_it="Artigianato", name_en="Art crafts")
    cache.clear()  # the reference data keeps sectors for a minute

    after = directory_filter("sector=crafts")

    assert after.form.fields is not before.form.fields
    assert "crafts" in dict(after.form.fields["sector"].choices)
    assert after.form.is_valid()


def test_each_filter_set_filters_with_its_own_values() -> None:
    searching, browsing = directory_filter("q=design"), directory_filter()

    searching.qs  # noqa: B018
    browsing.qs  # noqa: B018

    assert (searching.words, browsing.words) == ("design", None)


def test_an_invalid_value_marks_only_its_own_request(client: Client) -> None:
    wrong = client.get("/en/contact-point/calls/?status=nope").content.decode()
    right = client.get("/en/contact-point/calls/?status=open").content.decode()

    assert "is-invalid" in wrong
    assert "is-invalid" not in right
    assert re.search(r'<option value="open" selected>', right)
    assert FundingCallFilter(QueryDict("status=nope")).form.errors
