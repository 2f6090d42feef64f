"""Writes to the dossier: traject, status transitions and the regisseur. Locked, validated, audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from common.overgangen import controleer_overgang
from huishoudens import invarianten, rechten, registry
from huishoudens.models import (
    Actie,
    Huishouden,
    Persoon,
    Plan,
    RegisseurToewijzing,
    StatusWijziging,
    Traject,
    TrajectVerplaatsing,
    Uitstroom,
)

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


@transaction.atomic
def open_traject(*, huishouden, team, door, aangemeld_op=None, zonder_teamcontrole=False):
    """Open a traject for a household in a team; the team and the gebied's coördinatoren get access.

    ``door`` must belong to the team or coordinate its gebied (``rechten.mag_traject_openen``). Only the
    melding triage, which routes by its own rules to the responsible team, and the demo data pass
    ``zonder_teamcontrole=True``; ``door=None`` is the system itself (imports, jobs), never a web request.
    """
    if team.gemeente_id != huishouden.gemeente_id:
        raise ValidationError(_("Het team hoort niet bij de gemeente van dit huishouden."))
    if door is not None and not zonder_teamcontrole and not rechten.mag_traject_openen(door, team):
        raise PermissionDenied(_("U kunt alleen een traject openen in een team waarvan u lid bent of "
                                 "in een gebied dat u coördineert."))
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
    rechten.herzie_toegang(huishouden, door=door, reden=_("traject geopend"))
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
    if naar in invarianten.NA_INTAKE and not RegisseurToewijzing.objects.filter(traject=traject,
                                                                                tot__isnull=True).exists():
        raise ValidationError(_("Wijs eerst een regisseur toe: een traject voorbij de intake heeft altijd een "
                                "regisseur."), code="regisseur")
    van = traject.status
    traject.status = naar
    if naar == Status.HEROPEND:
        traject.afgesloten_op = None
    traject.save(update_fields=["status", "afgesloten_op"])
    StatusWijziging.objects.create(traject=traject, van=van, naar=naar, door=door, reden=reden)
    if naar == Status.HEROPEND:
        rechten.herzie_toegang(traject.huishouden, door=door, reden=_("traject heropend"))
    log.gewijzigd(door, traject, detail={"status": [van, naar]})
    return traject


@transaction.atomic
def sluit_traject_af(*, traject, door, reden, toelichting="", vervolgdatum=None, op=None, reden_geen_eindmeting="",
                     controles=None, uitstroom=()):
    """Close a traject with a reason; the regisseur's assignment ends and its plan is closed. History stays.

    Higher apps check their own conditions through ``registry.AFSLUIT_CONTROLES`` (e.g. a closing ZRM
    measurement, or a reason why there is none); each raises ValidationError to refuse. ``controles``: True runs
    them, False skips them (imports, retention jobs); None (default) runs them whenever a person (``door``)
    closes the traject, which is every form and API path.

    ``uitstroom``: pairs (persoon, soort) of clients who leave for paid work or education at the end of this
    traject; recorded with the closing date (``registreer_uitstroom``), in the same transaction.
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
    plannen = list(traject.plannen.filter(status__in=[Plan.Status.ACTIEF, Plan.Status.CONCEPT]).values_list(
        "pk", flat=True))
    Plan.objects.filter(pk__in=plannen).update(status=Plan.Status.AFGESLOTEN)
    rechten.herzie_toegang(traject.huishouden, door=door, reden=_("traject afgesloten"))
    log.gewijzigd(door, traject, detail={"status": [van, Status.AFGESLOTEN], "reden": reden,
                                         "plannen_afgesloten": plannen})
    for persoon, soort in uitstroom:
        registreer_uitstroom(traject=traject, door=door, persoon=persoon, soort=soort, datum=traject.afgesloten_op)
    return traject


