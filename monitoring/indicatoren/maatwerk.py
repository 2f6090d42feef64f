"""Indicators from maatwerk and opschaling (toegang): requests, decisions (granted / rejected / within 2 weeks),
commitments against the budget (through toegang's own budget selector), Wmo clients per 1,000 inhabitants per wijk,
and escalations to every target (per kind, LZN and bestuurstafel on their own) with their outcome. SQL over
toegang's tables."""

from decimal import Decimal

from monitoring.indicatoren.bevolking import WIJKEN, _niveau
from monitoring.indicatoren.register import Uitkomst, gebied_van, per_1000, percentage, registreer, rijen


@registreer("maatwerk", codes=["maatwerk_aanvragen", "maatwerk_toegekend", "maatwerk_afgewezen",
                               "besluit_binnen_2_weken"])
def maatwerk(*, gemeente_id, van, tot, codes=None):
    """Requests made in the period; decisions (granted or rejected) taken in the period, and how many of those
    within 2 weeks after the request (Wmo 2015 art. 4.1.3)."""
    sql = """
        WITH a AS (
            SELECT gebied_id, aanvraagdatum, status,
                   (besloten_op AT TIME ZONE 'Europe/Amsterdam')::date AS besloten
            FROM toegang_aanvraag WHERE gemeente_id = %(gemeente)s AND aanvraagdatum <= %(tot)s
        )
        SELECT GROUPING(gebied_id) = 1 AS totaal, gebied_id,
               COUNT(*) FILTER (WHERE aanvraagdatum >= %(van)s) AS aanvragen,
               COUNT(*) FILTER (WHERE status IN ('toegekend', 'afgewezen') AND besloten BETWEEN %(van)s AND %(tot)s)
                   AS besluiten,
               COUNT(*) FILTER (WHERE status = 'toegekend' AND besloten BETWEEN %(van)s AND %(tot)s) AS toegekend,
               COUNT(*) FILTER (WHERE status = 'afgewezen' AND besloten BETWEEN %(van)s AND %(tot)s) AS afgewezen,
               COUNT(*) FILTER (WHERE status IN ('toegekend', 'afgewezen') AND besloten BETWEEN %(van)s AND %(tot)s
                                AND besloten <= aanvraagdatum + 14) AS op_tijd
        FROM a GROUP BY ROLLUP (gebied_id)
    """
    uit = []
    for rij in rijen(sql, {"gemeente": gemeente_id, "van": van, "tot": tot}):
        gebied = gebied_van(rij)
        if gebied is False:
            continue
        b = rij["besluiten"]
        uit += [
            Uitkomst("maatwerk_aanvragen", gebied, rij["aanvragen"]),
            Uitkomst("maatwerk_toegekend", gebied, rij["toegekend"], b, percentage(rij["toegekend"], b)),
            Uitkomst("maatwerk_afgewezen", gebied, rij["afgewezen"], b, percentage(rij["afgewezen"], b)),
            Uitkomst("besluit_binnen_2_weken", gebied, rij["op_tijd"], b, percentage(rij["op_tijd"], b)),
        ]
    return uit


@registreer("budget", codes=["maatwerk_kosten_budget"])
def budget(*, gemeente_id, van, tot, codes=None):
    """Commitments of the toewijzingen in the calendar year of the period's end against the available budget
    (budget plus reallocations) of that year, per gebied and for the gemeente (all lines), in whole euros.
    The budget lines come from toegang's selector, which computes the commitments in SQL."""
    from toegang.maatwerk.selectors import budgetregels

    regels = budgetregels(gemeente_id=gemeente_id, jaar=tot.year)
    if not regels:
        return []
    # a handful of budget lines (gebied × category), not households
    per_gebied, per_categorie = {}, {}
    for r in regels:
        per_categorie.setdefault(r.categorie_id, []).append(r)
        if r.gebied_id is not None:
            v, b = per_gebied.get(r.gebied_id, (Decimal(0), Decimal(0)))
            per_gebied[r.gebied_id] = (v + r.verplicht, b + r.beschikbaar)
    # gemeente: all budget money; the commitments of a category once (a gemeente-wide line already covers the
    # toewijzingen of every gebied, so it is not added to the gebied lines' commitments)
    verplicht = beschikbaar = Decimal(0)
    for lijst in per_categorie.values():
        algemeen = [r for r in lijst if r.gebied_id is None]
        beschikbaar += sum((r.beschikbaar for r in lijst), Decimal(0))
        verplicht += algemeen[0].verplicht if algemeen else sum((r.verplicht for r in lijst), Decimal(0))
    per_gebied[None] = (verplicht, beschikbaar)
    return [Uitkomst("maatwerk_kosten_budget", gebied, int(round(v)), int(round(b)), percentage(v, b))
            for gebied, (v, b) in per_gebied.items()]


