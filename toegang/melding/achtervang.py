"""Achtervang: who takes over the work of a professional who is away today."""

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


def vervanging_vandaag(user, op=None):
    """From one read of today's absences: (ids of the colleagues whose work ``user`` takes over today,
    ids of the professionals away today without a present substitute: their work is in the queue)."""
    rijen = list(afwezigheden_op(op).values_list("medewerker_id", "vervanger_id"))
    afwezig = {medewerker for medewerker, _ in rijen}
    return ([m for m, v in rijen if v == user.pk],
            [m for m, v in rijen if v is None or v in afwezig])


