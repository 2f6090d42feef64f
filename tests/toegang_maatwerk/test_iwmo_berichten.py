"""iWmo / iJw release 3.2: the WMO301/JW301 the gemeente sends and the 305/307 the provider answers."""

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from audit.models import AuditActie, AuditEvent
from tests.toegang_maatwerk.factories import vraag_aan
from toegang.maatwerk import services
from toegang.maatwerk.berichten import ontvangst, opbouw
from toegang.models import Aanvraag, Toewijzing

pytestmark = pytest.mark.django_db

WMO301 = "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema"
JW301 = "http://www.istandaarden.nl/ijw/3_2/jw301/schema"
IWMO = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema"
IJW = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
DAG = date(2026, 2, 20)


def _moment(dag, uur=10):
    return timezone.make_aware(datetime(dag.year, dag.month, dag.day, uur, 15, 0))


@pytest.fixture
def wmo(mw, dossier):
    a = vraag_aan(dossier, mw.mensen["teamlid"])
    services.besluit_over_aanvraag(aanvraag_id=a.pk, door=mw.mensen["wmoconsulent"],
                                   besluit=Aanvraag.Status.TOEGEKEND, reden="Ok")
    Toewijzing.objects.filter(pk=a.toewijzing.pk).update(vastgesteld_op=_moment(DAG))
    return Toewijzing.objects.select_related("aanbieder", "gemeente", "client").get(pk=a.toewijzing.pk)


@pytest.fixture
def jeugd(mw, jeugddossier):
    b = vraag_aan(jeugddossier, mw.mensen["teamlid_jgt"], product_code="45A48", client=jeugddossier.kind,
                  budget=Decimal("2400.00"))
    services.besluit_over_aanvraag(aanvraag_id=b.pk, door=mw.mensen["coordinator_eigen_gebied"],
                                   besluit=Aanvraag.Status.TOEGEKEND, reden="Ok")
    Toewijzing.objects.filter(pk=b.toewijzing.pk).update(vastgesteld_op=_moment(DAG, 11))
    return Toewijzing.objects.select_related("aanbieder", "gemeente", "client").get(pk=b.toewijzing.pk)


def _berichten(t, dag=DAG):
    return opbouw.berichten_van_dag(gemeente=t.gemeente, aanbieder=t.aanbieder, dag=dag)


def _tekst(doc, pad, ns, basis):
    return doc.findtext(pad, namespaces={"m": ns, "b": basis})


