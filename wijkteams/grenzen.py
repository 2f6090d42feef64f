"""Import of the wijk boundaries of a gemeente from a GeoJSON FeatureCollection (as the CBS "Wijk- en buurtkaart"
gives them, in WGS84 longitude/latitude), stored as JSON on ``WijkGrens``: no PostGIS.

Every feature must be a Polygon or MultiPolygon with closed rings of at least four positions inside the Netherlands,
and carry the CBS wijkcode (property ``wijkcode``, ``statcode``, ``wk_code`` or ``code``) of a wijk of the
gemeente, each wijk once. Every error names the feature by its number (1 = the first) and nothing of the file is
stored (all or nothing); importing the same file again changes nothing. A wijk not in the file keeps the boundary it
has. A file in RD New (EPSG:28992, the CBS kaart's own system: named in the file's ``crs`` or recognised by its
coordinates in metres) is converted to WGS84 with the published approximation formulas of Schreutelkamp and Strang
van Hees (about a metre off, far below what a map of wijken shows).

Nothing outside the gemeente: a wijkcode of another gemeente (WK + its four-digit gemeentecode) is refused as such.
The geometry is checked as strongly as the file allows. When the file carries the gemeente's own boundary (a feature
with the gemeentecode, ``GM0597``, as in the CBS kaart's gemeente layer; it is used for the check and not stored),
every point of every wijk must lie inside it (within ``MARGE_M`` metres). Without it there is no boundary of the
gemeente to test against, so only what is certain is refused: a point outside the Netherlands, and a wijk whose
centre lies more than ``MAX_KM`` km from the middle (median) of the gemeente's other wijken (those in the file and
those already stored): no Dutch gemeente is that wide, so such a wijk is in the wrong place. A wijk drawn in the
neighbouring gemeente but near the others passes that test; only the gemeente boundary catches it.
"""

import json
import math
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit import log
from common.kaart import afstand_km, ligt_in, omhullende
from wijkteams import rechten
from wijkteams.inrichting.registry import Telling
from wijkteams.models import NEDERLAND, Wijk, WijkGrens

VOORBEELD = Path(__file__).with_name("voorbeelddata") / "wijkgrenzen_ridderkerk_voorbeeld.geojson"
MAX_BYTES = 5 * 1024 * 1024
CODE_EIGENSCHAPPEN = ("wijkcode", "statcode", "wk_code", "code")
VLAKKEN = ("Polygon", "MultiPolygon")
DECIMALEN = 6  # about 10 cm: more is noise, less changes the shape
MARGE_M = 50  # a wijk may cross the gemeente boundary by this much (two drawings of one line differ a little)
MAX_KM = 40  # the largest Dutch gemeenten are about 50 km across: a wijk's centre is nearer to the others than this


# RD New → WGS84 (Schreutelkamp & Strang van Hees, "Benaderingsformules voor de transformatie tussen RD- en
# WGS84-kaartcoördinaten"): {(p, q): coefficient} of dX^p dY^q, in seconds of arc
RD_X0, RD_Y0, RD_LAT0, RD_LON0 = 155000, 463000, 52.15517440, 5.38720621
RD_K = {(0, 1): 3235.65389, (2, 0): -32.58297, (0, 2): -0.24750, (2, 1): -0.84978, (0, 3): -0.06550,
        (2, 2): -0.01709, (1, 0): -0.00738, (4, 0): 0.00530, (2, 3): -0.00039, (4, 1): 0.00033, (1, 1): -0.00012}
RD_L = {(1, 0): 5260.52916, (1, 1): 105.94684, (1, 2): 2.45656, (3, 0): -0.81885, (1, 3): 0.05594,
        (3, 1): -0.05607, (0, 1): 0.01199, (3, 2): -0.00256, (1, 4): 0.00128, (0, 2): 0.00022, (2, 0): -0.00022,
        (5, 0): 0.00026}


def rd_naar_wgs84(x, y):
    """RD New (x, y in metres) → (longitude, latitude) in WGS84 degrees."""
    dx, dy = (x - RD_X0) * 1e-5, (y - RD_Y0) * 1e-5
    lat = RD_LAT0 + sum(c * dx**p * dy**q for (p, q), c in RD_K.items()) / 3600
    lon = RD_LON0 + sum(c * dx**p * dy**q for (p, q), c in RD_L.items()) / 3600
    return lon, lat


