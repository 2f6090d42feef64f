"""Retention: what maatwerk and opschaling keep about a household is anonymised with it (bewaring.registry).

Free texts and the beschikking PDF (name, address) go; the structured facts (product, period, status, amounts)
stay for the figures. Policy signals hold no personal data and stay as they are.
"""

from django.db.models import Q
from django.utils import timezone

from toegang.models import Aanvraag, AanvraagStatusWijziging, Opschaling, OpschalingStatusWijziging, Toewijzing

WEG = "Geanonimiseerd"

# What retention does with each free-text field (tests/bewaring checks this against the models).
VELDEN = {
    "toegang.Aanvraag": {"motivering": WEG, "besluitreden": WEG, "extern_kenmerk": "gewist",
                         "beschikking": "bestand verwijderd", "extern_besluitbrief": "bestand verwijderd",
                         "externe_instantie": "blijft: naam van de beslissende instantie, geen persoonsgegeven"},
    "toegang.AanvraagStatusWijziging": {"reden": WEG},
    "toegang.AanvraagAuteur": {"rol": "blijft: soort auteurschap (een keuze), geen vrije tekst"},
    "toegang.Toewijzing": {"reden_einde": WEG, "toewijzingnummer": "blijft: nummer voor de aanbieder (iWmo)",
                           "reden_wijziging": "blijft: code uit de landelijke codelijst WMO002, geen vrije tekst",
                           "reden_beeindiging": "blijft: code uit de landelijke codelijst WMO588, geen vrije tekst"},
    "toegang.Opschaling": {"reden": WEG, "geprobeerd": WEG, "samenvatting": "gewist", "besluit": WEG,
                           "uitkomst": WEG, "afschaal_instructies": WEG},
    "toegang.OpschalingStatusWijziging": {"toelichting": WEG},
}
GEEN_HUISHOUDGEGEVENS = {
    "toegang.ProductCategorie": "catalogus", "toegang.Eenheid": "catalogus", "toegang.Frequentie": "catalogus",
    "toegang.Product": "catalogus", "toegang.Aanbieder": "organisaties", "toegang.Mandaat": "mandaatregister",
    "toegang.BudgetRegel": "budget per categorie en gebied", "toegang.BudgetHerschikking": "budget (reden van de "
    "coördinator, geen cliënt)", "toegang.OpschalingDoel": "inrichting", "toegang.BeleidsSignaal":
    "beleidssignalen zonder persoonsgegevens",
}


def anonimiseer(huishouden_ids):
    ids = list(huishouden_ids)
    for aanvraag in Aanvraag.objects.filter(huishouden_id__in=ids).exclude(beschikking=""):
        aanvraag.beschikking.delete(save=False)
    for aanvraag in Aanvraag.objects.filter(huishouden_id__in=ids).exclude(extern_besluitbrief=""):
        aanvraag.extern_besluitbrief.delete(save=False)  # the external body's letter (issue 19)
    aanvragen = Aanvraag.objects.filter(huishouden_id__in=ids)
    aanvragen.update(motivering=WEG, beschikking="", extern_besluitbrief="", extern_kenmerk="")
    aanvragen.exclude(besluitreden="").update(besluitreden=WEG)
    AanvraagStatusWijziging.objects.filter(aanvraag__huishouden_id__in=ids).exclude(reden="").update(reden=WEG)
    Toewijzing.objects.filter(client__huishouden_id__in=ids).exclude(reden_einde="").update(reden_einde=WEG)
    opschalingen = Opschaling.objects.filter(huishouden_id__in=ids)
    opschalingen.update(reden=WEG, geprobeerd=WEG, samenvatting="")
    for veld in ("besluit", "uitkomst", "afschaal_instructies"):
        opschalingen.filter(~Q(**{veld: ""})).update(**{veld: WEG})
    OpschalingStatusWijziging.objects.filter(opschaling__huishouden_id__in=ids).exclude(toelichting="").update(
        toelichting=WEG)


def nieuw_sinds(huishouden_ids, sinds):
    """Households with a maatwerk request or escalation since ``sinds`` (bewaring.registry.NIEUW_SINDS)."""
    ids = list(huishouden_ids)
    opschalingen = Opschaling.objects.filter(huishouden_id__in=ids, aangemeld_op__gte=sinds)
    aanvragen = Aanvraag.objects.filter(Q(aangemaakt_op__gte=sinds) | Q(aanvraagdatum__gte=timezone.localdate(sinds)),
                                        huishouden_id__in=ids)
    return {**dict.fromkeys(opschalingen.values_list("huishouden_id", flat=True), "nieuwe opschaling"),
            **dict.fromkeys(aanvragen.values_list("huishouden_id", flat=True), "nieuwe aanvraag")}
