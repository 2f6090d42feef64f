"""Rate limits on every anonymous and partner door, keyed on the real client address.

DRF's throttles do the counting (in the shared cache); the client is the one the login lockout sees too,
``common.clientadres.client_adres``: the address behind ``VERTROUWDE_PROXIES`` trusted proxies in
``X-Forwarded-For``, and ``REMOTE_ADDR`` when there are none or the header is shorter; so one busy proxy is not
one bucket for the whole city, and a client cannot pick its own address by sending the header. The same
throttles guard the plain Django views of the resident pages (:func:`afgeremd`), with a Dutch 429 page; the API
answers a Dutch 429 in the shared error shape (``common.fouten``).
"""

from django.shortcuts import render
from django.utils.translation import gettext as _
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from common.clientadres import client_adres
from common.redisfout import CACHE_FOUTEN, PROBEER_OPNIEUW_SECONDEN, TijdelijkNietBeschikbaar


class PerClientadres(SimpleRateThrottle):
    """A rate per real client address for one ``scope`` of ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``."""

    scope = "publiek"

    def get_rate(self):
        # read at call time, so a changed setting (tests, a reload) counts
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

    def get_ident(self, request):
        # not DRF's own reading of X-Forwarded-For (NUM_PROXIES): that took the leftmost address, which the client
        # writes itself, when the header was shorter than the number of proxies
        return client_adres(request)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_request(self, request, view):
        """Without its counter (Redis down or hung) an anonymous or partner door cannot be limited: it answers a
        Dutch 503 with Retry-After and stores nothing (README, "Operations"), never a 500."""
        try:
            return super().allow_request(request, view)
        except CACHE_FOUTEN as fout:
            raise TijdelijkNietBeschikbaar() from fout


class Publiek(PerClientadres):
    """The default of every API view (``DEFAULT_THROTTLE_CLASSES``): counts anonymous requests only, e.g. to the
    schema and its documentation; a logged-in user is not limited by it."""

    scope = "publiek"

    def allow_request(self, request, view):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return True
        return super().allow_request(request, view)


class Partner(PerClientadres):
    """The partner API (also before the key is checked: guessing keys is slowed down too)."""

    scope = "partner"


class InwonerVraag(PerClientadres):
    scope = "inwoner_vraag"


class InwonerZoeken(PerClientadres):
    scope = "inwoner_zoeken"


def afgeremd(request, throttle_klasse):
    """For a plain Django view: None when the request may go on, else the Dutch 429 page (with Retry-After)."""
    throttle = throttle_klasse()
    try:
        if throttle.allow_request(request, None):
            return None
    except TijdelijkNietBeschikbaar:
        antwoord = render(request, "toegang/inwoner/niet_beschikbaar.html", status=503)
        antwoord["Retry-After"] = str(PROBEER_OPNIEUW_SECONDEN)
        return antwoord
    wacht = max(1, int(throttle.wait() or 1))
    antwoord = render(request, "429.html", {"wacht_minuten": -(-wacht // 60)}, status=429)
    antwoord["Retry-After"] = str(wacht)
    return antwoord


def te_veel_tekst(wacht):
    """The Dutch text of an API 429."""
    if wacht is None:
        return _("Te veel verzoeken vanaf uw verbinding. Probeer het later opnieuw.")
    return _("Te veel verzoeken vanaf uw verbinding. Probeer het over %(s)d seconden opnieuw.") % {
        "s": max(1, int(wacht))}


class EerstAfremmen:
    """Mixin for an API view: count the request before authentication, so guessing keys is slowed down too
    (DRF itself throttles only after authentication and permissions)."""

    def perform_authentication(self, request):
        self.check_throttles(request)
        super().perform_authentication(request)

    def check_throttles(self, request):
        if getattr(request, "_afremmen_geteld", False):
            return
        request._afremmen_geteld = True
        super().check_throttles(request)
