-- one day of reads as audit.log writes them (gelezen: the dossier page; getoond: one row per household in a
-- list), by every staff member of a team that sees households, during office hours; pg_temp.dag() = the day
INSERT INTO audit_auditevent (tijdstip, actor_id, actor_weergave, rol, namens, actie, resultaat, object_type,
                              object_id, gemeente_id, huishouden_id, request_id, ip, noodtoegang, detail)
SELECT (pg_temp.dag()::timestamp + interval '8 hours' + (pg_temp.r(x.n, 61) % 36000) * interval '1 second')
           AT TIME ZONE 'Europe/Amsterdam',
       l.user_id, l.username, l.rol, '', 'read', 'gelezen', 'huishoudens.huishouden', z.huishouden_id::text,
       (SELECT id FROM g_gemeente), z.huishouden_id, md5(x.n::text || '-' || pg_temp.dag()::text),
       ('10.15.0.0'::inet + (l.nr % 4000)::int), false, '{}'::jsonb
FROM (SELECT pg_temp.dagnr() * 1000000000::bigint + i AS n, i FROM pg_temp.p, generate_series(0, p.leesregels_per_dag - 1) i) x
JOIN g_lezer l ON l.lnr = x.i % (SELECT count(*) FROM g_lezer)
JOIN g_zicht z ON z.team_nr = l.team_nr AND z.rn = pg_temp.r(x.n, 62) % l.n;