@transaction.atomic
def registreer_uitstroom(*, traject, door, persoon, soort, datum, actie=None):
    """Record that a client of this traject left for paid work or education (Participatiewet outflow).

    At the end of the traject (from ``sluit_traject_af``) or at the end of an activity of its plan: an activity
    still running is ended on the date of the outflow. Once per traject, person and kind; audited.
    """
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    fouten = {}
    if soort not in Uitstroom.Soort.values:
        fouten["soort"] = _("Kies of de cliënt uitstroomt naar betaald werk of naar een opleiding.")
    if persoon is None or not Persoon.objects.filter(pk=persoon.pk, huishouden_id=traject.huishouden_id).exists():
        fouten["persoon"] = _("Kies iemand uit dit huishouden.")
    if datum is None:
        fouten["datum"] = _("Vul de datum van de uitstroom in.")
    elif datum > timezone.localdate():
        fouten["datum"] = _("De datum van de uitstroom ligt in de toekomst.")
    elif datum < traject.aangemeld_op:
        fouten["datum"] = _("De datum van de uitstroom ligt vóór de aanmelding van het traject (%(datum)s).") % {
            "datum": f"{traject.aangemeld_op:%d-%m-%Y}"}
    if actie is not None:
        actie = Actie.objects.select_for_update().filter(pk=actie.pk, doel__plan__traject=traject).first()
        if actie is None:
            fouten["actie"] = _("Kies een activiteit uit het plan van dit traject.")
        elif datum is not None and actie.start and datum < actie.start:
            fouten["datum"] = _("De datum van de uitstroom ligt vóór de start van de activiteit (%(datum)s).") % {
                "datum": f"{actie.start:%d-%m-%Y}"}
    if not fouten and Uitstroom.objects.filter(traject=traject, persoon=persoon, soort=soort).exists():
        fouten["soort"] = _("Deze uitstroom is al vastgelegd voor dit traject.")
    if fouten:
        raise ValidationError(fouten)
    if actie is not None and actie.eind is None:
        actie.eind = datum
        actie.save(update_fields=["eind"])
    uitstroom = Uitstroom.objects.create(traject=traject, persoon=persoon, actie=actie, soort=soort, datum=datum,
                                         geregistreerd_door=door)
    log.aangemaakt(door, uitstroom, detail={"soort": soort, "datum": datum.isoformat(),
                                            "actie": actie.pk if actie else None})
    return uitstroom


@transaction.atomic
def heropen_traject(*, traject, door, reden=""):
    """Reopen a closed traject: the old status history and closing reason stay in StatusWijziging."""
    if not reden:
        raise ValidationError(_("Geef aan waarom het traject wordt heropend."), code="reden")
    return wijzig_status(traject=traject, naar=Status.HEROPEND, door=door, reden=reden)


@transaction.atomic
def wijs_regisseur_toe(*, traject, regisseur, door, reden=""):
    """Make ``regisseur`` the one regisseur: ends the current assignment, starts the next, moves access."""
    traject = Traject.objects.select_for_update(of=("self",)).select_related("huishouden", "team").get(pk=traject.pk)
    if not traject.is_open:
        raise ValidationError(_("Een afgesloten traject krijgt geen regisseur."), code="afgesloten")
    if not rechten.mag_regisseur_zijn(traject, regisseur):
        raise PermissionDenied(
            _("De regisseur moet lid zijn van het team van dit traject of coördinator van het gebied.")
        )
    huidig = RegisseurToewijzing.objects.select_for_update().filter(traject=traject, tot__isnull=True).first()
    if huidig is not None:
        if huidig.regisseur_id == regisseur.pk:
            return huidig
        huidig.tot = timezone.now()
        huidig.save(update_fields=["tot"])
    try:
        with transaction.atomic():
            nieuw = RegisseurToewijzing.objects.create(
                traject=traject, regisseur=regisseur, toegewezen_door=door, reden=reden)
    except IntegrityError:
        raise ValidationError(_("Dit traject heeft al een regisseur."), code="regisseur")
    rechten.herzie_toegang(traject.huishouden, door=door, reden=_("regisseur gewijzigd"))
    log.gewijzigd(
        door, traject, detail={"regisseur": regisseur.username, "vorige": huidig.regisseur.username if huidig else None}
    )
    return nieuw


