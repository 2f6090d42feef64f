"""The ankerplaatsen and vindplaatsen of a gemeente as places on the map per wijk (issue 18): name, soort, wijk,
address, position (WGS84 latitude/longitude; the CSV import also takes RD New x/y and converts it like the wijk
boundaries) and validity. Kept by the functioneel beheerder of the gemeente, by form and by CSV import
(``common.csv_import``: errors per line number, all or nothing, the ``code`` is the key, the same file twice
changes nothing).

A position is refused when it lies outside its wijk's boundary (``WijkGrens``, within ``MARGE_M`` metres) or, for a
wijk without a boundary yet, outside the gemeente as far as it is known (the box around the gemeente's imported wijk
boundaries) or outside the Netherlands. The places are stored on ``wijkteams.models.Locatie`` (which already held
them as names for the resident's start page) and drawn by ``monitoring.kaart`` through :func:`punten`.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from common.kaart import Punt
from wijkteams import rechten
from wijkteams.grenzen import rd_naar_wgs84
from wijkteams.models import Locatie, controleer_positie

KOLOMMEN = ("code", "naam", "soort", "wijk", "adres", "postcode", "breedtegraad", "lengtegraad", "rd_x", "rd_y",
            "geldig_van", "geldig_tot")
VERPLICHT = ("code", "naam", "soort", "wijk")
GEGEVENS = ("naam", "soort", "wijk", "adres", "postcode", "breedtegraad", "lengtegraad", "geldig_van", "geldig_tot",
            "code")
ZES = Decimal("0.000001")


def mag_beheren(user, gemeente_id=None):
    """The functioneel beheerder keeps the places of its own gemeente."""
    from wijkteams.selectors import gemeente_id_van

    return rechten.is_beheerder(user) and (gemeente_id is None or gemeente_id == gemeente_id_van(user))


def plaatsen_voor(user):
    """The ankerplaatsen and vindplaatsen the user may keep (none for anyone but the beheerder)."""
    from wijkteams.selectors import gemeente_id_van

    if not mag_beheren(user):
        return Locatie.objects.none()
    return (Locatie.objects.filter(gemeente_id=gemeente_id_van(user), soort__in=Locatie.OP_DE_KAART)
            .select_related("wijk").order_by("wijk__cbs_code", "soort", "naam"))


def get_plaats_voor(user, pk, *, request=None):
    """One place the user may keep: 404 for a missing place and another gemeente's alike."""
    plaats = plaatsen_voor(user).filter(pk=pk).first()
    if plaats is None:
        log.geweigerd(user, Locatie._meta.label_lower, pk, request=request)
        raise Http404
    return plaats


def _schoon(gemeente, d, *, plaats_id=None):
    """The checked data of one place, or a ValidationError per field (Dutch)."""
    fouten = {}
    if d.get("soort") not in Locatie.OP_DE_KAART:
        fouten["soort"] = _("Kies ankerplaats of vindplaats.")
    wijk = d.get("wijk")
    if wijk is None or wijk.gemeente_id != gemeente.pk:
        fouten["wijk"] = _("Kies een wijk van %(gemeente)s.") % {"gemeente": gemeente.naam}
    if d.get("breedtegraad") is None or d.get("lengtegraad") is None:
        fouten["breedtegraad"] = _("Vul de breedtegraad en de lengtegraad in (WGS84), zodat de plaats op de kaart "
                                   "komt.")
    if d.get("geldig_van") is None:
        fouten["geldig_van"] = _("Vul de datum in vanaf wanneer de plaats er is.")
    elif d.get("geldig_tot") is not None and d["geldig_tot"] < d["geldig_van"]:
        fouten["geldig_tot"] = _("De einddatum ligt vóór de begindatum.")
    code = d.get("code") or ""
    if code and Locatie.objects.filter(gemeente=gemeente, code=code).exclude(pk=plaats_id).exists():
        fouten["code"] = _("Deze code is al in gebruik voor een andere plaats.")
    if fouten:
        raise ValidationError(fouten)
    schoon = {k: d.get(k) for k in GEGEVENS}
    schoon["code"] = code
    schoon["adres"] = d.get("adres") or ""
    schoon["postcode"] = d.get("postcode") or ""
    schoon["breedtegraad"] = Decimal(str(d["breedtegraad"])).quantize(ZES, ROUND_HALF_UP)
    schoon["lengtegraad"] = Decimal(str(d["lengtegraad"])).quantize(ZES, ROUND_HALF_UP)
    controleer_positie(gemeente=gemeente, wijk=wijk, breedtegraad=schoon["breedtegraad"],
                       lengtegraad=schoon["lengtegraad"])
    return schoon


def _vereis(door, gemeente_id):
    if door is not None and not mag_beheren(door, gemeente_id):
        raise PermissionDenied(_("Alleen de functioneel beheerder van de gemeente beheert ankerplaatsen en "
                                 "vindplaatsen."))


def _verschil(plaats, d):
    return {k: str(v) for k, v in d.items() if getattr(plaats, k) != v}


