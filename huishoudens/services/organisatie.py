"""Access follows the organisation: a coördinatorschap or team membership that changes re-checks the households
concerned against the rule in ``huishoudens.rechten`` (at once, in the same transaction). Connected on import
from ``huishoudens.apps``."""

from django.dispatch import receiver
from django.utils.translation import gettext as _

from huishoudens import rechten
from huishoudens.models import Huishouden, RegisseurToewijzing, Traject
from huishoudens.services.traject import beeindig_regie
from wijkteams.signals import coordinator_toegevoegd, coordinator_verwijderd, teamlid_verwijderd


def _in_gebied(gebied):
    return Huishouden.objects.filter(trajecten__gebied=gebied).values_list("pk", flat=True).distinct()


@receiver(coordinator_toegevoegd)
def coordinator_krijgt_toegang(sender, medewerker, gebied, door=None, **kwargs):
    rechten.herzie_voor(_in_gebied(gebied), door=door, reden=_("coördinator van het gebied geworden"))


@receiver(coordinator_verwijderd)
def coordinator_verliest_toegang(sender, medewerker, gebied, door=None, **kwargs):
    _beeindig_regie_zonder_grond(medewerker.user, Traject.objects.filter(gebied=gebied), door=door)
    rechten.herzie_voor(_in_gebied(gebied), door=door, reden=_("geen coördinator van het gebied meer"))


@receiver(teamlid_verwijderd)
def teamlid_verliest_toegang(sender, medewerker, team, door=None, **kwargs):
    trajecten = Traject.objects.filter(team=team)
    _beeindig_regie_zonder_grond(medewerker.user, trajecten, door=door)
    rechten.herzie_voor(trajecten.values_list("huishouden_id", flat=True).distinct(), door=door,
                        reden=_("uit het team"))


def _beeindig_regie_zonder_grond(user, trajecten, *, door):
    """End the regie of ``user`` on those open trajecten where they are neither in the team nor coördinator."""
    for toewijzing in RegisseurToewijzing.objects.filter(
            regisseur=user, tot__isnull=True, traject__in=trajecten).exclude(
            traject__status=Traject.Status.AFGESLOTEN).select_related("traject__team"):
        if not rechten.mag_regisseur_zijn(toewijzing.traject, user):
            beeindig_regie(toewijzing=toewijzing, door=door)
