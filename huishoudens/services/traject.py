"""Writes to the dossier: traject, status transitions and the regisseur. Locked, validated, audited."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from common.overgangen import controleer_overgang
from huishoudens import rechten, registry
from huishoudens.models import Huishouden, RegisseurToewijzing, StatusWijziging, Traject
from wijkteams import rollen

Status = Traject.Status

# The allowed status moves of a traject, in one table. Anything else is refused with a clear message.
OVERGANGEN = {
    Status.AANGEMELD: {Status.IN_ONDERZOEK, Status.AFGESLOTEN},
    Status.IN_ONDERZOEK: {Status.PLAN, Status.AFGESLOTEN},
    Status.PLAN: {Status.UITVOERING, Status.IN_ONDERZOEK, Status.AFGESLOTEN},
    Status.UITVOERING: {Status.PLAN, Status.AFGESLOTEN},
    Status.HEROPEND: {Status.IN_ONDERZOEK, Status.PLAN, Status.UITVOERING, Status.AFGESLOTEN},
    Status.AFGESLOTEN: {Status.HEROPEND},
}


def coordinatoren_van(gebied):
    if gebied is None:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(medewerker__coordinator_van=gebied)


@transaction.atomic
def open_traject(*, huishouden, team, door, aangemeld_op=None):
    """Open a traject for a household in a team; the team and the gebied's coördinatoren get access."""
    if team.gemeente_id != huishouden.gemeente_id:
        raise ValidationError(_("Het team hoort niet bij de gemeente van dit huishouden."))
    huishouden = Huishouden.objects.select_for_update().get(pk=huishouden.pk)
    if Traject.objects.filter(huishouden=huishouden).exclude(status=Status.AFGESLOTEN).exists():
        raise ValidationError(_("Dit huishouden heeft al een open traject."), code="open_traject")
    velden = {"huishouden": huishouden, "team": team, "gebied": team.gebied}
    if aangemeld_op:
        velden["aangemeld_op"] = aangemeld_op
    try:
        with transaction.atomic():
            traject = Traject.objects.create(**velden)
    except IntegrityError:
        raise ValidationError(_("Dit huishouden heeft al een open traject."), code="open_traject")
    StatusWijziging.objects.create(traject=traject, van="", naar=Status.AANGEMELD, door=door)
    rechten.geef_toegang(huishouden, team.groep)
    for coordinator in coordinatoren_van(team.gebied):
        rechten.geef_toegang(huishouden, coordinator)
    log.aangemaakt(door, traject)
    return traject


@transaction.atomic
def wijzig_status(*, traject, naar, door, reden=""):
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    controleer_overgang(OVERGANGEN, traject, naar)
    if naar == Status.AFGESLOTEN:
        raise ValidationError(_("Afsluiten gaat via ‘Traject afsluiten’, met een reden."), code="afsluiten")
    if (
        naar == Status.HEROPEND
        and Traject.objects.filter(huishouden_id=traject.huishouden_id).exclude(status=Status.AFGESLOTEN).exists()
    ):
        raise ValidationError(_("Dit huishouden heeft al een open traject."), code="open_traject")
    van = traject.status
    traject.status = naar
    if naar == Status.HEROPEND:
        traject.afgesloten_op = None
    traject.save(update_fields=["status", "afgesloten_op"])
    StatusWijziging.objects.create(traject=traject, van=van, naar=naar, door=door, reden=reden)
    log.gewijzigd(door, traject, detail={"status": [van, naar]})
    return traject


