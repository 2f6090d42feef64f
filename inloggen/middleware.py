from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from inloggen.forms import bevestigd_apparaat


class TweeFactorMiddleware:
    """With TWEE_FACTOR_VERPLICHT, a session without a verified second factor reaches only the set-up
    page (no app yet) or is sent back to the login page. API calls with a partner token are not
    session logins and are not affected."""

    VRIJ = ("inloggen", "uitloggen", "static", "tweestapsverificatie")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (settings.TWEE_FACTOR_VERPLICHT and user is not None and user.is_authenticated
                and not user.is_verified() and request.path.strip("/").split("/")[0] not in self.VRIJ):
            if bevestigd_apparaat(user) is None:
                return redirect("tweestapsverificatie")
            from django.contrib.auth import logout

            logout(request)
            return redirect(reverse("login"))
        return self.get_response(request)
