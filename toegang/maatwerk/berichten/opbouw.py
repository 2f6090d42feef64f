"""The WMO301 / JW301 toewijzing message (iWmo / iJw release 3.2), built from the toewijzingen and validated.

One message holds one client (the release 3 rule) with every current toewijzing of that client at one provider
under one law; a provider's messages of one day form its batch (``berichten_van_dag``, ``zip_van_dag``). Every
message is validated against the XSD in ``xsd/`` before it leaves; the code values against ``codelijsten.json``.

A change or an end of a toewijzing (``services.wijzig_toewijzing``) sets a new Toewijzingsdatum/-tijd and a
RedenWijziging, so the provider gets the corrected 301 in the batch of the day of the change (OP033x1: the most
recent toewijzing on Toewijzingsdatum and -tijd decides).
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import cache
from pathlib import Path

from django.db.models import Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from common.postcode import normaliseer_postcode
from toegang.maatwerk.berichten import codelijsten as cl
from toegang.models import WETTEN_MET_BERICHTEN, Toewijzing, Wet

XSD_MAP = Path(__file__).with_name("xsd")

# wet → (standard, message prefix)
STANDAARD = {Wet.WMO: ("iwmo", "WMO"), Wet.JEUGDWET: ("ijw", "JW")}


class BerichtFout(Exception):
    """A message that does not meet its schema or the code lists; ``fouten`` lists what is wrong, in Dutch."""

    def __init__(self, fouten):
        self.fouten = list(fouten)
        super().__init__("; ".join(self.fouten))


def standaard_van(bericht):
    """``"WMO301"`` → ``"iwmo"``, ``"JW307"`` → ``"ijw"``."""
    return "iwmo" if bericht.startswith("WMO") else "ijw"


def namespace(bericht):
    return f"http://www.istandaarden.nl/{standaard_van(bericht)}/3_2/{bericht.lower()}/schema"


def basis_namespace(bericht):
    return f"http://www.istandaarden.nl/{standaard_van(bericht)}/3_2/basisschema/schema"


@cache
def schema(bericht):
    """The XMLSchema of one message (``"WMO301"``, ``"JW305"``, ...), parsed once per process."""
    pad = XSD_MAP / standaard_van(bericht) / f"{bericht}.xsd"
    return etree.XMLSchema(etree.parse(str(pad)))


def valideer(xml, bericht):
    """Validate ``xml`` (bytes or an element) against the XSD of ``bericht``; ``BerichtFout`` with every error."""
    document = etree.fromstring(xml, VEILIGE_PARSER) if isinstance(xml, bytes) else xml
    xsd = schema(bericht)
    if not xsd.validate(document):
        raise BerichtFout(
            _("Regel %(regel)s: %(melding)s") % {"regel": fout.line, "melding": fout.message}
            for fout in xsd.error_log)


# No entities, no network, no huge trees: an incoming file is untrusted (ontvangst uses the same parser).
VEILIGE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=True)


# --- building the 301 --------------------------------------------------------------------------------------

def _voorletters(voornamen):
    letters = []
    for naam in (voornamen or "").split():
        kaal = unicodedata.normalize("NFKD", naam[0]).encode("ascii", "ignore").decode().upper()
        if kaal.isalpha():
            letters.append(kaal)
    return "".join(letters)[:6]


def _adres(huishouden):
    """CDT_Adres from the household's address (the BRP address, Soort 01)."""
    adres = {"Straatnaam": huishouden.straat[:24], "Huisnummer": {"Huisnummer": str(huishouden.huisnummer)}}
    toevoeging = (huishouden.toevoeging or "").strip()
    if re.fullmatch(r"[A-Za-z]", toevoeging):
        adres["Huisnummer"]["Huisletter"] = toevoeging
    elif toevoeging:
        adres["Huisnummer"]["HuisnummerToevoeging"] = toevoeging[:4]
    postcode = normaliseer_postcode(huishouden.postcode, compact=True)
    if re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", postcode):
        adres["Postcode"] = postcode
    adres["Plaatsnaam"] = huishouden.woonplaats[:80]
    return adres


