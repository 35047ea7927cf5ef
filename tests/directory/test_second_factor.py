"""The second factor of staff: the code after the password, enrolment, backup
codes, the reset by a superuser, and the login throttle on the code step."""

import os
import subprocess
import sys
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest
from django.conf import LazySettings
from django.contrib.auth.models import Group
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.models import User
from directory.second_factor import second_factor_enrol, second_factor_reset
from tests.conftest import authenticator_code
from tests.directory.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

PASSWORD = "a-long-test-password"
ADMIN_LOGIN = "/admin/login/"
VERIFY = "/en/accounts/second-factor/"
SETUP = "/en/accounts/second-factor/setup/"
BACKUP_CODES = "/en/accounts/second-factor/backup-codes/"
ENQUIRIES = "/admin/contactpoint/enquiry/"
LOGOUT = "/en/accounts/logout/"


@pytest.fixture
def paola(db: Any) -> User:
    """Desk staff, not yet enrolled."""
    user: User = UserFactory.create(email="paola@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Desk staff"))
    return user


def password_login(client: Client, user: User) -> None:
    """The first step at the admin's login, reading the desk in English."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = client.post(ADMIN_LOGIN, {"username": user.email, "password": PASSWORD})
    assert response.status_code == HTTPStatus.FOUND


def enrolled(user: User) -> tuple[TOTPDevice, list[str]]:
    """An authenticator set up for `user`, and their backup codes."""
    device = TOTPDevice.objects.create(user=user, name="Phone", confirmed=False)
    codes = second_factor_enrol(device=device, code=authenticator_code(device))
    assert codes is not None
    device.refresh_from_db()
    device.last_t = -1  # the enrolment's code may be typed again in the test
    device.save()
    return device, codes


def test_staff_with_the_password_alone_are_asked_for_the_code_before_any_admin_page(
    client: Client, paola: User
) -> None:
    enrolled(paola)
    password_login(client, paola)

    index = client.get("/admin/", follow=True)
    enquiries = client.get(ENQUIRIES)
    results = client.get("/admin/survey-results/")

    assert index.redirect_chain[-1][0] == f"{VERIFY}?next=%2Fadmin%2F"
    assert "<h1>Enter your code</h1>" in index.content.decode()
    assert enquiries.status_code == results.status_code == HTTPStatus.FOUND
    assert enquiries.url.startswith(ADMIN_LOGIN)
    assert results.url.startswith(ADMIN_LOGIN)


def test_the_right_code_opens_the_admin(client: Client, paola: User) -> None:
    device, _ = enrolled(paola)
    password_login(client, paola)

    response = client.post(
        VERIFY, {"code": authenticator_code(device), "next": ENQUIRIES}, follow=True
    )

    assert response.redirect_chain == [(ENQUIRIES, HTTPStatus.FOUND)]
    assert response.status_code == HTTPStatus.OK
    assert client.get("/admin/").status_code == HTTPStatus.OK


def test_at_the_code_step_staff_can_log_out_and_log_in_again(client: Client, paola: User) -> None:
    enrolled(paola)
    password_login(client, paola)

    page = client.get(VERIFY).content.decode()
    client.post(LOGOUT)
    logged_out = client.get("/admin/", follow=True)
    password_login(client, paola)
    again = client.get("/admin/", follow=True)

    assert f'action="{LOGOUT}"' in page
    assert logged_out.redirect_chain[-1][0].startswith(ADMIN_LOGIN)
    assert 'name="password"' in logged_out.content.decode()
    assert again.redirect_chain[-1][0].startswith(VERIFY)


def test_at_the_code_step_the_admin_login_form_still_takes_a_login(
    client: Client, paola: User
) -> None:
    enrolled(paola)
    password_login(client, paola)
    colleague = UserFactory.create(email="colleague@example.org", is_staff=True)

    password_login(client, colleague)

    assert client.session["_auth_user_id"] == str(colleague.pk)


def test_a_wrong_code_is_refused_with_a_message(client: Client, paola: User) -> None:
    device, _ = enrolled(paola)
    password_login(client, paola)
    wrong = f"{(int(authenticator_code(device)) + 500_000) % 1_000_000:06d}"

    response = client.post(VERIFY, {"code": wrong})

    assert response.status_code == HTTPStatus.OK
    assert "This code is not valid" in response.content.decode()
    assert client.get("/admin/").status_code == HTTPStatus.FOUND


def a_second_later(user: User) -> None:
    """As if the pause django-otp imposes after one wrong code had passed."""
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).update(throttling_failure_timestamp=None)


def test_right_after_a_wrong_code_the_next_waits_a_moment(client: Client, paola: User) -> None:
    device, _ = enrolled(paola)
    password_login(client, paola)
    client.post(VERIFY, {"code": "000000"})

    hurried = client.post(VERIFY, {"code": authenticator_code(device)})
    a_second_later(paola)
    calm = client.post(VERIFY, {"code": authenticator_code(device)})

    assert hurried.status_code == HTTPStatus.OK
    assert "Too many wrong codes in a row: please wait 1 second," in hurried.content.decode()
    assert calm.status_code == HTTPStatus.FOUND


def test_staff_without_an_authenticator_enrol_and_see_their_backup_codes_once(
    client: Client, paola: User
) -> None:
    password_login(client, paola)

    page = client.get("/admin/", follow=True)
    content = page.content.decode()
    device = TOTPDevice.objects.get(user=paola)
    again = client.get(SETUP)  # a reload shows the same key
    confirmed = client.post(SETUP, {"code": authenticator_code(device), "next": "/admin/"})
    codes_page = client.get(confirmed.url)
    codes_again = client.get(confirmed.url)

    assert page.redirect_chain[-1][0] == f"{SETUP}?next=%2Fadmin%2F"
    assert 'src="data:image/svg+xml' in content
    key = content.split('id="second-factor-key">')[1].split("<")[0]
    assert key.replace(" ", "") in device.config_url
    assert key in again.content.decode()
    assert confirmed.url == f"{BACKUP_CODES}?next=%2Fadmin%2F"
    codes = list(StaticToken.objects.filter(device__user=paola).values_list("token", flat=True))
    assert len(codes) == 10
    assert all(f"<code>{code}</code>" in codes_page.content.decode() for code in codes)
    assert codes_again.status_code == HTTPStatus.FOUND  # shown once
    assert codes[0] not in codes_again.content.decode()
    assert client.get("/admin/").status_code == HTTPStatus.OK
    device.refresh_from_db()
    assert device.confirmed


def test_a_wrong_first_code_does_not_enrol(client: Client, paola: User) -> None:
    password_login(client, paola)
    client.get(SETUP)

    response = client.post(SETUP, {"code": "000000"})

    assert response.status_code == HTTPStatus.OK
    assert "This code is not valid" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=paola, confirmed=True).exists()
    assert client.get("/admin/").status_code == HTTPStatus.FOUND


def test_a_session_with_the_password_alone_cannot_enrol_another_authenticator(
    client: Client, paola: User
) -> None:
    device, _ = enrolled(paola)
    password_login(client, paola)

    response = client.get(SETUP)

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(VERIFY)
    assert list(TOTPDevice.objects.filter(user=paola)) == [device]


def test_a_backup_code_works_once(client: Client, paola: User) -> None:
    _, codes = enrolled(paola)
    password_login(client, paola)

    first = client.post(VERIFY, {"code": codes[0].upper()})
    assert first.status_code == HTTPStatus.FOUND
    assert client.get("/admin/").status_code == HTTPStatus.OK
    client.post(LOGOUT)
    password_login(client, paola)
    reused = client.post(VERIFY, {"code": codes[0]})
    a_second_later(paola)
    other = client.post(VERIFY, {"code": codes[1]})

    assert reused.status_code == HTTPStatus.OK
    assert "This code is not valid" in reused.content.decode()
    assert other.status_code == HTTPStatus.FOUND
    assert StaticToken.objects.filter(device__user=paola).count() == 8


def user_changelist_action(client: Client, user: User) -> Any:
    return client.post(
        "/admin/directory/user/",
        {"action": "reset_second_factor", "_selected_action": [user.pk]},
        follow=True,
    )


def test_a_superuser_resets_another_persons_second_factor(
    client: Client, paola: User, admin_user: User
) -> None:
    device, _ = enrolled(paola)
    paolas = Client()
    password_login(paolas, paola)
    paolas.post(VERIFY, {"code": authenticator_code(device)})
    assert paolas.get("/admin/").status_code == HTTPStatus.OK
    client.force_login(admin_user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

    listing = client.get("/admin/directory/user/")
    response = user_changelist_action(client, paola)

    assert "Reset the second factor" in listing.content.decode()
    assert "The second factor of 1 person was reset" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=paola).exists()
    assert not StaticDevice.objects.filter(user=paola).exists()
    # Her session no longer counts as passed; her next visit enrols again.
    assert paolas.get("/admin/", follow=True).redirect_chain[-1][0].startswith(SETUP)


def test_desk_staff_cannot_reset_a_second_factor(desk: Client, paola: User) -> None:
    enrolled(paola)

    listing = desk.get("/admin/directory/user/")
    response = user_changelist_action(desk, paola)

    assert listing.status_code == HTTPStatus.OK
    assert "paola@example.org" in listing.content.decode()
    assert "Reset the second factor" not in listing.content.decode()
    assert "was reset" not in response.content.decode()
    assert TOTPDevice.objects.filter(user=paola, confirmed=True).exists()
    assert StaticDevice.objects.filter(user=paola).exists()


def test_the_device_admin_pages_are_not_offered(client: Client, admin_user: User) -> None:
    """The keys of everyone's authenticators stay out of the admin."""
    client.force_login(admin_user)

    assert client.get("/admin/").status_code == HTTPStatus.OK
    assert client.get("/admin/otp_totp/totpdevice/").status_code == HTTPStatus.NOT_FOUND


