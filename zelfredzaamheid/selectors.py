"""Reads of ZRM data. A measurement is visible iff its household is (``huishoudens_voor``); beleidsmedewerkers
have no households, so they get a 404 on every measurement and only see the aggregates
(``zelfredzaamheid.aggregaten``, re-exported here for the monitor)."""

from collections import defaultdict

from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Q
from django.db.models.functions import JSONObject
from django.http import Http404
from django.urls import reverse

from audit import log
from common import onderdrukking
from huishoudens.models import Doel, Persoon
from huishoudens.selectors import dossier_personen, huishoudens_voor
from wijkteams.selectors import gemeente_id_van
from zelfredzaamheid import rechten
from zelfredzaamheid.aggregaten import (  # noqa: F401
    MOMENTEN,
    SCORES,
    versies_in_periode,
    zrm_aggregaten,
    zrm_aggregaten_per_periode,
    zrm_verdeling,
)
from zelfredzaamheid.models import LAAG, DoelDomein, Domein, Meting, Niveau


def metingen_voor(user):
    return Meting.objects.filter(huishouden__in=huishoudens_voor(user).values("pk"))


def get_meting_voor(user, pk, *, request=None, log_lezen=True):
    meting = (
        metingen_voor(user)
        .select_related("persoon", "huishouden", "versie", "gescoord_door", "vervangt")
        .filter(pk=pk)
        .first()
    )
    if meting is None:
        raise Http404
    if log_lezen:
        log.gelezen(user, meting, request=request)
    return meting


def get_persoon_voor(user, pk, *, request=None):
    persoon = (
        Persoon.objects.filter(huishouden__in=huishoudens_voor(user).values("pk"), samengevoegd_in__isnull=True)
        .select_related("huishouden")
        .filter(pk=pk)
        .first()
    )
    if persoon is None:
        raise Http404
    log.gelezen(user, persoon, request=request)
    return persoon


def get_doel_voor(user, pk):
    doel = (
        Doel.objects.filter(plan__traject__huishouden__in=huishoudens_voor(user).values("pk"))
        .select_related("plan__traject__huishouden")
        .filter(pk=pk)
        .first()
    )
    if doel is None:
        raise Http404
    return doel


def versie_met_domeinen(versie):
    """The version with its domains (ordered) and their criteria, in two queries."""
    return list(Domein.objects.filter(versie=versie).order_by("volgorde").prefetch_related("criteria"))


def niveaus():
    return {n.score: n.naam for n in Niveau.objects.all()}


def reeks_van(persoon):
    """A person's final measurements over time, per version."""
    return list(
        Meting.objects.filter(persoon=persoon, status=Meting.Status.DEFINITIEF)
        .select_related("versie")
        .order_by("versie__code", "datum", "id")
    )


def _cel(meting, domein, eerste, namen):
    if meting is None:
        return {"score": None, "status": "geen"}
    score = meting.score_van(domein)
    cel = {"score": score, "naam": namen.get(score, "")}
    if score is None:
        cel["status"] = "nvt" if domein.code in meting.niet_van_toepassing else "niet_gescoord"
        return cel
    cel["status"] = "laag" if score <= LAAG else "gescoord"
    if eerste is not None and eerste.pk != meting.pk:
        begin = eerste.score_van(domein)
        if begin is not None:
            cel["verschil"] = score - begin
            cel["eerste"] = begin
    return cel


