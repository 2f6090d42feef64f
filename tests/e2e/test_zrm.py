"""A medewerker scores a person on the Zelfredzaamheidsmatrix with the keyboard only, in a real Chromium,
and sees the change since the intake on the household's ZRM section."""

import importlib
from datetime import date

import pytest

from huishoudens import services as huishouden_services
from huishoudens.models import Huishouden, Persoon
from tests.conftest import log_in
from tests.factories import WACHTWOORD
from zelfredzaamheid import services
from zelfredzaamheid.models import Domein, Meting

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _tab_tot(pagina, voorwaarde, maximaal=80):
    for _ in range(maximaal):
        pagina.keyboard.press("Tab")
        if pagina.evaluate(voorwaarde):
            return
    raise AssertionError(f"Niet bereikt met Tab: {voorwaarde}")


def laad_catalogus():
    """Transactional tests flush the tables, data migrations included: put the ZRM catalogue back."""
    from django.apps import apps

    importlib.import_module("zelfredzaamheid.migrations.0002_catalogus").laad(apps, None)


def test_medewerker_scoort_met_toetsenbord_en_ziet_verandering(pagina, org):
    laad_catalogus()
    teamlid = org.mensen["teamlid"]
    h = Huishouden.objects.create(gemeente=org.gemeente, wijk=org.wijk_a, straat="Kerkweg", huisnummer=5,
                                  postcode="2981 AB", woonplaats="Ridderkerk", naam="Familie Smit")
    jan = Persoon.objects.create(huishouden=h, voornamen="Jan", achternaam="Smit", geboortedatum=date(1970, 1, 1))
    huishouden_services.open_traject(huishouden=h, team=org.team_a, door=org.mensen["coordinator_eigen_gebied"],
                    aangemeld_op=date(2025, 1, 1))
    codes = list(Domein.objects.filter(versie__code="2017").order_by("volgorde").values_list("code", flat=True))
    services.registreer_meting(huishouden=h, persoon=jan, door=teamlid, datum=date(2025, 1, 15), soort="intake",
                               antwoorden=dict.fromkeys(codes, 2), definitief=True)

    log_in(pagina, "teamlid", WACHTWOORD)
    pagina.get_by_role("button", name="Uitloggen").wait_for()
    pagina.goto(f"{pagina.base_url}/zrm/huishouden/{h.pk}/")
    _tab_tot(pagina, "document.activeElement.textContent.trim() === 'Meting voor Jan'")
    pagina.keyboard.press("Enter")
    pagina.get_by_role("heading", name="Nieuwe ZRM-meting").wait_for()

    _tab_tot(pagina, "document.activeElement.name === 'soort'")
    pagina.keyboard.press("ArrowDown")  # intake → evaluatie
    assert pagina.evaluate("document.activeElement.value") == "evaluatie"
    _tab_tot(pagina, "document.activeElement.name === 'client_akkoord'")
    pagina.keyboard.press("ArrowRight")  # niet besproken → ja
    for code in codes:
        _tab_tot(pagina, f"document.activeElement.name === 'domein_{code}'")
        for _ in range(4):  # niet gescoord → 1 → 2 → 3 → 4
            pagina.keyboard.press("ArrowRight")
        assert pagina.evaluate("document.activeElement.value") == "4"
    _tab_tot(pagina, "document.activeElement.textContent.trim() === 'Definitief opslaan'")
    pagina.keyboard.press("Enter")

    pagina.get_by_text("De meting is opgeslagen als Definitief.").wait_for()
    sectie = pagina.locator("section.zrm-sectie")
    assert sectie.get_by_text("▲ +2").count() == len(codes)
    assert "Voldoende zelfredzaam" in sectie.inner_text()
    m = Meting.objects.filter(persoon=jan).latest("id")
    assert m.soort == "evaluatie" and m.client_akkoord is True and m.scores == [4] * len(codes)
