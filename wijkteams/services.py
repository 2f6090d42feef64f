"""Writes to the organisation. Group membership and object permissions are changed only here."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit import log
from audit.log import vergeet_groepen
from wijkteams import rechten, rollen, signals
from wijkteams.models import Gebied, Medewerker, Team, TeamLidmaatschap, Wijk, WijkIndeling


@transaction.atomic
def maak_team(*, gemeente, gebied, type, naam, door=None):
    if gebied is not None and gebied.gemeente_id != gemeente.pk:
        raise ValidationError(_("Het gebied hoort niet bij deze gemeente."))
    groep, _nieuw = Group.objects.get_or_create(name=f"team:{gemeente.cbs_code}:{naam}")
    team = Team.objects.create(gemeente=gemeente, gebied=gebied, type=type, naam=naam, groep=groep)
    log.aangemaakt(door, team)
    rechten.geef_teamtoegang(team, groep, door=door, reden=_("nieuw team"))
    if gebied is not None:
        for coordinator in gebied.coordinatoren.select_related("user"):
            rechten.geef_teamtoegang(team, coordinator.user, door=door, reden=_("coördinator van het gebied"))
    return team


def _niet_zichzelf(door, medewerker):
    if not rechten.mag_organisatie_wijzigen_voor(door, medewerker):
        raise PermissionDenied(_("U kunt uw eigen rol, teams of gebieden niet wijzigen, en alleen in uw eigen "
                                 "gemeente."))


@transaction.atomic
def voeg_teamlid_toe(*, team, medewerker, uren_per_week=0, door=None):
    _niet_zichzelf(door, medewerker)
    if medewerker.gemeente_id != team.gemeente_id:
        raise ValidationError(_("Een medewerker kan alleen in een team van de eigen gemeente."))
    lid, _nieuw = TeamLidmaatschap.objects.update_or_create(
        team=team, medewerker=medewerker, defaults={"uren_per_week": uren_per_week}
    )
    medewerker.user.groups.add(team.groep)
    vergeet_groepen(medewerker.user)
    log.gewijzigd(door, team, detail={"teamlid_toegevoegd": medewerker.user.username})
    return lid


@transaction.atomic
def verwijder_teamlid(*, team, medewerker, door=None):
    """Take someone out of a team: the team group goes at once, and with it the team's households."""
    _niet_zichzelf(door, medewerker)
    TeamLidmaatschap.objects.filter(team=team, medewerker=medewerker).delete()
    medewerker.user.groups.remove(team.groep)
    vergeet_groepen(medewerker.user)
    log.gewijzigd(door, team, detail={"teamlid_verwijderd": medewerker.user.username})
    signals.teamlid_verwijderd.send(sender=Team, medewerker=medewerker, team=team, door=door)


@transaction.atomic
def maak_coordinator(*, medewerker, gebieden, door=None):
    """Make a staff member coördinator of these gebieden, with view rights on their teams and households."""
    _niet_zichzelf(door, medewerker)
    medewerker.user.groups.add(Group.objects.get_or_create(name=rollen.COORDINATOR)[0])
    vergeet_groepen(medewerker.user)
    for gebied in gebieden:
        if gebied.gemeente_id != medewerker.gemeente_id:
            raise ValidationError(_("Een coördinator kan alleen gebieden van de eigen gemeente coördineren."))
        medewerker.coordinator_van.add(gebied)
        vergeet_groepen(medewerker.user)
        for team in gebied.teams.all():
            rechten.geef_teamtoegang(team, medewerker.user, door=door, reden=_("coördinator van het gebied"))
        signals.coordinator_toegevoegd.send(sender=Gebied, medewerker=medewerker, gebied=gebied, door=door)
    log.gewijzigd(door, medewerker.user, detail={"coordinator_van": [g.pk for g in gebieden]})


@transaction.atomic
def trek_coordinatorschap_in(*, medewerker, gebied, door=None):
    """Stop someone coordinating a gebied: team and household access of that gebied go at once."""
    _niet_zichzelf(door, medewerker)
    medewerker.coordinator_van.remove(gebied)
    vergeet_groepen(medewerker.user)
    for team in gebied.teams.all():
        rechten.trek_teamtoegang_in(team, medewerker.user, door=door, reden=_("geen coördinator van het gebied meer"))
    signals.coordinator_verwijderd.send(sender=Gebied, medewerker=medewerker, gebied=gebied, door=door)
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


@transaction.atomic
def zet_rollen(*, account, rollen_namen, door):
    """Give ``account`` exactly these application roles (Django groups named in ``rollen.NAMEN``).

    A beheerder hands out only ``rechten.TOEKENBARE_ROLLEN``, never to itself, only in its own gemeente; roles
    it may not hand out that the account already holds stay. Team groups are not roles: they follow team
    membership. ``is_staff`` follows the functioneel-beheer role; superusers are made only by createsuperuser.
    """
    if not rechten.mag_rollen_wijzigen(door, account):
        raise PermissionDenied(_("U kunt de rollen van dit account niet wijzigen."))
    toekenbaar = set(rollen.ALLE if door.is_superuser else rechten.TOEKENBARE_ROLLEN)
    gevraagd = set(rollen_namen)
    if gevraagd - set(rollen.ALLE):
        raise ValidationError({"rollen": _("Onbekende rol.")})
    if gevraagd - toekenbaar:
        raise PermissionDenied(_("Deze rol kunt u niet toekennen."))
    huidig = {g.name for g in account.groups.filter(name__in=rollen.ALLE)}
    nieuw = (huidig - toekenbaar) | gevraagd
    if nieuw == huidig:
        return account
    account.groups.remove(*Group.objects.filter(name__in=huidig - nieuw))
    account.groups.add(*[Group.objects.get_or_create(name=n)[0] for n in sorted(nieuw - huidig)])
    vergeet_groepen(account)
    staff = rollen.FUNCTIONEEL_BEHEER in nieuw
    if account.is_staff != staff:
        account.is_staff = staff
        account.save(update_fields=["is_staff"])
    account._rollen = None
    log.gewijzigd(door, account, detail={"rollen": [sorted(huidig), sorted(nieuw)]})
    return account


@transaction.atomic
def maak_medewerker(*, account, gemeente, door):
    """Attach a new account to a gemeente (the beheerder's own), so it can be found and given a role."""
    if not door.is_superuser and (not rechten.is_beheerder(door) or door.medewerker.gemeente_id != gemeente.pk):
        raise PermissionDenied(_("U kunt alleen accounts in uw eigen gemeente aanmaken."))
    medewerker = Medewerker.objects.create(user=account, gemeente=gemeente)
    log.aangemaakt(door, medewerker, detail={"gemeente": gemeente.pk}, gemeente_id=gemeente.pk)
    return medewerker
