"""The access policy of the dossier: the only module that writes object permissions on a household.

Who may see a household (``huishoudens.selectors.huishoudens_voor`` reads what is written here):

- the team of its open traject (through the team's group), and the team of a traject closed less than the
  gemeente's ``nazorg_dagen`` ago (follow-up); after that the team loses access (daily ``verloop_nazorg``);
- the coördinatoren of the gebied of those trajecten, personally;
- the current regisseur of the open traject, personally; the regie ends at handover and at closing;
- a group named by an escalation target (the LZN), only for the escalated household, while it is escalated
  (granted and revoked by ``toegang.opschaling.services`` through ``geef_toegang`` / ``trek_toegang_in``);
- emergency access ("doorbreekglas") is not a permission row: see ``huishoudens.services.noodtoegang``.

``herzie_toegang`` computes the first three from the trajecten and brings the permission rows in line; every
service that changes a traject, a team membership or a coördinatorschap calls it. Every grant and every revoke
writes an audit row: who (``door``), to whom (``aan``), which household, why (``reden``).
"""

from datetime import timedelta

from django.contrib.auth.models import Permission
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import context, log
from audit.models import AuditActie, AuditEvent
from huishoudens.models import (
    Huishouden,
    HuishoudenGroupObjectPermission,
    HuishoudenUserObjectPermission,
    RegisseurToewijzing,
    Traject,
)
from wijkteams import rollen

RECHTEN = ("huishoudens.view_huishouden", "huishoudens.change_huishouden")


def _permissies():
    codes = [r.split(".", 1)[1] for r in RECHTEN]
    return list(Permission.objects.filter(content_type__app_label="huishoudens", codename__in=codes))


def _is_groep(wie):
    return wie._meta.label_lower == "auth.group"


def _aan(wie):
    return f"groep:{wie.name}" if _is_groep(wie) else f"gebruiker:{wie.username}"


def _audit(velden, huishouden_id, gemeente_id, wat, aan, reden):
    """One audit row about a grant or revoke; ``velden`` from ``audit_velden`` (computed once per batch)."""
    return AuditEvent(**dict(velden, gemeente_id=gemeente_id), object_type="huishoudens.huishouden",
                      object_id=str(huishouden_id), huishouden_id=huishouden_id,
                      detail={"toegang": wat, "aan": aan, "reden": reden})


def audit_velden(door, gemeente_id):
    """The common fields of audit rows written in bulk by ``door`` (None: the system, e.g. a nightly task)."""
    request = context.huidig_request()
    echt = door if getattr(door, "is_authenticated", False) else None
    return {"actor": echt, "actor_weergave": getattr(echt, "username", "") or _("systeem"),
            "rol": ",".join(sorted(echt.groups.values_list("name", flat=True))) if echt else "",
            "actie": AuditActie.GEWIJZIGD, "gemeente_id": gemeente_id,
            "request_id": getattr(request, "request_id", "") if request else "",
            "ip": request.META.get("REMOTE_ADDR") if request else None}


def geef_toegang(huishouden, wie, *, door, reden):
    """Give ``wie`` (a User or a Group) view and change rights on the household; one audit row."""
    _schrijf(huishouden, geven={wie}, intrekken=set(), door=door, reden=reden)


def trek_toegang_in(huishouden, wie, *, door, reden):
    """Take view and change rights of ``wie`` (User or Group) on the household away; one audit row if it had them."""
    _schrijf(huishouden, geven=set(), intrekken={wie}, door=door, reden=reden)


def _schrijf(huishouden, *, geven, intrekken, door, reden):
    permissies = _permissies()
    velden = audit_velden(door, huishouden.gemeente_id)
    rijen = []
    for wie in geven:
        model, veld = _model(wie)
        model.objects.bulk_create([model(**{veld: wie}, permission=p, content_object_id=huishouden.pk)
                                   for p in permissies], ignore_conflicts=True)
        rijen.append(_audit(velden, huishouden.pk, huishouden.gemeente_id, "gegeven", _aan(wie), reden))
    for wie in intrekken:
        model, veld = _model(wie)
        weg, _n = model.objects.filter(**{veld: wie}, content_object_id=huishouden.pk).delete()
        if weg:
            rijen.append(_audit(velden, huishouden.pk, huishouden.gemeente_id, "ingetrokken", _aan(wie), reden))
    AuditEvent.objects.bulk_create(rijen)


def _model(wie):
    if _is_groep(wie):
        return HuishoudenGroupObjectPermission, "group"
    return HuishoudenUserObjectPermission, "user"


# --- the rule -----------------------------------------------------------------------------------------------

def nazorg_grens(gemeente, op=None):
    """The oldest closing date whose team still has follow-up access on ``op`` (default today)."""
    return (op or timezone.localdate()) - timedelta(days=gemeente.nazorg_dagen)


def _trajecten_met_toegang(huishouden, op=None):
    """The open traject and the trajecten closed within the gemeente's follow-up period."""
    grens = nazorg_grens(huishouden.gemeente, op)
    return [t for t in Traject.objects.filter(huishouden=huishouden).select_related("team", "gebied")
            if t.status != Traject.Status.AFGESLOTEN or (t.afgesloten_op and t.afgesloten_op >= grens)]


