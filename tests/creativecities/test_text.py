"""Text is cleaned of control characters wherever it comes in (`creativecities/text.py`).

Every text field of every model, every form field of every form of the portal
(the admin's included) and the pages people fill in are fed control
characters, NUL and 10 kB strings: what is stored is clean, and nothing answers
500. The data migrations' function cleans rows stored before.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models
from django.test import Client, RequestFactory
from django.urls import reverse

from actionplan.models import Action, Comment, PartnerRole, Plan
from actionplan.services.plans import plan_open_consultation
from contactpoint.models import Enquiry, FundingCall
from creativecities import text
from creativecities.text import clean_text, dirty_rows, is_clean, text_fields
from directory.models import Organisation, Sector, User
from survey.models import Answer, AnswerSet
from tests.actionplan.factories import (
    ActionFactory,
    PartnerMemberFactory,
    PlanFactory,
    ThemeFactory,
)
from tests.contactpoint.factories_calls import FundingCallFactory
from tests.directory.factories import OrganisationFactory, PartnerFactory, UserFactory
from tests.survey.factories import survey_questionnaire
from tests.text import store_raw

pytestmark = pytest.mark.django_db

APPS = ("directory", "survey", "contactpoint", "actionplan")

# NUL, a C0 control, a vertical tab (a word processor's line break), CR LF, a
# tab, DEL, NEL (C1), a line separator and a non-character, between letters.
DIRTY = "A\x00B\x01C\x0bD\r\nE\tF\x7fG\x85H\u2028I\ufffeJ"
MULTI_LINE = "ABC\nD\nE\tFG\nH\nIJ"
SINGLE_LINE = "ABC D E FG H IJ"
VARIANTS = {
    "control characters": DIRTY,
    "pasted": "Studio\x0bLanterna\x1b\r\nnext",
    "nul": "\x00\x00Studio\x00",
    "10 kB": ("Studio\x0bLanterna\x00 " * 500)[:10_000],
}
PASSWORD = "a long pass phrase 4 the test"


@pytest.mark.parametrize(
    ("value", "multiline", "expected"),
    [
        (DIRTY, True, MULTI_LINE),
        (DIRTY, False, SINGLE_LINE),
        ("Two\r\nlines\rand\x0bmore", True, "Two\nlines\nand\nmore"),
        ("Pasted\nline", False, "Pasted line"),
        ("\x00", False, ""),
        ("Caffè · naïve — 北京 😀", False, "Caffè · naïve — 北京 😀"),
        ("Tab\there", True, "Tab\there"),
    ],
)
def test_clean_text(value: str, multiline: bool, expected: str) -> None:
    assert clean_text(value, multiline=multiline) == expected
    assert is_clean(expected, multiline=multiline)


def test_the_cleaning_is_installed_once_the_project_has_started() -> None:
    assert text.installed()
    assert forms.CharField().clean("A\x0bB") == "A B"
    assert forms.CharField(widget=forms.Textarea).clean("A\x0bB") == "A\nB"


# Models.


def portal_text_fields() -> Iterator[tuple[type[models.Model], models.Field[Any, Any]]]:
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            for field in text_fields(model):
                yield model, field


def test_every_model_text_field_stores_clean_text() -> None:
    """What `full_clean` gives a field (admin, import, services) and what the
    ORM sends PostgreSQL for any write: no NUL, no control character."""
    walked = []
    for model, field in portal_text_fields():
        multiline = isinstance(field, models.TextField)
        expected = MULTI_LINE if multiline else SINGLE_LINE
        assert field.to_python(DIRTY) == expected, (model, field.name)
        assert field.get_db_prep_save(DIRTY, connection) == expected, (model, field.name)
        for value in VARIANTS.values():
            try:
                cleaned = field.clean(value, None)
            except ValidationError:
                continue  # too long, not a choice, not an email: a message, no 500
            assert is_clean(cleaned, multiline=multiline), (model, field.name)
        walked.append(f"{model._meta.label}.{field.name}")
    assert {"survey.Answer.text", "contactpoint.FundingCall.title_en"} <= set(walked)
    assert "directory.Organisation.languages" not in walked  # an array: its items are
    languages = Organisation._meta.get_field("languages")
    assert languages.get_db_prep_save(["i\x00t"], connection) == ["it"]


def test_every_write_path_stores_clean_text_and_nul_never_fails() -> None:
    call = FundingCallFactory.create(title_en="Bando\x00\x0b2099")
    call.refresh_from_db()
    assert call.title_en == "Bando 2099"
    FundingCall.objects.filter(pk=call.pk).update(description_en="One\x00\r\ntwo")
    call.refresh_from_db()
    assert call.description_en == "One\ntwo"
    assert FundingCall.objects.filter(slug="\x00").count() == 0
    assert FundingCall.objects.filter(title_en="Bando\x00 2099").get() == call


# Forms.


def portal_form_classes() -> list[type[forms.BaseForm]]:
    """Every form class the portal's apps define, in any of their modules."""
    found: dict[str, type[forms.BaseForm]] = {}
    for label in APPS:
        package = importlib.import_module(label)
        for module_info in pkgutil.walk_packages(package.__path__, f"{label}."):
            if ".migrations" in module_info.name or "management" in module_info.name:
                continue
            module = importlib.import_module(module_info.name)
            for _name, value in inspect.getmembers(module, inspect.isclass):
                if issubclass(value, forms.BaseForm) and value.__module__ == module.__name__:
                    found[f"{value.__module__}.{value.__qualname__}"] = value
    return list(found.values())


