"""The parts of the inrichting that belong to the organisation (wijkteams): one CSV file each.

Every ``importeer_*`` reads its whole file with ``common.csv_import.lees_csv`` (errors per line number, nothing
stored on any error) and then writes; the caller (``services``) holds the transaction, checks the user and audits.
Rows are found by their natural key (code, name, CBS code), so importing the same file twice changes nothing.
"""

from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from common.csv_import import lees_csv
from wijkteams import services as organisatie
from wijkteams.inrichting.lezen import Regel, bewaar, ja_nee
from wijkteams.inrichting.registry import Onderdeel, Punt, Telling, registreer
from wijkteams.models import (
    Discipline,
    Gebied,
    Kanaal,
    Organisatie,
    SignaalgeverType,
    Team,
    TeamType,
    Wijk,
    WijkInwoners,
)
from wijkteams.validators import valideer_wijkcode

VOORBEELD = Path(__file__).with_name("voorbeeld")
LEEG = _("Het bestand bevat geen regels.")


def _lees(inhoud, regel, gemeente, sleutel=None, dubbel=None):
    return lees_csv(inhoud, regel, kolommen=list(regel.KOLOMMEN), verplicht=list(regel.VERPLICHT),
                    form_kwargs={"gemeente": gemeente}, sleutel=sleutel,
                    dubbel=dubbel or _("deze code staat al eerder in het bestand."), leeg=LEEG)


# --- the gemeente's own settings --------------------------------------------------------------------------------

class InstellingenRegel(Regel):
    KOLOMMEN = VERPLICHT = ("gemeentecode", "naam", "nazorg_dagen", "deelt_monitorcijfers")

    def clean(self):
        d = super().clean()
        if self.errors:
            return d
        if d["gemeentecode"].zfill(4) != self.gemeente.cbs_code:
            self.add_error("gemeentecode", _("%(c)s is niet de code van deze gemeente (%(g)s).")
                           % {"c": d["gemeentecode"], "g": self.gemeente.cbs_code})
        try:
            dagen = int(d["nazorg_dagen"])
            if not 0 <= dagen <= 730:
                raise ValueError
            d["nazorg_dagen"] = dagen
        except ValueError:
            self.add_error("nazorg_dagen", _("vul een aantal dagen in tussen 0 en 730."))
        try:
            d["deelt_monitorcijfers"] = ja_nee(d["deelt_monitorcijfers"], "deelt_monitorcijfers")
        except ValidationError as fout:
            self.add_error(None, fout)
        return d


def importeer_instellingen(*, gemeente, inhoud, door):
    regels = _lees(inhoud, InstellingenRegel, gemeente)
    if len(regels) != 1:
        raise ValidationError(_("Het bestand met de instellingen heeft precies één regel: de eigen gemeente."))
    r = regels[0]
    waarden = {"naam": r["naam"], "nazorg_dagen": r["nazorg_dagen"], "deelt_monitorcijfers": r["deelt_monitorcijfers"]}
    anders = {k: v for k, v in waarden.items() if getattr(gemeente, k) != v}
    if not anders:
        return Telling(gelijk=1)
    for k, v in anders.items():
        setattr(gemeente, k, v)
    gemeente.save(update_fields=list(anders))
    return Telling(gewijzigd=1)


# --- gebieden and wijken ----------------------------------------------------------------------------------------

class WijkRegel(Regel):
    KOLOMMEN = ("gebied", "wijkcode", "wijknaam")
    VERPLICHT = ("wijkcode", "wijknaam")

    def clean(self):
        d = super().clean()
        if self.errors:
            return d
        d["wijkcode"] = d["wijkcode"].upper()
        try:
            valideer_wijkcode(d["wijkcode"], self.gemeente.cbs_code)
        except ValidationError as fout:
            self.add_error("wijkcode", fout)
            return d
        elders = Wijk.objects.filter(cbs_code=d["wijkcode"]).exclude(gemeente=self.gemeente).exists()
        if elders:
            self.add_error("wijkcode", _("deze wijk hoort al bij een andere gemeente."))
        return d


def importeer_wijken(*, gemeente, inhoud, door):
    regels = _lees(inhoud, WijkRegel, gemeente, sleutel=lambda r: r["wijkcode"],
                   dubbel=_("deze wijkcode staat al eerder in het bestand."))
    telling = Telling()
    vandaag = timezone.localdate()
    for r in regels:
        gebied = None
        if r.get("gebied"):
            gebied, t = bewaar(Gebied, {"gemeente": gemeente, "naam": r["gebied"]}, {})
            telling += Telling(nieuw=t.nieuw)  # a gebied on several lines is counted once
        wijk, t = bewaar(Wijk, {"cbs_code": r["wijkcode"]}, {"gemeente": gemeente, "naam": r["wijknaam"]})
        telling += t
        if gebied is not None and wijk.gebied_id != gebied.pk:
            per = date(vandaag.year, 1, 1) if wijk.gebied_id is None else vandaag
            organisatie.deel_wijk_in(wijk=wijk, gebied=gebied, per=per, door=door)
            if not t.nieuw:
                telling += Telling(gewijzigd=1)
    return telling


