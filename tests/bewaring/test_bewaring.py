"""Retention: terms per kind of dossier, confirmation by the functioneel beheerder, anonymisation recorded."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from audit.models import AuditEvent
from bewaring import services
from bewaring.models import Vernietigingslijst
from huishoudens import services as huishouden_services
from huishoudens.models import Huishouden, Persoon, Traject

PEIL = date(2026, 11, 25)


def _dossier(org, team, *, afgesloten_op, reden=Traject.Afsluitreden.DOELEN_BEREIKT, naam="Familie Test"):
    h = Huishouden.objects.create(gemeente=org.gemeente, wijk=org.wijk_a, straat="Kerkweg", huisnummer=1,
                                  postcode="2981 AA", woonplaats="Ridderkerk", naam=naam)
    Persoon.objects.create(huishouden=h, voornamen="Jan", achternaam="Jansen", geboortedatum=date(1970, 5, 1),
                           bsn="999900006")
    traject = huishouden_services.open_traject(huishouden=h, team=team, door=None, aangemeld_op=date(2000, 1, 1))
    huishouden_services.sluit_traject_af(traject=traject, door=None, reden=reden, op=afgesloten_op)
    return h


@pytest.mark.parametrize(
    ("jgt", "afgesloten_op", "reden", "op_lijst"),
    [
        (False, date(2011, 11, 25), Traject.Afsluitreden.DOELEN_BEREIKT, True),   # Wmo: exactly 15 years
        (False, date(2011, 11, 26), Traject.Afsluitreden.DOELEN_BEREIKT, False),  # one day short
        (True, date(2011, 11, 25), Traject.Afsluitreden.DOELEN_BEREIKT, False),   # Jeugd: 20 years
        (True, date(2006, 11, 25), Traject.Afsluitreden.DOELEN_BEREIKT, True),
        (False, date(2026, 9, 30), Traject.Afsluitreden.NOOIT_GESTART, True),     # never started: 8 weeks
        (False, date(2026, 10, 15), Traject.Afsluitreden.NOOIT_GESTART, False),
    ],
)
def test_bewaartermijnen(org, jgt, afgesloten_op, reden, op_lijst):
    h = _dossier(org, org.team_a_jgt if jgt else org.team_a, afgesloten_op=afgesloten_op, reden=reden)
    ids = [r["pk"] for r in services.te_vernietigen(org.gemeente, PEIL)]
    assert (h.pk in ids) is op_lijst


def test_open_traject_nooit_op_de_lijst(org):
    h = _dossier(org, org.team_a, afgesloten_op=date(2000, 1, 1))
    huishouden_services.wijzig_status(traject=h.trajecten.get(), naar=Traject.Status.HEROPEND, door=None)
    assert not list(services.te_vernietigen(org.gemeente, PEIL))


def test_lijst_bevestigen_alleen_door_beheerder(org):
    _dossier(org, org.team_a, afgesloten_op=date(2001, 1, 1))
    lijst = services.stel_lijst_op(gemeente=org.gemeente, peildatum=PEIL)
    with pytest.raises(PermissionDenied):
        services.bevestig_lijst(lijst=lijst, door=org.mensen["teamlid"])
    lijst.refresh_from_db()
    assert lijst.status == Vernietigingslijst.Status.CONCEPT


def test_uitvoeren_anonimiseert_en_legt_vast(org, django_capture_on_commit_callbacks):
    h = _dossier(org, org.team_a, afgesloten_op=date(2001, 1, 1), naam="Familie Geheim")
    lijst = services.stel_lijst_op(gemeente=org.gemeente, peildatum=PEIL)
    assert lijst.regels.count() == 1
    with django_capture_on_commit_callbacks() as callbacks:
        services.bevestig_lijst(lijst=lijst, door=org.mensen["beheer"])
    assert len(callbacks) == 1  # the job is queued only after commit
    services.voer_vernietiging_uit(lijst_id=lijst.pk)
    h.refresh_from_db()
    persoon = h.personen.get()
    assert h.naam == "Geanonimiseerd" and h.straat == ""
    assert persoon.bsn is None and persoon.achternaam == "" and persoon.geboortedatum == date(1900, 1, 1)
    lijst.refresh_from_db()
    assert lijst.status == Vernietigingslijst.Status.UITGEVOERD
    assert lijst.regels.get().uitgevoerd_op is not None
    assert AuditEvent.objects.filter(object_type="bewaring.vernietigingslijst", actie="delete").exists()
    assert "Geheim" not in str(list(lijst.regels.values()))
    # once done, a new list does not name it again
    assert not services.stel_lijst_op(gemeente=org.gemeente, peildatum=PEIL).regels.exists()


@pytest.mark.parametrize(("aangemeld_op", "overgeslagen"), [
    (date(2026, 12, 8), False),  # the list's own Dutch day, registered before it: not new
    (date(2026, 12, 9), True),   # a day later: new since the list, the household stays
])
def test_nieuw_traject_naar_de_nederlandse_datum_van_de_lijst(org, aangemeld_op, overgeslagen):
    """A list drawn up at 00:30 Dutch time (23:30 UTC the day before): a traject registered earlier that Dutch
    day is not new since the list. Compared with the list's UTC date it was, and the household was skipped (the
    suite's destruction test failed every night between 23:00 and midnight UTC)."""
    h = _dossier(org, org.team_a, afgesloten_op=date(2001, 1, 1))
    lijst = services.stel_lijst_op(gemeente=org.gemeente, peildatum=PEIL)
    services.bevestig_lijst(lijst=lijst, door=org.mensen["beheer"])
    opgesteld = datetime(2026, 12, 7, 23, 30, tzinfo=UTC)  # 8 December 2026, 00:30 in the Netherlands
    Vernietigingslijst.objects.filter(pk=lijst.pk).update(opgesteld_op=opgesteld)
    traject = h.trajecten.get()
    Traject.objects.filter(pk=traject.pk).update(aangemeld_op=aangemeld_op)
    traject.statuswijzigingen.filter(van="").update(op=opgesteld - timedelta(minutes=20))  # 00:10 Dutch time
    services.voer_vernietiging_uit(lijst_id=lijst.pk)
    regel = lijst.regels.get()
    assert (regel.overgeslagen != "") is overgeslagen
    assert (regel.uitgevoerd_op is None) is overgeslagen


