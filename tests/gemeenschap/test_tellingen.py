"""Counts per wijk and gebied match a hand computation."""

from datetime import date

import pytest
from django.urls import reverse

from gemeenschap import mantelzorg, services, tellingen
from gemeenschap.models import Hulpvraag, Koppeling, Vrijwilliger
from tests.gemeenschap.conftest import maak_dossier
from tests.gemeenschap.factories import VrijwilligerFactory

pytestmark = pytest.mark.django_db
VAN, TOT = date(2025, 1, 1), date(2025, 3, 31)


def _vraag(org, makelaar, wijk, ingediend):
    hv = services.maak_hulpvraag(door=makelaar, wijk=wijk, bron="bewoner", wat="Hulp")
    Hulpvraag.objects.filter(pk=hv.pk).update(ingediend_op=ingediend)
    hv.refresh_from_db()
    return hv


def _match(hv, makelaar, geaccepteerd):
    v = VrijwilligerFactory(wijk=hv.wijk)
    Vrijwilliger.objects.filter(pk=v.pk).update(aangemeld_op=date(2030, 1, 1))  # not counted on TOT
    k = services.stel_koppeling_voor(hulpvraag=hv, vrijwilliger=v, door=makelaar, op=hv.ingediend_op)
    services.wijzig_koppeling(koppeling=k, naar=Koppeling.Status.GEACCEPTEERD, door=makelaar, datum=geaccepteerd)


@pytest.fixture
def gegevens(org, makelaar, wijk_a2):
    # wijk_a: 3 requests in the period (+1 before, +1 after); matched after 4, 10 and 20 days → median 10, sum 34
    a1 = _vraag(org, makelaar, org.wijk_a, date(2025, 1, 6))
    a2 = _vraag(org, makelaar, org.wijk_a, date(2025, 2, 1))
    a3 = _vraag(org, makelaar, org.wijk_a, date(2025, 3, 1))
    voor = _vraag(org, makelaar, org.wijk_a, date(2024, 12, 20))
    _vraag(org, makelaar, org.wijk_a, date(2025, 4, 2))
    _match(a1, makelaar, date(2025, 1, 10))     # 4 days
    _match(a2, makelaar, date(2025, 2, 11))     # 10 days
    _match(voor, makelaar, date(2025, 1, 9))    # 20 days: request before the period, match inside it
    _match(a3, makelaar, date(2025, 4, 5))      # accepted after the period: not counted
    # wijk_a2 (also gebied A): 1 request, matched after 7 days
    b1 = _vraag(org, makelaar, wijk_a2, date(2025, 2, 10))
    _match(b1, makelaar, date(2025, 2, 17))
    # wijk_b (gebied B): 2 requests, no match
    _vraag(org, makelaar, org.wijk_b, date(2025, 1, 15))
    _vraag(org, makelaar, org.wijk_b, date(2025, 3, 31))
    # volunteers registered on TOT: 2 in wijk_a (one inactive), 1 in wijk_b
    VrijwilligerFactory(wijk=org.wijk_a, aangemeld_op=date(2024, 5, 1))
    VrijwilligerFactory(wijk=org.wijk_a, aangemeld_op=date(2024, 5, 1), actief=False)
    VrijwilligerFactory(wijk=org.wijk_b, aangemeld_op=date(2025, 3, 31))

    # mantelzorg: 2 carers in wijk_a (one with support twice in the period, one overbelast), 1 in wijk_b (support
    # before the period only)
    d1 = maak_dossier(org, naam="Familie Een")
    d2 = maak_dossier(org, wijk=org.wijk_b, team=org.team_b, naam="Familie Twee")
    m1 = mantelzorg.registreer_mantelzorger(door=d1.regisseur, persoon=d1.persoon, zorgt_voor="partner",
                                            uren_per_week=10, sinds=date(2024, 1, 1))
    m2 = mantelzorg.registreer_mantelzorger(door=d1.regisseur, netwerklid=d1.netwerklid, zorgt_voor="buurvrouw",
                                            uren_per_week=4, sinds=date(2025, 2, 1))
    m3 = mantelzorg.registreer_mantelzorger(door=d2.regisseur, persoon=d2.persoon, zorgt_voor="zoon",
                                            uren_per_week=30, sinds=date(2023, 1, 1))
    mantelzorg.registreer_steun(mantelzorger=m1, door=d1.regisseur, soort="respijtzorg", datum=date(2025, 1, 20))
    mantelzorg.registreer_steun(mantelzorger=m1, door=d1.regisseur, soort="lotgenotencontact",
                                datum=date(2025, 3, 20))
    mantelzorg.registreer_steun(mantelzorger=m3, door=d2.regisseur, soort="mantelzorgwaardering",
                                datum=date(2024, 11, 10))
    mantelzorg.neem_belastingcheck_af(mantelzorger=m2, door=d1.regisseur, datum=date(2025, 3, 1),
                                      antwoorden={"tijd": 3, "gezondheid": 3, "druk": 3, "combinatie": 3,
                                                  "vermoeid": 3})
    # activities: 2 in wijk_a (reach 12 + 30), 1 for all of gebied B (reach 50), 1 outside the period
    door = org.mensen["teamlid"]
    for wijk, gebied, start, bereik in [(org.wijk_a, None, date(2025, 1, 15), 12), (org.wijk_a, None,
                                        date(2025, 3, 1), 30), (None, org.gebied_b, date(2025, 2, 1), 50),
                                        (org.wijk_a, None, date(2025, 6, 1), 99)]:
        services.registreer_activiteit(door=door, wijk=wijk, gebied=gebied, soort="ontmoeting", titel="x",
                                       startdatum=start, bereik=bereik)
    # complaints: 2 about team A (one with the household in wijk_a), 1 about gebied B, 1 outside the period
    coord = org.mensen["coordinator_eigen_gebied"]
    services.registreer_klacht(door=coord, ontvangen_op=date(2025, 1, 8), onderwerp="x", team=org.team_a,
                               huishouden=d1.huishouden)
    services.registreer_klacht(door=coord, ontvangen_op=date(2025, 2, 8), onderwerp="x", team=org.team_a)
    services.registreer_klacht(door=coord, ontvangen_op=date(2025, 3, 8), onderwerp="x", gebied=org.gebied_b)
    services.registreer_klacht(door=coord, ontvangen_op=date(2024, 3, 8), onderwerp="x", gebied=org.gebied_b)
    return wijk_a2


