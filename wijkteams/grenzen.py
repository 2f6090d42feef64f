"""Import of the wijk boundaries of a gemeente from a GeoJSON FeatureCollection (as the CBS "Wijk- en buurtkaart"
gives them, in WGS84 longitude/latitude), stored as JSON on ``WijkGrens``: no PostGIS.

Every feature must be a Polygon or MultiPolygon with closed rings of at least four positions inside the Netherlands,
and carry the CBS wijkcode (property ``wijkcode``, ``statcode``, ``wk_code`` or ``code``) of a wijk of the
gemeente, each wijk once. Every error names the feature by its number (1 = the first) and nothing of the file is
stored (all or nothing); importing the same file again changes nothing. A wijk not in the file keeps the boundary it
has. Coordinates in RD New (EPSG:28992) are refused with a message that says so.
"""

import json
import math
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit import log
from wijkteams import rechten
from wijkteams.inrichting.registry import Telling
from wijkteams.models import Wijk, WijkGrens

VOORBEELD = Path(__file__).with_name("voorbeelddata") / "wijkgrenzen_ridderkerk_voorbeeld.geojson"
MAX_BYTES = 5 * 1024 * 1024
CODE_EIGENSCHAPPEN = ("wijkcode", "statcode", "wk_code", "code")
VLAKKEN = ("Polygon", "MultiPolygon")
# longitude and latitude of the Netherlands with a margin: a boundary outside it is not a Dutch wijk
NEDERLAND = (3.0, 50.6, 7.4, 53.7)
DECIMALEN = 6  # about 10 cm: more is noise, less changes the shape


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


def _ring(ring, nummer):
    """A ring as [[lon, lat], …] rounded, or raise the Dutch message for feature ``nummer``."""
    if not isinstance(ring, list) or len(ring) < 4:
        raise ValidationError(_("Object %(n)d: een ring van het vlak heeft minder dan vier punten.") % {"n": nummer})
    uit = []
    for punt in ring:
        if not isinstance(punt, list) or len(punt) < 2 or not all(_getal(c) for c in punt[:2]):
            raise ValidationError(_("Object %(n)d: een punt is geen paar getallen [lengte, breedte].") % {"n": nummer})
        lon, lat = punt[0], punt[1]
        if abs(lon) > 1000 or abs(lat) > 1000:
            raise ValidationError(_("Object %(n)d: de coördinaten lijken RD New (meters); lever het bestand in WGS84 "
                                    "(lengte- en breedtegraden, EPSG:4326).") % {"n": nummer})
        if not (NEDERLAND[0] <= lon <= NEDERLAND[2] and NEDERLAND[1] <= lat <= NEDERLAND[3]):
            raise ValidationError(_("Object %(n)d: het punt (%(lon)s, %(lat)s) ligt buiten Nederland.")
                                  % {"n": nummer, "lon": lon, "lat": lat})
        uit.append([round(float(lon), DECIMALEN), round(float(lat), DECIMALEN)])
    if uit[0] != uit[-1]:
        raise ValidationError(_("Object %(n)d: een ring van het vlak is niet gesloten (het eerste en laatste punt "
                                "verschillen).") % {"n": nummer})
    return uit


def _geometrie(geometrie, nummer):
    soort = geometrie.get("type") if isinstance(geometrie, dict) else None
    if soort not in VLAKKEN:
        raise ValidationError(_("Object %(n)d: de geometrie is een %(soort)s; alleen een vlak (Polygon of "
                                "MultiPolygon) kan een wijkgrens zijn.") % {"n": nummer, "soort": soort or _("leeg")})
    coordinaten = geometrie.get("coordinates")
    vlakken = [coordinaten] if soort == "Polygon" else coordinaten
    if not isinstance(vlakken, list) or not vlakken or not all(isinstance(v, list) and v for v in vlakken):
        raise ValidationError(_("Object %(n)d: het vlak heeft geen coördinaten.") % {"n": nummer})
    schoon = [[_ring(ring, nummer) for ring in vlak] for vlak in vlakken]
    return {"type": soort, "coordinates": schoon[0] if soort == "Polygon" else schoon}


def _wijkcode(eigenschappen):
    if not isinstance(eigenschappen, dict):
        return ""
    klein = {str(k).lower(): v for k, v in eigenschappen.items()}
    for sleutel in CODE_EIGENSCHAPPEN:
        if klein.get(sleutel):
            return str(klein[sleutel]).strip().upper()
    return ""


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
    wijken = {w.cbs_code.upper(): w for w in Wijk.objects.filter(gemeente=gemeente)}
    fouten, grenzen, gezien = [], {}, {}
    for nummer, feature in enumerate(data["features"], start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            fouten.append(_("Object %(n)d: is geen Feature.") % {"n": nummer})
            continue
        code = _wijkcode(feature.get("properties"))
        wijk = wijken.get(code)
        if not code:
            fouten.append(_("Object %(n)d: de wijkcode ontbreekt (eigenschap ‘wijkcode’, bijvoorbeeld WK%(g)s01).")
                          % {"n": nummer, "g": gemeente.cbs_code})
        elif wijk is None:
            fouten.append(_("Object %(n)d: ‘%(c)s’ is geen wijkcode van %(gemeente)s.")
                          % {"n": nummer, "c": code, "gemeente": gemeente.naam})
        elif code in gezien:
            fouten.append(_("Object %(n)d: wijk %(c)s staat al in object %(e)d.")
                          % {"n": nummer, "c": code, "e": gezien[code]})
        try:
            geometrie = _geometrie(feature.get("geometry"), nummer)
        except ValidationError as fout:
            fouten.extend(fout.messages)
            continue
        if wijk is not None and code not in gezien:
            gezien[code] = nummer
            grenzen[wijk] = geometrie
    if fouten:
        raise ValidationError(fouten, code="ongeldig")
    return grenzen


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
