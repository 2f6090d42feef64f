"""How a stored number may be shown: small-cell suppression (common.onderdrukking) applied the same way in
every output (dashboard, PDF, CSV, XLSX, API), Dutch number formatting, and arrows against an earlier run.

Rules: a count below the threshold is shown as "< 5"; a count hidden to protect another one (complementary
suppression, :func:`verborgen`) as "×"; a ratio, median or rate built on a suppressed or hidden count (its teller
or its noemer) is hidden and shown as "(< 5)" or "(×)"; nothing at all is "–".
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from common import onderdrukking
from common.onderdrukking import AANVULLEND, drempel, is_onderdrukt, toon_aantal
from monitoring.models import IndicatorWaarde
from wijkteams.models import Gebied


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


def sleutel(waarde, veld):
    """The cell of a count of a run in the suppression table: (indicator, gebied, wijk, categorie, veld). The noemer
    of a broken-down indicator is one cell per column ("*"), the total its categories add up to."""
    categorie = "*" if veld == "noemer" and waarde.categorie else waarde.categorie
    return (waarde.indicator_id, waarde.gebied_id, waarde.wijk_id, categorie, veld)


def verborgen(run):
    """The counts of a run hidden by complementary suppression (common.onderdrukking.aanvullend), over the table of
    all its numbers: gemeente = sum of gebieden, gebied = sum of its wijken, noemer = sum of the categories, for
    tellers and noemers alike (only where the data really adds up). Computed once per run object."""
    if run is None:
        return frozenset()
    if "_verborgen" not in run.__dict__:
        waarden, relaties = onderdrukkingstabel(run)
        _primair, extra = onderdrukking.aanvullend(waarden, relaties)
        run.__dict__["_verborgen"] = frozenset(extra)
    return run.__dict__["_verborgen"]


def onderdrukkingstabel(run):
    """All counts of a run as cells, with the relations between them that really hold (two queries)."""
    rijen = list(IndicatorWaarde.objects.filter(run=run).select_related("indicator"))
    gebieden = list(Gebied.objects.filter(gemeente_id=run.gemeente_id).values_list("pk", flat=True))
    waarden = {}
    for w in rijen:
        for veld in ("teller", "noemer"):
            waarden[sleutel(w, veld)] = getattr(w, veld)
    indicatoren = {w.indicator_id: w.indicator for w in rijen}
    kolommen = defaultdict(set)  # (indicator, gebied, wijk) → categories seen
    wijken = defaultdict(set)  # (indicator, gebied) → wijken with a row
    for w in rijen:
        if w.categorie:
            kolommen[(w.indicator_id, w.gebied_id, w.wijk_id)].add(w.categorie)
        if w.wijk_id is not None:
            wijken[(w.indicator_id, w.gebied_id)].add(w.wijk_id)
    # the zeros every output shows for what did not happen (as monitoring.selectors._cel_of_nul does)
    for ind in indicatoren.values():
        if ind.eenheid == "aantal" and (ind.pk, None, None, "", "teller") in waarden:
            for g in gebieden:
                waarden.setdefault((ind.pk, g, None, "", "teller"), 0)
    for (ind_id, g, wijk), gezien in kolommen.items():
        for categorie in set(indicatoren[ind_id].categorieen) | gezien:
            waarden.setdefault((ind_id, g, wijk, categorie, "teller"), 0)
    kandidaten = []
    groepen = {(c[0], c[3], c[4]) for c in waarden}
    for ind_id, categorie, veld in groepen:
        totaal = (ind_id, None, None, categorie, veld)
        kandidaten.append((totaal, [(ind_id, g, None, categorie, veld) for g in gebieden]))
        alle_wijken = []
        for (i, g), ws in wijken.items():
            if i == ind_id:
                delen = [(ind_id, g, w, categorie, veld) for w in sorted(ws)]
                alle_wijken += delen
                kandidaten.append(((ind_id, g, None, categorie, veld), delen))
        kandidaten.append((totaal, alle_wijken))
    for (ind_id, g, wijk), gezien in kolommen.items():
        categorieen = sorted(set(indicatoren[ind_id].categorieen) | gezien)
        kandidaten.append(((ind_id, g, wijk, "*", "noemer"), [(ind_id, g, wijk, c, "teller") for c in categorieen]))
    return waarden, onderdrukking.relaties_die_kloppen(waarden, kandidaten)


def cel(eenheid, waarde, weg=frozenset()):
    """The displayable cell of an IndicatorWaarde (or None) for an indicator with this unit; ``weg`` is the run's
    set of counts hidden to protect others (:func:`verborgen`)."""
    if waarde is None:
        return LEEG
    teller, noemer, w = waarde.teller, waarde.noemer, waarde.waarde
    teller_weg = bool(weg) and sleutel(waarde, "teller") in weg
    noemer_weg = bool(weg) and sleutel(waarde, "noemer") in weg
    if eenheid == "aantal":
        if teller is None:
            return LEEG
        if is_onderdrukt(teller):
            return Cel(str(toon_aantal(teller)), None, True)
        if teller_weg:
            return Cel(AANVULLEND, None, True)
        return Cel(nl_getal(teller), float(teller))
    # ratios, medians, rates: hidden when the count they rest on is suppressed or hidden
    if is_onderdrukt(teller) or is_onderdrukt(noemer):
        return Cel(verborgen_tekst(), None, True)
    if teller_weg or noemer_weg:
        return Cel(f"({AANVULLEND})", None, True)
    if w is None or (eenheid == "dagen" and not teller):
        return LEEG
    decimalen = {"percentage": 1, "per_1000": 1, "dagen": 1, "score": 2}.get(eenheid, 0)
    achter = "%" if eenheid == "percentage" else ""
    return Cel(nl_getal(w, decimalen) + achter, float(w))


def veilig_aantal(getal, weg=False):
    """A bare count (e.g. a noemer shown in an export): suppressed below the threshold, '×' when hidden."""
    if getal is None:
        return None
    return str(toon_aantal(getal, aanvullend_onderdrukt=weg)) if is_onderdrukt(getal) or weg else int(getal)


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
