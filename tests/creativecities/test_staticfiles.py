"""Static files' addresses: the manifest's hashed names, worked out once."""

import pytest
from django.conf import LazySettings
from django.contrib.staticfiles.storage import staticfiles_storage
from whitenoise.storage import CompressedManifestStaticFilesStorage

from creativecities.staticfiles import StaticFilesStorage

NAME = "js/directory.js"


def test_an_address_is_the_manifests_hashed_name() -> None:
    ours = StaticFilesStorage()

    address = ours.url(NAME)

    assert address == CompressedManifestStaticFilesStorage().url(NAME)
    assert address != f"/static/{NAME}"  # named by content
    assert isinstance(staticfiles_storage._wrapped, StaticFilesStorage)  # type: ignore[attr-defined]


def test_an_address_is_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    storage = StaticFilesStorage()
    first = storage.url(NAME)

    def no_second_look(*args: object, **kwargs: object) -> str:
        raise AssertionError("the manifest was read again")

    monkeypatch.setattr(storage, "stored_name", no_second_look)

    assert storage.url(NAME) == first


def test_under_debug_addresses_are_not_kept(settings: LazySettings) -> None:
    settings.DEBUG = True
    storage = StaticFilesStorage()

    storage.url(NAME)

    assert storage._addresses == {}