def _is_rd(punt):
    return 0 <= punt[0] <= 300_000 and 289_000 <= punt[1] <= 629_000


def mag_importeren(user, gemeente):
    return rechten.is_beheerder(user) and user.medewerker.gemeente_id == gemeente.pk


def _tekst(inhoud):
    if isinstance(inhoud, str):
        return inhoud.lstrip("\ufeff")
    if len(inhoud) > MAX_BYTES:
        raise ValidationError(_("Het bestand is groter dan 5 MB."), code="te_groot")
    try:
        return inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("Het bestand is geen UTF-8-tekst."), code="codering") from None


def _getal(x):
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def _ring(ring, nummer, rd=False):
    """A ring as [[lon, lat], …] rounded, or raise the Dutch message for feature ``nummer``; ``rd``: the ring is in
    RD New and is converted."""
    if not isinstance(ring, list) or len(ring) < 4:
        raise ValidationError(_("Object %(n)d: een ring van het vlak heeft minder dan vier punten.") % {"n": nummer})
    uit = []
    for punt in ring:
        if not isinstance(punt, list) or len(punt) < 2 or not all(_getal(c) for c in punt[:2]):
            raise ValidationError(_("Object %(n)d: een punt is geen paar getallen [lengte, breedte].") % {"n": nummer})
        lon, lat = punt[0], punt[1]
        if rd:
            if not _is_rd(punt):
                raise ValidationError(_("Object %(n)d: het punt (%(x)s, %(y)s) is geen RD-coördinaat in Nederland.")
                                      % {"n": nummer, "x": lon, "y": lat})
            lon, lat = rd_naar_wgs84(lon, lat)
        elif abs(lon) > 1000 or abs(lat) > 1000:
            raise ValidationError(_("Object %(n)d: de coördinaten zijn meters, maar het bestand is niet in RD New; "
                                    "lever het in WGS84 (lengte- en breedtegraden) of RD New (EPSG:28992).")
                                  % {"n": nummer})
        if not (NEDERLAND[0] <= lon <= NEDERLAND[2] and NEDERLAND[1] <= lat <= NEDERLAND[3]):
            raise ValidationError(_("Object %(n)d: het punt (%(lon)s, %(lat)s) ligt buiten Nederland.")
                                  % {"n": nummer, "lon": lon, "lat": lat})
        uit.append([round(float(lon), DECIMALEN), round(float(lat), DECIMALEN)])
    if uit[0] != uit[-1]:
        raise ValidationError(_("Object %(n)d: een ring van het vlak is niet gesloten (het eerste en laatste punt "
                                "verschillen).") % {"n": nummer})
    return uit


def _geometrie(geometrie, nummer, rd=False):
    soort = geometrie.get("type") if isinstance(geometrie, dict) else None
    if soort not in VLAKKEN:
        raise ValidationError(_("Object %(n)d: de geometrie is een %(soort)s; alleen een vlak (Polygon of "
                                "MultiPolygon) kan een wijkgrens zijn.") % {"n": nummer, "soort": soort or _("leeg")})
    coordinaten = geometrie.get("coordinates")
    vlakken = [coordinaten] if soort == "Polygon" else coordinaten
    if not isinstance(vlakken, list) or not vlakken or not all(isinstance(v, list) and v for v in vlakken):
        raise ValidationError(_("Object %(n)d: het vlak heeft geen coördinaten.") % {"n": nummer})
    schoon = [[_ring(ring, nummer, rd) for ring in vlak] for vlak in vlakken]
    return {"type": soort, "coordinates": schoon[0] if soort == "Polygon" else schoon}


def _wijkcode(eigenschappen):
    if not isinstance(eigenschappen, dict):
        return ""
    klein = {str(k).lower(): v for k, v in eigenschappen.items()}
    for sleutel in CODE_EIGENSCHAPPEN:
        if klein.get(sleutel):
            return str(klein[sleutel]).strip().upper()
    return ""


