"""The single map helper: a choropleth of wijken as server-rendered SVG, from GeoJSON geometries in WGS84 (stored
as JSON, no PostGIS, no tile server), for pages and PDFs alike.

The projection is simple: longitude scaled by the cosine of the middle latitude (equirectangular), which is true to
shape at the scale of one gemeente. Each wijk is one ``<path>`` with a ``<title>`` (name and value as shown), a
sequential palette of five classes (colour-blind safe, dark edges), a hatch pattern for a suppressed value (drawn
as "onderdrukt", never with its real value: the caller passes only the displayed text) and light grey for no data.
The legend is drawn in the SVG and returned as data, so the page and the PDF show it as text as well; the table of
values beside the map is the text alternative.

Places (the ankerplaatsen and vindplaatsen) are drawn on top as points (:class:`Punt`): an open circle for an
ankerplaats, a black triangle for a vindplaats (shape and fill differ, so colour is not needed to tell them apart),
each with a ``<title>``, in the legend with the shape named ("open rondje", "zwarte driehoek") and in ``alt``.
:func:`ligt_in` tells whether a point lies in a polygon (within a margin in metres): used when a place or a
boundary is checked against the gemeente.
"""

import math
from dataclasses import dataclass, field
from html import escape

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PALET = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]  # ColorBrewer Blues, light to dark
GEEN = "#f0f0f0"
RAND = "#333333"
# the point symbols: soort → (shape named in the legend's text, the legend's name, SVG of the symbol around 0,0)
SYMBOLEN = {
    "ankerplaats": (gettext_lazy("open rondje"), gettext_lazy("Ankerplaatsen"),
                    '<circle r="5" fill="#ffffff" stroke="#000000" stroke-width="2"/>'),
    "vindplaats": (gettext_lazy("zwarte driehoek"), gettext_lazy("Vindplaatsen"),
                   '<path d="M0 -6 L5.5 4 L-5.5 4 Z" fill="#000000" stroke="#ffffff" stroke-width="1.2"/>'),
}


@dataclass(frozen=True)
class Vlak:
    """One wijk on the map: ``tekst`` is what every output shows, ``getal`` the value for the colour (None when
    suppressed or unknown), ``onderdrukt`` True when the value is hidden by small-cell suppression."""

    code: str
    naam: str
    geometrie: dict
    tekst: str
    getal: float | None = None
    onderdrukt: bool = False


@dataclass(frozen=True)
class Punt:
    """A place on the map (WGS84): ``soort`` is a key of ``SYMBOLEN``, ``soort_label`` its name as shown."""

    naam: str
    soort: str
    soort_label: str
    lon: float
    lat: float
    wijk: str = ""
    adres: str = ""


@dataclass(frozen=True)
class Klasse:
    kleur: str
    label: str
    soort: str = "waarde"  # "waarde", "onderdrukt", "geen", or a point's soort ("ankerplaats", "vindplaats")
    vorm: str = ""  # for a point: its shape in words (the legend's text)


@dataclass
class Kaart:
    titel: str
    svg: str  # the <svg> element (safe string)
    legenda: list = field(default_factory=list)
    vlakken: list = field(default_factory=list)
    punten: list = field(default_factory=list)

    @property
    def als_afbeelding(self):
        """A data URI for an <img> (the PDF: a figure with alternative text)."""
        import base64

        return "data:image/svg+xml;base64," + base64.b64encode(str(self.svg).encode()).decode()

    @property
    def alt(self):
        delen = [f"{v.naam}: {v.tekst}{' (' + _('onderdrukt') + ')' if v.onderdrukt else ''}" for v in self.vlakken]
        tekst = f"{_('Kaart')}: {self.titel}. " + "; ".join(delen) + "."
        for k in self.legenda:
            if k.soort in SYMBOLEN:
                namen = [p.naam for p in self.punten if p.soort == k.soort]
                tekst += f" {k.label} ({k.vorm}): " + "; ".join(namen) + "."
        return tekst


def _vlakken(geometrie):
    if geometrie.get("type") == "Polygon":
        return [geometrie["coordinates"]]
    if geometrie.get("type") == "MultiPolygon":
        return geometrie["coordinates"]
    return []


def _punten(geometrie):
    for vlak in _vlakken(geometrie):
        for ring in vlak:
            yield from ring


def _grenzen(waarden, aantal=5):
    """Class boundaries: equal intervals over the shown values (fewer classes when there are fewer values)."""
    if not waarden:
        return []
    laag, hoog = min(waarden), max(waarden)
    if laag == hoog:
        return [(laag, hoog)]
    aantal = min(aantal, len(set(waarden)))
    stap = (hoog - laag) / aantal
    return [(laag + i * stap, hoog if i == aantal - 1 else laag + (i + 1) * stap) for i in range(aantal)]