def _controleer_codes(t):
    """The codes of one toewijzing against the national lists; the Dutch errors (empty when all is well)."""
    lijsten, fouten = cl.codelijsten(), []
    nummer = t.toewijzingnummer
    if t.categorie.code not in lijsten["productcategorieen"][t.categorie.wet]:
        fouten.append(_("Toewijzing %(nr)s: productcategorie %(code)s staat niet in de landelijke codelijst.")
                      % {"nr": nummer, "code": t.categorie.code})
    if t.budget is None:
        if t.eenheid.code not in lijsten["eenheden"]:
            fouten.append(_("Toewijzing %(nr)s: eenheid %(code)s staat niet in de codelijst WJ756.")
                          % {"nr": nummer, "code": t.eenheid.code})
        if t.frequentie.code not in lijsten["frequenties"]:
            fouten.append(_("Toewijzing %(nr)s: frequentie %(code)s staat niet in de codelijst WMO757.")
                          % {"nr": nummer, "code": t.frequentie.code})
    if t.reden_wijziging and t.reden_wijziging not in lijsten["reden_wijziging"]:
        fouten.append(_("Toewijzing %(nr)s: reden wijziging %(code)s staat niet in de codelijst WMO002.")
                      % {"nr": nummer, "code": t.reden_wijziging})
    return fouten


def _toegewezen_product(t):
    vastgesteld = timezone.localtime(t.vastgesteld_op)
    product = {
        "ToewijzingNummer": t.toewijzingnummer,
        "Product": {"Categorie": t.categorie.code, "Code": t.product.code},
        "Toewijzingsdatum": vastgesteld.date().isoformat(),
        "Toewijzingstijd": vastgesteld.time().replace(microsecond=0).isoformat(),
        "Ingangsdatum": t.start.isoformat(),
        "Einddatum": t.eind.isoformat(),
    }
    if t.reden_wijziging:
        product["RedenWijziging"] = t.reden_wijziging
    if t.budget is not None:
        product["Budget"] = str(int((t.budget * 100).to_integral_value()))  # LDT_Budget: eurocents
    else:
        product["Omvang"] = {"Volume": str(t.volume), "Eenheid": t.eenheid.code, "Frequentie": t.frequentie.code}
    return product


def _element(ouder, ns, basis_ns, naam, waarde, *, basis=False):
    """Append ``naam`` (in the message namespace, or the base namespace inside a CDT) with text or children."""
    el = etree.SubElement(ouder, f"{{{basis_ns if basis else ns}}}{naam}")
    if isinstance(waarde, dict):
        for kind, w in waarde.items():
            _element(el, ns, basis_ns, kind, w, basis=True)
    else:
        el.text = waarde
    return el


def identificatie(dag, toewijzingen):
    """BerichtIdentificatie (at most 12 characters, unique per sender): the day and the lowest toewijzing id of
    the message in base 36. The same day's batch downloaded twice gives the same identifications."""
    laagste, tekens = min(t.pk for t in toewijzingen), "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    code = ""
    while laagste:
        laagste, rest = divmod(laagste, 36)
        code = tekens[rest] + code
    return f"{dag:%y%m%d}{code.rjust(6, '0')}"


