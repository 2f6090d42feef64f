"""The only doors to a dossier: every page and endpoint starts here (404 for missing and forbidden)."""

import functools
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import CharField, DateField, DateTimeField, Exists, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, JSONObject
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from audit.models import AuditActie, AuditEvent
from common.postcode import PC6, normaliseer_postcode
from huishoudens import registry as _registry
from huishoudens.models import (
    Actie,
    BestaandeOndersteuning,
    Evaluatie,
    Huishouden,
    HuishoudenGroupObjectPermission,
    HuishoudenUserObjectPermission,
    Keukentafelgesprek,
    KindveiligheidWijziging,
    NetwerkLid,
    Noodtoegang,
    Persoon,
    Plan,
    RegisseurToewijzing,
    StatusWijziging,
    Traject,
    TrajectVerplaatsing,
)
from wijkteams import rollen
from wijkteams.models import Aanbod, Team
from wijkteams.selectors import gemeente_id_van


@functools.cache
def _recht_sql():
    """The SQL of the id of ``huishoudens.view_huishouden``, a scalar subquery (an InitPlan: read once per query)."""
    qn = connection.ops.quote_name
    return (f"SELECT p.id FROM {qn(Permission._meta.db_table)} p JOIN {qn(ContentType._meta.db_table)} ct "  # noqa: S608
            "ON ct.id = p.content_type_id WHERE ct.app_label = 'huishoudens' AND ct.model = 'huishouden' "
            "AND p.codename = 'view_huishouden'")


def _view_recht():
    return RawSQL(_recht_sql(), (), output_field=IntegerField())  # noqa: S611 - fixed text, no parameters


def _recht_en_groepen(user):
    """The view permission's id (a scalar subquery) and the user's group ids (a subquery): what both permission
    tables are read by."""
    return _view_recht(), get_user_model().groups.through.objects.filter(user_id=user.pk).values("group_id")


@functools.cache
def _zichtbaar_sql(per_gemeente=False):
    """The SQL of ``zichtbare_ids``, written once per process (its parameters: user, user; with ``per_gemeente``:
    user, gemeente, user, gemeente, for a count that reads the permission rows' own gemeente column). Building
    and compiling this UNION with the ORM cost ~2.7 ms CPU for every query that filters on it (the household page
    reads the household through it), more than PostgreSQL needs to run it. The tests compare what it selects with
    guardian's ``get_objects_for_user`` and with ``zichtbaar_via_rechten``."""
    qn = connection.ops.quote_name
    recht = _recht_sql()
    leden = get_user_model().groups.through._meta.db_table
    eigen = HuishoudenUserObjectPermission._meta.db_table
    via_groep = HuishoudenGroupObjectPermission._meta.db_table
    gemeente = " AND gemeente_id = %s" if per_gemeente else ""
    return (f"SELECT content_object_id FROM {qn(eigen)} WHERE user_id = %s "  # noqa: S608
            f"AND permission_id = ({recht}){gemeente} UNION SELECT content_object_id FROM "
            f"{qn(via_groep)} WHERE group_id IN (SELECT group_id FROM {qn(leden)} WHERE user_id = %s) "
            f"AND permission_id = ({recht}){gemeente}")


def zichtbare_ids(user):
    """The ids of the households ``user`` holds the view permission on, personally or through one of their groups,
    as a subquery for ``pk__in=``: one ``UNION`` over the two object-permission tables, read through their
    (user/group, permission, object) indexes. The same rows guardian's ``get_objects_for_user`` reads, without
    touching the household table. SQL text written once per process (``_zichtbaar_sql``)."""
    return RawSQL(_zichtbaar_sql(), (user.pk, user.pk))  # noqa: S611 - fixed text, the user's id a parameter


def zichtbaar_via_rechten(user, huishouden_ref):
    """A condition for another model's query: ``user`` holds the view permission on the household
    ``huishouden_ref`` (an ``OuterRef`` to its id), personally or through a group. Two correlated EXISTS on the
    permission tables' (user/group, permission, object) indexes: for a query that has only a few candidate rows
    and already stays inside the user's gemeente (this condition does not look at the household table)."""
    recht, groepen = _recht_en_groepen(user)
    return Exists(HuishoudenUserObjectPermission.objects.filter(
        user_id=user.pk, permission_id=recht, content_object_id=huishouden_ref)) | Exists(
        HuishoudenGroupObjectPermission.objects.filter(
            group_id__in=groepen, permission_id=recht, content_object_id=huishouden_ref))


