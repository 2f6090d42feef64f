"""Who may do what in gemeenschap (roles are Django groups; everything stays inside the user's gemeente)."""

from wijkteams import rollen


def is_makelaar(user):
    """The sociaal makelaar: volunteers, matching, community work."""
    return rollen.heeft_rol(user, rollen.SOCIAAL_MAKELAAR)


def mag_vrijwilligers_beheren(user):
    """Only the sociaal makelaar keeps the volunteer register (personal data of volunteers)."""
    return is_makelaar(user)


def mag_hulpvraag_indienen(user):
    """Makelaar, wijkteammedewerker and coördinator may file a request for informal help."""
    return rollen.heeft_rol(user, rollen.SOCIAAL_MAKELAAR, rollen.MEDEWERKER, rollen.COORDINATOR)


def mag_koppelen(user):
    """Only the makelaar matches a request with a volunteer."""
    return is_makelaar(user)


def mag_mantelzorg(user):
    """Mantelzorg records hang on a household: the household's own door (huishoudens_voor) decides further."""
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR)


def mag_activiteiten_zien(user):
    """Professionals and policy staff see the activities offered in the gemeente."""
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR, rollen.SOCIAAL_MAKELAAR,
                            rollen.BELEIDSMEDEWERKER)


def mag_activiteiten_beheren(user):
    """Those who run or refer to activities (not policy staff) maintain them."""
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR, rollen.SOCIAAL_MAKELAAR)


def mag_klachten_zien(user):
    """Complaints are seen by wijkteammedewerkers and coördinatoren."""
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR)


def mag_klacht_registreren(user):
    """Wijkteammedewerkers and coördinatoren record a complaint."""
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR)


def mag_klacht_afhandelen(user):
    """Only a coördinator handles (closes) a complaint."""
    return rollen.heeft_rol(user, rollen.COORDINATOR)


def mag_clientervaring_zien(user):
    """Client-experience results: professionals, coördinatoren and policy staff."""
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER)


def mag_clientervaring_invoeren(user):
    """Coördinatoren and policy staff enter or import client-experience results."""
    return rollen.heeft_rol(user, rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER)


def mag_cijfers_zien(user):
    """Aggregated figures (suppressed small cells): coördinator, policy staff, makelaar."""
    return rollen.heeft_rol(user, rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER, rollen.SOCIAAL_MAKELAAR)
