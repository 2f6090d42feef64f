"""Access rules of maatwerk added with the iWmo/iJw messages (the decision rule is ``services.mag_beslissen``)."""

from wijkteams import rollen
from wijkteams.selectors import medewerker_van


def mag_toewijzing_wijzigen(user, toewijzing):
    """Rule: a toewijzing is changed or ended (the corrected 301) by a coördinator of its gebied; one without a
    gebied by every coördinator of its gemeente (``rollen.is_coordinator_van``). Nobody of another gemeente."""
    return rollen.is_coordinator_van(user, toewijzing.gebied_id, gemeente_id=toewijzing.gemeente_id)


def berichtengemeente(user):
    """Rule: the 301 files of a gemeente are downloaded, and the provider's 305/307 read in, by a coördinator or
    functioneel beheerder of that gemeente; returns that gemeente, or None for anyone else (who then gets a 404).

    The files hold BSN, name and address of every client of a provider, so a team member does not get them."""
    if not rollen.heeft_rol(user, rollen.COORDINATOR, rollen.FUNCTIONEEL_BEHEER):
        return None
    mw = medewerker_van(user)
    return mw.gemeente if mw is not None else None
