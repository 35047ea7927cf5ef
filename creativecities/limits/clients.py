"""Who sent a request: the portal's one reading of the client's address, for
every part of it that limits clients (login throttling through Axes'
`AXES_CLIENT_IP_CALLABLE`, the rate limits of the forms)."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    """The address of the client, as the portal's own edge saw it, in the one form
    every limit counts it by (login throttling, the rate limits of the forms).

    Directly exposed (the default), that is the socket's peer, REMOTE_ADDR: a
    client cannot change it. Behind the reverse proxy (DJANGO_BEHIND_PROXY), the
    peer is the proxy, and the client's address is the last one the proxy put in
    X-Forwarded-For: the entries before it were written by the client and prove
    nothing. A value that is no IP address counts as absent.

    An IPv6 client is its /64 network, which one household or server typically
    holds whole: counted by its full address, one machine could take a fresh
    address for every attempt. The network is written as its first address
    (`2001:db8:1:2::`), so that it still fits where an address is stored (Axes'
    records). An IPv4 address written as IPv6 (`::ffff:203.0.113.5`) is the IPv4
    address.
    """
    address = request.META.get("REMOTE_ADDR", "")
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        address = forwarded or address
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return None
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return str(parsed)
