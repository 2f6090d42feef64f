"""Emergency access ("doorbreekglas"): open a dossier once, with a reason, for one day; reviewed afterwards."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from huishoudens import rechten
from huishoudens.models import Huishouden, Noodtoegang
from huishoudens.selectors import huishoudens_voor, lopende_noodtoegang, noodtoegangen_te_beoordelen

DUUR = timedelta(days=1)
MINIMALE_REDEN = 10


@transaction.atomic
def breek_glas(*, huishouden_id, door, reden):
    """Give ``door`` reading access to one household for a day. Refused for someone who can already open it,
    who is not a professional of the household's gemeente, without a reason, or while an earlier emergency
    access to this household is still running (once per period). Logged as emergency access."""
    huishouden = Huishouden.objects.select_for_update().filter(pk=huishouden_id).first()
    if huishouden is None or not rechten.mag_noodtoegang_vragen(door, huishouden):
        raise PermissionDenied(_("U kunt voor dit huishouden geen noodtoegang vragen."))
    if huishoudens_voor(door).filter(pk=huishouden.pk).exists():
        raise ValidationError(_("U heeft al toegang tot dit dossier; noodtoegang is niet nodig."))
    reden = (reden or "").strip()
    if len(reden) < MINIMALE_REDEN:
        raise ValidationError({"reden": _("Beschrijf waarom u dit dossier nu moet inzien (minstens %(n)s tekens).")
                               % {"n": MINIMALE_REDEN}})
    nu = timezone.now()
    if lopende_noodtoegang(door, huishouden.pk) is not None:
        raise ValidationError(_("U heeft al noodtoegang tot dit dossier."))
    toegang = Noodtoegang.objects.create(huishouden=huishouden, gebruiker=door, reden=reden, van=nu, tot=nu + DUUR)
    rechten.log_toegang(door, huishouden, "noodtoegang", f"gebruiker:{door.username}", reden, noodtoegang=True)
    return toegang


@transaction.atomic
def beoordeel(*, noodtoegang_id, door):
    """The coördinator of the gebied marks an emergency access as reviewed."""
    toegang = noodtoegangen_te_beoordelen(door).select_for_update(of=("self",)).filter(pk=noodtoegang_id).first()
    if toegang is None:
        raise PermissionDenied(_("U kunt deze noodtoegang niet beoordelen."))
    if toegang.beoordeeld_op is None:
        toegang.beoordeeld_door = door
        toegang.beoordeeld_op = timezone.now()
        toegang.save(update_fields=["beoordeeld_door", "beoordeeld_op"])
        log.gewijzigd(door, toegang, detail={"beoordeeld": True})
    return toegang
