"""Every output (PDF, CSV, XLSX, adviesraad export, API, dashboard) shows the same numbers with the same
small-cell suppression: counts below 5 as "< 5", ratios resting on them as "(< 5)"."""

import csv
import io
import subprocess
from unittest import mock

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from monitoring import exports, rapport, selectors, services
from monitoring.models import Indicator, MonitorBestand

pytestmark = pytest.mark.django_db


def _tekst(pdf):
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\u200b", "")
    return " ".join(tekst.split())


def test_pdf_gemeente_noemt_gemeente_periode_waarden_en_onderdrukking(run_k1, tmp_path):
    pdf = rapport.maak_monitor_pdf(run_k1)
    tekst = _tekst(pdf)
    assert "Gemeente Ridderkerk" in tekst
    assert "2026-K1" in tekst and "1 januari 2026 t/m 31 maart 2026" in tekst
    assert "Bolnes/Slikkerveer" in tekst and "Centrum/Oost/West" in tekst
    assert "63,6%" in tekst  # volunteers among adult clients, gemeente: 7/11
    assert "< 5" in tekst  # e.g. 4 supported households in gebied A
    assert "(< 5)" in tekst  # e.g. mantelzorgers 3/11: the share is hidden
    assert "Definities" in tekst and "Ontwikkelagenda" in tekst
    assert "cliëntcijfer" in tekst
    # every page renders to an image
    pad = tmp_path / "monitor.pdf"
    pad.write_bytes(pdf)
    resultaat = subprocess.run(["pdftoppm", "-r", "30", "-png", str(pad), str(tmp_path / "pagina")],
                               capture_output=True, text=True, timeout=120)
    assert resultaat.returncode == 0, resultaat.stderr
    assert resultaat.stderr.strip() == ""
    assert len(list(tmp_path.glob("pagina*.png"))) == len(PdfReader(io.BytesIO(pdf)).pages) >= 5


def test_pdf_per_gebied(run_k1, casus):
    tekst = _tekst(rapport.maak_monitor_pdf(run_k1, casus.org.gebied_b))
    assert "Gebied Centrum/Oost/West" in tekst and "2026-K1" in tekst
    # volunteers in gebied B: 5/6, hidden as "(×)" since gebied A's count is small and the gemeente total is shown
    # (issue 14: complementary suppression; with two gebieden the other one is always hidden too)
    assert "83,3%" not in tekst and "(×)" in tekst
    assert "(< 5)" in tekst  # mantelzorgers in B: 1/6, hidden
    assert "Bolnes/Slikkerveer" in tekst  # the bar chart compares the gebieden (aggregates)


def test_pdf_wordt_opgeslagen_en_vervangen(run_k1):
    eerste = rapport.sla_pdf_op(run_k1)
    naam = eerste.bestand.name
    tweede = rapport.sla_pdf_op(run_k1)
    assert tweede.pk == eerste.pk and tweede.bestand.name != naam
    assert not eerste.bestand.storage.exists(naam)
    assert rapport.pdf_van(run_k1).pk == eerste.pk


def test_alle_pdfs_van_een_run_delen_overzicht_en_afbeeldingen(run_k1, casus):
    """maak_alle_pdfs computes the run's overview once for all its PDFs; each gebied's PDF is still its own."""
    assert rapport.maak_alle_pdfs(run_k1.pk) == 3  # the gemeente and both gebieden
    bestanden = {b.gebied_id: b for b in MonitorBestand.objects.filter(run=run_k1)}
    assert set(bestanden) == {None, casus.org.gebied_a.pk, casus.org.gebied_b.pk}
    tekst_b = _tekst(bestanden[casus.org.gebied_b.pk].bestand.read())
    assert "Gebied Centrum/Oost/West" in tekst_b and "83,3%" not in tekst_b and "(×)" in tekst_b
    assert "Bolnes/Slikkerveer" in tekst_b  # the comparison chart, shared with the other PDFs of the run
    # the definitions keep eenheid, bron and wet (now under the definition, two columns)
    assert "Eenheid: aantal. Bron:" in tekst_b and "Wet:" in tekst_b
    # a second batch reads the overview once, not once per PDF
    aanroepen = []
    echte = selectors.overzicht

    def tel(run):
        aanroepen.append(run.pk)
        return echte(run)

    with mock.patch.object(selectors, "overzicht", tel):
        rapport.maak_alle_pdfs(run_k1.pk)
    assert aanroepen == [run_k1.pk]


def test_pdf_toont_vergelijking_met_vorige_periode_en_nulmeting_en_acties(casus):
    from monitoring import perioden
    from tests.monitoring.casus import bereken

    nul = bereken(casus.org, perioden.kwartaal(2025, 3))
    vorige = bereken(casus.org, perioden.kwartaal(2025, 4))
    services.leg_actie_vast(run=vorige, indicator=Indicator.objects.get(code="hh_nieuw"), gebied=None,
                            tekst="Extra inloopspreekuur in de bibliotheek", door=casus.org.mensen["beleidsmedewerker"])
    run = bereken(casus.org)
    tekst = _tekst(rapport.maak_monitor_pdf(run))
    assert f"vorige periode {vorige.label}" in tekst and f"nulmeting {nul.label}" in tekst
    assert "Extra inloopspreekuur in de bibliotheek" in tekst  # the action shows in the next monitor
    assert "↑" in tekst  # new households: 8 now, fewer before


