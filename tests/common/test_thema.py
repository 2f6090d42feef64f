"""The NL Design System theme comes from npm and is chosen by a setting (WIJKTEAM_THEMA); the municipality's
name and logo come from settings; an unknown theme stops the app at the system check."""

import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.contrib.staticfiles import finders
from django.core.checks import run_checks
from django.urls import reverse

from common.thema import THEMAS, controleer_huisstijl


def _stylesheets(html):
    return [unquote(pad) for pad in re.findall(r'<link rel="stylesheet" href="/static/([^"]+)">', html)]


NPM = "vendor/@nl-design-system-unstable/"


@pytest.mark.parametrize(("thema", "klasse", "css"), [
    ("voorbeeld", "voorbeeld-theme", [NPM + "voorbeeld-design-tokens/dist/theme.css"]),
    ("rotterdam", "rotterdam-theme", [NPM + "rotterdam-design-tokens/dist/design-tokens.css",
                                      NPM + "rotterdam-design-tokens/dist/custom.css"]),
])
def test_de_instelling_kiest_het_thema(client, db, settings, thema, klasse, css):
    settings.WIJKTEAM_THEMA = thema
    html = client.get(reverse("login")).content.decode()
    assert f'<body class="utrecht-document utrecht-theme {klasse}"' in html
    assert _stylesheets(html) == ["vendor/@utrecht/component-library-css/dist/index.css", *css,
                                  "css/tokens.css", "css/wijkteam.css"]
    for pad in css:  # served from node_modules, and the theme's CSS sets its tokens on its class
        inhoud = Path(finders.find(pad)).read_text(encoding="utf-8")
        assert pad == css[-1] or f".{klasse} {{" in inhoud
    andere = {t.klasse for naam, t in THEMAS.items() if naam != thema}
    assert not any(a in html for a in andere)


def test_gemeente_naam_en_logo_in_kop_en_titel(client, org, settings):
    settings.GEMEENTE_NAAM = "Gemeente Ridderkerk"
    client.force_login(org.mensen["teamlid"])
    html = client.get(reverse("start")).content.decode()
    titel = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert titel.endswith("· Wijkteam Gemeente Ridderkerk")
    kop = re.search(r'<a class="kop__logo"[^>]*>(.*?)</a>', html, re.S).group(1)
    assert '<img class="kop__beeldmerk" src="/static/img/gemeente-logo.svg" alt=""' in kop
    assert '<span class="kop__gemeente">Gemeente Ridderkerk</span>' in kop
    assert finders.find("img/gemeente-logo.svg")

    settings.GEMEENTE_LOGO = ""  # no logo: only the name
    html = client.get(reverse("start")).content.decode()
    assert "kop__beeldmerk" not in html and "Gemeente Ridderkerk" in html


def _ids(settings_, **waarden):
    for naam, waarde in waarden.items():
        setattr(settings_, naam, waarde)
    return [(m.id, m.msg) for m in controleer_huisstijl(None)]


def test_de_controle_weigert_een_onbekend_thema(settings):
    assert _ids(settings, WIJKTEAM_THEMA="voorbeeld") == []
    assert _ids(settings, WIJKTEAM_THEMA="rotterdam") == []
    assert _ids(settings, WIJKTEAM_THEMA="Utrecht") == [
        ("common.E002", "WIJKTEAM_THEMA='Utrecht' is geen bekend thema")]
    # registered: the system check (manage.py check, migrate, runserver) reports it
    assert "common.E002" in {m.id for m in run_checks()}


def test_de_controle_weigert_een_thema_zonder_css_en_een_lege_naam_en_meldt_een_ontbrekend_logo(settings):
    settings.VENDOR_BESTANDEN = [p for p in settings.VENDOR_BESTANDEN if "rotterdam" not in p]
    assert [i for i, _ in _ids(settings, WIJKTEAM_THEMA="rotterdam")] == ["common.E003", "common.E003"]
    assert [i for i, _ in _ids(settings, WIJKTEAM_THEMA="voorbeeld", GEMEENTE_NAAM=" ",
                               GEMEENTE_LOGO="img/bestaat-niet.svg")] == ["common.E004", "common.W001"]