# --- catalogues (code;naam + extra columns) ---------------------------------------------------------------------

def _catalogus(model, extra=(), omzetten=None):
    class CatalogusRegel(Regel):
        KOLOMMEN = ("code", "naam", *extra)
        VERPLICHT = ("code", "naam")

        def clean(self):
            d = super().clean()
            if self.errors:
                return d
            d["code"] = d["code"].lower()
            if not d["code"].replace("-", "").replace("_", "").isalnum() or len(d["code"]) > 40:
                self.add_error("code", _("een code bestaat uit kleine letters, cijfers en streepjes (ten hoogste 40)."))
            try:
                d["waarden"] = {"naam": d["naam"], **(omzetten(d) if omzetten else {})}
            except ValidationError as fout:
                self.add_error(None, fout)
            return d

    def importeer(*, gemeente, inhoud, door):
        telling = Telling()
        for r in _lees(inhoud, CatalogusRegel, gemeente, sleutel=lambda r: r["code"]):
            telling += bewaar(model, {"gemeente": gemeente, "code": r["code"]}, {**r["waarden"], "actief": True})[1]
        return telling

    return importeer


def _soort_organisatie(d):
    soort = (d.get("soort") or Organisatie.Soort.PARTNER).strip().lower()
    if soort not in Organisatie.Soort.values:
        raise ValidationError({"soort": _("kies uit: %(k)s.") % {"k": ", ".join(Organisatie.Soort.values)}})
    return {"soort": soort}


importeer_teamtypen = _catalogus(TeamType, ("voor_jeugd",),
                                 lambda d: {"voor_jeugd": ja_nee(d.get("voor_jeugd"), "voor_jeugd")})
importeer_organisaties = _catalogus(Organisatie, ("soort",), _soort_organisatie)
importeer_disciplines = _catalogus(Discipline)
importeer_signaalgevers = _catalogus(SignaalgeverType, ("partner",),
                                     lambda d: {"is_partner": ja_nee(d.get("partner"), "partner")})
importeer_kanalen = _catalogus(Kanaal)


# --- teams ------------------------------------------------------------------------------------------------------

class TeamRegel(Regel):
    KOLOMMEN = ("naam", "gebied", "teamtype")
    VERPLICHT = ("naam", "teamtype")

    def clean(self):
        d = super().clean()
        if self.errors:
            return d
        d["gebied_obj"] = None
        if d.get("gebied"):
            d["gebied_obj"] = Gebied.objects.filter(gemeente=self.gemeente, naam=d["gebied"]).first()
            if d["gebied_obj"] is None:
                self.add_error("gebied", _("gebied ‘%(g)s’ bestaat niet; zet het eerst in het bestand met gebieden "
                                           "en wijken.") % {"g": d["gebied"]})
        d["type"] = TeamType.objects.filter(gemeente=self.gemeente, code=d["teamtype"].lower()).first()
        if d["type"] is None:
            self.add_error("teamtype", _("teamtype ‘%(t)s’ bestaat niet; zet het eerst in het bestand met teamtypen.")
                           % {"t": d["teamtype"]})
        bestaand = Team.objects.filter(gemeente=self.gemeente, naam=d["naam"]).first()
        if bestaand is not None and not self.errors and (
                bestaand.gebied_id != getattr(d["gebied_obj"], "pk", None) or bestaand.type_id != d["type"].pk):
            self.add_error(None, _("team ‘%(n)s’ bestaat al met een ander gebied of teamtype; verplaats een team in "
                                   "het beheer, niet met een import.") % {"n": d["naam"]})
        return d


def importeer_teams(*, gemeente, inhoud, door):
    telling = Telling()
    for r in _lees(inhoud, TeamRegel, gemeente, sleutel=lambda r: r["naam"].lower(),
                   dubbel=_("deze teamnaam staat al eerder in het bestand.")):
        if Team.objects.filter(gemeente=gemeente, naam=r["naam"]).exists():
            telling += Telling(gelijk=1)
        else:
            organisatie.maak_team(gemeente=gemeente, gebied=r["gebied_obj"], type=r["type"], naam=r["naam"], door=door)
            telling += Telling(nieuw=1)
    return telling


# --- readiness of the organisation ------------------------------------------------------------------------------