def huishoudens_voor(user):
    """The households this user may see: team, regisseur, coördinator of the gebied, LZN on escalation (the rows
    ``huishoudens.rechten`` writes), inside the user's gemeente.

    Exactly guardian's ``get_objects_for_user(user, "huishoudens.view_huishouden", accept_global_perms=False,
    with_superuser=False)`` on the gemeente's households, but as ``id IN (<user rows> UNION <group rows>)``
    instead of guardian's ``id IN (..) OR id IN (..)`` (each also filtered on the household table): the OR
    cannot become a join, so PostgreSQL scanned every household of the gemeente (300,000 at Rotterdam scale);
    the UNION is a semi-join that starts from the user's permission rows."""
    gemeente_id = gemeente_id_van(user)
    if gemeente_id is None or not getattr(user, "pk", None):
        return Huishouden.objects.none()
    return Huishouden.objects.filter(gemeente_id=gemeente_id, pk__in=zichtbare_ids(user))


def met_zorgen_kindveiligheid(huishoudens):
    """Households annotated with ``zorgen_kindveiligheid``: a traject of the household carries the child-safety
    flag. Read in the list's (or page's) own query, so every page and list can show the banner or badge."""
    return huishoudens.annotate(zorgen_kindveiligheid=Exists(
        Traject.objects.filter(huishouden_id=OuterRef("pk"), zorgen_kindveiligheid=True)))


def kindveiligheid_wijzigingen(huishouden):
    """The history of the child-safety flag of a household the caller has opened through its door."""
    return (KindveiligheidWijziging.objects.filter(traject__huishouden=huishouden)
            .select_related("door", "traject").order_by("-op", "-id"))


def get_huishouden_voor(user, pk, *, request=None, log_lezen=True, annotaties=None):
    """One household, or 404 whether it does not exist or is not this user's to see. Logs the read.

    A running emergency access (``Noodtoegang``) opens the household for reading only (GET); such a read is
    logged with the ``noodtoegang`` flag. ``annotaties`` (expressions over the household row) are read in the
    same query.
    """
    def lees(huishoudens):
        return met_zorgen_kindveiligheid(huishoudens.select_related("wijk", "gemeente")).annotate(**(annotaties or {}))

    huishouden = lees(huishoudens_voor(user)).filter(pk=pk).first()
    nood = False
    if huishouden is None and (request is None or request.method in ("GET", "HEAD")):
        nood = lopende_noodtoegang(user, pk) is not None
        if nood:
            huishouden = lees(Huishouden.objects).get(pk=pk)
    if huishouden is None:
        # NEN 7513: a refused attempt leaves a trace too (missing and forbidden alike, as the 404 itself)
        log.geweigerd(user, Huishouden._meta.label_lower, pk, request=request,
                      huishouden_id=pk if isinstance(pk, int) else None)
        raise Http404
    if log_lezen:
        log.gelezen(user, huishouden, request=request, noodtoegang=nood)
    return huishouden


def lopende_noodtoegang(user, huishouden_id):
    """The running emergency access of ``user`` to this household (same gemeente), or None."""
    gemeente_id = gemeente_id_van(user)
    if gemeente_id is None:
        return None
    nu = timezone.now()
    return Noodtoegang.objects.filter(gebruiker=user, huishouden_id=huishouden_id, huishouden__gemeente_id=gemeente_id,
                                      van__lte=nu, tot__gt=nu).first()


def noodtoegangen_te_beoordelen(user):
    """Emergency accesses to households in the gebieden this coördinator coordinates (by wijk or traject), never
    their own (four eyes: another coördinator of the gebied reviews it)."""
    gemeente_id = gemeente_id_van(user)
    if gemeente_id is None or not rollen.heeft_rol(user, rollen.COORDINATOR):
        return Noodtoegang.objects.none()
    gebieden = sorted(rollen.coordinator_gebieden(user))
    binnen = Noodtoegang.objects.filter(huishouden__gemeente_id=gemeente_id).filter(
        Q(huishouden__wijk__gebied__in=gebieden) | Q(huishouden__trajecten__gebied__in=gebieden)).values("pk")
    return (Noodtoegang.objects.filter(pk__in=binnen).exclude(gebruiker=user)
            .select_related("huishouden", "gebruiker", "beoordeeld_door"))


