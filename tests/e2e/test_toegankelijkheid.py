"""WCAG 2.1 AA checks with axe-core (from npm) in a real Chromium, on the pages each role uses."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import log_in
from tests.factories import WACHTWOORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
REGELS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(autouse=True, params=["voorbeeld", "rotterdam"])
def thema(request, settings):
    """Every check in both NL Design System themes (WIJKTEAM_THEMA, common/thema.py): contrast is the theme's."""
    settings.WIJKTEAM_THEMA = request.param
    return request.param


def overtredingen(pagina):
    # Evaluated through the browser's debugging protocol, not as a <script> tag: the pages' Content-Security-
    # Policy allows no inline script, and axe-core is a test tool that the app does not serve.
    pagina.evaluate(AXE.read_text())
    resultaat = pagina.evaluate("async (regels) => await axe.run(document, regels)", REGELS)
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in resultaat["violations"]]


def test_de_controle_kan_falen(pagina):
    pagina.set_content('<html lang="nl"><title>x</title><main><input type="text"></main></html>')
    assert "label" in {regel for regel, *_ in overtredingen(pagina)}


def test_inlogpagina_en_foutmelding_zonder_overtredingen(pagina, org):
    pagina.goto(pagina.base_url + "/inloggen/")
    assert overtredingen(pagina) == []
    log_in(pagina, "teamlid", "fout-wachtwoord")
    pagina.get_by_role("alert").wait_for()
    assert overtredingen(pagina) == []


@pytest.mark.parametrize(("wie", "paden"), [
    ("coord_a", ["/", "/organisatie/teams/"]),
    ("teamlid", ["/", "/organisatie/teams/"]),
    ("beleid", ["/"]),
])
def test_paginas_per_rol_zonder_overtredingen(pagina, org, wie, paden):
    log_in(pagina, wie, WACHTWOORD)
    pagina.wait_for_url(pagina.base_url + "/")
    for pad in paden:
        pagina.goto(pagina.base_url + pad)
        assert overtredingen(pagina) == [], pad