def controleer_organisatie(gemeente):
    wijken = list(Wijk.objects.filter(gemeente=gemeente).select_related("gebied").order_by("cbs_code"))
    gebieden = list(Gebied.objects.filter(gemeente=gemeente).prefetch_related("teams__type"))
    if not wijken:
        yield Punt(_("De gemeente heeft nog geen wijken."), onderdeel="wijken")
    if gebieden:
        for wijk in wijken:
            if wijk.gebied_id is None:
                yield Punt(_("Wijk %(w)s hoort bij geen gebied.") % {"w": wijk.cbs_code}, onderdeel="wijken")
    typen = list(TeamType.objects.filter(gemeente=gemeente, actief=True))
    if not typen:
        yield Punt(_("Er zijn nog geen teamtypen."), onderdeel="teamtypen")
    if not any(t.voor_jeugd for t in typen):
        yield Punt(_("Er is geen teamtype voor huishoudens met kinderen (voor jeugd)."), blokkerend=False,
                   onderdeel="teamtypen")
    teams = Team.objects.filter(gemeente=gemeente)
    if not teams.exists():
        yield Punt(_("Er zijn nog geen teams."), onderdeel="teams")
    for gebied in gebieden:
        if not gebied.teams.all():
            yield Punt(_("Gebied %(g)s heeft geen team: meldingen uit dat gebied komen nergens aan.")
                       % {"g": gebied.naam}, onderdeel="teams")
    if not Discipline.objects.filter(gemeente=gemeente, actief=True).exists():
        yield Punt(_("Er zijn nog geen disciplines."), onderdeel="disciplines")
    if not Organisatie.objects.filter(gemeente=gemeente, actief=True).exists():
        yield Punt(_("Er zijn nog geen partnerorganisaties."), onderdeel="organisaties")
    if not SignaalgeverType.objects.filter(gemeente=gemeente, actief=True).exists():
        yield Punt(_("Er zijn nog geen soorten signaalgevers: een melding kan niet worden vastgelegd."),
                   onderdeel="signaalgevers")
    if not Kanaal.objects.filter(gemeente=gemeente, actief=True).exists():
        yield Punt(_("Er zijn nog geen kanalen (telefoon, inloop, …)."), onderdeel="kanalen")
    met_inwoners = set(WijkInwoners.objects.filter(wijk__gemeente=gemeente).values_list("wijk_id", flat=True))
    zonder = [w.cbs_code for w in wijken if w.pk not in met_inwoners]
    if zonder:
        yield Punt(_("Geen inwonertallen (CBS Kerncijfers wijken en buurten) voor %(w)s: de cijfers per 1.000 "
                     "inwoners blijven daar leeg.") % {"w": ", ".join(zonder)}, blokkerend=False)


def _o(code, titel, kolommen, importeer, volgorde, verplicht=True, toelichting=""):
    return Onderdeel(code=code, titel=titel, bestand=f"{code}.csv", kolommen=kolommen, importeer=importeer,
                     volgorde=volgorde, voorbeeld=VOORBEELD / f"{code}.csv", verplicht=verplicht,
                     toelichting=toelichting)


def registreer_onderdelen():
    from django.utils.translation import gettext_lazy as _l

    from wijkteams.inrichting.registry import CONTROLES

    for o in (
        _o("instellingen", _l("Instellingen van de gemeente"), "gemeentecode;naam;nazorg_dagen;deelt_monitorcijfers",
           importeer_instellingen, 10, toelichting=_l("Eén regel: de naam, de nazorgtermijn in dagen en of de "
                                                      "gemeente haar monitorcijfers deelt (ja/nee).")),
        _o("wijken", _l("Gebieden en wijken"), "gebied;wijkcode;wijknaam", importeer_wijken, 20,
           toelichting=_l("Een regel per wijk met de CBS-wijkcode (WK + gemeentecode + 2 cijfers); het gebied mag "
                          "leeg blijven bij een gemeente zonder gebieden.")),
        _o("teamtypen", _l("Teamtypen"), "code;naam;voor_jeugd", importeer_teamtypen, 30),
        _o("organisaties", _l("Partnerorganisaties"), "code;naam;soort", importeer_organisaties, 40,
           toelichting=_l("Soort: partner, signaalgever of gemeente.")),
        _o("disciplines", _l("Disciplines"), "code;naam", importeer_disciplines, 50),
        _o("signaalgevers", _l("Soorten signaalgevers"), "code;naam;partner", importeer_signaalgevers, 60),
        _o("kanalen", _l("Kanalen"), "code;naam", importeer_kanalen, 70),
        _o("teams", _l("Teams"), "naam;gebied;teamtype", importeer_teams, 80),
    ):
        registreer(o)
    if controleer_organisatie not in CONTROLES:
        CONTROLES.append(controleer_organisatie)

