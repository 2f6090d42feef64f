"""One journey per role, in a real Chromium against the live server (issue 16): each from the first page the
role opens to the result it wants, and on every page visited axe-core (WCAG 2.1 A/AA) finds nothing and the page
does not scroll sideways at 320 CSS pixels (``controleer``). The inwoner's journey is done with the keyboard only.

Built with the ``org`` fixture and the factories, never the demo data; no Celery worker (what the worker would do
after commit is not part of these journeys; the monitor run is computed in the test process)."""

import io
import re
from datetime import date

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.conftest import log_in
from tests.e2e.controle import controleer
from tests.e2e.planeditor import maak_plan_met_doel, voeg_activiteit_toe
from tests.factories import WACHTWOORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def inloggen(pagina, wie):
    pagina.goto(pagina.base_url + "/inloggen/")
    controleer(pagina, "inloggen")
    log_in(pagina, wie, WACHTWOORD)
    pagina.get_by_role("button", name="Uitloggen").wait_for()
    controleer(pagina, "start")


def menu(pagina, naam):
    """Follow a main-menu entry by its accessible name (also when the menu groups it under ‘Meer’)."""
    link = pagina.get_by_role("navigation").get_by_role("link", name=naam, exact=True).first
    if not link.is_visible():
        pagina.get_by_role("navigation").locator("details summary").first.click()
    link.click()


# --- 1. wijkteammedewerker -----------------------------------------------------------------------------------

def test_medewerker_pakt_melding_op_tot_plan_met_activiteit(pagina, org):
    from tests.e2e.test_zrm import laad_catalogus
    from tests.toegang_melding.factories import catalogi, maak_huishouden, melding, postcodes
    from zelfredzaamheid.models import Domein, Meting

    laad_catalogus()
    postcodes(org)
    catalogi(org.gemeente)
    h = maak_huishouden(org.wijk_a, postcode="2981 AB", huisnummer=7, naam="Familie Bakker")
    m = melding(h, leefgebieden=["financien", "huisvesting"], vraag="De huur is al drie maanden niet betaald.")
    assert m.team == org.team_a
    jan = h.personen.get()

    inloggen(pagina, "teamlid")
    menu(pagina, "Werkvoorraad")
    pagina.get_by_role("heading", name="Werkvoorraad", exact=True).wait_for()
    controleer(pagina, "werkvoorraad")
    pagina.get_by_role("row").filter(has_text=m.ontvangstnummer).get_by_role("link", name=m.ontvangstnummer).click()
    controleer(pagina, "melding")
    pagina.get_by_role("button", name="Oppakken en regisseur worden").click()
    pagina.get_by_text("U bent nu regisseur van dit huishouden.").wait_for()
    controleer(pagina, "melding opgepakt")
    pagina.get_by_role("link", name="Terug naar de werkvoorraad").click()
    pagina.get_by_role("heading", name="Mijn huishoudens").wait_for()
    controleer(pagina, "mijn huishoudens")

    # the household (the first tab, Overzicht) and from there the keukentafelgesprek form
    pagina.get_by_role("link", name="Familie Bakker").click()
    pagina.get_by_role("heading", name="Familie Bakker", level=1).wait_for()
    controleer(pagina, "huishouden")
    huishouden_url = pagina.url
    pagina.get_by_role("link", name="Keukentafelgesprek vastleggen").click()
    controleer(pagina, "gesprek nieuw")
    pagina.get_by_label(re.compile(r"^Datum")).fill(date.today().isoformat())
    pagina.get_by_label("Plaats").select_option("thuis")
    pagina.get_by_label(jan.volledige_naam).check()
    pagina.get_by_label("In de woorden van het huishouden").fill("We willen de huurschuld oplossen.")
    pagina.locator("summary", has_text="Financiën").click()
    pagina.locator("#id_lg-financien-wat_speelt").fill("Huurachterstand van drie maanden")
    pagina.get_by_label("Onafhankelijke cliëntondersteuning is kosteloos aangeboden").check()
    pagina.get_by_role("button", name="Definitief maken").click()
    pagina.get_by_text("Het gesprek is opgeslagen als definitief").wait_for()
    controleer(pagina, "gesprek")

    # ZRM: an intake for Jan
    pagina.goto(huishouden_url)
    pagina.get_by_role("link", name="Nieuwe ZRM-meting").click()
    pagina.get_by_role("heading", name="Nieuwe ZRM-meting").wait_for()
    controleer(pagina, "zrm meting nieuw")
    pagina.get_by_role("combobox", name=re.compile("^Persoon")).select_option(str(jan.pk))
    codes = list(Domein.objects.filter(versie__code="2017").order_by("volgorde").values_list("code", flat=True))
    for code in codes:
        pagina.locator(f"input[name='domein_{code}'][value='2']").check()
    pagina.get_by_role("button", name="Definitief opslaan").click()
    pagina.get_by_text("De meting is opgeslagen als Definitief.").wait_for()
    controleer(pagina, "zrm huishouden")
    assert Meting.objects.get(persoon=jan).scores == [2] * len(codes)

    # the plan with a goal and an activity
    pagina.get_by_role("link", name="← Familie Bakker").click()
    maak_plan_met_doel(pagina, leefgebied="financien", doel="Huurschuld in een betaalregeling")
    controleer(pagina, "plan")
    voeg_activiteit_toe(pagina, "Samen met de verhuurder een regeling treffen", trede="eigen_kracht", wie="Jan")
    regel = pagina.locator("article.doel tbody tr", has_text="Samen met de verhuurder een regeling treffen")
    expect(regel).to_contain_text("Eigen kracht")
    controleer(pagina, "plan met activiteit")


