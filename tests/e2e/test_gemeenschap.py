"""End to end in Chromium: a regisseur asks for a volunteer for a plan activity on the step ‘vrijwilligers’, the
sociaal makelaar matches it, and the regisseur sees the match with the plan activity.

The plan editor (huishoudens) was not on main when this was written, so the plan activity is made by the fixture
and the regisseur starts from the household's community page (Plan-activiteiten met vrijwilligers), which lists
the active plan's activities with the same ACTIE_EXTRA line the plan page shows.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import log_in
from tests.factories import WACHTWOORD
from tests.gemeenschap.conftest import maak_dossier
from tests.gemeenschap.factories import VrijwilligerFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def uitloggen(pagina):
    pagina.get_by_role("button", name="Uitloggen").click()
    pagina.get_by_role("heading", name="Inloggen").wait_for()


def test_regisseur_vraagt_vrijwilliger_makelaar_koppelt_regisseur_ziet_koppeling(pagina, org):
    dossier = maak_dossier(org)
    VrijwilligerFactory(naam="Anna Wandel", wijk=org.wijk_a, vaardigheden=["bewegen"],
                        beschikbaarheid=["di_middag"], telefoon="06-12121212")
    VrijwilligerFactory(naam="Zeger Verweg", wijk=org.wijk_b, vaardigheden=["tuin"], beschikbaarheid=["za_ochtend"])

    # 1. The regisseur asks the makelaar for a volunteer for the plan activity.
    log_in(pagina, dossier.regisseur.username, WACHTWOORD)
    pagina.goto(f"{pagina.base_url}/gemeenschap/huishoudens/{dossier.huishouden.pk}/")
    rij = pagina.locator(f"#actie-{dossier.actie.pk}")
    expect(rij).to_contain_text("Maatje om wekelijks mee te wandelen")
    rij.get_by_role("link", name=re.compile("Vrijwilliger vragen")).click()
    pagina.get_by_label("Wat is de vraag").fill("Maatje om op dinsdagmiddag mee te wandelen")
    pagina.get_by_label("Wandelen en bewegen").check()
    pagina.get_by_label("dinsdagmiddag").check()
    pagina.get_by_role("button", name="Vraag versturen naar de sociaal makelaar").click()
    expect(pagina.get_by_role("status")).to_contain_text("klaar voor de sociaal makelaar")
    pagina.goto(f"{pagina.base_url}/gemeenschap/huishoudens/{dossier.huishouden.pk}/")
    expect(pagina.locator(f"#actie-{dossier.actie.pk} .actie-extra")).to_have_text(
        "Hulpvraag ligt bij de sociaal makelaar")
    uitloggen(pagina)

    # 2. The sociaal makelaar sees the open request with Anna first, proposes her and records acceptance.
    log_in(pagina, "makelaar", WACHTWOORD)
    pagina.get_by_role("heading", name="Digitale marktplaats").wait_for()
    pagina.get_by_role("link", name="Maatje om op dinsdagmiddag mee te wandelen").first.click()
    suggesties = pagina.get_by_role("table", name="Voorgestelde vrijwilligers")
    expect(suggesties.locator("tbody tr").first).to_contain_text("Anna Wandel")
    pagina.get_by_role("button", name="Stel Anna Wandel voor").click()
    expect(pagina.get_by_role("status")).to_contain_text("Anna Wandel is voorgesteld")
    pagina.get_by_label("Stap").select_option("geaccepteerd")
    pagina.get_by_role("button", name="Stap vastleggen").click()
    expect(pagina.get_by_role("status")).to_contain_text("De koppeling is bijgewerkt")
    expect(pagina.get_by_role("heading", name=re.compile("Anna Wandel · Geaccepteerd"))).to_be_visible()
    uitloggen(pagina)

    # 3. The regisseur sees the match with the plan activity, and the volunteer's contact details.
    log_in(pagina, dossier.regisseur.username, WACHTWOORD)
    pagina.goto(f"{pagina.base_url}/gemeenschap/huishoudens/{dossier.huishouden.pk}/")
    expect(pagina.locator(f"#actie-{dossier.actie.pk} .actie-extra")).to_contain_text(
        "Gekoppeld aan vrijwilliger Anna Wandel sinds")
    pagina.get_by_role("link", name="Hulpvraag bekijken").click()
    expect(pagina.locator(".contactgegevens")).to_contain_text("06-12121212")


@pytest.mark.skipif(not __import__("tests.e2e.test_toegankelijkheid", fromlist=["AXE"]).AXE.exists(),
                    reason="axe-core niet geïnstalleerd (npm install)")
def test_gemeenschapspaginas_zonder_wcag_overtredingen(pagina, org):
    from datetime import date

    from gemeenschap import mantelzorg, services
    from tests.e2e.test_toegankelijkheid import overtredingen

    dossier = maak_dossier(org)
    v = VrijwilligerFactory(naam="Anna Wandel", wijk=org.wijk_a, vaardigheden=["bewegen"])
    hv = services.maak_hulpvraag_voor_actie(door=dossier.regisseur, actie=dossier.actie, vaardigheden=["bewegen"])
    mz = mantelzorg.registreer_mantelzorger(door=dossier.regisseur, persoon=dossier.persoon, zorgt_voor="partner",
                                            uren_per_week=10, sinds=date(2024, 1, 1))
    services.registreer_activiteit(door=org.mensen["teamlid"], wijk=org.wijk_a, soort="ontmoeting",
                                   titel="Buurtkamer", startdatum=date(2025, 1, 1), bereik=20)

    log_in(pagina, "makelaar", WACHTWOORD)
    pagina.wait_for_url(pagina.base_url + "/")
    for pad in ["/", "/gemeenschap/", hv.get_absolute_url(), "/gemeenschap/vrijwilligers/",
                "/gemeenschap/vrijwilligers/nieuw/", v.get_absolute_url(), "/gemeenschap/cijfers/"]:
        pagina.goto(pagina.base_url + pad)
        assert overtredingen(pagina) == [], pad
    pagina.goto(pagina.base_url + "/gemeenschap/vrijwilligers/nieuw/")
    pagina.get_by_role("button", name="Opslaan").click()
    pagina.get_by_role("alert").wait_for()
    assert overtredingen(pagina) == [], "foutoverzicht vrijwilliger"
    uitloggen(pagina)

    log_in(pagina, dossier.regisseur.username, WACHTWOORD)
    pagina.wait_for_url(pagina.base_url + "/")
    for pad in [f"/gemeenschap/huishoudens/{dossier.huishouden.pk}/", mz.get_absolute_url(),
                f"/gemeenschap/huishoudens/{dossier.huishouden.pk}/mantelzorger/", "/gemeenschap/mantelzorg/",
                "/gemeenschap/activiteiten/", "/gemeenschap/activiteiten/nieuw/", "/gemeenschap/klachten/",
                "/gemeenschap/klachten/nieuw/", "/gemeenschap/clientervaring/", "/gemeenschap/hulpvragen/nieuw/"]:
        pagina.goto(pagina.base_url + pad)
        assert overtredingen(pagina) == [], pad