def test_a_reset_without_devices_removes_nothing(paola: User) -> None:
    assert second_factor_reset(user=paola) == 0
    enrolled(paola)
    assert second_factor_reset(user=paola) == 2


def test_when_optional_staff_without_an_authenticator_go_straight_in(
    client: Client, paola: User, settings: LazySettings
) -> None:
    settings.STAFF_OTP_REQUIRED = False
    password_login(client, paola)

    assert client.get("/admin/").status_code == HTTPStatus.OK
    assert client.get(SETUP).status_code == HTTPStatus.OK  # enrolling stays possible


def test_when_optional_staff_who_enrolled_are_still_asked(
    client: Client, paola: User, settings: LazySettings
) -> None:
    settings.STAFF_OTP_REQUIRED = False
    device, _ = enrolled(paola)
    password_login(client, paola)

    assert client.get("/admin/").status_code == HTTPStatus.FOUND
    client.post(VERIFY, {"code": authenticator_code(device)})
    assert client.get("/admin/").status_code == HTTPStatus.OK


def settings_value(name: str, **environment: str) -> str:
    """A setting as a fresh process reads it under this environment."""
    root = Path(__file__).resolve().parents[2]
    code = f"from django.conf import settings; print(settings.{name})"
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        cwd=root,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "creativecities.settings",
            "CREATIVECITIES_STAFF_OTP_REQUIRED": "",
            **environment,
        },
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_the_second_factor_is_required_unless_debug_by_default() -> None:
    assert settings_value("STAFF_OTP_REQUIRED", DJANGO_DEBUG="false") == "True"
    assert settings_value("STAFF_OTP_REQUIRED", DJANGO_DEBUG="true") == "False"
    assert (
        settings_value(
            "STAFF_OTP_REQUIRED", DJANGO_DEBUG="true", CREATIVECITIES_STAFF_OTP_REQUIRED="true"
        )
        == "True"
    )