def test_tellingen_per_wijk_met_de_hand_nagerekend(org, gegevens):
    wijk_a2 = gegevens
    t = tellingen.tellingen_per_wijk(org.gemeente, VAN, TOT)
    assert t[org.wijk_a.pk] == {
        "hulpvragen": 3, "koppelingen": 3, "mediaan_dagen_tot_koppeling": 10.0, "dagen_tot_koppeling_som": 34,
        "mantelzorgers": 2, "mantelzorgers_met_steun": 1, "mantelzorgers_overbelast": 1, "vrijwilligers": 1,
        "activiteiten": 2, "bereik": 42, "klachten": 1}
    assert t[wijk_a2.pk] == {
        "hulpvragen": 1, "koppelingen": 1, "mediaan_dagen_tot_koppeling": 7.0, "dagen_tot_koppeling_som": 7,
        "mantelzorgers": 0, "mantelzorgers_met_steun": 0, "mantelzorgers_overbelast": 0, "vrijwilligers": 0,
        "activiteiten": 0, "bereik": 0, "klachten": 0}
    assert t[org.wijk_b.pk] == {
        "hulpvragen": 2, "koppelingen": 0, "mediaan_dagen_tot_koppeling": None, "dagen_tot_koppeling_som": 0,
        "mantelzorgers": 1, "mantelzorgers_met_steun": 0, "mantelzorgers_overbelast": 0, "vrijwilligers": 1,
        "activiteiten": 0, "bereik": 0, "klachten": 0}
    assert set(t) == set(org.gemeente.wijken.values_list("pk", flat=True))  # no wijk of another gemeente


def test_tellingen_per_gebied_met_de_hand_nagerekend(org, gegevens):
    t = tellingen.tellingen_per_gebied(org.gemeente, VAN, TOT)
    a, b = t[org.gebied_a.pk], t[org.gebied_b.pk]
    # gebied A = wijk_a + wijk_a2: matches after 4, 10, 20 and 7 days → median (7+10)/2 = 8.5
    assert (a["hulpvragen"], a["koppelingen"], a["mediaan_dagen_tot_koppeling"], a["dagen_tot_koppeling_som"]) == (
        4, 4, 8.5, 41)
    assert (a["activiteiten"], a["bereik"], a["klachten"], a["mantelzorgers_met_steun"]) == (2, 42, 2, 1)
    assert (b["hulpvragen"], b["koppelingen"], b["activiteiten"], b["bereik"], b["klachten"]) == (2, 0, 1, 50, 1)
    assert tellingen.totalen(t)["hulpvragen"] == 6


def test_cijferpagina_en_api_tonen_dezelfde_getallen(client, org, gegevens, django_assert_max_num_queries):
    client.force_login(org.mensen["beleidsmedewerker"])
    url = reverse("gemeenschap:cijfers") + "?van=2025-01-01&tot=2025-03-31"
    with django_assert_max_num_queries(30):
        inhoud = client.get(url).content.decode()
    assert "Per wijk" in inhoud and "&lt; 5" in inhoud  # small numbers suppressed
    api = client.get("/api/v1/gemeenschap-tellingen/?van=2025-01-01&tot=2025-03-31").json()
    # issue 14: the API publishes suppressed counts too (3 → "< 5"; the median on 4 matches is hidden)
    assert api["per_wijk"][str(org.wijk_a.pk)]["hulpvragen"] == "< 5"
    assert api["per_gebied"][str(org.gebied_a.pk)]["mediaan_dagen_tot_koppeling"] is None
    assert api["per_gebied"][str(org.gebied_b.pk)]["bereik"] == 50
    vrij = client.get("/api/v1/gemeenschap-tellingen/?van=2025-01-01&tot=2025-01-01")  # a single day
    assert vrij.status_code == 400 and "kwartaal, halfjaar of jaar" in vrij.json()["tot"][0]
    fout = client.get("/api/v1/gemeenschap-tellingen/?van=2025-03-01&tot=2025-01-01")
    assert fout.status_code == 400 and fout.json()["tot"] == ["De einddatum ligt vóór de startdatum."]
    antwoord = client.get(reverse("gemeenschap:cijfers") + "?van=2025-03-01&tot=2025-01-01")
    assert antwoord.status_code == 400 and "De einddatum ligt vóór de startdatum." in antwoord.content.decode()


def test_cijfers_niet_voor_teamlid(client, org):
    client.force_login(org.mensen["teamlid"])
    assert client.get(reverse("gemeenschap:cijfers")).status_code == 404
    assert client.get("/api/v1/gemeenschap-tellingen/").status_code == 403