# --- 2. coördinator -----------------------------------------------------------------------------------------

def test_coordinator_beslist_maatwerk_bekijkt_termijnen_en_zrm_per_team(pagina, org):
    from tests.e2e.test_zrm import laad_catalogus
    from tests.toegang_maatwerk.factories import maak_dossier, vraag_aan
    from toegang.maatwerk.catalogus import richt_catalogus_in, richt_mandaten_in
    from toegang.models import Aanvraag
    from zelfredzaamheid import services as zrm_services
    from zelfredzaamheid.models import Domein

    laad_catalogus()
    richt_catalogus_in(org.gemeente)
    richt_mandaten_in(org.gemeente)
    coord, aanvrager = org.mensen["coordinator_eigen_gebied"], org.mensen["teamlid_jgt"]
    dossier = maak_dossier(org.team_a_jgt, regisseur=aanvrager, met_kind=True, door=coord, naam="Gezin de Vries")
    vraag_aan(dossier, aanvrager, product_code="45A48", client=dossier.kind)  # four eyes: another professional
    codes = list(Domein.objects.filter(versie__code="2017").order_by("volgorde").values_list("code", flat=True))
    zrm_services.registreer_meting(huishouden=dossier, persoon=dossier.volwassene, door=aanvrager,
                                   datum=date.today(), soort="intake", antwoorden=dict.fromkeys(codes, 3),
                                   definitief=True)

    inloggen(pagina, "coord_a")
    menu(pagina, "Maatwerk")
    pagina.get_by_role("heading", name="Maatwerk: werkvoorraad").wait_for()
    controleer(pagina, "maatwerk werkvoorraad")
    pagina.get_by_role("link", name="Gezin de Vries").click()
    pagina.get_by_role("heading", name="Besluit nemen").wait_for()
    controleer(pagina, "aanvraag")
    pagina.get_by_label("Toekennen").check()
    pagina.get_by_label("Reden van het besluit").fill("Ambulante hulp is nodig om uithuisplaatsing te voorkomen.")
    pagina.get_by_role("button", name="Besluit vastleggen").click()
    pagina.get_by_text("Uw besluit is vastgelegd.").wait_for()
    controleer(pagina, "aanvraag beslist")
    assert Aanvraag.objects.get().status == Aanvraag.Status.TOEGEKEND

    # the werkvoorraad of the gebied, filtered on deadlines
    menu(pagina, "Werkvoorraad")
    pagina.get_by_role("heading", name="Werkvoorraad", exact=True).wait_for()
    controleer(pagina, "werkvoorraad")
    pagina.get_by_label("Weergave").select_option("gebied")
    pagina.get_by_role("button", name="Toon").click()
    rij = pagina.get_by_role("row").filter(has_text="Gezin de Vries")
    expect(rij).to_have_count(1)
    expect(rij).to_contain_text(re.compile("Te laat|Binnen een week|Op tijd"))  # the onderzoek deadline badge
    controleer(pagina, "werkvoorraad gebied")

    # the ZRM per team
    pagina.goto(pagina.base_url + "/zrm/verdeling/")
    pagina.get_by_role("heading", name="ZRM per team en gebied").wait_for()
    controleer(pagina, "zrm verdeling")
    pagina.get_by_role("combobox", name=re.compile("^Niveau")).select_option("team")
    pagina.get_by_role("button", name="Tonen").click()
    pagina.get_by_role("heading", name=org.team_a_jgt.naam).wait_for()
    controleer(pagina, "zrm verdeling per team")


