"""The plan and regisseur invariants of the dossier, as SQL: count what breaks them, repair what can be repaired.

Used by migration 0003 (which repairs before it adds the constraints, and prints what it changed) and by
``manage.py controleer_dossierinvarianten`` (which reports, and repairs only with ``--herstel``).

- one active plan per household (across its trajecten): a closed traject's plans are closed with it;
- one concept plan per traject: older concepts are marked ``vervangen``;
- a traject past intake (``plan``, ``uitvoering``) has a regisseur: when a former regisseur or the person
  who moved the traject on is still in the traject's team, they become regisseur again; otherwise the
  traject is reported (by id) for the coördinator.
"""

NA_INTAKE = ("plan", "uitvoering")
HERSTEL_REDEN = "Hersteld bij het invoeren van de controle ‘regisseur na intake’"

_ZONDER_REGISSEUR = """
    SELECT t.id FROM huishoudens_traject t
    WHERE t.status IN ('plan', 'uitvoering')
      AND NOT EXISTS (SELECT 1 FROM huishoudens_regisseurtoewijzing r WHERE r.traject_id = t.id AND r.tot IS NULL)
"""

TELLINGEN = {
    "plannen_van_afgesloten_trajecten": """
        SELECT count(*) FROM huishoudens_plan p JOIN huishoudens_traject t ON t.id = p.traject_id
        WHERE t.status = 'afgesloten' AND p.status IN ('actief', 'concept')""",
    "huishoudens_met_meer_actieve_plannen": """
        SELECT count(*) FROM (SELECT t.huishouden_id FROM huishoudens_plan p
                              JOIN huishoudens_traject t ON t.id = p.traject_id
                              WHERE p.status = 'actief' GROUP BY t.huishouden_id HAVING count(*) > 1) x""",
    "trajecten_met_meer_conceptplannen": """
        SELECT count(*) FROM (SELECT traject_id FROM huishoudens_plan WHERE status = 'concept'
                              GROUP BY traject_id HAVING count(*) > 1) x""",
    "trajecten_na_intake_zonder_regisseur": f"SELECT count(*) FROM ({_ZONDER_REGISSEUR}) x",  # noqa: S608 constant
}

SLUIT_PLANNEN = """
    UPDATE huishoudens_plan p SET status = 'afgesloten'
    FROM huishoudens_traject t
    WHERE t.id = p.traject_id AND t.status = 'afgesloten' AND p.status IN ('actief', 'concept')
    RETURNING p.id
"""

OUDE_CONCEPTEN = """
    UPDATE huishoudens_plan p SET status = 'vervangen'
    WHERE p.status = 'concept'
      AND EXISTS (SELECT 1 FROM huishoudens_plan q WHERE q.traject_id = p.traject_id AND q.status = 'concept'
                  AND (q.versie, q.id) > (p.versie, p.id))
    RETURNING p.id
"""

REGISSEUR_TERUG = f"""
    INSERT INTO huishoudens_regisseurtoewijzing (traject_id, regisseur_id, van, tot, reden, toegewezen_door_id)
    SELECT DISTINCT ON (z.id) z.id, k.user_id, now(), NULL, %s, NULL
    FROM ({_ZONDER_REGISSEUR}) z
    JOIN huishoudens_traject t ON t.id = z.id
    JOIN wijkteams_team tm ON tm.id = t.team_id
    JOIN LATERAL (
        SELECT r.regisseur_id AS user_id, 1 AS rang, r.tot AS wanneer
        FROM huishoudens_regisseurtoewijzing r WHERE r.traject_id = z.id
        UNION ALL
        SELECT s.door_id, 2, s.op FROM huishoudens_statuswijziging s
        WHERE s.traject_id = z.id AND s.door_id IS NOT NULL AND s.naar IN ('plan', 'uitvoering')
    ) k ON TRUE
    WHERE EXISTS (SELECT 1 FROM auth_user_groups ug WHERE ug.user_id = k.user_id AND ug.group_id = tm.groep_id)
    ORDER BY z.id, k.rang, k.wanneer DESC
    RETURNING traject_id
"""  # noqa: S608 (constant SQL fragments; the reason is a bound parameter)


def tel(cursor):
    """{name: count} of every breach of the invariants, as the data stands."""
    uit = {}
    for naam, sql in TELLINGEN.items():
        cursor.execute(sql)
        uit[naam] = cursor.fetchone()[0]
    return uit


def zonder_regisseur(cursor):
    cursor.execute(_ZONDER_REGISSEUR + " ORDER BY t.id")
    return [r[0] for r in cursor.fetchall()]


def herstel(cursor):
    """Repair what can be repaired; returns what was done (counts, and the trajecten still without regisseur)."""
    gevonden = tel(cursor)
    cursor.execute(SLUIT_PLANNEN)
    gesloten = cursor.rowcount
    cursor.execute(OUDE_CONCEPTEN)
    concepten = cursor.rowcount
    cursor.execute(REGISSEUR_TERUG, [HERSTEL_REDEN])
    regisseurs = cursor.rowcount
    return {"gevonden": gevonden, "plannen_gesloten": gesloten, "concepten_vervangen": concepten,
            "regisseur_hersteld": regisseurs, "nog_zonder_regisseur": zonder_regisseur(cursor)}


def rapport(uitkomst):
    """One Dutch report line per fact, for the migration's output and the management command."""
    g = uitkomst["gevonden"]
    rest = uitkomst["nog_zonder_regisseur"]
    return [
        f"plannen (actief/concept) van afgesloten trajecten: {g['plannen_van_afgesloten_trajecten']} gevonden, "
        f"{uitkomst['plannen_gesloten']} afgesloten",
        f"huishoudens met meer dan één actief plan: {g['huishoudens_met_meer_actieve_plannen']}",
        f"trajecten met meer dan één conceptplan: {g['trajecten_met_meer_conceptplannen']} gevonden, "
        f"{uitkomst['concepten_vervangen']} oudere concepten op ‘vervangen’",
        f"trajecten voorbij de intake zonder regisseur: {g['trajecten_na_intake_zonder_regisseur']} gevonden, "
        f"{uitkomst['regisseur_hersteld']} kregen hun vorige regisseur terug, {len(rest)} blijven over"
        + (f" (trajecten {', '.join(map(str, rest[:50]))})" if rest else ""),
    ]


def controleer_uitgestelde(connection):
    """Run the deferred checks of the rows just written now, so the migration may alter the tables next
    (PostgreSQL refuses ALTER TABLE while deferred trigger events are pending)."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