def rechthebbenden(huishouden, op=None):
    """(team groups, users) that may see the household by the rule above, apart from escalation groups."""
    from django.contrib.auth import get_user_model

    trajecten = _trajecten_met_toegang(huishouden, op)
    groepen = {t.team.groep for t in trajecten}
    gebieden = {t.gebied_id for t in trajecten if t.gebied_id}
    coordinatoren = get_user_model().objects.filter(medewerker__gemeente_id=huishouden.gemeente_id,
                                                    groups__name=rollen.COORDINATOR)
    users = set(coordinatoren.filter(medewerker__coordinator_van__in=gebieden).distinct()) if gebieden else set()
    if any(t.gebied_id is None for t in trajecten):
        # a team without gebied: every coördinator of the gemeente (wijkteams.rollen.is_coordinator_van)
        users |= set(coordinatoren.distinct())
    users |= {r.regisseur for r in RegisseurToewijzing.objects.filter(
        traject__huishouden=huishouden, tot__isnull=True).exclude(
        traject__status=Traject.Status.AFGESLOTEN).select_related("regisseur")}
    return groepen, users


def herzie_toegang(huishouden, *, door, reden, op=None):
    """Bring the team and personal permission rows of one household in line with the rule; audited per change.

    Groups that are not team groups (escalation targets such as the LZN) are left to the escalation service.
    Returns (number granted, number revoked).
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    huishouden = Huishouden.objects.select_related("gemeente").get(pk=huishouden.pk)
    groepen, users = rechthebbenden(huishouden, op)
    team_groepen = set(Group.objects.filter(
        team__isnull=False, huishoudengroupobjectpermission__content_object=huishouden).distinct())
    met_recht = set(get_user_model().objects.filter(
        huishoudenuserobjectpermission__content_object=huishouden).distinct())
    geven = (groepen - team_groepen) | (users - met_recht)
    intrekken = (team_groepen - groepen) | (met_recht - users)
    if geven or intrekken:
        _schrijf(huishouden, geven=geven, intrekken=intrekken, door=door, reden=reden)
    return len(geven), len(intrekken)


def herzie_voor(huishouden_ids, *, door, reden):
    """``herzie_toegang`` for several households (a team membership or coördinatorschap changed)."""
    for huishouden in Huishouden.objects.filter(pk__in=list(huishouden_ids)).order_by("pk"):
        herzie_toegang(huishouden, door=door, reden=reden)


@transaction.atomic
def verloop_nazorg(op=None):
    """Revoke team and coördinator access where the follow-up period after closing has passed (daily task).

    Only households with a closed traject whose team group still holds a permission are looked at, so a run
    after the first changes nothing. Returns the number of households whose access was changed.
    """
    op = op or timezone.localdate()
    kandidaten = Huishouden.objects.filter(
        trajecten__status=Traject.Status.AFGESLOTEN,
        huishoudengroupobjectpermission__group__team__isnull=False,
    ).exclude(trajecten__status__in=[s for s in Traject.Status.values if s != Traject.Status.AFGESLOTEN]).distinct()
    gewijzigd = 0
    for huishouden in kandidaten.select_related("gemeente").order_by("pk"):
        _gegeven, ingetrokken = herzie_toegang(huishouden, door=None, reden=_("nazorgtermijn verstreken"), op=op)
        gewijzigd += bool(ingetrokken)
    return gewijzigd


def trek_alle_toegang_in(huishouden_ids, *, door, reden):
    """Remove every permission row (team, personal, escalation group) on these households, e.g. at retention;
    one audit row per holder and household."""
    rijen, velden = [], audit_velden(door, None)
    for model, veld in ((HuishoudenUserObjectPermission, "user"), (HuishoudenGroupObjectPermission, "group")):
        weg = model.objects.filter(content_object_id__in=list(huishouden_ids)).select_related(
            veld, "content_object")
        paren = {(r.content_object_id, r.content_object.gemeente_id, getattr(r, veld)) for r in weg}
        rijen += [_audit(velden, h, g, "ingetrokken", _aan(wie), reden) for h, g, wie in paren]
        weg.delete()
    AuditEvent.objects.bulk_create(rijen)
    return len(rijen)


# --- handover in bulk ---------------------------------------------------------------------------------------

def verplaats_regie_bulk(*, van, paren, behouden, door, reden, gemeente_id):
    """Bulk handover: ``van`` loses personal access to the households of ``paren`` ((huishouden_id, new user)),
    except ``behouden`` (where ``van`` coordinates the gebied); each new regisseur gets it. Audited per row."""
    permissies = _permissies()
    weg = [h for h, _k in paren if h not in behouden]
    HuishoudenUserObjectPermission.objects.filter(user=van, content_object_id__in=weg).delete()
    HuishoudenUserObjectPermission.objects.bulk_create([
        HuishoudenUserObjectPermission(user=k, permission=p, content_object_id=h)
        for h, k in paren for p in permissies], ignore_conflicts=True)
    velden = audit_velden(door, gemeente_id)
    AuditEvent.objects.bulk_create(
        [_audit(velden, h, gemeente_id, "ingetrokken", _aan(van), reden) for h in weg]
        + [_audit(velden, h, gemeente_id, "gegeven", _aan(k), reden) for h, k in paren])


# --- predicates ---------------------------------------------------------------------------------------------

def mag_traject_openen(user, team):
    """A traject is opened only in a team the user belongs to, or by a coördinator of the team's gebied."""
    mw = getattr(user, "medewerker", None)
    if mw is None or mw.gemeente_id != team.gemeente_id:
        return False
    # coördinator: of the team's gebied, or any coördinator of the gemeente for a team without gebied
    return rollen.in_groep(user, team.groep_id) or rollen.is_coordinator_van(
        user, team.gebied_id, gemeente_id=team.gemeente_id)


