"""ZRM aggregates for the monitor: one SQL statement per call, never a Python loop over persons.

Definitions (per group = team, gebied or the whole gemeente; per period ``van``..``tot`` inclusive;
one matrix version at a time, never mixed):

- persons measured: persons with at least one final measurement dated in the period; each person counts
  once, with their LATEST final measurement in the period (it also decides their team/gebied);
- average per domain: over those latest measurements; NULL ("niet van toepassing", "niet gescoord") is left
  out of both the sum and the count (``aantal`` per domain is the noemer);
- weinig kracht: share of measured persons (with at least one scored domain) with a score ≤ 2 on any domain;
- onvoldoende contacten: share of persons scored on Sociaal netwerk with a score ≤ 2 there;
- change per domain: latest-in-period minus the person's FIRST final measurement of this version
  (``is_eerste``), for persons with at least two measurements, when both scores exist.

Every figure comes with its counts (teller/noemer) so callers can suppress small cells
(``common.onderdrukking``); the API does so.
"""

from django.db import connection, transaction
from django.utils.translation import gettext as _

from wijkteams.models import Gemeente
from zelfredzaamheid.models import LAAG, SOCIAAL_NETWERK, Domein, MatrixVersie, Meting

NIVEAUS = {
    # niveau: (column on the measurement, table for the name)
    "gebied": ("gebied_id", "wijkteams_gebied"),
    "team": ("team_id", "wijkteams_team"),
    "gemeente": ("gemeente_id", "wijkteams_gemeente"),
}


def _versie(versie):
    if isinstance(versie, MatrixVersie):
        return versie
    if versie is None:
        gevonden = MatrixVersie.objects.filter(actief=True).first()
    elif isinstance(versie, int):
        gevonden = MatrixVersie.objects.filter(pk=versie).first()
    else:
        gevonden = MatrixVersie.objects.filter(code=str(versie)).first()
    if gevonden is None:
        raise ValueError(_("Onbekende matrixversie: %(versie)s") % {"versie": versie})
    return gevonden


# A domain's sum and count come from ONE aggregate: sum(score * TELLER_BASIS + 1) has the sum of the scores in the
# high part and the number of scores in the low part (NULL scores add nothing). Per person and domain that is one array
# element read instead of two, which is most of the query's work beyond finding the measurements (150,000 persons at
# Rotterdam scale: ~0.2 s). The count must stay below TELLER_BASIS; zrm_aggregaten checks it.
TELLER_BASIS = 2**24


def _som_en_aantal(gepakt):
    """(sum, count) from sum(x * TELLER_BASIS + 1); (0, 0) for no rows. The sum may be negative (changes)."""
    if gepakt is None:
        return 0, 0
    return divmod(int(gepakt), TELLER_BASIS)


def aggregaat_sql(n_domeinen, k_sociaal, niveau):
    """The SQL of the aggregates for a version with ``n_domeinen`` domains; ``k_sociaal`` is the 1-based
    position of Sociaal netwerk (or None). Only integers are formatted into the text.

    One pass over the persons: each latest measurement is joined once to the person's first (``eerste`` is NULL
    unless that is another measurement), and all figures of a group come from one GROUP BY. Per domain the
    columns are the packed sum/count of the latest scores (``g1`` …) and of latest minus first (``d1`` …)."""
    kolom, tabel = NIVEAUS[niveau]
    n = int(n_domeinen)
    basis = int(TELLER_BASIS)
    gem = ", ".join(f"sum(scores[{i}] * {basis} + 1) AS g{i}" for i in range(1, n + 1))
    ver = ", ".join(f"sum((scores[{i}] - eerste[{i}]) * {basis} + 1) AS d{i}" for i in range(1, n + 1))
    sel = ", ".join([f"s.g{i}" for i in range(1, n + 1)] + [f"s.d{i}" for i in range(1, n + 1)])
    contacten = f"count(*) FILTER (WHERE scores[{int(k_sociaal)}] <= {LAAG})" if k_sociaal else "0"
    # Only integers and fixed column/table names are formatted into the text.
    return f"""
WITH laatste AS (
    SELECT DISTINCT ON (m.persoon_id) m.id, m.persoon_id, m.{kolom} AS sleutel, m.scores
    FROM zelfredzaamheid_meting m
    WHERE m.gemeente_id = %(gemeente)s AND m.versie_id = %(versie)s AND m.status = 'definitief'
      AND m.datum >= %(van)s AND m.datum <= %(tot)s
    ORDER BY m.persoon_id, m.datum DESC, m.id DESC
), paren AS (
    -- array_cat(x, '{{}}'): the array unpacked once per person (a short stored array is otherwise copied again
    -- for every element read); OFFSET 0 keeps these expressions here instead of repeating them in each aggregate.
    SELECT l.sleutel, array_cat(l.scores, '{{}}') AS scores,
           CASE WHEN e.id <> l.id THEN array_cat(e.scores, '{{}}') END AS eerste
    FROM laatste l
    -- the person's first measurement by index, for the persons measured in the period only (not a scan of
    -- every measurement ever made); at most one (zrm_een_eerste_meting)
    LEFT JOIN LATERAL (
        SELECT e.id, e.scores FROM zelfredzaamheid_meting e
        WHERE e.persoon_id = l.persoon_id AND e.versie_id = %(versie)s AND e.status = 'definitief' AND e.is_eerste
        LIMIT 1
    ) e ON true
    OFFSET 0
), s AS (
    SELECT sleutel, count(*) AS personen,
           count(*) FILTER (WHERE num_nonnulls(VARIADIC scores) > 0) AS gescoord,
           count(*) FILTER (WHERE {LAAG} >= ANY(scores)) AS weinig_kracht,
           {contacten} AS contacten_teller, count(eerste) AS met_verandering, {gem}, {ver}
    FROM paren GROUP BY sleutel
)
SELECT s.sleutel, t.naam, s.personen, s.gescoord, s.weinig_kracht, s.contacten_teller, s.met_verandering, {sel}
FROM s
LEFT JOIN {tabel} t ON t.id = s.sleutel
ORDER BY t.naam NULLS LAST, s.sleutel
"""  # noqa: S608


