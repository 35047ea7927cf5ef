"""The page rating: "How clear is the information on this page?", its follow-up
and thanks, in plain forms; stored per page, limited, anonymous; the desk's
figures."""

import re
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import LazySettings
from django.test import Client

from directory.models import PageRating, User
from directory.ratings import Started
from tests.contactpoint.factories import GuideFactory
from tests.contactpoint.factories_calls import FundingCallFactory, PremisesFactory

pytestmark = pytest.mark.django_db

PRIVACY = "/it/privacy/"


def rate(client: Client, page: str = PRIVACY, stars: int = 4, **headers: str) -> Any:
    return client.post("/it/rating/", {"page": page, "stars": stars}, headers=headers)


def token_of(response: Any) -> str:
    return str(parse_qs(urlsplit(response["Location"]).query)["rating"][0])


def details(client: Client, token: str, page: str = PRIVACY, **data: str) -> Any:
    return client.post("/it/rating/details/", {"page": page, "token": token, **data})


def test_the_stars_are_stored_for_the_page_in_every_language_and_the_follow_up_shown(
    client: Client,
) -> None:
    response = rate(client, stars=5)
    english = client.post("/en/rating/", {"page": "/en/privacy/", "stars": 2})

    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"].startswith(f"{PRIVACY}?rating=")
    assert response["Location"].endswith("#page-rating")
    assert list(PageRating.objects.order_by("pk").values_list("path", "language", "stars")) == [
        ("/privacy/", "it", 5),
        ("/privacy/", "en", 2),
    ]
    liked = client.get(response["Location"]).content.decode()
    assert "Quali sono stati gli aspetti che hai preferito?" in liked
    assert "Capivo sempre che stavo procedendo correttamente" in liked
    assert "Dove hai incontrato le maggiori difficoltà?" not in liked
    struggled = client.get(english["Location"]).content.decode()
    assert "Where did you have the most difficulty?" in struggled
    assert "At times I could not tell whether I was proceeding correctly" in struggled


def test_the_follow_up_completes_the_rating_once_then_thanks(client: Client) -> None:
    token = token_of(rate(client, stars=2))

    done = details(client, token, aspect="unclear", comment="Manca il modulo\x00 da scaricare")
    again = details(client, token, aspect="problems", comment="Altro ancora")

    assert done.status_code == HTTPStatus.FOUND
    assert done["Location"] == f"{PRIVACY}?rated=1#page-rating"
    assert again.status_code == HTTPStatus.FOUND
    rating = PageRating.objects.get()
    assert (rating.aspect, rating.comment) == ("unclear", "Manca il modulo da scaricare")
    thanks = client.get(done["Location"]).content.decode()
    assert "Grazie, il tuo parere ci aiuterà a migliorare il servizio!" in thanks


def test_the_follow_up_offers_only_the_answers_of_its_stars(client: Client) -> None:
    token = token_of(rate(client, stars=5))

    response = details(client, token, aspect="unclear")

    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert PageRating.objects.get().aspect == ""


@pytest.mark.parametrize(
    "token",
    ["forged", Started(rating_id=1, stars=4).token()[:-2] + "xx"],
    ids=["forged", "tampered"],  # the same names in every worker: the token holds the time
)
def test_a_forged_token_completes_nothing_and_asks_again(client: Client, token: str) -> None:
    rate(client, stars=4)

    response = details(client, token, aspect="clear")

    assert response["Location"] == f"{PRIVACY}?rating=expired#page-rating"
    assert PageRating.objects.get().aspect == ""
    page = client.get(response["Location"]).content.decode()
    assert "Questa valutazione è scaduta" in page
    assert 'action="/it/rating/"' in page


@pytest.mark.parametrize(
    "page", ["//evil.example/", "https://evil.example/it/privacy/", "/it/no-such-page/", "x" * 600]
)
def test_only_pages_of_the_site_are_rated(client: Client, page: str) -> None:
    assert rate(client, page=page).status_code == HTTPStatus.BAD_REQUEST
    assert not PageRating.objects.exists()


