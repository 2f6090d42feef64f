"""Participatiewet indicators: the outflow of clients to paid work or education (huishoudens.Uitstroom, recorded at
the end of a traject or an activity). A client counts once per kind in a period; per gebied of the traject and for
the gemeente."""

from monitoring.indicatoren.register import Uitkomst, gebied_van, registreer, rijen

CODES = {"werk": "participatie_uitstroom_werk", "opleiding": "participatie_uitstroom_opleiding"}


@registreer("participatie", codes=list(CODES.values()))
def participatie(*, gemeente_id, van, tot, codes=None):
    sql = """
        SELECT GROUPING(t.gebied_id) = 1 AS totaal, t.gebied_id,
               COUNT(DISTINCT u.persoon_id) FILTER (WHERE u.soort = 'werk') AS werk,
               COUNT(DISTINCT u.persoon_id) FILTER (WHERE u.soort = 'opleiding') AS opleiding
        FROM huishoudens_uitstroom u
        JOIN huishoudens_traject t ON t.id = u.traject_id
        JOIN huishoudens_huishouden h ON h.id = t.huishouden_id
        WHERE h.gemeente_id = %(gemeente)s AND u.datum BETWEEN %(van)s AND %(tot)s
        GROUP BY ROLLUP (t.gebied_id)
    """
    uit = []
    gemeente_gezien = False
    for rij in rijen(sql, {"gemeente": gemeente_id, "van": van, "tot": tot}):
        gebied = gebied_van(rij)
        if gebied is False:
            continue
        gemeente_gezien |= gebied is None
        uit += [Uitkomst(code, gebied, rij[soort]) for soort, code in CODES.items()]
    if not gemeente_gezien:  # no outflow at all: the gemeente's figure is 0, not unknown
        uit += [Uitkomst(code, None, 0) for code in CODES.values()]
    return uit
