"""A merge of two person records moves the carer's record (Mantelzorger.persoon) to the kept person
(huishoudens' ``persoon_samengevoegd`` signal, connected in GemeenschapConfig.ready()).

A person has at most one carer record (DB constraint). When both records had one, the support and the burden
checks of the merged one move to the kept record, which keeps the earliest ‘sinds’; the empty duplicate goes.
"""

from audit import log
from gemeenschap.models import Belastingcheck, Mantelzorger, MantelzorgSteun


def persoon_samengevoegd(sender, *, behouden, samengevoegd, door, **kwargs):
    weg = Mantelzorger.objects.select_for_update().filter(persoon=samengevoegd).first()
    if weg is None:
        return
    blijft = Mantelzorger.objects.select_for_update().filter(persoon=behouden).first()
    if blijft is None:
        Mantelzorger.objects.filter(pk=weg.pk).update(persoon=behouden)
        log.gewijzigd(door, weg, detail={"persoon": [samengevoegd.pk, behouden.pk]})
        return
    MantelzorgSteun.objects.filter(mantelzorger=weg).update(mantelzorger=blijft)
    Belastingcheck.objects.filter(mantelzorger=weg).update(mantelzorger=blijft)
    if weg.sinds < blijft.sinds:
        Mantelzorger.objects.filter(pk=blijft.pk).update(sinds=weg.sinds)
    log.gewijzigd(door, blijft, detail={"samengevoegd_met_mantelzorger": weg.pk, "van_persoon": samengevoegd.pk})
    log.verwijderd(door, weg, detail={"samengevoegd_in_mantelzorger": blijft.pk})
    weg.delete()


def huishouden_samengevoegd(sender, *, behouden, samengevoegd, door, **kwargs):
    """A merge of two household records moves the carers, help requests and complaints to the kept household."""
    from gemeenschap.models import Hulpvraag, Klacht

    verplaatst = {}
    for naam, model in (("mantelzorgers", Mantelzorger), ("hulpvragen", Hulpvraag), ("klachten", Klacht)):
        ids = list(model.objects.select_for_update().filter(huishouden=samengevoegd).values_list("id", flat=True))
        if ids:
            model.objects.filter(pk__in=ids).update(huishouden=behouden)
            verplaatst[f"{naam}_overgenomen"] = ids
    if verplaatst:
        log.gewijzigd(door, behouden, detail={**verplaatst, "van_huishouden": samengevoegd.pk})
