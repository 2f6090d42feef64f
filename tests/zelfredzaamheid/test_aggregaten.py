"""Monitor aggregates checked against numbers computed by hand on a small fixture; versions never mixed;
"niet van toepassing" / "niet gescoord" never count; query count independent of the number of persons;
the eindmeting check on closing a traject."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from huishoudens.models import Persoon
from zelfredzaamheid import services
from zelfredzaamheid.registratie import controleer_eindmeting
from zelfredzaamheid.selectors import versies_in_periode, zrm_aggregaten, zrm_aggregaten_per_periode

from .conftest import maak_huishouden
from .factories import antwoorden

Q1 = {"van": date(2025, 1, 1), "tot": date(2025, 3, 31)}


def m(persoon, door, datum, soort="evaluatie", *, fin=None, sn=None, jus=None, definitief=True, versie=None, **extra):
    invoer = antwoorden(versie, None, financien=fin, sociaal_netwerk=sn, justitie=jus, **extra)
    return services.registreer_meting(huishouden=persoon.huishouden, persoon=persoon, door=door, datum=datum,
                                      soort=soort, antwoorden=invoer, definitief=definitief, versie=versie)


@pytest.fixture
def fixture(org, versie, oude_versie):
    coord = org.mensen["coordinator_eigen_gebied"]
    _ha, _ta, (a1, a2, a3, a4, a5) = maak_huishouden(org, team=org.team_a, personen=5, door=coord)
    _hb, _tb, (b1, b2) = maak_huishouden(org, team=org.team_b, personen=2, naam="Familie Bakker",
                                         door=org.mensen["coordinator_ander_gebied"])
    _hx, _tx, (x1,) = maak_huishouden(org, team=org.team_ander, personen=1, naam="Familie Anders",
                                      door=org.mensen["coordinator_andere_gemeente"])
    ta, tb = org.mensen["teamlid"], org.mensen["medewerker_ander_team"]
    m(a1, ta, date(2024, 10, 1), "intake", fin=1, sn=2, jus=3)
    m(a1, ta, date(2025, 2, 1), fin=3, sn=2, jus="nvt")
    m(a1, ta, date(2025, 3, 15), fin=4, sn=3, jus=None)
    m(a2, ta, date(2025, 1, 20), "intake", fin=2, sn="nvt", jus=5)
    m(a3, ta, date(2025, 2, 10), "intake", fin=5, sn=1, jus=4)
    m(a3, ta, date(2025, 3, 1), fin=1, sn=1, jus=1, definitief=False)  # a draft never counts
    m(a4, ta, date(2025, 4, 5), "intake", fin=1, sn=1)  # after the period
    m(a4, ta, date(2025, 2, 1), "intake", versie=oude_versie, fin=2, sn=4)  # the other version
    fout = m(a5, ta, date(2025, 1, 5), "intake", fin=2, sn=4)
    services.corrigeer_meting(meting=fout, door=ta, reden="Verkeerd gescoord",
                              antwoorden=antwoorden(None, None, financien=3, sociaal_netwerk=4))
    m(a5, ta, date(2025, 3, 1), fin=4, sn=5)
    m(b1, tb, date(2024, 12, 1), "intake", fin=2, sn=2)
    m(b1, tb, date(2025, 3, 1), fin=2, sn=1)
    m(b2, tb, date(2025, 1, 15), "intake")  # nothing scored
    m(x1, org.mensen["medewerker_andere_gemeente"], date(2025, 2, 1), "intake", fin=1, sn=1)
    return org


def domein(rij, code):
    return next(d for d in rij["domeinen"] if d["code"] == code)


def test_per_gebied_met_de_hand_nagerekend(fixture):
    rijen = zrm_aggregaten(gemeente=fixture.gemeente, niveau="gebied", **Q1)
    assert [r["naam"] for r in rijen] == ["Bolnes/Slikkerveer", "Centrum/Oost/West"]
    a, b = rijen
    assert a["id"] == fixture.gebied_a.pk and a["versie"] == "2017"
    assert a["personen"] == 4
    assert a["weinig_kracht"] == {"teller": 2, "noemer": 4}
    assert a["onvoldoende_contacten"] == {"teller": 1, "noemer": 3}
    assert domein(a, "financien")["gemiddelde"] == pytest.approx(3.75) and domein(a, "financien")["aantal"] == 4
    assert domein(a, "sociaal_netwerk")["gemiddelde"] == pytest.approx(3.0)
    assert domein(a, "sociaal_netwerk")["aantal"] == 3  # "niet van toepassing" left out, not a zero
    assert domein(a, "justitie")["gemiddelde"] == pytest.approx(4.5) and domein(a, "justitie")["aantal"] == 2
    assert domein(a, "huisvesting")["gemiddelde"] is None and domein(a, "huisvesting")["aantal"] == 0
    assert a["personen_met_verandering"] == 2
    assert domein(a, "financien")["verandering"] == pytest.approx(2.0)
    assert domein(a, "financien")["aantal_verandering"] == 2
    assert domein(a, "sociaal_netwerk")["verandering"] == pytest.approx(1.0)
    assert domein(a, "justitie")["verandering"] is None and domein(a, "justitie")["aantal_verandering"] == 0

    assert b["personen"] == 2
    assert b["weinig_kracht"] == {"teller": 1, "noemer": 1}
    assert b["onvoldoende_contacten"] == {"teller": 1, "noemer": 1}
    assert domein(b, "financien")["gemiddelde"] == pytest.approx(2.0)
    assert b["personen_met_verandering"] == 1
    assert domein(b, "financien")["verandering"] == pytest.approx(0.0)
    assert domein(b, "sociaal_netwerk")["verandering"] == pytest.approx(-1.0)


def test_per_gemeente_en_per_team(fixture):
    (g,) = zrm_aggregaten(gemeente=fixture.gemeente, niveau="gemeente", **Q1)
    assert g["naam"] == "Ridderkerk" and g["personen"] == 6
    assert g["weinig_kracht"] == {"teller": 3, "noemer": 5}
    assert g["onvoldoende_contacten"] == {"teller": 2, "noemer": 4}
    assert domein(g, "financien")["gemiddelde"] == pytest.approx(3.4)
    assert domein(g, "sociaal_netwerk")["gemiddelde"] == pytest.approx(2.5)
    assert g["personen_met_verandering"] == 3
    assert domein(g, "financien")["verandering"] == pytest.approx(4 / 3)
    assert domein(g, "sociaal_netwerk")["verandering"] == pytest.approx(1 / 3)
    teams = {r["id"]: r for r in zrm_aggregaten(gemeente=fixture.gemeente, niveau="team", **Q1)}
    assert set(teams) == {fixture.team_a.pk, fixture.team_b.pk}
    assert teams[fixture.team_a.pk]["personen"] == 4 and teams[fixture.team_b.pk]["personen"] == 2


def test_versies_worden_niet_gemengd(fixture):
    assert [v.code for v in versies_in_periode(gemeente=fixture.gemeente, **Q1)] == ["2017", "2013"]
    (a,) = zrm_aggregaten(gemeente=fixture.gemeente, niveau="gebied", versie="2013", **Q1)
    assert a["versie"] == "2013" and a["personen"] == 1 and len(a["domeinen"]) == 11
    assert domein(a, "financien")["gemiddelde"] == pytest.approx(2.0)
    assert a["onvoldoende_contacten"] == {"teller": 0, "noemer": 1}


def test_andere_gemeente_apart(fixture):
    (x,) = zrm_aggregaten(gemeente=fixture.andere_gemeente, niveau="gemeente", **Q1)
    assert x["personen"] == 1 and x["weinig_kracht"]["teller"] == 1


def test_per_periode(fixture):
    q4 = (date(2024, 10, 1), date(2024, 12, 31))
    uitkomst = zrm_aggregaten_per_periode(gemeente=fixture.gemeente, niveau="gemeente",
                                          perioden=[q4, (Q1["van"], Q1["tot"])])
    assert uitkomst[q4][0]["personen"] == 2  # a1 and b1
    assert uitkomst[q4][0]["personen_met_verandering"] == 0
    assert uitkomst[(Q1["van"], Q1["tot"])][0]["personen"] == 6


def test_onbekend_niveau(fixture):
    with pytest.raises(ValueError, match="Onbekend niveau"):
        zrm_aggregaten(gemeente=fixture.gemeente, niveau="wijk", **Q1)


def test_aantal_queries_hangt_niet_af_van_aantal_personen(fixture):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as voor:
        zrm_aggregaten(gemeente=fixture.gemeente, niveau="gebied", **Q1)
    ta = fixture.mensen["teamlid"]
    huishouden = Persoon.objects.filter(huishouden__naam="Familie Jansen").first().huishouden
    for i in range(15):
        p = Persoon.objects.create(huishouden=huishouden, voornamen=f"Extra{i}", achternaam="Jansen",
                                   geboortedatum=date(1990, 1, 1))
        m(p, ta, date(2025, 1, 10), "intake", fin=2, sn=2)
        m(p, ta, date(2025, 3, 10), fin=3, sn=3)
    with CaptureQueriesContext(connection) as na:
        rijen = zrm_aggregaten(gemeente=fixture.gemeente, niveau="gebied", **Q1)
    assert rijen[0]["personen"] == 19
    assert len(na.captured_queries) == len(voor.captured_queries) <= 6


def test_afsluiten_vraagt_eindmeting(fixture):
    org = fixture
    ta = org.mensen["teamlid"]
    _h, traject, (p, q) = maak_huishouden(org, team=org.team_a, personen=2, naam="Familie Visser",
                                          door=org.mensen["coordinator_eigen_gebied"])
    with pytest.raises(ValidationError, match="nog geen eindmeting"):
        controleer_eindmeting(traject, {})
    controleer_eindmeting(traject, {"reden_geen_eindmeting": "Bewoner verhuisd"})  # a reason suffices
    m(p, ta, date(2025, 2, 1), "intake", fin=2)
    m(q, ta, date(2025, 2, 1), "intake", fin=2)
    m(p, ta, date(2025, 3, 1), "afsluiting", fin=4)
    with pytest.raises(ValidationError) as fout:
        controleer_eindmeting(traject, {"reden_geen_eindmeting": "  "})
    assert q.voornamen in fout.value.messages[0] and p.voornamen + "," not in fout.value.messages[0]
    m(q, ta, date(2025, 3, 1), "afsluiting", fin=3)
    controleer_eindmeting(traject, {})
