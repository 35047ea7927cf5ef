import pytest
from django import forms

from directory.widgets import FastInput, FastSelect


def test_fast_select_marks_the_choice_and_escapes_everything() -> None:
    widget = FastSelect(
        choices=[
            ("", "All"),
            ("a&b", "A <b>"),
            ("Group", [("x", "X"), ("y", 'Y "quoted"')]),
        ]
    )

    html = widget.render("place", "y", attrs={"id": "id_place", "class": "form-select"})

    opening = html.split(">", 1)[0]
    assert opening.startswith("<select ")
    for attribute in ['id="id_place"', 'class="form-select"', 'name="place"']:
        assert attribute in opening
    assert '<option value="a&amp;b">A &lt;b&gt;</option>' in html
    assert '<optgroup label="Group">' in html
    assert '<option value="y" selected>Y &quot;quoted&quot;</option>' in html
    assert html.count("selected") == 1
    assert html.endswith("</select>")


def test_fast_select_without_a_value_selects_the_empty_choice() -> None:
    html = FastSelect(choices=[("", "All"), ("x", "X")]).render("f", None)

    assert '<option value="" selected>All</option>' in html


@pytest.mark.parametrize("value", [None, "", 'a "quoted" <word> & more', "x\x00\x1by" * 2000])
def test_fast_input_writes_what_django_writes(value: str | None) -> None:
    attrs = {"id": "id_q", "class": "form-control", "maxlength": "200", "required": True}

    class DjangoSearch(forms.TextInput):
        input_type = "search"

    class FastSearch(FastInput):
        input_type = "search"

    assert FastSearch().render("q", value, attrs=attrs) == DjangoSearch().render("q", value, attrs)
