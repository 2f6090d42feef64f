"""Maatwerk's part of the inrichting of a gemeente (``wijkteams.inrichting``): ``mandaten.csv``, the maatwerk
catalogue and the mandate register. The standard catalogue (products with tariffs, providers;
``richt_catalogus_in``) and the known registers (``richt_mandaten_in``) are set up first, then every line of the
file (``wet;categorie;teamtype;beslisser;discipline;externe_instantie``) is added or updated. The readiness check
adds: a law without a mandate, an empty catalogue, no contracted provider."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from common.csv_import import lees_csv
from toegang.maatwerk.catalogus import richt_catalogus_in, richt_mandaten_in
from toegang.models import Aanbieder, Mandaat, Product, ProductCategorie, Wet
from wijkteams.inrichting.lezen import Regel, bewaar
from wijkteams.inrichting.onderdelen import VOORBEELD
from wijkteams.inrichting.registry import Onderdeel, Punt, Telling, registreer
from wijkteams.models import Discipline, TeamType

LEEG = _l("Het bestand bevat geen regels.")


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


def controleer(gemeente):
    wetten = set(Mandaat.objects.filter(gemeente=gemeente).values_list("wet", flat=True))
    for wet in Wet:
        if wet.value not in wetten:
            yield Punt(_("Geen mandaat voor %(w)s.") % {"w": wet.label}, onderdeel="mandaten")
    if not Product.objects.filter(gemeente=gemeente, actief=True).exists():
        yield Punt(_("De maatwerkcatalogus (producten en tarieven) is leeg."), onderdeel="mandaten")
    if not Aanbieder.objects.filter(gemeente=gemeente, actief=True).exists():
        yield Punt(_("Er zijn geen gecontracteerde aanbieders."), onderdeel="mandaten")



def registreer_onderdeel():
    """Called from ``toegang.inrichting.registreer_onderdelen`` (apps.py)."""
    registreer(Onderdeel(
        code="mandaten", titel=_l("Maatwerkcatalogus en mandaatregister"), bestand="mandaten.csv",
        kolommen="wet;categorie;teamtype;beslisser;discipline;externe_instantie",
        importeer=importeer_mandaten, volgorde=100, voorbeeld=VOORBEELD / "mandaten.csv",
        toelichting=_l("Eerst worden de standaardcatalogus (producten, tarieven, aanbieders) en het "
                        "standaardregister ingericht; daarna geldt elke regel van het bestand. Beslisser: "
                        "coordinator, discipline of extern.")))
