"""Mijn huishoudens sorts by its column headers (issue 16): ?sorteer= from a whitelist, nonsense → the default order
(soonest evaluation first), aria-sort on the sorted header, the pages keep the order, the query pin stays."""

import re
from datetime import date

from django.urls import reverse

from huishoudens.models import Traject
from tests.huishoudens.factories import maak_dossier

URL = reverse("huishoudens:mijn")


def _namen(html):
    return re.findall(r">(Familie \w+)</a>", html)


def test_mijn_huishoudens_sorteren(client, org, django_assert_max_num_queries):
    teamlid = org.mensen["teamlid"]
    for naam, evaluatie in (("Familie Bakker", date(2026, 5, 1)), ("Familie Aydin", date(2026, 9, 1)),
                            ("Familie Zwart", date(2026, 3, 1))):
        h = maak_dossier(org, regisseur=teamlid, naam=naam)
        Traject.objects.filter(huishouden=h).update(volgende_evaluatie=evaluatie)
    client.force_login(teamlid)

    html = client.get(URL).content.decode()
    assert _namen(html) == ["Familie Zwart", "Familie Bakker", "Familie Aydin"]  # soonest evaluation first
    assert re.search(r'<th scope="col" aria-sort="ascending"><a href="\?sorteer=-evaluatie" class="sorteerkop">'
                     r'Volgende evaluatie', html)
    with django_assert_max_num_queries(9):  # as pinned in test_paginas
        html = client.get(URL, {"sorteer": "huishouden"}).content.decode()
    assert _namen(html) == ["Familie Aydin", "Familie Bakker", "Familie Zwart"]
    assert re.search(r'<th scope="col" aria-sort="ascending"><a href="\?sorteer=-huishouden"', html)
    assert 'aria-sort="ascending"><a href="?sorteer=-evaluatie"' not in html
    html = client.get(URL, {"sorteer": "-huishouden"}).content.decode()
    assert _namen(html) == ["Familie Zwart", "Familie Bakker", "Familie Aydin"]
    assert 'aria-sort="descending"' in html and "▼" in html
    for onzin in ("onzin", "huishouden__personen__bsn", "-"):
        antwoord = client.get(URL, {"sorteer": onzin})
        assert antwoord.status_code == 200
        assert _namen(antwoord.content.decode()) == ["Familie Zwart", "Familie Bakker", "Familie Aydin"]


def test_paginas_houden_de_sortering(client, org, monkeypatch):
    monkeypatch.setattr("huishoudens.views.lijsten.PAGINA", 2)
    teamlid = org.mensen["teamlid"]
    for naam in ("Familie Bakker", "Familie Aydin", "Familie Zwart"):
        maak_dossier(org, regisseur=teamlid, naam=naam)
    client.force_login(teamlid)
    html = client.get(URL, {"sorteer": "-huishouden"}).content.decode()
    assert _namen(html) == ["Familie Zwart", "Familie Bakker"]
    assert '<a href="?sorteer=-huishouden&amp;pagina=2">Volgende</a>' in html
    html = client.get(URL, {"sorteer": "-huishouden", "pagina": 2}).content.decode()
    assert _namen(html) == ["Familie Aydin"] and "?sorteer=-huishouden&amp;pagina=1" in html


def test_mijn_huishoudens_niet_voor_beleid(client, org):
    client.force_login(org.mensen["beleidsmedewerker"])
    assert client.get(URL, {"sorteer": "huishouden"}).status_code == 404
