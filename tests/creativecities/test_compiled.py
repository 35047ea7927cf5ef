"""Queries compiled once per shape: the same SQL as the ORM's for the values of each
request, and a loud refusal of a query whose text would carry a value."""

import datetime
from collections.abc import Mapping
from typing import Any

import pytest
from django.utils import timezone, translation

from creativecities.lists.compiled import QueryCache, ShapeError
from directory.models import Organisation

pytestmark = pytest.mark.django_db


def organisations_sql(values: Mapping[str, Any]) -> tuple[str, list[Any], Any]:
    queryset = Organisation.objects.filter(
        kind=values["kind"], municipality_id=values["place"], confirmed_at__gte=values["since"]
    ).order_by("name")
    sql, params = queryset.query.get_compiler(using="default").as_sql()
    return sql, list(params), "extra"


def test_each_request_gets_the_sql_the_orm_writes_for_its_values() -> None:
    queries = QueryCache()
    since = timezone.now() - datetime.timedelta(days=3)
    first = {"kind": "company", "place": 7, "since": since}
    second = {"kind": "freelancer", "place": 12, "since": since - datetime.timedelta(days=1)}

    for values in (first, second):
        sql, params, extra = queries.get("list", values, organisations_sql)
        expected_sql, expected_params, _extra = organisations_sql(values)
        assert (sql, params, extra) == (expected_sql, expected_params, "extra")


def test_a_shape_is_built_once_per_language() -> None:
    queries = QueryCache()
    calls: list[str] = []

    def build(values: Mapping[str, Any]) -> tuple[str, list[Any], Any]:
        calls.append(translation.get_language())
        return organisations_sql(values)

    values = {"kind": "company", "place": 7, "since": timezone.now()}
    for language in ("it", "it", "en", "en", "it"):
        with translation.override(language):
            queries.get("list", {**values, "place": len(calls) + 1}, build)

    assert calls == ["it", "en"]


def test_the_least_recently_used_shape_goes_first() -> None:
    queries = QueryCache(max_shapes=2)
    built: list[str] = []

    def build_for(key: str) -> Any:
        def build(values: Mapping[str, Any]) -> tuple[str, list[Any], Any]:
            built.append(key)
            return organisations_sql(values)

        return build

    values = {"kind": "company", "place": 7, "since": timezone.now()}
    for key in ("a", "b", "a", "c", "a", "b"):
        queries.get(key, values, build_for(key))

    assert built == ["a", "b", "c", "b"]


def test_a_value_written_into_the_text_is_refused() -> None:
    def inline(values: Mapping[str, Any]) -> tuple[str, list[Any], Any]:
        queryset = Organisation.objects.extra(where=[f"id > {values['floor']}"])  # noqa: S610
        sql, params = queryset.query.get_compiler(using="default").as_sql()
        return sql, list(params), None

    with pytest.raises(ShapeError, match="written into"):
        QueryCache().get("inline", {"floor": 3}, inline)


def test_a_value_left_out_of_the_query_is_refused() -> None:
    def ignore_place(values: Mapping[str, Any]) -> tuple[str, list[Any], Any]:
        return organisations_sql({**values, "place": 1})

    with pytest.raises(ShapeError, match="'place' is not a parameter"):
        QueryCache().get(
            "ignored", {"kind": "company", "place": 7, "since": timezone.now()}, ignore_place
        )


@pytest.mark.parametrize("flag", [True, False, None])
def test_a_flag_belongs_to_the_key(flag: Any) -> None:
    with pytest.raises(ShapeError, match="part of its key"):
        QueryCache().get("flag", {"flag": flag}, organisations_sql)
