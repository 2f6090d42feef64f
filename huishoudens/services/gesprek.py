"""Writes to the keukentafelgesprek: draft and final, per leefgebied, with optimistic locking."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from huishoudens.models import GesprekLeefgebied, Keukentafelgesprek, Traject
from huishoudens.services.traject import wijzig_status

GESPREK_VELDEN = ("datum", "plaats", "overige_deelnemers", "eigen_woorden", "afspraken",
                  "clientondersteuning_aangeboden")
LEEFGEBIED_VELDEN = ("wat_speelt", "eigen_kracht", "netwerk", "nodig")

GEWIJZIGD_DOOR_ANDER = _(
    "Iemand anders heeft dit gesprek intussen gewijzigd. Uw invoer staat hieronder nog; "
    "open het gesprek opnieuw om de nieuwste versie te zien en neem uw wijzigingen over."
)


@transaction.atomic
def bewaar_gesprek(*, traject, door, gesprek=None, lock_versie=None, definitief=False, velden,
                   leefgebieden=None, deelnemers_huishouden=(), deelnemers_netwerk=(), deelnemers_professionals=()):
    """Create or update a gesprek. ``leefgebieden`` maps a Leefgebied value to its four texts.

    A final gesprek cannot change; making it final requires that cliëntondersteuning was offered.
    """
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    if not traject.is_open:
        raise ValidationError(_("Bij een afgesloten traject kunt u geen gesprek vastleggen."))
    if gesprek is not None:
        gesprek = Keukentafelgesprek.objects.select_for_update().get(pk=gesprek.pk, traject=traject)
        if gesprek.is_definitief:
            raise ValidationError(_("Dit gesprek is definitief en kan niet meer worden gewijzigd."))
        if lock_versie is not None and int(lock_versie) != gesprek.lock_versie:
            raise ValidationError(GEWIJZIGD_DOOR_ANDER, code="verouderd")
    else:
        gesprek = Keukentafelgesprek(traject=traject, gevoerd_door=door)
    for veld in GESPREK_VELDEN:
        if veld in velden:
            setattr(gesprek, veld, velden[veld])
    if definitief and not gesprek.clientondersteuning_aangeboden:
        raise ValidationError(
            {"clientondersteuning_aangeboden": _("Leg vast dat kosteloze onafhankelijke cliëntondersteuning is "
                                                 "aangeboden voordat u het gesprek definitief maakt.")})
    huishouden_id = traject.huishouden_id
    vreemd = [p for p in deelnemers_huishouden if p.huishouden_id != huishouden_id] + [
        n for n in deelnemers_netwerk if n.huishouden_id != huishouden_id]
    if vreemd:
        raise ValidationError(_("Deelnemers moeten bij dit huishouden of zijn netwerk horen."))
    nieuw = gesprek.pk is None
    if definitief:
        gesprek.status = Keukentafelgesprek.Status.DEFINITIEF
        gesprek.definitief_op = timezone.now()
    gesprek.lock_versie = (gesprek.lock_versie or 0) + (0 if nieuw else 1)
    gesprek.full_clean(exclude=["traject", "gevoerd_door", "verslag_pdf"])
    gesprek.save()
    gesprek.deelnemers_huishouden.set(deelnemers_huishouden)
    gesprek.deelnemers_netwerk.set(deelnemers_netwerk)
    gesprek.deelnemers_professionals.set(deelnemers_professionals)
    for leefgebied, teksten in (leefgebieden or {}).items():
        teksten = {k: (teksten.get(k) or "").strip() for k in LEEFGEBIED_VELDEN}
        if any(teksten.values()):
            GesprekLeefgebied.objects.update_or_create(gesprek=gesprek, leefgebied=leefgebied, defaults=teksten)
        else:
            GesprekLeefgebied.objects.filter(gesprek=gesprek, leefgebied=leefgebied).delete()
    if traject.status in (Traject.Status.AANGEMELD, Traject.Status.HEROPEND):
        wijzig_status(traject=traject, naar=Traject.Status.IN_ONDERZOEK, door=door,
                      reden=_("Keukentafelgesprek vastgelegd"))
    (log.aangemaakt if nieuw else log.gewijzigd)(door, gesprek, detail={"status": gesprek.status})
    if definitief:
        from huishoudens.tasks import bewaar_verslag

        gesprek_id = gesprek.pk
        transaction.on_commit(lambda: bewaar_verslag.delay(gesprek_id))
    return gesprek