def _bewaar(plaats, gemeente, d, door, **detail):
    """Create or change; returns "nieuw", "gewijzigd" or "ongewijzigd"."""
    if plaats is None:
        plaats = Locatie(gemeente=gemeente, **d)
        plaats.clean()
        plaats.save()
        log.aangemaakt(door, plaats, detail={"plaats": plaats.naam, "soort": plaats.soort, **detail})
        return "nieuw", plaats
    d = {**d, "postcode": _postcode(d["postcode"])}
    verschil = _verschil(plaats, d)
    if not verschil:
        return "ongewijzigd", plaats
    for k, v in d.items():
        setattr(plaats, k, v)
    plaats.save()
    log.gewijzigd(door, plaats, detail={"plaats": verschil, **detail})
    return "gewijzigd", plaats


def _postcode(waarde):
    from common.postcode import normaliseer_postcode

    return normaliseer_postcode(waarde)


@transaction.atomic
def voeg_plaats_toe(*, gemeente, door, **gegevens):
    """Add an ankerplaats or vindplaats to ``gemeente``."""
    _vereis(door, gemeente.pk)
    return _bewaar(None, gemeente, _schoon(gemeente, gegevens), door)[1]


@transaction.atomic
def wijzig_plaats(*, plaats, door, **gegevens):
    """Change a place; nothing changed: no write and no audit row."""
    plaats = Locatie.objects.select_for_update().select_related("gemeente").get(pk=plaats.pk)
    _vereis(door, plaats.gemeente_id)
    huidig = {k: getattr(plaats, k) for k in GEGEVENS}
    d = _schoon(plaats.gemeente, {**huidig, **gegevens}, plaats_id=plaats.pk)
    return _bewaar(plaats, plaats.gemeente, d, door)[1]


def positie_uit_regel(r):
    """(breedtegraad, lengtegraad) of a CSV line: WGS84 as given, or converted from RD New (rd_x, rd_y)."""
    if r.get("breedtegraad") is not None and r.get("lengtegraad") is not None:
        return r["breedtegraad"], r["lengtegraad"]
    if r.get("rd_x") is not None and r.get("rd_y") is not None:
        lon, lat = rd_naar_wgs84(float(r["rd_x"]), float(r["rd_y"]))
        return Decimal(str(lat)).quantize(ZES, ROUND_HALF_UP), Decimal(str(lon)).quantize(ZES, ROUND_HALF_UP)
    return None, None


@transaction.atomic
def importeer_plaatsen(*, gemeente, door, inhoud):
    """Import places from CSV (``KOLOMMEN``; ``;`` or ``,``). The ``code`` is the key: a known code updates that
    place, a new one adds it; places not in the file stay. All or nothing; every error with its line number.
    Returns the counts ``nieuw``, ``gewijzigd``, ``ongewijzigd``."""
    from common.csv_import import lees_csv
    from wijkteams.forms import PlaatsRegelForm
    from wijkteams.models import Wijk

    _vereis(door, gemeente.pk)
    wijken = {w.cbs_code: w for w in Wijk.objects.filter(gemeente=gemeente)}
    bestaand = {p.code: p for p in Locatie.objects.select_for_update().filter(gemeente=gemeente).exclude(code="")}

    def _gegevens(r):
        d = {k: v for k, v in r.items() if k in GEGEVENS}
        d["breedtegraad"], d["lengtegraad"] = positie_uit_regel(r)
        plaats = bestaand.get(r["code"])
        if not r.get("geldig_van"):
            d["geldig_van"] = plaats.geldig_van if plaats else timezone.localdate()
        return plaats, d

    def controleer(r):
        plaats, d = _gegevens(r)
        _schoon(gemeente, d, plaats_id=plaats.pk if plaats else None)

    regels = lees_csv(inhoud, PlaatsRegelForm, kolommen=KOLOMMEN, verplicht=VERPLICHT,
                      form_kwargs={"wijken": wijken, "controleer": controleer}, sleutel=lambda r: r["code"],
                      dubbel=_("deze code staat al eerder in het bestand."),
                      leeg=_("Het bestand bevat geen plaatsen."))
    telling = {"nieuw": 0, "gewijzigd": 0, "ongewijzigd": 0}
    for r in regels:
        plaats, d = _gegevens(r)
        uitkomst, _plaats = _bewaar(plaats, gemeente, _schoon(gemeente, d, plaats_id=plaats.pk if plaats else None),
                                    door, **{"import": True})
        telling[uitkomst] += 1
    return telling


def punten(gemeente_id, van, tot=None, *, wijk_ids=None):
    """The ankerplaatsen and vindplaatsen with a position, valid on some day of ``van`` … ``tot``, as map points
    (``common.kaart.Punt``); only those of ``wijk_ids`` when given. One query."""
    qs = Locatie.objects.filter(gemeente_id=gemeente_id).op_de_kaart().geldig_in(van, tot).select_related("wijk")
    if wijk_ids is not None:
        qs = qs.filter(wijk_id__in=list(wijk_ids))
    labels = dict(Locatie.Soort.choices)
    return [Punt(naam=p.naam, soort=p.soort, soort_label=str(labels[p.soort]), lon=float(p.lengtegraad),
                 lat=float(p.breedtegraad), wijk=p.wijk.naam if p.wijk else "", adres=p.adres)
            for p in qs.order_by("soort", "naam")]