@transaction.atomic
def beeindig_regie(*, toewijzing, door):
    """End one regie assignment because its holder no longer qualifies (left the team, no longer coördinator).

    The traject has no regisseur until the coördinator names one; the holder's personal access goes at once.
    """
    toewijzing = RegisseurToewijzing.objects.select_for_update().get(pk=toewijzing.pk)
    if toewijzing.tot is not None:
        return toewijzing
    toewijzing.tot = timezone.now()
    toewijzing.save(update_fields=["tot"])
    traject = toewijzing.traject
    rechten.herzie_toegang(traject.huishouden, door=door, reden=_("regie beëindigd"))
    log.gewijzigd(door, traject, detail={"regisseur": None, "vorige": toewijzing.regisseur.username})
    return toewijzing



@transaction.atomic
def verplaats_traject(*, traject, naar_team, door, reden, naar_wijk=None):
    """Move an open traject to another team (and so its gebied), e.g. Sociaal team → JGT when a child is born, or
    the team of the new wijk when the household moved (``naar_wijk``: the household's new wijk).

    The current regisseur or the coördinator of the traject's gebied (``rechten.mag_traject_verplaatsen``) does it,
    with a reason. Access follows the policy (``rechten.herzie_toegang``): the old team and its coördinatoren lose
    the household (unless another traject keeps them), the new team gets it. A regisseur who does not belong to
    the new team or coordinate its gebied loses the regie; the new team's coördinator names one. A row in
    TrajectVerplaatsing keeps the history; audited.
    """
    traject = (Traject.objects.select_for_update(of=("self",)).select_related("huishouden__wijk", "team", "gebied")
               .get(pk=traject.pk))
    huishouden = traject.huishouden
    if not traject.is_open:
        raise ValidationError(_("Alleen een open traject kan naar een ander team."), code="afgesloten")
    if door is not None and not rechten.mag_traject_verplaatsen(door, traject):
        raise PermissionDenied(_("Alleen de regisseur of de coördinator van het gebied verplaatst een traject."))
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": _("Geef aan waarom het traject naar een ander team gaat.")})
    if naar_team.gemeente_id != huishouden.gemeente_id:
        raise ValidationError({"naar_team": _("Kies een team van de eigen gemeente.")})
    if naar_wijk is not None and naar_wijk.gemeente_id != huishouden.gemeente_id:
        raise ValidationError({"naar_wijk": _("Kies een wijk van de eigen gemeente.")})
    van_wijk = huishouden.wijk
    nieuwe_wijk = naar_wijk if naar_wijk is not None and naar_wijk.pk != huishouden.wijk_id else None
    if naar_team.pk == traject.team_id and nieuwe_wijk is None:
        raise ValidationError({"naar_team": _("Het traject zit al in dit team.")})
    verplaatsing = TrajectVerplaatsing.objects.create(
        traject=traject, van_team=traject.team, naar_team=naar_team, van_gebied=traject.gebied,
        naar_gebied=naar_team.gebied, van_wijk=van_wijk, naar_wijk=nieuwe_wijk or van_wijk, reden=reden, door=door)
    van_team = traject.team
    traject.team, traject.gebied = naar_team, naar_team.gebied
    traject.save(update_fields=["team", "gebied"])
    if nieuwe_wijk is not None:
        Huishouden.objects.filter(pk=huishouden.pk).update(wijk=nieuwe_wijk)
    regie = RegisseurToewijzing.objects.select_for_update().filter(traject=traject, tot__isnull=True).first()
    if regie is not None and not rechten.mag_regisseur_zijn(traject, regie.regisseur):
        regie.tot = timezone.now()
        regie.save(update_fields=["tot"])
    rechten.herzie_toegang(huishouden, door=door, reden=_("traject naar een ander team verplaatst"))
    log.gewijzigd(door, traject, detail={
        "verplaatst": {"van_team": van_team.pk, "naar_team": naar_team.pk,
                       "van_wijk": getattr(van_wijk, "pk", None), "naar_wijk": getattr(nieuwe_wijk, "pk", None)},
        "regie_beeindigd": bool(regie is not None and regie.tot is not None)})
    return verplaatsing
