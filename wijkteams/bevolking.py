"""Import of the inhabitants per wijk by age group and household type, from the CBS "Kerncijfers wijken en buurten"
as a municipality downloads it from CBS open data (StatLine CSV, separated by semicolons).

The file holds the gemeente (``GM…``), its wijken (``WK…``) and buurten (``BU…``) for one year; only the wijk lines
are read, the others are skipped. A wijk code that is not a wijk of the gemeente, a missing column or a figure that is
not a whole number is reported with its line number, and nothing is stored (``common.csv_import.lees_csv``). CBS
writes "." for a figure it leaves out; that becomes empty, except the number of inhabitants, which must be there.
Importing the same file again changes nothing.
"""

from pathlib import Path

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit import log
from common.csv_import import lees_csv
from wijkteams import rollen
from wijkteams.models import Wijk, WijkInwoners
from wijkteams.selectors import medewerker_van

VOORBEELD = Path(__file__).with_name("voorbeelddata") / "kerncijfers_wijken_buurten_ridderkerk_voorbeeld_2026.csv"

# CBS column (lower case, as lees_csv compares) → field of WijkInwoners
KOLOMMEN = {
    "aantalinwoners_5": "aantal",
    "k_0tot15jaar_8": "leeftijd_0_15",
    "k_15tot25jaar_9": "leeftijd_15_25",
    "k_25tot45jaar_10": "leeftijd_25_45",
    "k_45tot65jaar_11": "leeftijd_45_65",
    "k_65jaarofouder_12": "leeftijd_65_plus",
    "huishoudenstotaal_28": "huishoudens",
    "eenpersoonshuishoudens_29": "eenpersoons",
    "huishoudenszonderkinderen_30": "zonder_kinderen",
    "huishoudensmetkinderen_31": "met_kinderen",
}
CODE = "codering_3"
ALLE_KOLOMMEN = ["wijkenenbuurten", CODE, *KOLOMMEN]
VERPLICHT = [CODE, *KOLOMMEN]
LEEFTIJDEN = ["leeftijd_0_15", "leeftijd_15_25", "leeftijd_25_45", "leeftijd_45_65", "leeftijd_65_plus"]
ONBEKEND = {"", ".", "x"}


class KerncijfersRegel(forms.Form):
    """One line of the CBS file, checked as a whole; the messages name the CBS column."""

    def __init__(self, *args, wijken, gemeente_code, **kwargs):
        super().__init__(*args, **kwargs)
        self.wijken, self.gemeente_code = wijken, gemeente_code
        for kolom in ALLE_KOLOMMEN:
            self.fields[kolom] = forms.CharField(required=False, strip=True)

    def clean(self):
        d = self.cleaned_data
        code = (d.get(CODE) or d.get("wijkenenbuurten") or "").strip().upper()
        if code.startswith(("GM", "BU")) and code[2:6] == self.gemeente_code:
            return {"overslaan": True}
        wijk = self.wijken.get(code)
        if wijk is None:
            self.add_error(CODE, _("‘%(c)s’ is geen wijkcode van uw gemeente (verwacht: WK%(g)s…).")
                           % {"c": code, "g": self.gemeente_code})
        uit = {"overslaan": False, "wijk": wijk}
        for kolom, veld in KOLOMMEN.items():
            tekst = (d.get(kolom) or "").strip()
            if tekst.lower() in ONBEKEND:
                uit[veld] = None
                continue
            try:
                getal = int(tekst)
                if getal < 0:
                    raise ValueError
            except ValueError:
                self.add_error(kolom, _("‘%(t)s’ is geen heel getal van 0 of meer.") % {"t": tekst})
                continue
            uit[veld] = getal
        if "aantal" in uit and uit["aantal"] is None:
            self.add_error("aantalinwoners_5", _("het aantal inwoners ontbreekt."))
        elif uit.get("aantal") is not None:
            leeftijden = [uit.get(v) for v in LEEFTIJDEN]
            if all(x is not None for x in leeftijden) and sum(leeftijden) > uit["aantal"] * 1.02 + 10:
                self.add_error(None, _("de leeftijdsgroepen tellen op tot meer dan het aantal inwoners."))
        return uit


def lees(inhoud, *, gemeente):
    wijken = {w.cbs_code.upper(): w for w in Wijk.objects.filter(gemeente=gemeente) if w.cbs_code}
    regels = lees_csv(
        inhoud, KerncijfersRegel, kolommen=ALLE_KOLOMMEN, verplicht=VERPLICHT,
        form_kwargs={"wijken": wijken, "gemeente_code": gemeente.cbs_code},
        sleutel=lambda r: r["wijk"].pk if not r["overslaan"] else ("overslaan", id(r)),
        dubbel=_("deze wijk staat al eerder in het bestand."),
        leeg=_("Het bestand bevat geen regels."),
    )
    wijkregels = [r for r in regels if not r["overslaan"]]
    if not wijkregels:
        raise ValidationError(_("Het bestand bevat geen wijken van uw gemeente."), code="geen_wijken")
    return wijkregels


def mag_importeren(user, gemeente):
    mw = medewerker_van(user)
    return (mw is not None and mw.gemeente_id == gemeente.pk
            and rollen.heeft_rol(user, rollen.BELEIDSMEDEWERKER, rollen.FUNCTIONEEL_BEHEER))


@transaction.atomic
def importeer_kerncijfers(*, gemeente, jaar, inhoud, door, bron="CBS Kerncijfers wijken en buurten"):
    """Store the wijk lines of a CBS file for ``jaar``, all or nothing. Returns (new, changed, unchanged)."""
    if door is not None and not mag_importeren(door, gemeente):
        raise PermissionDenied(_("Alleen een beleidsmedewerker of functioneel beheerder van de gemeente importeert "
                                 "inwonertallen."))
    regels = lees(inhoud, gemeente=gemeente)
    nieuw = gewijzigd = gelijk = 0
    bestaand = {i.wijk_id: i for i in WijkInwoners.objects.select_for_update().filter(
        wijk__gemeente=gemeente, jaar=jaar)}
    for r in regels:
        waarden = {veld: r[veld] for veld in KOLOMMEN.values()}
        waarden["bron"] = f"{bron} {jaar}"[:200]
        rij = bestaand.get(r["wijk"].pk)
        if rij is None:
            WijkInwoners.objects.create(wijk=r["wijk"], jaar=jaar, **waarden)
            nieuw += 1
        elif any(getattr(rij, k) != v for k, v in waarden.items()):
            for k, v in waarden.items():
                setattr(rij, k, v)
            rij.save()
            gewijzigd += 1
        else:
            gelijk += 1
    if nieuw or gewijzigd:
        log.log(door, "create", None, detail={"import": "cbs_kerncijfers", "jaar": jaar, "nieuw": nieuw,
                                              "gewijzigd": gewijzigd}, gemeente_id=gemeente.pk)
    return nieuw, gewijzigd, gelijk
