"""Sortable columns in the werkvoorraad (issue 16): ?sorteer= (meldingen) and ?hsorteer= (households) from a
whitelist, the headers as links that keep the filters, aria-sort on the sorted one; nonsense → the default order
with the filters kept, never a 500; the pinned query count stays."""

import re

import pytest

from tests.huishoudens.factories import maak_dossier
from tests.toegang_melding.factories import maak_huishouden, melding
from toegang.melding import services

pytestmark = pytest.mark.django_db
URL = "/toegang/werkvoorraad/"


def _volgorde(html, *teksten):
    return sorted(teksten, key=html.index)


def _kop(html, naam):
    return re.search(rf'<th scope="col"[^>]*><a href="[^"]*" class="sorteerkop">{naam} .*?</th>', html).group(0)


def test_meldingen_sorteren_op_kolom_met_filters_en_aria_sort(client, org):
    teamlid = org.mensen["teamlid"]
    normaal = melding(maak_huishouden(org.wijk_a, naam="Familie Normaal"), leefgebieden=["financien"])
    spoed = melding(maak_huishouden(org.wijk_a, naam="Familie Spoed"), leefgebieden=["financien"], urgentie="spoed")
    hoog = melding(maak_huishouden(org.wijk_a, naam="Familie Hoog"), leefgebieden=["financien"], urgentie="hoog")
    anders = melding(maak_huishouden(org.wijk_a, naam="Familie Justitie"), leefgebieden=["justitie"])
    client.force_login(teamlid)

    html = client.get(URL, {"weergave": "team", "leefgebied": "financien"}).content.decode()
    # the default order (deadline) is the sorted header; the others are links that keep the filters
    assert 'aria-sort="ascending"' in _kop(html, "Onderzoek uiterlijk")
    urgentie = _kop(html, "Urgentie")
    assert "aria-sort" not in urgentie
    assert 'href="?weergave=team&amp;leefgebied=financien&amp;sorteer=urgentie"' in urgentie

    nummers = [m.ontvangstnummer for m in (normaal, spoed, hoog)]
    html = client.get(URL, {"weergave": "team", "leefgebied": "financien", "sorteer": "urgentie"}).content.decode()
    assert _volgorde(html, *nummers) == [spoed.ontvangstnummer, hoog.ontvangstnummer, normaal.ontvangstnummer]
    assert anders.ontvangstnummer not in html  # the filter stays
    assert 'aria-sort="ascending"' in _kop(html, "Urgentie") and "sorteer=-urgentie" in _kop(html, "Urgentie")
    assert "aria-sort" not in _kop(html, "Onderzoek uiterlijk")
    html = client.get(URL, {"weergave": "team", "leefgebied": "financien", "sorteer": "-urgentie"}).content.decode()
    assert _volgorde(html, *nummers) == [normaal.ontvangstnummer, hoog.ontvangstnummer, spoed.ontvangstnummer]
    assert 'aria-sort="descending"' in _kop(html, "Urgentie") and "▼" in _kop(html, "Urgentie")
    html = client.get(URL, {"weergave": "team", "sorteer": "-nummer"}).content.decode()
    alle = sorted([*nummers, anders.ontvangstnummer], reverse=True)
    assert _volgorde(html, *alle) == alle

    # an order not in the whitelist: the default order, the other filters still applied, no 500
    for onzin in ("onzin", "-huishouden__bsn", "ontvangen_op", "'; drop"):
        antwoord = client.get(URL, {"weergave": "team", "leefgebied": "justitie", "sorteer": onzin,
                                    "hsorteer": onzin})
        html = antwoord.content.decode()
        assert antwoord.status_code == 200 and anders.ontvangstnummer in html and spoed.ontvangstnummer not in html
        assert 'aria-sort="ascending"' in _kop(html, "Onderzoek uiterlijk")
        assert 'aria-sort="ascending"' in _kop(html, "Volgende evaluatie")


def test_huishoudens_sorteren_op_naam_met_eigen_parameter(client, org):
    teamlid = org.mensen["teamlid"]
    for naam in ("Familie Bakker", "Familie Aydin", "Familie Zwart"):
        maak_dossier(org, regisseur=teamlid, naam=naam)
    client.force_login(teamlid)
    html = client.get(URL, {"hsorteer": "huishouden", "sorteer": "-ontvangen"}).content.decode()
    tabel = html[html.index('id="huishoudens-kop"'):]
    assert _volgorde(tabel, "Familie Zwart", "Familie Aydin", "Familie Bakker") == [
        "Familie Aydin", "Familie Bakker", "Familie Zwart"]
    kop = _kop(html, "Huishouden")
    assert 'aria-sort="ascending"' in kop and "sorteer=-ontvangen" in kop and "hsorteer=-huishouden" in kop
    tabel = client.get(URL, {"hsorteer": "-huishouden"}).content.decode()
    tabel = tabel[tabel.index('id="huishoudens-kop"'):]
    assert _volgorde(tabel, "Familie Zwart", "Familie Aydin", "Familie Bakker") == [
        "Familie Zwart", "Familie Bakker", "Familie Aydin"]


def test_sorteren_kost_geen_extra_queries(client, org, django_assert_max_num_queries):
    """As pinned in test_werkvoorraad (11 for a medewerker, 12 for a coördinator), in any order."""
    teamlid = org.mensen["teamlid_jgt"]
    for _ in range(3):
        services.pak_melding_op(melding=melding(maak_huishouden(org.wijk_a, kind=True)), door=teamlid)
        maak_dossier(org, team=org.team_a_jgt, regisseur=teamlid)
    for wie, aantal in ((teamlid, 11), (org.mensen["coordinator_eigen_gebied"], 12)):
        client.force_login(wie)
        client.get(URL)
        for sorteer, hsorteer in (("urgentie", "-huishouden"), ("-nummer", "aangemeld"), ("onzin", "onzin")):
            with django_assert_max_num_queries(aantal):
                assert client.get(URL, {"sorteer": sorteer, "hsorteer": hsorteer}).status_code == 200
