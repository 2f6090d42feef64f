"""Who may see the ZRM figures of the gemeente (aggregated, small counts suppressed, no personal data)."""

from wijkteams import rollen
from wijkteams.selectors import gemeente_id_van


def mag_zrm_cijfers_zien(user):
    """Coördinatoren and beleidsmedewerkers of a gemeente: the same people as the aggregates in the API."""
    return (getattr(user, "is_authenticated", False)
            and rollen.heeft_rol(user, rollen.COORDINATOR, rollen.BELEIDSMEDEWERKER)
            and gemeente_id_van(user) is not None)
