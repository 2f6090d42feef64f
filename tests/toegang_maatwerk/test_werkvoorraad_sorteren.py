"""The maatwerk werkvoorraad sorts the requests to decide by its column headers (issue 16): ?sorteer= from a
whitelist, child safety first in every order, nonsense → by deadline, aria-sort on the sorted header."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.toegang_maatwerk.factories import maak_dossier, vraag_aan

pytestmark = pytest.mark.django_db
URL = reverse("toegang:maatwerk_werkvoorraad")


def _rijen(html):
    tabel = html[html.index('id="beslissen-kop"'):html.index("</table>")]
    return re.findall(r'<a href="/toegang/maatwerk/\d+/">([^<]+)</a>', tabel)


def test_aanvragen_sorteren_kindveiligheid_blijft_eerst(client, mw, jeugddossier, django_assert_max_num_queries):
    vandaag = timezone.localdate()
    jgt = mw.mensen["teamlid_jgt"]
    vraag_aan(jeugddossier, jgt, product_code="45A48", client=jeugddossier.kind,
              aanvraagdatum=vandaag - timedelta(days=3))  # Gezin de Vries: the latest deadline
    for naam, dagen, veilig in (("Gezin Kaya", 5, True), ("Gezin Aksoy", 12, False)):
        d = maak_dossier(mw.team_a_jgt, regisseur=jgt, met_kind=True, door=mw.mensen["coordinator_eigen_gebied"],
                         naam=naam)
        d.traject.zorgen_kindveiligheid = veilig
        d.traject.save()
        vraag_aan(d, jgt, product_code="45A48", client=d.kind, aanvraagdatum=vandaag - timedelta(days=dagen))
    client.force_login(mw.mensen["coordinator_eigen_gebied"])

    html = client.get(URL).content.decode()
    assert _rijen(html) == ["Gezin Kaya", "Gezin Aksoy", "Gezin de Vries"]  # child safety, then deadline
    assert re.search(r'<th scope="col" aria-sort="ascending"><a href="\?sorteer=-termijn" class="sorteerkop">'
                     r'Beslissen vóór', html)
    html = client.get(URL, {"sorteer": "-termijn"}).content.decode()
    assert _rijen(html) == ["Gezin Kaya", "Gezin de Vries", "Gezin Aksoy"]
    with django_assert_max_num_queries(len(_queries(client))):  # sorting adds no query
        html = client.get(URL, {"sorteer": "-huishouden"}).content.decode()
    assert _rijen(html) == ["Gezin Kaya", "Gezin de Vries", "Gezin Aksoy"]
    assert re.search(r'aria-sort="descending"><a href="\?sorteer=huishouden" class="sorteerkop">Huishouden', html)
    html = client.get(URL, {"sorteer": "huishouden"}).content.decode()
    assert _rijen(html) == ["Gezin Kaya", "Gezin Aksoy", "Gezin de Vries"]
    for onzin in ("onzin", "-huishouden__personen__bsn", "aanvraagdatum"):
        antwoord = client.get(URL, {"sorteer": onzin})
        assert antwoord.status_code == 200 and _rijen(antwoord.content.decode()) == [
            "Gezin Kaya", "Gezin Aksoy", "Gezin de Vries"]


def _queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as vastgelegd:
        client.get(URL)
    return vastgelegd.captured_queries