# --- 3. sociaal makelaar ------------------------------------------------------------------------------------

def test_makelaar_koppelt_hulpvraag_aan_vrijwilliger(pagina, org):
    from gemeenschap import services
    from gemeenschap.models import Hulpvraag
    from tests.gemeenschap.conftest import maak_dossier
    from tests.gemeenschap.factories import VrijwilligerFactory

    dossier = maak_dossier(org)
    VrijwilligerFactory(naam="Anna Wandel", wijk=org.wijk_a, vaardigheden=["bewegen"], beschikbaarheid=["di_middag"])
    VrijwilligerFactory(naam="Zeger Verweg", wijk=org.wijk_b, vaardigheden=["tuin"])
    hulpvraag = services.maak_hulpvraag_voor_actie(door=dossier.regisseur, actie=dossier.actie,
                                                   vaardigheden=["bewegen"], wanneer=["di_middag"])

    inloggen(pagina, "makelaar")
    pagina.get_by_role("heading", name="Digitale marktplaats").wait_for()
    pagina.get_by_role("link", name="Maatje om wekelijks mee te wandelen").first.click()
    controleer(pagina, "hulpvraag")
    suggesties = pagina.get_by_role("table", name="Voorgestelde vrijwilligers")
    expect(suggesties.locator("tbody tr").first).to_contain_text("Anna Wandel")
    pagina.get_by_role("button", name="Stel Anna Wandel voor").click()
    expect(pagina.get_by_role("status")).to_contain_text("Anna Wandel is voorgesteld")
    controleer(pagina, "voorgesteld")
    pagina.get_by_label("Stap").select_option("geaccepteerd")
    pagina.get_by_role("button", name="Stap vastleggen").click()
    expect(pagina.get_by_role("heading", name=re.compile("Anna Wandel · Geaccepteerd"))).to_be_visible()
    controleer(pagina, "geaccepteerd")
    hulpvraag.refresh_from_db()
    assert hulpvraag.status == Hulpvraag.Status.GEKOPPELD


# --- 4. beleidsmedewerker -----------------------------------------------------------------------------------

def test_beleid_bekijkt_dashboard_en_downloadt_monitor_pdf(pagina, org, settings, tmp_path):
    from tests.monitoring.casus import bereken

    settings.MEDIA_ROOT = tmp_path
    run = bereken(org)  # a finished run, computed here (no worker)
    assert run.status == "klaar"

    inloggen(pagina, "beleid")
    menu(pagina, "Monitoring")
    pagina.get_by_role("heading", name="Monitoring wijkteams").wait_for()
    controleer(pagina, "monitoring dashboard")
    link = pagina.get_by_role("link", name=f"PDF-monitor hele gemeente {run.label}")
    with pagina.expect_download(timeout=60_000) as download:
        link.click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as bestand:
        tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(bestand.read())).pages)
    assert "Gemeente Ridderkerk" in " ".join(tekst.replace("\u200b", "").split())


