"""Opschaling's part of the inrichting of a gemeente (``wijkteams.inrichting``): ``opschalingsdoelen.csv``, the
escalation targets with their criteria. The readiness check adds: no escalation target."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from common.csv_import import lees_csv
from toegang.models import OpschalingDoel, ToegangGroep
from wijkteams.inrichting.lezen import Regel, bewaar
from wijkteams.inrichting.onderdelen import VOORBEELD
from wijkteams.inrichting.registry import Onderdeel, Punt, Telling, registreer

LEEG = _l("Het bestand bevat geen regels.")


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


def controleer(gemeente):
    if not OpschalingDoel.objects.filter(gemeente=gemeente, actief=True).exists():
        yield Punt(_("Er zijn geen opschalingsdoelen (LZN, Veilig Thuis, …)."), onderdeel="opschalingsdoelen")



def registreer_onderdeel():
    """Called from ``toegang.inrichting.registreer_onderdelen`` (apps.py)."""
    registreer(Onderdeel(
        code="opschalingsdoelen", titel=_l("Opschalingsdoelen"), bestand="opschalingsdoelen.csv",
        kolommen="code;naam;soort;minimum_leeftijd;maximum_leeftijd;problematiek;toegang_groep",
        importeer=importeer_opschalingsdoelen, volgorde=110, voorbeeld=VOORBEELD / "opschalingsdoelen.csv",
        toelichting=_l("Soort: lzn, bestuurstafel, jeugd, veiligheid of zorgnetwerk.")))