def _uitvoeren(sql, params):
    with transaction.atomic(), connection.cursor() as cursor:
        # JIT compiling costs more than it saves on these queries (notes/PERFORMANCE.md).
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(sql, params)
        return cursor.fetchall()


def zrm_aggregaten(*, gemeente, van, tot, niveau="gebied", versie=None):
    """ZRM figures per team / gebied / gemeente for the period ``van``..``tot`` (inclusive), for ONE matrix
    version (default: the active one). Returns a list of plain dicts, one per group, ordered by name::

        {"niveau", "id", "naam", "versie", "van", "tot",
         "personen",                              # persons measured (latest measurement in the period)
         "weinig_kracht": {"teller", "noemer"},   # any domain ≤ 2 / persons with ≥ 1 scored domain
         "onvoldoende_contacten": {"teller", "noemer"},
         "personen_met_verandering",              # persons with ≥ 2 measurements
         "domeinen": [{"code", "naam", "gemiddelde", "aantal", "verandering", "aantal_verandering"}]}

    Measurements without a team or gebied fall into a group with ``id`` None. Three queries at most
    (version, domains, the aggregate), whatever the number of persons.
    """
    if niveau not in NIVEAUS:
        raise ValueError(_("Onbekend niveau: %(niveau)s") % {"niveau": niveau})
    versie = _versie(versie)
    domeinen = list(Domein.objects.filter(versie=versie).order_by("volgorde").values("code", "naam", "volgorde"))
    k_sociaal = next((d["volgorde"] for d in domeinen if d["code"] == SOCIAAL_NETWERK), None)
    n = len(domeinen)
    gemeente_id = gemeente.pk if isinstance(gemeente, Gemeente) else int(gemeente)
    rijen = _uitvoeren(aggregaat_sql(n, k_sociaal, niveau),
                       {"gemeente": gemeente_id, "versie": versie.pk, "van": van, "tot": tot})
    uitkomst = []
    for rij in rijen:
        sleutel, naam, personen, gescoord, weinig, c_teller, met_verandering = rij[:7]
        if personen >= TELLER_BASIS:
            raise ValueError(_("Te veel personen in één groep voor de ZRM-telling: %(n)s") % {"n": personen})
        gem = [_som_en_aantal(g) for g in rij[7:7 + n]]
        ver = [_som_en_aantal(v) for v in rij[7 + n:7 + 2 * n]]
        uitkomst.append({
            "niveau": niveau,
            "id": sleutel,
            "naam": naam or _("(onbekend)"),
            "versie": versie.code,
            "van": van,
            "tot": tot,
            "personen": personen,
            "weinig_kracht": {"teller": weinig, "noemer": gescoord},
            # the noemer: persons scored on Sociaal netwerk, its domain's count
            "onvoldoende_contacten": {"teller": c_teller, "noemer": gem[k_sociaal - 1][1] if k_sociaal else 0},
            "personen_met_verandering": met_verandering,
            "domeinen": [
                {
                    "code": d["code"],
                    "naam": d["naam"],
                    "gemiddelde": gem[i][0] / gem[i][1] if gem[i][1] else None,
                    "aantal": gem[i][1],
                    "verandering": ver[i][0] / ver[i][1] if ver[i][1] else None,
                    "aantal_verandering": ver[i][1],
                }
                for i, d in enumerate(domeinen)
            ],
        })
    return uitkomst


