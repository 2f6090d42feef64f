"""The casusoverleg page shows household names (the agenda, the choices to put on it): every render, also the 400
re-renders, writes one read row per household shown (NEN 7513), in one INSERT."""

import pytest
from django.db.models import Max
from django.urls import reverse

from audit.models import AuditEvent
from huishoudens import selectors as huishouden_selectors
from tests.huishoudens.factories import maak_dossier
from tests.toegang_melding.factories import catalogi, maak_huishouden, melding, postcodes
from toegang.melding import services
from toegang.models import CasusoverlegAgendapunt

pytestmark = pytest.mark.django_db


def _gelogd_sinds(vorige):
    """The households of the casusoverleg read rows written after audit row ``vorige``."""
    rijen = AuditEvent.objects.filter(pk__gt=vorige, actie="read", detail__weergave="casusoverleg")
    ids = list(rijen.values_list("huishouden_id", flat=True))
    assert len(ids) == len(set(ids)), "one row per household"
    return set(ids)


def _laatste():
    return AuditEvent.objects.aggregate(m=Max("pk"))["m"] or 0


@pytest.fixture
def agenda(org):
    """Team A's agenda: a new melding and an existing case, a melding without a household yet; one more case of
    the team to choose from; a case of another team (not shown)."""
    nieuw = melding(maak_huishouden(org.wijk_a), leefgebieden=["financien", "opvoeding", "huisvesting"])
    punt_nieuw = CasusoverlegAgendapunt.objects.get(melding=nieuw)
    assert punt_nieuw.team == org.team_a
    bestaand = maak_dossier(org, regisseur=org.mensen["teamlid"], naam="Familie Bakker")
    services.agendeer_casus(traject=huishouden_selectors.lopend_traject(bestaand), reden="Plan loopt vast",
                            door=org.mensen["teamlid"])
    keuze = maak_dossier(org, regisseur=org.mensen["teamlid"], naam="Familie Keuze")
    ander_team = maak_dossier(org, team=org.team_b, naam="Familie Elders")
    postcodes(org)
    cat = catalogi(org.gemeente)
    publiek = services.registreer_publieke_melding(
        gemeente=org.gemeente, signaalgever_type=cat["inwoner"], kanaal=cat["online"], vraag="Hulp nodig",
        leefgebieden=["financien", "opvoeding"], toestemming=True,
        adres={"postcode": "2981 AB", "huisnummer": 3, "naam": "Publiek"})
    CasusoverlegAgendapunt.objects.create(team=org.team_a, melding=publiek)  # not linked to a household yet
    return {"punt_nieuw": punt_nieuw, "getoond": {nieuw.huishouden_id, bestaand.pk, keuze.pk},
            "keuze": keuze, "ander_team": ander_team}


def test_casusoverleg_logt_elk_getoond_huishouden(client, org, agenda):
    client.force_login(org.mensen["teamlid"])
    vorige = _laatste()
    pagina = client.get(reverse("toegang:casusoverleg", args=[org.team_a.pk])).content.decode()
    assert "Familie Bakker" in pagina and "Familie Keuze" in pagina and "Familie Elders" not in pagina
    assert _gelogd_sinds(vorige) == agenda["getoond"]
    assert agenda["ander_team"].pk not in _gelogd_sinds(0)


def test_casusoverleg_logt_ook_bij_een_fout_in_het_formulier(client, org, agenda):
    """Both 400 re-renders (agenderen, besluit) show the same households and log them the same way."""
    client.force_login(org.mensen["teamlid"])
    vorige = _laatste()
    antwoord = client.post(reverse("toegang:casusoverleg_agenderen", args=[org.team_a.pk]),
                           {"traject": huishouden_selectors.lopend_traject(agenda["keuze"]).pk, "reden": ""})
    assert antwoord.status_code == 400 and "Familie Keuze" in antwoord.content.decode()
    assert _gelogd_sinds(vorige) == agenda["getoond"]

    vorige = _laatste()
    antwoord = client.post(reverse("toegang:casusoverleg_besluit", args=[org.team_a.pk, agenda["punt_nieuw"].pk]),
                           {"regisseur": org.mensen["teamlid"].pk, "besproken_op": "2026-01-05",
                            "volgende_stap": ""})
    assert antwoord.status_code == 400
    assert _gelogd_sinds(vorige) == agenda["getoond"]


def test_casusoverleg_zonder_agenda_en_keuzes_logt_niets(client, org):
    client.force_login(org.mensen["teamlid"])
    vorige = _laatste()
    pagina = client.get(reverse("toegang:casusoverleg", args=[org.team_a.pk])).content.decode()
    assert "Er zijn geen lopende casussen van dit team die u kunt agenderen." in pagina
    assert _gelogd_sinds(vorige) == set()