@transaction.atomic
def sluit_traject_af(*, traject, door, reden, toelichting="", vervolgdatum=None, op=None, reden_geen_eindmeting="",
                     controles=None):
    """Close a traject with a reason; the regisseur's assignment ends. History stays.

    Higher apps check their own conditions through ``registry.AFSLUIT_CONTROLES`` (e.g. a closing ZRM
    measurement, or a reason why there is none); each raises ValidationError to refuse. ``controles``: True runs
    them, False skips them (imports, retention jobs); None (default) runs them whenever a person (``door``)
    closes the traject, which is every form and API path.
    """
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    controleer_overgang(OVERGANGEN, traject, Status.AFGESLOTEN, bericht=_("Dit traject is al afgesloten."))
    if reden not in Traject.Afsluitreden.values:
        raise ValidationError(_("Kies een reden om het traject af te sluiten."), code="reden")
    gegevens = {"reden": reden, "toelichting": toelichting, "vervolgdatum": vervolgdatum,
                "reden_geen_eindmeting": reden_geen_eindmeting, "op": op}
    fouten = []
    for controle in registry.AFSLUIT_CONTROLES if (door is not None if controles is None else controles) else ():
        try:
            controle(traject, gegevens)
        except ValidationError as fout:
            fouten.extend(fout.messages)
    if fouten:
        raise ValidationError(fouten, code="afsluitcontrole")
    van = traject.status
    traject.status = Status.AFGESLOTEN
    traject.afgesloten_op = op or timezone.localdate()
    traject.afsluitreden = reden
    traject.afsluit_toelichting = toelichting
    traject.vervolgdatum = vervolgdatum
    traject.reden_geen_eindmeting = reden_geen_eindmeting
    traject.save()
    StatusWijziging.objects.create(traject=traject, van=van, naar=Status.AFGESLOTEN, door=door, reden=reden)
    RegisseurToewijzing.objects.filter(traject=traject, tot__isnull=True).update(tot=timezone.now())
    log.gewijzigd(door, traject, detail={"status": [van, Status.AFGESLOTEN], "reden": reden})
    return traject


@transaction.atomic
def heropen_traject(*, traject, door, reden=""):
    """Reopen a closed traject: the old status history and closing reason stay in StatusWijziging."""
    if not reden:
        raise ValidationError(_("Geef aan waarom het traject wordt heropend."), code="reden")
    return wijzig_status(traject=traject, naar=Status.HEROPEND, door=door, reden=reden)


def _mag_regisseur_zijn(traject, medewerker_user):
    mw = getattr(medewerker_user, "medewerker", None)
    if mw is None or mw.gemeente_id != traject.huishouden.gemeente_id:
        return False
    return medewerker_user.groups.filter(pk=traject.team.groep_id).exists() or (
        traject.gebied_id is not None and mw.coordinator_van.filter(pk=traject.gebied_id).exists()
    )


@transaction.atomic
def wijs_regisseur_toe(*, traject, regisseur, door, reden=""):
    """Make ``regisseur`` the one regisseur: ends the current assignment, starts the next, moves access."""
    traject = Traject.objects.select_for_update(of=("self",)).select_related("huishouden", "team").get(pk=traject.pk)
    if not traject.is_open:
        raise ValidationError(_("Een afgesloten traject krijgt geen regisseur."), code="afgesloten")
    if not _mag_regisseur_zijn(traject, regisseur):
        raise PermissionDenied(
            _("De regisseur moet lid zijn van het team van dit traject of coördinator van het gebied.")
        )
    huidig = RegisseurToewijzing.objects.select_for_update().filter(traject=traject, tot__isnull=True).first()
    if huidig is not None:
        if huidig.regisseur_id == regisseur.pk:
            return huidig
        huidig.tot = timezone.now()
        huidig.save(update_fields=["tot"])
        if not rollen.is_coordinator_van(huidig.regisseur, traject.gebied_id):
            rechten.trek_toegang_in(traject.huishouden, huidig.regisseur)
    try:
        with transaction.atomic():
            nieuw = RegisseurToewijzing.objects.create(
                traject=traject, regisseur=regisseur, toegewezen_door=door, reden=reden)
    except IntegrityError:
        raise ValidationError(_("Dit traject heeft al een regisseur."), code="regisseur")
    rechten.geef_toegang(traject.huishouden, regisseur)
    log.gewijzigd(
        door, traject, detail={"regisseur": regisseur.username, "vorige": huidig.regisseur.username if huidig else None}
    )
    return nieuw
