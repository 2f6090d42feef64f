"""Incoming WMO305 / WMO307 / JW305 / JW307 (start and stop of care) from a provider, read from XML.

``verwerk_zorgbericht`` is the service: it reads the file, checks it against the XSD and the code lists, finds
every toewijzing the message names (gemeente, provider, client and toewijzingnummer must all match) and only
then records start and stop, in one transaction with an audit row per toewijzing. A message of which one
product cannot be matched or is not valid is refused as a whole, with a clear Dutch message per problem, and
changes nothing.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from lxml import etree

from audit import log
from toegang.maatwerk import rechten
from toegang.maatwerk.berichten import codelijsten as cl
from toegang.maatwerk.berichten.opbouw import VEILIGE_PARSER, BerichtFout, basis_namespace, namespace, valideer
from toegang.models import Aanbieder, Toewijzing, Wet

MAX_BYTES = 2 * 1024 * 1024
BERICHTEN = {namespace(b): b for b in ("WMO305", "WMO307", "JW305", "JW307")}


@dataclass
class Product:
    nummer: str
    categorie: str
    code: str
    toewijzing_ingangsdatum: date | None
    begindatum: date
    status: str
    einddatum: date | None = None
    reden: str = ""


@dataclass
class Zorgbericht:
    bericht: str
    afzender: str
    ontvanger: str
    identificatie: str
    bsn: str
    producten: list = field(default_factory=list)

    @property
    def wet(self):
        return Wet.WMO if self.bericht.startswith("WMO") else Wet.JEUGDWET

    @property
    def is_start(self):
        return self.bericht.endswith("305")


def _datum(tekst):
    return date.fromisoformat(tekst) if tekst else None


def lees(inhoud):
    """Parse and validate one 305/307 file; a ``Zorgbericht``, or ``ValidationError`` with Dutch messages."""
    if not inhoud:
        raise ValidationError(_("Het bestand is leeg."))
    if len(inhoud) > MAX_BYTES:
        raise ValidationError(_("Het bestand is groter dan 2 MB; een 305- of 307-bericht is veel kleiner."))
    try:
        wortel = etree.fromstring(inhoud, VEILIGE_PARSER)
    except etree.XMLSyntaxError as fout:
        raise ValidationError(_("Het bestand is geen leesbare XML (%(fout)s).") % {"fout": fout.msg}) from None
    ns = etree.QName(wortel).namespace
    bericht = BERICHTEN.get(ns)
    if bericht is None or etree.QName(wortel).localname != "Bericht":
        raise ValidationError(_("Dit is geen WMO305-, WMO307-, JW305- of JW307-bericht van release 3.2."))
    try:
        valideer(wortel, bericht)
    except BerichtFout as fout:
        raise ValidationError([_("Het bericht voldoet niet aan het schema van %(bericht)s.") % {"bericht": bericht}]
                              + fout.fouten) from None
    b = basis_namespace(bericht)

    def tekst(el, pad):
        gevonden = el.find(pad, {"m": ns, "b": b})
        return gevonden.text.strip() if gevonden is not None and gevonden.text else ""

    kop = wortel.find("m:Header", {"m": ns})
    if tekst(kop, "m:BerichtCode") != cl.berichtcode(bericht):
        raise ValidationError(_("De BerichtCode past niet bij een %(bericht)s-bericht.") % {"bericht": bericht})
    client = wortel.find("m:Client", {"m": ns})
    zb = Zorgbericht(bericht=bericht, afzender=tekst(kop, "m:Afzender"), ontvanger=tekst(kop, "m:Ontvanger"),
                     identificatie=tekst(kop, "m:BerichtIdentificatie/b:Identificatie"), bsn=tekst(client, "m:Bsn"))
    soort = "Start" if zb.is_start else "Stop"
    for p in client.iterfind(f"m:{soort}Producten/m:{soort}Product", {"m": ns}):
        zb.producten.append(Product(
            nummer=tekst(p, "m:ToewijzingNummer"), categorie=tekst(p, "m:Product/b:Categorie"),
            code=tekst(p, "m:Product/b:Code"), toewijzing_ingangsdatum=_datum(tekst(p, "m:ToewijzingIngangsdatum")),
            begindatum=_datum(tekst(p, "m:Begindatum")), status=tekst(p, "m:StatusAanlevering"),
            einddatum=_datum(tekst(p, "m:Einddatum")), reden=tekst(p, "m:RedenBeeindiging")))
    return zb


def _d(datum):
    return f"{datum:%d-%m-%Y}"


def _controleer_start(t, p):
    """The Dutch error for one StartProduct against its toewijzing, or None."""
    if p.status in ("1", "2") and not (t.start <= p.begindatum <= t.eind):
        return _("Toewijzing %(nr)s: de begindatum %(datum)s ligt buiten de toewijzing (%(start)s t/m %(eind)s).") % {
            "nr": t.toewijzingnummer, "datum": _d(p.begindatum), "start": _d(t.start), "eind": _d(t.eind)}
    if p.status == "1" and t.zorg_gestart_op not in (None, p.begindatum):
        return _("Toewijzing %(nr)s: de start van de zorg is al vastgelegd op %(datum)s; stuur een gewijzigde "
                 "aanlevering (StatusAanlevering 2).") % {"nr": t.toewijzingnummer, "datum": _d(t.zorg_gestart_op)}
    if p.status == "2" and t.zorg_gestopt_op and p.begindatum > t.zorg_gestopt_op:
        return _("Toewijzing %(nr)s: de begindatum ligt na het einde van de zorg (%(datum)s).") % {
            "nr": t.toewijzingnummer, "datum": _d(t.zorg_gestopt_op)}
    if p.status == "3" and t.zorg_gestopt_op:
        return _("Toewijzing %(nr)s: de start kan niet worden verwijderd, want de zorg is al gestopt.") % {
            "nr": t.toewijzingnummer}
    return None


def _controleer_stop(t, p):
    if p.status in ("1", "2"):
        if p.reden not in cl.redenen_beeindiging():
            return _("Toewijzing %(nr)s: reden beëindiging %(code)s staat niet in de codelijst.") % {
                "nr": t.toewijzingnummer, "code": p.reden}
        if t.zorg_gestart_op is None:
            return _("Toewijzing %(nr)s: er is nog geen start van de zorg (305) ontvangen.") % {
                "nr": t.toewijzingnummer}
        if p.begindatum != t.zorg_gestart_op:
            return _("Toewijzing %(nr)s: de begindatum %(datum)s is niet de vastgelegde start van de zorg "
                     "(%(start)s).") % {"nr": t.toewijzingnummer, "datum": _d(p.begindatum),
                                        "start": _d(t.zorg_gestart_op)}
        if not (t.zorg_gestart_op <= p.einddatum <= t.eind):
            return _("Toewijzing %(nr)s: de einddatum %(datum)s ligt niet tussen de start van de zorg en het einde "
                     "van de toewijzing (%(eind)s).") % {"nr": t.toewijzingnummer, "datum": _d(p.einddatum),
                                                         "eind": _d(t.eind)}
        if p.status == "1" and t.zorg_gestopt_op not in (None, p.einddatum):
            return _("Toewijzing %(nr)s: het einde van de zorg is al vastgelegd op %(datum)s; stuur een gewijzigde "
                     "aanlevering (StatusAanlevering 2).") % {"nr": t.toewijzingnummer, "datum": _d(t.zorg_gestopt_op)}
    return None


@transaction.atomic
def verwerk_zorgbericht(*, inhoud, door):
    """Read a provider's 305/307 and record start or stop of care on the toewijzingen it names: all or nothing.

    Returns ``(zorgbericht, toewijzingen)``. ``PermissionDenied`` for a user who may not (``rechten``);
    ``ValidationError`` (a list of Dutch messages) for a file that is not valid or names a toewijzing that is
    not known for this gemeente, provider and client.
    """
    gemeente = rechten.berichtengemeente(door)
    if gemeente is None:
        raise PermissionDenied(_("Alleen een coördinator of functioneel beheerder leest berichten van aanbieders in."))
    zb = lees(inhoud)
    if zb.ontvanger != gemeente.cbs_code:
        raise ValidationError(_("Dit bericht is gericht aan gemeente %(code)s, niet aan %(gemeente)s.") % {
            "code": zb.ontvanger, "gemeente": gemeente.naam})
    if not Aanbieder.objects.filter(gemeente=gemeente, agb_code=zb.afzender).exists():
        raise ValidationError(_("Aanbieder met AGB-code %(agb)s is geen aanbieder van %(gemeente)s; het bericht is "
                                "niet verwerkt.") % {"agb": zb.afzender, "gemeente": gemeente.naam})
    nummers = [p.nummer for p in zb.producten]
    gevonden = {t.toewijzingnummer: t for t in (
        Toewijzing.objects.select_for_update(of=("self",)).select_related("categorie", "product")
        .filter(gemeente=gemeente, aanbieder__agb_code=zb.afzender, client__bsn=zb.bsn, categorie__wet=zb.wet,
                toewijzingnummer__in=[n for n in nummers if n]))}
    fouten, te_verwerken = [], []
    for p in zb.producten:
        t = gevonden.get(p.nummer)
        if not p.nummer:
            fouten.append(_("Een product zonder ToewijzingNummer kan niet aan een toewijzing worden gekoppeld."))
            continue
        if t is None:
            fouten.append(_("Toewijzing %(nr)s is niet bekend voor deze aanbieder en deze cliënt.") % {"nr": p.nummer})
            continue
        if p.categorie and (p.categorie, p.code or t.product.code) != (t.categorie.code, t.product.code):
            fouten.append(_("Toewijzing %(nr)s: het product %(cat)s %(code)s is niet het toegewezen product "
                            "(%(tcat)s %(tcode)s).") % {"nr": p.nummer, "cat": p.categorie, "code": p.code,
                                                        "tcat": t.categorie.code, "tcode": t.product.code})
            continue
        if p.toewijzing_ingangsdatum and p.toewijzing_ingangsdatum != t.start:
            fouten.append(_("Toewijzing %(nr)s: de ingangsdatum %(datum)s is niet die van de toewijzing "
                            "(%(start)s).") % {"nr": p.nummer, "datum": _d(p.toewijzing_ingangsdatum),
                                               "start": _d(t.start)})
            continue
        fout = _controleer_start(t, p) if zb.is_start else _controleer_stop(t, p)
        if fout:
            fouten.append(fout)
        else:
            te_verwerken.append((t, p))
    if fouten:
        raise ValidationError([_("Het bericht %(id)s is niet verwerkt; er is niets gewijzigd.") % {
            "id": zb.identificatie}] + fouten)
    for t, p in te_verwerken:
        _pas_toe(zb, t, p, door)
    return zb, [t for t, _p in te_verwerken]


def _pas_toe(zb, t, p, door):
    sleutel = f"{zb.bericht}_{'start' if zb.is_start else 'stop'}_zorg"
    if p.status == "9":
        return
    if zb.is_start:
        nieuw = None if p.status == "3" else p.begindatum
        if t.zorg_gestart_op == nieuw:
            return
        t.zorg_gestart_op = nieuw
        t.save(update_fields=["zorg_gestart_op"])
        waarde = nieuw.isoformat() if nieuw else None
    else:
        if p.status == "3":
            nieuw, reden = None, ""
        else:
            nieuw, reden = p.einddatum, p.reden
        if (t.zorg_gestopt_op, t.reden_beeindiging) == (nieuw, reden):
            return
        t.zorg_gestopt_op, t.reden_beeindiging = nieuw, reden
        t.reden_einde = cl.omschrijving("reden_beeindiging", reden) if reden else ""
        t.save(update_fields=["zorg_gestopt_op", "reden_beeindiging", "reden_einde"])
        waarde = nieuw.isoformat() if nieuw else None
    log.gewijzigd(door, t, detail={sleutel: waarde, "bericht": zb.identificatie, "aanbieder": zb.afzender,
                                   "status_aanlevering": p.status})
