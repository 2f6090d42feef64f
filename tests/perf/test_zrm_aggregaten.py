"""Benchmark (not run by CI; run with ``bin/bench`` or ``pytest tests/perf -s --override-ini addopts=``):
1,000,000 ZRM measurements generated with INSERT … SELECT generate_series, then the application's per-gebied
aggregates for one quarter (``zrm_aggregaten``) next to one hand-written SQL query that computes the same
numbers by another route (unnest WITH ORDINALITY, first measurement from the raw history instead of the
``is_eerste`` mark). Prints the times and the ratio; asserts that both give identical numbers (no timing
assertion). Target from the issue: the application within 1.2× of the hand-written query, ~1 s per quarter.
"""

import statistics
import time
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from tests.e2e.test_zrm import laad_catalogus
from tests.factories import GebiedFactory, GemeenteFactory, WijkFactory, maak_team
from zelfredzaamheid.models import MatrixVersie
from zelfredzaamheid.selectors import zrm_aggregaten

METINGEN = 1_000_000
HUISHOUDENS = 130_000  # two persons each; ~3.85 measurements per person
KWARTAAL = (date(2025, 4, 1), date(2025, 6, 30))
HERHALINGEN = 5

HANDGESCHREVEN = """
WITH laatste AS (
    SELECT DISTINCT ON (persoon_id) id, persoon_id, gebied_id, scores
    FROM zelfredzaamheid_meting
    WHERE gemeente_id = %(gemeente)s AND versie_id = %(versie)s AND status = 'definitief'
      AND datum BETWEEN %(van)s AND %(tot)s
    ORDER BY persoon_id, datum DESC, id DESC
), eerste AS (
    SELECT DISTINCT ON (m.persoon_id) m.id, m.persoon_id, m.scores
    FROM zelfredzaamheid_meting m
    WHERE m.gemeente_id = %(gemeente)s AND m.versie_id = %(versie)s AND m.status = 'definitief'
      AND m.datum <= %(tot)s
    ORDER BY m.persoon_id, m.datum, m.id
), per_persoon AS (
    SELECT l.gebied_id, l.persoon_id, l.scores,
           bool_or(s.score <= 2) AS laag,
           count(s.score) > 0 AS gescoord
    FROM laatste l CROSS JOIN LATERAL unnest(l.scores) AS s(score)
    GROUP BY l.gebied_id, l.persoon_id, l.scores
), cellen AS (
    SELECT l.gebied_id, s.i, s.score, CASE WHEN e.id <> l.id THEN s.score - e.scores[s.i] END AS delta
    FROM laatste l
    JOIN eerste e ON e.persoon_id = l.persoon_id
    CROSS JOIN LATERAL unnest(l.scores) WITH ORDINALITY AS s(score, i)
), per_domein AS (
    SELECT gebied_id, array_agg(gem ORDER BY i) AS gem, array_agg(n ORDER BY i) AS n,
           array_agg(dgem ORDER BY i) AS dgem, array_agg(dn ORDER BY i) AS dn
    FROM (SELECT gebied_id, i, avg(score)::float8 AS gem, count(score) AS n,
                 avg(delta)::float8 AS dgem, count(delta) AS dn
          FROM cellen GROUP BY gebied_id, i) x
    GROUP BY gebied_id
), personen AS (
    SELECT p.gebied_id, count(*) AS personen, count(*) FILTER (WHERE gescoord) AS gescoord,
           count(*) FILTER (WHERE laag) AS laag,
           count(*) FILTER (WHERE p.scores[%(k)s] <= 2) AS c_teller, count(p.scores[%(k)s]) AS c_noemer
    FROM per_persoon p GROUP BY p.gebied_id
), verandering AS (
    SELECT l.gebied_id, count(*) AS n
    FROM laatste l JOIN eerste e ON e.persoon_id = l.persoon_id AND e.id <> l.id
    GROUP BY l.gebied_id
)
SELECT p.gebied_id, p.personen, p.gescoord, p.laag, p.c_teller, p.c_noemer, coalesce(v.n, 0), d.gem, d.n, d.dgem, d.dn
FROM personen p JOIN per_domein d USING (gebied_id) LEFT JOIN verandering v USING (gebied_id)
ORDER BY p.gebied_id
"""


