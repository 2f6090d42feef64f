"""Import of figures per wijk per period (research, resident panels, client surveys) from a CSV file.
All lines are checked first; nothing is stored unless every line is valid."""

from datetime import date, datetime

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _

from audit import log
from common.csv_import import lees_csv
from monitoring.models import ImportWaarde, Indicator
from monitoring.services import _controleer_gebruiker
from wijkteams.models import Wijk

KOLOMMEN = ["indicator", "wijk", "van", "tot", "teller", "noemer", "bron"]


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


class RegelForm(forms.Form):
    """One line of the file; every problem is a Dutch message for the whole line."""

    indicator = forms.CharField(required=False)
    wijk = forms.CharField(required=False)
    van = forms.CharField(required=False)
    tot = forms.CharField(required=False)
    teller = forms.CharField(required=False)
    noemer = forms.CharField(required=False)
    bron = forms.CharField(required=False)

    def __init__(self, *args, indicatoren, wijken, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicatoren, self.wijken = indicatoren, wijken

    def clean(self):
        d = self.cleaned_data
        indicator = self.indicatoren.get(d["indicator"])
        if indicator is None:
            self.add_error(None, _("‘%(c)s’ is geen indicator die per wijk wordt geïmporteerd.")
                           % {"c": d["indicator"]})
        wijk = self.wijken.get(d["wijk"].upper())
        if wijk is None:
            self.add_error(None, _("wijk ‘%(w)s’ is geen wijk van uw gemeente.") % {"w": d["wijk"]})
        try:
            van, tot = _datum(d["van"]), _datum(d["tot"])
            if tot < van:
                self.add_error(None, _("de einddatum ligt vóór de begindatum."))
            elif van < date(2000, 1, 1):
                self.add_error(None, _("de periode ligt te ver terug."))
        except ValueError:
            van = tot = None
            self.add_error(None, _("schrijf de datums als dd-mm-jjjj."))
        try:
            teller, noemer = _geheel(d["teller"]), _geheel(d["noemer"])
            if noemer == 0 or teller > noemer:
                self.add_error(None, _("de teller moet tussen 0 en de noemer liggen, en de noemer boven 0."))
        except ValueError:
            teller = noemer = None
            self.add_error(None, _("teller en noemer moeten hele getallen van 0 of meer zijn."))
        if not d["bron"]:
            self.add_error(None, _("vul de bron in (bijvoorbeeld ‘Bewonerspanel 2026’)."))
        return {"indicator": indicator, "wijk": wijk, "van": van, "tot": tot, "teller": teller, "noemer": noemer,
                "bron": d["bron"][:200]}


def lees(inhoud, *, gemeente_id):
    """Parse and validate every line (``common.csv_import``); the lines, or ValidationError naming each error."""
    te_importeren = Indicator.objects.filter(bron__in=[Indicator.Bron.IMPORT, Indicator.Bron.ENQUETE])
    return lees_csv(
        inhoud, RegelForm, kolommen=KOLOMMEN,
        form_kwargs={"indicatoren": {i.code: i for i in te_importeren},
                     "wijken": {w.cbs_code: w for w in Wijk.objects.filter(gemeente_id=gemeente_id)}},
        sleutel=lambda r: (r["indicator"].pk, r["wijk"].pk, r["van"], r["tot"]),
        dubbel=_("deze indicator, wijk en periode staan al eerder in het bestand."),
        leeg=_("Het bestand bevat geen regels met cijfers."),
    )


@transaction.atomic
def importeer(*, gemeente_id, inhoud, door):
    """Store all lines or none; an earlier figure for the same indicator, wijk and period is replaced."""
    _controleer_gebruiker(door, gemeente_id)
    regels = lees(inhoud, gemeente_id=gemeente_id)
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