@pytest.mark.parametrize(("wie", "verwacht"), [("beheer", 200), ("teamlid", 404), ("coordinator_eigen_gebied", 404),
                                               ("beleidsmedewerker", 404)])
def test_paginas_alleen_voor_beheer(client, org, wie, verwacht):
    client.force_login(org.mensen[wie])
    assert client.get(reverse("bewaring:lijsten")).status_code == verwacht


def test_beheerder_stelt_op_en_bevestigt_via_paginas(client, org):
    _dossier(org, org.team_a, afgesloten_op=date(2001, 1, 1))
    client.force_login(org.mensen["beheer"])
    antwoord = client.post(reverse("bewaring:opstellen"))
    lijst = Vernietigingslijst.objects.get()
    assert antwoord.url == reverse("bewaring:lijst", args=[lijst.pk])
    pagina = client.get(antwoord.url).content.decode()
    assert "Wmo-dossier: 15 jaar na afsluiten" in pagina
    client.post(reverse("bewaring:bevestigen", args=[lijst.pk]))
    lijst.refresh_from_db()
    assert lijst.status == Vernietigingslijst.Status.BEVESTIGD


def test_lijst_van_andere_gemeente_is_404(client, org):
    lijst = Vernietigingslijst.objects.create(gemeente=org.andere_gemeente, peildatum=PEIL)
    client.force_login(org.mensen["beheer"])
    assert client.get(reverse("bewaring:lijst", args=[lijst.pk])).status_code == 404


def test_maandelijkse_taak_staat_in_beat(db):
    from django_celery_beat.models import PeriodicTask

    assert PeriodicTask.objects.filter(task="bewaring.tasks.stel_vernietigingslijsten_op").exists()