def tweeling_sql(n, k):
    """The best query known: the application's approach (latest per person by DISTINCT ON over the partial period
    index, the first through the ``is_eerste`` partial index, conditional aggregates over array elements), written
    out for ``n`` domains and run straight on the cursor, without the application's Python layer."""
    gem = ", ".join(f"avg(l.scores[{i}])::float8, count(l.scores[{i}])" for i in range(1, n + 1))
    ver = ", ".join(f"avg(l.scores[{i}] - e.scores[{i}]) FILTER (WHERE e.id <> l.id)::float8, "
                    f"count(l.scores[{i}] - e.scores[{i}]) FILTER (WHERE e.id <> l.id)" for i in range(1, n + 1))
    return f"""
SELECT l.gebied_id, count(*), count(*) FILTER (WHERE cardinality(array_remove(l.scores, NULL)) > 0),
       count(*) FILTER (WHERE 2 >= ANY(l.scores)), count(*) FILTER (WHERE l.scores[{k}] <= 2), count(l.scores[{k}]),
       count(*) FILTER (WHERE e.id <> l.id), {gem}, {ver}
FROM (SELECT DISTINCT ON (persoon_id) id, persoon_id, gebied_id, scores
      FROM zelfredzaamheid_meting
      WHERE gemeente_id = %(gemeente)s AND versie_id = %(versie)s AND status = 'definitief'
        AND datum BETWEEN %(van)s AND %(tot)s
      ORDER BY persoon_id, datum DESC, id DESC) l
JOIN zelfredzaamheid_meting e
  ON e.persoon_id = l.persoon_id AND e.versie_id = %(versie)s AND e.status = 'definitief' AND e.is_eerste
GROUP BY l.gebied_id ORDER BY l.gebied_id"""  # noqa: S608


def _scores_sql(n):
    # 5% not scored (NULL), otherwise 1-5; deterministic per row and domain, drifting up with the measurement number.
    delen = [
        f"CASE WHEN abs(hashint4(p.id::int * 31 + g.n * 7 + {i})::bigint) %% 20 = 0 THEN NULL "
        f"ELSE least(5, 1 + abs(hashint4(p.id::int * 13 + {i})::bigint) %% 4 + (g.n > 2)::int)::smallint END"
        for i in range(1, n + 1)
    ]
    return "ARRAY[" + ", ".join(delen) + "]::smallint[]"


def _genereer(gemeente, gebieden, teams, versie, user):
    with connection.cursor() as c:
        c.execute("SELECT id, gebied_id FROM wijkteams_wijk WHERE gemeente_id = %s ORDER BY id", [gemeente.pk])
        wijken = c.fetchall()
        c.execute("CREATE TEMP TABLE bench_wijk (nr int, wijk_id bigint, gebied_id bigint, team_id bigint)")
        for nr, (wijk_id, gebied_id) in enumerate(wijken):
            c.execute("INSERT INTO bench_wijk VALUES (%s, %s, %s, %s)", [nr, wijk_id, gebied_id, teams[gebied_id]])
        c.execute(
            """INSERT INTO huishoudens_huishouden (gemeente_id, wijk_id, straat, huisnummer, toevoeging, postcode,
                   woonplaats, samenstelling, aangemaakt_op, naam)
               SELECT %s, w.wijk_id, 'Benchstraat', g, '', '2981 AA', 'Ridderkerk', 'anders', now(), 'Bench ' || g
               FROM generate_series(1, %s) g JOIN bench_wijk w ON w.nr = g %% %s""",
            [gemeente.pk, HUISHOUDENS, len(wijken)],
        )
        c.execute(
            """INSERT INTO huishoudens_persoon (huishouden_id, voornamen, tussenvoegsel, achternaam, geboortedatum,
                   rol, is_mantelzorger, mantelzorger_voor, doet_vrijwilligerswerk)
               SELECT h.id, 'P' || r, '', 'Bench', date '1960-01-01' + (h.id %% 9000)::int, 'anders', false, '', false
               FROM huishoudens_huishouden h CROSS JOIN generate_series(1, 2) r WHERE h.gemeente_id = %s""",
            [gemeente.pk],
        )
        # 1-7 measurements per person, a quarter apart, starting somewhere in 2023-2025.
        c.execute(
            f"""INSERT INTO zelfredzaamheid_meting (persoon_id, huishouden_id, gemeente_id, wijk_id, gebied_id, team_id,
                   versie_id, datum, soort, status, scores, niet_van_toepassing, notities, client_akkoord,
                   gescoord_door_id, aangemaakt_op, definitief_op, correctiereden, is_eerste)
               SELECT p.id, h.id, h.gemeente_id, h.wijk_id, w.gebied_id, w.team_id, %s,
                      date '2023-01-01' + (abs(hashint4(p.id::int)::bigint) %% 800)::int + (g.n - 1) * 91,
                      CASE WHEN g.n = 1 THEN 'intake' ELSE 'evaluatie' END,
                      CASE WHEN abs(hashint4(p.id::int + g.n)::bigint) %% 100 = 0 THEN 'concept'
                           WHEN abs(hashint4(p.id::int + g.n)::bigint) %% 100 = 1 THEN 'vervangen'
                           ELSE 'definitief' END,
                      {_scores_sql(13)}, '{{}}', '{{}}', true, %s, now(), now(), '', false
               FROM huishoudens_persoon p
               JOIN huishoudens_huishouden h ON h.id = p.huishouden_id
               JOIN bench_wijk w ON w.wijk_id = h.wijk_id
               CROSS JOIN LATERAL generate_series(1, (1 + abs(hashint4(p.id::int * 3)::bigint) %% 7)::int) AS g(n)
               WHERE h.gemeente_id = %s
               LIMIT %s""",
            [versie.pk, user.pk, gemeente.pk, METINGEN],
        )
        c.execute(
            """UPDATE zelfredzaamheid_meting SET is_eerste = true WHERE id IN (
                 SELECT DISTINCT ON (persoon_id, versie_id) id FROM zelfredzaamheid_meting
                 WHERE status = 'definitief' ORDER BY persoon_id, versie_id, datum, id)"""
        )
        c.execute("SELECT count(*) FROM zelfredzaamheid_meting")
        return c.fetchone()[0]