def huishouden_overzicht(huishouden):
    """All members' latest final scores side by side (per matrix version), with the change since their first
    measurement per domain, open drafts, and the plan goals linked to ZRM domains. A fixed number of queries."""
    personen = dossier_personen(huishouden)
    metingen = list(
        Meting.objects.filter(huishouden=huishouden, persoon__in=[p.pk for p in personen])
        .exclude(status=Meting.Status.VERVANGEN)
        .order_by("datum", "id")
    )
    definitief = defaultdict(lambda: defaultdict(list))  # versie_id → persoon_id → [metingen]
    concepten = defaultdict(list)
    for m in metingen:
        if m.is_concept:
            concepten[m.persoon_id].append(m)
        else:
            definitief[m.versie_id][m.persoon_id].append(m)
    # the versions in use and the active ones, each with its domains, and the level names: one query (a version
    # without domains shows no rows either way; the level names are an uncorrelated subquery, evaluated once)
    alle_domeinen = defaultdict(list)
    versies = {}
    namen = None
    for d in (Domein.objects.filter(Q(versie__actief=True) | Q(versie_id__in=list(definitief)))
              .select_related("versie").order_by("volgorde", "id")
              .annotate(niveau_namen=ArraySubquery(Niveau.objects.order_by("score").values(
                  j=JSONObject(score="score", naam="naam"))))):
        versies.setdefault(d.versie_id, d.versie)
        alle_domeinen[d.versie_id].append(d)
        namen = namen or {n["score"]: n["naam"] for n in d.niveau_namen}
    actieve = next((v for v in sorted(versies.values(), key=lambda v: v.code, reverse=True) if v.actief), None)
    versie_ids = set(definitief) & set(versies) | ({actieve.pk} if actieve else set())
    domeinen = {v: alle_domeinen[v] for v in versie_ids}
    if namen is None:
        namen = niveaus()
    tabellen = []
    for versie_id in sorted(versie_ids, key=lambda v: (v != getattr(actieve, "pk", None), versies[v].code)):
        per_persoon = definitief.get(versie_id, {})
        kolommen = [p for p in personen if p.pk in per_persoon or versie_id == getattr(actieve, "pk", None)]
        if not kolommen:
            continue
        koppen = []
        for p in kolommen:
            reeks = per_persoon.get(p.pk, [])
            koppen.append({
                "persoon": p,
                "laatste": reeks[-1] if reeks else None,
                "eerste": reeks[0] if len(reeks) > 1 else None,
                "aantal": len(reeks),
                "grafiek_url": reverse("zelfredzaamheid:grafiek", args=[p.pk]),
            })
        rijen = [
            {"domein": d, "cellen": [_cel(k["laatste"], d, k["eerste"], namen) for k in koppen]}
            for d in domeinen[versie_id]
        ]
        tabellen.append({"versie": versies[versie_id], "koppen": koppen, "rijen": rijen})
    doelen = list(
        Doel.objects.filter(plan__traject__huishouden=huishouden, plan__status="actief")
        # the names of the goal's ZRM domains in the goals' own query
        .annotate(zrm_domein_namen=ArraySubquery(DoelDomein.objects.filter(doel_id=OuterRef("pk")).order_by(
            "domein__volgorde", "domein_id").values("domein__naam")))
        .order_by("volgorde", "id")
    )
    return {
        "huishouden": huishouden,
        "tabellen": tabellen,
        "niveaus": namen,
        "personen": personen,
        "concepten": [m for p in personen for m in concepten.get(p.pk, [])],
        "doelen": doelen,
        "nieuw_url": reverse("zelfredzaamheid:meting_nieuw", args=[huishouden.pk]),
    }


