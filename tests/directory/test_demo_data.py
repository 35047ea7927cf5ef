"""The demo directory that `make run` loads."""

import datetime
import re
from decimal import Decimal
from http import HTTPStatus
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from PIL import Image

from creativecities import pagecache
from creativecities.models import Version
from directory import demo_organisations
from directory.models import Membership, Municipality, Organisation, Sector, User

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

DEMO_SLUGS = [entry.slug for entry in demo_organisations.ORGANISATIONS]


@pytest.fixture
def load(
    settings: LazySettings,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
):
    """The directory's own demo content; other apps test their loaders themselves
    (the whole portal's demo is loaded once, twice over, in the admin's tests)."""
    from creativecities.demo import loaders as demo_loaders

    monkeypatch.setattr(demo_loaders, "_registry", [])
    settings.DEBUG = True
    settings.DATA_DIR = tmp_path  # the demo passwords are written there

    def run() -> str:
        call_command("load_demo_data")
        return capsys.readouterr().out

    return run


def media_files(settings: LazySettings) -> set[Path]:
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def test_the_demo_directory_is_alive(load, settings: LazySettings) -> None:
    load()

    demo_orgs = Organisation.objects.filter(slug__in=DEMO_SLUGS)
    public = list(demo_orgs.published().prefetch_related("sectors"))
    assert 30 <= demo_orgs.count() <= 40
    assert len(public) >= 30
    assert {s.slug for org in public for s in org.sectors.all()} == set(
        Sector.objects.values_list("slug", flat=True)
    )
    assert len(Sector.objects.all()) == 12
    places = {org.municipality for org in public}
    assert len(places) >= 20
    assert {p.kind for p in places} == set(Municipality.Kind.values)
    assert sum(p.kind == Municipality.Kind.GENOA_DISTRICT for p in places) == 9
    assert len({org.kind for org in public}) == len(Organisation.Kind.values)
    assert any(org.open_to_international for org in public)
    assert any(org.website for org in public)
    assert any(not org.website for org in public)
    assert all(org.short_description_en and org.description_it for org in public)


def test_demo_profiles_go_through_every_state(load) -> None:
    load()

    demo_orgs = Organisation.objects.filter(slug__in=DEMO_SLUGS)
    assert demo_orgs.filter(status=Organisation.Status.PENDING).count() == 3
    rejected = demo_orgs.get(status=Organisation.Status.REJECTED)
    assert rejected.rejection_reason
    lapsed = demo_orgs.lapsed().get()
    assert timezone.now() - lapsed.confirmed_at > datetime.timedelta(days=540)
    published = demo_orgs.filter(status=Organisation.Status.PUBLISHED)
    dates = sorted(date for date in published.values_list("published_at", flat=True) if date)
    assert len(dates) == published.count()
    assert timezone.now() - dates[0] <= datetime.timedelta(days=3 * 366)
    assert dates[-1] - dates[0] > datetime.timedelta(days=2 * 365)  # growth over time


def test_every_published_demo_organisation_has_coordinates_and_a_logo(
    load, settings: LazySettings
) -> None:
    load()

    published = Organisation.objects.filter(
        slug__in=DEMO_SLUGS, status=Organisation.Status.PUBLISHED
    ).select_related("municipality")
    for org in published:
        latitude, longitude = org.latitude, org.longitude
        assert latitude is not None and longitude is not None, org.slug
        # Inside the metropolitan city; Genoa's municipi inside Genoa.
        assert Decimal("44.2") < latitude < Decimal("44.7"), org.slug
        assert Decimal("8.6") < longitude < Decimal("9.6"), org.slug
        if org.municipality.kind == Municipality.Kind.GENOA_DISTRICT:
            assert Decimal("44.37") < latitude < Decimal("44.51"), org.slug
            assert Decimal("8.72") < longitude < Decimal("9.06"), org.slug
        media = Path(settings.MEDIA_ROOT)
        assert str(org.logo.name).endswith(".webp")
        assert Image.open(media / str(org.logo.name)).format == "WEBP"
        assert Image.open(media / str(org.logo_thumbnail.name)).size == (160, 160)
        assert org.search_vector is not None


