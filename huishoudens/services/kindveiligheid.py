"""Child safety that cannot be missed: a professional with access raises concerns about a child's safety with a
reason; only the coördinator of the gebied clears them, with a recorded decision. Every change writes a history
row (``KindveiligheidWijziging``) and an audit row."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit import log
from huishoudens import rechten
from huishoudens.models import KindveiligheidWijziging, Traject
from huishoudens.selectors import huishoudens_voor

MINIMALE_REDEN = 10


def _lock(traject):
    return Traject.objects.select_for_update(of=("self",)).select_related("huishouden").get(pk=traject.pk)


def _tekst(waarde, veld, bericht):
    tekst = (waarde or "").strip()
    if len(tekst) < MINIMALE_REDEN:
        raise ValidationError({veld: bericht % {"n": MINIMALE_REDEN}})
    return tekst


@transaction.atomic
def meld_zorgen_kindveiligheid(*, traject, door, reden):
    """Set the child-safety flag on ``traject`` with a reason. Refused (403) for someone who cannot open the
    household; a closed traject or a flag that is already set is a validation error."""
    traject = _lock(traject)
    zichtbaar = huishoudens_voor(door).filter(pk=traject.huishouden_id).exists()
    if not rechten.mag_zorgen_kindveiligheid_melden(door, zichtbaar):
        raise PermissionDenied(_("U kunt voor dit huishouden geen zorgen over kindveiligheid melden."))
    reden = _tekst(reden, "reden", _("Beschrijf de zorgen over de veiligheid van het kind (minstens %(n)s tekens)."))
    if traject.status == Traject.Status.AFGESLOTEN:
        raise ValidationError(_("Dit traject is afgesloten; meld de zorgen bij een lopend traject."))
    if traject.zorgen_kindveiligheid:
        raise ValidationError(_("Er staan al zorgen over kindveiligheid op dit traject."))
    return _wijzig(traject, door=door, gezet=True, reden=reden)


@transaction.atomic
def hef_zorgen_kindveiligheid_op(*, traject, door, besluit):
    """Clear the flag: only the coördinator of the gebied, with the decision that justifies it."""
    traject = _lock(traject)
    if not rechten.mag_zorgen_kindveiligheid_opheffen(door, traject):
        raise PermissionDenied(_("Alleen de coördinator van het gebied kan de zorgen over kindveiligheid opheffen, "
                                 "met een besluit."))
    besluit = _tekst(besluit, "besluit", _("Leg het besluit vast waarom de zorgen over kindveiligheid zijn "
                                           "weggenomen (minstens %(n)s tekens)."))
    if not traject.zorgen_kindveiligheid:
        raise ValidationError(_("Er staan geen zorgen over kindveiligheid op dit traject."))
    return _wijzig(traject, door=door, gezet=False, reden=besluit)


def _wijzig(traject, *, door, gezet, reden):
    traject.zorgen_kindveiligheid = gezet
    traject.save(update_fields=["zorgen_kindveiligheid"])
    wijziging = KindveiligheidWijziging.objects.create(traject=traject, gezet=gezet, reden=reden, door=door)
    log.gewijzigd(door, traject, detail={"zorgen_kindveiligheid": gezet, "wijziging": wijziging.pk})
    return wijziging
