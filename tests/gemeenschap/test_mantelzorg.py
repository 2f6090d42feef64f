"""Mantelzorg: support record, support offered, burden check flags overbelasting to the regisseur."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.urls import reverse

from gemeenschap import koppelvlak, mantelzorg, selectors
from gemeenschap.models import Belastingcheck, Mantelzorger, MantelzorgSteun
from huishoudens import registry

pytestmark = pytest.mark.django_db
LAAG = {"tijd": 1, "gezondheid": 0, "druk": 2, "combinatie": 1, "vermoeid": 1}  # 5
HOOG = {"tijd": 3, "gezondheid": 2, "druk": 2, "combinatie": 1, "vermoeid": 1}  # 9 = drempel


@pytest.fixture
def mz(dossier):
    return mantelzorg.registreer_mantelzorger(door=dossier.regisseur, netwerklid=dossier.netwerklid,
                                              zorgt_voor="Annie Jansen (moeder)", uren_per_week=20,
                                              sinds=date(2024, 6, 1))


def test_belastingcheck_markeert_overbelasting_vanaf_de_drempel(dossier, mz):
    laag = mantelzorg.neem_belastingcheck_af(mantelzorger=mz, door=dossier.regisseur, antwoorden=LAAG)
    assert (laag.score, laag.overbelast) == (5, False)
    assert not selectors.overbelaste_mantelzorgers_voor_regisseur(dossier.regisseur).exists()
    hoog = mantelzorg.neem_belastingcheck_af(mantelzorger=mz, door=dossier.regisseur, antwoorden=HOOG)
    assert (hoog.score, hoog.overbelast) == (9, True)
    assert list(selectors.overbelaste_mantelzorgers_voor_regisseur(dossier.regisseur)) == [mz]


def test_drempel_is_instelbaar(dossier, mz, settings):
    settings.GEMEENSCHAP_OVERBELASTING_DREMPEL = 10
    assert mantelzorg.neem_belastingcheck_af(mantelzorger=mz, door=dossier.regisseur, antwoorden=HOOG).overbelast \
        is False


def test_onvolledige_of_foute_antwoorden(dossier, mz):
    with pytest.raises(ValidationError) as fout:
        mantelzorg.neem_belastingcheck_af(mantelzorger=mz, door=dossier.regisseur,
                                          antwoorden={**LAAG, "druk": 7, "tijd": None})
    assert fout.value.message_dict == {"tijd": ["Beantwoord deze vraag."],
                                       "druk": ["Kies een antwoord van 0 tot en met 3."]}
    assert not Belastingcheck.objects.exists()


def test_regisseur_ziet_overbelasting_op_de_startpagina_een_ander_teamlid_niet(client, org, dossier, mz):
    mantelzorg.neem_belastingcheck_af(mantelzorger=mz, door=org.mensen["teamlid"], antwoorden=HOOG)
    client.force_login(dossier.regisseur)
    inhoud = client.get(reverse("start")).content.decode()
    assert "Overbelaste mantelzorgers bij uw huishoudens" in inhoud and "Kees de Buur" in inhoud
    client.force_login(org.mensen["teamlid"])
    assert "Overbelaste mantelzorgers" not in client.get(reverse("start")).content.decode()


def test_dossiersectie_toont_overbelasting(org, dossier, mz):
    assert koppelvlak.huishouden_sectie in registry.HUISHOUDEN_SECTIES
    mantelzorg.neem_belastingcheck_af(mantelzorger=mz, door=dossier.regisseur, antwoorden=HOOG)
    verzoek = RequestFactory().get("/")
    verzoek.user = dossier.regisseur
    sectie = koppelvlak.huishouden_sectie(verzoek, dossier.huishouden)
    assert sectie["template"] == "gemeenschap/_sectie_huishouden.html"
    assert [m.overbelast for m in sectie["gemeenschap_mantelzorgers"]] == [True]
    from django.template.loader import render_to_string

    html = render_to_string(sectie["template"], {"sectie": sectie}, request=verzoek)
    assert "Kees de Buur" in html and "overbelast" in html
    verzoek.user = org.mensen["beleidsmedewerker"]
    assert koppelvlak.huishouden_sectie(verzoek, dossier.huishouden) is None


def test_mantelzorgpaginas_met_formulieren(client, dossier):
    client.force_login(dossier.regisseur)
    url = reverse("gemeenschap:mantelzorger_nieuw", args=[dossier.huishouden.pk])
    assert "Kees de Buur (netwerk)" in client.get(url).content.decode()
    antwoord = client.post(url, {"wie": f"p{dossier.persoon.pk}", "zorgt_voor": "Haar man", "uren_per_week": "-3",
                                 "sinds": "2024-01-01"})
    assert antwoord.status_code == 400
    assert "Het aantal uren per week kan niet negatief zijn." in antwoord.content.decode()
    assert not Mantelzorger.objects.exists()
    antwoord = client.post(url, {"wie": f"p{dossier.persoon.pk}", "zorgt_voor": "Haar man", "uren_per_week": "16",
                                 "sinds": "2024-01-01"})
    mz = Mantelzorger.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == mz.get_absolute_url()
    assert "Belastingcheck" in client.get(mz.get_absolute_url()).content.decode()
    antwoord = client.post(reverse("gemeenschap:mantelzorger_steun", args=[mz.pk]),
                           {"soort": "respijtzorg", "datum": "2023-01-01"})
    assert antwoord.status_code == 400 and "vóór het begin van de mantelzorg" in antwoord.content.decode()
    client.post(reverse("gemeenschap:mantelzorger_steun", args=[mz.pk]),
                {"soort": "respijtzorg", "datum": "2025-03-01", "toelichting": "Logeerweekend"})
    assert MantelzorgSteun.objects.get().soort == "respijtzorg"
    antwoord = client.post(reverse("gemeenschap:mantelzorger_check", args=[mz.pk]),
                           {"datum": "2025-03-01", **HOOG}, follow=True)
    assert "overbelast" in antwoord.content.decode()
    assert "Haar man" in client.get(reverse("gemeenschap:mantelzorgers")).content.decode()
    pagina = client.get(reverse("gemeenschap:huishouden", args=[dossier.huishouden.pk])).content.decode()
    assert "Annie Jansen" in pagina


def test_mantelzorger_van_ander_team_is_404(client, org, mz):
    client.force_login(org.mensen["medewerker_ander_team"])
    assert client.get(mz.get_absolute_url()).status_code == 404
    assert client.post(reverse("gemeenschap:mantelzorger_check", args=[mz.pk]), HOOG).status_code == 404
    client.force_login(org.mensen["sociaal_makelaar"])
    assert client.get(mz.get_absolute_url()).status_code == 403