def _nl(getal, decimalen=0):
    return f"{getal:,.{decimalen}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def choropleth(vlakken, *, titel, breedte=640, id_voorvoegsel="kaart", onderdrukt_label=None, markeer=None,
               plaatsen=()):
    """The map of ``vlakken`` (list of :class:`Vlak` with a geometry) as a :class:`Kaart`; None without geometries.
    With ``markeer`` (a wijk code) it is a location map instead: that wijk dark, the others light, no values.
    ``plaatsen``: :class:`Punt` s drawn on top, with their shapes in the legend."""
    vlakken = [v for v in vlakken if v.geometrie and _vlakken(v.geometrie)]
    if not vlakken:
        return None
    plaatsen = [p for p in plaatsen if p.soort in SYMBOLEN]
    punten = [p for v in vlakken for p in _punten(v.geometrie)] + [[p.lon, p.lat] for p in plaatsen]
    min_lon, max_lon = min(p[0] for p in punten), max(p[0] for p in punten)
    min_lat, max_lat = min(p[1] for p in punten), max(p[1] for p in punten)
    schaal_lon = math.cos(math.radians((min_lat + max_lat) / 2))
    kaart_b = breedte - 20
    wereld_b = max((max_lon - min_lon) * schaal_lon, 1e-9)
    wereld_h = max(max_lat - min_lat, 1e-9)
    factor = kaart_b / wereld_b
    kaart_h = wereld_h * factor
    if kaart_h > breedte:  # a tall gemeente: fit the height instead
        factor, kaart_h = breedte / wereld_h, breedte
        kaart_b = wereld_b * factor

    def xy(punt):
        return (10 + (punt[0] - min_lon) * schaal_lon * factor, 10 + (max_lat - punt[1]) * factor)

    grenzen = _grenzen([v.getal for v in vlakken if v.getal is not None and not v.onderdrukt])
    # one decimal in the whole legend when a boundary is not whole and the values are small, else none
    dec = int(any(abs(x) < 100 and x != int(x) for grens in grenzen for x in grens))
    legenda = [Klasse(PALET[i if len(grenzen) > 1 else 2], f"{_nl(a, dec)} – {_nl(b, dec)}") for i, (a, b) in
               enumerate(grenzen)]
    if len(grenzen) == 1:
        legenda = [Klasse(PALET[2], _nl(grenzen[0][0], dec))]
    onderdrukt = onderdrukt_label or _("onderdrukt (te klein om te tonen)")
    if any(v.onderdrukt for v in vlakken):
        legenda.append(Klasse(f"url(#{id_voorvoegsel}-arcering)", onderdrukt, "onderdrukt"))
    if any(v.getal is None and not v.onderdrukt for v in vlakken):
        legenda.append(Klasse(GEEN, _("geen gegevens"), "geen"))

    if markeer is not None:
        gemarkeerd = next((v.naam for v in vlakken if v.code == markeer), markeer)
        legenda = [Klasse(PALET[3], gemarkeerd), Klasse(GEEN, _("andere wijken"), "geen")]
    for soort, (vorm, meervoud, _svg) in SYMBOLEN.items():
        aantal = sum(1 for p in plaatsen if p.soort == soort)
        if aantal:
            legenda.append(Klasse("", f"{meervoud} ({aantal})", soort, str(vorm)))

    def kleur(v):
        if markeer is not None:
            return PALET[3] if v.code == markeer else GEEN
        if v.onderdrukt:
            return f"url(#{id_voorvoegsel}-arcering)"
        if v.getal is None:
            return GEEN
        for i, (_a, b) in enumerate(grenzen):
            if v.getal <= b + 1e-12:
                return PALET[i if len(grenzen) > 1 else 2]
        return PALET[-1]

    legenda_h = 18 * len(legenda) + 30
    hoogte = kaart_h + 20 + legenda_h
    e = escape
    delen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {breedte:.0f} {hoogte:.0f}" width="{breedte:.0f}" '
        f'height="{hoogte:.0f}" role="img" aria-labelledby="{id_voorvoegsel}-titel" class="kaart" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="11">',
        f'<title id="{id_voorvoegsel}-titel">{e(titel)}</title>',
        f'<defs><pattern id="{id_voorvoegsel}-arcering" patternUnits="userSpaceOnUse" width="6" height="6" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="#555555" stroke-width="2"/></pattern></defs>',
    ]
    labels = []
    for v in vlakken:
        d = []
        for vlak in _vlakken(v.geometrie):
            for ring in vlak:
                coords = [xy(p) for p in ring]
                d.append("M" + " L".join(f"{x:.1f} {y:.1f}" for x, y in coords) + " Z")
        status = f" ({onderdrukt})" if v.onderdrukt else ""
        delen.append(f'<path d="{" ".join(d)}" fill="{kleur(v)}" fill-rule="evenodd" stroke="{RAND}" '
                     f'stroke-width="1" data-wijk="{e(v.code)}"><title>{e(v.naam)}: {e(v.tekst)}{e(status)}'
                     f'</title></path>')
        grootste = max(_vlakken(v.geometrie), key=lambda vl: _oppervlak(vl[0]))
        xs, ys = zip(*(xy(p) for p in grootste[0]), strict=True)
        plek = f'x="{(min(xs) + max(xs)) / 2:.1f}" y="{(min(ys) + max(ys)) / 2:.1f}" text-anchor="middle"'
        # a white halo under black text (two elements: WeasyPrint's SVG renderer knows no paint-order)
        labels.append(f'<text {plek} fill="#ffffff" stroke="#ffffff" stroke-width="3" aria-hidden="true">'
                      f'{e(v.naam)}</text><text {plek} fill="#000000" aria-hidden="true">{e(v.naam)}</text>')
    delen += labels
    for p in plaatsen:
        x, y = xy([p.lon, p.lat])
        delen.append(f'<g transform="translate({x:.1f} {y:.1f})" data-plaats="{e(p.soort)}"><title>'
                     f'{e(p.soort_label)}: {e(p.naam)}{", " + e(p.adres) if p.adres else ""}</title>'
                     f'{SYMBOLEN[p.soort][2]}</g>')
    y = kaart_h + 30
    delen.append(f'<text x="10" y="{y:.0f}" font-weight="bold">{e(_("Legenda"))}</text>')
    for k in legenda:
        y += 18
        if k.soort in SYMBOLEN:
            delen.append(f'<g transform="translate(18 {y - 5:.0f})">{SYMBOLEN[k.soort][2]}</g>'
                         f'<text x="32" y="{y:.0f}">{e(k.label)}</text>')
            continue
        delen.append(f'<rect x="10" y="{y - 11:.0f}" width="16" height="12" fill="{k.kleur}" stroke="{RAND}"/>'
                     f'<text x="32" y="{y:.0f}">{e(k.label)}</text>')
    delen.append("</svg>")
    return Kaart(titel=titel, svg=mark_safe("".join(delen)), legenda=legenda, vlakken=vlakken,  # noqa: S308
                 punten=plaatsen)


