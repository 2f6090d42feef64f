-- stap: huishoudens en personen
-- household i lives in wijk r(i,2) % 70; names from short lists so that search finds a realistic share
INSERT INTO huishoudens_huishouden (gemeente_id, wijk_id, straat, huisnummer, toevoeging, postcode, woonplaats,
                                    samenstelling, aangemaakt_op, naam)
SELECT (SELECT id FROM g_gemeente), w.id,
       (ARRAY['Coolsingel','Meent','Witte de Withstraat','Nieuwe Binnenweg','Beijerlandselaan','Zwart Janstraat',
              'Kleiweg','Slinge'])[1 + pg_temp.r(i, 3) % 8],
       1 + pg_temp.r(i, 4) % 300, '',
       (3000 + pg_temp.r(i, 5) % 100)::text || ' ' || chr(65 + (pg_temp.r(i, 6) % 26)::int)
           || chr(65 + (pg_temp.r(i, 7) % 26)::int),
       'Rotterdam', (ARRAY['alleenstaand','paar','gezin','eenoudergezin','anders'])[1 + pg_temp.r(i, 8) % 5],
       p.peildatum::timestamptz - (pg_temp.r(i, 9) % 3000) * interval '1 day',
       'Familie ' || (ARRAY['de Jong','Jansen','de Vries','van den Berg','van Dijk','Bakker','Janssen','Visser',
                            'Smit','Meijer','de Boer','Mulder','de Groot','Bos','Vos','Peters','Hendriks',
                            'van Leeuwen','Dekker','Brouwer','de Wit','Dijkstra','Yilmaz','El Amrani','Kaya',
                            'Öztürk','Bouzid','Martina','Pinas','Nguyen'])[1 + pg_temp.r(i, 10) % 30]
              || ' ' || (i % 1000)
FROM pg_temp.p, generate_series(0, p.huishoudens - 1) i JOIN g_wijk w ON w.nr = pg_temp.r(i, 2) % 70;

CREATE TEMP TABLE g_hh AS
SELECT row_number() OVER (ORDER BY h.id) - 1 AS nr, h.id, h.wijk_id, w.gebied_id, w.nr AS wijk_nr
FROM huishoudens_huishouden h JOIN g_wijk w ON w.id = h.wijk_id WHERE h.gemeente_id = (SELECT id FROM g_gemeente);
CREATE UNIQUE INDEX ON g_hh (nr);
CREATE UNIQUE INDEX ON g_hh (id);
ANALYZE g_hh;

-- 1-4 persons per household (average 26/12 = 2.17: 650,000 for 300,000 households)
INSERT INTO huishoudens_persoon (huishouden_id, voornamen, tussenvoegsel, achternaam, geboortedatum, rol,
                                 is_mantelzorger, mantelzorger_voor, doet_vrijwilligerswerk)
SELECT h.id, (ARRAY['Anna','Mohamed','Fatima','Jan','Sanne','Emre','Noah','Aisha','Daan','Lotte','Priya',
                    'Kevin'])[1 + pg_temp.r(h.nr * 4 + k, 11) % 12],
       '', split_part(substr(hh.naam, 9), ' ', 1),
       DATE '1935-01-01' + (pg_temp.r(h.nr * 4 + k, 12) % 30000)::int,
       CASE WHEN k = 1 THEN 'hoofdbewoner' WHEN k = 2 THEN 'partner' ELSE 'kind' END,
       pg_temp.r(h.nr * 4 + k, 13) % 7 = 0, '', pg_temp.r(h.nr * 4 + k, 14) % 5 = 0
FROM g_hh h JOIN huishoudens_huishouden hh ON hh.id = h.id
CROSS JOIN LATERAL generate_series(1, (ARRAY[1,1,1,1,2,2,2,3,3,3,3,4])[1 + pg_temp.r(h.nr, 15) % 12]) k;

-- stap: trajecten (one per household on every third household; most closed, the open ones in every status)
CREATE TEMP TABLE g_tr AS
SELECT h.nr AS hh_nr, h.id AS huishouden_id, h.gebied_id, tm.nr AS team_nr, tm.id AS team_id,
       pg_temp.r(h.nr, 20) % 100 AS s, pg_temp.r(h.nr, 21) AS r
FROM pg_temp.p CROSS JOIN g_hh h
JOIN g_team tm ON tm.nr = h.wijk_nr / 5 + 14 * (pg_temp.r(h.nr, 22) % ((p.teams - 1 - h.wijk_nr / 5) / 14 + 1))
WHERE h.nr % 3 = 0 AND h.nr / 3 < p.trajecten;
ALTER TABLE g_tr ADD COLUMN status text, ADD COLUMN aangemeld date, ADD COLUMN afgesloten date,
                 ADD COLUMN regisseur_user int, ADD COLUMN id bigint;
-- 60% closed (afgesloten_op spread over three years: ~9% within the 90-day follow-up period)
UPDATE g_tr SET status = CASE WHEN s < 60 THEN 'afgesloten' WHEN s < 64 THEN 'aangemeld'
                              WHEN s < 68 THEN 'in_onderzoek' WHEN s < 78 THEN 'plan' WHEN s < 95 THEN 'uitvoering'
                              ELSE 'heropend' END;