def test_the_demo_data_can_be_loaded_again_without_changing_anything(
    load, settings: LazySettings
) -> None:
    load()
    models = (Organisation, Membership, Version, User)
    counts = [model.objects.count() for model in models]
    changed = dict(Organisation.objects.values_list("slug", "updated_at"))
    files = media_files(settings)

    load()

    assert [model.objects.count() for model in models] == counts
    assert dict(Organisation.objects.values_list("slug", "updated_at")) == changed
    assert media_files(settings) == files


def test_a_lost_logo_file_is_drawn_again(load, settings: LazySettings) -> None:
    load()
    org = Organisation.objects.get(slug="cooperativa-basilico-pra")
    (Path(settings.MEDIA_ROOT) / str(org.logo.name)).unlink()

    load()

    org.refresh_from_db()
    assert (Path(settings.MEDIA_ROOT) / str(org.logo.name)).exists()


def test_demo_content_edited_away_is_restored_but_approval_is_kept(load) -> None:
    load()
    # As approval leaves it: published, with its publication date.
    Organisation.objects.filter(slug="creuza-lab").update(
        name="Changed", status=Organisation.Status.PUBLISHED, published_at=timezone.now()
    )

    load()

    org = Organisation.objects.get(slug="creuza-lab")
    assert org.name == "Creuza Lab"
    assert org.status == Organisation.Status.PUBLISHED


def test_the_demo_member_logs_in_with_the_printed_password(load, client: Client) -> None:
    output = load()

    match = re.search(r"Member login: (\S+) / (\S+)", output)
    assert match
    email, password = match.groups()
    assert client.login(username=email, password=password)
    member = User.objects.get(email=email)
    assert not member.is_staff
    assert set(Organisation.objects.for_member(member).values_list("slug", flat=True)) == set(
        demo_organisations.MEMBER_ORGANISATIONS
    )
    response = client.get("/admin/")
    assert response.status_code == HTTPStatus.FOUND


def test_other_apps_demo_loaders_run_after_the_directory_and_print_their_line(load) -> None:
    from creativecities.demo import loaders as demo_loaders

    seen: list[tuple[str, str]] = []

    def fake_loader(*, staff: User, member: User) -> str:
        seen.append((staff.email, member.email))
        assert Organisation.objects.filter(slug__in=DEMO_SLUGS).exists()
        return "Fake app: 3 things."

    demo_loaders.register_demo_loader(fake_loader)
    demo_loaders.register_demo_loader(fake_loader)  # a second ready() adds nothing
    out = load()
    assert out.count("Fake app: 3 things.") == 1
    assert seen == [
        ("sportello@demo.creativecities.example", "giulia.parodi@demo.creativecities.example")
    ]


def test_loading_the_demo_makes_every_kept_page_stale(load) -> None:
    """Some loaders write in bulk, which no signal reports to the page cache."""
    before = pagecache.version(pagecache.SITE)

    load()

    assert pagecache.version(pagecache.SITE) != before


def test_the_demo_ratings_give_the_desks_figures_per_page_once(admin_client: Client) -> None:
    from directory.demo_ratings import RATINGS, ratings_demo
    from directory.models import PageRating

    assert "16 answers on 8 pages" in ratings_demo(staff=None, member=None)
    assert "kept" in ratings_demo(staff=None, member=None)  # a second load adds nothing
    assert PageRating.objects.count() == len(RATINGS)
    figures = {row["path"]: row for row in PageRating.objects.figures()}
    assert len(figures) == 8
    page = admin_client.get("/admin/directory/pagerating/").content.decode()
    assert "/contact-point/guides/partecipare-a-un-bando/" in page
