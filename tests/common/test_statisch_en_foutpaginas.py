"""Only the built front-end files of node_modules are served; the error pages are Dutch, in the house style."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse
from django.views import defaults


def test_alleen_de_gebouwde_bestanden_uit_node_modules(tmp_path, settings):
    node_modules = Path(settings.VENDOR_MAP)
    assert (node_modules / "axe-core" / "axe.min.js").exists()  # a dev package that is there, but not served
    for pad in settings.VENDOR_BESTANDEN:
        assert finders.find(f"vendor/{pad}"), pad
    for niet in ("vendor/axe-core/axe.min.js", "vendor/htmx.org/package.json", "vendor/htmx.org/dist/htmx.js",
                 "vendor/@utrecht/component-library-css/package.json", "vendor/../package.json"):
        assert finders.find(niet) is None, niet

    settings.STATIC_ROOT = tmp_path
    call_command("collectstatic", "--noinput", verbosity=0)
    verzameld = {str(p.relative_to(tmp_path / "vendor")) for p in (tmp_path / "vendor").rglob("*") if p.is_file()}
    assert verzameld == set(settings.VENDOR_BESTANDEN)
    assert (tmp_path / "js" / "sessie.js").exists() and (tmp_path / "css" / "wijkteam.css").exists()


@pytest.fixture
def geen_debug(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]


def _huisstijl(html):
    assert '<html lang="nl">' in html and "wijkteam.css" in html and "Naar de inhoud" in html
    assert "Wat kunt u doen?" in html and "startpagina" in html
    for engels in ("Not Found", "Forbidden", "Bad Request", "Server Error", "requested resource"):
        assert engels not in html


def test_404_in_het_nederlands(client, org, geen_debug):
    client.force_login(org.mensen["teamlid"])
    for url in ("/bestaat-niet/", "/huishoudens/999999/"):
        antwoord = client.get(url)
        assert antwoord.status_code == 404
        html = antwoord.content.decode()
        _huisstijl(html)
        assert "Pagina niet gevonden" in html and "999999" not in html
        assert antwoord["Cache-Control"] == "no-store" and "Content-Security-Policy" in antwoord


def test_403_in_het_nederlands(client, org, geen_debug):
    client.force_login(org.mensen["teamlid"])
    antwoord = client.get(reverse("tweestaps-beheer"))
    assert antwoord.status_code == 403
    _huisstijl(antwoord.content.decode())
    assert "Geen toegang" in antwoord.content.decode()


def test_400_in_het_nederlands(client, geen_debug):
    antwoord = client.get("/", HTTP_HOST="aanvaller.example")
    assert antwoord.status_code == 400
    _huisstijl(antwoord.content.decode())
    assert "Het verzoek klopt niet" in antwoord.content.decode()


def test_500_in_het_nederlands(rf, geen_debug):
    antwoord = defaults.server_error(rf.get("/"))  # rendered as Django does: without a request context
    assert antwoord.status_code == 500
    _huisstijl(antwoord.content.decode())
    assert "Er ging iets mis" in antwoord.content.decode()


def test_429_in_het_nederlands(rf, geen_debug):
    from django.template.loader import render_to_string

    html = render_to_string("429.html", request=rf.get("/"))
    _huisstijl(html)
    assert "Te veel verzoeken" in html and "Wacht" in html


def test_404_van_de_api_blijft_json(client, org, geen_debug):
    client.force_login(org.mensen["teamlid"])
    antwoord = client.get("/api/v1/huishoudens/999999/")
    assert antwoord.status_code == 404 and antwoord["Content-Type"].startswith("application/json")
    assert settings.ROOT_URLCONF == "config.urls"
