"""The monthly partitions of the audit table (see migration 0003): create ahead, detach per retention.

The log is kept at least ``AUDIT_BEWAARTERMIJN_MAANDEN`` (default 60: five years, NEN 7513). A month whose
last day is older than that is *detached*: its table ``audit_auditevent_pYYYY_MM`` stays in the database as
a standalone archive (for export, then dropping by the DBA), but no longer belongs to the live log, so
"wie bekeek" and the planner never look at it again. Nothing here can change or delete a row.
"""

import logging
import re
from datetime import date

from django.conf import settings
from django.db import connection, transaction

log = logging.getLogger(__name__)

TABEL = "audit_auditevent"
_NAAM = re.compile(rf"^{TABEL}_p(\d{{4}})_(\d{{2}})$")


def _maand_plus(maand, n):
    index = maand.year * 12 + maand.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def partities():
    """The months that have a partition attached to the live log, oldest first."""
    with connection.cursor() as c:
        c.execute("""SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                     WHERE i.inhparent = %s::regclass""", [TABEL])
        namen = [r[0] for r in c.fetchall()]
    maanden = [date(int(m[1]), int(m[2]), 1) for m in map(_NAAM.match, namen) if m]
    return sorted(maanden)


def maak_partities_aan(vandaag, vooruit=2):
    """Create the partitions of this month and the next ``vooruit`` months if missing; returns the new names."""
    nieuw = []
    deze_maand = vandaag.replace(day=1)
    for n in range(vooruit + 1):
        maand = _maand_plus(deze_maand, n)
        try:
            with transaction.atomic(), connection.cursor() as c:
                c.execute("SELECT audit_maak_partitie(%s)", [maand])
                naam = c.fetchone()[0]
        except Exception:
            # Rows of that month already sit in the default partition (the job did not run in time):
            # they stay there, readable; say so loudly instead of failing the other months.
            log.exception("Partitie voor %s kon niet worden aangemaakt", maand)
            continue
        if naam:
            nieuw.append(naam)
    return nieuw


def ontkoppel_verlopen(vandaag, bewaar_maanden=None):
    """Detach every month partition that ended more than the retention period ago; returns their names."""
    bewaar_maanden = bewaar_maanden or settings.AUDIT_BEWAARTERMIJN_MAANDEN
    grens = _maand_plus(vandaag.replace(day=1), -bewaar_maanden)
    ontkoppeld = []
    for maand in partities():
        if _maand_plus(maand, 1) > grens:
            break
        naam = f"{TABEL}_p{maand:%Y_%m}"
        with transaction.atomic(), connection.cursor() as c:
            c.execute(f'ALTER TABLE {TABEL} DETACH PARTITION "{naam}"')
        log.info("Logboekpartitie %s ontkoppeld (ouder dan %s maanden)", naam, bewaar_maanden)
        ontkoppeld.append(naam)
    return ontkoppeld
