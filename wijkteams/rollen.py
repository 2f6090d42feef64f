"""The roles are Django groups; their names are fixed here and created by a data migration."""

from django.utils.translation import gettext_lazy as _

from audit.log import groep_ids, groepsnamen

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
        cached = frozenset(n for n in groepsnamen(user) if n in NAMEN)
        user._rollen = cached
    return cached


def heeft_rol(user, *rollen):
    """Whether the user holds at least one of these roles (a group named in ``NAMEN``)."""
    return bool(rollen_van(user) & set(rollen))


def is_coordinator_van(user, gebied_id, *, gemeente_id=None):
    """The one "is coördinator of" predicate.

    Rule: a user is coördinator of a gebied when they hold the coördinator role and the gebied is one of the
    gebieden they coordinate (``Medewerker.coordinator_van``, set by ``wijkteams.services.maak_coordinator``).
    For something without a gebied (``gebied_id`` None) and a ``gemeente_id`` given, every coördinator of that
    gemeente counts (a gemeente without gebieden); without a ``gemeente_id`` nobody does.
    """
    from wijkteams.selectors import medewerker_van

    mw = medewerker_van(user)
    if mw is None or not heeft_rol(user, COORDINATOR):
        return False
    if gemeente_id is not None and mw.gemeente_id != gemeente_id:
        return False
    if gebied_id is None:
        return gemeente_id is not None
    return gebied_id in coordinator_gebieden(user)


def coordinatoren_van(gebied_ids, *, gemeente_id):
    """The users ``is_coordinator_van`` accepts for one of ``gebied_ids`` in this gemeente, as a queryset (the same
    rule in SQL, for choice lists): the coördinator role, a Medewerker of the gemeente and one of these gebieden
    among the ones they coordinate; ``None`` among ``gebied_ids`` (something without a gebied) counts every
    coördinator of the gemeente."""
    from django.contrib.auth import get_user_model

    User = get_user_model()
    gebied_ids = set(gebied_ids)
    rol = User.objects.filter(medewerker__gemeente_id=gemeente_id, groups__name=COORDINATOR)
    if None not in gebied_ids:
        rol = rol.filter(medewerker__coordinator_van__in=sorted(gebied_ids))
    return User.objects.filter(pk__in=rol.values("pk"))


def coordinator_gebieden(user):
    """The ids of the gebieden this user coordinates, read once and cached on the user object for the request
    (``audit.log.vergeet_groepen`` drops it; ``wijkteams.services`` calls that when it changes them)."""
    from wijkteams.selectors import medewerker_van

    cached = getattr(user, "_coordinator_gebieden", None)
    if cached is None:
        mw = medewerker_van(user)
        cached = frozenset(mw.coordinator_van.order_by().values_list("pk", flat=True)) if mw else frozenset()
        user._coordinator_gebieden = cached
    return cached


def in_groep(user, groep_id):
    """Whether the user is in this group (a team's group): from the groups read once per request."""
    return groep_id in groep_ids(user)


def vereis_rol(request, *rollen):
    """Refuse (403) a request whose user holds none of ``rollen``."""
    from django.core.exceptions import PermissionDenied

    if not heeft_rol(request.user, *rollen):
        raise PermissionDenied(_("Uw rol geeft geen toegang tot deze actie."))
