"""Reads of the organisation, always within the user's own gemeente."""

from django.http import Http404
from guardian.shortcuts import get_objects_for_user

from audit import log
from wijkteams.models import Gebied, Gemeente, Locatie, Medewerker, Team, Wijk


def medewerker_van(user):
    """The Medewerker record of a user, or None (e.g. a superuser without a gemeente)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.medewerker
    except Medewerker.DoesNotExist:
        return None


def gemeente_id_van(user):
    mw = medewerker_van(user)
    return mw.gemeente_id if mw else None


def gemeenten_voor(user):
    return Gemeente.objects.filter(pk=gemeente_id_van(user))


def gebieden_voor(user):
    return Gebied.objects.filter(gemeente_id=gemeente_id_van(user))


def wijken_voor(user):
    return Wijk.objects.filter(gemeente_id=gemeente_id_van(user)).select_related("gebied")


def teams_voor(user):
    """All teams of the user's gemeente (names and gebieden are not confidential among staff)."""
    return Team.objects.filter(gemeente_id=gemeente_id_van(user)).select_related("gebied", "type")


def locaties_voor(user):
    return Locatie.objects.filter(gemeente_id=gemeente_id_van(user)).select_related("wijk")


def gecoordineerde_gebieden(user):
    mw = medewerker_van(user)
    if mw is None:
        return Gebied.objects.none()
    return mw.coordinator_van.all()


def zichtbare_teams(user):
    """Teams whose member list and caseload the user may open: guardian ``view_team``."""
    return get_objects_for_user(
        user,
        "wijkteams.view_team",
        klass=teams_voor(user),
        accept_global_perms=False,
    )


def get_team_voor(user, pk, *, request=None):
    team = zichtbare_teams(user).filter(pk=pk).first()
    if team is None:
        raise Http404
    log.gelezen(user, team, request=request)
    return team


def teamleden(team):
    return (
        team.lidmaatschappen.select_related("medewerker__user", "medewerker__discipline",
                                            "medewerker__organisatie")
        .order_by("medewerker__user__last_name", "medewerker__user__first_name")
    )


def zoek_aanbod(user, *, tekst="", soort="", wijk=None, categorie=""):
    """The sociale kaart of the user's gemeente: current offers (not ended), optionally for one wijk (its own
    offers, its gebied's, and gemeente-wide ones), a kind, and free text over name, provider,
    description, target group."""
    from django.db.models import Q

    from wijkteams.models import Aanbod

    qs = Aanbod.objects.lopend().filter(gemeente_id=gemeente_id_van(user)).select_related("wijk", "gebied")
    if soort:
        qs = qs.filter(soort=soort)
    if categorie:
        qs = qs.filter(categorie=categorie)
    if wijk is not None:
        qs = qs.filter(Q(wijk=wijk) | Q(wijk__isnull=True, gebied_id=wijk.gebied_id)
                       | Q(wijk__isnull=True, gebied__isnull=True))
    for woord in (tekst or "").split():
        qs = qs.filter(Q(naam__icontains=woord) | Q(aanbieder__icontains=woord) | Q(omschrijving__icontains=woord)
                       | Q(doelgroep__icontains=woord))
    return qs.order_by("soort", "naam")


def beheerbaar_aanbod(user):
    """Every offer (also ended ones) of the sociale kaart of the user's gemeente, for keeping it current.

    The role is checked by the caller with ``wijkteams.rechten.mag_aanbod_beheren`` (the pages and the API do,
    before they read; ``rechten`` sits above this module, so it cannot be asked from here)."""
    from wijkteams.models import Aanbod

    return (Aanbod.objects.filter(gemeente_id=gemeente_id_van(user)).select_related("wijk", "gebied")
            .order_by("naam", "id"))


def get_beheerbaar_aanbod(user, pk, *, request=None):
    """One offer the user may keep current: 404 for a missing offer and another gemeente's alike."""
    from wijkteams.models import Aanbod

    aanbod = beheerbaar_aanbod(user).filter(pk=pk).first()
    if aanbod is None:
        log.geweigerd(user, Aanbod._meta.label_lower, pk, request=request)
        raise Http404
    return aanbod
