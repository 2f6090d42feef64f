-- stap: organisatie (gemeente, 14 gebieden, 70 wijken, teams, staff, roles, coördinatoren, team permissions)
INSERT INTO wijkteams_gemeente (naam, cbs_code, nazorg_dagen, deelt_monitorcijfers)
SELECT 'Schaal ' || cbs, cbs, 90, false FROM pg_temp.p;

CREATE TEMP TABLE g_gemeente AS SELECT g.id FROM wijkteams_gemeente g JOIN pg_temp.p ON g.cbs_code = p.cbs;

INSERT INTO wijkteams_gebied (gemeente_id, naam)
SELECT g.id, 'Gebied ' || lpad(i::text, 2, '0') FROM g_gemeente g, generate_series(1, 14) i;

CREATE TEMP TABLE g_gebied AS
SELECT row_number() OVER (ORDER BY id) - 1 AS nr, id FROM wijkteams_gebied WHERE gemeente_id = (SELECT id FROM g_gemeente);

INSERT INTO wijkteams_wijk (gemeente_id, cbs_code, naam, gebied_id)
SELECT (SELECT id FROM g_gemeente), 'WK' || p.cbs || lpad(i::text, 2, '0'), 'Wijk ' || lpad((i + 1)::text, 2, '0'),
       (SELECT id FROM g_gebied WHERE nr = i / 5)
FROM pg_temp.p, generate_series(0, 69) i;

CREATE TEMP TABLE g_wijk AS
SELECT row_number() OVER (ORDER BY id) - 1 AS nr, id, gebied_id FROM wijkteams_wijk
WHERE gemeente_id = (SELECT id FROM g_gemeente);

INSERT INTO wijkteams_wijkindeling (wijk_id, gebied_id, geldig_van)
SELECT id, gebied_id, DATE '2015-01-01' FROM g_wijk;

INSERT INTO wijkteams_wijkinwoners (wijk_id, jaar, aantal, bron)
SELECT w.id, j, (9000 + pg_temp.r(w.nr, 1) % 1000)::int, 'genereer_schaal' FROM g_wijk w, pg_temp.p,
       generate_series(extract(year FROM p.peildatum)::int - 1, extract(year FROM p.peildatum)::int) j;

INSERT INTO wijkteams_teamtype (gemeente_id, code, naam, actief, voor_jeugd)
SELECT id, 'sociaal', 'Sociaal wijkteam', true, false FROM g_gemeente;

INSERT INTO auth_group (name)
SELECT 'team:' || p.cbs || ':Wijkteam ' || lpad((t + 1)::text, 2, '0') FROM pg_temp.p, generate_series(0, p.teams - 1) t;

-- team t works in gebied t % 14
INSERT INTO wijkteams_team (gemeente_id, gebied_id, type_id, naam, groep_id)
SELECT (SELECT id FROM g_gemeente), (SELECT id FROM g_gebied WHERE nr = t % 14),
       (SELECT id FROM wijkteams_teamtype WHERE gemeente_id = (SELECT id FROM g_gemeente) AND code = 'sociaal'),
       'Wijkteam ' || lpad((t + 1)::text, 2, '0'),
       (SELECT id FROM auth_group WHERE name = 'team:' || p.cbs || ':Wijkteam ' || lpad((t + 1)::text, 2, '0'))
FROM pg_temp.p, generate_series(0, p.teams - 1) t;

CREATE TEMP TABLE g_team AS
SELECT row_number() OVER (ORDER BY t.id) - 1 AS nr, t.id, t.groep_id, t.gebied_id, gb.nr AS gebied_nr
FROM wijkteams_team t JOIN g_gebied gb ON gb.id = t.gebied_id WHERE t.gemeente_id = (SELECT id FROM g_gemeente);
CREATE UNIQUE INDEX ON g_team (nr);

-- staff k is member of team k % teams; staff 0..13 coordinate gebied k, staff 0 also gebieden 1 and 2
INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, is_staff, is_active,
                       date_joined)
