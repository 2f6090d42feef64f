"""WCAG 2.1 AA checks with axe-core (from npm) in a real Chromium, on the pages each role uses."""

import pytest

from tests.conftest import log_in
from tests.e2e.controle import AXE, REGELS, horizontaal_scrollen, overtredingen
from tests.factories import WACHTWOORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

__all__ = ["AXE", "REGELS", "overtredingen"]  # other e2e tests import them from here


@pytest.fixture(autouse=True, params=["voorbeeld", "rotterdam"])
def thema(request, settings):
    """Every check in both NL Design System themes (WIJKTEAM_THEMA, common/thema.py): contrast is the theme's."""
    settings.WIJKTEAM_THEMA = request.param
    return request.param


def test_de_controle_kan_falen(pagina):
    pagina.set_content('<html lang="nl"><title>x</title><main><input type="text"></main></html>')
    assert "label" in {regel for regel, *_ in overtredingen(pagina)}


def test_de_320_px_controle_kan_falen(pagina):
    """A fixed-width block scrolls sideways at 320 px; a table in a scrolling container does not."""
    pagina.set_content('<html lang="nl"><title>x</title><main><p style="width: 40rem">breed</p></main></html>')
    gevonden = horizontaal_scrollen(pagina)
    assert gevonden[0].startswith("scrollWidth") and any(regel.startswith("p ") for regel in gevonden[1:])
    assert pagina.viewport_size == {"width": 1280, "height": 720}  # restored
    pagina.set_content('<html lang="nl"><title>x</title><main><div style="overflow-x: auto">'
                       '<table style="width: 40rem"><tr><td>breed</td></tr></table></div></main></html>')
    assert horizontaal_scrollen(pagina) == []
    # a table that scrolls on its own, with text out of sight and nothing to focus: the keyboard cannot scroll it
    pagina.set_content('<html lang="nl"><title>x</title><main><table style="display: block; overflow-x: auto">'
                       f'<tr><td style="white-space: nowrap">{"breed " * 80}</td></tr></table></main></html>')
    assert [regel for regel, *_ in horizontaal_scrollen(pagina)] == ["scrollable-region-focusable"]


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