def dossier_voor(user, pk, *, request=None, annotaties=None):
    """The household page's read: ``get_huishouden_voor`` (404, logged; with ``annotaties`` in the same query)
    with what the page and the sections of other apps all ask for read once: every traject with its team and the
    open one's regisseur (one query), the persons (on first use). ``lopend_traject``, ``huidige_regisseur`` and
    ``dossier_personen`` answer from these for this instance. Only for a read-only page: nothing that writes
    gets this instance."""
    huishouden = get_huishouden_voor(user, pk, request=request, annotaties=annotaties)
    regisseur = RegisseurToewijzing.objects.filter(traject_id=OuterRef("pk"), tot__isnull=True).order_by(
        "van", "id").values(j=JSONObject(id="regisseur_id", username="regisseur__username",
                                           first_name="regisseur__first_name", last_name="regisseur__last_name"))[:1]
    plan = Plan.objects.filter(traject_id=OuterRef("pk"), status__in=ACTIEF_PLAN).order_by("-versie").values(
        j=JSONObject(id="pk", versie="versie", status="status"))[:1]
    trajecten = list(huishouden.trajecten.select_related("team").annotate(regisseur_json=Subquery(regisseur),
                                                                         plan_json=Subquery(plan)))
    open_ = next((t for t in trajecten if t.status != Traject.Status.AFGESLOTEN), None)
    if open_ is not None:
        gegevens = open_.regisseur_json
        open_.dossier_regisseur = get_user_model()(**gegevens) if gegevens else None
        open_.dossier_plan = Plan(traject=open_, **open_.plan_json) if open_.plan_json else None
    huishouden.dossier = {"trajecten": trajecten, "open_traject": open_, "personen": None}
    return huishouden


def netwerk_annotaties():
    """The household's network and existing support as JSON arrays on the household's own row, for the household
    page's tab "personen" (``dossier_voor(annotaties=...)``): no query of their own. ``netwerk_van`` and
    ``ondersteuning_van`` answer from them."""
    return {
        "dossier_netwerk": ArraySubquery(NetwerkLid.objects.filter(huishouden_id=OuterRef("pk")).order_by("id").values(
            j=JSONObject(id="id", naam="naam", soort="soort", relatie="relatie", wat_kan="wat_kan",
                         contact="contact"))),
        "dossier_ondersteuning": ArraySubquery(
            BestaandeOndersteuning.objects.filter(huishouden_id=OuterRef("pk")).order_by("id").values(
                j=JSONObject(id="id", omschrijving="omschrijving", aanbieder="aanbieder", sinds="sinds"))),
    }


def netwerk_van(huishouden):
    rijen = getattr(huishouden, "dossier_netwerk", None)
    if rijen is None:
        return list(huishouden.netwerk.order_by("id"))
    return [NetwerkLid(huishouden=huishouden, **r) for r in rijen]


def ondersteuning_van(huishouden):
    rijen = getattr(huishouden, "dossier_ondersteuning", None)
    if rijen is None:
        return list(huishouden.bestaande_ondersteuning.order_by("id"))
    return [BestaandeOndersteuning(huishouden=huishouden, **{**r, "sinds": date.fromisoformat(r["sinds"])
                                                            if r["sinds"] else None}) for r in rijen]


def lopend_traject(huishouden):
    if hasattr(huishouden, "dossier"):
        return huishouden.dossier["open_traject"]
    return Traject.objects.filter(huishouden=huishouden).exclude(status=Traject.Status.AFGESLOTEN).first()


def huidige_regisseur(traject):
    if hasattr(traject, "dossier_regisseur"):
        return traject.dossier_regisseur
    toewijzing = RegisseurToewijzing.objects.filter(traject=traject, tot__isnull=True).select_related(
        "regisseur").first()
    return toewijzing.regisseur if toewijzing else None