def _csv(run):
    tekst = exports.csv_bytes(run).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(tekst), delimiter=";"))


def test_csv_onderdrukt(run_k1):
    rijen = _csv(run_k1)
    per = {(r["indicator"], r["gebied"], r["wijk"], r["categorie"]): r for r in rijen if r["indicator"]}
    assert per[("hh_ondersteund", "Bolnes/Slikkerveer", "", "")]["waarde"] == "< 5"
    # issue 14: 10 − 6 would give the suppressed 4 back, so the 6 is hidden too (complementary suppression)
    assert per[("hh_ondersteund", "Centrum/Oost/West", "", "")]["waarde"] == "×"
    assert per[("hh_ondersteund", "Gemeente", "", "")]["waarde"] == "10"
    mantel = per[("mantelzorgers_clienten", "Gemeente", "", "")]
    assert (mantel["waarde"], mantel["teller"]) == ("(< 5)", "(< 5)")
    assert mantel["noemer"] not in ("(< 5)", "×")  # the noemer itself is no small number: shown
    assert per[("vrijwilligers_clienten", "Gemeente", "", "")]["waarde"] == "63,6"
    assert "Huishouden Jansen" not in exports.csv_bytes(run_k1).decode("utf-8-sig")


def test_xlsx_onderdrukt_en_houdt_getallen_als_getal(run_k1):
    wb = load_workbook(io.BytesIO(exports.xlsx_bytes(run_k1)))
    ws = wb["Cijfers"]
    koppen = [c.value for c in ws[1]]
    rijen = [dict(zip(koppen, (c.value for c in rij), strict=True)) for rij in ws.iter_rows(min_row=2)]
    per = {(r["indicator"], r["gebied"], r["wijk"] or "", r["categorie"] or ""): r for r in rijen}
    assert per[("hh_ondersteund", "Bolnes/Slikkerveer", "", "")]["waarde"] == "< 5"
    assert per[("hh_ondersteund", "Gemeente", "", "")]["waarde"] == 10
    assert per[("vrijwilligers_clienten", "Gemeente", "", "")]["waarde"] == pytest.approx(63.6)
    assert per[("mantelzorgers_clienten", "Gemeente", "", "")]["waarde"] == "(< 5)"
    assert {"Cijfers", "Definities", "Toelichting"} <= set(wb.sheetnames)


def test_adviesraad_export_alleen_totalen_zonder_namen(run_k1, casus):
    services.leg_actie_vast(run=run_k1, indicator=Indicator.objects.get(code="hh_nieuw"), gebied=None,
                            tekst="Geheime interne notitie", door=casus.org.mensen["beleidsmedewerker"])
    wb = load_workbook(io.BytesIO(exports.adviesraad_xlsx(run_k1)))
    waarden = [str(c.value) for ws in wb.worksheets for rij in ws.iter_rows() for c in rij if c.value is not None]
    assert "< 5" in waarden and "10" in waarden
    alles = " ".join(waarden)
    assert "Geheime interne notitie" not in alles and "beleid" not in alles.split()
    assert "Huishouden Jansen" not in alles and "Bolnes (WK059701)" not in alles  # no wijk level


def test_api_geeft_alleen_onderdrukte_aggregaten(client, run_k1, casus):
    client.force_login(casus.org.mensen["beleidsmedewerker"])
    antwoord = client.get(f"/api/v1/monitor-runs/{run_k1.pk}/waarden/")
    assert antwoord.status_code == 200
    data = antwoord.json()
    per = {(r["indicator"], r["gebied"], r["wijk"], r["categorie"]): r for r in data}
    assert per[("hh_ondersteund", "Bolnes/Slikkerveer", "", "")]["waarde"] == "< 5"
    assert per[("hh_ondersteund", "Gemeente", "", "")]["waarde"] == 10
    assert per[("mantelzorgers_clienten", "Gemeente", "", "")]["waarde"] == "(< 5)"
    assert set(data[0]) == {"gebied", "wijk", "indicator", "naam", "categorie", "eenheid", "waarde", "teller",
                            "noemer", "clientcijfer"}
    assert "Huishouden Jansen" not in antwoord.content.decode()


def test_dashboard_onderdrukt(client, run_k1, casus):
    client.force_login(casus.org.mensen["beleidsmedewerker"])
    html = client.get(f"/monitoring/?periode={run_k1.pk}").content.decode()
    assert "&lt; 5" in html and "(&lt; 5)" in html
    assert "63,6%" in html
    assert "Huishouden Jansen" not in html
    html_b = client.get(f"/monitoring/?periode={run_k1.pk}&gebied={casus.org.gebied_b.pk}").content.decode()
    assert "83,3%" not in html_b and "(×)" in html_b  # complementary suppression (see test_pdf_per_gebied)
    assert "Bolnes/Slikkerveer</th>" not in html_b


def test_drempel_is_instelbaar(run_k1, settings):
    settings.ONDERDRUKKING_DREMPEL = 11
    per = {(r["indicator"], r["gebied"]): r for r in _csv(run_k1) if not r["wijk"] and not r["categorie"]}
    assert per[("hh_ondersteund", "Gemeente")]["waarde"] == "< 11"
    assert per[("hh_ondersteund", "Bolnes/Slikkerveer")]["waarde"] == "< 11"