def admin_form_classes(superuser: User) -> list[type[forms.BaseForm]]:
    """The admin's add form of every registered model and of its inlines."""
    request = RequestFactory().get("/admin/")
    request.user = superuser
    found: list[type[forms.BaseForm]] = []
    for model_admin in admin.site._registry.values():
        found.append(model_admin.get_form(request))
        for inline in model_admin.get_inline_instances(request):
            found.append(inline.get_formset(request).form)
    return found


def assert_cleans(form_class: type[forms.BaseForm]) -> int:
    """Feed every text field of the form each variant; the number cleaned."""
    cleaned_fields = 0
    for name, field in form_class.base_fields.items():
        if not isinstance(field, forms.CharField) or isinstance(field, forms.JSONField):
            continue
        if isinstance(field.widget, forms.PasswordInput):
            with pytest.raises(ValidationError):  # Django's own check refuses NUL
                field.clean("\x00" + PASSWORD)
            continue
        multiline = isinstance(field.widget, forms.Textarea)
        for value in VARIANTS.values():
            try:
                cleaned = field.clean(value)
            except ValidationError:
                continue
            items = cleaned if isinstance(cleaned, list) else [cleaned]
            for item in items:
                assert not isinstance(item, str) or is_clean(item, multiline=multiline), (
                    form_class,
                    name,
                )
            cleaned_fields += 1
    return cleaned_fields


def test_every_form_field_of_the_portal_cleans_its_text() -> None:
    classes = portal_form_classes()
    names = {cls.__name__ for cls in classes}
    assert {"AskForm", "PublicCommentForm", "OrganisationEditForm", "PageForm"} <= names
    cleaned = {cls.__name__: assert_cleans(cls) for cls in classes}
    assert cleaned["AskForm"] > 0
    assert cleaned["PublicCommentForm"] > 0


def test_every_admin_form_cleans_its_text() -> None:
    superuser = UserFactory.create(is_staff=True, is_superuser=True)
    classes = admin_form_classes(superuser)
    assert len(classes) >= len(admin.site._registry)
    assert sum(assert_cleans(cls) for cls in classes) > 0


# Pages: a form as a browser would post it, every text field dirty.


def page_forms(response: Any) -> list[forms.BaseForm]:
    found: dict[int, forms.BaseForm] = {}
    for context in response.context or []:
        for value in context.flatten().values():
            if isinstance(value, forms.BaseForm) and not value.is_bound:
                found[id(value)] = value
            if getattr(value, "form", None) is not None and isinstance(value.form, forms.BaseForm):
                found[id(value.form)] = value.form  # the admin's AdminForm
    return list(found.values())


def form_data(form: forms.BaseForm, dirty: str) -> dict[str, Any]:
    """Every text field `dirty`, every choice its first, every box ticked."""
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        widget_class = str(field.widget.attrs.get("class", ""))
        # A robots' trap is left empty, as people leave it.
        trap = "honeypot" in widget_class or (name == "website" and type(field) is forms.CharField)
        if field.disabled or isinstance(field, forms.FileField) or trap:
            continue
        if isinstance(field.widget, forms.PasswordInput):
            data[key] = PASSWORD
        elif isinstance(field, forms.BooleanField):
            data[key] = "on"
        elif isinstance(field, forms.ChoiceField):
            choices: Any = field.choices
            values = [str(value) for value, _label in choices if str(value)]
            if values:
                is_multiple = isinstance(
                    field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField
                )
                data[key] = values[:1] if is_multiple else values[0]
        elif isinstance(field, forms.EmailField):
            data[key] = f"someone{dirty[:1]}@example.org"
        elif isinstance(field, forms.CharField) and not isinstance(field, forms.JSONField):
            data[key] = dirty
        else:
            value = form[name].value()
            if value not in (None, ""):
                data[key] = field.widget.format_value(value)
    return data


