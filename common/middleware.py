"""Response headers every page and download of the app carries."""

from django.conf import settings


class BeveiligingsKoppenMiddleware:
    """``Cache-Control: no-store`` on every response Django makes (pages, PDFs, JSON, CSV, XLSX): nearly all
    of them hold personal data, and a browser or proxy must keep none. Static files (WhiteNoise, earlier in
    the chain) keep their own caching. Plus a ``Permissions-Policy`` that switches off what the app never
    uses (camera, microphone, location, ...)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response["Cache-Control"] = "no-store"
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
