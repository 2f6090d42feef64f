"""A merge of two person records moves maatwerk requests and allocations (``client``) to the kept person
(huishoudens' ``persoon_samengevoegd`` signal, connected in registratie_maatwerk.registreer())."""

from audit import log
from toegang.models import Aanvraag, Toewijzing


def persoon_samengevoegd(sender, *, behouden, samengevoegd, door, **kwargs):
    aanvragen = list(Aanvraag.objects.select_for_update().filter(client=samengevoegd).values_list("id", flat=True))
    toewijzingen = list(Toewijzing.objects.select_for_update().filter(client=samengevoegd)
                        .values_list("id", flat=True))
    if not (aanvragen or toewijzingen):
        return
    Aanvraag.objects.filter(pk__in=aanvragen).update(client=behouden)
    Toewijzing.objects.filter(pk__in=toewijzingen).update(client=behouden)
    log.gewijzigd(door, behouden, detail={"aanvragen_overgenomen": aanvragen,
                                          "toewijzingen_overgenomen": toewijzingen, "van_persoon": samengevoegd.pk})


def huishouden_samengevoegd(sender, *, behouden, samengevoegd, door, **kwargs):
    """A merge of two household records moves the maatwerk requests to the kept household."""
    ids = list(Aanvraag.objects.select_for_update().filter(huishouden=samengevoegd).values_list("id", flat=True))
    if ids:
        Aanvraag.objects.filter(pk__in=ids).update(huishouden=behouden)
        log.gewijzigd(door, behouden, detail={"aanvragen_overgenomen": ids, "van_huishouden": samengevoegd.pk})