def dossier_personen(huishouden):
    """The household's current persons (birth date order), from the page's read when there is one."""
    if hasattr(huishouden, "dossier"):
        if huishouden.dossier["personen"] is None:
            huishouden.dossier["personen"] = list(personen_van(huishouden))
        return huishouden.dossier["personen"]
    return list(personen_van(huishouden))


# --- counting, lists and search (never guardian's count() on the big table: see PERFORMANCE.md) ----------

def tel_huishoudens_voor(user):
    """How many households this user may see: ``huishoudens_voor(user).count()``, counted from the permission rows.

    The distinct households of the user's and their groups' view rows *of the user's gemeente*: every permission
    row carries its household's gemeente, kept by the database (migration huishoudens 0013), so the count reads
    the (user/group, permission, gemeente, household) indexes only (index-only scans) and never checks the
    household of each visible id (about 9,700 index probes at Rotterdam scale, most of the earlier cost)."""
    gemeente_id = gemeente_id_van(user)
    if gemeente_id is None or not getattr(user, "pk", None):
        return 0
    with connection.cursor() as c:
        c.execute(f"SELECT count(*) FROM ({_zichtbaar_sql(per_gemeente=True)}) z",  # noqa: S608
                  (user.pk, gemeente_id, user.pk, gemeente_id))
        return c.fetchone()[0]


# The orders of "Mijn huishoudens" (?sorteer=): each ends with the id, so pages do not overlap
MIJN_SORTERINGEN = {
    "evaluatie": (F("volgende_evaluatie").asc(nulls_last=True),),
    "-evaluatie": (F("volgende_evaluatie").desc(nulls_last=True),),
    "huishouden": ("huishouden__naam",), "-huishouden": ("-huishouden__naam",),
    "team": ("team__naam",), "-team": ("-team__naam",),
    "status": ("status",), "-status": ("-status",),
}


def mijn_trajecten(user, *, sorteer="evaluatie"):
    """The open trajecten of which this user is the regisseur now, soonest evaluation first (or in another order of
    ``MIJN_SORTERINGEN``)."""
    gemeente_id = gemeente_id_van(user)
    return (
        Traject.objects.filter(
            huishouden__gemeente_id=gemeente_id,
            regisseurs__regisseur=user,
            regisseurs__tot__isnull=True,
        )
        .exclude(status=Traject.Status.AFGESLOTEN)
        .select_related("huishouden__wijk", "team")
        .order_by(*MIJN_SORTERINGEN.get(sorteer, MIJN_SORTERINGEN["evaluatie"]), "id")
    )


def tel_mijn_trajecten(user):
    return RegisseurToewijzing.objects.filter(
        regisseur=user, tot__isnull=True, traject__huishouden__gemeente_id=gemeente_id_van(user)
    ).exclude(traject__status=Traject.Status.AFGESLOTEN).count()


def verplaatsingen_voor(user, dagen=30):
    """Moves of the last ``dagen`` days into or out of the user's teams (and the gebieden they coordinate), newest
    first, each with ``inkomend``: True when the traject came to one of the user's teams (the user may open it);
    outgoing moves name no household (that team no longer has access)."""
    eigen = Team.objects.filter(Q(groep__user=user) | Q(gebied__coordinatoren__user=user),
                                gemeente_id=gemeente_id_van(user))
    eigen_ids = set(eigen.values_list("pk", flat=True))
    if not eigen_ids:
        return []
    sinds = timezone.now() - timedelta(days=dagen)
    rijen = list(TrajectVerplaatsing.objects.filter(Q(van_team_id__in=eigen_ids) | Q(naar_team_id__in=eigen_ids),
                                                    op__gte=sinds)
                 .select_related("van_team", "naar_team", "traject").order_by("-op", "-id")[:20])
    for rij in rijen:
        rij.inkomend = rij.naar_team_id in eigen_ids
    return rijen


