"""The beschikking (decision letter) of a maatwerk request, as PDF through the single PDF helper."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from audit import log
from common.pdf import maak_pdf
from toegang.models import Aanvraag, Mandaat

BEZWAARTERMIJN_WEKEN = 6


def beschikking_context(aanvraag):
    return {
        "aanvraag": aanvraag,
        "gemeente": aanvraag.gemeente,
        "client": aanvraag.client,
        "huishouden": aanvraag.huishouden,
        "toegekend": aanvraag.status == Aanvraag.Status.TOEGEKEND,
        "datum": timezone.localdate(aanvraag.besloten_op) if aanvraag.besloten_op else timezone.localdate(),
        "bezwaartermijn_weken": BEZWAARTERMIJN_WEKEN,
    }


def maak_beschikking_pdf(aanvraag):
    """The PDF bytes of the beschikking of a decided request."""
    return maak_pdf("pdf/beschikking.html", beschikking_context(aanvraag))


def maak_beschikking(aanvraag_id):
    """Make and store the beschikking once per decision. Idempotent: a second call changes nothing.

    Not for a request decided by an external body (the database refuses such a beschikking too)."""
    aanvraag = (Aanvraag.objects.select_related("gemeente", "client", "huishouden", "product__categorie", "aanbieder",
                                                "eenheid", "frequentie", "besloten_door")
                .filter(pk=aanvraag_id).first())
    if aanvraag is None or aanvraag.status not in (Aanvraag.Status.TOEGEKEND, Aanvraag.Status.AFGEWEZEN):
        return None
    if aanvraag.beslisser == Mandaat.Beslisser.EXTERN:
        return None  # the external body's own letter is the decision; none in the gemeente's name
    if aanvraag.beschikking:
        return aanvraag.beschikking.name
    pdf = maak_beschikking_pdf(aanvraag)
    with transaction.atomic():
        vergrendeld = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
        if vergrendeld.beschikking:
            return vergrendeld.beschikking.name
        vergrendeld.beschikking.save(f"beschikking-{aanvraag.pk}.pdf", ContentFile(pdf), save=False)
        vergrendeld.beschikking_gemaakt_op = timezone.now()
        vergrendeld.save(update_fields=["beschikking", "beschikking_gemaakt_op"])
        log.aangemaakt(None, vergrendeld, detail={"beschikking": vergrendeld.beschikking.name})
    return vergrendeld.beschikking.name
