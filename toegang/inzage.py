"""Inzage (huishoudens.registry.INZAGE_BRONNEN): meldingen, maatwerk requests and allocations of a household."""

from django.utils.translation import gettext as _

from huishoudens.inzage import velden
from toegang.models import Aanvraag, Melding, Toewijzing

INTERN = ("gemeente", "gebied", "team", "traject", "huishouden", "doel", "behandelaar", "direct_aan",
          "geregistreerd_door", "aangevraagd_door", "besloten_door", "beslis_discipline")


def inzage(huishouden, persoon=None):
    """For one resident (``persoon``): the household's meldingen, but only their own requests and allocations."""
    client = {"client": persoon} if persoon else {}
    meldingen = Melding.objects.filter(huishouden=huishouden).select_related(
        "kanaal", "signaalgever_type", "signaalgever_organisatie").order_by("ontvangen_op", "id")
    aanvragen = Aanvraag.objects.filter(huishouden=huishouden, **client).select_related(
        "client", "product", "aanbieder", "eenheid", "frequentie").order_by("aanvraagdatum", "id")
    toewijzingen = Toewijzing.objects.filter(client__huishouden=huishouden, **client).select_related(
        "client", "product", "aanbieder", "categorie", "eenheid", "frequentie").order_by("start", "id")
    return _("Meldingen en maatwerk"), {
        _("Meldingen"): [velden(m, zonder=INTERN) for m in meldingen],
        _("Maatwerkaanvragen"): [velden(a, zonder=INTERN) for a in aanvragen],
        _("Toewijzingen"): [velden(t, zonder=INTERN + ("aanvraag",)) for t in toewijzingen],
    }
