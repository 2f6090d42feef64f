"""End to end in Chromium: a regisseur adds a plan activity asking for a volunteer (ladder step ‘vrijwilligers’)
in the plan editor and asks the sociaal makelaar for a volunteer for it, the makelaar matches it, and the regisseur
sees the match on the plan page (the line gemeenschap contributes through huishoudens.registry.ACTIE_EXTRA).
"""

import re

import pytest
from playwright.sync_api import expect

from huishoudens.models import Actie, Plan
from tests.conftest import log_in
from tests.e2e.planeditor import maak_plan_met_doel, voeg_activiteit_toe
from tests.factories import WACHTWOORD
from tests.gemeenschap.conftest import maak_dossier
from tests.gemeenschap.factories import VrijwilligerFactory
from tests.huishoudens.factories import maak_dossier as maak_dossier_zonder_plan

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def uitloggen(pagina):
    pagina.get_by_role("button", name="Uitloggen").click()
    pagina.get_by_role("heading", name="Inloggen").wait_for()


def test_regisseur_vraagt_vrijwilliger_makelaar_koppelt_regisseur_ziet_koppeling(pagina, org):
    regisseur = org.mensen["teamlid"]
    h = maak_dossier_zonder_plan(org, regisseur=regisseur, naam="Familie Wandelaar")
    VrijwilligerFactory(naam="Anna Wandel", wijk=org.wijk_a, vaardigheden=["bewegen"],
                        beschikbaarheid=["di_middag"], telefoon="06-12121212")
    VrijwilligerFactory(naam="Zeger Verweg", wijk=org.wijk_b, vaardigheden=["tuin"], beschikbaarheid=["za_ochtend"])

    # 1. The regisseur writes the plan in the plan editor: a goal and an activity on the step ‘vrijwilligers’.
    log_in(pagina, regisseur.username, WACHTWOORD)
    pagina.get_by_role("link", name="Mijn huishoudens").first.click()
    pagina.get_by_role("link", name="Familie Wandelaar").click()
    maak_plan_met_doel(pagina, leefgebied="sociaal_netwerk", doel="Minder eenzaam")
    voeg_activiteit_toe(pagina, "Maatje om wekelijks mee te wandelen", trede="vrijwilligers", wie="Vrijwilliger")
    pagina.locator("article.doel table").get_by_text("Maatje om wekelijks mee te wandelen").wait_for()
    pagina.get_by_role("button", name="Plan vaststellen").click()
    expect(pagina.get_by_role("heading", level=1)).to_have_text("Plan versie 1 (Actief)")
    plan_url = pagina.url
    actie = Actie.objects.get(doel__plan__traject__huishouden=h)
    assert actie.ladder == "vrijwilligers" and actie.doel.plan.status == Plan.Status.ACTIEF

    # ... and asks the makelaar for a volunteer for that activity (dossier → community section → activity).
    pagina.get_by_role("link", name="← Familie Wandelaar").click()
    pagina.get_by_role("link", name="Personen en netwerk").click()  # the household page's tab
    pagina.locator("#mantelzorg > summary").click()  # a folded section of that tab
    pagina.get_by_role("link", name="Plan-activiteiten met vrijwilligers, en mantelzorg").click()
    rij = pagina.locator(f"#actie-{actie.pk}")
    expect(rij).to_contain_text("Maatje om wekelijks mee te wandelen")
    rij.get_by_role("link", name=re.compile("Vrijwilliger vragen")).click()
    pagina.get_by_label("Wat is de vraag").fill("Maatje om op dinsdagmiddag mee te wandelen")
    pagina.get_by_label("Wandelen en bewegen").check()
    pagina.get_by_label("dinsdagmiddag").check()
    pagina.get_by_role("button", name="Vraag versturen naar de sociaal makelaar").click()
    expect(pagina.get_by_role("status")).to_contain_text("klaar voor de sociaal makelaar")
    pagina.goto(plan_url)
    expect(pagina.locator("article.doel tbody tr", has_text="Maatje om wekelijks")).to_contain_text(
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

    # 3. The regisseur sees the match on the plan page, with the activity, and the volunteer's contact details.
    log_in(pagina, regisseur.username, WACHTWOORD)
    pagina.goto(plan_url)
    regel = pagina.locator("article.doel tbody tr", has_text="Maatje om wekelijks mee te wandelen")
    expect(regel).to_contain_text(re.compile(r"Gekoppeld aan vrijwilliger Anna Wandel sinds \d{1,2} [a-z]+ \d{4}"))
    expect(regel).not_to_contain_text("Hulpvraag ligt bij de sociaal makelaar")
    pagina.goto(f"{pagina.base_url}/gemeenschap/huishoudens/{h.pk}/")
    pagina.locator(f"#actie-{actie.pk}").get_by_role("link", name="Hulpvraag bekijken").click()
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