def coordineert_traject(user, traject):
    """Whether ``user`` coordinates ``traject`` by the one rule (``wijkteams.rollen.is_coordinator_van``: the
    coördinator role and the traject's gebied among theirs; for a traject without gebied, every coördinator of
    its gemeente). Role, Medewerker and gebieden are cached on the user object, so asking it for many trajecten
    costs no query per traject."""
    return rollen.is_coordinator_van(user, traject.gebied_id, gemeente_id=traject.huishouden.gemeente_id)


def mag_regisseur_zijn(traject, user):
    """The regisseur of a traject is a member of its team or coordinates it (``coordineert_traject``), in the same
    gemeente. ``huishoudens.selectors.mogelijke_regisseurs`` is the same rule as a queryset."""
    mw = getattr(user, "medewerker", None)
    if mw is None or mw.gemeente_id != traject.huishouden.gemeente_id:
        return False
    return rollen.in_groep(user, traject.team.groep_id) or coordineert_traject(user, traject)


def mag_traject_verplaatsen(user, traject):
    """An open traject is moved to another team by its current regisseur or a coördinator of its gebied (for a
    traject without gebied: a coördinator of the gemeente)."""
    mw = getattr(user, "medewerker", None)
    if mw is None or mw.gemeente_id != traject.huishouden.gemeente_id:
        return False
    if coordineert_traject(user, traject):
        return True
    return RegisseurToewijzing.objects.filter(traject=traject, regisseur=user, tot__isnull=True).exists()


def teams_om_traject_te_openen(user):
    """The teams ``mag_traject_openen`` allows, as a queryset for a form's choices."""
    from django.db.models import Q

    from wijkteams import selectors as org

    coordineert = Q(gebied__coordinatoren__user=user) if rollen.heeft_rol(user, rollen.COORDINATOR) else Q(pk__in=[])
    return org.teams_voor(user).filter(Q(groep__user=user) | coordineert).distinct()


def mag_noodtoegang_vragen(user, huishouden):
    """Emergency access: a professional (wijkteammedewerker or coördinator) of the household's gemeente."""
    mw = getattr(user, "medewerker", None)
    return bool(mw and mw.gemeente_id == huishouden.gemeente_id
                and rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR))


def log_toegang(door, huishouden, wat, aan, reden, **kwargs):
    """One audit row about access that is not a permission row (emergency access)."""
    return log.log(door, AuditActie.GEWIJZIGD, huishouden, detail={"toegang": wat, "aan": aan, "reden": reden},
                   **kwargs)


# --- child safety -------------------------------------------------------------------------------------------

def mag_zorgen_kindveiligheid_melden(user, huishouden_zichtbaar):
    """Every professional with access to the household may raise concerns about a child's safety (not only by
    escalating). ``huishouden_zichtbaar``: whether the household door opens for the user (the caller asks it)."""
    return huishouden_zichtbaar and rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR, rollen.LZN)


def mag_zorgen_kindveiligheid_opheffen(user, traject):
    """Only the coördinator of the traject's gebied clears the flag, with a recorded decision."""
    return coordineert_traject(user, traject)


# --- merging duplicate households ----------------------------------------------------------------------------

def mag_huishoudens_samenvoegen(user, huishouden):
    """Only the coördinator of the household's gebied merges it with another (both must pass)."""
    from wijkteams.models import Wijk

    gebied_id = Wijk.objects.filter(pk=huishouden.wijk_id).values_list("gebied_id", flat=True).first()
    return rollen.is_coordinator_van(user, gebied_id, gemeente_id=huishouden.gemeente_id)


def na_samenvoegen(behouden, samengevoegd, *, door, reden):
    """After two households were merged: the rule decides access to the kept one (its trajecten now include the
    merged one's); the empty shell loses every permission; escalation groups (not decided by the rule) move."""
    from django.contrib.auth.models import Group

    herzie_toegang(behouden, door=door, reden=reden)
    herzie_toegang(samengevoegd, door=door, reden=reden)
    overig = set(Group.objects.filter(huishoudengroupobjectpermission__content_object=samengevoegd).distinct())
    if overig:
        _schrijf(behouden, geven=overig, intrekken=set(), door=door, reden=reden)
        _schrijf(samengevoegd, geven=set(), intrekken=overig, door=door, reden=reden)