SELECT '!schaal', false, 'schaal-' || p.cbs || '-' || lpad(k::text, 5, '0'), 'Medewerker', lpad(k::text, 5, '0'),
       '', false, true, p.peildatum::timestamptz - interval '3 years'
FROM pg_temp.p, generate_series(0, p.staf - 1) k;

CREATE TEMP TABLE g_staf AS
SELECT row_number() OVER (ORDER BY u.id) - 1 AS nr, u.id AS user_id, u.username FROM auth_user u, pg_temp.p
WHERE u.username LIKE 'schaal-' || p.cbs || '-%';
CREATE UNIQUE INDEX ON g_staf (nr);
ANALYZE g_staf;

INSERT INTO wijkteams_medewerker (uren_per_week, gemeente_id, user_id)
SELECT 32, (SELECT id FROM g_gemeente), user_id FROM g_staf;

ALTER TABLE g_staf ADD COLUMN medewerker_id bigint, ADD COLUMN team_nr int;
UPDATE g_staf s SET medewerker_id = m.id, team_nr = s.nr % p.teams
FROM wijkteams_medewerker m, pg_temp.p WHERE m.user_id = s.user_id;

INSERT INTO wijkteams_teamlidmaatschap (uren_per_week, medewerker_id, team_id)
SELECT 32, s.medewerker_id, t.id FROM g_staf s JOIN g_team t ON t.nr = s.team_nr;

-- the role groups (a data migration makes them; a flushed test database may lack them)
INSERT INTO auth_group (name) SELECT x FROM unnest(ARRAY['medewerker', 'coordinator']) x ON CONFLICT (name) DO NOTHING;

INSERT INTO auth_user_groups (user_id, group_id)
SELECT s.user_id, t.groep_id FROM g_staf s JOIN g_team t ON t.nr = s.team_nr
UNION ALL
SELECT s.user_id, (SELECT id FROM auth_group WHERE name = 'medewerker') FROM g_staf s
UNION ALL
SELECT s.user_id, (SELECT id FROM auth_group WHERE name = 'coordinator') FROM g_staf s WHERE s.nr < 14;

CREATE TEMP TABLE g_coordinator AS
SELECT s.nr AS staf_nr, s.user_id, s.medewerker_id, gb.nr AS gebied_nr, gb.id AS gebied_id
FROM g_staf s JOIN g_gebied gb ON gb.nr = s.nr WHERE s.nr < 14
UNION ALL
SELECT s.nr, s.user_id, s.medewerker_id, gb.nr, gb.id FROM g_staf s JOIN g_gebied gb ON gb.nr IN (1, 2) WHERE s.nr = 0;

INSERT INTO wijkteams_medewerker_coordinator_van (medewerker_id, gebied_id)
SELECT medewerker_id, gebied_id FROM g_coordinator;

-- wijkteams.rechten: the team group and the gebied's coördinatoren may open the team
INSERT INTO wijkteams_teamgroupobjectpermission (content_object_id, group_id, permission_id)
SELECT t.id, t.groep_id, (SELECT id FROM pg_temp.perm WHERE codename = 'view_team') FROM g_team t;
INSERT INTO wijkteams_teamuserobjectpermission (content_object_id, user_id, permission_id)
SELECT t.id, c.user_id, (SELECT id FROM pg_temp.perm WHERE codename = 'view_team')
FROM g_team t JOIN g_coordinator c ON c.gebied_id = t.gebied_id;

INSERT INTO wijkteams_kanaal (gemeente_id, code, naam, actief)
SELECT (SELECT id FROM g_gemeente), k, initcap(k), true FROM unnest(ARRAY['telefoon','online','partner','balie']) k;
INSERT INTO wijkteams_signaalgevertype (gemeente_id, code, naam, actief, is_partner)
SELECT (SELECT id FROM g_gemeente), c, initcap(c), true, c = 'huisarts' FROM unnest(ARRAY['inwoner','huisarts']) c;
