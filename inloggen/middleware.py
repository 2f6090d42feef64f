import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from inloggen.services import heeft_tweede_factor

BEGIN = "sessie_begin"
LAATST = "sessie_laatst_actief"
# The last activity is written to the session at most once a minute, not on every request.
SCHRIJF_INTERVAL = 60


@receiver(user_logged_in)
def start_sessieklok(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        nu = time.time()
        request.session[BEGIN] = nu
        request.session[LAATST] = nu


class SessieDuurMiddleware:
    """Ends a session after SESSIE_INACTIEF_SECONDEN without a request (idle) or SESSION_COOKIE_AGE after the
    login (absolute), whichever comes first. The page warns before the idle end (static/js/sessie.js)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            sessie, nu = request.session, time.time()
            begin, laatst = sessie.get(BEGIN), sessie.get(LAATST)
            if begin is None or laatst is None:
                sessie[BEGIN] = sessie[LAATST] = nu
            elif nu - laatst > settings.SESSIE_INACTIEF_SECONDEN or nu - begin > settings.SESSION_COOKIE_AGE:
                logout(request)
                messages.info(request, _("U bent uitgelogd omdat u een tijd niets heeft gedaan. "
                                         "Log opnieuw in om verder te gaan."))
                return _naar_inloggen(request)
            elif nu - laatst > SCHRIJF_INTERVAL:
                sessie[LAATST] = nu
        return self.get_response(request)


def _naar_inloggen(request):
    antwoord = redirect(reverse("login"))
    if request.headers.get("HX-Request"):
        antwoord["HX-Redirect"] = antwoord.url  # htmx: load the login page as a whole page
    return antwoord


class TweeFactorMiddleware:
    """With TWEE_FACTOR_VERPLICHT, a session without a verified second factor reaches only the set-up
    page (no app yet) or is sent back to the login page. API calls with a token are not session logins
    and are not affected (a token is made only from a session that passed two factors)."""

    VRIJ = ("inloggen", "uitloggen", "static", "tweestapsverificatie")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (settings.TWEE_FACTOR_VERPLICHT and user is not None and user.is_authenticated
                and not user.is_verified() and request.path.strip("/").split("/")[0] not in self.VRIJ):
            if not heeft_tweede_factor(user):
                return redirect("tweestapsverificatie")
            logout(request)
            return redirect(reverse("login"))
        return self.get_response(request)