def test_wmo301_en_jw301_valideren_tegen_de_xsd(wmo, jeugd):
    bestanden = _berichten(wmo)
    assert sorted(b.bericht for b in bestanden) == ["JW301", "WMO301"]  # one per client and law, same provider
    per_soort = {b.bericht: etree.fromstring(b.inhoud) for b in bestanden}
    for soort, doc in per_soort.items():
        assert opbouw.schema(soort).validate(doc), opbouw.schema(soort).error_log

    w = per_soort["WMO301"]
    assert etree.QName(w).namespace == WMO301
    assert _tekst(w, "m:Header/m:BerichtCode", WMO301, IWMO) == "414"
    assert _tekst(w, "m:Header/m:BerichtVersie", WMO301, IWMO) == "3"
    assert _tekst(w, "m:Header/m:BerichtSubversie", WMO301, IWMO) == "2"
    assert _tekst(w, "m:Header/m:Afzender", WMO301, IWMO) == "0597"
    assert _tekst(w, "m:Header/m:Ontvanger", WMO301, IWMO) == wmo.aanbieder.agb_code
    assert _tekst(w, "m:Header/m:BerichtIdentificatie/b:Dagtekening", WMO301, IWMO) == "2026-02-20"
    assert len(_tekst(w, "m:Header/m:BerichtIdentificatie/b:Identificatie", WMO301, IWMO)) <= 12
    assert _tekst(w, "m:Header/m:XsdVersie/b:BasisschemaXsdVersie", WMO301, IWMO) == "1.0.0"
    assert _tekst(w, "m:Client/m:Bsn", WMO301, IWMO) == wmo.client.bsn
    assert _tekst(w, "m:Client/m:Geboortedatum/b:Datum", WMO301, IWMO) == "1970-05-01"
    assert _tekst(w, "m:Client/m:Naam/b:Geslachtsnaam/b:Achternaam", WMO301, IWMO) == "Jansen"
    assert _tekst(w, "m:Client/m:Naam/b:Voorletters", WMO301, IWMO) == "J"
    assert _tekst(w, "m:Client/m:Contactgegevens/m:Contact/m:Adres/b:Postcode", WMO301, IWMO) == "2981AB"
    p = "m:Client/m:ToegewezenProducten/m:ToegewezenProduct/"
    assert _tekst(w, p + "m:ToewijzingNummer", WMO301, IWMO) == wmo.toewijzingnummer
    assert _tekst(w, p + "m:Product/b:Categorie", WMO301, IWMO) == "01"
    assert _tekst(w, p + "m:Product/b:Code", WMO301, IWMO) == "01A01"
    assert _tekst(w, p + "m:Toewijzingsdatum", WMO301, IWMO) == "2026-02-20"
    assert _tekst(w, p + "m:Toewijzingstijd", WMO301, IWMO) == "10:15:00"
    assert (_tekst(w, p + "m:Ingangsdatum", WMO301, IWMO), _tekst(w, p + "m:Einddatum", WMO301, IWMO)) == (
        "2026-03-01", "2026-08-31")
    assert [_tekst(w, p + f"m:Omvang/b:{v}", WMO301, IWMO) for v in ("Volume", "Eenheid", "Frequentie")] == [
        "3", "04", "2"]
    assert w.find(p + "m:RedenWijziging", {"m": WMO301}) is None  # a first toewijzing has no reason

    j = per_soort["JW301"]
    assert etree.QName(j).namespace == JW301
    assert _tekst(j, "m:Header/m:BerichtCode", JW301, IJW) == "436"
    assert _tekst(j, p + "m:Product/b:Categorie", JW301, IJW) == "45"
    assert _tekst(j, p + "m:Budget", JW301, IJW) == "240000"  # eurocents


def test_de_xsd_weigert_een_fout_bericht(wmo):
    doc = etree.fromstring(_berichten(wmo)[0].inhoud)
    doc.find(f"{{{WMO301}}}Header/{{{WMO301}}}Ontvanger").text = "1234567"  # AGB code of 7 digits
    with pytest.raises(opbouw.BerichtFout) as fout:
        opbouw.valideer(doc, "WMO301")
    assert "Ontvanger" in fout.value.fouten[0]


def test_geen_bericht_op_een_dag_zonder_toewijzingen(wmo):
    assert _berichten(wmo, date(2026, 2, 21)) == []


def test_wijziging_en_einde_geven_de_gecorrigeerde_301_met_reden(mw, wmo):
    coordinator = mw.mensen["coordinator_eigen_gebied"]
    verlengd = services.wijzig_toewijzing(toewijzing_id=wmo.pk, door=coordinator, reden_wijziging="04",
                                          eind=date(2026, 12, 31), op=_moment(date(2026, 3, 2), 9))
    assert verlengd.eind == date(2026, 12, 31)
    (bestand,) = _berichten(wmo, date(2026, 3, 2))
    doc = etree.fromstring(bestand.inhoud)
    p = "m:Client/m:ToegewezenProducten/m:ToegewezenProduct/"
    assert _tekst(doc, p + "m:RedenWijziging", WMO301, IWMO) == "04"
    assert _tekst(doc, p + "m:Einddatum", WMO301, IWMO) == "2026-12-31"
    assert _tekst(doc, p + "m:Toewijzingsdatum", WMO301, IWMO) == "2026-03-02"
    assert _tekst(doc, p + "m:ToewijzingNummer", WMO301, IWMO) == wmo.toewijzingnummer  # the same toewijzing

    services.beeindig_toewijzing(toewijzing_id=wmo.pk, door=coordinator, reden_wijziging="07",
                                 eind=date(2026, 5, 31), op=_moment(date(2026, 5, 10), 14))
    (bestand,) = _berichten(wmo, date(2026, 5, 10))
    doc = etree.fromstring(bestand.inhoud)
    assert opbouw.schema("WMO301").validate(doc)
    assert _tekst(doc, p + "m:RedenWijziging", WMO301, IWMO) == "07"
    assert _tekst(doc, p + "m:Einddatum", WMO301, IWMO) == "2026-05-31"
    assert _tekst(doc, p + "m:Toewijzingstijd", WMO301, IWMO) == "14:15:00"
    assert AuditEvent.objects.filter(object_type="toegang.toewijzing", object_id=str(wmo.pk),
                                     actie=AuditActie.GEWIJZIGD, detail__301_reden_wijziging="07").exists()


