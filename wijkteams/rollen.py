"""The roles are Django groups; their names are fixed here and created by a data migration."""

from django.utils.translation import gettext_lazy as _

MEDEWERKER = "medewerker"
COORDINATOR = "coordinator"
LZN = "lzn"
BELEIDSMEDEWERKER = "beleidsmedewerker"
SOCIAAL_MAKELAAR = "sociaal_makelaar"
BESTUURSTAFEL = "bestuurstafel"
FUNCTIONEEL_BEHEER = "functioneel_beheer"

NAMEN = {
    MEDEWERKER: _("Wijkteammedewerker"),
    COORDINATOR: _("Coördinator Welzijn en Zorg"),
    LZN: _("Coördinator LZN"),
    BELEIDSMEDEWERKER: _("Beleidsmedewerker"),
    SOCIAAL_MAKELAAR: _("Sociaal makelaar"),
    BESTUURSTAFEL: _("Lid bestuurstafel"),
    FUNCTIONEEL_BEHEER: _("Functioneel beheerder"),
}
ALLE = tuple(NAMEN)


def rollen_van(user):
    """The role names of a user, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_rollen", None)
    if cached is None:
        cached = frozenset(n for n in user.groups.values_list("name", flat=True) if n in NAMEN)
        user._rollen = cached
    return cached


def heeft_rol(user, *rollen):
    return bool(rollen_van(user) & set(rollen))
