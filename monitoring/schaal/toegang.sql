-- stap: meldingen (one that led to every traject, open while the traject is in intake; the rest handled or open
-- in the teams' werkvoorraad)
INSERT INTO toegang_melding (gemeente_id, ontvangstnummer, signaalgever_type_id, melder_naam, melder_contact,
    kanaal_id, ontvangen_op, huishouden_id, kinderen_gemeld, vraag, leefgebieden, urgentie, toestemming,
    geen_toestemming_reden, soort, status, team_id, traject_id, gekoppeld_aan_lopend_traject, route_toelichting,
    onderzoek_uiterlijk, opgepakt_op, afgehandeld_op, wat_gedaan, doorverwezen_naar, aangemaakt_op,
    opgegeven_adres, behandelaar_id)
SELECT (SELECT id FROM g_gemeente), p.cbs || '-' || lpad(m::text, 7, '0'),
       (SELECT min(id) FROM wijkteams_signaalgevertype WHERE gemeente_id = (SELECT id FROM g_gemeente)),
       '', '', k.id, x.ontvangen, x.huishouden_id, false, 'Vraag om ondersteuning',
       CASE WHEN x.meervoudig THEN ARRAY['financien','huisvesting'] ELSE ARRAY['financien'] END,
       'normaal', true, '', CASE WHEN x.meervoudig THEN 'meervoudig' ELSE 'enkelvoudig' END,
       x.status, x.team_id, x.traject_id, false, '', (x.ontvangen AT TIME ZONE 'Europe/Amsterdam')::date + 42,
       CASE WHEN x.status <> 'nieuw' THEN x.ontvangen + interval '2 days' END,
       CASE WHEN x.status = 'afgehandeld' THEN x.ontvangen + interval '20 days' END,
       '', '', x.ontvangen, '{}'::jsonb,
       CASE WHEN x.status = 'in_behandeling' THEN x.behandelaar END
FROM pg_temp.p CROSS JOIN LATERAL (
    -- m < trajecten: the melding of traject m; the others on a household (r % 3 = 0) or without one
    SELECT m, CASE WHEN m < p.trajecten THEN t.huishouden_id
                   WHEN pg_temp.r(m, 30) % 3 = 0 THEN h.id END AS huishouden_id,
           CASE WHEN m < p.trajecten THEN t.id END AS traject_id,
           CASE WHEN m < p.trajecten THEN t.team_id ELSE tm.id END AS team_id,
           CASE WHEN m < p.trajecten THEN (t.aangemeld - 5)::timestamptz + interval '9 hours'
                ELSE p.peildatum::timestamptz - (pg_temp.r(m, 31) % 1000) * interval '1 day' + interval '9 hours'
                END AS ontvangen,
           -- the melding of a traject still in intake is open, as triage leaves it: new until someone takes it up
           CASE WHEN m < p.trajecten THEN CASE t.status WHEN 'aangemeld' THEN 'nieuw'
                                                        WHEN 'in_onderzoek' THEN 'in_behandeling' ELSE 'gekoppeld' END
                WHEN pg_temp.r(m, 32) % 100 < 5 THEN 'nieuw'
                WHEN pg_temp.r(m, 32) % 100 < 10 THEN 'in_behandeling' ELSE 'afgehandeld' END AS status,
           pg_temp.r(m, 33) % 3 <> 0 AS meervoudig,
           CASE WHEN m < p.trajecten THEN t.regisseur_user ELSE s.user_id END AS behandelaar
    FROM generate_series(0, p.meldingen - 1) m
    LEFT JOIN g_tr t ON t.hh_nr = 3 * m AND m < p.trajecten
    LEFT JOIN g_hh h ON h.nr = pg_temp.r(m, 34) % p.huishoudens
    LEFT JOIN g_team tm ON tm.nr = pg_temp.r(m, 35) % p.teams
    LEFT JOIN g_staf s ON s.nr = (pg_temp.r(m, 35) % p.teams) + p.teams * (pg_temp.r(m, 36) % ((p.staf - 1 - pg_temp.r(m, 35) % p.teams) / p.teams + 1))
) x
JOIN wijkteams_kanaal k ON k.gemeente_id = (SELECT id FROM g_gemeente)
     AND k.code = (ARRAY['telefoon','online','partner','balie'])[1 + pg_temp.r(x.m, 37) % 4];

-- stap: maatwerkaanvragen (on the goals of trajecten past intake; decided ones by the gebied's coördinator)
INSERT INTO toegang_aanbieder (gemeente_id, naam, agb_code, actief)
SELECT (SELECT id FROM g_gemeente), 'Zorgaanbieder ' || i, lpad((98000000 + i)::text, 8, '0'), true
FROM generate_series(1, 20) i;
INSERT INTO toegang_product (gemeente_id, code, naam, tarief, actief, categorie_id)
SELECT (SELECT id FROM g_gemeente), 'SCH' || i, 'Product ' || i, 50, true,
       (SELECT id FROM toegang_productcategorie ORDER BY id OFFSET (i - 1) % (SELECT count(*) FROM toegang_productcategorie) LIMIT 1)
FROM generate_series(1, 10) i;

CREATE TEMP TABLE g_aanbod AS
SELECT row_number() OVER (ORDER BY id) - 1 AS nr, id FROM toegang_aanbieder WHERE gemeente_id = (SELECT id FROM g_gemeente);
CREATE TEMP TABLE g_product AS
SELECT row_number() OVER (ORDER BY id) - 1 AS nr, id FROM toegang_product WHERE gemeente_id = (SELECT id FROM g_gemeente);

INSERT INTO toegang_aanvraag (aanvraagdatum, budget, start, eind, motivering, status, beslisser, externe_instantie,
    besloten_op, besluitreden, extern_kenmerk, beschikking, aangemaakt_op, aanbieder_id, aangevraagd_door_id,
    besloten_door_id, client_id, doel_id, gebied_id, gemeente_id, huishouden_id, team_id, traject_id, product_id,
    extern_besluitbrief, termijn_gepauzeerd_op, termijn_opgeschorte_dagen)
SELECT a.datum, 100 + a.r % 900, a.datum + 7, a.datum + 180, 'Motivering', a.astatus, 'coordinator', '',
       CASE WHEN a.astatus IN ('toegekend', 'afgewezen') THEN (a.datum + 5)::timestamptz END,
       CASE WHEN a.astatus IN ('toegekend', 'afgewezen') THEN 'Besluit volgens beleidsregels' ELSE '' END,
       '', '', a.datum::timestamptz, ab.id, a.regisseur_user,
       CASE WHEN a.astatus IN ('toegekend', 'afgewezen') THEN a.beslisser END,
       a.client_id, a.doel_id, a.gebied_id, (SELECT id FROM g_gemeente), a.huishouden_id, a.team_id, a.id, pr.id, '',
       -- sent back: the decision term is paused from that day (aanvraag_termijn_gepauzeerd_als_teruggestuurd)
       CASE WHEN a.astatus = 'teruggestuurd' THEN a.datum + 5 END, 0
FROM (
    SELECT b.*, CASE WHEN b.besluit IN ('toegekend', 'afgewezen') AND b.beslisser IS NULL THEN 'ingediend'
                     ELSE b.besluit END AS astatus
    FROM (
        SELECT t.*, d.id AS doel_id, (t.aangemeld + 35 + (t.r % 20)::int) AS datum,
               (SELECT min(pe.id) FROM huishoudens_persoon pe WHERE pe.huishouden_id = t.huishouden_id) AS client_id,
               -- four eyes: decided by a coördinator of the gebied who is not the applicant
               (SELECT c.user_id FROM g_coordinator c WHERE c.gebied_id = t.gebied_id AND c.user_id <> t.regisseur_user
                ORDER BY c.staf_nr DESC LIMIT 1) AS beslisser,
               CASE WHEN t.status <> 'afgesloten' AND t.r % 10 < 3 THEN 'ingediend'
                    WHEN t.r % 10 < 4 THEN 'teruggestuurd' WHEN t.r % 10 < 8 THEN 'toegekend'
                    WHEN t.r % 10 < 9 THEN 'afgewezen' ELSE 'ingetrokken' END AS besluit
        FROM g_tr t, pg_temp.p
        JOIN LATERAL (SELECT min(d.id) AS id FROM huishoudens_doel d JOIN huishoudens_plan pl ON pl.id = d.plan_id
                      WHERE pl.traject_id = t.id) d ON true
        WHERE t.status IN ('plan', 'uitvoering', 'heropend', 'afgesloten')
          AND pg_temp.r(t.hh_nr, 40) % 1000 < p.aanvraag_promille
    ) b
) a
JOIN g_aanbod ab ON ab.nr = a.r % 20 JOIN g_product pr ON pr.nr = a.r % 10;
