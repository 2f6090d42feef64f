"""A coördinator gets (or loses) access to the households with an open traject in the gebied."""

from django.dispatch import Signal, receiver

from huishoudens import rechten
from huishoudens.models import Huishouden, Traject
from wijkteams.signals import coordinator_toegevoegd, coordinator_verwijderd


def _open_in_gebied(gebied):
    return Huishouden.objects.filter(trajecten__gebied=gebied).exclude(trajecten__status=Traject.Status.AFGESLOTEN)


@receiver(coordinator_toegevoegd)
def coordinator_krijgt_toegang(sender, medewerker, gebied, **kwargs):
    for huishouden in _open_in_gebied(gebied).distinct():
        rechten.geef_toegang(huishouden, medewerker.user)


@receiver(coordinator_verwijderd)
def coordinator_verliest_toegang(sender, medewerker, gebied, **kwargs):
    for huishouden in Huishouden.objects.filter(trajecten__gebied=gebied).distinct():
        rechten.trek_toegang_in(huishouden, medewerker.user)


# Sent after two person records were merged (``behouden`` keeps, ``samengevoegd`` points to it), inside the
# transaction, so higher apps (ZRM measurements, requests) can move their rows to the kept person.
persoon_samengevoegd = Signal()
