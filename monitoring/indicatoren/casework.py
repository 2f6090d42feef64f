"""Indicators computed from the casework of the wijkteams (huishoudens: traject, persoon, gesprek, plan).

The gebied of a casework number is the gebied of the traject (the team that carried it). Each function
is one SQL statement grouped per gebied with ROLLUP for the gemeente total.
"""

from monitoring.indicatoren.register import Uitkomst, afgerond, gebied_van, percentage, registreer, rijen

# Trajecten of the gemeente that ran during the period (registered on or before its end and not closed
# before its start).
TRAJECTEN_IN_PERIODE = """
    SELECT t.id, t.huishouden_id, t.gebied_id, t.aangemeld_op, t.afgesloten_op
    FROM huishoudens_traject t
    JOIN huishoudens_huishouden h ON h.id = t.huishouden_id
    WHERE h.gemeente_id = %(gemeente)s
      AND t.aangemeld_op <= %(tot)s
      AND (t.afgesloten_op IS NULL OR t.afgesloten_op >= %(van)s)
"""


def _params(gemeente_id, van, tot):
    return {"gemeente": gemeente_id, "van": van, "tot": tot}


@registreer("bereik", codes=["hh_ondersteund", "hh_nieuw", "hh_lopend", "hh_afgesloten"])
def bereik(*, gemeente_id, van, tot, codes=None):
    sql = f"""
        WITH t AS ({TRAJECTEN_IN_PERIODE})
        SELECT GROUPING(t.gebied_id) = 1 AS totaal, t.gebied_id,
               COUNT(DISTINCT t.huishouden_id) AS ondersteund,
               COUNT(DISTINCT t.huishouden_id) FILTER (WHERE t.aangemeld_op >= %(van)s) AS nieuw,
               COUNT(DISTINCT t.huishouden_id) FILTER (WHERE t.aangemeld_op < %(van)s) AS lopend,
               COUNT(DISTINCT t.huishouden_id) FILTER (WHERE t.afgesloten_op <= %(tot)s) AS afgesloten
        FROM t GROUP BY ROLLUP (t.gebied_id)
    """  # noqa: S608 (constant SQL fragments; values are bound parameters)
    uit = []
    for rij in rijen(sql, _params(gemeente_id, van, tot)):
        gebied = gebied_van(rij)
        if gebied is False:
            continue
        uit += [
            Uitkomst("hh_ondersteund", gebied, rij["ondersteund"]),
            Uitkomst("hh_nieuw", gebied, rij["nieuw"]),
            Uitkomst("hh_lopend", gebied, rij["lopend"]),
            Uitkomst("hh_afgesloten", gebied, rij["afgesloten"]),
        ]
    return uit


@registreer("personen", codes=["personen_ondersteund", "mantelzorgers_clienten", "vrijwilligers_clienten"])
def personen(*, gemeente_id, van, tot, codes=None):
    """Persons in the supported households (the household's latest traject in the period gives the gebied).
    Mantelzorgers and volunteers are shares of the adult clients: client figures, not population shares."""
    sql = f"""
        WITH t AS ({TRAJECTEN_IN_PERIODE}),
        hh AS (SELECT DISTINCT ON (t.huishouden_id) t.huishouden_id, t.gebied_id
               FROM t ORDER BY t.huishouden_id, t.aangemeld_op DESC, t.id DESC)
        SELECT GROUPING(hh.gebied_id) = 1 AS totaal, hh.gebied_id,
               COUNT(*) AS personen,
               COUNT(*) FILTER (WHERE p.geboortedatum <= %(volwassen)s) AS volwassenen,
               COUNT(*) FILTER (WHERE p.geboortedatum <= %(volwassen)s AND p.is_mantelzorger) AS mantelzorgers,
               COUNT(*) FILTER (WHERE p.geboortedatum <= %(volwassen)s AND p.doet_vrijwilligerswerk) AS vrijwilligers
        FROM hh JOIN huishoudens_persoon p ON p.huishouden_id = hh.huishouden_id AND p.samengevoegd_in_id IS NULL
        GROUP BY ROLLUP (hh.gebied_id)
    """  # noqa: S608 (constant SQL fragments; values are bound parameters)
    params = _params(gemeente_id, van, tot)
    params["volwassen"] = tot.replace(year=tot.year - 18) if not (tot.month == 2 and tot.day == 29) else \
        tot.replace(year=tot.year - 18, day=28)
    uit = []
    for rij in rijen(sql, params):
        gebied = gebied_van(rij)
        if gebied is False:
            continue
        uit += [
            Uitkomst("personen_ondersteund", gebied, rij["personen"]),
            Uitkomst("mantelzorgers_clienten", gebied, rij["mantelzorgers"], rij["volwassenen"],
                     percentage(rij["mantelzorgers"], rij["volwassenen"])),
            Uitkomst("vrijwilligers_clienten", gebied, rij["vrijwilligers"], rij["volwassenen"],
                     percentage(rij["vrijwilligers"], rij["volwassenen"])),
        ]
    return uit


