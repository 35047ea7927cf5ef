"""Funding calls and premises declare their fields once (`CALL_FIELDS`,
`PREMISES_FIELDS`): the admin's pages and the history follow the declaration."""

import re
from http import HTTPStatus
from typing import Any

import pytest
from django.db import models
from django.test import Client

from contactpoint.models import CALL_FIELDS, PREMISES_FIELDS, FundingCall, Premises
from creativecities import history
from creativecities.fields import Declared
from tests.declarations import AGREED, own_fields, undeclared

pytestmark = pytest.mark.django_db

DECLARED = [(FundingCall, CALL_FIELDS), (Premises, PREMISES_FIELDS)]
IDS = ["call", "premises"]


@pytest.mark.parametrize(("model", "declared"), DECLARED, ids=IDS)
def test_every_field_of_the_desk_content_is_declared_or_excluded_with_a_reason(
    model: type[models.Model], declared: Declared
) -> None:
    assert undeclared(model, declared.names, declared.undeclared) == AGREED
    assert set(declared.stamps) <= set(declared.names)


@pytest.mark.parametrize(("model", "declared"), DECLARED, ids=IDS)
def test_the_history_keeps_every_declared_field_but_the_stamps_in_each_language(
    model: type[models.Model], declared: Declared
) -> None:
    tracked = history.tracking_for(model).fields

    assert {"title_it", "title_en", "description_it", "description_en"} <= set(tracked)
    content = own_fields(model) - set(declared.stamps) - set(declared.undeclared)
    assert {re.sub(r"_(it|en)$", "", name) for name in tracked} == content


@pytest.mark.parametrize(("model", "declared"), DECLARED, ids=IDS)
def test_the_admin_add_page_asks_every_declared_field_and_shows_the_stamps(
    client: Client, staff_user: Any, model: type[models.Model], declared: Declared
) -> None:
    client.force_login(staff_user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    response = client.get(f"/admin/contactpoint/{model._meta.model_name}/add/")

    assert response.status_code == HTTPStatus.OK
    inputs = set(re.findall(r'name="([a-z0-9_]+)"', response.content.decode()))
    asked = {re.sub(r"_(it|en|0|1)$", "", name) for name in inputs}
    assert set(declared.content) <= asked
    assert not set(declared.stamps) & asked
    fieldsets = response.context["adminform"].fieldsets
    shown = [re.sub(r"_(it|en)$", "", name) for _t, opts in fieldsets for name in opts["fields"]]
    assert list(dict.fromkeys(shown)) == list(declared.names)