def zoek_huishoudens(user, *, naam="", adres="", postcode="", geboortedatum=None, bsn=""):
    """Search within what the user may see. Every criterion narrows the result."""
    qs = met_zorgen_kindveiligheid(huishoudens_voor(user).select_related("wijk"))
    personen = Persoon.objects.filter(samengevoegd_in__isnull=True)
    persoon_filter = False
    if naam:
        for woord in naam.split():
            personen = personen.filter(Q(achternaam__icontains=woord) | Q(voornamen__icontains=woord))
        persoon_filter = True
    if geboortedatum:
        personen = personen.filter(geboortedatum=geboortedatum)
        persoon_filter = True
    if bsn:
        personen = personen.filter(bsn=bsn)
        persoon_filter = True
    if persoon_filter:
        qs = qs.filter(pk__in=personen.values("huishouden_id"))
    if adres:
        qs = qs.filter(Q(straat__icontains=adres) | Q(naam__icontains=adres))
    if postcode:
        pc = normaliseer_postcode(postcode)
        qs = qs.filter(Q(postcode=pc) if PC6.match(pc.replace(" ", "")) else Q(postcode__istartswith=pc[:4]))
    return qs.order_by("id")


def zoek_bestaand(user, *, bsn="", achternaam="", geboortedatum=None, postcode="", huisnummer=None):
    """Find-before-create over the whole gemeente, so nobody is registered twice.

    Households the user may not open are shown minimally (that a match exists, its open traject, team and
    regisseur) so the user can contact the regisseur instead of registering the household again.
    """
    gemeente_id = gemeente_id_van(user)
    if gemeente_id is None:
        return []
    criteria = Q(pk__in=[])
    if bsn:
        criteria |= Q(personen__bsn=bsn)
    if achternaam and geboortedatum:
        criteria |= Q(personen__achternaam__iexact=achternaam, personen__geboortedatum=geboortedatum)
    if postcode and huisnummer:
        criteria |= Q(postcode=normaliseer_postcode(postcode), huisnummer=huisnummer)
    kandidaten = list(
        Huishouden.objects.filter(gemeente_id=gemeente_id, samengevoegd_in__isnull=True).filter(criteria)
        .distinct().order_by("id")[:20]
    )
    if not kandidaten:
        return []
    zichtbaar = set(huishoudens_voor(user).filter(pk__in=[h.pk for h in kandidaten]).values_list("pk", flat=True))
    trajecten = {
        t.huishouden_id: t for t in Traject.objects.filter(huishouden__in=kandidaten)
        .exclude(status=Traject.Status.AFGESLOTEN).select_related("team")
    }
    regisseurs = {
        r.traject_id: r.regisseur for r in RegisseurToewijzing.objects.filter(
            traject__in=trajecten.values(), tot__isnull=True).select_related("regisseur")
    }
    uitkomst = []
    for h in kandidaten:
        # A match reveals that this client is known here: logged like a read, so "who looked" shows it.
        log.gelezen(user, h, detail={"dubbelcontrole": True, "zichtbaar": h.pk in zichtbaar})
        traject = trajecten.get(h.pk)
        uitkomst.append({
            "huishouden": h,
            "zichtbaar": h.pk in zichtbaar,
            "traject": traject,
            "regisseur": regisseurs.get(traject.pk) if traject else None,
        })
    return uitkomst


def mogelijke_dubbelen(user, huishouden):
    """Other households in the gebieden this coördinator coordinates that look like the same one: the same
    address, or a person with the same BSN, or the same surname and birth date. What the coördinator may merge
    into ``huishouden`` (a duplicate registered at the door often has no traject, so no team can see it yet);
    only the name and address are shown, and the showing is logged by the caller."""
    eigen = list(personen_van(huishouden).values_list("bsn", "achternaam", "geboortedatum"))
    criteria = Q(postcode=huishouden.postcode, huisnummer=huishouden.huisnummer,
                 toevoeging__iexact=huishouden.toevoeging)
    bsns = [bsn for bsn, _a, _g in eigen if bsn]
    if bsns:
        criteria |= Q(personen__bsn__in=bsns, personen__samengevoegd_in__isnull=True)
    for _bsn, achternaam, geboortedatum in eigen:
        if achternaam and geboortedatum:
            criteria |= Q(personen__achternaam__iexact=achternaam, personen__geboortedatum=geboortedatum,
                          personen__samengevoegd_in__isnull=True)
    gebieden = rollen.coordinator_gebieden(user) if rollen.heeft_rol(user, rollen.COORDINATOR) else ()
    return (Huishouden.objects.filter(criteria, gemeente_id=huishouden.gemeente_id, samengevoegd_in__isnull=True,
                                      wijk__gebied_id__in=list(gebieden))
            .exclude(pk=huishouden.pk).distinct().order_by("id"))


