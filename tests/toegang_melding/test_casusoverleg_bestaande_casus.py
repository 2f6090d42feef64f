"""An existing case (an open traject already in the werkvoorraad) is put on the casusoverleg agenda by the team or
the coördinator, with a reason; the decision goes on the dossier as for a new melding. Others get 404/403."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from huishoudens import selectors
from tests.huishoudens.factories import maak_dossier
from toegang.melding import registratie, services
from toegang.models import CasusoverlegAgendapunt

pytestmark = pytest.mark.django_db


@pytest.fixture
def casus(org):
    h = maak_dossier(org, regisseur=org.mensen["teamlid"], naam="Familie Bakker")
    return selectors.lopend_traject(h)


def test_teamlid_agendeert_bestaande_casus_en_het_besluit_komt_op_het_dossier(client, org, casus,
                                                                           django_assert_max_num_queries):
    url = reverse("toegang:casusoverleg", args=[org.team_a.pk])
    agenderen = reverse("toegang:casusoverleg_agenderen", args=[org.team_a.pk])
    client.force_login(org.mensen["teamlid"])
    with django_assert_max_num_queries(20):
        pagina = client.get(url).content.decode()
    assert "Bestaande casus agenderen" in pagina and "Familie Bakker" in pagina
    antwoord = client.post(agenderen, {"traject": casus.pk, "reden": ""})
    assert antwoord.status_code == 400 and "Waarom op het casusoverleg: Dit veld is vereist." in (
        antwoord.content.decode())
    antwoord = client.post(agenderen, {"traject": casus.pk, "reden": "Plan loopt vast, schulden nemen toe"})
    assert antwoord.status_code == 302
    punt = CasusoverlegAgendapunt.objects.get(traject=casus)
    assert (punt.team, punt.melding, punt.geagendeerd_door) == (org.team_a, None, org.mensen["teamlid"])
    assert AuditEvent.objects.filter(actie="create", object_id=str(punt.pk),
                                   huishouden_id=casus.huishouden_id).exists()
    pagina = client.get(url).content.decode()
    assert "Plan loopt vast, schulden nemen toe" in pagina and "bestaande casus" in pagina
    # twice on the agenda: the choice is gone, a clear message, no second row
    antwoord = client.post(agenderen, {"traject": casus.pk, "reden": "Nog een keer"})
    assert antwoord.status_code == 400 and "Kies een lopende casus van dit team." in antwoord.content.decode()
    assert CasusoverlegAgendapunt.objects.filter(traject=casus).count() == 1

    collega = org.mensen["coordinator_eigen_gebied"]
    besluit = reverse("toegang:casusoverleg_besluit", args=[org.team_a.pk, punt.pk])
    antwoord = client.post(besluit, {"regisseur": org.mensen["teamlid"].pk, "besproken_op": "2026-01-05",
                                     "volgende_stap": "Schuldhulp inschakelen"})
    assert antwoord.status_code == 302
    punt.refresh_from_db()
    assert punt.status == "besproken" and punt.volgende_stap == "Schuldhulp inschakelen"
    assert selectors.huidige_regisseur(casus) == org.mensen["teamlid"]
    tijdlijn = [r["omschrijving"] for r in registratie.tijdlijn(casus.huishouden)]
    assert any("Schuldhulp inschakelen" in r for r in tijdlijn)
    # after the decision it can go on the agenda again (by the coördinator of the gebied, too)
    assert services.agendeer_casus(traject=casus, reden="Evaluatie", door=collega).team == org.team_a


def test_alleen_team_en_coordinator_agenderen(client, org, casus):
    agenderen = reverse("toegang:casusoverleg_agenderen", args=[org.team_a.pk])
    for wie in ("medewerker_ander_team", "coordinator_ander_gebied"):
        client.force_login(org.mensen[wie])
        assert client.post(agenderen, {"traject": casus.pk, "reden": "x"}).status_code == 404
        with pytest.raises(PermissionDenied):
            services.agendeer_casus(traject=casus, reden="x", door=org.mensen[wie])
    client.force_login(org.mensen["medewerker_andere_gemeente"])
    assert client.post(agenderen, {"traject": casus.pk, "reden": "x"}).status_code == 404
    client.force_login(org.mensen["sociaal_makelaar"])
    assert client.post(agenderen, {"traject": casus.pk, "reden": "x"}).status_code == 403
    assert not CasusoverlegAgendapunt.objects.exists()


def test_afgesloten_casus_niet_agenderen(org, casus):
    from datetime import date

    from huishoudens.models import Traject

    Traject.objects.filter(pk=casus.pk).update(status=Traject.Status.AFGESLOTEN, afgesloten_op=date(2026, 1, 5),
                                               afsluitreden="doelen_bereikt")
    casus.refresh_from_db()
    with pytest.raises(ValidationError):
        services.agendeer_casus(traject=casus, reden="Te laat", door=org.mensen["teamlid"])
    assert not CasusoverlegAgendapunt.objects.exists()


def test_vanaf_het_huishouden_op_de_agenda_van_het_casusoverleg(client, org, casus):
    """The household page's tab "toegang" links to the team's casusoverleg with this case chosen (issue 17); once
    on the agenda it says so. Who is neither in the team nor coördinator of its gebied gets no link."""
    tab = reverse("huishoudens:tab", args=[casus.huishouden_id, "toegang"])
    client.force_login(org.mensen["teamlid"])
    inhoud = client.get(tab).content.decode()
    link = reverse("toegang:casusoverleg", args=[org.team_a.pk]) + f"?traject={casus.pk}#agenderen"
    assert f'href="{link}"' in inhoud and "Deze casus op de agenda van het casusoverleg zetten" in inhoud
    pagina = client.get(link).content.decode()
    assert f'<option value="{casus.pk}" selected>Familie Bakker</option>' in pagina
    antwoord = client.post(reverse("toegang:casusoverleg_agenderen", args=[org.team_a.pk]),
                           {"traject": casus.pk, "reden": "Plan loopt vast"})
    assert antwoord.status_code == 302
    inhoud = client.get(tab).content.decode()
    assert "Deze casus staat op de agenda van het" in inhoud and f'href="{link}"' not in inhoud
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    assert "Deze casus staat op de agenda van het" in client.get(tab).content.decode()
    client.force_login(org.mensen["medewerker_ander_team"])
    assert client.get(tab).status_code == 404


def test_tijdlijn_van_het_huishouden_toont_meldingen_en_besluiten(client, org, casus, cat):
    from tests.toegang_melding.factories import melding

    m = melding(casus.huishouden, door=org.mensen["teamlid"])
    punt = services.agendeer_casus(traject=casus, reden="Plan loopt vast", door=org.mensen["teamlid"])
    services.leg_casusoverleg_besluit_vast(agendapunt=punt, regisseur=org.mensen["teamlid"],
                                          volgende_stap="Schuldhulp inschakelen", door=org.mensen["teamlid"])
    client.force_login(org.mensen["teamlid"])
    inhoud = client.get(reverse("huishoudens:tab", args=[casus.huishouden_id, "tijdlijn"])).content.decode()
    assert f'<a href="{m.get_absolute_url()}">Melding {m.ontvangstnummer} (' in inhoud
    assert "Casusoverleg: regisseur" in inhoud and "volgende stap: Schuldhulp inschakelen" in inhoud
