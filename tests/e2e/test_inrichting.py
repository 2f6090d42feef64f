"""A new gemeente is set up by its functioneel beheerder through the beheer screen only (the example files,
downloaded from the screen itself), the readiness check goes from "Ontbreekt: …" to ready, and the first question
of a resident of that gemeente lands in the werkvoorraad of the team of the resident's gebied.

Only the empty gemeente and its first beheerder come from the factories (that is what the installation does:
``richt_gemeente_in`` / ``maak_gemeente`` + ``maak_beheerder``); everything else goes through the pages, and every
page visited is checked with axe-core."""

import re

import pytest

from tests.conftest import log_in
from tests.e2e.test_toegankelijkheid import overtredingen
from tests.factories import WACHTWOORD, GemeenteFactory, maak_gebruiker
from toegang.models import Melding
from wijkteams import rollen
from wijkteams.models import Team

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The parts in the order of the screen's table (the registered order), with their title in the "Welk bestand" list.
ONDERDELEN = [
    ("instellingen", "Instellingen van de gemeente"),
    ("wijken", "Gebieden en wijken"),
    ("teamtypen", "Teamtypen"),
    ("organisaties", "Partnerorganisaties"),
    ("disciplines", "Disciplines"),
    ("signaalgevers", "Soorten signaalgevers"),
    ("kanalen", "Kanalen"),
    ("teams", "Teams"),
    ("postcodes", "Postcodes per wijk (CBS)"),
    ("mandaten", "Maatwerkcatalogus en mandaatregister"),
    ("opschalingsdoelen", "Opschalingsdoelen"),
]


def _toegankelijk(pagina, wat):
    assert overtredingen(pagina) == [], wat


def _ontbreekt(pagina):
    return [t.strip() for t in pagina.locator("#gereedheid-kop ~ ul li").all_inner_texts()
            if t.strip().startswith("Ontbreekt:")]


def _upload(pagina, titel, pad):
    pagina.get_by_label("Welk bestand").select_option(label=titel)
    pagina.get_by_label("CSV-bestand").set_input_files(pad)
    pagina.get_by_role("button", name="Importeren").click()