def heeft_minderjarigen(huishouden, op=None):
    """Whether the household has children under 18 (from birth dates): decides Sociaal team or JGT."""
    op = op or timezone.localdate()
    try:
        grens = op.replace(year=op.year - 18)
    except ValueError:  # 29 February
        grens = op.replace(year=op.year - 18, day=28)
    return personen_van(huishouden).filter(geboortedatum__gt=grens).exists()


def personen_van(huishouden):
    return huishouden.personen.filter(samengevoegd_in__isnull=True).order_by("geboortedatum", "id")


def get_persoon_voor(user, huishouden, pk):
    persoon = personen_van(huishouden).filter(pk=pk).first()
    if persoon is None:
        raise Http404
    return persoon


def acties_van_traject(traject):
    """The activities of every plan version of a traject the caller has opened through the household door."""
    return Actie.objects.filter(doel__plan__traject=traject).order_by("-doel__plan__versie", "id")


ACTIEF_PLAN = ("actief", "concept")


def actief_plan(traject):
    """The traject's active (or draft) plan; on the household page's read (``dossier_voor``) without a query: only
    its id, version and status."""
    if traject is None:
        return None
    if hasattr(traject, "dossier_plan"):
        return traject.dossier_plan
    return traject.plannen.filter(status__in=ACTIEF_PLAN).order_by("-versie").first()


def plannen_van(huishouden):
    return Plan.objects.filter(traject__huishouden=huishouden).select_related("traject").order_by("-versie", "-id")


def get_plan_voor(user, huishouden, pk):
    plan = plannen_van(huishouden).filter(pk=pk).first()
    if plan is None:
        raise Http404
    return plan


def gesprekken_van(huishouden):
    return Keukentafelgesprek.objects.filter(traject__huishouden=huishouden).select_related("gevoerd_door")


def get_gesprek_voor(user, huishouden, pk):
    gesprek = gesprekken_van(huishouden).filter(pk=pk).first()
    if gesprek is None:
        raise Http404
    return gesprek


def tijdlijn(huishouden, *, registry=None):
    """What happened to a household: status changes, handovers, gesprekken, plan versions, evaluations, and
    what higher apps contribute through ``huishoudens.registry.TIJDLIJN_BRONNEN`` (meldingen, aanvragen...)."""

    if registry is None:
        registry = _registry
    items = [_tijdlijn_item(huishouden, rij) for rij in _tijdlijn_rijen(huishouden)]
    for bron in registry.TIJDLIJN_BRONNEN:
        items.extend(bron(huishouden) or [])
    return sorted(items, key=lambda i: _als_datetime(i["datum"]), reverse=True)


def _kolommen(bron, *, ts=None, d=None, a="", b="", c="", e="", n=0):
    """The same columns for every part of the timeline's UNION: typed NULLs and constants where a part has none."""
    def waarde(v, veld):
        return v if hasattr(v, "resolve_expression") else Value(v, output_field=veld)

    return {"bron": Value(bron, output_field=IntegerField()),
            "ts": ts or Cast(Value(None), DateTimeField()), "d": d or Cast(Value(None), DateField()),
            **{naam: waarde(v, CharField()) for naam, v in (("a", a), ("b", b), ("c", c), ("e", e))},
            "n": waarde(n, IntegerField()), "nr": F("pk")}


