"""Two database roles: the owner (runs migrations, owns every table) and the application role.

The application role may read and write the application's tables, but on the audit table only INSERT and
SELECT: no UPDATE, DELETE, TRUNCATE, and no ownership (so it cannot DISABLE TRIGGER or drop the table either).
``manage.py databaserechten`` applies this as the owner after every ``migrate``; it is idempotent.
"""

from django.db import connection

from audit.models import AuditEvent


def _bestaat(cursor, rol):
    cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [rol])
    return cursor.fetchone() is not None


def ken_rechten_toe(app_rol, *, wachtwoord=None, verbinding=None):
    """Create the application role when missing (LOGIN, no superuser) and give it exactly its rights.

    Runs on the owner's connection. Returns the statements it executed (for the command's output)."""
    verbinding = verbinding or connection
    if verbinding is connection:
        # Partitions can only be created by the owner of the log: the owner makes a year ahead here (bin/start,
        # the migrate step of docker-compose), so the nightly job under the app role finds them in place.
        from django.utils import timezone

        from audit.partities import maak_partities_aan

        maak_partities_aan(timezone.now().date(), vooruit=12)
    q = verbinding.ops.quote_name
    rol = q(app_rol)
    audit_tabel = q(AuditEvent._meta.db_table)
    uitgevoerd = []
    with verbinding.cursor() as cursor:
        def sql(statement, params=None):
            cursor.execute(statement, params)
            uitgevoerd.append(statement)

        if not _bestaat(cursor, app_rol):
            sql(f"CREATE ROLE {rol} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT")
        if wachtwoord:
            # the password as a literal (DDL takes no bind parameters): quoted by PostgreSQL itself
            cursor.execute("SELECT quote_literal(%s)", [wachtwoord])
            cursor.execute(f"ALTER ROLE {rol} PASSWORD {cursor.fetchone()[0]}")
            uitgevoerd.append(f"ALTER ROLE {rol} PASSWORD '…'")
        database = q(verbinding.settings_dict["NAME"])
        sql(f"GRANT CONNECT, TEMPORARY ON DATABASE {database} TO {rol}")
        sql(f"GRANT USAGE ON SCHEMA public TO {rol}")
        sql(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {rol}")
        sql(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {rol}")
        sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {rol}")
        # the log and each of its monthly partitions (audit.partities): only INSERT and SELECT
        cursor.execute("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                       "WHERE i.inhparent = %s::regclass", [AuditEvent._meta.db_table])
        for tabel in [audit_tabel] + [q(naam) for (naam,) in cursor.fetchall()]:
            sql(f"REVOKE ALL ON {tabel} FROM {rol}")
            sql(f"GRANT SELECT, INSERT ON {tabel} TO {rol}")
    return uitgevoerd


def rechten_op_audit(app_rol, *, verbinding=None):
    """The privileges the role holds on the audit table (for checks and tests)."""
    verbinding = verbinding or connection
    soorten = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
    heeft = set()
    with verbinding.cursor() as cursor:
        for soort in soorten:
            cursor.execute("SELECT has_table_privilege(%s, %s, %s)", [app_rol, AuditEvent._meta.db_table, soort])
            if cursor.fetchone()[0]:
                heeft.add(soort)
    return heeft