def _verdeling_cellen(groepen):
    """The counts of the distribution as cells {(gebied_id, team_id, moment, domein, score | "totaal"): n} and the
    relations that hold between them: a domain's total is the sum of its five levels, a gebied's cell the sum of
    the same cell of its teams, the gemeente's latest total per domain (``("gemeente", None, …)``) the sum of its
    gebieden's."""
    waarden, rijen, kandidaten = {}, [], []
    teams_van = defaultdict(list)
    for g in groepen:
        if g["team_id"] is not None:
            teams_van[g["gebied_id"]].append(g["team_id"])
    for g in groepen:
        for d in g["domeinen"]:
            for moment in MOMENTEN:
                sleutel = (g["gebied_id"], g["team_id"], moment, d["code"])
                for score, n in d[moment].items():
                    waarden[(*sleutel, score)] = n
                waarden[(*sleutel, "totaal")] = sum(d[moment].values())
                rijen.append(((*sleutel, "totaal"), [(*sleutel, s) for s in SCORES]))
    gebieden = [g for g in groepen if g["team_id"] is None]
    # the ZRM API publishes the gemeente's number scored per domain at the latest measurement, which is the sum of
    # the gebieden's latest totals here: it counts as known, so a gebied's total cannot be subtracted from it
    gemeente = []
    for d in (gebieden[0]["domeinen"] if gebieden else []):
        delen = [(g["gebied_id"], None, "laatste", d["code"], "totaal") for g in gebieden]
        waarden[("gemeente", None, "laatste", d["code"], "totaal")] = sum(waarden[c] for c in delen)
        gemeente.append((("gemeente", None, "laatste", d["code"], "totaal"), delen))
    for g in gebieden:
        for d in g["domeinen"]:
            for moment in MOMENTEN:
                for score in (*SCORES, "totaal"):
                    kandidaten.append(((g["gebied_id"], None, moment, d["code"], score),
                                       [(g["gebied_id"], t, moment, d["code"], score)
                                        for t in teams_van[g["gebied_id"]]]))
    # the gebied = its teams relations first: the greedy complementary suppression hides a part of the first relation
    # in which a cell can be derived, and a cell of a gebied with one team is derived through that team, so it must
    # hide the team's cell there (rows first would hide the whole gebied row, one cell per round)
    return waarden, onderdrukking.relaties_die_kloppen(waarden, kandidaten + rijen + gemeente)


def zrm_verdeling_voor(user, *, van, tot, versie=None):
    """The ZRM distribution per gebied and per team (:func:`zelfredzaamheid.aggregaten.zrm_verdeling`) of the
    user's gemeente, as it may be shown: counts below the threshold as '< 5', and the counts from which one could
    compute such a count (the rest of a domain's total, the other teams of a gebied) as '×'. Only for who
    :func:`zelfredzaamheid.rechten.mag_zrm_cijfers_zien`; only whole quarters, half-years and years."""
    if not rechten.mag_zrm_cijfers_zien(user):
        raise PermissionDenied
    if not onderdrukking.is_monitorperiode(van, tot):
        raise ValueError(onderdrukking.periodefout())
    groepen = zrm_verdeling(gemeente=gemeente_id_van(user), van=van, tot=tot, versie=versie)
    waarden, relaties = _verdeling_cellen(groepen)
    _primair, extra = onderdrukking.aanvullend(waarden, relaties)
    # the gemeente's figure is published by the API whatever is chosen here: should the suppression have leant on
    # hiding it, hide the whole latest column of that domain instead
    for _g, _t, moment, code, _s in [c for c in extra if c[0] == "gemeente"]:
        extra |= {c for c in waarden if c[0] != "gemeente" and c[2] == moment and c[3] == code}
    # the API publishes the mean score per domain and group: with the row total that gives the sum of the scores,
    # from which two hidden levels of one row could be solved. So a row with any hidden level hides all its levels.
    for g in groepen:
        for d in g["domeinen"]:
            for moment in MOMENTEN:
                sleutel = (g["gebied_id"], g["team_id"], moment, d["code"])
                if any((*sleutel, s) in extra or onderdrukking.is_onderdrukt(d[moment][s]) for s in SCORES):
                    extra |= {(*sleutel, s) for s in SCORES if not onderdrukking.is_onderdrukt(d[moment][s])}
    for g in groepen:
        for d in g["domeinen"]:
            for moment in MOMENTEN:
                sleutel = (g["gebied_id"], g["team_id"], moment, d["code"])
                d[moment] = {
                    "scores": [onderdrukking.toon_aantal(d[moment][s], aanvullend_onderdrukt=(*sleutel, s) in extra)
                               for s in SCORES],
                    "totaal": onderdrukking.toon_aantal(waarden[(*sleutel, "totaal")],
                                                        aanvullend_onderdrukt=(*sleutel, "totaal") in extra),
                }
    return groepen
