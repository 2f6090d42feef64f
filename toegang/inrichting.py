"""Toegang's parts of the inrichting of a gemeente (see ``wijkteams.inrichting``), registered from ``apps.py``:

- ``postcodes.csv``: the CBS table "buurt, wijk en gemeente voor postcode-huisnummer" as CBS publishes it
  (``PC6;Huisnummer;Buurt2023;Wijk2023;Gemeente2023``, codes without the BU/WK/GM prefix; any year in the heading).
  Lines of other gemeenten are skipped (cut the national file down to your gemeente first: 2 MB at most). Each
  PC6 goes to the wijk where most of its addresses lie. An unknown wijk, a wrong postcode or a postcode that is
  already another gemeente's is reported with its line number, and nothing is stored.
- ``mandaten.csv``: the maatwerk catalogue and the mandate register. The standard catalogue (products with tariffs,
  providers; ``richt_catalogus_in``) and the known registers (``richt_mandaten_in``) are set up first, then every
  line of the file (``wet;categorie;teamtype;beslisser;discipline;externe_instantie``) is added or updated.
- ``opschalingsdoelen.csv``: the escalation targets with their criteria.

The readiness check adds: a law without a mandate, a wijk without postcodes, an empty catalogue, no escalation
target.
"""

import re
from collections import Counter, defaultdict
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from common.csv_import import _tekst, lees_csv
from toegang.maatwerk.catalogus import richt_catalogus_in, richt_mandaten_in
from toegang.models import (
    Aanbieder,
    Mandaat,
    OpschalingDoel,
    PostcodeWijk,
    Product,
    ProductCategorie,
    ToegangGroep,
    Wet,
)
from wijkteams.inrichting.lezen import Regel, bewaar
from wijkteams.inrichting.registry import CONTROLES, Onderdeel, Punt, Telling, registreer
from wijkteams.models import Discipline, TeamType, Wijk

VOORBEELD = Path(__file__).resolve().parent.parent / "wijkteams" / "inrichting" / "voorbeeld"
LEEG = _l("Het bestand bevat geen regels.")


# --- postcodes (CBS layout) -------------------------------------------------------------------------------------

def _cbs_kolommen(inhoud):
    """The actual column names of the CBS heading (the year changes every edition)."""
    tekst = _tekst(inhoud)
    kop = [k.strip().lower() for k in re.split(r"[;,]", tekst.split("\n", 1)[0])]
    gevonden = {"pc6": "pc6", "huisnummer": "huisnummer"}
    for soort in ("buurt", "wijk", "gemeente"):
        gevonden[soort] = next((k for k in kop if re.fullmatch(rf"{soort}\d{{4}}", k)), f"{soort}2023")
    return tekst, gevonden


def _postcoderegel(namen):
    class PostcodeRegel(Regel):
        KOLOMMEN = (namen["pc6"], namen["huisnummer"], namen["buurt"], namen["wijk"], namen["gemeente"])
        VERPLICHT = (namen["pc6"], namen["wijk"], namen["gemeente"])

        def __init__(self, *args, wijken, **kwargs):
            super().__init__(*args, **kwargs)
            self.wijken = wijken

        def clean(self):
            d = super().clean()
            if self.errors:
                return d
            if d[namen["gemeente"]].removeprefix("GM").zfill(4) != self.gemeente.cbs_code:
                return {"overslaan": True}
            pc6 = d[namen["pc6"]].replace(" ", "").upper()
            if not re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", pc6):
                self.add_error(namen["pc6"], _("‘%(p)s’ is geen postcode van 4 cijfers en 2 letters.") % {"p": pc6})
            code = d[namen["wijk"]].upper()
            code = code if code.startswith("WK") else f"WK{code}"
            wijk = self.wijken.get(code)
            if wijk is None:
                self.add_error(namen["wijk"], _("wijk %(w)s is geen wijk van deze gemeente; zet hem eerst in het "
                                                "bestand met gebieden en wijken.") % {"w": code})
            return {"overslaan": False, "pc6": pc6, "wijk": wijk}

    return PostcodeRegel