def post_dirty(client: Client, url: str, dirty: str) -> Any:
    page = client.get(url)
    assert page.status_code == HTTPStatus.OK, url
    data: dict[str, Any] = {}
    for form in page_forms(page):
        data.update(form_data(form, dirty))
    # The admin's inlines are posted empty (their forms are walked above).
    inlines = page.context.get("inline_admin_formsets", []) if page.context else []
    for inline in inlines:
        data[f"{inline.formset.prefix}-TOTAL_FORMS"] = "0"
        data[f"{inline.formset.prefix}-INITIAL_FORMS"] = "0"
    response = client.post(url, data)
    assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR, url
    return response


def assert_nothing_dirty_stored() -> None:
    dirty = [
        f"{model._meta.label}.{field.name}"
        for model, field in portal_text_fields()
        if dirty_rows(model, field).exists()
    ]
    assert dirty == []


@pytest.fixture
def public_pages(client: Client) -> dict[str, str]:
    """The forms anyone fills in, each at its URL."""
    survey = survey_questionnaire(accepts_anonymous=True)
    start = client.post(f"/en/survey/{survey.campaign.slug}/start/", {"anonymous": "1"})
    plan = PlanFactory.create()
    action = ActionFactory.create(theme=ThemeFactory.create(plan=plan))
    coordinator = PartnerMemberFactory.create(role=PartnerRole.EDITOR, is_coordinator=True)
    plan_open_consultation(plan=plan, by=coordinator.user)
    Plan.objects.filter(pk=plan.pk).update(public_comments_open=True)
    return {
        "ask": "/en/contact-point/ask/",
        "alerts": "/en/contact-point/alerts/",
        "register": "/en/register/",
        "survey": str(start["Location"]),
        "consultation": reverse(
            "actionplan:consultation_action", kwargs={"slug": plan.slug, "pk": action.pk}
        ),
    }


@pytest.mark.parametrize("variant", VARIANTS)
def test_public_forms_store_clean_text_and_never_answer_500(
    client: Client, public_pages: dict[str, str], variant: str
) -> None:
    for url in public_pages.values():
        post_dirty(client, url, VARIANTS[variant])
    assert_nothing_dirty_stored()


def test_what_public_forms_store_is_the_text_cleaned(
    client: Client, public_pages: dict[str, str]
) -> None:
    for url in public_pages.values():
        post_dirty(client, url, DIRTY)

    enquiry = Enquiry.objects.get()
    assert (enquiry.subject, enquiry.message) == (SINGLE_LINE, MULTI_LINE)
    assert Comment.objects.get().body == MULTI_LINE
    answer_set = AnswerSet.objects.get()
    assert answer_set.origin == AnswerSet.Origin.ANONYMOUS


@pytest.mark.parametrize("variant", VARIANTS)
def test_member_forms_store_clean_text_and_never_answer_500(client: Client, variant: str) -> None:
    member = UserFactory.create(password=PASSWORD)
    organisation = OrganisationFactory.create(members=[member])
    partner = PartnerFactory.create()
    editor = PartnerMemberFactory.create(partner=partner, role=PartnerRole.EDITOR, user=member)
    action = ActionFactory.create(lead_partner=partner)
    client.force_login(member)

    for url in (
        "/en/account/",
        f"/en/directory/{organisation.slug}/edit/",
        f"/en/directory/{organisation.slug}/invite/",
        reverse("actionplan:workspace_action_edit", kwargs={"pk": action.pk}),
    ):
        post_dirty(client, url, VARIANTS[variant])
    comment = reverse("actionplan:workspace_comment_new", kwargs={"pk": action.pk})
    response = client.post(comment, {"body": VARIANTS[variant]})
    assert response.status_code < HTTPStatus.INTERNAL_SERVER_ERROR

    assert_nothing_dirty_stored()
    assert editor.user == member


