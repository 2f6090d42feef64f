"""Import of figures per wijk per period (research, resident panels, client surveys) from a CSV file.
All lines are checked first; nothing is stored unless every line is valid."""

import csv
import io
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit import log
from monitoring.models import ImportWaarde, Indicator
from monitoring.services import _controleer_gebruiker
from wijkteams.models import Wijk

KOLOMMEN = ["indicator", "wijk", "van", "tot", "teller", "noemer", "bron"]
MAX_BYTES = 2 * 1024 * 1024


def _datum(tekst):
    for vorm in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(tekst.strip(), vorm).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
    raise ValueError


def _geheel(tekst):
    waarde = int(tekst.strip())
    if waarde < 0:
        raise ValueError
    return waarde


def lees(inhoud, *, gemeente_id):
    """Parse and validate; returns (list of dicts, list of Dutch error messages)."""
    if len(inhoud) > MAX_BYTES:
        return [], [_("Het bestand is groter dan 2 MB.")]
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [_("Het bestand is geen UTF-8-tekst (sla het op als ‘CSV UTF-8’).")]
    scheiding = ";" if tekst.split("\n", 1)[0].count(";") >= tekst.split("\n", 1)[0].count(",") else ","
    lezer = csv.reader(io.StringIO(tekst), delimiter=scheiding)
    kop = [k.strip().lower() for k in next(lezer, [])]
    if kop[: len(KOLOMMEN)] != KOLOMMEN:
        return [], [_("De eerste regel moet de kolommen bevatten: %(k)s.") % {"k": ";".join(KOLOMMEN)}]
    te_importeren = Indicator.objects.filter(bron__in=[Indicator.Bron.IMPORT, Indicator.Bron.ENQUETE])
    indicatoren = {i.code: i for i in te_importeren}
    wijken = {w.cbs_code: w for w in Wijk.objects.filter(gemeente_id=gemeente_id)}
    regels, fouten, gezien = [], [], set()
    for nummer, rij in enumerate(lezer, start=2):
        if not any(c.strip() for c in rij):
            continue
        rij = [c.strip() for c in rij] + [""] * (len(KOLOMMEN) - len(rij))
        code, wijkcode, van_t, tot_t, teller_t, noemer_t, bron = rij[: len(KOLOMMEN)]
        fout_voor = len(fouten)
        indicator = indicatoren.get(code)
        if indicator is None:
            fouten.append(_("Regel %(n)d: ‘%(c)s’ is geen indicator die per wijk wordt geïmporteerd.")
                          % {"n": nummer, "c": code})
        wijk = wijken.get(wijkcode.upper())
        if wijk is None:
            fouten.append(_("Regel %(n)d: wijk ‘%(w)s’ is geen wijk van uw gemeente.") % {"n": nummer, "w": wijkcode})
        try:
            van, tot = _datum(van_t), _datum(tot_t)
            if tot < van:
                fouten.append(_("Regel %(n)d: de einddatum ligt vóór de begindatum.") % {"n": nummer})
            elif van < date(2000, 1, 1):
                fouten.append(_("Regel %(n)d: de periode ligt te ver terug.") % {"n": nummer})
        except ValueError:
            van = tot = None
            fouten.append(_("Regel %(n)d: schrijf de datums als dd-mm-jjjj.") % {"n": nummer})
        try:
            teller, noemer = _geheel(teller_t), _geheel(noemer_t)
            if noemer == 0 or teller > noemer:
                fouten.append(_("Regel %(n)d: de teller moet tussen 0 en de noemer liggen, en de noemer boven 0.")
                              % {"n": nummer})
        except ValueError:
            teller = noemer = None
            fouten.append(_("Regel %(n)d: teller en noemer moeten hele getallen van 0 of meer zijn.") % {"n": nummer})
        if not bron:
            fouten.append(_("Regel %(n)d: vul de bron in (bijvoorbeeld ‘Bewonerspanel 2026’).") % {"n": nummer})
        sleutel = (code, wijkcode.upper(), van, tot)
        if sleutel in gezien:
            fouten.append(_("Regel %(n)d: deze indicator, wijk en periode staan al eerder in het bestand.")
                          % {"n": nummer})
        gezien.add(sleutel)
        if len(fouten) == fout_voor:
            regels.append({"indicator": indicator, "wijk": wijk, "van": van, "tot": tot, "teller": teller,
                           "noemer": noemer, "bron": bron[:200]})
    if not regels and not fouten:
        fouten.append(_("Het bestand bevat geen regels met cijfers."))
    return regels, fouten


@transaction.atomic
def importeer(*, gemeente_id, inhoud, door):
    """Store all lines or none; an earlier figure for the same indicator, wijk and period is replaced."""
    _controleer_gebruiker(door, gemeente_id)
    regels, fouten = lees(inhoud, gemeente_id=gemeente_id)
    if fouten:
        raise ValidationError(fouten)
    for r in regels:
        ImportWaarde.objects.update_or_create(
            indicator=r["indicator"], wijk=r["wijk"], van=r["van"], tot=r["tot"],
            defaults={"gemeente_id": gemeente_id, "teller": r["teller"], "noemer": r["noemer"], "bron": r["bron"],
                      "geimporteerd_door": door},
        )
    log.log(door, "create", None, detail={"import": len(regels), "indicatoren": sorted({r["indicator"].code
                                                                                        for r in regels})},
            gemeente_id=gemeente_id)
    return len(regels)