def _tijdlijn_rijen(huishouden):
    """The dossier's own timeline rows (status changes, regisseurs, gesprekken, plans, evaluations) in one
    round trip: a UNION ALL of five tables with the same columns, per source in date order."""
    delen = [
        StatusWijziging.objects.filter(traject__huishouden=huishouden).values(
            **_kolommen(0, ts=F("op"), a=F("van"), b=F("naar"))),
        RegisseurToewijzing.objects.filter(traject__huishouden=huishouden).values(**_kolommen(
            1, ts=F("van"), a=F("regisseur__first_name"), b=F("regisseur__last_name"), c=F("regisseur__username"),
            e=F("reden"))),
        Keukentafelgesprek.objects.filter(traject__huishouden=huishouden).values(
            **_kolommen(2, d=F("datum"), a=F("status"))),
        Plan.objects.filter(traject__huishouden=huishouden).values(
            **_kolommen(3, ts=F("aangemaakt_op"), a=F("status"), n=F("versie"))),
        Evaluatie.objects.filter(plan__traject__huishouden=huishouden, uitgevoerd_op__isnull=False).values(
            **_kolommen(4, d=F("uitgevoerd_op"))),
    ]
    rijen = delen[0].order_by().union(*(deel.order_by() for deel in delen[1:]), all=True)
    return sorted(rijen, key=lambda r: (r["bron"], r["ts"] or r["d"], r["nr"]))


def _tijdlijn_item(huishouden, r):
    bron = r["bron"]
    datum = r["ts"] if r["ts"] is not None else r["d"]
    if bron == 0:
        tekst = (_("Traject aangemeld") if not r["a"] else _("Status %(van)s → %(naar)s") % {
            "van": Traject.Status(r["a"]).label, "naar": Traject.Status(r["b"]).label})
        return {"datum": datum, "soort": _("Traject"), "omschrijving": tekst, "url": None}
    if bron == 1:
        naam = f"{r['a']} {r['b']}".strip() or r["c"]
        return {"datum": datum, "soort": _("Regisseur"), "url": None,
                "omschrijving": _("Regisseur: %(naam)s") % {"naam": naam} + (f" ({r['e']})" if r["e"] else "")}
    if bron == 2:
        return {"datum": datum, "soort": _("Keukentafelgesprek"),
                "url": reverse("huishoudens:gesprek", args=[huishouden.pk, r["nr"]]),
                "omschrijving": _("Keukentafelgesprek (%(status)s)") % {
                    "status": Keukentafelgesprek.Status(r["a"]).label}}
    if bron == 3:
        return {"datum": datum, "soort": _("Plan"), "url": reverse("huishoudens:plan", args=[huishouden.pk, r["nr"]]),
                "omschrijving": _("Plan versie %(v)s (%(status)s)") % {
                    "v": r["n"], "status": Plan.Status(r["a"]).label}}
    return {"datum": datum, "soort": _("Evaluatie"), "url": None,
            "omschrijving": _("Evaluatie van het plan uitgevoerd")}


def _als_datetime(waarde):
    if waarde is None:
        return timezone.make_aware(datetime.min.replace(year=1900))
    if isinstance(waarde, datetime):
        return waarde if timezone.is_aware(waarde) else timezone.make_aware(waarde)
    return timezone.make_aware(datetime.combine(waarde, time.min))


def wie_bekeek(huishouden, *, limiet=200):
    """Who read, exported or printed this dossier, or opened it with emergency access, from the append-only
    audit table (newest first). Refused attempts are not views: they stay in the log for the auditor."""
    return AuditEvent.objects.filter(
        Q(actie__in=[AuditActie.GELEZEN, AuditActie.GEEXPORTEERD, AuditActie.GEPRINT]) | Q(noodtoegang=True),
        huishouden_id=huishouden.pk, resultaat="gelukt",
    ).order_by("-tijdstip", "-id")[:limiet]


def mag_wie_bekeek_zien(user, traject):
    """The current regisseur and the coördinator of the gebied may see who read the dossier."""
    if traject is None:
        return rollen.heeft_rol(user, rollen.COORDINATOR)
    if traject.gebied_id and rollen.is_coordinator_van(user, traject.gebied_id):
        return True
    regisseur = huidige_regisseur(traject)
    return regisseur is not None and regisseur.pk == user.pk