def _oppervlak(ring):
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:], strict=False))) / 2


# --- a point in a polygon ----------------------------------------------------------------------------------------

def _meters(lon, lat, lat0):
    """Local metres around latitude ``lat0`` (equirectangular: right to a few metres within a gemeente)."""
    return lon * 111_320 * math.cos(math.radians(lat0)), lat * 110_574


def _in_ring(lon, lat, ring):
    binnen = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            binnen = not binnen
    return binnen


def _afstand_tot_ring(lon, lat, ring):
    """The distance in metres from the point to the nearest edge of the ring."""
    px, py = _meters(lon, lat, lat)
    kortste = math.inf
    for a, b in zip(ring, ring[1:], strict=False):
        ax, ay = _meters(a[0], a[1], lat)
        bx, by = _meters(b[0], b[1], lat)
        dx, dy = bx - ax, by - ay
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
        kortste = min(kortste, math.hypot(px - (ax + t * dx), py - (ay + t * dy)))
    return kortste


def ligt_in(lon, lat, geometrie, marge=1.0):
    """True when (lon, lat) lies inside the Polygon or MultiPolygon ``geometrie`` (WGS84), or within ``marge``
    metres of its edge (a point on the boundary, or a vertex of a neighbouring drawing a little off, counts as in);
    holes are outside."""
    for vlak in _vlakken(geometrie or {}):
        buiten, *gaten = vlak
        if not (_in_ring(lon, lat, buiten) or _afstand_tot_ring(lon, lat, buiten) <= marge):
            continue
        if not any(_in_ring(lon, lat, gat) and _afstand_tot_ring(lon, lat, gat) > marge for gat in gaten):
            return True
    return False


def omhullende(geometrieen):
    """(min lon, min lat, max lon, max lat) of the geometries, or None without any."""
    punten = [p for g in geometrieen for p in _punten(g or {})]
    if not punten:
        return None
    return (min(p[0] for p in punten), min(p[1] for p in punten), max(p[0] for p in punten),
            max(p[1] for p in punten))


def afstand_km(a, b):
    """The distance in km between two (lon, lat) points (equirectangular; fine at the scale of a province)."""
    lat0 = (a[1] + b[1]) / 2
    ax, ay = _meters(a[0], a[1], lat0)
    bx, by = _meters(b[0], b[1], lat0)
    return math.hypot(ax - bx, ay - by) / 1000
