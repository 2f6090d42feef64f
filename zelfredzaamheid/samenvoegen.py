"""A merge of two person records moves the ZRM measurements to the kept person (huishoudens'
``persoon_samengevoegd`` signal, connected in ZelfredzaamheidConfig.ready())."""

from audit import log
from zelfredzaamheid.models import Meting


def persoon_samengevoegd(sender, *, behouden, samengevoegd, door, **kwargs):
    """Runs inside the merge transaction: the measurements follow the person, and the first final measurement
    per matrix version is recomputed for the kept person (the DB allows one ``is_eerste`` per person/version)."""
    from zelfredzaamheid.services import _herbereken_eerste

    ids = list(Meting.objects.select_for_update().filter(persoon=samengevoegd).values_list("id", flat=True))
    if not ids:
        return
    versies = set(Meting.objects.filter(pk__in=ids).values_list("versie_id", flat=True))
    # Clear the merged person's first-marks before they land on the kept person (unique constraint).
    Meting.objects.filter(pk__in=ids).update(persoon=behouden, is_eerste=False)
    for versie_id in versies:
        _herbereken_eerste(behouden.pk, versie_id)
    log.gewijzigd(door, behouden, detail={"zrm_metingen_overgenomen": ids, "van_persoon": samengevoegd.pk})


def huishouden_samengevoegd(sender, *, behouden, samengevoegd, door, **kwargs):
    """A merge of two household records moves the ZRM measurements to the kept household (the persons and
    trajecten they point to moved with it)."""
    ids = list(Meting.objects.select_for_update().filter(huishouden=samengevoegd).values_list("id", flat=True))
    if ids:
        Meting.objects.filter(pk__in=ids).update(huishouden=behouden)
        log.gewijzigd(door, behouden, detail={"zrm_metingen_overgenomen": ids, "van_huishouden": samengevoegd.pk})
