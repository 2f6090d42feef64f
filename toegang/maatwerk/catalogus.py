"""Default per-gemeente catalogues for maatwerk and opschaling: products with tariffs, providers, the mandate
register and the escalation targets. Used by the demo and by a functioneel beheerder setting up a gemeente;
afterwards everything is data, changed in the beheer pages without a code change.
"""

from decimal import Decimal

from django.db import transaction

from toegang.maatwerk.codelijsten import EENHEDEN, FREQUENTIES, JEUGD, PARTICIPATIE, WMO
from toegang.models import Aanbieder, Eenheid, Frequentie, Mandaat, OpschalingDoel, Product, ProductCategorie, Wet
from wijkteams.models import Discipline, TeamType

# (wet, categorie, productcode ≤ 5, naam, eenheid, tarief per eenheid)
PRODUCTEN = [
    (Wet.WMO, "01", "01A01", "Hulp bij het huishouden", "04", Decimal("32.50")),
    (Wet.WMO, "02", "02A05", "Begeleiding individueel", "04", Decimal("62.00")),
    (Wet.WMO, "02", "02A06", "Begeleiding groep", "16", Decimal("48.00")),
    (Wet.WMO, "04", "04A01", "Kortdurend verblijf (logeeropvang)", "14", Decimal("145.00")),
    (Wet.WMO, "07", "07A01", "Dagbesteding", "16", Decimal("45.00")),
    (Wet.WMO, "08", "08A01", "Regiotaxi (collectief vervoer)", "82", Decimal("12.00")),
    (Wet.WMO, "11", "11A01", "Rolstoel", "83", Decimal("1.00")),
    (Wet.WMO, "13", "13A01", "Woningaanpassing", "83", Decimal("1.00")),
    (Wet.WMO, "14", "14A01", "Scootmobiel", "83", Decimal("1.00")),
    (Wet.JEUGDWET, "45", "45A48", "Ambulante jeugdhulp", "04", Decimal("85.00")),
    (Wet.JEUGDWET, "45", "45A51", "Ambulante gezinsbehandeling", "04", Decimal("98.00")),
    (Wet.JEUGDWET, "41", "41A01", "Dagbehandeling jeugd", "16", Decimal("110.00")),
    (Wet.JEUGDWET, "43", "43A01", "Jeugdhulp verblijf (incl. behandeling)", "14", Decimal("285.00")),
    (Wet.JEUGDWET, "46", "46A01", "Crisisopvang jeugd", "14", Decimal("320.00")),
    # Participatiewet (the application's own categories, see codelijsten.PARTICIPATIE): a one-off amount in euros
    # (bijzondere bijstand) and a debt-counselling trajectory bought per piece.
    (Wet.PARTICIPATIEWET, "01", "PW01", "Bijzondere bijstand (inkomensondersteuning)", "83", Decimal("1.00")),
    (Wet.PARTICIPATIEWET, "02", "PW02", "Schuldhulpverleningstraject", "84", Decimal("1450.00")),
]
AANBIEDERS = [
    ("Aafje Thuiszorg", "75750001"), ("Pameijer", "73730002"), ("Yulius", "22220003"),
    ("Flexus Jeugdplein", "41410004"), ("Vivenz Thuisbegeleiding", "98980005"), ("Hulpmiddelencentrum", "24240006"),
    ("Kredietbank (schuldhulpverlening)", "99990007"),
]
# (code, naam, soort, min leeftijd, max leeftijd, criteria, groep die toegang krijgt)
OPSCHALINGSDOELEN = {
    "0597": [
        ("cjg-netwerk", "CJG-netwerk", OpschalingDoel.Soort.JEUGD, 0, 23,
         "Zorgen over de ontwikkeling of opvoeding van een jeugdige die het team niet alleen kan oppakken.", ""),
        ("jeugdbeschermingsplein", "Jeugdbeschermingsplein", OpschalingDoel.Soort.JEUGD, 0, 17,
         "De ontwikkeling van een kind is ernstig bedreigd en vrijwillige hulp lukt niet: mogelijk een "
         "kinderbeschermingsmaatregel.", ""),
        ("veilig-thuis", "Veilig Thuis", OpschalingDoel.Soort.VEILIGHEID, None, None,
         "Huiselijk geweld of kindermishandeling (meldcode).", ""),
        ("cad-team", "CAD-team", OpschalingDoel.Soort.JEUGD, 0, 23,
         "Acute crisis bij een jeugdige of gezin die direct ingrijpen vraagt.", ""),
        ("veiligheidshuis", "Veiligheidshuis", OpschalingDoel.Soort.VEILIGHEID, None, None,
         "Complexe problematiek met criminaliteit of overlast, nazorg na detentie.", ""),
        ("lzn", "Lokaal Zorgnetwerk (LZN)", OpschalingDoel.Soort.LZN, 23, None,
         "Volwassenen (23+) met meervoudige problemen: psychiatrie, verslaving, schulden, dreigende "
         "huisuitzetting, vervuiling, huiselijk geweld, nazorg na detentie; vaak met drang of dwang.", "lzn"),
        ("bestuurstafel", "Bestuurstafel", OpschalingDoel.Soort.BESTUURSTAFEL, None, None,
         "Een casus die om welke reden ook niet binnen de bestaande regels op te lossen is.", ""),
    ],
    "0482": [
        ("zorgnetwerk", "Zorgnetwerk Alblasserdam", OpschalingDoel.Soort.ZORGNETWERK, None, None,
         "Meervoudige problematiek die het knooppunt niet alleen kan oppakken.", ""),
        ("cjg-netwerk", "CJG-netwerk", OpschalingDoel.Soort.JEUGD, 0, 23,
         "Zorgen over de ontwikkeling of opvoeding van een jeugdige.", ""),
        ("veilig-thuis", "Veilig Thuis", OpschalingDoel.Soort.VEILIGHEID, None, None,
         "Huiselijk geweld of kindermishandeling (meldcode).", ""),
        ("veiligheidshuis", "Veiligheidshuis", OpschalingDoel.Soort.VEILIGHEID, None, None,
         "Complexe problematiek met criminaliteit of overlast.", ""),
    ],
}


