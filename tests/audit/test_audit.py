import pytest
from django.db import IntegrityError, InternalError, ProgrammingError, transaction
from django.urls import reverse

from audit import log
from audit.models import AuditActie, AuditEvent
from tests.factories import WACHTWOORD

DB_FOUTEN = (InternalError, ProgrammingError, IntegrityError)


@pytest.fixture
def event(org):
    return log.gelezen(org.mensen["teamlid"], org.team_a, detail={"reden": "test"})


def test_logregel_bevat_wie_wat_en_welke_gemeente(event, org):
    event.refresh_from_db()
    assert event.actor == org.mensen["teamlid"]
    assert event.rol == "medewerker," + org.team_a.groep.name or event.rol
    assert event.actie == AuditActie.GELEZEN
    assert event.object_type == "wijkteams.team"
    assert event.object_id == str(org.team_a.pk)
    assert event.gemeente_id == org.gemeente.pk


def test_logboek_weigert_update_op_databaseniveau(event):
    with pytest.raises(DB_FOUTEN, match="logboek kan niet worden gewijzigd"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(actie=AuditActie.VERWIJDERD)
    event.refresh_from_db()
    assert event.actie == AuditActie.GELEZEN


def test_logboek_weigert_delete_op_databaseniveau(event):
    with pytest.raises(DB_FOUTEN, match="logboek kan niet worden gewijzigd"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_inloggen_en_mislukt_inloggen_worden_gelogd(client, org):
    client.post(reverse("login"), {"username": "teamlid", "password": "fout"}, REMOTE_ADDR="10.1.2.3")
    mislukt = AuditEvent.objects.get(actie=AuditActie.INLOGGEN_MISLUKT)
    assert mislukt.detail == {"gebruikersnaam": "teamlid"}
    assert mislukt.resultaat == "geweigerd"
    assert mislukt.ip == "10.1.2.3"
    assert "fout" not in str(mislukt.detail)

    antwoord = client.post(reverse("login"), {"username": "teamlid", "password": WACHTWOORD})
    assert antwoord.status_code == 302
    gelukt = AuditEvent.objects.get(actie=AuditActie.INGELOGD)
    assert gelukt.actor == org.mensen["teamlid"]
    assert gelukt.request_id


def test_teampagina_wordt_een_keer_als_gelezen_gelogd(client, org):
    client.force_login(org.mensen["teamlid"])
    client.get(org.team_a.get_absolute_url())
    assert AuditEvent.objects.filter(actie=AuditActie.GELEZEN, object_type="wijkteams.team").count() == 1
