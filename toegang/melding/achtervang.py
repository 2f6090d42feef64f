"""Achtervang: who takes over the work of a professional who is away today."""

from django.db.models import Q
from django.utils import timezone

from toegang.models import Afwezigheid


def afwezigheden_op(op=None):
    op = op or timezone.localdate()
    return Afwezigheid.objects.filter(van__lte=op, tot__gte=op)


def is_afwezig(user, op=None):
    return user is not None and afwezigheden_op(op).filter(medewerker=user).exists()


def vervanger_voor(user, op=None):
    """The user who takes ``user``'s new work today: ``user`` when present, the substitute when away
    (and present), or None: the team queue."""
    if user is None:
        return None
    afwezig = afwezigheden_op(op).filter(medewerker=user).select_related("vervanger").first()
    if afwezig is None:
        return user
    if afwezig.vervanger is None or is_afwezig(afwezig.vervanger, op):
        return None
    return afwezig.vervanger


def vervangen_door_mij(user, op=None):
    """Ids of the colleagues whose work ``user`` takes over today."""
    return list(afwezigheden_op(op).filter(vervanger=user).values_list("medewerker_id", flat=True))


def afwezig_zonder_vervanger(op=None):
    """Ids of the professionals who are away today without a (present) substitute: their work is in the queue."""
    vandaag = afwezigheden_op(op)
    return list(vandaag.filter(Q(vervanger__isnull=True) | Q(vervanger__in=vandaag.values("medewerker")))
                .values_list("medewerker_id", flat=True))
