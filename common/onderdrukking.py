"""Small-cell suppression: counts below the threshold are never shown, in any output, and cannot be computed back.

Primary suppression: a count 0 < n < drempel is shown as "< 5".

Complementary (secondary) suppression, :func:`aanvullend`: a table is a set of cells and the *relations* that hold
between them (a total and its parts: gemeente = sum of the gebieden, gebied = sum of its wijken, the noemer = sum
of the categories). Anyone can subtract the visible parts from a visible total, so whenever a relation has a
suppressed cell, enough others in it are hidden too: the cells are hidden ("×") until, for every suppressed cell,
the published numbers leave more than one value possible. :func:`bereik` is that attacker: it narrows every hidden
cell to the interval the published cells allow (totals minus siblings, repeated over all relations until nothing
changes); a cell is safe when its interval is wider than one value. A hidden "< 5" lies in 1..drempel-1, a hidden
"×" in 0..∞. Shares rest on the same counts (a share is hidden when its teller or noemer is), so protecting the
counts protects the shares. The method is described for the beleidsmedewerker on the monitor's method page.
"""

from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext as _

ONDERDRUKT = "< 5"
AANVULLEND = "×"
ONBEGRENSD = float("inf")


def drempel():
    return settings.ONDERDRUKKING_DREMPEL


def is_onderdrukt(aantal):
    return aantal is not None and 0 < aantal < drempel()


def toon_aantal(aantal, *, aanvullend_onderdrukt=False):
    """The count as it may be shown: '< N' below the threshold, '×' when hidden to protect another cell."""
    if aantal is None:
        return "–"
    if is_onderdrukt(aantal):
        return f"< {drempel()}"
    if aanvullend_onderdrukt:
        return AANVULLEND
    return aantal


def toon_ratio(waarde, noemer, *, verborgen=False):
    """A ratio is hidden when the count it is built on is suppressed (or hidden to protect another cell)."""
    if verborgen or waarde is None or noemer is None or noemer == 0 or is_onderdrukt(noemer):
        return None
    return waarde


def relaties_die_kloppen(waarden, kandidaten):
    """Only the relations (totaal, [delen]) that really hold in the data (the parts add up to the total): where they
    do not (overlapping groups, an unknown rest), nobody can compute a part from the total either."""
    uit = []
    for totaal, delen in kandidaten:
        delen = [d for d in delen if d in waarden and waarden[d] is not None]
        if totaal in waarden and waarden[totaal] is not None and delen and sum(waarden[d] for d in delen) == \
                waarden[totaal]:
            uit.append((totaal, delen))
    return uit


def bereik(waarden, primair, aanvullend_set, relaties):
    """What an attacker can know of each hidden cell from the published ones: {cel: (laagste, hoogste)}."""
    d = drempel()
    grenzen = {}
    for cel in primair:
        grenzen[cel] = (1, d - 1)
    for cel in aanvullend_set:
        grenzen.setdefault(cel, (0, ONBEGRENSD))
    for cel, waarde in waarden.items():
        if cel not in grenzen and waarde is not None:
            grenzen[cel] = (waarde, waarde)
    veranderd = True
    while veranderd:
        veranderd = False
        for totaal, delen in relaties:
            leden = [totaal, *delen]
            for cel in leden:
                if cel not in primair and cel not in aanvullend_set:
                    continue
                if cel == totaal:
                    laag = sum(grenzen[x][0] for x in delen)
                    hoog = sum(grenzen[x][1] for x in delen)
                else:
                    rest = [x for x in delen if x != cel]
                    laag = grenzen[totaal][0] - sum(grenzen[x][1] for x in rest)
                    hoog = grenzen[totaal][1] - sum(grenzen[x][0] for x in rest)
                oud = grenzen[cel]
                nieuw = (max(oud[0], laag), min(oud[1], hoog))
                if nieuw != oud:
                    grenzen[cel] = nieuw
                    veranderd = True
    return {cel: grenzen[cel] for cel in (*primair, *aanvullend_set)}


def afleidbaar(waarden, primair, aanvullend_set, relaties):
    """The hidden cells whose value follows from the published ones."""
    return {cel for cel, (laag, hoog) in bereik(waarden, primair, aanvullend_set, relaties).items() if laag == hoog}


def aanvullend(waarden, relaties):
    """Complementary suppression of a table ``waarden`` ({cel: count or None}) with ``relaties`` ([(totaal,
    [delen])], only those that hold: :func:`relaties_die_kloppen`). Returns (primair, aanvullend): the cells
    shown as '< 5' and those hidden to protect them. Each round hides, in a relation where a hidden cell can
    still be derived, the smallest visible part (else the total), until no hidden cell can be derived."""
    primair = {cel for cel, waarde in waarden.items() if is_onderdrukt(waarde)}
    extra = set()
    while True:
        te_zien = afleidbaar(waarden, primair, extra, relaties)
        if not te_zien:
            return primair, extra
        gekozen = None
        for totaal, delen in relaties:
            leden = [totaal, *delen]
            if not te_zien.intersection(leden):
                continue
            zichtbaar = [x for x in delen if x not in primair and x not in extra]
            if zichtbaar:
                gekozen = min(zichtbaar, key=lambda x: (waarden[x], str(x)))
            elif totaal not in primair and totaal not in extra:
                gekozen = totaal
            if gekozen is not None:
                break
        if gekozen is None:  # nothing left to hide in the relations of the derivable cells
            return primair, extra
        extra.add(gekozen)


def is_monitorperiode(van, tot):
    """Whether ``van``..``tot`` (inclusive) is a whole quarter, half-year or year: the only periods an aggregate
    may be asked for. Free windows are refused, since two overlapping ones differ by a few persons."""
    if van is None or tot is None or van.day != 1 or van.year != tot.year:
        return False
    volgende = tot + timedelta(days=1)
    if volgende.day != 1:
        return False
    maanden = (volgende.year - van.year) * 12 + volgende.month - van.month
    return maanden in (3, 6, 12) and (van.month - 1) % maanden == 0


def periodefout():
    return _("Kies een kwartaal, halfjaar of jaar (van de eerste tot en met de laatste dag); een vrije periode kan "
             "niet.")