def bouw_301(*, gemeente, aanbieder, client, wet, toewijzingen, dag):
    """The WMO301 / JW301 for one client at one provider (bytes, UTF-8), validated; ``BerichtFout`` otherwise."""
    standaard, voorvoegsel = STANDAARD[wet]
    bericht = f"{voorvoegsel}301"
    fouten = [f for t in toewijzingen for f in _controleer_codes(t)]
    if not client.bsn:
        fouten.append(_("De cliënt van toewijzing %(nr)s heeft geen BSN.") % {"nr": toewijzingen[0].toewijzingnummer})
    if fouten:
        raise BerichtFout(fouten)
    ns, basis_ns = namespace(bericht), basis_namespace(bericht)
    release = cl.release()
    wortel = etree.Element(f"{{{ns}}}Bericht", nsmap={bericht.lower(): ns, standaard: basis_ns})
    kop = _element(wortel, ns, basis_ns, "Header", None)
    for naam, waarde in (
        ("BerichtCode", cl.berichtcode(bericht)), ("BerichtVersie", release["BerichtVersie"]),
        ("BerichtSubversie", release["BerichtSubversie"]), ("Afzender", gemeente.cbs_code),
        ("Ontvanger", aanbieder.agb_code),
        ("BerichtIdentificatie", {"Identificatie": identificatie(dag, toewijzingen), "Dagtekening": dag.isoformat()}),
        ("XsdVersie", {"BasisschemaXsdVersie": release["BasisschemaXsdVersie"],
                       "BerichtXsdVersie": release["BerichtXsdVersie"]}),
    ):
        _element(kop, ns, basis_ns, naam, waarde)
    c = _element(wortel, ns, basis_ns, "Client", None)
    _element(c, ns, basis_ns, "Bsn", client.bsn)
    _element(c, ns, basis_ns, "Geboortedatum", {"Datum": client.geboortedatum.isoformat()})
    _element(c, ns, basis_ns, "Geslacht", "0")  # COD046 0 = onbekend: the dossier does not record sex
    naam = {"Geslachtsnaam": {"Achternaam": client.achternaam[:200]}}
    if client.tussenvoegsel:
        naam["Geslachtsnaam"]["Voorvoegsel"] = client.tussenvoegsel[:10]
    naam["Voornamen"] = client.voornamen[:200]
    if letters := _voorletters(client.voornamen):
        naam["Voorletters"] = letters
    _element(c, ns, basis_ns, "Naam", naam)
    contact = _element(_element(c, ns, basis_ns, "Contactgegevens", None), ns, basis_ns, "Contact", None)
    _element(contact, ns, basis_ns, "Soort", "01")  # COD757: BRP-adres
    _element(contact, ns, basis_ns, "Adres", _adres(client.huishouden))
    producten = _element(c, ns, basis_ns, "ToegewezenProducten", None)
    for t in toewijzingen:
        product = _element(producten, ns, basis_ns, "ToegewezenProduct", None)
        for naam_el, waarde in _toegewezen_product(t).items():
            _element(product, ns, basis_ns, naam_el, waarde)
    valideer(wortel, bericht)
    return etree.tostring(wortel, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# --- the batch of one provider and one day --------------------------------------------------------------------

@dataclass
class Bestand:
    naam: str
    inhoud: bytes
    bericht: str
    huishouden_id: int
    toewijzingen: int


def _dag_grenzen(dag):
    begin = timezone.make_aware(datetime.combine(dag, time.min))
    return begin, begin + timedelta(days=1)


def dagen_met_berichten(*, gemeente, aanbieder, aantal=30):
    """The most recent days on which a toewijzing of this provider was made, changed or ended (newest first)."""
    dagen = (Toewijzing.objects.filter(gemeente=gemeente, aanbieder=aanbieder, categorie__wet__in=WETTEN_MET_BERICHTEN)
             .values_list("vastgesteld_op", flat=True).order_by("-vastgesteld_op"))
    gezien = []
    for moment in dagen.iterator():
        d = timezone.localtime(moment).date()
        if d not in gezien:
            gezien.append(d)
            if len(gezien) == aantal:
                break
    return gezien


def berichten_van_dag(*, gemeente, aanbieder, dag):
    """The 301 messages of one provider for one day: a message per client (and law) with a toewijzing made,
    changed or ended that day, holding every current toewijzing of that client at this provider (current: not
    ended before the day, or changed that day; made no later than the day). ``BerichtFout`` if one is invalid."""
    begin, einde = _dag_grenzen(dag)
    # Participatiewet toewijzingen have no iStandaard message
    basis = Toewijzing.objects.filter(gemeente=gemeente, aanbieder=aanbieder, categorie__wet__in=WETTEN_MET_BERICHTEN)
    vandaag = basis.filter(vastgesteld_op__gte=begin, vastgesteld_op__lt=einde)
    sleutels = vandaag.values("client_id", "categorie__wet").annotate(eerste=Min("pk")).order_by("eerste")
    if not sleutels:
        return []
    actueel = (basis.filter(vastgesteld_op__lt=einde)
               .filter(Q(eind__gte=dag) | Q(vastgesteld_op__gte=begin))
               .filter(client_id__in={s["client_id"] for s in sleutels})
               .select_related("client__huishouden", "categorie", "product", "eenheid", "frequentie")
               .order_by("toewijzingnummer"))
    per_client = {}
    for t in actueel:
        per_client.setdefault((t.client_id, t.categorie.wet), []).append(t)
    bestanden = []
    for s in sleutels:
        toewijzingen = per_client[(s["client_id"], s["categorie__wet"])]
        client = toewijzingen[0].client
        inhoud = bouw_301(gemeente=gemeente, aanbieder=aanbieder, client=client, wet=s["categorie__wet"],
                          toewijzingen=toewijzingen, dag=dag)
        bericht = f"{STANDAARD[s['categorie__wet']][1]}301"
        naam = f"{bericht}_{gemeente.cbs_code}_{aanbieder.agb_code}_{identificatie(dag, toewijzingen)}.xml"
        bestanden.append(Bestand(naam=naam, inhoud=inhoud, bericht=bericht, huishouden_id=client.huishouden_id,
                                 toewijzingen=len(toewijzingen)))
    return bestanden


def zip_van_dag(bestanden):
    """The batch as one ZIP file (one XML file per message)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for b in bestanden:
            z.writestr(b.naam, b.inhoud)
    return buffer.getvalue()
