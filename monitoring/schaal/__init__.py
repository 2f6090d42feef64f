"""Synthetic data at a chosen scale (by default Rotterdam's), for benchmarks and the CI smoke test.

``genereer(seed=1, schaal=1.0, auditdagen=365)`` fills one new gemeente with set-based SQL (INSERT ... SELECT
over ``generate_series``; the statements are in the ``*.sql`` files next to this module, run in order). Every
"random" choice is ``hashint8extended(n, seed)`` of an ordinal number, so a seed gives the same data in an empty
database. It stays within the database's constraints and triggers (a traject past intake has its regisseur by
commit) and writes the object permissions as ``huishoudens.rechten.herzie_toegang`` and ``wijkteams.rechten``
grant them (with their audit rows), plus ``auditdagen`` days of read-log rows as ``audit.log`` writes them.

At ``schaal`` 1.0: 14 gebieden, 70 wijken, 300,000 households, ~650,000 persons, 100,000 trajecten (60 % closed,
the open ones in every status), ~200,000 meldingen, ~50,000 maatwerk requests, ~1,000,000 ZRM measurements,
2,000 staff in 60 teams, ~410,000 audit rows per day (150 million a year).
"""

import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from common.statistieken import analyseer
from toegang.maatwerk.catalogus import laad_codelijsten

MAP = Path(__file__).resolve().parent
STAPPEN = ("organisatie.sql", "dossiers.sql", "rechten.sql", "toegang.sql", "zrm.sql")

# Rotterdam (scale 1.0)
HUISHOUDENS = 300_000
TRAJECTEN = 100_000
MELDINGEN = 200_000
STAF = 2_000
TEAMS = 60
GEBIEDEN = 14
LEESREGELS_PER_STAF_PER_DAG = 205  # 150 million a year at 2,000 staff
AANVRAAG_PROMILLE = 543  # of the ~92,000 trajecten with a plan: ~50,000 requests
VROEGSTE_DAG = 1_410  # the oldest aangemeld_op (closed: up to 999 + 30 + 369 days back) and its melding


@dataclass
class Maat:
    huishoudens: int
    trajecten: int
    meldingen: int
    staf: int
    teams: int
    leesregels_per_dag: int

    @classmethod
    def voor(cls, schaal):
        teams = max(GEBIEDEN, round(TEAMS * schaal))
        staf = max(2 * teams, round(STAF * schaal))
        return cls(huishoudens=max(30, round(HUISHOUDENS * schaal)), trajecten=max(10, round(TRAJECTEN * schaal)),
                   meldingen=max(20, round(MELDINGEN * schaal)), staf=staf, teams=teams,
                   leesregels_per_dag=LEESREGELS_PER_STAF_PER_DAG * staf)


def statements(bestand):
    """The statements of one .sql file (separated by ';' at a line end; '--' comment lines dropped)."""
    regels = [r for r in (MAP / bestand).read_text().splitlines() if not r.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(regels).split(";\n") if s.strip().rstrip(";")]


def _uitvoeren(cursor, bestand, meld):
    begin = time.perf_counter()
    for sql in statements(bestand):
        cursor.execute(sql.rstrip(";"))
    meld(f"{bestand}: {time.perf_counter() - begin:.1f} s")