def test_wijzigen_met_onbekende_reden_of_door_een_ander_wordt_geweigerd(mw, wmo):
    with pytest.raises(ValidationError) as fout:
        services.wijzig_toewijzing(toewijzing_id=wmo.pk, door=mw.mensen["coordinator_eigen_gebied"],
                                   reden_wijziging="99", eind=date(2026, 7, 31))
    assert "codelijst" in str(fout.value)
    for wie in ("teamlid", "coordinator_ander_gebied", "coordinator_andere_gemeente"):
        with pytest.raises(PermissionDenied):
            services.beeindig_toewijzing(toewijzing_id=wmo.pk, door=mw.mensen[wie], reden_wijziging="07",
                                         eind=date(2026, 5, 31))
    wmo.refresh_from_db()
    assert wmo.eind == date(2026, 8, 31) and wmo.reden_wijziging == ""


# --- incoming 305 / 307 -----------------------------------------------------------------------------------------

def _zorgbericht(t, soort, producten, *, ontvanger="0597", code=None):
    """A WMO305/WMO307 from the provider of ``t``; ``producten`` are dicts of the product fields."""
    ns = f"http://www.istandaarden.nl/iwmo/3_2/wmo{soort}/schema"
    m, b = (lambda n: f"{{{ns}}}{n}"), (lambda n: f"{{{IWMO}}}{n}")
    wortel = etree.Element(m("Bericht"), nsmap={f"wmo{soort}": ns, "iwmo": IWMO})
    kop = etree.SubElement(wortel, m("Header"))
    for naam, waarde in (("BerichtCode", code or {"305": "418", "307": "420"}[soort]), ("BerichtVersie", "3"),
                         ("BerichtSubversie", "2"), ("Afzender", t.aanbieder.agb_code), ("Ontvanger", ontvanger)):
        etree.SubElement(kop, m(naam)).text = waarde
    bi = etree.SubElement(kop, m("BerichtIdentificatie"))
    etree.SubElement(bi, b("Identificatie")).text = f"A{soort}1"
    etree.SubElement(bi, b("Dagtekening")).text = "2026-03-03"
    xv = etree.SubElement(kop, m("XsdVersie"))
    etree.SubElement(xv, b("BasisschemaXsdVersie")).text = "1.0.0"
    etree.SubElement(xv, b("BerichtXsdVersie")).text = "1.0.0"
    client = etree.SubElement(wortel, m("Client"))
    etree.SubElement(client, m("Bsn")).text = t.client.bsn
    etree.SubElement(etree.SubElement(client, m("Geboortedatum")), b("Datum")).text = "1970-05-01"
    etree.SubElement(client, m("Geslacht")).text = "0"
    naam = etree.SubElement(client, m("Naam"))
    etree.SubElement(etree.SubElement(naam, b("Geslachtsnaam")), b("Achternaam")).text = "Jansen"
    soort_naam = "Start" if soort == "305" else "Stop"
    lijst = etree.SubElement(client, m(f"{soort_naam}Producten"))
    for velden in producten:
        p = etree.SubElement(lijst, m(f"{soort_naam}Product"))
        etree.SubElement(p, m("ToewijzingNummer")).text = velden.get("nummer", t.toewijzingnummer)
        product = etree.SubElement(p, m("Product"))
        etree.SubElement(product, b("Categorie")).text = "01"
        etree.SubElement(product, b("Code")).text = "01A01"
        etree.SubElement(p, m("ToewijzingIngangsdatum")).text = t.start.isoformat()
        etree.SubElement(p, m("Begindatum")).text = velden.get("begin", "2026-03-03")
        if soort == "307":
            etree.SubElement(p, m("RedenBeeindiging")).text = velden.get("reden", "19")
            etree.SubElement(p, m("Einddatum")).text = velden.get("eind", "2026-06-30")
        etree.SubElement(p, m("StatusAanlevering")).text = velden.get("status", "1")
    return etree.tostring(wortel, xml_declaration=True, encoding="UTF-8")


