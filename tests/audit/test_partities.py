"""The audit table is partitioned by month; the nightly job creates months ahead and detaches expired ones."""

from datetime import date
from importlib import import_module

import pytest
from django.db import connection, transaction
from django_celery_beat.models import PeriodicTask

from audit import log, partities, tasks
from audit.models import AuditEvent
from tests.audit.test_audit import DB_FOUTEN

pytestmark = pytest.mark.django_db


def _een(sql, params=()):
    with connection.cursor() as c:
        c.execute(sql, params)
        return c.fetchone()


def _oude_regel(tijdstip):
    return _een("""INSERT INTO audit_auditevent (tijdstip, actor_weergave, rol, namens, actie, resultaat, object_type,
                       object_id, request_id, noodtoegang, detail, huishouden_id)
                   VALUES (%s, 'oud', '', '', 'read', 'gelukt', 'huishoudens.huishouden', '1', '', false, '{}', 1)
                   RETURNING id""", [tijdstip])[0]


def test_logboek_is_per_maand_gepartitioneerd(org):
    assert _een("SELECT partstrat FROM pg_partitioned_table WHERE partrelid = 'audit_auditevent'::regclass") == ("r",)
    event = log.gelezen(org.mensen["teamlid"], org.team_a)
    (partitie,) = _een("SELECT tableoid::regclass::text FROM audit_auditevent WHERE id = %s", [event.pk])
    assert partitie == f"audit_auditevent_p{event.tijdstip:%Y_%m}"


def test_partitie_weigert_ook_rechtstreeks_update_en_delete(org):
    event = log.gelezen(org.mensen["teamlid"], org.team_a)
    naam = f"audit_auditevent_p{event.tijdstip:%Y_%m}"
    for sql in (f"UPDATE {naam} SET actie = 'delete' WHERE id = %s", f"DELETE FROM {naam} WHERE id = %s"):
        with pytest.raises(DB_FOUTEN, match="logboek kan niet worden gewijzigd"), transaction.atomic():
            _een(sql + " RETURNING id", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk, actie="read").exists()


def test_job_maakt_komende_maanden_vooraf_aan():
    vandaag = date(2031, 12, 20)
    assert date(2032, 2, 1) not in partities.partities()
    nieuw = partities.maak_partities_aan(vandaag)
    assert nieuw == ["audit_auditevent_p2031_12", "audit_auditevent_p2032_01", "audit_auditevent_p2032_02"]
    assert {date(2031, 12, 1), date(2032, 1, 1), date(2032, 2, 1)} <= set(partities.partities())
    assert partities.maak_partities_aan(vandaag) == []  # idempotent
    regel = _oude_regel("2032-01-31 23:59:59+00")
    assert _een("SELECT tableoid::regclass::text FROM audit_auditevent WHERE id = %s", [regel]) == (
        "audit_auditevent_p2032_01",)


def test_job_ontkoppelt_maanden_buiten_bewaartermijn_en_bewaart_ze_als_archief():
    for maand in (date(2019, 5, 1), date(2021, 10, 1), date(2021, 11, 1)):
        _een("SELECT audit_maak_partitie(%s)", [maand])
    oud = _oude_regel("2019-05-14 10:00:00+00")
    grensgeval = _oude_regel("2021-11-01 00:00:00+00")

    ontkoppeld = partities.ontkoppel_verlopen(date(2026, 11, 29), bewaar_maanden=60)

    # five years before November 2026 is November 2021: October 2021 and older go, November 2021 stays
    assert "audit_auditevent_p2019_05" in ontkoppeld and "audit_auditevent_p2021_10" in ontkoppeld
    assert "audit_auditevent_p2021_11" not in ontkoppeld
    assert not AuditEvent.objects.filter(pk=oud).exists()
    assert AuditEvent.objects.filter(pk=grensgeval).exists()
    assert _een("SELECT count(*) FROM audit_auditevent_p2019_05 WHERE id = %s", [oud]) == (1,)
    assert date(2019, 5, 1) not in partities.partities()


def test_nachtelijke_taak_is_ingepland_en_draait():
    # run the data migration's function again: a transactional test elsewhere may have flushed its row
    from django.apps import apps

    import_module("audit.migrations.0004_partitieonderhoud_planning").planning(apps, None)
    assert PeriodicTask.objects.filter(task="audit.tasks.onderhoud_partities").count() == 1
    assert PeriodicTask.objects.filter(task="audit.tasks.onderhoud_partities", enabled=True).exists()
    uitkomst = tasks.onderhoud_partities()
    assert uitkomst["ontkoppeld"] == []  # nothing in the test database is five years old
    assert len(partities.partities()) >= 3