def zrm_aggregaten_per_periode(*, gemeente, perioden, niveau="gebied", versie=None):
    """The same for several periods (e.g. the quarters since the nulmeting): {(van, tot): [rows]}.
    One aggregate query per period; the version is looked up once."""
    versie = _versie(versie)
    return {(van, tot): zrm_aggregaten(gemeente=gemeente, van=van, tot=tot, niveau=niveau, versie=versie)
            for van, tot in perioden}


def versies_in_periode(*, gemeente, van, tot):
    """The matrix versions that have final measurements in the period, so a report can show each separately."""
    gemeente_id = gemeente.pk if isinstance(gemeente, Gemeente) else int(gemeente)
    ids = (Meting.objects.filter(gemeente_id=gemeente_id, status=Meting.Status.DEFINITIEF,
                                 datum__gte=van, datum__lte=tot).values("versie_id").distinct())
    return list(MatrixVersie.objects.filter(pk__in=ids).order_by("-code"))


VERDELING_SQL = """
WITH laatste AS (
    SELECT DISTINCT ON (m.persoon_id) m.id, m.persoon_id, m.gebied_id, m.team_id, m.scores
    FROM zelfredzaamheid_meting m
    WHERE m.gemeente_id = %(gemeente)s AND m.versie_id = %(versie)s AND m.status = 'definitief'
      AND m.datum >= %(van)s AND m.datum <= %(tot)s
    ORDER BY m.persoon_id, m.datum DESC, m.id DESC
), beide AS (
    SELECT l.gebied_id, l.team_id, 'laatste' AS moment, l.scores FROM laatste l
    UNION ALL
    SELECT l.gebied_id, l.team_id, 'intake' AS moment, e.scores
    FROM laatste l
    JOIN zelfredzaamheid_meting e
      ON e.persoon_id = l.persoon_id AND e.versie_id = %(versie)s AND e.status = 'definitief' AND e.is_eerste
), tellingen AS (
    SELECT b.gebied_id, b.team_id, GROUPING(b.team_id) AS heel_gebied, b.moment, u.i AS positie, u.score,
           count(*) AS aantal
    FROM beide b CROSS JOIN LATERAL unnest(b.scores) WITH ORDINALITY AS u(score, i)
    WHERE u.score IS NOT NULL
    GROUP BY GROUPING SETS ((b.gebied_id, b.moment, u.i, u.score), (b.gebied_id, b.team_id, b.moment, u.i, u.score))
)
SELECT t.gebied_id, g.naam, t.team_id, tm.naam, t.heel_gebied = 1, t.moment, t.positie, t.score, t.aantal
FROM tellingen t
LEFT JOIN wijkteams_gebied g ON g.id = t.gebied_id
LEFT JOIN wijkteams_team tm ON tm.id = t.team_id
ORDER BY g.naam NULLS LAST, t.gebied_id, t.heel_gebied DESC, tm.naam NULLS LAST, t.team_id
"""

MOMENTEN = ("intake", "laatste")
SCORES = (1, 2, 3, 4, 5)


def zrm_verdeling(*, gemeente, van, tot, versie=None):
    """How the persons measured in ``van``..``tot`` are spread over the five levels of each domain, at intake (their
    first final measurement of this version, ``is_eerste``) and at their latest final measurement in the period.
    The same persons as :func:`zrm_aggregaten` (latest measurement in the period, which also decides the team and
    gebied); "niet van toepassing" and unscored domains are left out. Per gebied and per team within its gebied::

        [{"gebied_id", "team_id" (None for the gebied as a whole), "naam", "gebied_naam",
          "domeinen": [{"code", "naam", "intake": {score: n}, "laatste": {score: n}}]}]

    Unsuppressed counts (the caller suppresses). Three queries: version, domains, the distribution."""
    versie = _versie(versie)
    domeinen = list(Domein.objects.filter(versie=versie).order_by("volgorde").values("code", "naam", "volgorde"))
    gemeente_id = gemeente.pk if isinstance(gemeente, Gemeente) else int(gemeente)
    rijen = _uitvoeren(VERDELING_SQL, {"gemeente": gemeente_id, "versie": versie.pk, "van": van, "tot": tot})
    groepen = {}
    for gebied_id, gebied_naam, team_id, team_naam, heel_gebied, moment, positie, score, aantal in rijen:
        sleutel = (gebied_id, None if heel_gebied else team_id)
        if sleutel not in groepen:
            groepen[sleutel] = {
                "gebied_id": gebied_id, "team_id": sleutel[1], "gebied_naam": gebied_naam or _("(onbekend)"),
                "naam": (gebied_naam or _("(onbekend)")) if heel_gebied else (team_naam or _("(geen team)")),
                "domeinen": [{"code": d["code"], "naam": d["naam"], "intake": dict.fromkeys(SCORES, 0),
                              "laatste": dict.fromkeys(SCORES, 0)} for d in domeinen],
            }
        if 1 <= positie <= len(domeinen) and score in SCORES:
            groepen[sleutel]["domeinen"][positie - 1][moment][score] = aantal
    return list(groepen.values())
