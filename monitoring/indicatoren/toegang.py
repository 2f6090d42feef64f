"""Indicators from the meldingen (toegang): new meldingen, enkelvoudig versus meervoudig, by channel, lead time
melding → keukentafelgesprek and the onderzoek within 6 weeks (Wmo 2015). SQL over toegang's tables; the gebied
of a melding is its team's, else its traject's, else the gebied of the household's wijk."""

from monitoring.indicatoren.register import Uitkomst, afgerond, gebied_van, percentage, registreer, rijen

MELDINGEN = """
    SELECT m.id, m.soort, m.traject_id, m.onderzoek_uiterlijk, o.ontvangen,
           COALESCE(tm.gebied_id, t.gebied_id,
                    (SELECT w.gebied_id FROM huishoudens_huishouden h JOIN wijkteams_wijk w ON w.id = h.wijk_id
                     WHERE h.id = m.huishouden_id)) AS gebied_id,
           k.naam AS kanaal, gs.gesprek
    FROM toegang_melding m
    CROSS JOIN LATERAL (SELECT (m.ontvangen_op AT TIME ZONE 'Europe/Amsterdam')::date AS ontvangen) o
    JOIN wijkteams_kanaal k ON k.id = m.kanaal_id
    LEFT JOIN wijkteams_team tm ON tm.id = m.team_id
    LEFT JOIN huishoudens_traject t ON t.id = m.traject_id
    LEFT JOIN LATERAL (
        SELECT MIN(g.datum) AS gesprek FROM huishoudens_keukentafelgesprek g
        WHERE g.traject_id = m.traject_id AND g.datum >= o.ontvangen
    ) gs ON TRUE
    WHERE m.gemeente_id = %(gemeente)s
"""


@registreer("meldingen", codes=["meldingen_nieuw", "meldingen_meervoudig", "meldingen_per_kanaal",
                                "dt_melding_gesprek_mediaan", "dt_melding_gesprek_p80", "onderzoek_binnen_6_weken"])
def meldingen(*, gemeente_id, van, tot, codes=None):
    params = {"gemeente": gemeente_id, "van": van, "tot": tot}
    # One pass over the meldingen: per gebied and in total, and the same per channel (for the new ones).
    sql = f"""
        WITH m AS ({MELDINGEN}),
        d AS (
            SELECT gebied_id, soort, LEFT(kanaal, 60) AS kanaal,
                   ontvangen BETWEEN %(van)s AND %(tot)s AS nieuw,
                   CASE WHEN gesprek BETWEEN %(van)s AND %(tot)s THEN gesprek - ontvangen END AS mg,
                   soort = 'meervoudig' AND onderzoek_uiterlijk BETWEEN %(van)s AND %(tot)s AS termijn_in_periode,
                   gesprek IS NOT NULL AND gesprek <= onderzoek_uiterlijk AS op_tijd
            FROM m
            WHERE ontvangen <= %(tot)s
        )
        SELECT GROUPING(gebied_id) = 1 AS totaal, GROUPING(kanaal) = 0 AS per_kanaal, gebied_id, kanaal,
               COUNT(*) FILTER (WHERE nieuw) AS nieuw,
               COUNT(*) FILTER (WHERE nieuw AND soort = 'meervoudig') AS meervoudig,
               COUNT(mg) AS n_mg,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY mg) AS mg_50,
               percentile_cont(0.8) WITHIN GROUP (ORDER BY mg) AS mg_80,
               COUNT(*) FILTER (WHERE termijn_in_periode) AS termijnen,
               COUNT(*) FILTER (WHERE termijn_in_periode AND op_tijd) AS op_tijd
        FROM d GROUP BY GROUPING SETS ((gebied_id), (), (gebied_id, kanaal), (kanaal))
    """  # noqa: S608 (constant SQL fragments; values are bound parameters)
    uit, rijen_ = [], rijen(sql, params)
    nieuw_per = {(r["totaal"], r["gebied_id"]): r["nieuw"] for r in rijen_ if not r["per_kanaal"]}
    for rij in rijen_:
        gebied = gebied_van(rij)
        if gebied is False:
            continue
        if rij["per_kanaal"]:
            alle = nieuw_per.get((rij["totaal"], rij["gebied_id"]), 0)
            if rij["nieuw"]:
                uit.append(Uitkomst("meldingen_per_kanaal", gebied, rij["nieuw"], alle,
                                    percentage(rij["nieuw"], alle), categorie=rij["kanaal"]))
            continue
        uit += [
            Uitkomst("meldingen_nieuw", gebied, rij["nieuw"]),
            Uitkomst("meldingen_meervoudig", gebied, rij["meervoudig"], rij["nieuw"],
                     percentage(rij["meervoudig"], rij["nieuw"])),
            Uitkomst("dt_melding_gesprek_mediaan", gebied, rij["n_mg"], None, afgerond(rij["mg_50"])),
            Uitkomst("dt_melding_gesprek_p80", gebied, rij["n_mg"], None, afgerond(rij["mg_80"])),
            Uitkomst("onderzoek_binnen_6_weken", gebied, rij["op_tijd"], rij["termijnen"],
                     percentage(rij["op_tijd"], rij["termijnen"])),
        ]
    return uit
