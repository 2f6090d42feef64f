"""The single chart helper: SVG charts with matplotlib, used by pages and PDFs alike.

Charts use a colour-blind-safe palette (Okabe-Ito) and also differ in hatching/markers,
so they stay readable in black-and-white print.
"""

import base64
import contextlib
import hashlib
import io

from django.core.cache import cache
from matplotlib import pyplot

from common.redisfout import CACHE_FOUTEN

pyplot.switch_backend("Agg")  # no display: render to SVG/PNG only

PALET = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
ARCERING = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]

pyplot.rcParams.update({"font.family": "DejaVu Sans", "svg.fonttype": "none", "font.size": 9})


def _svg(fig, titel):
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Title": titel})
    pyplot.close(fig)
    svg = buf.getvalue()
    start = svg.find("<svg")
    # matplotlib writes the title given as metadata as the SVG's <title> too: its accessible name on its own
    return svg[start:] if start >= 0 else svg


def staafdiagram(labels, waarden, *, titel, ylabel="", grootte=(6, 3)):
    """Bars; a value of None (suppressed or unknown) is left out and labelled '< 5 / n.v.t.'."""
    fig, ax = pyplot.subplots(figsize=grootte)
    posities = range(len(labels))
    hoogtes = [w if w is not None else 0 for w in waarden]
    staven = ax.bar(posities, hoogtes, color=PALET[0])
    for staaf, waarde in zip(staven, waarden, strict=True):
        tekst = "–" if waarde is None else f"{waarde:g}"
        ax.annotate(tekst, (staaf.get_x() + staaf.get_width() / 2, staaf.get_height()), ha="center", va="bottom")
    ax.set_xticks(list(posities), labels, rotation=20, ha="right")
    ax.set_title(titel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    return _svg(fig, titel)


BEWAARTIJD = 7 * 24 * 3600
_VERSIE = "1"


def staafdiagrammen(reeks):
    """Several ``staafdiagram`` at once (``reeks``: a list of their keyword arguments), for a page that shows many:
    a chart is the same picture of the same arguments, so it is kept in the cache under a hash of them, read and
    written in one round trip each. The cache is a helper: when Redis is down the charts are simply drawn."""
    sleutels = ["grafiek:staaf:" + hashlib.sha256(repr((_VERSIE, sorted(k.items()))).encode()).hexdigest()
                for k in reeks]
    try:
        bewaard = cache.get_many(sleutels)
    except CACHE_FOUTEN:
        return [staafdiagram(**k) for k in reeks]
    uit, nieuw = [], {}
    for sleutel, k in zip(sleutels, reeks, strict=True):
        svg = bewaard.get(sleutel)
        if svg is None:
            svg = nieuw[sleutel] = staafdiagram(**k)
        uit.append(svg)
    if nieuw:
        with contextlib.suppress(*CACHE_FOUTEN):
            cache.set_many(nieuw, timeout=BEWAARTIJD)
    return uit


def lijndiagram(x_labels, reeksen, *, titel, ylabel="", ylim=None, grootte=(6, 3)):
    """Lines; ``reeksen`` is a dict name → list of values (None for gaps)."""
    fig, ax = pyplot.subplots(figsize=grootte)
    for i, (naam, waarden) in enumerate(reeksen.items()):
        ax.plot(range(len(x_labels)), [float("nan") if w is None else w for w in waarden], label=naam,
                color=PALET[i % len(PALET)], marker=MARKERS[i % len(MARKERS)], linewidth=2)
    ax.set_xticks(range(len(x_labels)), x_labels, rotation=20, ha="right")
    if ylim:
        ax.set_ylim(*ylim)
    ax.set_title(titel)
    ax.set_ylabel(ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    if len(reeksen) > 1:
        ax.legend(frameon=False, fontsize=8, loc="center left", bbox_to_anchor=(1, 0.5))
    return _svg(fig, titel)


def _getal(waarde):
    return "verborgen of onbekend" if waarde is None else f"{waarde:g}".replace(".", ",")


def beschrijf_staven(labels, waarden, *, titel, eenheid=""):
    """The text alternative of a ``staafdiagram``: its title and every bar's value, for the alt text of the image
    (a suppressed value, None, is named as hidden, never shown)."""
    achter = f" {eenheid}" if eenheid else ""
    delen = "; ".join(f"{label}: {_getal(w)}{achter if w is not None else ''}"
                      for label, w in zip(labels, waarden, strict=True))
    return f"Staafdiagram {titel}. {delen}."


def beschrijf_lijnen(x_labels, reeksen, *, titel, eenheid=""):
    """The text alternative of a ``lijndiagram``: its title, the periods and every line's values in order."""
    achter = f" ({eenheid})" if eenheid else ""
    periode = f"{x_labels[0]} tot en met {x_labels[-1]}" if x_labels else ""
    delen = "; ".join(f"{naam}{achter}: {', '.join(_getal(w) for w in waarden)}" for naam, waarden in reeksen.items())
    return f"Lijndiagram {titel}, {periode}. {delen}."


def als_afbeelding(svg):
    """An SVG as a data URI for an <img>: the chart's own ids and styles stay inside the image, so they mix
    neither with the page (duplicate anchors, WeasyPrint ignoring CSS) nor with its Content-Security-Policy,
    which allows no inline style."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
