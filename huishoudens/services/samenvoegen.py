"""Merging two records of the same household (a duplicate registered at the door): coördinator of the gebied
only, with a reason, logged. The dossier's own rows move here; higher apps move theirs on the
``huishouden_samengevoegd`` signal; then the access policy decides who may see the kept household."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit import log
from huishoudens import rechten
from huishoudens.models import BestaandeOndersteuning, Huishouden, NetwerkLid, Noodtoegang, Persoon, Traject

# The dossier's rows that belong to a household (``Plan.huishouden`` follows its traject by the composite
# foreign key ON UPDATE CASCADE, migration 0003).
EIGEN_RIJEN = (("personen", Persoon), ("trajecten", Traject), ("netwerk", NetwerkLid),
               ("bestaande_ondersteuning", BestaandeOndersteuning), ("noodtoegangen", Noodtoegang))


@transaction.atomic
def voeg_huishoudens_samen(*, behouden, samenvoegen, door, reden):
    """Merge ``samenvoegen`` into ``behouden``. The merged record stays as an empty shell pointing to the kept
    one (``samengevoegd_in``), without permissions. Refused while both have an open traject (one open traject
    per household): close or move one first."""
    from huishoudens.signals import huishouden_samengevoegd

    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": _("Vul de reden van het samenvoegen in.")})
    if behouden.pk == samenvoegen.pk:
        raise ValidationError(_("Kies twee verschillende huishoudens om samen te voegen."))
    # Lock both in one order, so two merges at once cannot deadlock or cross.
    vergrendeld = {h.pk: h for h in Huishouden.objects.select_for_update()
                   .filter(pk__in=[behouden.pk, samenvoegen.pk]).order_by("pk")}
    behouden, samenvoegen = vergrendeld[behouden.pk], vergrendeld[samenvoegen.pk]
    if not (rechten.mag_huishoudens_samenvoegen(door, behouden)
            and rechten.mag_huishoudens_samenvoegen(door, samenvoegen)):
        raise PermissionDenied(_("Alleen de coördinator van het gebied van beide huishoudens kan ze samenvoegen."))
    if behouden.samengevoegd_in_id or samenvoegen.samengevoegd_in_id:
        raise ValidationError(_("Een van deze huishoudens is al samengevoegd."))
    open_trajecten = Traject.objects.filter(huishouden__in=[behouden, samenvoegen]).exclude(
        status=Traject.Status.AFGESLOTEN).count()
    if open_trajecten > 1:
        raise ValidationError(_("Beide huishoudens hebben een open traject. Sluit eerst het traject van het "
                                "dubbele huishouden af, of voeg de trajecten inhoudelijk samen, en voeg dan de "
                                "huishoudens samen."), code="twee_open_trajecten")
    verplaatst = {}
    for naam, model in EIGEN_RIJEN:
        ids = list(model.objects.select_for_update().filter(huishouden=samenvoegen).values_list("pk", flat=True))
        model.objects.filter(pk__in=ids).update(huishouden=behouden)
        verplaatst[naam] = ids
    samenvoegen.samengevoegd_in = behouden
    # the shell keeps no name of its own (data minimisation; the log keeps what happened)
    samenvoegen.naam = _("Samengevoegd in huishouden %(nr)s") % {"nr": behouden.pk}
    samenvoegen.save(update_fields=["samengevoegd_in", "naam"])
    huishouden_samengevoegd.send(sender=Huishouden, behouden=behouden, samengevoegd=samenvoegen, door=door)
    log.gewijzigd(door, behouden, detail={"samengevoegd": samenvoegen.pk, "reden": reden, **verplaatst})
    log.gewijzigd(door, samenvoegen, detail={"samengevoegd_in": behouden.pk, "reden": reden})
    rechten.na_samenvoegen(behouden, samenvoegen, door=door,
                           reden=_("Huishouden %(weg)s samengevoegd in %(blijft)s: %(reden)s")
                           % {"weg": samenvoegen.pk, "blijft": behouden.pk, "reden": reden})
    return behouden