# --- 5. inwoner, with the keyboard only ---------------------------------------------------------------------

FOCUS_ZICHTBAAR = """() => { const s = getComputedStyle(document.activeElement);
  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; }"""


def tab_naar(pagina, voorwaarde, *, terug=False, maximaal=60):
    """Press Tab (or Shift+Tab) until ``voorwaarde`` (JS on document.activeElement) holds; the focus is visible."""
    for _ in range(maximaal):
        pagina.keyboard.press("Shift+Tab" if terug else "Tab")
        if pagina.evaluate(f"() => {{ const el = document.activeElement; return !!({voorwaarde}); }}"):
            assert pagina.evaluate(FOCUS_ZICHTBAAR), f"focus niet zichtbaar op {voorwaarde}"
            return
    raise AssertionError(f"Niet bereikt met Tab: {voorwaarde}")


def tab_naar_veld(pagina, label):
    tab_naar(pagina, f"el.labels && [...el.labels].some(l => l.textContent.trim().startsWith({label!r}))")


def tab_naar_tekst(pagina, tekst):
    tab_naar(pagina, f"el.textContent.trim() === {tekst!r}")
    assert pagina.evaluate("document.activeElement.textContent.trim()") == tekst


def test_inwoner_vindt_wijkteam_en_stelt_vraag_met_alleen_het_toetsenbord(pagina, org):
    from tests.toegang_melding.factories import catalogi, postcodes
    from toegang.models import Melding

    postcodes(org)
    catalogi(org.gemeente)

    pagina.goto(pagina.base_url + "/toegang/inwoners/")
    controleer(pagina, "inwoners")
    tab_naar_veld(pagina, "Uw postcode")
    pagina.keyboard.type("2981 AB")
    tab_naar_tekst(pagina, "Zoek mijn wijkteam")
    pagina.keyboard.press("Enter")
    pagina.get_by_role("heading", name="Wijk Bolnes in Ridderkerk").wait_for()
    assert org.team_a.naam in pagina.locator("main").inner_text()
    controleer(pagina, "wijkteam gevonden")

    tab_naar_tekst(pagina, "Stel uw vraag online")
    pagina.keyboard.press("Enter")
    pagina.get_by_role("heading", name="Stel uw vraag aan het wijkteam").wait_for()
    controleer(pagina, "vraag")
    for label, waarde in [("Postcode", "2981 AB"), ("Huisnummer", "3"), ("Straat", "Kerkweg"),
                          ("Woonplaats", "Ridderkerk"), ("Uw naam", "Fatima El Amrani"),
                          ("Telefoonnummer of e-mailadres", "06-12345678"),
                          ("Uw vraag", "Ik heb hulp nodig met mijn post en rekeningen.")]:
        tab_naar_veld(pagina, label)
        pagina.keyboard.type(waarde)
    tab_naar_veld(pagina, "Financiën")
    pagina.keyboard.press("Space")
    tab_naar_veld(pagina, "Ik geef het wijkteam toestemming")
    pagina.keyboard.press("Space")
    assert pagina.evaluate("document.activeElement.checked")
    tab_naar_tekst(pagina, "Vraag versturen")
    pagina.keyboard.press("Enter")

    pagina.get_by_role("heading", name="Uw vraag is ontvangen").wait_for()
    controleer(pagina, "ontvangen")
    melding = Melding.objects.get()
    assert melding.ontvangstnummer in pagina.locator("main").inner_text()
    assert melding.vraag == "Ik heb hulp nodig met mijn post en rekeningen." and melding.leefgebieden == ["financien"]
    assert melding.team == org.team_a