@registreer("afsluiting", codes=["afgesloten_naar_reden"])
def afsluiting(*, gemeente_id, van, tot, codes=None):
    """Trajecten closed in the period by reason: count per reason, as a share of all closed."""
    sql = """
        SELECT GROUPING(t.gebied_id) = 1 AS totaal, t.gebied_id, t.afsluitreden, COUNT(*) AS aantal,
               SUM(COUNT(*)) OVER (PARTITION BY GROUPING(t.gebied_id), t.gebied_id) AS alle
        FROM huishoudens_traject t
        JOIN huishoudens_huishouden h ON h.id = t.huishouden_id
        WHERE h.gemeente_id = %(gemeente)s AND t.status = 'afgesloten'
          AND t.afgesloten_op BETWEEN %(van)s AND %(tot)s
        GROUP BY GROUPING SETS ((t.gebied_id, t.afsluitreden), (t.afsluitreden))
    """
    uit = []
    for rij in rijen(sql, _params(gemeente_id, van, tot)):
        gebied = gebied_van(rij)
        if gebied is False:
            continue
        alle = int(rij["alle"])
        uit.append(Uitkomst("afgesloten_naar_reden", gebied, rij["aantal"], alle, percentage(rij["aantal"], alle),
                            categorie=rij["afsluitreden"] or "onbekend"))
    return uit


@registreer("heropening", codes=["heropend_binnen_jaar"])
def heropening(*, gemeente_id, van, tot, codes=None):
    """Trajecten reopened in the period within 365 days after they were closed (StatusWijziging history)."""
    sql = """
        SELECT GROUPING(t.gebied_id) = 1 AS totaal, t.gebied_id,
               COUNT(*) FILTER (WHERE dicht.op >= s.op - interval '365 days') AS binnen_jaar,
               COUNT(*) AS heropend
        FROM huishoudens_statuswijziging s
        JOIN huishoudens_traject t ON t.id = s.traject_id
        JOIN huishoudens_huishouden h ON h.id = t.huishouden_id
        LEFT JOIN LATERAL (
            SELECT MAX(a.op) AS op FROM huishoudens_statuswijziging a
            WHERE a.traject_id = s.traject_id AND a.naar = 'afgesloten' AND a.op < s.op
        ) dicht ON TRUE
        WHERE h.gemeente_id = %(gemeente)s AND s.naar = 'heropend'
          AND (s.op AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN %(van)s AND %(tot)s
        GROUP BY ROLLUP (t.gebied_id)
    """
    uit = []
    for rij in rijen(sql, _params(gemeente_id, van, tot)):
        gebied = gebied_van(rij)
        if gebied is False:
            continue
        uit.append(Uitkomst("heropend_binnen_jaar", gebied, rij["binnen_jaar"], rij["heropend"]))
    if not any(u.gebied_id is None for u in uit):
        uit.append(Uitkomst("heropend_binnen_jaar", None, 0, 0))
    return uit


