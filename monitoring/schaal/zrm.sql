-- stap: ZRM-metingen (matrix 2017): the persons of households with a traject, 3-6 final measurements each
INSERT INTO zelfredzaamheid_meting (persoon_id, versie_id, datum, soort, status, scores, niet_van_toepassing,
    notities, gescoord_door_id, aangemaakt_op, definitief_op, correctiereden, is_eerste, huishouden_id, gemeente_id,
    wijk_id, gebied_id, team_id, traject_id)
SELECT pe.id, (SELECT id FROM zelfredzaamheid_matrixversie WHERE code = '2017'), x.datum,
       CASE WHEN k = 1 THEN 'intake' ELSE 'evaluatie' END, 'definitief',
       ARRAY(SELECT CASE WHEN d = 13 AND pe.o % 3 = 0 THEN NULL ELSE 1 + pg_temp.r(pe.o * 16 + k, 50 + d) % 5 END
             FROM generate_series(1, 13) d)::smallint[],
       '{}', '{}', t.regisseur_user, x.datum::timestamptz, x.datum::timestamptz, '', k = 1, t.huishouden_id, (SELECT id FROM g_gemeente),
       h.wijk_id, t.gebied_id, t.team_id, t.id
FROM g_tr t JOIN g_hh h ON h.id = t.huishouden_id
JOIN (SELECT id, huishouden_id, row_number() OVER (PARTITION BY huishouden_id ORDER BY id) AS rn
      FROM huishoudens_persoon) pe0 ON pe0.huishouden_id = t.huishouden_id
CROSS JOIN LATERAL (SELECT pe0.id, h.nr * 8 + pe0.rn AS o) pe, pg_temp.p
CROSS JOIN LATERAL (SELECT p.zrm_min + (pg_temp.r(pe.o, 49) % p.zrm_spreiding)::int AS n) n
CROSS JOIN LATERAL generate_series(1, n.n) k
-- counted back from the end (closing or the peildatum), 45 days apart: the first is the earliest
CROSS JOIN LATERAL (SELECT coalesce(t.afgesloten, p.peildatum) - (pe.o % 10)::int - 45 * (n.n - k) AS datum) x
WHERE t.regisseur_user IS NOT NULL;
