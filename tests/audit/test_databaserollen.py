"""The application's own database connection (the role it runs as) cannot rewrite the audit log.

pytest-django creates and migrates the test database as the owner (DB_USER); this module grants the
application role its rights exactly as bin/start and docker-compose do (``manage.py databaserechten``) and then
opens a connection *as that role* to the test database: the connection the application uses in production.
"""

import os

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from audit.rollen import rechten_op_audit

APP_ROL = os.environ.get("DB_APP_USER", "wijkteam_app")
TABEL = "audit_auditevent"
# grants on the database and the cluster-wide application role: not while another test process does the same
pytestmark = pytest.mark.serieel


@pytest.fixture(scope="module")
def app_verbinding(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("databaserechten", "--app-rol", APP_ROL)
        s = connection.settings_dict
        verbinding = psycopg.connect(host=s["HOST"], port=s["PORT"], dbname=s["NAME"], user=APP_ROL,
                                     password=os.environ.get("DB_APP_PASSWORD", ""), autocommit=True)
    yield verbinding
    verbinding.close()


def _weigert(verbinding, sql):
    with pytest.raises(psycopg.errors.InsufficientPrivilege) as fout:
        verbinding.execute(sql)
    return str(fout.value)


def test_de_app_verbindt_als_eigen_rol_zonder_superuser(app_verbinding):
    gebruiker, superuser = app_verbinding.execute(
        "SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
    assert (gebruiker, superuser) == (APP_ROL, False)
    eigenaar = app_verbinding.execute("SELECT tableowner FROM pg_tables WHERE tablename = %s", [TABEL]).fetchone()[0]
    assert eigenaar != APP_ROL


def test_de_app_mag_loggen_en_lezen(app_verbinding):
    with app_verbinding.transaction(force_rollback=True):  # leaves no row behind for other tests
        _log_en_lees(app_verbinding)


def _log_en_lees(app_verbinding):
    rij = app_verbinding.execute(
        f"INSERT INTO {TABEL} (tijdstip, actor_weergave, rol, namens, actie, resultaat, object_type, object_id, "
        "request_id, noodtoegang, detail) VALUES (now(), 'app', '', '', 'read', 'gelukt', '', '', '', false, '{}') "
        "RETURNING id").fetchone()
    assert app_verbinding.execute(f"SELECT count(*) FROM {TABEL} WHERE id = %s", [rij[0]]).fetchone()[0] == 1
    # and the other tables stay writable for it: the application still works
    app_verbinding.execute("UPDATE wijkteams_gemeente SET naam = naam WHERE false")
    app_verbinding.execute("DELETE FROM django_session WHERE false")


@pytest.mark.parametrize("sql", [
    f"UPDATE {TABEL} SET actie = 'delete'",
    f"DELETE FROM {TABEL}",
    f"TRUNCATE {TABEL}",
])
def test_de_app_kan_het_logboek_niet_wijzigen_legen_of_verwijderen(app_verbinding, sql):
    assert "permission denied" in _weigert(app_verbinding, sql)


@pytest.mark.parametrize("sql", [
    f"ALTER TABLE {TABEL} DISABLE TRIGGER ALL",
    f"ALTER TABLE {TABEL} DISABLE TRIGGER audit_event_alleen_toevoegen",
    f"DROP TABLE {TABEL}",
    f"ALTER TABLE {TABEL} OWNER TO {APP_ROL}",
])
def test_de_app_kan_de_trigger_niet_uitzetten_en_is_geen_eigenaar(app_verbinding, sql):
    assert "must be owner" in _weigert(app_verbinding, sql)


def test_de_rechten_van_de_app_op_het_logboek_zijn_alleen_insert_en_select(app_verbinding, db):
    assert rechten_op_audit(APP_ROL) == {"INSERT", "SELECT"}
