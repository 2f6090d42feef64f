"""The plan editor: goals, activities on the ladder with sociale kaart offers, agreement per member,
evaluations, versions, and optimistic locking (the second writer gets a message and keeps their input)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from huishoudens import registry, services
from huishoudens.models import Actie, Plan, Traject


def _url(d, plan=None):
    return reverse("huishoudens:plan", args=[d.huishouden.pk, (plan or d.plan).pk])


def test_doel_en_twee_activiteiten_op_verschillende_treden_met_aanbod(client, dossier, aanbod):
    client.force_login(dossier.mensen["regisseur"])
    doel = dossier.plan.doelen.get()
    inhoud = client.get(_url(dossier)).content.decode()
    assert "Schuldhulpmaatje Ridderkerk" in inhoud  # the offer can be picked
    antwoord = client.post(_url(dossier), {"onderdeel": "actie", "actie-lock_versie": 1, "actie-doel": doel.pk,
                                           "actie-omschrijving": "Zelf de post openen", "actie-ladder": "eigen_kracht",
                                           "actie-wie": "Mevrouw"})
    assert antwoord.status_code == 302
    antwoord = client.post(_url(dossier), {"onderdeel": "actie", "actie-lock_versie": 2, "actie-doel": doel.pk,
                                           "actie-omschrijving": "Maatje helpt met de administratie",
                                           "actie-ladder": "vrijwilligers", "actie-wie": "Vrijwilliger",
                                           "actie-aanbod": aanbod.pk, "actie-start": "2026-02-01"})
    assert antwoord.status_code == 302
    assert list(Actie.objects.filter(doel=doel).values_list("ladder", "aanbod__naam")) == [
        ("eigen_kracht", None), ("vrijwilligers", "Schuldhulpmaatje Ridderkerk")]


def test_tweede_schrijver_krijgt_melding_en_houdt_invoer(client, dossier):
    client.force_login(dossier.mensen["regisseur"])
    gezien = dossier.plan.lock_versie
    eerste = {"onderdeel": "doel", "doel-lock_versie": gezien, "doel-leefgebied": "huisvesting",
              "doel-omschrijving": "Huis schoon en veilig"}
    assert client.post(_url(dossier), eerste).status_code == 302
    client.force_login(dossier.mensen["teamlid"])
    antwoord = client.post(_url(dossier), {"onderdeel": "doel", "doel-lock_versie": gezien,
                                           "doel-leefgebied": "opvoeding",
                                           "doel-omschrijving": "Vast dagritme voor de kinderen"})
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Iemand anders heeft dit plan intussen gewijzigd" in inhoud
    assert "Vast dagritme voor de kinderen" in inhoud  # nothing typed is lost
    assert "Huis schoon en veilig" in inhoud  # and the other writer's change is shown
    assert list(dossier.plan.doelen.values_list("leefgebied", flat=True)) == ["financien", "huisvesting"]


@pytest.mark.django_db(transaction=True)
def test_gelijktijdige_schrijvers_verliezen_geen_update(org):
    """Two writers with the same version at the same moment: exactly one wins, the other is told."""
    from django.db import connections

    from tests.huishoudens.factories import maak_dossier

    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    traject = h.trajecten.get()
    plan = services.maak_plan(traject=traject, door=org.mensen["teamlid"])
    uitkomst, start = [], threading.Barrier(2)

    def schrijf(tekst):
        try:
            start.wait()
            services.voeg_doel_toe(plan=plan, door=org.mensen["teamlid"], lock_versie=0, leefgebied="financien",
                                   omschrijving=tekst)
            uitkomst.append("ok")
        except ValidationError as fout:
            uitkomst.append(fout.messages[0])
        finally:
            connections.close_all()

    draden = [threading.Thread(target=schrijf, args=(t,)) for t in ("Doel A", "Doel B")]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert sorted(uitkomst)[1] == "ok" and "Iemand anders heeft dit plan intussen gewijzigd" in sorted(uitkomst)[0]
    plan.refresh_from_db()
    assert plan.lock_versie == 1 and plan.doelen.count() == 1
    connection.close()


def test_vaststellen_nieuwe_versie_houdt_oude_leesbaar(client, dossier):
    client.force_login(dossier.mensen["regisseur"])
    assert client.post(_url(dossier), {"onderdeel": "vaststellen", "vaststellen-lock_versie": 1}).status_code == 302
    dossier.plan.refresh_from_db()
    assert dossier.plan.status == Plan.Status.ACTIEF
    assert Traject.objects.get(pk=dossier.traject.pk).status == Traject.Status.PLAN
    antwoord = client.post(_url(dossier), {"onderdeel": "nieuwe_versie", "nieuwe_versie-lock_versie": 2})
    nieuw = Plan.objects.get(traject=dossier.traject, versie=2)
    assert antwoord.status_code == 302 and antwoord["Location"] == _url(dossier, nieuw)
    dossier.plan.refresh_from_db()
    assert dossier.plan.status == Plan.Status.VERVANGEN and nieuw.status == Plan.Status.ACTIEF
    assert nieuw.doelen.get().omschrijving == dossier.plan.doelen.get().omschrijving
    oud = client.get(_url(dossier)).content.decode()
    assert "Vervangen door nieuwere versie" in oud and "Plan bewerken" not in oud
    assert "Schulden zijn in beeld" in oud
    # the replaced version is read-only
    antwoord = client.post(_url(dossier), {"onderdeel": "doel", "doel-lock_versie": 3, "doel-leefgebied": "financien",
                                           "doel-omschrijving": "x"})
    assert antwoord.status_code == 400 and "vervangen" in antwoord.content.decode()


def test_akkoord_per_lid_ook_minderjarig_en_evaluatie(client, dossier):
    kind = [p for p in dossier.huishouden.personen.all() if p.is_minderjarig()][0]
    client.force_login(dossier.mensen["regisseur"])
    antwoord = client.post(_url(dossier), {"onderdeel": "akkoord", "akkoord-lock_versie": 1,
                                           "akkoord-persoon": kind.pk, "akkoord-datum": "2026-01-20",
                                           "akkoord-wijze": "mondeling"})
    assert antwoord.status_code == 302
    antwoord = client.post(_url(dossier), {"onderdeel": "evaluatie", "evaluatie-lock_versie": 2,
                                           "evaluatie-gepland_op": "2026-05-01"})
    assert antwoord.status_code == 302
    assert Traject.objects.get(pk=dossier.traject.pk).volgende_evaluatie.isoformat() == "2026-05-01"
    antwoord = client.post(_url(dossier), {"onderdeel": "evaluatie", "evaluatie-lock_versie": 3,
                                           "evaluatie-gepland_op": "2026-01-01",
                                           "evaluatie-uitgevoerd_op": "2026-01-02"})
    assert antwoord.status_code == 400 and "verslag" in antwoord.content.decode()
    inhoud = client.get(_url(dossier)).content.decode()
    assert f"{kind.volledige_naam}: 20 januari 2026 (mondeling)" in inhoud
    assert "Nog geen akkoord van" in inhoud


def test_actie_extra_van_hogere_apps_wordt_getoond(client, dossier):
    doel = dossier.plan.doelen.get()
    actie = Actie.objects.create(doel=doel, omschrijving="Maatje", ladder="vrijwilligers", wie="Vrijwilliger")

    def extra(request, acties):
        return {a.pk: "Match met vrijwilliger Henk" for a in acties if a.ladder == "vrijwilligers"}

    registry.ACTIE_EXTRA.append(extra)
    try:
        client.force_login(dossier.mensen["teamlid"])
        inhoud = client.get(_url(dossier)).content.decode()
    finally:
        registry.ACTIE_EXTRA.remove(extra)
    assert "Match met vrijwilliger Henk" in inhoud and actie.omschrijving in inhoud


def test_plan_maken_via_huishoudpagina_en_tweede_geweigerd(client, org):
    from tests.huishoudens.factories import maak_dossier

    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    client.force_login(org.mensen["teamlid"])
    assert client.post(reverse("huishoudens:plan_maken", args=[h.pk])).status_code == 302
    antwoord = client.post(reverse("huishoudens:plan_maken", args=[h.pk]), follow=True)
    assert "al een actief plan" in antwoord.content.decode()
    assert Plan.objects.filter(traject__huishouden=h).count() == 1


def test_activiteit_met_einde_voor_start_geweigerd(client, dossier):
    client.force_login(dossier.mensen["regisseur"])
    antwoord = client.post(_url(dossier), {"onderdeel": "actie", "actie-lock_versie": 1,
                                           "actie-doel": dossier.plan.doelen.get().pk, "actie-omschrijving": "x",
                                           "actie-ladder": "netwerk", "actie-wie": "Zoon", "actie-start": "2026-03-01",
                                           "actie-eind": "2026-02-01"})
    assert antwoord.status_code == 400 and "vóór de startdatum" in antwoord.content.decode()


def test_vrijwilligersvraag_krijgt_passend_aanbod_uit_de_wijk(client, dossier, aanbod):
    Actie.objects.create(doel=dossier.plan.doelen.get(), omschrijving="Iemand om mee te wandelen",
                         ladder="vrijwilligers", wie="Nog te vinden vrijwilliger")
    client.force_login(dossier.mensen["teamlid"])
    inhoud = client.get(_url(dossier)).content.decode()
    assert "Passend vrijwilligersaanbod in de wijk: Schuldhulpmaatje Ridderkerk (0180-123456)" in inhoud
