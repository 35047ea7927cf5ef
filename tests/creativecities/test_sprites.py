"""The icon sprite the pages load holds the icons the templates name, and no other."""

from pathlib import Path

import pytest

from creativecities import sprites

FULL = (
    '<svg xmlns="http://www.w3.org/2000/svg">'
    '<symbol id="it-burger" viewBox="0 0 24 24"><path d="M1 1"/></symbol>'
    '<symbol id="it-search" viewBox="0 0 24 24"><path d="M2 2"/></symbol>'
    '<symbol id="it-android" viewBox="0 0 24 24"><path d="M3 3"/></symbol>'
    "</svg>"
)


def test_the_templates_names_are_read_whatever_the_quotes_and_arguments(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '{% include "includes/icon.html" with name="it-search" class="icon-primary" %}\n'
        "{% include 'includes/icon.html' with class=\"x\" name='it-burger' %}\n"
        '{% include "includes/other.html" with name="it-android" %}'
    )
    assert sprites.icon_names([tmp_path]) == {"it-search", "it-burger"}


def test_the_subset_keeps_the_named_icons_whole_and_drops_the_others() -> None:
    kept = sprites.subset(FULL, {"it-search", "it-burger"})

    assert kept.startswith('<svg xmlns="http://www.w3.org/2000/svg">')
    assert '<symbol id="it-search" viewBox="0 0 24 24"><path d="M2 2"/></symbol>' in kept
    assert 'id="it-burger"' in kept
    assert "it-android" not in kept
    assert kept.rstrip().endswith("</svg>")


def test_an_icon_the_kit_lacks_stops_the_build() -> None:
    with pytest.raises(ValueError, match="it-missing"):
        sprites.subset(FULL, {"it-search", "it-missing"})


def test_the_built_sprite_holds_every_icon_the_templates_name() -> None:
    root = Path(__file__).resolve().parents[2]
    built = (root / "static/vendor/bootstrap-italia/svg/sprites.svg").read_text()
    names = sprites.icon_names([root / "templates"])

    assert {"it-search", "it-burger", "it-pa"} <= names
    for name in names:
        assert f'id="{name}"' in built
