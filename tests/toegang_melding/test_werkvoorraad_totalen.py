"""The werkvoorraad's list totals (issue 15, scale): without filters other than the status they come from the
summary's counts (the page query then reads only the page's rows); the figures stay what the lists hold, also
for the gebied view (its meldingen through the ids of the gebied's teams) and on a page past the end."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.toegang_melding.factories import maak_huishouden, melding
from toegang.melding import selectors, services
from toegang.melding.werkvoorraad import PER_PAGINA, _pagina
from toegang.models import Melding

pytestmark = pytest.mark.django_db
URL = "/toegang/werkvoorraad/"


def _aantallen(inhoud):
    """The totals beside the two headings: (meldingen, huishoudens)."""
    return tuple(int(n) for n in re.findall(r'<span class="aantal">\((\d+)\)</span>', inhoud))


def test_totalen_gelijk_aan_de_lijsten_in_elke_weergave(client, org):
    teamlid = org.mensen["teamlid_jgt"]
    for _ in range(PER_PAGINA + 2):
        melding(maak_huishouden(org.wijk_a), leefgebieden=["financien"])
    for _ in range(3):
        m = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=["financien", "opvoeding", "justitie"])
        services.pak_melding_op(melding=m, door=teamlid)
    melding(maak_huishouden(org.wijk_b), leefgebieden=["financien"])  # another gebied
    coord = org.mensen["coordinator_eigen_gebied"]
    for wie, weergave in ((coord, "gebied"), (teamlid, "team"), (teamlid, "mijn")):
        client.force_login(wie)
        bereik = selectors.bereik_van(wie)
        for status in ("open", "alle", "nieuw", "gekoppeld", "afgehandeld"):
            verwacht = selectors.werkvoorraad_meldingen(bereik, weergave=weergave, status=status).count()
            trajecten = selectors.werkvoorraad_trajecten(bereik, weergave=weergave).count()
            inhoud = client.get(URL, {"weergave": weergave, "status": status}).content.decode()
            assert _aantallen(inhoud) == (verwacht, trajecten), (weergave, status)
        # with another filter the total is counted by the list's own query, as before
        verwacht = selectors.werkvoorraad_meldingen(bereik, weergave=weergave, leefgebied="justitie").count()
        inhoud = client.get(URL, {"weergave": weergave, "leefgebied": "justitie"}).content.decode()
        assert _aantallen(inhoud)[0] == verwacht
    # the gebied view: every open melding of the coördinator's gebied, none of another gebied
    bereik = selectors.bereik_van(coord)
    in_gebied = Melding.objects.filter(team__gebied_id__in=bereik.gebied_ids,
                                       status__in=["nieuw", "in_behandeling", "gekoppeld"])
    client.force_login(coord)
    inhoud = client.get(URL, {"weergave": "gebied"}).content.decode()
    assert _aantallen(inhoud)[0] == in_gebied.count() == PER_PAGINA + 2 + 3
    assert "Pagina 1 van 2" in inhoud


def test_pagina_voorbij_het_einde_toont_de_laatste(client, org):
    nummers = [melding(maak_huishouden(org.wijk_a), leefgebieden=["financien"]).ontvangstnummer
               for _ in range(PER_PAGINA + 1)]
    client.force_login(org.mensen["teamlid"])
    inhoud = client.get(URL, {"weergave": "team", "pagina": 99}).content.decode()
    assert "Pagina 2 van 2" in inhoud and _aantallen(inhoud)[0] == PER_PAGINA + 1
    assert nummers[-1] in inhoud and nummers[0] not in inhoud  # the last page: the one left over
    assert client.get(URL, {"weergave": "team", "pagina": "x"}).status_code == 200


def test_teamweergave_zonder_eigen_team(client, org):
    """A coördinator without a team of their own may still pick the team view: nothing to count, no error (the
    summary's team part matched nothing before it was run, which raised EmptyResultSet: a 500)."""
    melding(maak_huishouden(org.wijk_a), leefgebieden=["financien"])
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    antwoord = client.get(URL, {"weergave": "team"})
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert _aantallen(inhoud) == (0, 0)
    assert "Geen meldingen in deze weergave." in inhoud
    assert _aantallen(client.get(URL, {"weergave": "gebied"}).content.decode())[0] == 1


def _lees(qs, nummer, totaal):
    with CaptureQueriesContext(connection) as q:
        rijen = list(_pagina(qs, nummer, totaal))
    assert len(q.captured_queries) == 1
    return rijen, "IN (SELECT" in q.captured_queries[0]["sql"]


def test_pagina_van_een_korte_lijst_in_een_gewone_query_van_een_lange_ids_eerst(org):
    """A list the summary counted at one page or less is read by one plain query (the ids-first query compiled its
    filters twice); a longer one ids first. Both give the list's own rows in the list's order."""
    for _ in range(PER_PAGINA + 5):
        melding(maak_huishouden(org.wijk_a), leefgebieden=["financien"])
    qs = selectors.werkvoorraad_meldingen(selectors.bereik_van(org.mensen["teamlid"]), weergave="team",
                                          sorteer="-ontvangen")
    alle = list(qs)
    assert len(alle) == PER_PAGINA + 5
    for nummer in (1, 2):
        assert _lees(qs, nummer, len(alle)) == (alle[(nummer - 1) * PER_PAGINA:nummer * PER_PAGINA], True)
    kort = qs.filter(pk__in=[m.pk for m in alle[3:3 + PER_PAGINA]])
    assert _lees(kort, 1, PER_PAGINA) == (alle[3:3 + PER_PAGINA], False)
    assert _lees(kort, 2, PER_PAGINA) == (alle[3:3 + PER_PAGINA], False)  # a page past the end: the last (the only)
