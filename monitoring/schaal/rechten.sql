-- stap: rechten op huishoudens, as huishoudens.rechten.herzie_toegang grants them (each grant audited)
-- the team of the open traject and of a traject closed within nazorg_dagen; the coördinatoren of its gebied;
-- the current regisseur of the open traject
CREATE TEMP TABLE g_recht AS
SELECT DISTINCT t.huishouden_id, 'groep' AS soort, tm.groep_id AS wie, 'team' AS reden
FROM g_tr t JOIN g_team tm ON tm.nr = t.team_nr, pg_temp.p
WHERE t.status <> 'afgesloten' OR t.afgesloten >= p.peildatum - 90
UNION
SELECT t.huishouden_id, 'gebruiker', c.user_id, 'coordinator'
FROM g_tr t JOIN g_coordinator c ON c.gebied_id = t.gebied_id, pg_temp.p
WHERE t.status <> 'afgesloten' OR t.afgesloten >= p.peildatum - 90
UNION
SELECT t.huishouden_id, 'gebruiker', t.regisseur_user, 'regisseur'
FROM g_tr t WHERE t.status IN ('plan', 'uitvoering', 'heropend');
ANALYZE g_recht;

INSERT INTO huishoudens_huishoudengroupobjectpermission (content_object_id, group_id, permission_id)
SELECT r.huishouden_id, r.wie, pm.id FROM g_recht r
JOIN pg_temp.perm pm ON pm.codename IN ('view_huishouden', 'change_huishouden')
WHERE r.soort = 'groep' ORDER BY 1, 2, 3;

INSERT INTO huishoudens_huishoudenuserobjectpermission (content_object_id, user_id, permission_id)
SELECT DISTINCT r.huishouden_id, r.wie, pm.id FROM g_recht r
JOIN pg_temp.perm pm ON pm.codename IN ('view_huishouden', 'change_huishouden')
WHERE r.soort = 'gebruiker' ORDER BY 1, 2, 3;

-- one audit row per holder and household, as huishoudens.rechten._schrijf writes it (actor: the system)
INSERT INTO audit_auditevent (tijdstip, actor_weergave, rol, namens, actie, resultaat, object_type, object_id,
                              gemeente_id, huishouden_id, request_id, noodtoegang, detail)
SELECT t.aangemeld::timestamptz + interval '10 hours', 'systeem', '', '', 'update', 'gelukt',
       'huishoudens.huishouden', r.huishouden_id::text, (SELECT id FROM g_gemeente), r.huishouden_id, '', false,
       jsonb_build_object('toegang', 'gegeven', 'reden', 'genereer_schaal: ' || r.reden,
                          'aan', CASE WHEN r.soort = 'groep' THEN 'groep:' || g.name ELSE 'gebruiker:' || u.username END)
FROM (SELECT DISTINCT huishouden_id, soort, wie, reden FROM g_recht) r
JOIN g_tr t ON t.huishouden_id = r.huishouden_id
LEFT JOIN auth_group g ON r.soort = 'groep' AND g.id = r.wie
LEFT JOIN auth_user u ON r.soort = 'gebruiker' AND u.id = r.wie;