def importeer_postcodes(*, gemeente, inhoud, door):
    tekst, namen = _cbs_kolommen(inhoud)
    regel = _postcoderegel(namen)
    wijken = {w.cbs_code: w for w in Wijk.objects.filter(gemeente=gemeente)}
    regels = [r for r in lees_csv(tekst, regel, kolommen=list(regel.KOLOMMEN), verplicht=list(regel.VERPLICHT),
                                  form_kwargs={"gemeente": gemeente, "wijken": wijken}, leeg=LEEG)
              if not r["overslaan"]]
    if not regels:
        raise ValidationError(_("Het bestand bevat geen adressen van gemeente %(g)s.") % {"g": gemeente.cbs_code})
    per_pc6 = defaultdict(Counter)
    for r in regels:
        per_pc6[r["pc6"]][r["wijk"].cbs_code] += 1
    keuze = {pc6: wijken[max(tellers.items(), key=lambda kv: (kv[1], kv[0]))[0]] for pc6, tellers in per_pc6.items()}
    elders = sorted(PostcodeWijk.objects.filter(postcode__in=list(keuze)).exclude(gemeente=gemeente)
                    .values_list("postcode", flat=True))
    if elders:
        raise ValidationError(_("Deze postcodes horen al bij een andere gemeente: %(p)s.") % {"p": ", ".join(elders)})
    telling = Telling()
    for pc6, wijk in sorted(keuze.items()):
        telling += bewaar(PostcodeWijk, {"postcode": pc6}, {"gemeente": gemeente, "wijk": wijk})[1]
    return telling


# --- the maatwerk catalogue and the mandate register ------------------------------------------------------------

class MandaatRegel(Regel):
    KOLOMMEN = ("wet", "categorie", "teamtype", "beslisser", "discipline", "externe_instantie")
    VERPLICHT = ("wet", "beslisser")

    def clean(self):
        d = super().clean()
        if self.errors:
            return d
        uit = {"wet": d["wet"].lower(), "categorie": None, "teamtype": None, "discipline": None,
               "beslisser": d["beslisser"].lower(), "externe_instantie": d.get("externe_instantie") or ""}
        if uit["wet"] not in Wet.values:
            self.add_error("wet", _("kies uit: %(k)s.") % {"k": ", ".join(Wet.values)})
            return d
        if d.get("categorie"):
            uit["categorie"] = ProductCategorie.objects.filter(wet=uit["wet"], code=d["categorie"].zfill(2)).first()
            if uit["categorie"] is None:
                self.add_error("categorie", _("categorie %(c)s bestaat niet bij deze wet.") % {"c": d["categorie"]})
        if d.get("teamtype"):
            uit["teamtype"] = TeamType.objects.filter(gemeente=self.gemeente, code=d["teamtype"].lower()).first()
            if uit["teamtype"] is None:
                self.add_error("teamtype", _("teamtype ‘%(t)s’ bestaat niet.") % {"t": d["teamtype"]})
        if uit["beslisser"] not in Mandaat.Beslisser.values:
            self.add_error("beslisser", _("kies uit: %(k)s.") % {"k": ", ".join(Mandaat.Beslisser.values)})
        elif uit["beslisser"] == Mandaat.Beslisser.DISCIPLINE:
            uit["discipline"] = Discipline.objects.filter(gemeente=self.gemeente,
                                                          code=(d.get("discipline") or "").lower()).first()
            if uit["discipline"] is None:
                self.add_error("discipline", _("vul een bestaande discipline in als de discipline beslist."))
        elif uit["beslisser"] == Mandaat.Beslisser.EXTERN and not uit["externe_instantie"]:
            self.add_error("externe_instantie", _("vul de externe instantie in die beslist."))
        return uit


def importeer_mandaten(*, gemeente, inhoud, door):
    regels = lees_csv(inhoud, MandaatRegel, kolommen=list(MandaatRegel.KOLOMMEN),
                      verplicht=list(MandaatRegel.VERPLICHT), form_kwargs={"gemeente": gemeente}, leeg=LEEG,
                      sleutel=lambda r: (r["wet"], getattr(r["categorie"], "pk", None),
                                         getattr(r["teamtype"], "pk", None)),
                      dubbel=_("deze wet, categorie en teamtype staan al eerder in het bestand."))

    def tel():
        return (Product.objects.filter(gemeente=gemeente).count() + Aanbieder.objects.filter(gemeente=gemeente).count()
                + Mandaat.objects.filter(gemeente=gemeente).count())

    voor = tel()
    richt_catalogus_in(gemeente)
    richt_mandaten_in(gemeente)
    telling = Telling(nieuw=tel() - voor)
    for r in regels:
        sleutel = {"gemeente": gemeente, "wet": r["wet"], "categorie": r["categorie"], "teamtype": r["teamtype"]}
        telling += bewaar(Mandaat, sleutel, {"beslisser": r["beslisser"], "discipline": r["discipline"],
                                             "externe_instantie": r["externe_instantie"]})[1]
    return telling


# --- escalation targets -----------------------------------------------------------------------------------------

