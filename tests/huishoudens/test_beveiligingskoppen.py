"""Every response the app makes carries a Content-Security-Policy without inline script or style and
``Cache-Control: no-store`` (pages, PDFs, JSON, CSV, XLSX all hold personal data). A test walks every URL
pattern; real downloads of a dossier are checked on top."""

import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

WAARDEN = {"int": None, "str": "x", "slug": "x", "path": "x", "uuid": str(uuid.uuid4()), "drf_format_suffix": "json"}


def _patronen(resolver=None, voor=""):
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            yield from _patronen(p, voor + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield voor + str(p.pattern), p


def _pad(patroon, getal):
    import re

    if patroon.startswith("^") or "(?P" in patroon:  # regex routes (admin, DRF format suffixes)
        patroon = re.sub(r"\(\?P<\w+>[^)]*\)", str(getal), patroon).replace("^", "").replace("$", "")
        patroon = re.sub(r"\\\.|\\", "", patroon).replace("(?:", "").replace(")", "").replace("?", "")
    return "/" + re.sub(r"<(?:(\w+):)?\w+>",
                        lambda m: str(getal) if (m.group(1) or "str") == "int" else WAARDEN.get(m.group(1), "x"),
                        patroon)


def _controleer(antwoord, pad):
    csp = antwoord.get("Content-Security-Policy", "")
    assert "script-src 'self'" in csp and "style-src 'self'" in csp, pad
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, pad
    assert antwoord.get("Cache-Control") == "no-store", pad
    assert antwoord.get("Referrer-Policy") == "same-origin", pad
    assert "camera=()" in antwoord.get("Permissions-Policy", ""), pad


def test_elk_urlpatroon_heeft_csp_en_no_store(org, dossier):
    paden = sorted({_pad(p, dossier.huishouden.pk) for p, _ in _patronen()})
    assert len(paden) > 100  # the walk reached the apps, the API and the beheer pages
    anoniem = Client(raise_request_exception=False)
    ingelogd = Client(raise_request_exception=False)
    ingelogd.force_login(dossier.mensen["regisseur"])
    statussen = set()
    for pad in paden:
        for client in (anoniem, ingelogd):
            antwoord = client.get(pad)
            statussen.add(antwoord.status_code)
            _controleer(antwoord, pad)
    assert 200 in statussen and 404 in statussen


@pytest.mark.parametrize("naam", ["inzage", "verslag", "api", "schema"])
def test_downloads_met_persoonsgegevens(client, dossier, naam):
    h = dossier.huishouden
    client.force_login(dossier.mensen["regisseur"])
    url = {"inzage": reverse("huishoudens:inzage_export", args=[h.pk]),
           "verslag": reverse("huishoudens:verslag", args=[h.pk, dossier.gesprek.pk]),
           "api": reverse("huishouden-list"),
           "schema": reverse("schema")}[naam]
    antwoord = client.get(url)
    assert antwoord.status_code == 200, url
    _controleer(antwoord, url)


def test_swagger_zonder_inline_script(client, org):
    client.force_login(org.mensen["teamlid"])
    html = client.get(reverse("api-docs")).content.decode()
    assert "<script>" not in html.replace(" ", "") and "script src=" in html
