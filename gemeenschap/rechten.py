"""Who may do what in gemeenschap (roles are Django groups; everything stays inside the user's gemeente)."""

from django.db.models import Q

from wijkteams import rollen
from wijkteams.models import TeamLidmaatschap
from wijkteams.selectors import medewerker_van


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
    """The complaints register is open to wijkteammedewerkers and coördinatoren; which complaints each sees is
    ``zichtbare_klachten``."""
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR)


def zichtbare_klachten(user):
    """The filter (a ``Q`` on Klacht) of the complaints this user may see inside their gemeente: those about a team
    they are a member of, those about a gebied they coordinate (a complaint without gebied: every coördinator of the
    gemeente, as for a gemeente without gebieden), and those they registered themselves. Not every medewerker of
    the gemeente: a complaint is personal to the team concerned."""
    mw = medewerker_van(user)
    if mw is None or not mag_klachten_zien(user):
        return Q(pk__in=[])
    filter_ = Q(geregistreerd_door=user) | Q(team_id__in=TeamLidmaatschap.objects.filter(
        medewerker=mw).values("team_id"))
    if rollen.heeft_rol(user, rollen.COORDINATOR):
        filter_ |= Q(gebied_id__in=rollen.coordinator_gebieden(user)) | Q(gebied__isnull=True)
    return filter_


def mag_klacht_registreren(user):
    """Wijkteammedewerkers and coördinatoren record a complaint."""
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR)


def mag_klacht_afhandelen(user):
    """Only a coördinator handles (closes) a complaint."""
    return rollen.heeft_rol(user, rollen.COORDINATOR)


def mag_deze_klacht_afhandelen(user, klacht):
    """The coördinator of the complaint's gebied (without gebied: a coördinator of the gemeente)."""
    return mag_klacht_afhandelen(user) and rollen.is_coordinator_van(user, klacht.gebied_id,
                                                                     gemeente_id=klacht.gemeente_id)


def mag_clientervaring_zien(user):
    """Client-experience results: professionals, coördinatoren and policy staff."""
    return rollen.heeft_rol(user, rollen.MEDEWERKER, rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER)


def mag_clientervaring_invoeren(user):
    """Coördinatoren and policy staff enter or import client-experience results."""
    return rollen.heeft_rol(user, rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER)


def mag_cijfers_zien(user):
    """Aggregated figures (suppressed small cells): coördinator, policy staff, makelaar."""
    return rollen.heeft_rol(user, rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER, rollen.SOCIAAL_MAKELAAR)
