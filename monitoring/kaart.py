"""The choropleth per wijk of a monitor run: one indicator computed per wijk (``selectors.wijkregels``), drawn on
the wijk boundaries (``wijkteams.models.WijkGrens``) by the single map helper ``common.kaart``. Values are the
displayed cells of the run (``monitoring.weergave``): a suppressed or hidden cell is drawn hatched as "onderdrukt",
never with its value. The ankerplaatsen and vindplaatsen valid in the period are drawn on it as points
(``wijkteams.plaatsen.punten``): places, not people, so the map stays free of personal data."""

from django.utils import timezone
from django.utils.translation import gettext as _

from common.kaart import Vlak, choropleth
from monitoring import selectors, weergave
from wijkteams import plaatsen
from wijkteams.models import WijkGrens

STANDAARD = "hh_ondersteund_per_1000"


def kaart_opties(wijk_kolommen):
    """The indicators that can be mapped: those computed per wijk in this run."""
    return [(ind.code, ind.naam) for ind in wijk_kolommen]


def wijkkaart(run, gebied=None, code=None, *, wijkregels=None, id_voorvoegsel="kaart"):
    """The map of indicator ``code`` (default: the first per-wijk indicator) for the run's wijken (of ``gebied``):
    a ``common.kaart.Kaart`` with ``indicator`` set, or None when the run has no per-wijk figures or the gemeente has
    no wijk boundaries."""
    kolommen, rijen = wijkregels if wijkregels is not None else selectors.wijkregels(run, gebied)
    if not kolommen:
        return None
    index = next((i for i, ind in enumerate(kolommen) if ind.code == (code or STANDAARD)), 0)
    indicator = kolommen[index]
    cellen = {wijk.pk: cellen_[index] for wijk, cellen_ in rijen}
    grenzen = WijkGrens.objects.filter(wijk__gemeente_id=run.gemeente_id).select_related("wijk")
    if gebied is not None:
        grenzen = grenzen.filter(wijk__gebied=gebied)
    vlakken, wijk_ids = [], []
    for g in grenzen.order_by("wijk__cbs_code"):
        cel = cellen.get(g.wijk_id, weergave.LEEG)
        wijk_ids.append(g.wijk_id)
        vlakken.append(Vlak(code=g.wijk.cbs_code, naam=g.wijk.naam, geometrie=g.geometrie, tekst=cel.tekst,
                            getal=cel.getal, onderdrukt=cel.onderdrukt))
    if not vlakken:
        return None
    kaart = choropleth(vlakken, titel=_("%(indicator)s per wijk") % {"indicator": indicator.naam},
                       id_voorvoegsel=id_voorvoegsel,
                       plaatsen=plaatsen.punten(run.gemeente_id, run.van, run.tot, wijk_ids=wijk_ids))
    if kaart is not None:
        kaart.indicator = indicator
    return kaart


def liggingskaart(wijk, van=None, tot=None, *, id_voorvoegsel="ligging"):
    """Where the wijk lies among the wijken of its gemeente (the wijk profile), with the wijk's ankerplaatsen and
    vindplaatsen valid in ``van`` … ``tot`` (default today) as points; None without its boundary."""
    grenzen = list(WijkGrens.objects.filter(wijk__gemeente_id=wijk.gemeente_id).select_related("wijk")
                   .order_by("wijk__cbs_code"))
    if not any(g.wijk_id == wijk.pk for g in grenzen):
        return None
    vlakken = [Vlak(code=g.wijk.cbs_code, naam=g.wijk.naam, geometrie=g.geometrie,
                    tekst=_("deze wijk") if g.wijk_id == wijk.pk else _("andere wijk")) for g in grenzen]
    van = van or timezone.localdate()
    return choropleth(vlakken, titel=_("Ligging van %(wijk)s in de gemeente") % {"wijk": wijk.naam},
                      id_voorvoegsel=id_voorvoegsel, markeer=wijk.cbs_code,
                      plaatsen=plaatsen.punten(wijk.gemeente_id, van, tot, wijk_ids=[wijk.pk]))