def _bestand(inhoud):
    return SimpleUploadedFile("bericht.xml", inhoud, content_type="text/xml")


def test_een_wmo305_en_wmo307_zetten_start_en_stop(mw, wmo):
    beheer = mw.mensen["beheer"]
    zb, bijgewerkt = ontvangst.verwerk_zorgbericht(inhoud=_zorgbericht(wmo, "305", [{}]), door=beheer)
    assert zb.bericht == "WMO305" and [t.pk for t in bijgewerkt] == [wmo.pk]
    wmo.refresh_from_db()
    assert wmo.zorg_gestart_op == date(2026, 3, 3) and wmo.zorg_gestopt_op is None

    ontvangst.verwerk_zorgbericht(inhoud=_zorgbericht(wmo, "307", [{"reden": "19", "eind": "2026-06-30"}]),
                                  door=beheer)
    wmo.refresh_from_db()
    assert wmo.zorg_gestopt_op == date(2026, 6, 30)
    assert (wmo.reden_beeindiging, wmo.reden_einde) == ("19", "Levering volgens plan beëindigd")
    details = list(AuditEvent.objects.filter(object_type="toegang.toewijzing", object_id=str(wmo.pk),
                                             actie=AuditActie.GEWIJZIGD).order_by("pk")
                   .values_list("detail", flat=True))
    assert {"WMO305_start_zorg": "2026-03-03"}.items() <= details[-2].items()
    assert {"WMO307_stop_zorg": "2026-06-30", "aanbieder": wmo.aanbieder.agb_code}.items() <= details[-1].items()


def test_een_bericht_voor_een_onbekende_toewijzing_wordt_geweigerd_en_wijzigt_niets(mw, wmo):
    inhoud = _zorgbericht(wmo, "305", [{}, {"nummer": "99999999"}])
    aantal_audit = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as fout:
        ontvangst.verwerk_zorgbericht(inhoud=inhoud, door=mw.mensen["coordinator_eigen_gebied"])
    meldingen = fout.value.messages
    assert "niets gewijzigd" in meldingen[0]
    assert "Toewijzing 99999999 is niet bekend voor deze aanbieder en deze cliënt." in meldingen
    wmo.refresh_from_db()
    assert wmo.zorg_gestart_op is None  # the known product was not started either: all or nothing
    assert AuditEvent.objects.count() == aantal_audit


@pytest.mark.parametrize(("inhoud", "verwacht"), [
    (b"<geen xml", "geen leesbare XML"),
    (b"<Bericht xmlns='urn:iets'/>", "geen WMO305-"),
])
def test_een_onleesbaar_bestand_krijgt_een_duidelijke_melding(mw, inhoud, verwacht):
    with pytest.raises(ValidationError) as fout:
        ontvangst.verwerk_zorgbericht(inhoud=inhoud, door=mw.mensen["beheer"])
    assert verwacht in fout.value.messages[0]


