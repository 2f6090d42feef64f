"""The real client address of a request, also behind reverse proxies (python-ipware)."""

from django.conf import settings
from python_ipware import IpWare


def client_adres(request):
    """With VERTROUWDE_PROXIES = N > 0, N trusted proxies stand in front of the app and each appends the
    address it received the request from to X-Forwarded-For: the client is the N-th address from the right.
    Addresses further left were sent by the client itself and are never trusted. With N = 0 (or a header
    shorter than N), REMOTE_ADDR."""
    aantal = settings.VERTROUWDE_PROXIES
    if aantal > 0:
        # python-ipware counts the proxies *in* the header; the last proxy's own address is REMOTE_ADDR.
        adres, _vertrouwd = IpWare(precedence=("HTTP_X_FORWARDED_FOR",), proxy_count=aantal - 1).get_client_ip(
            request.META)
        if adres is not None:
            return str(adres)
    return request.META.get("REMOTE_ADDR") or None
