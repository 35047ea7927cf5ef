"""The abuse replay's client (`bench/abuse.py`): one browser-like client of
the gunicorn it starts, and the names of the people it seeds."""

from __future__ import annotations

import http.client
from urllib.parse import urlencode

PASSWORD = "probe-password-for-the-abuse-run-42"
DOMAIN = "abuse.example"


class Browser:
    """One client: keeps its cookies, sends the CSRF token, and says which address
    the reverse proxy would have seen (X-Forwarded-For)."""

    def __init__(self, port: int, address: str) -> None:
        self.port, self.address = port, address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict[str, object] | None = None) -> int:
        headers = {"Accept-Language": "it", "X-Forwarded-For": self.address}
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status
        finally:
            connection.close()

    def get(self, path: str) -> int:
        return self.request("GET", path)

    def read(self, path: str) -> tuple[int, str]:
        """A GET's status and body."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Accept-Language": "it", "X-Forwarded-For": self.address}
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            return response.status, response.read().decode()
        finally:
            connection.close()

    def log_in(self, email: str) -> None:
        self.request("GET", "/it/accounts/login/")
        status = self.request(
            "POST", "/it/accounts/login/", {"username": email, "password": PASSWORD}
        )
        if status != 302:
            raise RuntimeError(f"could not log in as {email}: {status}")

    def pass_second_factor(self, email: str) -> None:
        """Staff give the code of their authenticator after the password (required
        with DEBUG off, as here): the code it shows now, from its key."""
        from django_otp.oath import totp
        from django_otp.plugins.otp_totp.models import TOTPDevice

        device = TOTPDevice.objects.get(user__email=email, confirmed=True)
        code = f"{totp(device.bin_key, device.step, device.t0, device.digits):0{device.digits}d}"
        self.request("GET", "/it/accounts/second-factor/")
        status = self.request("POST", "/it/accounts/second-factor/", {"code": code})
        if status != 302:
            raise RuntimeError(f"{email} could not pass the second factor: {status}")
