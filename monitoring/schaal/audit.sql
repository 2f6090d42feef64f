-- stap: leeslog voorbereiden: per staff member the households its team may see, numbered
CREATE TEMP TABLE g_zicht AS
SELECT t.nr AS team_nr, row_number() OVER (PARTITION BY t.nr ORDER BY gp.content_object_id) - 1 AS rn,
       gp.content_object_id AS huishouden_id
FROM huishoudens_huishoudengroupobjectpermission gp JOIN g_team t ON t.groep_id = gp.group_id
WHERE gp.permission_id = (SELECT id FROM pg_temp.perm WHERE codename = 'view_huishouden');
CREATE UNIQUE INDEX ON g_zicht (team_nr, rn);
CREATE TEMP TABLE g_lezer AS
SELECT row_number() OVER (ORDER BY s.nr) - 1 AS lnr, s.nr, s.user_id, s.username, s.team_nr, z.n,
       (SELECT string_agg(g.name, ',' ORDER BY g.name) FROM auth_user_groups ug JOIN auth_group g ON g.id = ug.group_id
        WHERE ug.user_id = s.user_id) AS rol
FROM g_staf s JOIN (SELECT team_nr, count(*) AS n FROM g_zicht GROUP BY team_nr) z ON z.team_nr = s.team_nr;
CREATE UNIQUE INDEX ON g_lezer (lnr);
ANALYZE g_zicht;
ANALYZE g_lezer;