def test_een_bericht_aan_een_andere_gemeente_of_met_stop_zonder_start_wordt_geweigerd(mw, wmo):
    with pytest.raises(ValidationError, match="gericht aan gemeente 0482"):
        ontvangst.verwerk_zorgbericht(inhoud=_zorgbericht(wmo, "305", [{}], ontvanger="0482"),
                                      door=mw.mensen["beheer"])
    with pytest.raises(ValidationError, match="nog geen start van de zorg"):
        ontvangst.verwerk_zorgbericht(inhoud=_zorgbericht(wmo, "307", [{}]), door=mw.mensen["beheer"])
    with pytest.raises(PermissionDenied):
        ontvangst.verwerk_zorgbericht(inhoud=_zorgbericht(wmo, "305", [{}]), door=mw.mensen["teamlid"])


# --- the page and the download ----------------------------------------------------------------------------------

def test_pagina_download_en_inlezen(client, mw, wmo, django_assert_max_num_queries):
    client.force_login(mw.mensen["coordinator_eigen_gebied"])
    with django_assert_max_num_queries(25):
        pagina = client.get(reverse("toegang:toewijzing_berichten"))
    assert pagina.status_code == 200
    url = reverse("toegang:toewijzing_berichten_dag", args=[wmo.aanbieder.pk, "2026-02-20"])
    assert url in pagina.content.decode()

    antwoord = client.get(url)
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(antwoord.content)) as z:
        (naam,) = z.namelist()
        assert naam.startswith(f"WMO301_0597_{wmo.aanbieder.agb_code}_")
        assert opbouw.schema("WMO301").validate(etree.fromstring(z.read(naam)))
    assert AuditEvent.objects.filter(actie=AuditActie.GEEXPORTEERD, huishouden_id=wmo.client.huishouden_id,
                                     detail__export="301-berichten").exists()

    fout = client.post(reverse("toegang:toewijzing_berichten"),
                       {"bestand": _bestand(_zorgbericht(wmo, "305", [{"nummer": "99999999"}]))})
    assert fout.status_code == 400
    assert "Toewijzing 99999999 is niet bekend" in fout.content.decode()
    goed = client.post(reverse("toegang:toewijzing_berichten"), {"bestand": _bestand(_zorgbericht(wmo, "305", [{}]))},
                       follow=True)
    assert "is verwerkt" in goed.content.decode()
    wmo.refresh_from_db()
    assert wmo.zorg_gestart_op == date(2026, 3, 3)


@pytest.mark.parametrize("wie", ["teamlid", "beleidsmedewerker", "medewerker_andere_gemeente"])
def test_download_en_pagina_geweigerd_zonder_rol(client, mw, wmo, wie):
    client.force_login(mw.mensen[wie])
    url = reverse("toegang:toewijzing_berichten_dag", args=[wmo.aanbieder.pk, "2026-02-20"])
    assert client.get(url).status_code == 404
    assert client.get(reverse("toegang:toewijzing_berichten")).status_code == 404
    assert client.post(reverse("toegang:toewijzing_berichten"),
                       {"bestand": _bestand(_zorgbericht(wmo, "305", [{}]))}).status_code == 404
    wmo.refresh_from_db()
    assert wmo.zorg_gestart_op is None
    assert not AuditEvent.objects.filter(detail__export="301-berichten").exists()


def test_download_geweigerd_voor_een_coordinator_van_een_andere_gemeente(client, mw, wmo):
    client.force_login(mw.mensen["coordinator_andere_gemeente"])
    url = reverse("toegang:toewijzing_berichten_dag", args=[wmo.aanbieder.pk, "2026-02-20"])
    assert client.get(url).status_code == 404
    pagina = client.get(reverse("toegang:toewijzing_berichten"))
    assert pagina.status_code == 200 and url not in pagina.content.decode()
    antwoord = client.post(reverse("toegang:toewijzing_berichten"),
                           {"bestand": _bestand(_zorgbericht(wmo, "305", [{}]))})
    assert antwoord.status_code == 400 and "gericht aan gemeente 0597" in antwoord.content.decode()
    wmo.refresh_from_db()
    assert wmo.zorg_gestart_op is None
    assert not AuditEvent.objects.filter(detail__export="301-berichten").exists()
