"""How a stored number may be shown: small-cell suppression (common.onderdrukking) applied the same way in
every output (dashboard, PDF, CSV, XLSX, API), Dutch number formatting, and arrows against an earlier run.

Rules: a count below the threshold is shown as "< 5"; a ratio, median or rate built on a suppressed count (its
teller or its noemer) is hidden and shown as "(< 5)"; nothing at all is "–".
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from common.onderdrukking import drempel, is_onderdrukt, toon_aantal


@dataclass(frozen=True)
class Cel:
    tekst: str  # what every output shows
    getal: float | None  # the value that may be used in charts and spreadsheets; None when hidden or unknown
    onderdrukt: bool = False

    def __str__(self):
        return self.tekst


LEEG = Cel("–", None)


def verborgen_tekst():
    return f"(< {drempel()})"


def nl_getal(getal, decimalen=0):
    if getal is None:
        return "–"
    tekst = f"{float(getal):,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def cel(eenheid, waarde):
    """The displayable cell of an IndicatorWaarde (or None) for an indicator with this unit."""
    if waarde is None:
        return LEEG
    teller, noemer, w = waarde.teller, waarde.noemer, waarde.waarde
    if eenheid == "aantal":
        if teller is None:
            return LEEG
        if is_onderdrukt(teller):
            return Cel(str(toon_aantal(teller)), None, True)
        return Cel(nl_getal(teller), float(teller))
    # ratios, medians, rates: hidden when the count they rest on is suppressed
    if is_onderdrukt(teller) or is_onderdrukt(noemer):
        return Cel(verborgen_tekst(), None, True)
    if w is None or (eenheid == "dagen" and not teller):
        return LEEG
    decimalen = {"percentage": 1, "per_1000": 1, "dagen": 1, "score": 2}.get(eenheid, 0)
    achter = "%" if eenheid == "percentage" else ""
    return Cel(nl_getal(w, decimalen) + achter, float(w))


def veilig_aantal(getal):
    """A bare count (e.g. a noemer shown in an export): suppressed below the threshold."""
    if getal is None:
        return None
    return str(toon_aantal(getal)) if is_onderdrukt(getal) else int(getal)


@dataclass(frozen=True)
class Pijl:
    teken: str
    tekst: str
    klasse: str


def pijl(huidig, eerder, hoger_is_beter):
    """Arrow of the current value against an earlier one (both Cel); None when either is hidden or missing."""
    if huidig is None or eerder is None or huidig.getal is None or eerder.getal is None:
        return None
    verschil = Decimal(str(huidig.getal)) - Decimal(str(eerder.getal))
    if verschil == 0:
        return Pijl("→", _("gelijk"), "gelijk")
    hoger = verschil > 0
    teken = "↑" if hoger else "↓"
    richting = _("hoger") if hoger else _("lager")
    if hoger_is_beter is None:
        return Pijl(teken, richting, "neutraal")
    beter = hoger == hoger_is_beter
    return Pijl(teken, f"{richting}, {_('beter') if beter else _('slechter')}", "beter" if beter else "slechter")
