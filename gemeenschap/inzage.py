"""Inzage (huishoudens.registry.INZAGE_BRONNEN): help requests and their matches (without the volunteer's
contact details: those are the volunteer's data), carer records with support and burden checks, complaints."""

from django.db.models import Q
from django.utils.translation import gettext as _

from gemeenschap.models import Hulpvraag, Klacht, Mantelzorger
from huishoudens.inzage import velden

INTERN = ("gemeente", "gebied", "team", "huishouden", "actie", "ingediend_door", "geregistreerd_door",
          "voorgesteld_door", "afgenomen_door", "wijk")


def inzage(huishouden, persoon=None):
    """For one resident (``persoon``): only the carer records that are about them (or by them)."""
    hulpvragen = (Hulpvraag.objects
                  .filter(Q(huishouden=huishouden) | Q(actie__doel__plan__traject__huishouden=huishouden)).distinct()
                  .prefetch_related("koppelingen").order_by("ingediend_op", "id"))
    mantelzorgers = (Mantelzorger.objects.filter(huishouden=huishouden, **({"persoon": persoon} if persoon else {}))
                     .select_related("persoon", "netwerklid")
                     .prefetch_related("steun", "checks").order_by("id"))
    klachten = Klacht.objects.filter(huishouden=huishouden).order_by("ontvangen_op", "id")
    return _("Vrijwilligers, mantelzorg en klachten"), {
        _("Hulpvragen"): [{**velden(h, zonder=INTERN),
                           _("Koppelingen"): [velden(k, zonder=INTERN + ("hulpvraag", "vrijwilliger"))
                                              for k in h.koppelingen.all()]} for h in hulpvragen],
        _("Mantelzorgers"): [{**velden(m, zonder=INTERN),
                              _("Ondersteuning"): [velden(s, zonder=("mantelzorger",)) for s in m.steun.all()],
                              _("Belastingchecks"): [velden(c, zonder=INTERN + ("mantelzorger",))
                                                     for c in m.checks.all()]} for m in mantelzorgers],
        _("Klachten"): [velden(k, zonder=INTERN) for k in klachten],
    }