UPDATE g_tr SET afgesloten = CASE WHEN status = 'afgesloten' THEN p.peildatum - (r % 1000)::int END,
                aangemeld = CASE WHEN status = 'afgesloten' THEN p.peildatum - (r % 1000)::int - 30 - (r % 370)::int
                                 ELSE p.peildatum - (r % 500)::int END
FROM pg_temp.p;
-- the regisseur: a member of the traject's team (staff k is in team k % teams)
UPDATE g_tr t SET regisseur_user = s.user_id
FROM pg_temp.p, g_staf s
WHERE s.nr = t.team_nr + p.teams * ((t.r / 7) % ((p.staf - 1 - t.team_nr) / p.teams + 1));

INSERT INTO huishoudens_traject (huishouden_id, team_id, gebied_id, status, aangemeld_op, afgesloten_op, afsluitreden,
                                 afsluit_toelichting, zorgen_kindveiligheid, reden_geen_eindmeting, volgende_evaluatie)
SELECT huishouden_id, team_id, gebied_id, status, aangemeld, afgesloten,
       CASE WHEN status = 'afgesloten' THEN (ARRAY['doelen_bereikt','afgeschaald','wlz','verhuisd','overleden',
                                                  'afgezien'])[1 + r % 6] ELSE '' END,
       '', r % 40 = 0, '',
       CASE WHEN status IN ('plan', 'uitvoering', 'heropend') THEN pg_temp.peil() + (r % 120)::int - 30 END
FROM g_tr ORDER BY hh_nr;

UPDATE g_tr g SET id = t.id FROM huishoudens_traject t WHERE t.huishouden_id = g.huishouden_id;
CREATE UNIQUE INDEX ON g_tr (id);
CREATE INDEX ON g_tr (hh_nr);
ANALYZE g_tr;

-- past intake (plan, uitvoering, heropend) and closed: a regisseur (closed: ended at closing)
INSERT INTO huishoudens_regisseurtoewijzing (traject_id, regisseur_id, van, tot, reden)
SELECT id, regisseur_user, (aangemeld + 14)::timestamptz,
       CASE WHEN status = 'afgesloten' THEN afgesloten::timestamptz END, ''
FROM g_tr WHERE status IN ('plan', 'uitvoering', 'heropend', 'afgesloten');

INSERT INTO huishoudens_statuswijziging (traject_id, van, naar, op, reden)
SELECT id, '', 'aangemeld', aangemeld::timestamptz, '' FROM g_tr
UNION ALL
SELECT id, 'in_onderzoek', 'plan', (aangemeld + 14)::timestamptz, '' FROM g_tr
WHERE status IN ('plan', 'uitvoering', 'heropend', 'afgesloten')
UNION ALL
SELECT id, 'uitvoering', 'afgesloten', afgesloten::timestamptz, '' FROM g_tr WHERE status = 'afgesloten'
UNION ALL
SELECT id, 'afgesloten', 'heropend', (aangemeld + 40)::timestamptz, '' FROM g_tr WHERE status = 'heropend';

-- stap: plannen en doelen (every traject past intake has a plan; active while open)
INSERT INTO huishoudens_plan (traject_id, huishouden_id, versie, status, inzet_netwerk, aangemaakt_op, gewijzigd_op,
                              lock_versie, vastgesteld_op)
SELECT id, huishouden_id, 1, CASE WHEN status = 'afgesloten' THEN 'afgesloten' ELSE 'actief' END, '',
       (aangemeld + 30)::timestamptz, (aangemeld + 30)::timestamptz, 0, aangemeld + 30
FROM g_tr WHERE status IN ('plan', 'uitvoering', 'heropend', 'afgesloten');

INSERT INTO huishoudens_doel (plan_id, leefgebied, omschrijving, resultaat, volgorde)
SELECT pl.id, (ARRAY['financien','huisvesting','werk_opleiding','lichamelijke_gezondheid','huiselijke_relaties'])[1 + (g.r + k) % 5],
       'Doel ' || k, '', k - 1
FROM huishoudens_plan pl JOIN g_tr g ON g.id = pl.traject_id CROSS JOIN generate_series(1, 1 + (g.r % 2)::int) k;

-- stap: keukentafelgesprekken (one per traject past intake, final, held by its regisseur)
INSERT INTO huishoudens_keukentafelgesprek (traject_id, datum, plaats, overige_deelnemers, eigen_woorden, afspraken,
    clientondersteuning_aangeboden, status, verslag_pdf, gevoerd_door_id, definitief_op, lock_versie)
SELECT id, aangemeld + 10, (ARRAY['thuis','ankerplaats','vindplaats','telefoon'])[1 + r % 4], '',
       'In eigen woorden: wat er speelt.', 'Afspraken uit het gesprek.', true, 'definitief', '', regisseur_user,
       (aangemeld + 11)::timestamptz, 0
FROM g_tr WHERE status IN ('plan', 'uitvoering', 'heropend', 'afgesloten');
