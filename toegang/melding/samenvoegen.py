"""A merge of two household records moves the meldingen to the kept household (huishoudens'
``huishouden_samengevoegd`` signal, connected in registratie.registreer())."""

from audit import log
from toegang.models import Melding


def huishouden_samengevoegd(sender, *, behouden, samengevoegd, door, **kwargs):
    ids = list(Melding.objects.select_for_update().filter(huishouden=samengevoegd).values_list("id", flat=True))
    if ids:
        Melding.objects.filter(pk__in=ids).update(huishouden=behouden)
        log.gewijzigd(door, behouden, detail={"meldingen_overgenomen": ids, "van_huishouden": samengevoegd.pk})
