"""Writes to the organisation. Group membership and object permissions are changed only here."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from guardian.shortcuts import assign_perm, remove_perm

from audit import log
from wijkteams import rollen, signals
from wijkteams.models import Gebied, Team, TeamLidmaatschap, Wijk, WijkIndeling


@transaction.atomic
def maak_team(*, gemeente, gebied, type, naam, door=None):
    if gebied is not None and gebied.gemeente_id != gemeente.pk:
        raise ValidationError(_("Het gebied hoort niet bij deze gemeente."))
    groep, _nieuw = Group.objects.get_or_create(name=f"team:{gemeente.cbs_code}:{naam}")
    team = Team.objects.create(gemeente=gemeente, gebied=gebied, type=type, naam=naam, groep=groep)
    assign_perm("wijkteams.view_team", groep, team)
    if gebied is not None:
        for coordinator in gebied.coordinatoren.select_related("user"):
            assign_perm("wijkteams.view_team", coordinator.user, team)
    log.aangemaakt(door, team)
    return team


@transaction.atomic
def voeg_teamlid_toe(*, team, medewerker, uren_per_week=0, door=None):
    if medewerker.gemeente_id != team.gemeente_id:
        raise ValidationError(_("Een medewerker kan alleen in een team van de eigen gemeente."))
    lid, _nieuw = TeamLidmaatschap.objects.update_or_create(
        team=team, medewerker=medewerker, defaults={"uren_per_week": uren_per_week}
    )
    medewerker.user.groups.add(team.groep)
    log.gewijzigd(door, team, detail={"teamlid_toegevoegd": medewerker.user.username})
    return lid


@transaction.atomic
def verwijder_teamlid(*, team, medewerker, door=None):
    TeamLidmaatschap.objects.filter(team=team, medewerker=medewerker).delete()
    medewerker.user.groups.remove(team.groep)
    log.gewijzigd(door, team, detail={"teamlid_verwijderd": medewerker.user.username})


@transaction.atomic
def maak_coordinator(*, medewerker, gebieden, door=None):
    """Make a staff member coördinator of these gebieden, with view rights on their teams."""
    medewerker.user.groups.add(Group.objects.get_or_create(name=rollen.COORDINATOR)[0])
    for gebied in gebieden:
        if gebied.gemeente_id != medewerker.gemeente_id:
            raise ValidationError(_("Een coördinator kan alleen gebieden van de eigen gemeente coördineren."))
        medewerker.coordinator_van.add(gebied)
        for team in gebied.teams.all():
            assign_perm("wijkteams.view_team", medewerker.user, team)
        signals.coordinator_toegevoegd.send(sender=Gebied, medewerker=medewerker, gebied=gebied)
    log.gewijzigd(door, medewerker.user, detail={"coordinator_van": [g.pk for g in gebieden]})


@transaction.atomic
def trek_coordinatorschap_in(*, medewerker, gebied, door=None):
    medewerker.coordinator_van.remove(gebied)
    for team in gebied.teams.all():
        remove_perm("wijkteams.view_team", medewerker.user, team)
    signals.coordinator_verwijderd.send(sender=Gebied, medewerker=medewerker, gebied=gebied)
    log.gewijzigd(door, medewerker.user, detail={"coordinator_niet_meer_van": gebied.pk})


@transaction.atomic
def deel_wijk_in(*, wijk, gebied, per, door=None):
    """Move a wijk to a gebied from date ``per``; the previous indeling is closed, not overwritten."""
    if gebied.gemeente_id != wijk.gemeente_id:
        raise ValidationError(_("Een wijk kan alleen in een gebied van de eigen gemeente."))
    wijk = Wijk.objects.select_for_update().get(pk=wijk.pk)
    lopend = WijkIndeling.objects.filter(wijk=wijk, geldig_tot__isnull=True).first()
    if lopend is not None:
        if lopend.gebied_id == gebied.pk:
            return lopend
        if per <= lopend.geldig_van:
            raise ValidationError(_("De nieuwe indeling moet na het begin van de huidige indeling ingaan."))
        lopend.geldig_tot = per - timedelta(days=1)
        lopend.save(update_fields=["geldig_tot"])
    indeling = WijkIndeling.objects.create(wijk=wijk, gebied=gebied, geldig_van=per)
    wijk.gebied = gebied
    wijk.save(update_fields=["gebied"])
    log.gewijzigd(door, wijk, detail={"gebied": gebied.pk, "per": per.isoformat()})
    return indeling
