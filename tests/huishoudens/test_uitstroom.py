"""Outflow of a client to paid work or education (Participatiewet), recorded at the end of a traject (the closing
form) or at the end of an activity (its own page): validated, once per traject, audited; others get a 404."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from huishoudens import services
from huishoudens.models import Actie, Ladder, Traject, Uitstroom

pytestmark = pytest.mark.django_db


def _actie(dossier, start=None):
    return Actie.objects.create(doel=dossier.plan.doelen.get(), omschrijving="Werkervaringsplek bij de kringloop",
                                ladder=Ladder.PROFESSIONEEL, wie="Consulent werk en inkomen",
                                start=start or timezone.localdate())


def test_afsluiten_met_uitstroom_naar_werk(client, dossier):
    h = dossier.huishouden
    persoon = h.personen.order_by("id").first()
    client.force_login(dossier.mensen["regisseur"])
    # a kind without a person (and the other way round) is refused with a clear message
    antwoord = client.post(reverse("huishoudens:afsluiten", args=[h.pk]), {
        "reden": "doelen_bereikt", "reden_geen_eindmeting": "Verhuisd", "uitstroom_soort": "werk"})
    assert antwoord.status_code == 400
    assert "Kies wie er uitstroomt." in antwoord.content.decode()
    antwoord = client.post(reverse("huishoudens:afsluiten", args=[h.pk]), {
        "reden": "doelen_bereikt", "reden_geen_eindmeting": "Verhuisd", "uitstroom_soort": "werk",
        "uitstroom_persoon": persoon.pk})
    assert antwoord.status_code == 302
    dossier.traject.refresh_from_db()
    assert dossier.traject.status == Traject.Status.AFGESLOTEN
    u = Uitstroom.objects.get()
    assert (u.persoon, u.soort, u.datum, u.traject) == (persoon, "werk", timezone.localdate(), dossier.traject)
    assert AuditEvent.objects.filter(object_type="huishoudens.uitstroom", object_id=str(u.pk),
                                     actie="create", huishouden_id=h.pk).exists()


def test_uitstroom_na_activiteit_via_eigen_pagina(client, dossier, django_assert_max_num_queries):
    h, actie = dossier.huishouden, _actie(dossier)
    persoon = h.personen.order_by("id").first()
    client.force_login(dossier.mensen["regisseur"])
    url = reverse("huishoudens:uitstroom", args=[h.pk])
    with django_assert_max_num_queries(30):
        pagina = client.get(url)
    inhoud = pagina.content.decode()
    assert pagina.status_code == 200
    for label in ("Wie stroomt uit?", "Uitstroom naar", "Datum uitstroom", "Na de activiteit (optioneel)"):
        assert label in inhoud
    assert "Werkervaringsplek bij de kringloop" in inhoud
    vandaag = timezone.localdate()  # the traject was opened today
    antwoord = client.post(url, {"persoon": persoon.pk, "soort": "opleiding", "datum": vandaag.isoformat(),
                                 "actie": actie.pk})
    assert antwoord.status_code == 302
    actie.refresh_from_db()
    assert actie.eind == vandaag  # the running activity ends on the day of the outflow
    assert Uitstroom.objects.get().actie == actie
    # twice the same outflow in one traject: refused, nothing typed lost
    antwoord = client.post(url, {"persoon": persoon.pk, "soort": "opleiding", "datum": vandaag.isoformat()})
    assert antwoord.status_code == 400
    assert "Deze uitstroom is al vastgelegd voor dit traject." in antwoord.content.decode()
    assert Uitstroom.objects.count() == 1


@pytest.mark.parametrize("wie", ["medewerker_andere_gemeente", "medewerker_ander_team", "coordinator_ander_gebied"])
def test_verkeerde_persoon_krijgt_404(client, dossier, wie):
    h = dossier.huishouden
    client.force_login(dossier.mensen[wie])
    url = reverse("huishoudens:uitstroom", args=[h.pk])
    assert client.get(url).status_code == 404
    persoon = h.personen.first()
    datum = timezone.localdate().isoformat()
    assert client.post(url, {"persoon": persoon.pk, "soort": "werk", "datum": datum}).status_code == 404
    assert not Uitstroom.objects.exists()


def test_service_controleert_persoon_datum_en_activiteit(dossier, org):
    from tests.huishoudens.factories import maak_dossier

    regisseur, traject = dossier.mensen["regisseur"], dossier.traject
    eigen = dossier.huishouden.personen.first()
    ander = maak_dossier(org, naam="Ander huishouden").personen.first()
    vandaag = timezone.localdate()
    gevallen = [
        ({"persoon": ander, "soort": "werk", "datum": vandaag}, "persoon"),
        ({"persoon": eigen, "soort": "werk", "datum": timezone.localdate() + timedelta(days=1)}, "datum"),
        ({"persoon": eigen, "soort": "werk", "datum": traject.aangemeld_op - timedelta(days=1)}, "datum"),
        ({"persoon": eigen, "soort": "pensioen", "datum": vandaag}, "soort"),
        ({"persoon": eigen, "soort": "werk", "datum": vandaag,
          "actie": _actie(dossier, start=vandaag + timedelta(days=3))}, "datum"),
    ]
    for velden, veld in gevallen:
        with pytest.raises(ValidationError) as fout:
            services.registreer_uitstroom(traject=traject, door=regisseur, **velden)
        assert veld in fout.value.message_dict, velden
    assert not Uitstroom.objects.exists()
