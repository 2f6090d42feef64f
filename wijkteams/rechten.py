"""The access policy of the organisation: the only module that writes object permissions on a team.

- a team's own group may open the team (member list, caseload);
- the coördinatoren of the team's gebied may open it personally, for as long as they coordinate the gebied.

Each grant and revoke writes an audit row (who, to whom, which team, why). The role predicates themselves
are in ``wijkteams.rollen``; what a functioneel beheerder may do in the beheer pages is in ``mag_beheren``.
"""

from guardian.shortcuts import assign_perm, remove_perm

from audit import log
from wijkteams import rollen

RECHT = "wijkteams.view_team"


def geef_teamtoegang(team, wie, *, door, reden):
    """``wie`` (the team group or a coördinator's user) may open ``team``."""
    assign_perm(RECHT, wie, team)
    log.gewijzigd(door, team, detail={"toegang": "gegeven", "aan": _aan(wie), "reden": reden})


def trek_teamtoegang_in(team, wie, *, door, reden):
    remove_perm(RECHT, wie, team)
    log.gewijzigd(door, team, detail={"toegang": "ingetrokken", "aan": _aan(wie), "reden": reden})


def _aan(wie):
    return f"groep:{wie.name}" if wie._meta.label_lower == "auth.group" else f"gebruiker:{wie.username}"


# --- the beheer pages ---------------------------------------------------------------------------------------

# Roles a functioneel beheerder may hand out: every role of the application except its own (which opens the
# beheer pages: staff level); superuser, staff and raw groups/permissions are never offered.
TOEKENBARE_ROLLEN = tuple(r for r in rollen.ALLE if r != rollen.FUNCTIONEEL_BEHEER)


def is_beheerder(user):
    """A functioneel beheerder: the role, a gemeente, and no superuser (superusers are not limited)."""
    from wijkteams.selectors import gemeente_id_van

    return (not user.is_superuser and rollen.heeft_rol(user, rollen.FUNCTIONEEL_BEHEER)
            and gemeente_id_van(user) is not None)


def mag_rollen_wijzigen(door, account):
    """A beheerder changes the roles of accounts of its own gemeente, never its own and never a superuser's."""
    from wijkteams.selectors import gemeente_id_van

    if door.is_superuser:
        return True
    return (is_beheerder(door) and door.pk != account.pk and not account.is_superuser
            and gemeente_id_van(account) == gemeente_id_van(door))


def mag_organisatie_wijzigen_voor(door, medewerker):
    """Team membership and coördinatorschap: a beheerder changes them only for others of its own gemeente.

    Services called by the system (``door`` None), a superuser or a coördinator are not limited here.
    """
    if door is None or door.is_superuser or not is_beheerder(door):
        return True
    return door.pk != medewerker.user_id and door.medewerker.gemeente_id == medewerker.gemeente_id


# --- the sociale kaart --------------------------------------------------------------------------------------

def mag_aanbod_beheren(user, gemeente_id=None):
    """The sociaal makelaar and the functioneel beheerder keep the sociale kaart of their own gemeente current.

    Without ``gemeente_id``: whether the user holds the role at all (and belongs to a gemeente).
    """
    from wijkteams.selectors import gemeente_id_van

    eigen = gemeente_id_van(user)
    if eigen is None or not rollen.heeft_rol(user, rollen.SOCIAAL_MAKELAAR, rollen.FUNCTIONEEL_BEHEER):
        return False
    return gemeente_id is None or gemeente_id == eigen