def _tijd(functie):
    tijden = []
    uitkomst = None
    for _ in range(HERHALINGEN):
        start = time.perf_counter()
        uitkomst = functie()
        tijden.append(time.perf_counter() - start)
    return statistics.median(tijden), uitkomst


@pytest.mark.django_db(transaction=True)
def test_zrm_aggregaten_bij_een_miljoen_metingen():
    laad_catalogus()
    gemeente = GemeenteFactory(naam="Benchdam", cbs_code="0999")
    gebieden = [GebiedFactory(gemeente=gemeente, naam=f"Gebied {i}") for i in range(1, 4)]
    for i, gebied in enumerate(gebieden):
        for j in range(3):
            WijkFactory(gemeente=gemeente, gebied=gebied, naam=f"Wijk {i}{j}", cbs_code=f"WK0999{i}{j}")
    teams = {g.pk: maak_team(g).pk for g in gebieden}
    user = get_user_model().objects.create_user(username="bench")
    versie = MatrixVersie.objects.get(code="2017")
    k = versie.domeinen.get(code="sociaal_netwerk").volgorde

    start = time.perf_counter()
    aantal = _genereer(gemeente, gebieden, teams, versie, user)
    genereren = time.perf_counter() - start
    with connection.cursor() as c:
        c.execute("VACUUM ANALYZE zelfredzaamheid_meting")

    van, tot = KWARTAAL
    params = {"gemeente": gemeente.pk, "versie": versie.pk, "van": van, "tot": tot, "k": k}

    def applicatie():
        return zrm_aggregaten(gemeente=gemeente, van=van, tot=tot, niveau="gebied", versie=versie)

    def handmatig():
        with connection.cursor() as c:
            c.execute("SET jit = off")
            c.execute(HANDGESCHREVEN, params)
            return c.fetchall()

    def tweeling():
        with connection.cursor() as c:
            c.execute("SET jit = off")
            c.execute(tweeling_sql(13, k), params)
            return c.fetchall()

    applicatie()
    handmatig()
    tweeling()  # warm the cache for all three
    t_app, rijen = _tijd(applicatie)
    t_hand, hand = _tijd(handmatig)
    t_tw, tw = _tijd(tweeling)

    print(f"\nZRM-benchmark: {aantal:,} metingen gegenereerd in {genereren:.1f} s")
    print(f"  kwartaal {van} – {tot}, per gebied, {sum(r['personen'] for r in rijen):,} personen gemeten")
    print(f"  applicatie (zrm_aggregaten):   {t_app * 1000:8.0f} ms (mediaan van {HERHALINGEN})")
    print(f"  handgeschreven SQL, andere route (unnest, eerste uit historie): {t_hand * 1000:8.0f} ms")
    print(f"  handgeschreven SQL, beste bekende aanpak:                      {t_tw * 1000:8.0f} ms")
    print(f"  verhouding applicatie / andere route:  {t_app / t_hand:6.2f}×")
    print(f"  verhouding applicatie / beste hand:    {t_app / t_tw:6.2f}×  (doel ≤ 1,2×)")

    assert aantal == METINGEN
    assert len(rijen) == len(hand) == len(tw) == 3
    for rij, twee in zip(rijen, tw, strict=True):
        assert rij["id"] == twee[0] and rij["personen"] == twee[1] and rij["personen_met_verandering"] == twee[6]
        assert [d["aantal"] for d in rij["domeinen"]] == list(twee[8:34:2])
        assert [d["gemiddelde"] for d in rij["domeinen"]] == pytest.approx(list(twee[7:33:2]), rel=1e-9)
        assert [d["aantal_verandering"] for d in rij["domeinen"]] == list(twee[34:60:2])
        assert [d["verandering"] for d in rij["domeinen"]] == pytest.approx(list(twee[33:59:2]), rel=1e-9)
    per_gebied = {r["id"]: r for r in rijen}
    for gebied_id, personen, gescoord, laag, c_teller, c_noemer, n_ver, gem, n, dgem, dn in hand:
        r = per_gebied[gebied_id]
        assert (r["personen"], r["weinig_kracht"]["noemer"], r["weinig_kracht"]["teller"]) == (personen, gescoord, laag)
        assert (r["onvoldoende_contacten"]["teller"], r["onvoldoende_contacten"]["noemer"]) == (c_teller, c_noemer)
        assert r["personen_met_verandering"] == n_ver
        assert [d["aantal"] for d in r["domeinen"]] == list(n)
        assert [d["aantal_verandering"] for d in r["domeinen"]] == list(dn)
        assert [d["gemiddelde"] for d in r["domeinen"]] == pytest.approx(list(gem), rel=1e-9)
        assert [d["verandering"] for d in r["domeinen"]] == pytest.approx(list(dgem), rel=1e-9)
