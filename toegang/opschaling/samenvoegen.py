"""A merge of two household records moves the escalations to the kept household (huishoudens'
``huishouden_samengevoegd`` signal, connected in registratie.registreer()). The escalation groups' access
follows in huishoudens.rechten.na_samenvoegen."""

from audit import log
from toegang.models import Opschaling


def huishouden_samengevoegd(sender, *, behouden, samengevoegd, door, **kwargs):
    ids = list(Opschaling.objects.select_for_update().filter(huishouden=samengevoegd).values_list("id", flat=True))
    if ids:
        Opschaling.objects.filter(pk__in=ids).update(huishouden=behouden)
        log.gewijzigd(door, behouden, detail={"opschalingen_overgenomen": ids, "van_huishouden": samengevoegd.pk})