def test_wrong_codes_lock_the_pair_like_wrong_passwords(client: Client, paola: User) -> None:
    device, _ = enrolled(paola)
    password_login(client, paola)

    statuses = [client.post(VERIFY, {"code": "000000"}).status_code for _ in range(6)]
    right = client.post(VERIFY, {"code": authenticator_code(device)})
    password_again = Client().post(ADMIN_LOGIN, {"username": paola.email, "password": PASSWORD})
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    password_login(elsewhere, paola)

    assert statuses == [HTTPStatus.OK] * 4 + [HTTPStatus.TOO_MANY_REQUESTS] * 2
    assert right.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Too many login attempts" in right.content.decode()
    assert password_again.status_code == HTTPStatus.TOO_MANY_REQUESTS
    a_second_later(paola)
    assert elsewhere.post(VERIFY, {"code": authenticator_code(device)}).status_code == (
        HTTPStatus.FOUND
    )


def test_wrong_codes_beyond_the_limit_lengthen_the_pause_as_wrong_passwords_do(
    client: Client, paola: User
) -> None:
    from axes.models import AccessAttempt

    enrolled(paola)
    password_login(client, paola)
    for _ in range(5):
        client.post(VERIFY, {"code": "000000"})
    AccessAttempt.objects.update(failures_since_start=7)  # two more earlier today

    response = client.post(VERIFY, {"code": "000000"})

    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert 15 * 60 < int(response["Retry-After"]) <= 20 * 60


def test_the_password_again_does_not_wipe_the_count_of_wrong_codes(
    client: Client, paola: User
) -> None:
    enrolled(paola)
    password_login(client, paola)
    for _ in range(4):
        assert client.post(VERIFY, {"code": "000000"}).status_code == HTTPStatus.OK
    client.post(LOGOUT)

    password_login(client, paola)

    assert client.post(VERIFY, {"code": "000000"}).status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_after_the_code_the_address_is_known_and_failures_forgotten(
    client: Client, paola: User
) -> None:
    from axes.models import AccessAttempt, AccessLog

    device, _ = enrolled(paola)
    client.post(ADMIN_LOGIN, {"username": paola.email, "password": "wrong"})
    password_login(client, paola)
    assert AccessAttempt.objects.filter(username=paola.email).exists()
    assert not AccessLog.objects.filter(username=paola.email).exists()

    client.post(VERIFY, {"code": authenticator_code(device)})

    assert not AccessAttempt.objects.filter(username=paola.email).exists()
    assert AccessLog.objects.filter(username=paola.email).exists()


def test_the_code_page_speaks_italian(client: Client, paola: User) -> None:
    enrolled(paola)
    password_login(client, paola)

    response = client.get("/it/accounts/second-factor/")

    assert '<html lang="it"' in response.content.decode()
    assert "Inserisci il codice" in response.content.decode()


def test_members_have_no_second_factor_pages(client: Client, member: User) -> None:
    anonymous = Client().get(VERIFY)
    client.force_login(member)

    assert anonymous.status_code == HTTPStatus.FOUND
    assert anonymous.url.startswith(ADMIN_LOGIN)
    assert client.get(VERIFY).status_code == HTTPStatus.FORBIDDEN
    assert client.get(SETUP).status_code == HTTPStatus.FORBIDDEN
