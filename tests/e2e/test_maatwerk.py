"""A JGT medewerker requests ambulante jeugdhulp for a plan goal; the coördinator sees it in the werkvoorraad,
approves it with a reason, and downloads the beschikking (made by the real Celery worker)."""

import io
import time

import pytest
from pypdf import PdfReader

from tests.conftest import log_in
from tests.factories import WACHTWOORD
from tests.toegang_maatwerk.factories import maak_dossier
from toegang.maatwerk.catalogus import richt_catalogus_in, richt_mandaten_in
from toegang.models import Aanbieder, Aanvraag, Eenheid, Frequentie, Product

pytestmark = [pytest.mark.e2e, pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def media(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setenv("MEDIA_ROOT", str(tmp_path / "media"))  # the worker subprocess writes here too


def test_jgt_vraagt_jeugdhulp_aan_en_coordinator_kent_toe_en_downloadt_beschikking(media, org, celery_worker_proces,
                                                                                     pagina):
    richt_catalogus_in(org.gemeente)
    richt_mandaten_in(org.gemeente)
    dossier = maak_dossier(org.team_a_jgt, regisseur=org.mensen["teamlid_jgt"], met_kind=True,
                           door=org.mensen["coordinator_eigen_gebied"], naam="Gezin de Vries")
    product = Product.objects.get(gemeente=org.gemeente, code="45A48")

    log_in(pagina, "teamlid_jgt", WACHTWOORD)
    pagina.get_by_role("heading", name="Welkom, Test teamlid_jgt").wait_for()
    pagina.goto(pagina.base_url + f"/toegang/huishoudens/{dossier.pk}/maatwerk/nieuw/?doel={dossier.doel.pk}")
    pagina.get_by_role("heading", name="Maatwerk aanvragen").wait_for()
    pagina.get_by_label("Voor wie (cliënt)").select_option(str(dossier.kind.pk))
    pagina.get_by_label("Product").select_option(str(product.pk))
    pagina.get_by_label("Aanbieder").select_option(str(Aanbieder.objects.get(agb_code="41410004").pk))
    pagina.get_by_label("Volume").fill("2")
    pagina.get_by_label("Eenheid").select_option(str(Eenheid.objects.get(code="04").pk))
    pagina.get_by_label("Frequentie").select_option(str(Frequentie.objects.get(code="2").pk))
    pagina.get_by_label("Startdatum").fill("2026-03-01")
    pagina.get_by_label("Einddatum").fill("2026-08-31")
    pagina.get_by_label("Waarom volstaan lichtere vormen").fill(
        "Opvoedondersteuning via het CJG en hulp van de grootouders waren niet genoeg; het gedrag escaleert.")
    pagina.get_by_role("button", name="Aanvraag indienen").click()
    pagina.get_by_role("heading", name="Maatwerkaanvraag: Ambulante jeugdhulp").wait_for()
    assert pagina.get_by_text("U deed, aanvulde of wijzigde deze aanvraag zelf").is_visible()
    pagina.get_by_role("button", name="Uitloggen").click()
    pagina.get_by_role("heading", name="Inloggen").wait_for()

    log_in(pagina, "coord_a", WACHTWOORD)
    pagina.get_by_role("navigation").get_by_role("link", name="Maatwerk").click()
    pagina.get_by_role("heading", name="Maatwerk: werkvoorraad").wait_for()
    pagina.get_by_role("link", name="Gezin de Vries").click()
    pagina.get_by_role("heading", name="Besluit nemen").wait_for()
    pagina.get_by_label("Toekennen").check()
    pagina.get_by_label("Reden van het besluit").fill("Ambulante hulp is nodig om uithuisplaatsing te voorkomen.")
    pagina.get_by_role("button", name="Besluit vastleggen").click()
    pagina.get_by_text("Uw besluit is vastgelegd.").wait_for()
    assert Aanvraag.objects.get().status == Aanvraag.Status.TOEGEKEND

    link = pagina.get_by_role("link", name="Beschikking downloaden (PDF)")
    deadline = time.monotonic() + 60
    while not link.count() and time.monotonic() < deadline:  # the worker makes the PDF after commit
        time.sleep(1)
        pagina.reload()
    with pagina.expect_download() as download_info:
        link.click()
    with open(download_info.value.path(), "rb") as f:
        tekst = "".join(p.extract_text() for p in PdfReader(io.BytesIO(f.read())).pages)
    assert "Ambulante jeugdhulp" in tekst and "Zoë Jansen" in tekst
    assert "uithuisplaatsing te voorkomen" in tekst and "bezwaar" in tekst.lower()


def test_maatwerkpaginas_zonder_toegankelijkheidsovertredingen(org, pagina):
    from tests.e2e.test_toegankelijkheid import AXE, overtredingen

    if not AXE.exists():
        pytest.skip("axe-core niet geïnstalleerd (npm ci)")
    richt_catalogus_in(org.gemeente)
    richt_mandaten_in(org.gemeente)
    dossier = maak_dossier(org.team_a_jgt, regisseur=org.mensen["teamlid_jgt"], met_kind=True,
                           door=org.mensen["coordinator_eigen_gebied"], naam="Gezin de Vries")
    log_in(pagina, "teamlid_jgt", WACHTWOORD)
    pagina.wait_for_url(pagina.base_url + "/")
    pagina.goto(pagina.base_url + f"/toegang/huishoudens/{dossier.pk}/maatwerk/nieuw/")
    pagina.get_by_role("button", name="Aanvraag indienen").click()  # empty form: the error summary
    pagina.get_by_role("alert").wait_for()
    assert overtredingen(pagina) == []
    pagina.goto(pagina.base_url + "/toegang/maatwerk/")
    assert overtredingen(pagina) == []
    pagina.get_by_role("button", name="Uitloggen").click()
    from tests.toegang_maatwerk.factories import vraag_aan

    aanvraag = vraag_aan(dossier, org.mensen["teamlid_jgt"], product_code="45A48", client=dossier.kind)
    log_in(pagina, "coord_a", WACHTWOORD)
    pagina.wait_for_url(pagina.base_url + "/")
    for pad in ("/", "/toegang/maatwerk/", aanvraag.get_absolute_url(), "/toegang/opschaling/"):
        pagina.goto(pagina.base_url + pad)
        assert overtredingen(pagina) == [], pad