def mogelijke_regisseurs(traject):
    """Members of the traject's team and its coördinatoren: ``rechten.mag_regisseur_zijn`` as a queryset (the
    coördinator part by ``rollen.coordinatoren_van``: the role required, a traject without gebied by every
    coördinator of the gemeente)."""
    User = get_user_model()
    gemeente_id = traject.huishouden.gemeente_id
    coordinatoren = rollen.coordinatoren_van([traject.gebied_id], gemeente_id=gemeente_id)
    return (
        User.objects.filter(is_active=True, medewerker__gemeente_id=gemeente_id)
        .filter(Q(groups=traject.team.groep_id) | Q(pk__in=coordinatoren.values("pk")))
        .distinct().order_by("last_name", "first_name", "username")
    )


def _bulkoverdracht_bereik(user):
    """(gemeente id, gebied ids, team group ids) of the trajecten this coördinator may hand over in bulk
    (``services.draag_alle_regie_over``: the trajecten they coordinate): the teams of their gebieden and the teams
    without gebied (coordinated by every coördinator of the gemeente, ``None`` among the gebied ids then)."""
    gemeente_id = gemeente_id_van(user)
    if gemeente_id is None or not rollen.heeft_rol(user, rollen.COORDINATOR):
        return None
    gebieden = set(rollen.coordinator_gebieden(user))
    teams = list(Team.objects.filter(gemeente_id=gemeente_id).filter(
        Q(gebied_id__in=sorted(gebieden)) | Q(gebied__isnull=True)).values_list("groep_id", "gebied_id"))
    return gemeente_id, gebieden | {g for _t, g in teams if g is None}, [t for t, _g in teams]


def ontvangers_bulkoverdracht(user):
    """Who the coördinator may hand regie over to in bulk: the people ``services.draag_alle_regie_over`` accepts
    as regisseur for some traject in the coördinator's scope (``rechten.mag_regisseur_zijn``): members of those
    teams and the coördinatoren of those trajecten (``rollen.coordinatoren_van``, the role required)."""
    return _ontvangers(_bulkoverdracht_bereik(user))


def _ontvangers(bereik):
    User = get_user_model()
    if bereik is None:
        return User.objects.none()
    gemeente_id, gebieden, groepen = bereik
    coordinatoren = rollen.coordinatoren_van(gebieden, gemeente_id=gemeente_id)
    return (User.objects.filter(is_active=True, medewerker__gemeente_id=gemeente_id)
            .filter(Q(groups__in=groepen) | Q(pk__in=coordinatoren.values("pk")))
            .distinct().order_by("last_name", "first_name", "username"))


def regisseurs_voor_bulkoverdracht(user):
    """Whose regie the coördinator may hand over in bulk: the possible receivers and everyone who is now regisseur
    of an open traject in the coördinator's scope (e.g. someone whose coördinator role was taken away)."""
    User = get_user_model()
    bereik = _bulkoverdracht_bereik(user)
    if bereik is None:
        return User.objects.none()
    gemeente_id, gebieden, _groepen = bereik
    gebied = Q(traject__gebied_id__in=sorted(g for g in gebieden if g is not None))
    if None in gebieden:
        gebied |= Q(traject__gebied__isnull=True)
    regisseurs = RegisseurToewijzing.objects.filter(
        gebied, tot__isnull=True, traject__huishouden__gemeente_id=gemeente_id).exclude(
        traject__status=Traject.Status.AFGESLOTEN).values("regisseur_id")
    return (User.objects.filter(Q(pk__in=_ontvangers(bereik).values("pk")) | Q(pk__in=regisseurs))
            .order_by("last_name", "first_name", "username"))


def aanbod_voor(huishouden):
    """Current offers of the sociale kaart relevant to this household: its wijk, its gebied, or gemeente-wide
    (ended offers are no longer offered; plans that used them keep showing them)."""
    gebied_id = huishouden.wijk.gebied_id
    return Aanbod.objects.lopend().filter(gemeente_id=huishouden.gemeente_id).filter(
        Q(wijk_id=huishouden.wijk_id) | Q(wijk__isnull=True, gebied_id=gebied_id)
        | Q(wijk__isnull=True, gebied__isnull=True)).order_by("soort", "naam")


def traject_met_zorgen_kindveiligheid(huishouden):
    """The household's traject that carries the child-safety flag (the latest, open or closed), or None."""
    return (Traject.objects.filter(huishouden=huishouden, zorgen_kindveiligheid=True).select_related("huishouden")
            .order_by("-aangemeld_op", "-id").first())
