"""The only doors to a dossier: every page and endpoint starts here (404 for missing and forbidden)."""

from django.http import Http404
from guardian.shortcuts import get_objects_for_user

from audit import log
from huishoudens.models import Huishouden, RegisseurToewijzing, Traject
from wijkteams.selectors import gemeente_id_van


def huishoudens_voor(user):
    """The households this user may see: team, regisseur, coördinator of the gebied, LZN on escalation."""
    gemeente_id = gemeente_id_van(user)
    if gemeente_id is None:
        return Huishouden.objects.none()
    return get_objects_for_user(
        user,
        "huishoudens.view_huishouden",
        klass=Huishouden.objects.filter(gemeente_id=gemeente_id),
        accept_global_perms=False,
        with_superuser=False,
    )


def get_huishouden_voor(user, pk, *, request=None, log_lezen=True):
    """One household, or 404 whether it does not exist or is not this user's to see. Logs the read."""
    huishouden = huishoudens_voor(user).select_related("wijk", "gemeente").filter(pk=pk).first()
    if huishouden is None:
        raise Http404
    if log_lezen:
        log.gelezen(user, huishouden, request=request)
    return huishouden


def open_traject(huishouden):
    return Traject.objects.filter(huishouden=huishouden).exclude(status=Traject.Status.AFGESLOTEN).first()


def huidige_regisseur(traject):
    toewijzing = RegisseurToewijzing.objects.filter(traject=traject, tot__isnull=True).select_related(
        "regisseur").first()
    return toewijzing.regisseur if toewijzing else None
