"""A medewerker opens a household from their list, records a keukentafelgesprek, writes a plan with a goal and
two activities on different ladder steps (one picked from the sociale kaart), and downloads the verslag."""

import io
import re

import pytest
from pypdf import PdfReader

from tests.conftest import log_in
from tests.e2e.planeditor import maak_plan_met_doel, voeg_activiteit_toe
from tests.factories import WACHTWOORD
from tests.huishoudens.factories import AanbodFactory, NetwerkLidFactory, maak_dossier

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_gesprek_plan_en_verslag_in_de_browser(pagina, org):
    medewerker = org.mensen["teamlid"]
    h = maak_dossier(org, regisseur=medewerker, naam="Familie Çelik-de Vrïes")
    NetwerkLidFactory(huishouden=h, naam="Buurvrouw Ans")
    AanbodFactory(wijk=org.wijk_a, naam="Schuldhulpmaatje Ridderkerk", soort="vrijwilligers")
    hoofd = h.personen.order_by("id").first()

    log_in(pagina, "teamlid", WACHTWOORD)
    pagina.get_by_role("link", name="Mijn huishoudens").first.click()
    pagina.get_by_role("link", name="Familie Çelik-de Vrïes").click()
    pagina.get_by_role("heading", name="Familie Çelik-de Vrïes").wait_for()

    # keukentafelgesprek
    pagina.get_by_role("link", name="Keukentafelgesprek vastleggen").click()
    pagina.get_by_label(re.compile(r"^Datum")).fill("2026-02-03")
    pagina.get_by_label("Plaats").select_option("thuis")
    pagina.get_by_label(hoofd.volledige_naam).check()
    pagina.get_by_label("Buurvrouw Ans").check()
    pagina.get_by_label("In de woorden van het huishouden").fill("We willen weer rust en overzicht.")
    pagina.locator("summary", has_text="Financiën").click()  # open the leefgebied
    pagina.locator("#id_lg-financien-wat_speelt").fill("Huurachterstand van drie maanden")
    pagina.locator("#id_lg-financien-nodig").fill("Overzicht en een betaalregeling")
    pagina.get_by_label("Onafhankelijke cliëntondersteuning is kosteloos aangeboden").check()
    pagina.get_by_role("button", name="Definitief maken").click()
    pagina.get_by_text("Het gesprek is opgeslagen als definitief").wait_for()
    gesprek_url = pagina.url

    # plan with a goal and two activities on different ladder steps
    pagina.get_by_role("link", name="← Familie Çelik-de Vrïes").click()
    maak_plan_met_doel(pagina, leefgebied="financien", doel="Schulden in beeld en een betaalregeling",
                       resultaat="Huur weer op tijd betaald")
    voeg_activiteit_toe(pagina, "Zelf de post openen en sorteren", trede="eigen_kracht", wie="Hoofdbewoner")
    pagina.get_by_text("Het plan is bijgewerkt.").wait_for()
    voeg_activiteit_toe(pagina, "Maatje helpt met de administratie", trede="vrijwilligers", wie="Vrijwilliger",
                        aanbod="Schuldhulpmaatje Ridderkerk (Vrijwilligersorganisatie)")
    tabel = pagina.locator("article.doel table")
    tabel.get_by_text("Maatje helpt met de administratie").wait_for()
    inhoud = tabel.inner_text()
    assert "Eigen kracht" in inhoud and "Vrijwilligers" in inhoud and "Schuldhulpmaatje Ridderkerk" in inhoud

    # the verslag, downloaded and read back
    pagina.goto(gesprek_url)
    with pagina.expect_download() as download:
        pagina.get_by_role("link", name="Verslag downloaden (PDF)").click()
    pad = download.value.path()
    tekst = "".join(p.extract_text() for p in PdfReader(io.BytesIO(open(pad, "rb").read())).pages)  # noqa: SIM115
    assert re.search(r"Familie Çelik-de\s*Vrïes", tekst)
    assert "Huurachterstand van drie maanden" in tekst
    assert "Schulden in beeld en een betaalregeling" in tekst
    assert "cliëntondersteuning" in tekst


def test_dossierpaginas_zonder_wcag_overtredingen(pagina, org):
    """axe-core (WCAG 2.1 AA) on every dossier page, also with an error summary shown."""
    from huishoudens import services
    from huishoudens.models import Leefgebied
    from tests.e2e.test_toegankelijkheid import overtredingen

    teamlid = org.mensen["teamlid"]
    h = maak_dossier(org, regisseur=teamlid, naam="Familie Axe", personen=3)
    NetwerkLidFactory(huishouden=h)
    AanbodFactory(wijk=org.wijk_a, naam="Burenhulp Bolnes", soort="vrijwilligers")
    traject = h.trajecten.get()
    gesprek = services.bewaar_gesprek(traject=traject, door=teamlid, velden={
        "datum": "2026-01-10", "plaats": "thuis", "clientondersteuning_aangeboden": True},
        leefgebieden={Leefgebied.FINANCIEN: {"wat_speelt": "Schulden"}})
    plan = services.maak_plan(traject=traject, door=teamlid)
    services.voeg_doel_toe(plan=plan, door=teamlid, lock_versie=0, leefgebied="financien", omschrijving="Rust")
    persoon = h.personen.order_by("id").first()
    d = f"/huishoudens/{h.pk}"
    paden = ["/huishoudens/", "/huishoudens/zoeken/?naam=Achternaam",
             "/huishoudens/nieuw/?postcode=2981ZZ&huisnummer=1",
             f"{d}/", f"{d}/personen/", f"{d}/plan/", f"{d}/toegang/", f"{d}/tijdlijn/",
             f"{d}/gesprekken/nieuw/", f"{d}/gesprekken/{gesprek.pk}/",
             f"{d}/plannen/{plan.pk}/", f"{d}/personen/{persoon.pk}/",
             f"/huishoudens/{h.pk}/traject/afsluiten/", f"/huishoudens/{h.pk}/traject/regisseur/",
             f"/huishoudens/{h.pk}/inzage/", "/organisatie/sociale-kaart/"]
    log_in(pagina, "teamlid", WACHTWOORD)
    pagina.wait_for_url(pagina.base_url + "/")
    for pad in paden:
        pagina.goto(pagina.base_url + pad)
        assert overtredingen(pagina) == [], pad
    # with an error summary: an empty network form
    pagina.goto(pagina.base_url + f"/huishoudens/{h.pk}/netwerk/nieuw/")
    pagina.get_by_role("button", name="Opslaan").click()
    pagina.get_by_role("alert").wait_for()
    assert overtredingen(pagina) == []
    pagina.get_by_role("button", name="Uitloggen").click()
    log_in(pagina, "coord_a", WACHTWOORD)
    pagina.wait_for_url(pagina.base_url + "/")
    for pad in ["/huishoudens/overdracht/", f"/huishoudens/{h.pk}/personen/samenvoegen/"]:
        pagina.goto(pagina.base_url + pad)
        assert overtredingen(pagina) == [], pad
