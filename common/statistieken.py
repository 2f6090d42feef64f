"""Fresh planner statistics for the application's own tables.

A bare ``ANALYZE`` also analyses the cluster-wide catalogs (``pg_authid``, ``pg_database`` …) and holds their lock
until the transaction ends; inside a long transaction (a demo load in a test, a generator run) that blocks every
other database of the cluster that analyses at the same moment. So only the tables of our own schema.
"""


def analyseer(cursor):
    """``ANALYZE`` every table of the current schema in one statement, never the shared catalogs."""
    cursor.execute("SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname = current_schema()")
    tabellen = [r[0] for r in cursor.fetchall()]
    if tabellen:
        cursor.execute("ANALYZE " + ", ".join(tabellen))