def _maand_plus(maand, n):
    index = maand.year * 12 + maand.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def genereer(*, seed=1, schaal=1.0, auditdagen=365, cbs="0599", peildatum=None, meld=print):
    """Generate one gemeente (CBS code ``cbs``, must not exist yet) at ``schaal``; returns a dict of counts.

    The temporary tables ``g_*`` (the generator's numbering) live until the connection closes.
    """
    peildatum = peildatum or timezone.localdate()
    maat = Maat.voor(schaal)
    begin = time.perf_counter()
    with connection.cursor() as c:
        c.execute("SET LOCAL jit = off" if connection.in_atomic_block else "SET jit = off")
        # a second run on the same connection (another scale, another cbs) starts from clean numbering
        c.execute("""SELECT string_agg('pg_temp.' || quote_ident(relname), ', ') FROM pg_class
                     WHERE relnamespace = pg_my_temp_schema() AND relkind = 'r'
                       AND (relname LIKE 'g\\_%%' OR relname IN ('p', 'perm'))""")
        oud = c.fetchone()[0]
        if oud:
            c.execute(f"DROP TABLE {oud}")
        c.execute("""CREATE TEMP TABLE p AS SELECT %s::int AS seed, %s::text AS cbs, %s::date AS peildatum,
                     %s::int AS huishoudens, %s::int AS trajecten, %s::int AS meldingen, %s::int AS staf,
                     %s::int AS teams, %s::int AS leesregels_per_dag, %s::int AS aanvraag_promille,
                     3 AS zrm_min, 5 AS zrm_spreiding""",
                  [seed, cbs, peildatum, maat.huishoudens, maat.trajecten, maat.meldingen, maat.staf, maat.teams,
                   maat.leesregels_per_dag, AANVRAAG_PROMILLE])
        c.execute("""CREATE TEMP TABLE perm AS SELECT p.id, p.codename FROM auth_permission p
                     JOIN django_content_type ct ON ct.id = p.content_type_id
                     WHERE (ct.app_label, ct.model) IN (('huishoudens', 'huishouden'), ('wijkteams', 'team'))""")
        # "random": a hash of an ordinal number and a salt, the same for the same seed
        c.execute(f"""CREATE OR REPLACE FUNCTION pg_temp.r(i bigint, salt int) RETURNS bigint LANGUAGE sql IMMUTABLE
                      AS $$ SELECT hashint8extended(i, {int(seed)}::bigint * 1000 + salt) & 9223372036854775807 $$""")
        c.execute(f"""CREATE OR REPLACE FUNCTION pg_temp.peil() RETURNS date LANGUAGE sql IMMUTABLE
                      AS $$ SELECT DATE '{peildatum.isoformat()}' $$""")
        # the monthly partitions of the audit table for every month the generator writes rows in (the grants are
        # dated at the registration of their traject, up to ~1,400 days back; the reads ``auditdagen`` back),
        # before any row of those months: a month's rows in the default partition would block its partition
        eerste = peildatum - timedelta(days=max(auditdagen, VROEGSTE_DAG))
        maand = eerste.replace(day=1)
        while maand <= _maand_plus(peildatum.replace(day=1), 2):
            c.execute("SELECT audit_maak_partitie(%s)", [maand])
            maand = _maand_plus(maand, 1)
        # the national code lists come with a data migration, but a test that flushed the database (an earlier
        # benchmark in the same run) has emptied them: the products below need their categories
        laad_codelijsten()
        # one transaction for the dossier: a traject past intake must have its regisseur by commit
        with transaction.atomic():
            for bestand in STAPPEN:
                _uitvoeren(c, bestand, meld)
                # the next step's joins need the planner to know what this one wrote: on a fresh database the
                # tables had no statistics (autovacuum cannot see this uncommitted transaction), and the requests'
                # INSERT of toegang.sql ran a nested loop over every plan for 10 minutes instead of seconds
                analyseer(c)
        _uitvoeren(c, "audit.sql", meld)
        dag_sql = statements("audit_dag.sql")[0]
        start = time.perf_counter()
        for d in range(auditdagen):
            dag = peildatum - timedelta(days=auditdagen - d)
            c.execute(f"""CREATE OR REPLACE FUNCTION pg_temp.dag() RETURNS date LANGUAGE sql IMMUTABLE
                          AS $$ SELECT DATE '{dag.isoformat()}' $$""")
            c.execute(f"""CREATE OR REPLACE FUNCTION pg_temp.dagnr() RETURNS bigint LANGUAGE sql IMMUTABLE
                          AS $$ SELECT {d + 1}::bigint $$""")
            with transaction.atomic():
                c.execute(dag_sql)
            if d % 30 == 29 or d == auditdagen - 1:
                meld(f"leeslog: {d + 1} van {auditdagen} dagen, {time.perf_counter() - start:.0f} s")
        analyseer(c)
        tellingen = tel(cbs)
    tellingen["seconden"] = round(time.perf_counter() - begin, 1)
    return tellingen


TABELLEN = {
    "huishoudens": "SELECT count(*) FROM huishoudens_huishouden WHERE gemeente_id = %(g)s",
    "personen": """SELECT count(*) FROM huishoudens_persoon p JOIN huishoudens_huishouden h ON h.id = p.huishouden_id
                   WHERE h.gemeente_id = %(g)s""",
    "trajecten": """SELECT count(*) FROM huishoudens_traject t JOIN huishoudens_huishouden h ON h.id = t.huishouden_id
                    WHERE h.gemeente_id = %(g)s""",
    "zrm_metingen": "SELECT count(*) FROM zelfredzaamheid_meting WHERE gemeente_id = %(g)s",
    "meldingen": "SELECT count(*) FROM toegang_melding WHERE gemeente_id = %(g)s",
    "aanvragen": "SELECT count(*) FROM toegang_aanvraag WHERE gemeente_id = %(g)s",
    "medewerkers": "SELECT count(*) FROM wijkteams_medewerker WHERE gemeente_id = %(g)s",
    "teams": "SELECT count(*) FROM wijkteams_team WHERE gemeente_id = %(g)s",
    "rechten_groep": """SELECT count(*) FROM huishoudens_huishoudengroupobjectpermission r
                        JOIN huishoudens_huishouden h ON h.id = r.content_object_id WHERE h.gemeente_id = %(g)s""",
    "rechten_gebruiker": """SELECT count(*) FROM huishoudens_huishoudenuserobjectpermission r
                            JOIN huishoudens_huishouden h ON h.id = r.content_object_id WHERE h.gemeente_id = %(g)s""",
    "leesregels": "SELECT count(*) FROM audit_auditevent WHERE gemeente_id = %(g)s AND actie = 'read'",
}


def tel(cbs="0599"):
    """The number of rows per kind for the generated gemeente."""
    with connection.cursor() as c:
        c.execute("SELECT id FROM wijkteams_gemeente WHERE cbs_code = %s", [cbs])
        g = c.fetchone()[0]
        uit = {}
        for naam, sql in TABELLEN.items():
            c.execute(sql, {"g": g})
            uit[naam] = c.fetchone()[0]
    return uit
