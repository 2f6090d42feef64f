"""The ZRM per team and gebied for coördinatoren: the distribution over the five levels per domain at intake and at
the latest measurement in a quarter, counted by hand; small counts suppressed (and what would give them away);
no personal data; only coördinatoren and beleidsmedewerkers of the gemeente."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from zelfredzaamheid import services
from zelfredzaamheid.forms import _kwartalen
from zelfredzaamheid.selectors import zrm_verdeling, zrm_verdeling_voor

from .conftest import maak_huishouden
from .factories import antwoorden

VERBORGEN = ("< 5", "×")


def _meting(persoon, door, datum, soort, fin):
    return services.registreer_meting(huishouden=persoon.huishouden, persoon=persoon, door=door, datum=datum,
                                      soort=soort, antwoorden=antwoorden(None, None, financien=fin), definitief=True)


@pytest.fixture
def kwartaal(db):
    """The previous quarter: (value for the form, van, tot)."""
    waarde, _label, van, tot = _kwartalen(timezone.localdate())[1]
    return waarde, van, tot


@pytest.fixture
def cijfers(org, versie, kwartaal):
    """Team A: seven persons, intake financiën 1 (five) or 2 (two), latest 3 (six) or 4 (one). Team B: one person
    with only an intake (financiën 2) in the quarter. The other gemeente: one person."""
    _waarde, van, _tot = kwartaal
    coord = org.mensen["coordinator_eigen_gebied"]
    _h, _t, team_a = maak_huishouden(org, team=org.team_a, personen=7, door=coord)
    for i, p in enumerate(team_a):
        _meting(p, org.mensen["teamlid"], van - timedelta(days=40), "intake", 1 if i < 5 else 2)
        _meting(p, org.mensen["teamlid"], van + timedelta(days=10), "evaluatie", 3 if i < 6 else 4)
    _h, _t, (b1,) = maak_huishouden(org, team=org.team_b, personen=1, naam="Familie Bakker",
                                    door=org.mensen["coordinator_ander_gebied"])
    _meting(b1, org.mensen["medewerker_ander_team"], van + timedelta(days=5), "intake", 2)
    _h, _t, (x1,) = maak_huishouden(org, team=org.team_ander, personen=1, naam="Familie Anders",
                                    door=org.mensen["coordinator_andere_gemeente"])
    _meting(x1, org.mensen["medewerker_andere_gemeente"], van + timedelta(days=5), "intake", 1)
    return org


def _fin(groep):
    return next(d for d in groep["domeinen"] if d["code"] == "financien")


def test_verdeling_met_de_hand_nagerekend(cijfers, kwartaal):
    _w, van, tot = kwartaal
    groepen = {(g["gebied_id"], g["team_id"]): g for g in zrm_verdeling(gemeente=cijfers.gemeente, van=van, tot=tot)}
    a, b = cijfers.gebied_a.pk, cijfers.gebied_b.pk
    assert set(groepen) == {(a, None), (a, cijfers.team_a.pk), (b, None), (b, cijfers.team_b.pk)}
    for sleutel in ((a, None), (a, cijfers.team_a.pk)):
        fin = _fin(groepen[sleutel])
        assert fin["intake"] == {1: 5, 2: 2, 3: 0, 4: 0, 5: 0}
        assert fin["laatste"] == {1: 0, 2: 0, 3: 6, 4: 1, 5: 0}
    # one measurement in the quarter, the intake itself: it is both
    fin_b = _fin(groepen[(b, cijfers.team_b.pk)])
    assert fin_b["intake"] == fin_b["laatste"] == {1: 0, 2: 1, 3: 0, 4: 0, 5: 0}
    # unscored domains count nowhere
    assert all(sum(d["intake"].values()) == 0 for d in groepen[(a, None)]["domeinen"] if d["code"] != "financien")
    assert groepen[(a, cijfers.team_a.pk)]["naam"] == cijfers.team_a.naam


def test_kleine_aantallen_onderdrukt_en_niet_af_te_leiden(cijfers, kwartaal):
    _w, van, tot = kwartaal
    groepen = zrm_verdeling_voor(cijfers.mensen["coordinator_eigen_gebied"], van=van, tot=tot)
    gebied_a = next(g for g in groepen if g["gebied_id"] == cijfers.gebied_a.pk and g["team_id"] is None)
    intake, laatste = _fin(gebied_a)["intake"], _fin(gebied_a)["laatste"]
    # intake: 5 on level 1 and 2 on level 2 of 7; the API's mean score with the total would solve a row with two
    # hidden levels, so a row with a hidden level hides all its levels
    assert intake["scores"][0] == "×" and intake["scores"][1] == "< 5" and intake["totaal"] == 7
    # latest: 6 on level 3 and 1 on level 4 of 7; the 6 beside the total would give the 1 away, so it is hidden too;
    # and the total: the API publishes the gemeente's (8), minus gebied A's 7 that would give gebied B's 1
    assert laatste["scores"][3] == "< 5" and laatste["scores"][2] == "×" and laatste["totaal"] == "×"
    # a total and four visible levels would give the fifth away: at least one more cell is hidden in each row
    for rij in (intake, laatste):
        assert sum(1 for n in rij["scores"] if n in VERBORGEN) >= 2
        assert all(n in VERBORGEN for n in rij["scores"] if n)
    for g in groepen:
        for d in g["domeinen"]:
            for moment in ("intake", "laatste"):
                assert not any(n in (1, 2, 3, 4) for n in [*d[moment]["scores"], d[moment]["totaal"]])


def test_alleen_hele_kwartalen_en_alleen_wie_de_cijfers_mag_zien(cijfers, kwartaal):
    _w, van, tot = kwartaal
    with pytest.raises(ValueError):
        zrm_verdeling_voor(cijfers.mensen["coordinator_eigen_gebied"], van=van + timedelta(days=1), tot=tot)
    with pytest.raises(PermissionDenied):
        zrm_verdeling_voor(cijfers.mensen["teamlid"], van=van, tot=tot)


@pytest.mark.parametrize("wie", ["coordinator_eigen_gebied", "beleidsmedewerker"])
def test_pagina_per_gebied_en_per_team(client, cijfers, kwartaal, wie, django_assert_max_num_queries):
    waarde, _van, _tot = kwartaal
    client.force_login(cijfers.mensen[wie])
    url = reverse("zelfredzaamheid:verdeling")
    with django_assert_max_num_queries(14):
        antwoord = client.get(url, {"periode": waarde, "niveau": "gebied"})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "<h3 id=\"groep-1\">Bolnes/Slikkerveer</h3>" in html and "Centrum/Oost/West" in html
    assert "<caption>" in html and "Bij intake" in html and "Laatste meting" in html
    # no personal data, nothing of the other gemeente
    for naam in ("Jansen", "Bakker", "Anders", "Kerkweg", "Alblasserdam"):
        assert naam not in html
    with django_assert_max_num_queries(14):
        antwoord = client.get(url, {"periode": waarde, "niveau": "team"})
    html = antwoord.content.decode()
    assert cijfers.team_a.naam in html and cijfers.team_b.naam in html
    assert "<h3 id=\"groep-1\">Bolnes/Slikkerveer</h3>" not in html


def test_zonder_keuze_het_huidige_kwartaal_en_een_fout_kwartaal_geeft_een_nederlandse_melding(client, cijfers):
    client.force_login(cijfers.mensen["coordinator_eigen_gebied"])
    url = reverse("zelfredzaamheid:verdeling")
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    assert "In dit kwartaal zijn er geen definitieve ZRM-metingen." in antwoord.content.decode()
    antwoord = client.get(url, {"periode": "1999-1", "niveau": "wijk"})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Kies een kwartaal uit de lijst." in html and "Kies per gebied of per team." in html


@pytest.mark.parametrize("wie", ["teamlid", "lzn", "beheer", "sociaal_makelaar", "bestuurstafel"])
def test_andere_rollen_krijgen_403(client, org, wie):
    client.force_login(org.mensen[wie])
    assert client.get(reverse("zelfredzaamheid:verdeling")).status_code == 403


def test_menu_ingang_voor_coordinator_niet_voor_medewerker(client, org):
    url = reverse("zelfredzaamheid:verdeling")
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    assert url in [i["url"] for i in client.get(reverse("start")).context["menu"]]
    client.force_login(org.mensen["teamlid"])
    assert url not in [i["url"] for i in client.get(reverse("start")).context["menu"]]
