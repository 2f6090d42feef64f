"""Melding's part of the inrichting of a gemeente (``wijkteams.inrichting``): ``postcodes.csv``, the CBS table
"buurt, wijk en gemeente voor postcode-huisnummer" as CBS publishes it (``PC6;Huisnummer;Buurt2023;Wijk2023;
Gemeente2023``, codes without the BU/WK/GM prefix; any year in the heading). Lines of other gemeenten are skipped
(cut the national file down to your gemeente first: 2 MB at most). Each PC6 goes to the wijk where most of its
addresses lie. An unknown wijk, a wrong postcode or a postcode that is already another gemeente's is reported with
its line number, and nothing is stored. The readiness check adds: a wijk without postcodes."""

import re
from collections import Counter, defaultdict

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from common.csv_import import lees_csv, lees_tekst
from common.postcode import PC6, normaliseer_postcode
from toegang.models import PostcodeWijk
from wijkteams.inrichting.lezen import Regel, bewaar
from wijkteams.inrichting.onderdelen import VOORBEELD
from wijkteams.inrichting.registry import Onderdeel, Punt, Telling, registreer
from wijkteams.models import Wijk

LEEG = _l("Het bestand bevat geen regels.")


def _cbs_kolommen(inhoud):
    """The actual column names of the CBS heading (the year changes every edition)."""
    tekst = lees_tekst(inhoud)
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
            pc6 = normaliseer_postcode(d[namen["pc6"]], compact=True)
            if PC6.match(pc6) is None:
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


def controleer(gemeente):
    met_postcodes = set(PostcodeWijk.objects.filter(gemeente=gemeente).values_list("wijk_id", flat=True))
    for wijk in Wijk.objects.filter(gemeente=gemeente).order_by("cbs_code"):
        if wijk.pk not in met_postcodes:
            yield Punt(_("Wijk %(w)s heeft geen postcodes.") % {"w": wijk.cbs_code}, onderdeel="postcodes")



def registreer_onderdeel():
    """Called from ``toegang.inrichting.registreer_onderdelen`` (apps.py)."""
    registreer(Onderdeel(
        code="postcodes", titel=_l("Postcodes per wijk (CBS)"), bestand="postcodes.csv",
        kolommen="PC6;Huisnummer;Buurt2023;Wijk2023;Gemeente2023",
        importeer=importeer_postcodes, volgorde=90, voorbeeld=VOORBEELD / "postcodes.csv",
        toelichting=_l("Het CBS-bestand ‘buurt, wijk en gemeente voor postcode-huisnummer’, ingekort tot uw "
                        "gemeente. Elke postcode gaat naar de wijk met de meeste adressen.")))
