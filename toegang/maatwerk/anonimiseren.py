"""Retention: what maatwerk and opschaling keep about a household is anonymised with it (bewaring.registry).

Free texts and the beschikking PDF (name, address) go; the structured facts (product, period, status, amounts)
stay for the figures. Policy signals hold no personal data and stay as they are.
"""

from django.db.models import Q

from toegang.models import Aanvraag, AanvraagStatusWijziging, Opschaling, OpschalingStatusWijziging, Toewijzing

WEG = "Geanonimiseerd"


def anonimiseer(huishouden_ids):
    ids = list(huishouden_ids)
    for aanvraag in Aanvraag.objects.filter(huishouden_id__in=ids).exclude(beschikking=""):
        aanvraag.beschikking.delete(save=False)
    aanvragen = Aanvraag.objects.filter(huishouden_id__in=ids)
    aanvragen.update(motivering=WEG, beschikking="", extern_kenmerk="")
    aanvragen.exclude(besluitreden="").update(besluitreden=WEG)
    AanvraagStatusWijziging.objects.filter(aanvraag__huishouden_id__in=ids).exclude(reden="").update(reden=WEG)
    Toewijzing.objects.filter(client__huishouden_id__in=ids).exclude(reden_einde="").update(reden_einde=WEG)
    opschalingen = Opschaling.objects.filter(huishouden_id__in=ids)
    opschalingen.update(reden=WEG, geprobeerd=WEG, samenvatting="")
    for veld in ("besluit", "uitkomst", "afschaal_instructies"):
        opschalingen.filter(~Q(**{veld: ""})).update(**{veld: WEG})
    OpschalingStatusWijziging.objects.filter(opschaling__huishouden_id__in=ids).exclude(toelichting="").update(
        toelichting=WEG)
