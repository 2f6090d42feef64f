"""Both NL Design System themes (WIJKTEAM_THEMA) load their tokens in the real Chromium and keep WCAG 2.1 AA
(axe-core) on the login page and the start page."""

import pytest

from tests.conftest import log_in
from tests.e2e.test_toegankelijkheid import overtredingen
from tests.factories import WACHTWOORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# a token each theme package sets (and the app's primary colour mapped onto the theme's own)
EIGEN_TOKEN = {"voorbeeld": "--basis-color-accent-1-color-default", "rotterdam": "--rotterdam-color-base-green"}
PRIMAIR = {"voorbeeld": "#5115ef", "rotterdam": "#006E32"}


@pytest.mark.parametrize("thema", ["voorbeeld", "rotterdam"])
def test_beide_themas_laden_en_blijven_toegankelijk(pagina, org, settings, thema):
    settings.WIJKTEAM_THEMA = thema
    pagina.goto(pagina.base_url + "/inloggen/")
    tokens = [EIGEN_TOKEN[thema], "--wt-kleur-primair", "--utrecht-button-primary-action-background-color"]
    stijl = pagina.evaluate("(namen) => namen.map((n) => getComputedStyle(document.body).getPropertyValue(n).trim())",
                            tokens)
    assert stijl[0], f"{EIGEN_TOKEN[thema]} is niet gezet: de CSS van het thema is niet geladen"
    assert stijl[1].lower() == PRIMAIR[thema].lower()
    assert stijl[2]
    assert overtredingen(pagina) == []

    log_in(pagina, "teamlid", WACHTWOORD)
    pagina.wait_for_url(pagina.base_url + "/")
    assert f"{thema}-theme" in pagina.eval_on_selector("body", "b => b.className")
    assert overtredingen(pagina) == []
