"""Indicators per wijk: inhabitants (wijkteams.WijkInwoners), reach per 1,000 inhabitants, and the figures
imported per wijk from research and surveys (ImportWaarde). The gebied of a wijk is the one it belonged to
at the end of the period (WijkIndeling), so trends stay comparable after a re-indeling.
"""

from monitoring.indicatoren.register import Uitkomst, per_1000, percentage, registreer, rijen

# Each wijk of the gemeente with its gebied at the end of the period and its inhabitants in the latest year
# known up to the period's year.
WIJKEN = """
    SELECT w.id AS wijk_id,
           (SELECT i.gebied_id FROM wijkteams_wijkindeling i
            WHERE i.wijk_id = w.id AND i.geldig_van <= %(tot)s AND (i.geldig_tot IS NULL OR i.geldig_tot >= %(tot)s)
            ORDER BY i.geldig_van DESC LIMIT 1) AS gebied_id,
           (SELECT n.aantal FROM wijkteams_wijkinwoners n
            WHERE n.wijk_id = w.id AND n.jaar <= %(jaar)s ORDER BY n.jaar DESC LIMIT 1) AS inwoners
    FROM wijkteams_wijk w WHERE w.gemeente_id = %(gemeente)s
"""


def _niveau(rij):
    """(gebied_id, wijk_id) of a GROUPING SETS row, or None for a row to skip (a wijk-less gebied row)."""
    if rij["g_gebied"] and rij["g_wijk"]:
        return (None, None)
    if rij["g_wijk"]:
        return None if rij["gebied_id"] is None else (rij["gebied_id"], None)
    return (rij["gebied_id"], rij["wijk_id"])


@registreer("bevolking", codes=["inwoners", "hh_ondersteund_per_1000"])
def bevolking(*, gemeente_id, van, tot, codes=None):
    sql = f"""
        WITH w AS ({WIJKEN}),
        hh AS (
            SELECT h.wijk_id, COUNT(DISTINCT t.huishouden_id) AS ondersteund
            FROM huishoudens_traject t JOIN huishoudens_huishouden h ON h.id = t.huishouden_id
            WHERE h.gemeente_id = %(gemeente)s AND t.aangemeld_op <= %(tot)s
              AND (t.afgesloten_op IS NULL OR t.afgesloten_op >= %(van)s)
            GROUP BY h.wijk_id
        )
        SELECT GROUPING(w.gebied_id) = 1 AS g_gebied, GROUPING(w.wijk_id) = 1 AS g_wijk, w.gebied_id, w.wijk_id,
               SUM(w.inwoners) AS inwoners, COALESCE(SUM(hh.ondersteund), 0) AS ondersteund
        FROM w LEFT JOIN hh ON hh.wijk_id = w.wijk_id
        GROUP BY GROUPING SETS ((w.gebied_id, w.wijk_id), (w.gebied_id), ())
    """  # noqa: S608 (constant SQL fragments; values are bound parameters)
    uit = []
    for rij in rijen(sql, {"gemeente": gemeente_id, "van": van, "tot": tot, "jaar": tot.year}):
        niveau = _niveau(rij)
        if niveau is None:
            continue
        gebied, wijk = niveau
        inwoners = int(rij["inwoners"]) if rij["inwoners"] is not None else None
        ondersteund = int(rij["ondersteund"])
        uit += [
            Uitkomst("inwoners", gebied, inwoners, wijk_id=wijk),
            Uitkomst("hh_ondersteund_per_1000", gebied, ondersteund, inwoners, per_1000(ondersteund, inwoners),
                     wijk_id=wijk),
        ]
    return uit


@registreer("import_per_wijk", dynamisch=True)
def import_per_wijk(*, gemeente_id, van, tot, codes=None):
    """Imported shares per wijk: for each indicator and wijk the latest figure that started on or before the end
    of the period; gebied and gemeente are the sums of teller and noemer over their wijken."""
    if not codes:
        return []
    sql = f"""
        WITH w AS ({WIJKEN}),
        laatste AS (
            SELECT DISTINCT ON (iw.indicator_id, iw.wijk_id) ind.code, iw.wijk_id, iw.teller, iw.noemer
            FROM monitoring_importwaarde iw JOIN monitoring_indicator ind ON ind.id = iw.indicator_id
            WHERE iw.gemeente_id = %(gemeente)s AND iw.van <= %(tot)s AND ind.code = ANY(%(codes)s)
            ORDER BY iw.indicator_id, iw.wijk_id, iw.van DESC, iw.tot DESC
        )
        SELECT l.code, GROUPING(w.gebied_id) = 1 AS g_gebied, GROUPING(w.wijk_id) = 1 AS g_wijk,
               w.gebied_id, w.wijk_id, SUM(l.teller) AS teller, SUM(l.noemer) AS noemer
        FROM laatste l JOIN w ON w.wijk_id = l.wijk_id
        GROUP BY GROUPING SETS ((l.code, w.gebied_id, w.wijk_id), (l.code, w.gebied_id), (l.code))
    """  # noqa: S608 (constant SQL fragments; values are bound parameters)
    uit = []
    for rij in rijen(sql, {"gemeente": gemeente_id, "van": van, "tot": tot, "jaar": tot.year,
                           "codes": list(codes)}):
        niveau = _niveau(rij)
        if niveau is None:
            continue
        gebied, wijk = niveau
        teller, noemer = int(rij["teller"]), int(rij["noemer"])
        uit.append(Uitkomst(rij["code"], gebied, teller, noemer, percentage(teller, noemer), wijk_id=wijk))
    return uit
