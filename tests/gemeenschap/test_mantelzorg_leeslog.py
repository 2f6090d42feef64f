"""The mantelzorgers list and the start page's overbelast block show carers with their household: each render
writes one read row per household shown (NEN 7513), as the API (``LogtLezen``) does."""

from datetime import date

import pytest
from django.db.models import Max
from django.urls import reverse

from audit.models import AuditEvent
from gemeenschap import mantelzorg
from tests.gemeenschap.conftest import maak_dossier

pytestmark = pytest.mark.django_db
HOOG = {"tijd": 3, "gezondheid": 2, "druk": 2, "combinatie": 1, "vermoeid": 1}  # 9 = drempel


def _laatste():
    return AuditEvent.objects.aggregate(m=Max("pk"))["m"] or 0


def _gelogd_sinds(vorige, weergave):
    ids = list(AuditEvent.objects.filter(pk__gt=vorige, actie="read", detail__weergave=weergave)
               .values_list("huishouden_id", flat=True))
    assert len(ids) == len(set(ids)), "one row per household"
    return set(ids)


def _mantelzorger(d):
    return mantelzorg.registreer_mantelzorger(door=d.regisseur, netwerklid=d.netwerklid, zorgt_voor="Annie Jansen",
                                              uren_per_week=20, sinds=date(2024, 6, 1))


@pytest.fixture
def drie(org, dossier):
    """The regisseur's two households with a carer (one overbelast), and one of another team with a carer."""
    tweede = maak_dossier(org, regisseur=dossier.regisseur, naam="Familie de Vries")
    elders = maak_dossier(org, team=org.team_b, naam="Familie Elders")
    overbelast = _mantelzorger(dossier)
    mantelzorg.neem_belastingcheck_af(mantelzorger=overbelast, door=dossier.regisseur, antwoorden=HOOG)
    for d in (tweede, elders):
        _mantelzorger(d)
    return dossier, tweede, elders


def test_mantelzorgerslijst_logt_elk_getoond_huishouden(client, drie):
    dossier, tweede, elders = drie
    client.force_login(dossier.regisseur)
    vorige = _laatste()
    inhoud = client.get(reverse("gemeenschap:mantelzorgers")).content.decode()
    assert "Familie Jansen" in inhoud and "Familie de Vries" in inhoud and "Familie Elders" not in inhoud
    assert _gelogd_sinds(vorige, "mantelzorgers") == {dossier.huishouden.pk, tweede.huishouden.pk}


def test_startblok_overbelast_logt_het_getoonde_huishouden(client, org, drie):
    dossier, _tweede, _elders = drie
    client.force_login(dossier.regisseur)
    vorige = _laatste()
    inhoud = client.get(reverse("start")).content.decode()
    assert "Overbelaste mantelzorgers bij uw huishoudens" in inhoud and "Familie Jansen" in inhoud
    assert _gelogd_sinds(vorige, "start_overbelast") == {dossier.huishouden.pk}
    client.force_login(org.mensen["teamlid"])  # no household of theirs: no block, no rows
    vorige = _laatste()
    assert "Overbelaste mantelzorgers" not in client.get(reverse("start")).content.decode()
    assert _gelogd_sinds(vorige, "start_overbelast") == set()
