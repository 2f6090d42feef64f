"""Who may do what in gemeenschap (roles are Django groups; everything stays inside the user's gemeente)."""

from wijkteams import rollen


def is_makelaar(user):
    return rollen.heeft_rol(user, rollen.SOCIAAL_MAKELAAR)


def mag_vrijwilligers_beheren(user):
    return is_makelaar(user)


def mag_hulpvraag_indienen(user):
    return rollen.heeft_rol(user, rollen.SOCIAAL_MAKELAAR, rollen.MEDEWERKER, rollen.COORDINATOR)


def mag_koppelen(user):
    return is_makelaar(user)


def mag_mantelzorg(user):
    """Mantelzorg records hang on a household: the household's own door (huishoudens_voor) decides further."""
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR)


def mag_activiteiten_zien(user):
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR, rollen.SOCIAAL_MAKELAAR,
                            rollen.BELEIDSMEDEWERKER)


def mag_activiteiten_beheren(user):
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR, rollen.SOCIAAL_MAKELAAR)


def mag_klachten_zien(user):
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR)


def mag_klacht_registreren(user):
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR)


def mag_klacht_afhandelen(user):
    return rollen.heeft_rol(user, rollen.COORDINATOR)


def mag_clientervaring_zien(user):
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER)


def mag_clientervaring_invoeren(user):
    return rollen.heeft_rol(user, rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER)


def mag_cijfers_zien(user):
    return rollen.heeft_rol(user, rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER, rollen.SOCIAAL_MAKELAAR)