def laad_codelijsten():
    """The national lists (normally there from the data migration; a flushed test database needs them again)."""
    for wet, lijst in ((Wet.WMO, WMO), (Wet.JEUGDWET, JEUGD), (Wet.PARTICIPATIEWET, PARTICIPATIE)):
        for code, naam in lijst:
            ProductCategorie.objects.get_or_create(wet=wet, code=code, defaults={"naam": naam})
    for code, naam in EENHEDEN:
        Eenheid.objects.get_or_create(code=code, defaults={"naam": naam})
    for code, naam, dagen in FREQUENTIES:
        Frequentie.objects.get_or_create(code=code, defaults={"naam": naam, "dagen": dagen})


@transaction.atomic
def richt_catalogus_in(gemeente):
    """Products, providers and escalation targets for a gemeente. Idempotent."""
    laad_codelijsten()
    categorieen = {(c.wet, c.code): c for c in ProductCategorie.objects.all()}
    eenheden = {e.code: e for e in Eenheid.objects.all()}
    for wet, cat, code, naam, eenheid, tarief in PRODUCTEN:
        Product.objects.get_or_create(gemeente=gemeente, code=code, defaults={
            "categorie": categorieen[(wet, cat)], "naam": naam, "eenheid": eenheden[eenheid], "tarief": tarief})
    for naam, agb in AANBIEDERS:
        Aanbieder.objects.get_or_create(gemeente=gemeente, agb_code=agb, defaults={"naam": naam})
    for code, naam, soort, van, tot, criteria, groep in OPSCHALINGSDOELEN.get(gemeente.cbs_code, []):
        OpschalingDoel.objects.get_or_create(gemeente=gemeente, code=code, defaults={
            "naam": naam, "soort": soort, "minimum_leeftijd": van, "maximum_leeftijd": tot,
            "problematiek": criteria, "toegang_groep": groep})


@transaction.atomic
def richt_mandaten_in(gemeente):
    """The mandate register as in the seeds.

    Ridderkerk: the coördinator decides (the costlier jeugdhulp); in the Sociaal team the Wmo-consulent decides Wmo
    maatwerk and the consulent werk en inkomen (the BAR-organisation's consultants werk, inkomen and
    schuldhulpverlening work in the wijkteams) decides Participatiewet requests; elsewhere the coördinator does.
    Alblasserdam: regional bodies decide; the Sociale Dienst Drechtsteden also carries out the Participatiewet
    (inkomensondersteuning and schuldhulpverlening) for the Drechtsteden, so its decision is recorded as theirs.
    """
    if gemeente.cbs_code == "0597":
        for wet in (Wet.JEUGDWET, Wet.WMO, Wet.PARTICIPATIEWET):
            Mandaat.objects.get_or_create(gemeente=gemeente, wet=wet, categorie=None, teamtype=None,
                                          defaults={"beslisser": Mandaat.Beslisser.COORDINATOR})
        sociaal = TeamType.objects.filter(gemeente=gemeente, code="sociaal").first()
        for wet, code in ((Wet.WMO, "wmo-consulent"), (Wet.PARTICIPATIEWET, "consulent-werk-inkomen")):
            discipline = Discipline.objects.filter(gemeente=gemeente, code=code).first()
            if sociaal and discipline:
                Mandaat.objects.get_or_create(gemeente=gemeente, wet=wet, categorie=None, teamtype=sociaal,
                                              defaults={"beslisser": Mandaat.Beslisser.DISCIPLINE,
                                                        "discipline": discipline})
    elif gemeente.cbs_code == "0482":
        for wet, instantie in ((Wet.WMO, "Sociale Dienst Drechtsteden"),
                               (Wet.JEUGDWET, "Serviceorganisatie Jeugd Zuid-Holland Zuid"),
                               (Wet.PARTICIPATIEWET, "Sociale Dienst Drechtsteden")):
            Mandaat.objects.get_or_create(gemeente=gemeente, wet=wet, categorie=None, teamtype=None,
                                          defaults={"beslisser": Mandaat.Beslisser.EXTERN,
                                                    "externe_instantie": instantie})
