"""Reads of the melding part: which meldingen a user may see, and the werkvoorraad lists.

A user sees a melding when it is in one of their teams, with them (or with a colleague they stand in for),
registered by them, or in a gebied they coordinate. Everything stays inside the user's gemeente.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.postgres.expressions import ArraySubquery
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, Count, DateField, F, IntegerField, Min, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, JSONObject
from django.http import Http404
from django.utils import timezone

from audit import log
from huishoudens import selectors as huishouden_selectors
from huishoudens.models import Leefgebied, RegisseurToewijzing, Traject
from toegang.melding import achtervang
from toegang.melding.termijnen import (
    filter_op_termijn,
    grenzen,
    met_traject_zonder_plan,
    onderzoek_loopt,
    onderzoek_uiterlijk_sql,
    onderzoek_zonder_melding,
)
from toegang.models import CasusoverlegAgendapunt, Melding
from wijkteams import rollen
from wijkteams.models import Team
from wijkteams.selectors import gemeente_id_van

# A closed traject's follow-up contact stays in its regisseur's werkvoorraad until 30 days after its date.
VERVOLG_ZICHTBAAR = timedelta(days=30)


def laatste_regisseur_van(traject_ref):
    """The last regisseur of a traject (the current one, or whoever had it when it closed), as a subquery."""
    return Subquery(RegisseurToewijzing.objects.filter(traject_id=traject_ref)
                    .order_by(F("tot").desc(nulls_first=True), "-id").values("regisseur_id")[:1])


@dataclass
class Bereik:
    """What the user works on, computed once per request (a fixed number of queries)."""

    user: object
    gemeente_id: int | None
    team_ids: list = field(default_factory=list)
    gebied_ids: list = field(default_factory=list)
    vervangen_ids: list = field(default_factory=list)  # colleagues whose work I take over today
    wachtrij_ids: list = field(default_factory=list)  # colleagues away without substitute: their work is queue
    teams: list | None = None  # the teams of team_ids and gebied_ids (this gemeente), as bereik_van read them
    # querysets built once per request and cloned by each use (``_trajecten_van``): not results, nothing is read
    gebouwd: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_coordinator(self):
        return bool(self.gebied_ids)

    @property
    def mijn_ids(self):
        return [self.user.pk, *self.vervangen_ids]


def bereik_van(user):
    """What the user works on, in two queries: the gebieden they coordinate (shared with ``rollen``) and every team
    of their own or of those gebieden (kept on ``teams`` for the pages' team filter)."""
    gemeente_id = gemeente_id_van(user)
    if gemeente_id is None:
        return Bereik(user=user, gemeente_id=None)
    # the gebieden only for a coördinator: the role is half of the one "is coördinator of" rule (rollen)
    gebied_ids = sorted(rollen.coordinator_gebieden(user)) if rollen.heeft_rol(user, rollen.COORDINATOR) else []
    vervangen_ids, wachtrij_ids = achtervang.vervanging_vandaag(user)
    eigen_groepen = rollen.groep_ids(user)
    teams = Team.objects.filter(Q(groep_id__in=eigen_groepen) | Q(gebied_id__in=gebied_ids),
                                gemeente_id=gemeente_id).select_related("gebied").order_by("gebied__naam", "naam")
    if gebied_ids:
        # a coördinator reassigns work to the members of the teams of their gebieden: read with the teams, per
        # member of the team's group the user by its key (null when inactive). Joining the users instead made
        # PostgreSQL hash all users once per team: 7.1 ms at Rotterdam scale (15 teams, 2,000 users), now 2.3 ms.
        lid = get_user_model().objects.filter(pk=OuterRef("user_id"), is_active=True).values(
            json=JSONObject(id="id", username="username", first_name="first_name", last_name="last_name"))
        leden = get_user_model().groups.through.objects.filter(group_id=OuterRef("groep_id")).order_by()
        teams = teams.annotate(kandidaten=ArraySubquery(leden.values(json=Subquery(lid))))
    teams = list(teams)
    return Bereik(
        user=user,
        gemeente_id=gemeente_id,
        team_ids=[t.pk for t in teams if t.groep_id in eigen_groepen],
        gebied_ids=gebied_ids,
        vervangen_ids=vervangen_ids,
        wachtrij_ids=wachtrij_ids,
        teams=teams,
    )


def meldingen_voor(user, bereik=None):
    bereik = bereik or bereik_van(user)
    if bereik.gemeente_id is None:
        return Melding.objects.none()
    return Melding.objects.filter(gemeente_id=bereik.gemeente_id).filter(
        Q(team_id__in=bereik.team_ids) | Q(team__gebied_id__in=bereik.gebied_ids)
        | Q(behandelaar_id__in=bereik.mijn_ids) | Q(geregistreerd_door=user)
    )


def get_melding_voor(user, pk, *, request=None):
    """One melding, or 404 whether it does not exist or is not this user's to see. Logs the read."""
    melding = (meldingen_voor(user).select_related("huishouden__wijk", "team__gebied", "behandelaar", "kanaal",
                                                   "signaalgever_type", "signaalgever_organisatie", "traject",
                                                   "geregistreerd_door")
               .filter(pk=pk).first())
    if melding is None:
        log.geweigerd(user, Melding._meta.label_lower, pk, request=request)
        raise Http404
    log.gelezen(user, melding, request=request)
    return melding


def koppel_kandidaten(user, melding):
    """The households a public melding may be about: at the address it gave, or with a person of the surname and
    birth date it gave (find-before-create, as when registering: those the user may not
    open are shown minimally and the look-up is logged). Only ever shown to the professional who links it."""
    adres = melding.opgegeven_adres or {}
    if not melding.te_koppelen or not adres.get("postcode") or not adres.get("huisnummer"):
        return []
    geboortedatum = None
    if adres.get("geboortedatum"):
        try:
            geboortedatum = date.fromisoformat(adres["geboortedatum"])
        except (TypeError, ValueError):
            geboortedatum = None
    return huishouden_selectors.zoek_bestaand(user, postcode=adres["postcode"], huisnummer=adres["huisnummer"],
                                              achternaam=adres.get("naam") or "",
                                              geboortedatum=geboortedatum)


URGENTIE_ORDE = {"spoed": 0, "hoog": 1, "normaal": 2}


def _urgentie():
    """Urgency in its meaning (spoed, hoog, normaal), not in the alphabet of its codes."""
    return Case(*(When(urgentie=u, then=Value(n)) for u, n in URGENTIE_ORDE.items()), default=Value(len(URGENTIE_ORDE)),
                output_field=IntegerField())


# The only orders of the meldingen (?sorteer=, the filter bar and the column headers); anything else: by deadline.
# (Expressions are kept as instances, as in MIJN_SORTERINGEN: each query resolves its own copy of them.)
SORTERINGEN = {
    "ontvangen": "ontvangen_op", "-ontvangen": "-ontvangen_op",
    "termijn": "onderzoek_uiterlijk", "-termijn": "-onderzoek_uiterlijk",
    "urgentie": _urgentie().asc(), "-urgentie": _urgentie().desc(),
    "status": "status", "nummer": "ontvangstnummer", "-nummer": "-ontvangstnummer",
}
# ... and of the households (?hsorteer=); anything else: by the date that asks for action
TRAJECT_SORTERINGEN = {"evaluatie": "peildatum", "-evaluatie": "-peildatum", "status": "status",
                       "aangemeld": "aangemeld_op", "-aangemeld": "-aangemeld_op",
                       "huishouden": "huishouden__naam", "-huishouden": "-huishouden__naam"}


def gebied_team_ids(bereik):
    """The teams of the gebieden a coördinator coordinates, in their gemeente: what ``bereik_van`` read already (no
    query). The gebied view filters the meldingen on these ids (``team_id IN (..)``) instead of joining the team
    table, so its counts are read from the melding indexes alone."""
    if bereik.teams is None:
        return list(Team.objects.filter(gemeente_id=bereik.gemeente_id, gebied_id__in=bereik.gebied_ids)
                    .values_list("pk", flat=True))
    return sorted(t.pk for t in bereik.teams if t.gebied_id in bereik.gebied_ids)


def werkvoorraad_meldingen(bereik, *, weergave, status="open", team=None, wijk=None, termijn=None,
                           leefgebied=None, zoek=None, sorteer="termijn", vandaag=None):
    """The meldingen of a werkvoorraad view: ``mijn`` (with me or my stand-in work, plus my teams' queue),
    ``team`` (my teams) or ``gebied`` (the gebieden I coordinate)."""
    if bereik.gemeente_id is None:
        return Melding.objects.none()
    qs = Melding.objects.filter(gemeente_id=bereik.gemeente_id)
    if weergave == "gebied":
        qs = qs.filter(team_id__in=gebied_team_ids(bereik))
    elif weergave == "team":
        qs = qs.filter(team_id__in=bereik.team_ids)
    else:
        wachtrij = Q(status=Melding.Status.NIEUW, team_id__in=bereik.team_ids) & (
            Q(behandelaar__isnull=True) | Q(behandelaar_id__in=bereik.wachtrij_ids))
        qs = qs.filter(Q(behandelaar_id__in=bereik.mijn_ids) | wachtrij)
    if status == "open":
        qs = qs.filter(status__in=[*Melding.OPEN_STATUSSEN, Melding.Status.GEKOPPELD])
    elif status in Melding.Status.values:
        qs = qs.filter(status=status)
    if team:
        qs = qs.filter(team_id=team)
    if wijk:
        qs = qs.filter(huishouden__wijk_id=wijk)
    if leefgebied:
        qs = qs.filter(leefgebieden__contains=[leefgebied])
    if termijn:
        qs = filter_op_termijn(qs.filter(onderzoek_loopt()), "onderzoek_uiterlijk", termijn, vandaag)
    if zoek:
        qs = qs.filter(Q(ontvangstnummer__icontains=zoek.strip()) | Q(huishouden__naam__icontains=zoek.strip()))
    return (qs.select_related("huishouden__wijk", "team", "behandelaar", "traject")
            .order_by(SORTERINGEN.get(sorteer, "onderzoek_uiterlijk"), "id"))


def _trajecten_van(bereik, weergave, vandaag):
    """The trajecten of a werkvoorraad view before its filters and order (see ``werkvoorraad_trajecten``),
    built once per request and kept on ``bereik``: the summary and the list both start from it, and building it
    ("mijn": subqueries over the regie rows and the household door) cost ~5 ms CPU each time. A clone is returned:
    the kept queryset is never run."""
    sleutel = ("trajecten", weergave, vandaag)
    if sleutel in bereik.gebouwd:
        return bereik.gebouwd[sleutel].all()
    open_ = ~Q(status=Traject.Status.AFGESLOTEN)
    # The gebied and team views stay inside the gemeente through the gebied's or team's own gemeente (a one-row
    # table join): joining every traject to its household for the gemeente made PostgreSQL read all households of
    # the gemeente (a seq scan of 300,000 at Rotterdam scale) to count one gebied's open trajecten.
    if weergave == "gebied":
        qs = Traject.objects.filter(open_, gebied_id__in=bereik.gebied_ids, gebied__gemeente_id=bereik.gemeente_id)
    elif weergave == "team":
        qs = Traject.objects.filter(open_, team_id__in=bereik.team_ids, team__gemeente_id=bereik.gemeente_id)
    else:
        qs = Traject.objects.filter(huishouden__gemeente_id=bereik.gemeente_id)
        mijn = RegisseurToewijzing.objects.filter(tot__isnull=True, regisseur_id__in=bereik.mijn_ids)
        laatste_regisseur = laatste_regisseur_van(OuterRef("pk"))
        vervolg = Q(status=Traject.Status.AFGESLOTEN, vervolgdatum__isnull=False,
                    vervolgdatum__gte=vandaag - VERVOLG_ZICHTBAAR,
                    laatste_regisseur__in=bereik.mijn_ids) & huishouden_selectors.zichtbaar_via_rechten(
                        bereik.user, OuterRef("huishouden_id"))
        # Both branches need a regie row of mine on the traject (current, or the last one): the trajecten I ever
        # directed, read through the regisseur index, narrow the candidates first. Without it PostgreSQL
        # evaluated the branches, the household door included, for every traject of the gemeente.
        ooit_mijn = RegisseurToewijzing.objects.filter(regisseur_id__in=bereik.mijn_ids).values("traject_id")
        qs = qs.alias(laatste_regisseur=laatste_regisseur).filter(pk__in=ooit_mijn).filter(
            open_ & Q(pk__in=mijn.values("traject_id")) | vervolg)
    bereik.gebouwd[sleutel] = qs
    return qs.all()


def werkvoorraad_trajecten(bereik, *, weergave, team=None, wijk=None, termijn=None, zoek=None, sorteer="evaluatie",
                           vandaag=None):
    """The open trajecten (households) of a werkvoorraad view with their regisseur and evaluation date.

    ``mijn`` also holds the closed trajecten whose follow-up contact (``vervolgdatum``) is coming or at most
    ``VERVOLG_ZICHTBAAR`` ago, for their last regisseur (or the colleague standing in today), as long as the
    household door still lets them in (the follow-up period of ``huishoudens.rechten``)."""
    if bereik.gemeente_id is None:
        return Traject.objects.none()
    qs = _trajecten_van(bereik, weergave, vandaag or timezone.localdate())
    if team:
        qs = qs.filter(team_id=team)
    if wijk:
        qs = qs.filter(huishouden__wijk_id=wijk)
    if termijn:
        qs = filter_op_termijn(qs, "volgende_evaluatie", termijn, vandaag)
    if zoek:
        qs = qs.filter(huishouden__naam__icontains=zoek.strip())
    # the date that asks for action: the next evaluation, or for a closed traject its follow-up contact
    qs = qs.alias(peildatum=Case(When(status=Traject.Status.AFGESLOTEN, then=F("vervolgdatum")),
                                 default=F("volgende_evaluatie")))
    volgorde = TRAJECT_SORTERINGEN.get(sorteer, "peildatum")
    return (qs.select_related("huishouden__wijk", "team")
            .prefetch_related(Prefetch("regisseurs", to_attr="huidige_regie",
                                       queryset=RegisseurToewijzing.objects.filter(tot__isnull=True)
                                       .select_related("regisseur")))
            .order_by(volgorde, "id"))


def _statustellingen():
    """Per option of the status filter, the number of meldingen in the view (all meldingen): conditional counts
    that read only the status (counting ``status``, never null, rather than ``id``: the werkvoorraad's counts
    read only columns of the melding indexes, so they can be index-only scans)."""
    open_ = Q(status__in=[*Melding.OPEN_STATUSSEN, Melding.Status.GEKOPPELD])
    tellingen = {"status__open": Count("status", filter=open_), "status__alle": Count("status")}
    return tellingen | {f"status__{s}": Count("status", filter=Q(status=s)) for s in Melding.Status.values}


def _optietellingen(g):
    """Per option of the termijn and leefgebied filters, the number of open meldingen in the view (as the list
    shows by default), as conditional counts of one aggregate over the open meldingen."""
    loopt = onderzoek_loopt(via_alias=True)
    tellingen = {
        "termijn__te_laat": Count("status", filter=loopt & Q(onderzoek_uiterlijk__lt=g["te_laat_voor"])),
        "termijn__binnen_week": Count("status", filter=loopt & Q(onderzoek_uiterlijk__gte=g["te_laat_voor"],
                                                             onderzoek_uiterlijk__lte=g["binnen_week_tot"])),
        "termijn__op_tijd": Count("status", filter=loopt & Q(onderzoek_uiterlijk__gt=g["binnen_week_tot"])),
        "termijn__due": Count("status", filter=loopt & Q(onderzoek_uiterlijk__lte=g["binnen_week_tot"])),
    }
    tellingen |= {f"leefgebied__{code}": Count("status", filter=Q(leefgebieden__contains=[code]))
                  for code in Leefgebied.values}
    return tellingen


def werkvoorraad_samenvatting(bereik, *, weergave, vandaag=None, per_optie=False):
    """Counts at a glance: onderzoek and evaluations overdue / due within a week, and new to pick up. With
    ``per_optie`` also ``opties``: {filter field: {option value: count}} for the filter bar, in the same query.

    The aggregates (open meldingen, trajecten and, with ``per_optie``, all meldingen per status) in one round trip:
    each is a one-row aggregate query (no GROUP BY), joined side by side in a single SELECT."""
    g = grenzen(vandaag)
    # Two aggregates over the meldingen: the counts per status over all of them read only (gemeente, team, status)
    # (an index-only scan for the team and gebied views), the rest over the open ones only (every other figure is
    # about open meldingen), from the partial covering index of open meldingen (migration 0014).
    # Whether an onderzoek still runs needs the traject's phase: joined only for the trajecten without a plan.
    loopt = onderzoek_loopt(via_alias=True)
    meldingen = _een_rij(met_traject_zonder_plan(werkvoorraad_meldingen(bereik, weergave=weergave, status="open")),
        op_te_pakken=Count("status", filter=Q(status=Melding.Status.NIEUW)),
        onderzoek_te_laat=Count("status", filter=loopt & Q(onderzoek_uiterlijk__lt=g["te_laat_voor"])),
        onderzoek_binnen_week=Count("status", filter=loopt & Q(onderzoek_uiterlijk__gte=g["te_laat_voor"],
                                                               onderzoek_uiterlijk__lte=g["binnen_week_tot"])),
        **(_optietellingen(g) if per_optie else {}),
    )
    trajecten = _een_rij(werkvoorraad_trajecten(bereik, weergave=weergave, vandaag=vandaag),
        evaluatie_te_laat=Count("status", filter=Q(volgende_evaluatie__lt=g["te_laat_voor"]), distinct=True),
        evaluatie_binnen_week=Count("status", filter=Q(volgende_evaluatie__gte=g["te_laat_voor"],
                                                   volgende_evaluatie__lte=g["binnen_week_tot"]), distinct=True),
        trajecten_totaal=Count("id", distinct=True),
    )
    delen = [meldingen, trajecten]
    if per_optie:
        delen.append(_een_rij(werkvoorraad_meldingen(bereik, weergave=weergave, status="alle"), **_statustellingen()))
    sqls, params = zip(*(_sql_of_nullen(d) for d in delen), strict=True)
    sql = "SELECT * FROM " + " CROSS JOIN ".join(f"({q}) d{i}" for i, q in enumerate(sqls))  # noqa: S608 ORM SQL
    with connection.cursor() as c:
        c.execute(sql, [p for ps in params for p in ps])
        rij = c.fetchone()
        namen = [k[0] for k in c.description]
    samenvatting = dict(zip(namen, rij, strict=True))
    if per_optie:
        opties = {}
        for sleutel in [k for k in samenvatting if "__" in k]:
            veld, waarde = sleutel.split("__", 1)
            opties.setdefault(veld, {})[waarde] = samenvatting.pop(sleutel)
        samenvatting["opties"] = opties
    return samenvatting


def _sql_of_nullen(deel):
    """The SQL of one part of the summary, or a row of zeros when its filter can match nothing (Django then raises
    EmptyResultSet instead of writing SQL: e.g. the team view of a coördinator without a team of their own)."""
    try:
        return deel.query.sql_with_params()
    except EmptyResultSet:
        kolommen = ", ".join(f"0 AS {connection.ops.quote_name(naam)}" for naam in deel.query.annotation_select)
        return f"SELECT {kolommen}", ()


def _een_rij(qs, **aggregaten):
    """``qs.aggregate(**aggregaten)`` as a queryset (one row, not yet run), to be combined with another."""
    return (qs.order_by().annotate(_een=Value(1, output_field=IntegerField())).values("_een")
            .annotate(**aggregaten).values(*aggregaten))


def met_eerste_onderzoekstermijn(trajecten):
    """The trajecten with ``onderzoek_uiterlijk``: the earliest running onderzoek deadline of their meldingen,
    or, for a household registered without a melding, six weeks from the registration of its traject
    (``termijnen.onderzoek_zonder_melding``); computed in the list's own query (correlated subqueries per row)."""
    eerste = (Melding.objects.filter(onderzoek_loopt(), traject_id=OuterRef("pk")).order_by()
              .values("traject_id").annotate(uiterlijk=Min("onderzoek_uiterlijk")).values("uiterlijk"))
    zonder_melding = Case(When(onderzoek_zonder_melding(), then=onderzoek_uiterlijk_sql("aangemeld_op")),
                          default=None, output_field=DateField())
    return trajecten.annotate(onderzoek_uiterlijk=Coalesce(Subquery(eerste), zonder_melding))


def kandidaten_van(bereik):
    """``herverdeel_kandidaten`` for showing, from what ``bereik_van`` read with the teams (no query): (user id,
    full name or else username) pairs in the same order. Pairs, not User instances: a coördinator of three gebieden
    at Rotterdam scale has ~500 candidates, and building as many model instances cost ~4 ms per werkvoorraad."""
    gezien = {}
    for team in bereik.teams or []:
        if team.gebied_id in bereik.gebied_ids:
            for lid in getattr(team, "kandidaten", None) or []:
                if lid is not None:  # an inactive member
                    gezien.setdefault(lid["id"], lid)
    volgorde = sorted(gezien.values(), key=lambda lid: (lid["last_name"], lid["first_name"], lid["username"]))
    return [(lid["id"], f"{lid['first_name']} {lid['last_name']}".strip() or lid["username"]) for lid in volgorde]


def herverdeel_kandidaten(bereik):
    """Team members of the gebieden a coördinator covers (for bulk reassignment)."""
    if not bereik.gebied_ids:
        return get_user_model().objects.none()
    return (get_user_model().objects.filter(groups__team__gebied_id__in=bereik.gebied_ids, is_active=True)
            .distinct().order_by("last_name", "first_name", "username"))


def agenda_voor(user, team, bereik=None):
    bereik = bereik or bereik_van(user)
    if team.pk not in bereik.team_ids and team.gebied_id not in bereik.gebied_ids:
        raise Http404
    return (CasusoverlegAgendapunt.objects.filter(team=team)
            .select_related("melding__huishouden__wijk", "melding__traject", "traject__huishouden__wijk",
                            "besluit_regisseur")
            .order_by("status", "geagendeerd_op"))


def agendeerbare_trajecten(user, team):
    """The team's open trajecten the user may see and that are not on the agenda yet: the existing cases that can
    be put on the casusoverleg."""
    return (Traject.objects.filter(team=team, huishouden__in=huishouden_selectors.huishoudens_voor(user))
            .exclude(status=Traject.Status.AFGESLOTEN)
            .exclude(casusoverleg_agendapunten__status=CasusoverlegAgendapunt.Status.GEAGENDEERD)
            .select_related("huishouden").order_by("huishouden__naam", "pk"))


def casusoverleg_teams(bereik):
    return (Team.objects.filter(Q(pk__in=bereik.team_ids) | Q(gebied_id__in=bereik.gebied_ids))
            .select_related("gebied").order_by("gebied__naam", "naam"))


def teams_van(bereik):
    """``casusoverleg_teams`` of this gemeente as a list: what ``bereik_van`` read already (no query)."""
    teams = bereik.teams
    if teams is None:
        return list(casusoverleg_teams(bereik).filter(gemeente_id=bereik.gemeente_id))
    return list(teams)


def is_medewerker_of_coordinator(user):
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR)