def test_nieuwe_gemeente_via_beheerschermen_ingericht_en_eerste_melding_bij_juiste_team(pagina, tmp_path):
    gemeente = GemeenteFactory(cbs_code="9999", naam="Nieuwe gemeente")
    maak_gebruiker(gemeente, rollen.FUNCTIONEEL_BEHEER, username="beheer.voorbeeldstad")

    # 1. The beheerder finds the inrichting from the start page; nothing is there yet.
    log_in(pagina, "beheer.voorbeeldstad", WACHTWOORD)
    pagina.wait_for_url(pagina.base_url + "/")
    _toegankelijk(pagina, "start")
    pagina.get_by_role("link", name="Gemeente inrichten uit CSV-bestanden en de gereedheidscontrole").click()
    pagina.get_by_role("heading", name="Nieuwe gemeente inrichten").wait_for()
    _toegankelijk(pagina, "inrichting leeg")
    assert pagina.get_by_text("Nog niet gereed. Dit ontbreekt nog:").is_visible()
    leeg = _ontbreekt(pagina)
    assert "Ontbreekt: De gemeente heeft nog geen wijken." in leeg
    assert "Ontbreekt: Er zijn nog geen teams." in leeg
    assert "Ontbreekt: Geen mandaat voor Jeugdwet." in leeg

    # 2. A wrong line is reported with its number on the page, and nothing of the file is stored.
    fout = tmp_path / "wijken-fout.csv"
    fout.write_text("gebied;wijkcode;wijknaam\nNoord;WK999901;Voorbeeld-Noord\nNoord;WK059701;Bolnes\n")
    _upload(pagina, "Gebieden en wijken", fout)
    pagina.get_by_role("alert").wait_for()
    regel = "Regel 3, wijkcode: Wijkcode WK059701 hoort niet bij gemeentecode 9999."
    assert pagina.get_by_text(regel).first.is_visible()
    _toegankelijk(pagina, "inrichting met fout")
    assert not gemeente.wijken.exists()

    # 3. Every part: the example file downloaded from the screen, then uploaded through the form.
    for code, titel in ONDERDELEN:
        pagina.goto(pagina.base_url + "/organisatie/inrichting/")
        with pagina.expect_download() as download:
            pagina.get_by_role("link", name=f"voorbeeld {code}.csv (verzonnen gegevens)").click()
        pad = tmp_path / f"{code}.csv"
        download.value.save_as(pad)
        _upload(pagina, titel, pad)
        pagina.get_by_text(re.compile(r"Geïmporteerd: \d+ nieuw, \d+ gewijzigd, \d+ ongewijzigd\.")).wait_for()
        _toegankelijk(pagina, f"inrichting na {code}")
        if code == "wijken":
            # gebieden and wijken with CBS codes are there; the postcodes are still missing per wijk
            assert pagina.get_by_role("heading", name="Voorbeeldstad inrichten").is_visible()
            ontbreekt = _ontbreekt(pagina)
            assert "Ontbreekt: Wijk WK999901 heeft geen postcodes." in ontbreekt
            assert "Ontbreekt: De gemeente heeft nog geen wijken." not in ontbreekt
        if code == "postcodes":
            assert not [t for t in _ontbreekt(pagina) if "postcodes" in t]

    # 4. Ready: nothing blocks the start any more (advice may remain).
    assert pagina.get_by_text("Gereed voor gebruik: er ontbreekt niets dat de start tegenhoudt.").is_visible()
    assert _ontbreekt(pagina) == []
    assert sorted(Team.objects.filter(gemeente=gemeente).values_list("naam", flat=True)) == [
        "Jeugd- en Gezinsteam Noord", "Jeugd- en Gezinsteam Zuid", "Sociaal team Noord", "Sociaal team Zuid"]
    pagina.get_by_role("button", name="Uitloggen").click()

    # 5. The first question of a resident of Voorbeeldstad (9991 AA lies in WK999901, gebied Noord; no children,
    #    two leefgebieden): the public form finds the gemeente by the postcode alone.
    pagina.goto(pagina.base_url + "/toegang/inwoners/vraag/")
    _toegankelijk(pagina, "vraagformulier")
    pagina.get_by_label("Postcode").fill("9991 AA")
    pagina.get_by_label("Huisnummer").fill("1")
    pagina.get_by_label("Straat").fill("Voorbeeldlaan")
    pagina.get_by_label("Woonplaats").fill("Voorbeeldstad")
    pagina.get_by_label("Uw naam").fill("Anna de Vries")
    pagina.get_by_label("Telefoonnummer of e-mailadres").fill("06-12345678")
    pagina.get_by_label("Uw vraag").fill("Ik heb schulden en kan mijn huis niet meer goed onderhouden.")
    pagina.get_by_label("Financiën", exact=True).check()
    pagina.get_by_label("Huisvesting", exact=True).check()
    pagina.get_by_label("Ik geef het wijkteam toestemming", exact=False).check()
    pagina.get_by_role("button", name="Vraag versturen").click()
    nummer = pagina.get_by_text(re.compile(r"M-\d{4}-\d{6}")).first
    nummer.wait_for()
    _toegankelijk(pagina, "vraag ontvangen")
    ontvangstnummer = re.search(r"M-\d{4}-\d{6}", nummer.inner_text()).group(0)

    melding = Melding.objects.get(ontvangstnummer=ontvangstnummer)
    noord = Team.objects.get(gemeente=gemeente, naam="Sociaal team Noord")
    assert melding.gemeente == gemeente and melding.team == noord

    # 6. A member of Sociaal team Noord (an imported team) finds it in the werkvoorraad; Zuid does not.
    zuid = Team.objects.get(gemeente=gemeente, naam="Sociaal team Zuid")
    maak_gebruiker(gemeente, rollen.MEDEWERKER, username="lid.noord", teams=[noord])
    maak_gebruiker(gemeente, rollen.MEDEWERKER, username="lid.zuid", teams=[zuid])
    log_in(pagina, "lid.noord", WACHTWOORD)
    pagina.wait_for_url(pagina.base_url + "/")
    pagina.get_by_role("link", name="Werkvoorraad").first.click()
    pagina.get_by_role("heading", name="Werkvoorraad", exact=True).wait_for()
    _toegankelijk(pagina, "werkvoorraad Noord")
    rij = pagina.get_by_role("row").filter(has_text=ontvangstnummer)
    assert rij.count() == 1 and "Sociaal team Noord" in rij.inner_text()
    pagina.get_by_role("button", name="Uitloggen").click()

    log_in(pagina, "lid.zuid", WACHTWOORD)
    pagina.wait_for_url(pagina.base_url + "/")
    pagina.get_by_role("link", name="Werkvoorraad").first.click()
    pagina.get_by_role("heading", name="Werkvoorraad", exact=True).wait_for()
    _toegankelijk(pagina, "werkvoorraad Zuid")
    assert pagina.get_by_role("row").filter(has_text=ontvangstnummer).count() == 0