def test_control_characters_and_long_text_are_refused_or_cleaned(client: Client) -> None:
    injected = f"{PRIVACY}\r\nSet-Cookie: x=1\x00"

    assert rate(client, page=injected).status_code == HTTPStatus.BAD_REQUEST
    # A NUL is dropped where text comes in: the page is rated, and only its clean path echoed.
    first = rate(client, page=f"{PRIVACY}\x00")
    assert first["Location"].startswith(f"{PRIVACY}?rating=")
    token = token_of(first)
    assert details(client, "forged", page=injected).status_code == HTTPStatus.BAD_REQUEST
    too_long = details(client, token, aspect="clear", comment="x" * 10_000)
    done = details(client, token, aspect="clear", comment="Chiaro\x00\x0b")

    assert too_long.status_code == HTTPStatus.BAD_REQUEST
    assert done["Location"] == f"{PRIVACY}?rated=1#page-rating"
    rating = PageRating.objects.get()
    assert (rating.path, rating.comment) == ("/privacy/", "Chiaro")


def test_a_post_from_another_site_is_refused(client: Client) -> None:
    assert rate(client, Origin="https://evil.example").status_code == HTTPStatus.FORBIDDEN
    assert rate(client, **{"Sec-Fetch-Site": "cross-site"}).status_code == HTTPStatus.FORBIDDEN
    assert rate(client, Origin="http://testserver").status_code == HTTPStatus.FOUND
    assert PageRating.objects.count() == 1


def test_no_star_chosen_asks_again_and_stores_nothing(client: Client) -> None:
    response = client.post("/it/rating/", {"page": PRIVACY})

    assert response["Location"] == f"{PRIVACY}#page-rating"
    assert not PageRating.objects.exists()


def test_ratings_are_limited_per_address(client: Client, settings: LazySettings) -> None:
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "page_rating": {"address": "2/h"}}
    token = token_of(rate(client))
    details(client, token, aspect="clear")

    refused = rate(client)

    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert f'href="{PRIVACY}"' in refused.content.decode()
    assert PageRating.objects.count() == 1


def test_a_rating_keeps_nothing_about_the_person(client: Client, member: User) -> None:
    client.force_login(member)
    token = token_of(rate(client, stars=3))
    details(client, token, aspect="other", comment="Ok")

    columns = {field.name for field in PageRating._meta.get_fields()}
    assert columns == {"id", "path", "language", "stars", "aspect", "comment", "created_on"}
    assert PageRating.objects.get().comment == "Ok"


def test_the_rating_is_on_every_kind_of_content_page_and_works_without_script(
    client: Client,
) -> None:
    pages = [
        PRIVACY,
        GuideFactory.create().get_absolute_url(),
        FundingCallFactory.create().get_absolute_url(),
        PremisesFactory.create().get_absolute_url(),
    ]
    for url in pages:
        content = client.get(url).content.decode()
        form = re.search(r'<form method="post" action="/\w\w/rating/">(.*?)</form>', content, re.S)
        assert form is not None, url
        assert f'name="page" value="{url}"' in form.group(1)
        assert form.group(1).count('type="radio"') == 5
        assert 'data-element="feedback"' in content
        assert "Pagina aggiornata il" in content or "Page updated on" in content


def test_the_desk_reads_figures_per_page(client: Client, staff_user: User) -> None:
    for stars, aspect in [(5, "clear"), (4, "clear"), (1, "problems")]:
        PageRating.objects.create(path="/privacy/", language="it", stars=stars, aspect=aspect)
    PageRating.objects.create(path="/accessibility/", language="en", stars=3, comment="Hm")
    client.force_login(staff_user)

    response = client.get("/admin/directory/pagerating/", headers={"Accept-Language": "en"})

    assert response.status_code == HTTPStatus.OK
    figures = response.context["figures"]
    privacy = next(row for row in figures if row["path"] == "/privacy/")
    assert privacy["count"] == 3
    assert round(privacy["average"], 2) == 3.33
    assert privacy["stars"] == [1, 0, 0, 1, 1]
    assert privacy["aspects"][0] == ("The instructions were clear", 2)
    content = response.content.decode()
    assert "Figures per page" in content and "3.3" in content
    assert client.get("/admin/directory/pagerating/add/").status_code == HTTPStatus.FORBIDDEN
    rating = PageRating.objects.get(path="/accessibility/")
    change = client.post(f"/admin/directory/pagerating/{rating.pk}/change/", {"stars": 1})
    assert change.status_code == HTTPStatus.FORBIDDEN
    rating.refresh_from_db()
    assert rating.stars == 3
