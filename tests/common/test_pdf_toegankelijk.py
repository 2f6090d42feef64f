"""Every PDF the app makes is accessible (PDF/UA-1 through common.pdf): the verslag, the beschikking, the inzage and
the monitor are read back with pypdf (catalog, structure tree, metadata, bookmarks) and with poppler's pdfinfo."""

import io
import logging
import re
import subprocess

import pytest
from django.urls import reverse
from pypdf import PdfReader

from huishoudens import services as huishouden_services
from huishoudens.models import Leefgebied
from huishoudens.verslag import maak_verslag_pdf
from monitoring import rapport
from tests.factories import DisciplineFactory, maak_gebruiker
from tests.huishoudens.factories import NetwerkLidFactory
from tests.huishoudens.factories import maak_dossier as maak_huishouden
from tests.monitoring.casus import bereken, maak_casus
from tests.pdfstructuur import object_
from tests.pdfstructuur import structuur as _structuur
from tests.toegang_maatwerk.factories import maak_dossier as maak_dossier_met_doel
from tests.toegang_maatwerk.factories import vraag_aan
from toegang.maatwerk import services as maatwerk_services
from toegang.maatwerk.beschikking import maak_beschikking_pdf
from toegang.maatwerk.catalogus import richt_catalogus_in, richt_mandaten_in
from toegang.models import Aanvraag
from wijkteams import rollen

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def weasyprint_meldt_geen_fouten(caplog):
    """WeasyPrint logs what PDF/UA misses (an image without alt, no lang) as an error: none may occur."""
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        yield
    fouten = [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint") and r.levelno >= logging.ERROR]
    assert not fouten


# --- reading a PDF's accessibility back -------------------------------------------------------------------------

def _bladwijzers(outline):
    for item in outline:
        if isinstance(item, list):
            yield from _bladwijzers(item)
        else:
            yield item.title


def _controleer_toegankelijk(pdf, tmp_path, *, titel, bladwijzers, figuren=False):
    """The PDF/UA essentials; returns the structure for further checks."""
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in catalog
    assert str(catalog["/Lang"]) == "nl"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert titel in reader.metadata.title
    structuur = _structuur(reader)
    soorten = [s for s, _e in structuur]
    assert soorten.count("/H1") == 1, soorten  # one document heading
    assert "/H2" in soorten
    assert "/Table" in soorten and "/TH" in soorten and "/TD" in soorten
    # every data cell is linked to a header cell (from <th scope>)
    cellen = [e for s, e in structuur if s == "/TD"]
    assert all(list(object_(e["/A"]).get("/Headers", [])) for e in cellen)
    if figuren:
        alt = [str(e.get("/Alt", "")) for s, e in structuur if s == "/Figure"]
        assert alt and all(alt), "elke grafiek heeft een tekstalternatief"
    # bookmarks per chapter, from the h1/h2 headings
    namen = list(_bladwijzers(reader.outline))
    for naam in bladwijzers:
        assert any(naam in n for n in namen), (naam, namen)
    # and poppler agrees
    pad = tmp_path / "document.pdf"
    pad.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(pad)], capture_output=True, text=True, check=True, timeout=60).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info  # the spacing differs between poppler versions
    return structuur


# --- the four PDFs -------------------------------------------------------------------------------------------------

def test_verslag_is_toegankelijk(org, tmp_path):
    regisseur = org.mensen["teamlid"]
    h = maak_huishouden(org, regisseur=regisseur, naam="Familie Öztürk")
    gesprek = huishouden_services.bewaar_gesprek(
        traject=h.trajecten.get(), door=regisseur,
        velden={"datum": "2026-01-15", "plaats": "thuis", "clientondersteuning_aangeboden": True},
        leefgebieden={Leefgebied.FINANCIEN: {"wat_speelt": "Achterstand huur", "nodig": "Overzicht in schulden"}},
        deelnemers_huishouden=list(h.personen.all()[:1]), deelnemers_netwerk=[NetwerkLidFactory(huishouden=h)])
    structuur = _controleer_toegankelijk(maak_verslag_pdf(gesprek), tmp_path, titel="Verslag keukentafelgesprek",
                                         bladwijzers=["Verslag van het keukentafelgesprek", "Wat we hebben besproken"])
    assert "/H3" in [s for s, _e in structuur]  # a leefgebied is a subheading, tagged but not a bookmark


def test_beschikking_is_toegankelijk(org, tmp_path):
    wmo = DisciplineFactory(gemeente=org.gemeente, code="wmo-consulent", naam="Wmo-consulent")
    richt_catalogus_in(org.gemeente)
    richt_mandaten_in(org.gemeente)
    consulent = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="wmoconsulent", teams=[org.team_a],
                               discipline=wmo)
    dossier = maak_dossier_met_doel(org.team_a, regisseur=org.mensen["teamlid"],
                                    door=org.mensen["coordinator_eigen_gebied"])
    aanvraag = vraag_aan(dossier, org.mensen["teamlid"], product_code="02A05")
    maatwerk_services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=consulent,
                                            besluit=Aanvraag.Status.TOEGEKEND, reden="Structuur in de week is nodig.")
    aanvraag.refresh_from_db()
    _controleer_toegankelijk(maak_beschikking_pdf(aanvraag), tmp_path, titel="Beschikking",
                             bladwijzers=["Beschikking: wij kennen uw aanvraag toe", "Ons besluit", "Maak bezwaar"])


def test_inzage_is_toegankelijk(client, org, tmp_path):
    h = maak_huishouden(org, regisseur=org.mensen["teamlid"], naam="Familie Inzage")
    persoon = h.personen.first()
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    antwoord = client.get(reverse("huishoudens:inzage_persoon_pdf", args=[h.pk, persoon.pk]))
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    _controleer_toegankelijk(antwoord.content, tmp_path, titel="Inzage in uw gegevens",
                             bladwijzers=["Inzage in uw gegevens"])


def test_monitor_is_toegankelijk_met_grafieken_en_hun_tekstalternatief(org, tmp_path):
    maak_casus(org)
    run = bereken(org)
    structuur = _controleer_toegankelijk(rapport.maak_monitor_pdf(run), tmp_path, titel="Monitor wijkteams",
                                         bladwijzers=["Monitor wijkteams", "Samenvatting", "Definities"],
                                         figuren=True)
    alt = [str(e["/Alt"]) for s, e in structuur if s == "/Figure"]
    # the alternative text says what the chart shows: its kind, title and the figures per gebied
    assert any(a.startswith("Staafdiagram") and "Bolnes/Slikkerveer" in a and "Gemeente" in a for a in alt), alt
    # a row header per indicator and column headers per gebied
    koppen = [e for s, e in structuur if s == "/TH"]
    assert len(koppen) > 20