def test_the_survey_stores_a_word_processors_line_break_as_a_line_break(client: Client) -> None:
    survey = survey_questionnaire(accepts_anonymous=True)
    first = client.post(f"/en/survey/{survey.campaign.slug}/start/", {"anonymous": "1"})
    second = client.post(
        first["Location"],
        {
            f"q{survey.premises.pk}": survey.yes.pk,
            f"q{survey.needs.pk}": [survey.need_space.pk],
            f"q{survey.satisfaction.pk}": 4,
            "action": "next",
        },
    )
    client.post(
        second["Location"],
        {
            f"q{survey.staff.pk}": "3",
            f"q{survey.rent.pk}": "Via\x0bPrè\x00",
            f"q{survey.remarks.pk}": "First\x0bsecond\x00",
            "action": "next",
        },
    )

    texts = dict(Answer.objects.exclude(text="").values_list("question_id", "text"))
    assert texts == {survey.rent.pk: "Via Prè", survey.remarks.pk: "First\nsecond"}


@pytest.mark.parametrize("model", sorted(m._meta.label for m in admin.site._registry))
def test_admin_add_forms_store_clean_text_and_never_answer_500(client: Client, model: str) -> None:
    superuser = UserFactory.create(is_staff=True, is_superuser=True)
    client.force_login(superuser)
    app_label, name = model.lower().split(".")
    url = f"/admin/{app_label}/{name}/add/"
    if client.get(url).status_code != HTTPStatus.OK:
        pytest.skip("no add page")
    for variant in VARIANTS.values():
        post_dirty(client, url, variant)
    assert_nothing_dirty_stored()


def test_an_admin_change_stores_clean_text(client: Client) -> None:
    client.force_login(UserFactory.create(is_staff=True, is_superuser=True))
    sector = Sector.objects.order_by("order").first()
    assert sector is not None
    url = f"/admin/directory/sector/{sector.pk}/change/"
    page = client.get(url)
    [form] = page_forms(page)
    data = {form.add_prefix(n): form[n].value() for n in form.fields if form[n].value()}
    data.update({"name_en": "Design\x0b and\x00 craft", "description_en": "One\x0btwo\x00"})

    response = client.post(url, data)

    assert response.status_code == HTTPStatus.FOUND, response.content
    sector.refresh_from_db()
    assert (sector.name_en, sector.description_en) == ("Design  and craft", "One\ntwo")


def test_an_import_stores_clean_text_and_nul_is_no_error(client: Client) -> None:
    client.force_login(UserFactory.create(is_staff=True, is_superuser=True))
    csv = (
        "name,kind,primary_sector,municipality,short_description_it,short_description_en\r\n"
        '"Studio\x00 Lanterna\x0b","company","design","camogli","Riga\x00","Line\x0bbreak\x1b"\r\n'
    )
    upload = SimpleUploadedFile("import.csv", csv.encode(), content_type="text/csv")

    preview = client.post(
        "/admin/directory/organisation/import/",
        {"format": "0", "import_file": upload},
    )
    assert preview.status_code == HTTPStatus.OK
    confirm = preview.context["confirm_form"]
    response = client.post(
        "/admin/directory/organisation/process_import/",
        {name: confirm[name].value() for name in confirm.fields},
    )

    assert response.status_code == HTTPStatus.FOUND
    organisation = Organisation.objects.get()
    assert (organisation.name, organisation.short_description_en) == (
        "Studio Lanterna",
        "Line break",
    )


# Rows stored before.


def test_the_migration_cleans_rows_stored_before() -> None:
    organisation = OrganisationFactory.create(name="Studio", description_it="Riga")
    call = FundingCallFactory.create(title_it="Bando")
    action = ActionFactory.create()
    store_raw(organisation, "name", "Studio\x0bLanterna\x1b")
    store_raw(organisation, "description_it", "Una\r\nriga\x0baltra\x07")
    store_raw(call, "title_it", "Bando\ttab\x01")
    store_raw(action, "description", "Testo\x0c")
    assert dirty_rows(Organisation, Organisation._meta.get_field("name")).exists()

    for label in APPS:
        text.clean_stored_text(apps, None, app_label=label)

    organisation.refresh_from_db()
    call.refresh_from_db()
    action.refresh_from_db()
    assert (organisation.name, organisation.description_it) == (
        "Studio Lanterna",
        "Una\nriga\naltra",
    )
    assert call.title_it == "Bando tab"
    assert action.description == "Testo\n"
    assert_nothing_dirty_stored()
    assert Action.objects.count() == 1