class DoelRegel(Regel):
    KOLOMMEN = ("code", "naam", "soort", "minimum_leeftijd", "maximum_leeftijd", "problematiek", "toegang_groep")
    VERPLICHT = ("code", "naam", "soort")

    def clean(self):
        d = super().clean()
        if self.errors:
            return d
        uit = {"code": d["code"].lower(), "naam": d["naam"], "soort": d["soort"].lower(),
               "problematiek": d.get("problematiek") or "", "toegang_groep": (d.get("toegang_groep") or "").lower()}
        if uit["soort"] not in OpschalingDoel.Soort.values:
            self.add_error("soort", _("kies uit: %(k)s.") % {"k": ", ".join(OpschalingDoel.Soort.values)})
        if uit["toegang_groep"] not in ("", *ToegangGroep.values):
            self.add_error("toegang_groep", _("laat leeg of kies: %(k)s.") % {"k": ", ".join(ToegangGroep.values)})
        for kolom in ("minimum_leeftijd", "maximum_leeftijd"):
            tekst = d.get(kolom) or ""
            try:
                uit[kolom] = int(tekst) if tekst else None
                if uit[kolom] is not None and not 0 <= uit[kolom] <= 120:
                    raise ValueError
            except ValueError:
                self.add_error(kolom, _("vul een leeftijd in (0 tot 120) of laat leeg."))
        if (uit.get("minimum_leeftijd") is not None and uit.get("maximum_leeftijd") is not None
                and uit["maximum_leeftijd"] < uit["minimum_leeftijd"]):
            self.add_error("maximum_leeftijd", _("de leeftijd tot en met ligt vóór de leeftijd vanaf."))
        return uit


def importeer_opschalingsdoelen(*, gemeente, inhoud, door):
    telling = Telling()
    for r in lees_csv(inhoud, DoelRegel, kolommen=list(DoelRegel.KOLOMMEN), verplicht=list(DoelRegel.VERPLICHT),
                      form_kwargs={"gemeente": gemeente}, leeg=LEEG, sleutel=lambda r: r["code"],
                      dubbel=_("deze code staat al eerder in het bestand.")):
        code = r.pop("code")
        telling += bewaar(OpschalingDoel, {"gemeente": gemeente, "code": code}, {**r, "actief": True})[1]
    return telling


# --- readiness --------------------------------------------------------------------------------------------------

def controleer_toegang(gemeente):
    wetten = set(Mandaat.objects.filter(gemeente=gemeente).values_list("wet", flat=True))
    for wet in Wet:
        if wet.value not in wetten:
            yield Punt(_("Geen mandaat voor %(w)s.") % {"w": wet.label}, onderdeel="mandaten")
    if not Product.objects.filter(gemeente=gemeente, actief=True).exists():
        yield Punt(_("De maatwerkcatalogus (producten en tarieven) is leeg."), onderdeel="mandaten")
    if not Aanbieder.objects.filter(gemeente=gemeente, actief=True).exists():
        yield Punt(_("Er zijn geen gecontracteerde aanbieders."), onderdeel="mandaten")
    met_postcodes = set(PostcodeWijk.objects.filter(gemeente=gemeente).values_list("wijk_id", flat=True))
    for wijk in Wijk.objects.filter(gemeente=gemeente).order_by("cbs_code"):
        if wijk.pk not in met_postcodes:
            yield Punt(_("Wijk %(w)s heeft geen postcodes.") % {"w": wijk.cbs_code}, onderdeel="postcodes")
    if not OpschalingDoel.objects.filter(gemeente=gemeente, actief=True).exists():
        yield Punt(_("Er zijn geen opschalingsdoelen (LZN, Veilig Thuis, …)."), onderdeel="opschalingsdoelen")


def registreer_onderdelen():
    for code, titel, kolommen, importeer, volgorde, toelichting in (
        ("postcodes", _l("Postcodes per wijk (CBS)"), "PC6;Huisnummer;Buurt2023;Wijk2023;Gemeente2023",
         importeer_postcodes, 90, _l("Het CBS-bestand ‘buurt, wijk en gemeente voor postcode-huisnummer’, "
                                     "ingekort tot uw gemeente. Elke postcode gaat naar de wijk met de meeste "
                                     "adressen.")),
        ("mandaten", _l("Maatwerkcatalogus en mandaatregister"),
         "wet;categorie;teamtype;beslisser;discipline;externe_instantie", importeer_mandaten, 100,
         _l("Eerst worden de standaardcatalogus (producten, tarieven, aanbieders) en het standaardregister "
            "ingericht; daarna geldt elke regel van het bestand. Beslisser: coordinator, discipline of extern.")),
        ("opschalingsdoelen", _l("Opschalingsdoelen"),
         "code;naam;soort;minimum_leeftijd;maximum_leeftijd;problematiek;toegang_groep",
         importeer_opschalingsdoelen, 110, _l("Soort: lzn, bestuurstafel, jeugd, veiligheid of zorgnetwerk.")),
    ):
        registreer(Onderdeel(code=code, titel=titel, bestand=f"{code}.csv", kolommen=kolommen, importeer=importeer,
                             volgorde=volgorde, voorbeeld=VOORBEELD / f"{code}.csv", toelichting=toelichting))
    if controleer_toegang not in CONTROLES:
        CONTROLES.append(controleer_toegang)
