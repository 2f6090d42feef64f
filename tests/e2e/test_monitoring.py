"""End to end: `beleid` logs in, starts the monitor for a quarter, watches the progress bar (htmx polling) while a
real Celery worker computes it, and downloads the PDF monitor of the whole gemeente."""

import io

import pytest
from pypdf import PdfReader

from tests.conftest import log_in
from tests.e2e.test_toegankelijkheid import overtredingen
from tests.factories import WACHTWOORD
from tests.monitoring.conftest import casus  # noqa: F401  (the hand-made casework fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def test_beleid_start_een_kwartaalmonitor_en_downloadt_de_pdf(pagina, celery_worker_proces, casus):  # noqa: F811
    log_in(pagina, "beleid", WACHTWOORD)
    pagina.wait_for_url(pagina.base_url + "/")
    pagina.get_by_role("navigation").get_by_role("link", name="Monitoring").click()
    pagina.get_by_role("heading", name="Monitoring wijkteams").wait_for()
    assert overtredingen(pagina) == []

    pagina.get_by_label("Soort periode").select_option("kwartaal")
    pagina.get_by_label("Jaar", exact=True).fill("2026")
    pagina.get_by_label("Kwartaal of halfjaar (nummer)").fill("1")
    pagina.get_by_role("button", name="Start berekening").click()

    pagina.get_by_role("heading", name="Monitor 2026-K1").wait_for()
    balk = pagina.locator("progress")
    gezien = [int(balk.get_attribute("value"))]
    # htmx replaces the fragment every 2 seconds until the worker has finished
    pagina.get_by_role("link", name="PDF-monitor hele gemeente 2026-K1").wait_for(timeout=120_000)
    gezien.append(int(pagina.locator("progress").get_attribute("value")))
    assert gezien[-1] == 100 and gezien[0] <= 100
    assert pagina.locator(".run-status").inner_text() == "Klaar"
    assert overtredingen(pagina) == []

    with pagina.expect_download(timeout=60_000) as download:
        # made in the request when the worker has not stored it yet: seconds on a busy machine, over click's 15 s
        pagina.get_by_role("link", name="PDF-monitor hele gemeente 2026-K1").click(timeout=60_000)
    with open(download.value.path(), "rb") as bestand:
        pdf = bestand.read()
    assert download.value.suggested_filename == "monitor-ridderkerk-2026-k1-gemeente.pdf"
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    tekst = " ".join(tekst.replace("\u200b", "").split())
    assert "Gemeente Ridderkerk" in tekst and "2026-K1" in tekst and "< 5" in tekst

    # the dashboard now shows the quarter's numbers, suppressed
    pagina.get_by_role("link", name="Bekijk de cijfers op het dashboard").click()
    pagina.get_by_role("heading", name="Cijfers 2026-K1").wait_for()
    # gebied B (6) is hidden beside gebied A (< 5): with the gemeente total it would give A away (issue 14,
    # complementary suppression)
    assert pagina.get_by_role("row", name="Ondersteunde huishoudens").first.inner_text().split("\t")[1:3] == [
        "< 5", "×"]