@registreer("ladder", codes=["ladder_mix"])
def ladder(*, gemeente_id, van, tot, codes=None):
    """Activities of the plans in force (active, or closed with their traject) of trajecten running in the period,
    by ladder step (share of all)."""
    sql = f"""
        WITH t AS ({TRAJECTEN_IN_PERIODE})
        SELECT GROUPING(t.gebied_id) = 1 AS totaal, t.gebied_id, a.ladder, COUNT(*) AS aantal,
               SUM(COUNT(*)) OVER (PARTITION BY GROUPING(t.gebied_id), t.gebied_id) AS alle
        FROM t
        JOIN huishoudens_plan p ON p.traject_id = t.id AND p.status IN ('actief', 'afgesloten')
        JOIN huishoudens_doel d ON d.plan_id = p.id
        JOIN huishoudens_actie a ON a.doel_id = d.id
        WHERE (a.start IS NULL OR a.start <= %(tot)s) AND (a.eind IS NULL OR a.eind >= %(van)s)
        GROUP BY GROUPING SETS ((t.gebied_id, a.ladder), (a.ladder))
    """  # noqa: S608 (constant SQL fragments; values are bound parameters)
    uit = []
    for rij in rijen(sql, _params(gemeente_id, van, tot)):
        gebied = gebied_van(rij)
        if gebied is False:
            continue
        alle = int(rij["alle"])
        uit.append(Uitkomst("ladder_mix", gebied, rij["aantal"], alle, percentage(rij["aantal"], alle),
                            categorie=rij["ladder"]))
    return uit


@registreer("doorlooptijden", codes=["dt_aanmelding_gesprek_mediaan", "dt_aanmelding_gesprek_p80",
                                     "dt_gesprek_plan_mediaan", "dt_gesprek_plan_p80"])
def doorlooptijden(*, gemeente_id, van, tot, codes=None):
    """Days from registration to the first keukentafelgesprek (for first conversations held in the period) and
    from that conversation to the first plan (for first plans made in the period): median and 80th percentile."""
    sql = f"""
        WITH t AS ({TRAJECTEN_IN_PERIODE}),
        g AS (SELECT k.traject_id, MIN(k.datum) AS gesprek FROM huishoudens_keukentafelgesprek k
              GROUP BY k.traject_id),
        p AS (SELECT pl.traject_id, (MIN(pl.aangemaakt_op) AT TIME ZONE 'Europe/Amsterdam')::date AS plan
              FROM huishoudens_plan pl GROUP BY pl.traject_id),
        tg AS (SELECT t.gebied_id, t.aangemeld_op, g.gesprek, p.plan FROM t
               LEFT JOIN g ON g.traject_id = t.id LEFT JOIN p ON p.traject_id = t.id),
        d AS (
            SELECT gebied_id,
                   CASE WHEN gesprek BETWEEN %(van)s AND %(tot)s AND gesprek >= aangemeld_op
                        THEN gesprek - aangemeld_op END AS ag,
                   CASE WHEN plan BETWEEN %(van)s AND %(tot)s AND gesprek IS NOT NULL AND plan >= gesprek
                        THEN plan - gesprek END AS gp
            FROM tg
        )
        SELECT GROUPING(gebied_id) = 1 AS totaal, gebied_id,
               COUNT(ag) AS n_ag,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY ag) AS ag_50,
               percentile_cont(0.8) WITHIN GROUP (ORDER BY ag) AS ag_80,
               COUNT(gp) AS n_gp,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY gp) AS gp_50,
               percentile_cont(0.8) WITHIN GROUP (ORDER BY gp) AS gp_80
        FROM d GROUP BY ROLLUP (gebied_id)
    """  # noqa: S608 (constant SQL fragments; values are bound parameters)
    uit = []
    for rij in rijen(sql, _params(gemeente_id, van, tot)):
        gebied = gebied_van(rij)
        if gebied is False:
            continue
        uit += [
            Uitkomst("dt_aanmelding_gesprek_mediaan", gebied, rij["n_ag"], None, afgerond(rij["ag_50"])),
            Uitkomst("dt_aanmelding_gesprek_p80", gebied, rij["n_ag"], None, afgerond(rij["ag_80"])),
            Uitkomst("dt_gesprek_plan_mediaan", gebied, rij["n_gp"], None, afgerond(rij["gp_50"])),
            Uitkomst("dt_gesprek_plan_p80", gebied, rij["n_gp"], None, afgerond(rij["gp_80"])),
        ]
    return uit
