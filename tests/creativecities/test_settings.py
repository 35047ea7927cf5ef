import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


def environment(**variables: str) -> dict[str, str]:
    """The environment of a process started without any of the test run's relaxations."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        **variables,
    }


def test_check_deploy_is_clean_with_production_variables() -> None:
    env = environment(
        DJANGO_SECRET_KEY="x" * 20 + "-production-like-key-0123456789-abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="creativecities.example",
        DJANGO_DEBUG="false",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "WARNINGS" not in result.stderr


@pytest.mark.parametrize(("debug", "expected"), [(None, "False"), ("", "False"), ("true", "True")])
def test_debug_is_off_unless_asked_for(debug: str | None, expected: str) -> None:
    env = environment(DJANGO_SETTINGS_MODULE="creativecities.settings")
    if debug is not None:
        env["DJANGO_DEBUG"] = debug
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.DEBUG)"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


@pytest.mark.django_db
def test_no_model_change_lacks_its_migration() -> None:
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_map_tiles_origin_is_the_only_outside_image_source() -> None:
    img_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]

    assert settings.MAP_TILES_URL.startswith(img_src[-1])
    assert [src for src in img_src if src.startswith("http")] == [img_src[-1]]