@registreer("wmo_clienten", codes=["wmo_clienten_per_1000"])
def wmo_clienten(*, gemeente_id, van, tot, codes=None):
    """Persons with a Wmo toewijzing running in the period (until the care stopped), per 1,000 inhabitants, per wijk
    (the client's household), per gebied (indeling of the wijk) and for the gemeente."""
    sql = f"""
        WITH w AS ({WIJKEN}),
        c AS (
            SELECT h.wijk_id, COUNT(DISTINCT t.client_id) AS clienten
            FROM toegang_toewijzing t
            JOIN toegang_productcategorie pc ON pc.id = t.categorie_id AND pc.wet = 'wmo'
            JOIN huishoudens_persoon p ON p.id = t.client_id
            JOIN huishoudens_huishouden h ON h.id = p.huishouden_id
            WHERE t.gemeente_id = %(gemeente)s AND t.start <= %(tot)s
              AND LEAST(t.eind, COALESCE(t.zorg_gestopt_op, t.eind)) >= %(van)s
            GROUP BY h.wijk_id
        )
        SELECT GROUPING(w.gebied_id) = 1 AS g_gebied, GROUPING(w.wijk_id) = 1 AS g_wijk, w.gebied_id, w.wijk_id,
               SUM(w.inwoners) AS inwoners, COALESCE(SUM(c.clienten), 0) AS clienten
        FROM w LEFT JOIN c ON c.wijk_id = w.wijk_id
        GROUP BY GROUPING SETS ((w.gebied_id, w.wijk_id), (w.gebied_id), ())
    """  # noqa: S608 (constant SQL fragments; values are bound parameters)
    uit = []
    for rij in rijen(sql, {"gemeente": gemeente_id, "van": van, "tot": tot, "jaar": tot.year}):
        niveau = _niveau(rij)
        if niveau is None:
            continue
        gebied, wijk = niveau
        inwoners = int(rij["inwoners"]) if rij["inwoners"] is not None else None
        clienten = int(rij["clienten"])
        uit.append(Uitkomst("wmo_clienten_per_1000", gebied, clienten, inwoners, per_1000(clienten, inwoners),
                            wijk_id=wijk))
    return uit


@registreer("opschaling", codes=["escalaties_lzn", "escalaties_bestuurstafel", "escalaties_alle",
                                 "escalaties_naar_soort", "escalaties_uitkomst"])
def opschaling(*, gemeente_id, van, tot, codes=None):
    """Escalations registered in the period: to every target of the gemeente (all kinds: LZN, bestuurstafel, youth,
    safety, zorgnetwerk), per kind of target as a share of all, and to the LZN and the bestuurstafel on their own;
    escalations that ended in the period by how they ended (back to the team or closed there). Escalations without
    a gebied (a gemeente without gebieden) count in the gemeente total."""
    params = {"gemeente": gemeente_id, "van": van, "tot": tot}
    sql = """
        SELECT GROUPING(o.gebied_id) = 1 AS totaal, o.gebied_id, d.soort, COUNT(*) AS aantal,
               SUM(COUNT(*)) OVER (PARTITION BY GROUPING(o.gebied_id), o.gebied_id) AS alle
        FROM toegang_opschaling o JOIN toegang_opschalingdoel d ON d.id = o.doel_id
        WHERE o.gemeente_id = %(gemeente)s
          AND (o.aangemeld_op AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN %(van)s AND %(tot)s
        GROUP BY GROUPING SETS ((o.gebied_id, d.soort), (d.soort))
    """
    per_gebied = {}  # gebied → {soort: aantal}; also holds the gemeente total (None) when nothing was escalated
    per_gebied[None] = {}
    for rij in rijen(sql, params):
        gebied = gebied_van(rij)
        if gebied is False:
            continue
        per_gebied.setdefault(gebied, {})[rij["soort"]] = int(rij["aantal"])
    uit = []
    for gebied, soorten in per_gebied.items():
        alle = sum(soorten.values())
        uit += [Uitkomst("escalaties_alle", gebied, alle),
                Uitkomst("escalaties_lzn", gebied, soorten.get("lzn", 0)),
                Uitkomst("escalaties_bestuurstafel", gebied, soorten.get("bestuurstafel", 0))]
        uit += [Uitkomst("escalaties_naar_soort", gebied, aantal, alle, percentage(aantal, alle), categorie=soort)
                for soort, aantal in sorted(soorten.items())]
    einde = """
        SELECT GROUPING(o.gebied_id) = 1 AS totaal, o.gebied_id, o.status, COUNT(*) AS aantal,
               SUM(COUNT(*)) OVER (PARTITION BY GROUPING(o.gebied_id), o.gebied_id) AS alle
        FROM toegang_opschaling o
        WHERE o.gemeente_id = %(gemeente)s AND o.status IN ('afgeschaald', 'afgesloten')
          AND (o.beeindigd_op AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN %(van)s AND %(tot)s
        GROUP BY GROUPING SETS ((o.gebied_id, o.status), (o.status))
    """
    for rij in rijen(einde, params):
        gebied = gebied_van(rij)
        if gebied is False:
            continue
        alle = int(rij["alle"])
        uit.append(Uitkomst("escalaties_uitkomst", gebied, rij["aantal"], alle, percentage(rij["aantal"], alle),
                            categorie=rij["status"]))
    return uit


