"""Inzage (huishoudens.registry.INZAGE_BRONNEN): the household's ZRM measurements, scores per domain by name."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from huishoudens.inzage import velden
from zelfredzaamheid.models import Domein, Meting


def inzage(huishouden, persoon=None):
    """For one resident (``persoon``) only their own measurements: the others' scores are special-category data."""
    eigen = {"persoon": persoon} if persoon else {}
    metingen = (Meting.objects.filter(huishouden=huishouden, **eigen).select_related("persoon", "versie")
                .prefetch_related(Prefetch("versie__domeinen", queryset=Domein.objects.order_by("volgorde")))
                .order_by("datum", "id"))
    return _("Zelfredzaamheidsmatrix (ZRM)"), [{
        **velden(m, zonder=("scores", "is_eerste", "huishouden", "gemeente", "wijk", "gebied", "team", "traject",
                            "vervangt")),
        _("scores per domein"): {d.naam: m.score_van(d) for d in m.versie.domeinen.all()},
    } for m in metingen]