def _in_rd(data):
    """True when the file is in RD New: its ``crs`` says EPSG 28992, or (no crs) its first position is in metres
    within the RD range."""
    crs = str(((data.get("crs") or {}).get("properties") or {}).get("name", ""))
    if crs:
        return "28992" in crs
    for feature in data["features"]:
        coordinaten = (feature.get("geometry") or {}).get("coordinates") if isinstance(feature, dict) else None
        while isinstance(coordinaten, list) and coordinaten and isinstance(coordinaten[0], list):
            coordinaten = coordinaten[0]
        if isinstance(coordinaten, list) and len(coordinaten) >= 2 and all(_getal(c) for c in coordinaten[:2]):
            return _is_rd(coordinaten)
    return False


def lees(inhoud, *, gemeente):
    """The boundaries in the file as {wijk: geometry}, all checked; else one ValidationError with every error."""
    try:
        data = json.loads(_tekst(inhoud))
    except json.JSONDecodeError as fout:
        raise ValidationError(_("Het bestand is geen geldige GeoJSON (regel %(r)d: %(m)s).")
                              % {"r": fout.lineno, "m": fout.msg}, code="json") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(
            data.get("features"), list):
        raise ValidationError(_("Het bestand is geen GeoJSON FeatureCollection."), code="geen_collectie")
    if not data["features"]:
        raise ValidationError(_("Het bestand bevat geen wijken."), code="leeg")
    rd = _in_rd(data)
    wijken = {w.cbs_code.upper(): w for w in Wijk.objects.filter(gemeente=gemeente)}
    fouten, grenzen, gezien, nummers = [], {}, {}, {}
    gemeentegrens = None  # (feature number, geometry) of the gemeente's own boundary, when the file has it
    for nummer, feature in enumerate(data["features"], start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            fouten.append(_("Object %(n)d: is geen Feature.") % {"n": nummer})
            continue
        code = _wijkcode(feature.get("properties"))
        wijk = wijken.get(code)
        if code.startswith("GM"):
            if code != f"GM{gemeente.cbs_code}":
                fouten.append(_("Object %(n)d: ‘%(c)s’ is de grens van een andere gemeente; dit bestand is voor "
                                "%(gemeente)s (GM%(g)s).")
                              % {"n": nummer, "c": code, "gemeente": gemeente.naam, "g": gemeente.cbs_code})
                continue
            try:
                gemeentegrens = (nummer, _geometrie(feature.get("geometry"), nummer, rd))
            except ValidationError as fout:
                fouten.extend(fout.messages)
            continue
        if not code:
            fouten.append(_("Object %(n)d: de wijkcode ontbreekt (eigenschap ‘wijkcode’, bijvoorbeeld WK%(g)s01).")
                          % {"n": nummer, "g": gemeente.cbs_code})
        elif wijk is None and len(code) == 8 and code[:2] == "WK" and code[2:6] != gemeente.cbs_code:
            fouten.append(_("Object %(n)d: ‘%(c)s’ is geen wijkcode van %(gemeente)s. De code hoort bij gemeente "
                            "%(ander)s, niet bij %(gemeente)s (%(g)s). Een grens buiten de gemeente wordt niet "
                            "ingelezen.") % {"n": nummer, "c": code, "gemeente": gemeente.naam, "ander": code[2:6],
                                             "g": gemeente.cbs_code})
        elif wijk is None:
            fouten.append(_("Object %(n)d: ‘%(c)s’ is geen wijkcode van %(gemeente)s.")
                          % {"n": nummer, "c": code, "gemeente": gemeente.naam})
        elif code in gezien:
            fouten.append(_("Object %(n)d: wijk %(c)s staat al in object %(e)d.")
                          % {"n": nummer, "c": code, "e": gezien[code]})
        try:
            geometrie = _geometrie(feature.get("geometry"), nummer, rd)
        except ValidationError as fout:
            fouten.extend(fout.messages)
            continue
        if wijk is not None and code not in gezien:
            gezien[code] = nummer
            grenzen[wijk] = geometrie
            nummers[wijk] = nummer
    if not fouten:
        fouten = _buiten_de_gemeente(grenzen, nummers, gemeente, gemeentegrens)
    if fouten:
        raise ValidationError(fouten, code="ongeldig")
    return grenzen


def _midden(geometrie):
    min_lon, min_lat, max_lon, max_lat = omhullende([geometrie])
    return (min_lon + max_lon) / 2, (min_lat + max_lat) / 2


def _mediaan(waarden):
    waarden = sorted(waarden)
    m = len(waarden) // 2
    return waarden[m] if len(waarden) % 2 else (waarden[m - 1] + waarden[m]) / 2


def _buiten_de_gemeente(grenzen, nummers, gemeente, gemeentegrens):
    """The errors of wijken that lie outside the gemeente (see the module's docstring), named by feature."""
    fouten = []
    if gemeentegrens is not None:
        gm_nummer, gm = gemeentegrens
        for wijk, geometrie in grenzen.items():
            buiten = next((p for vlak in _vlakken(geometrie) for ring in vlak for p in ring
                           if not ligt_in(p[0], p[1], gm, marge=MARGE_M)), None)
            if buiten is not None:
                fouten.append(_("Object %(n)d (%(c)s): de wijk ligt buiten de gemeentegrens van %(gemeente)s "
                                "(object %(gm)d), bijvoorbeeld het punt (%(lon)s, %(lat)s).")
                              % {"n": nummers[wijk], "c": wijk.cbs_code, "gemeente": gemeente.naam, "gm": gm_nummer,
                                 "lon": buiten[0], "lat": buiten[1]})
        return fouten
    middens = {wijk: _midden(g) for wijk, g in grenzen.items()}
    for opgeslagen in WijkGrens.objects.filter(wijk__gemeente=gemeente).exclude(
            wijk__in=list(grenzen)).select_related("wijk"):
        middens[opgeslagen.wijk] = _midden(opgeslagen.geometrie)
    for wijk in grenzen:
        andere = [m for w, m in middens.items() if w != wijk]
        if not andere:
            continue
        midden = (_mediaan([m[0] for m in andere]), _mediaan([m[1] for m in andere]))
        km = afstand_km(middens[wijk], midden)
        if km > MAX_KM:
            fouten.append(_("Object %(n)d (%(c)s): de wijk ligt %(km)d km van de andere wijken van %(gemeente)s; zo "
                            "breed is geen gemeente, dus de wijk ligt buiten de gemeente. Controleer de wijkcode en "
                            "de coördinaten.") % {"n": nummers[wijk], "c": wijk.cbs_code, "km": round(km),
                                                  "gemeente": gemeente.naam})
    return fouten


def _vlakken(geometrie):
    return [geometrie["coordinates"]] if geometrie["type"] == "Polygon" else geometrie["coordinates"]


@transaction.atomic
def importeer_wijkgrenzen(*, gemeente, inhoud, door, bron="GeoJSON-import"):
    """Store the boundaries of the file for the gemeente's wijken, all or nothing. Returns a Telling."""
    if door is not None and not mag_importeren(door, gemeente):
        raise PermissionDenied(_("Alleen de functioneel beheerder van de gemeente importeert wijkgrenzen."))
    grenzen = lees(inhoud, gemeente=gemeente)
    bestaand = {g.wijk_id: g for g in WijkGrens.objects.select_for_update().filter(wijk__gemeente=gemeente)}
    nieuw = gewijzigd = gelijk = 0
    bron = bron[:200]
    for wijk, geometrie in grenzen.items():
        rij = bestaand.get(wijk.pk)
        if rij is None:
            WijkGrens.objects.create(wijk=wijk, geometrie=geometrie, bron=bron)
            nieuw += 1
        elif rij.geometrie != geometrie or rij.bron != bron:
            rij.geometrie, rij.bron = geometrie, bron
            rij.save(update_fields=["geometrie", "bron", "bijgewerkt_op"])
            gewijzigd += 1
        else:
            gelijk += 1
    telling = Telling(nieuw, gewijzigd, gelijk)
    if telling.veranderd:
        log.log(door, "create", None, detail={"import": "wijkgrenzen", "nieuw": nieuw, "gewijzigd": gewijzigd},
                gemeente_id=gemeente.pk)
    return telling