@registreer("jeugdhulp_jongeren", codes=["jeugdhulp_aandeel_jeugdigen"])
def jeugdhulp_jongeren(*, gemeente_id, van, tot, codes=None):
    """Young people (under 25 at the end of the period) with a Jeugdwet toewijzing running in the period (until the
    care stopped), against the inhabitants aged 0-15 plus 15-25 of the CBS kerncijfers (latest year up to the period's
    year with both groups known); per wijk (the client's household), gebied and gemeente. Wijken without known age
    groups count in neither teller nor noemer, so the share is never taken over a population it does not cover."""
    sql = """
        WITH w AS (
            SELECT w.id AS wijk_id,
                   (SELECT i.gebied_id FROM wijkteams_wijkindeling i
                    WHERE i.wijk_id = w.id AND i.geldig_van <= %(tot)s
                      AND (i.geldig_tot IS NULL OR i.geldig_tot >= %(tot)s)
                    ORDER BY i.geldig_van DESC LIMIT 1) AS gebied_id,
                   (SELECT n.leeftijd_0_15 + n.leeftijd_15_25 FROM wijkteams_wijkinwoners n
                    WHERE n.wijk_id = w.id AND n.jaar <= %(jaar)s AND n.leeftijd_0_15 IS NOT NULL
                      AND n.leeftijd_15_25 IS NOT NULL
                    ORDER BY n.jaar DESC LIMIT 1) AS jongeren
            FROM wijkteams_wijk w WHERE w.gemeente_id = %(gemeente)s
        ),
        c AS (
            SELECT h.wijk_id, COUNT(DISTINCT t.client_id) AS clienten
            FROM toegang_toewijzing t
            JOIN toegang_productcategorie pc ON pc.id = t.categorie_id AND pc.wet = 'jeugdwet'
            JOIN huishoudens_persoon p ON p.id = t.client_id
            JOIN huishoudens_huishouden h ON h.id = p.huishouden_id
            WHERE t.gemeente_id = %(gemeente)s AND t.start <= %(tot)s
              AND LEAST(t.eind, COALESCE(t.zorg_gestopt_op, t.eind)) >= %(van)s
              AND p.geboortedatum > (%(tot)s::date - INTERVAL '25 years')
            GROUP BY h.wijk_id
        )
        SELECT GROUPING(w.gebied_id) = 1 AS g_gebied, GROUPING(w.wijk_id) = 1 AS g_wijk, w.gebied_id, w.wijk_id,
               SUM(w.jongeren) AS jongeren,
               COALESCE(SUM(c.clienten) FILTER (WHERE w.jongeren IS NOT NULL), 0) AS clienten
        FROM w LEFT JOIN c ON c.wijk_id = w.wijk_id
        GROUP BY GROUPING SETS ((w.gebied_id, w.wijk_id), (w.gebied_id), ())
    """
    uit = []
    for rij in rijen(sql, {"gemeente": gemeente_id, "van": van, "tot": tot, "jaar": tot.year}):
        niveau = _niveau(rij)
        if niveau is None or rij["jongeren"] is None:
            continue
        gebied, wijk = niveau
        jongeren, clienten = int(rij["jongeren"]), int(rij["clienten"])
        uit.append(Uitkomst("jeugdhulp_aandeel_jeugdigen", gebied, clienten, jongeren,
                            percentage(clienten, jongeren), wijk_id=wijk))
    return uit
