"""Staff pages: register a melding, view, pick up, close, casusoverleg, achtervang. Permissions and 400s."""

import pytest
from django.urls import reverse
from django.utils import timezone

from huishoudens import selectors
from tests.toegang_melding.factories import maak_huishouden, melding
from toegang.models import CasusoverlegAgendapunt, Melding

pytestmark = pytest.mark.django_db
DRIE = ["financien", "opvoeding", "huisvesting"]


def _formdata(cat, **extra):
    data = {"signaalgever_type": cat["inwoner"].pk, "kanaal": cat["telefoon"].pk,
            "ontvangen_op": timezone.localtime().strftime("%Y-%m-%dT%H:%M"), "postcode": "2981 AB",
            "huisnummer": "7", "straat": "Kerkweg", "woonplaats": "Ridderkerk", "naam": "Yilmaz",
            "vraag": "Ik krijg de rekeningen niet meer betaald en mijn zoon gaat niet naar school.",
            "leefgebieden": DRIE, "urgentie": "normaal", "toestemming": "on", "kinderen_gemeld": "on"}
    data.update(extra)
    return data


def test_medewerker_registreert_meervoudige_melding_die_naar_het_jgt_gaat(client, org, cat):
    client.force_login(org.mensen["medewerker_ander_team"])
    assert client.get(reverse("toegang:melding_nieuw")).status_code == 200
    antwoord = client.post(reverse("toegang:melding_nieuw"), _formdata(cat))
    m = Melding.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == m.get_absolute_url()
    assert m.team == org.team_a_jgt and m.traject is not None and m.huishouden.wijk == org.wijk_a
    inhoud = client.get(m.get_absolute_url()).content.decode()
    assert m.ontvangstnummer in inhoud and "Jeugd- en Gezinsteam" in inhoud


def test_foute_invoer_geeft_400_met_foutoverzicht_en_behoudt_invoer(client, org, cat):
    client.force_login(org.mensen["teamlid"])
    antwoord = client.post(reverse("toegang:melding_nieuw"), _formdata(cat, leefgebieden=[], toestemming="",
                                                                       postcode="9999ZZ"))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400 and "Controleer de volgende gegevens" in inhoud
    assert "Geef aan waarom er geen toestemming" in inhoud and "Ik krijg de rekeningen" in inhoud
    antwoord = client.post(reverse("toegang:melding_nieuw"), _formdata(cat, postcode="9999ZZ"))
    assert antwoord.status_code == 400 and "werkgebied" in antwoord.content.decode()
    assert not Melding.objects.exists()


@pytest.mark.parametrize("wie", ["beleidsmedewerker", "sociaal_makelaar", "bestuurstafel"])
def test_niet_professionals_kunnen_geen_melding_registreren(client, org, wie):
    client.force_login(org.mensen[wie])
    assert client.get(reverse("toegang:melding_nieuw")).status_code == 403
    assert client.get(reverse("toegang:werkvoorraad")).status_code == 403


@pytest.mark.parametrize(("wie", "verwacht"), [
    ("teamlid_jgt", 200), ("coordinator_eigen_gebied", 200), ("teamlid", 404), ("medewerker_ander_team", 404),
    ("coordinator_ander_gebied", 404), ("beleidsmedewerker", 404), ("medewerker_andere_gemeente", 404),
])
def test_melding_alleen_voor_team_en_coordinator(client, org, wie, verwacht):
    m = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=DRIE)
    client.force_login(org.mensen[wie])
    assert client.get(m.get_absolute_url()).status_code == verwacht
    assert client.post(reverse("toegang:melding_oppakken", args=[m.pk])).status_code in (verwacht, 302)


def test_teamlid_pakt_op_en_wordt_regisseur(client, org):
    m = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=DRIE)
    client.force_login(org.mensen["teamlid_jgt"])
    assert "Oppakken en regisseur worden" in client.get(m.get_absolute_url()).content.decode()
    antwoord = client.post(reverse("toegang:melding_oppakken", args=[m.pk]), follow=True)
    assert "U bent nu regisseur" in antwoord.content.decode()
    assert selectors.huidige_regisseur(m.traject) == org.mensen["teamlid_jgt"]
    # a second pick-up is refused with a clear message, not a 500
    antwoord = client.post(reverse("toegang:melding_oppakken", args=[m.pk]))
    assert antwoord.status_code == 400 and "al opgepakt" in antwoord.content.decode()
    # the dossier is now reachable and shows the melding
    assert client.get(m.huishouden.get_absolute_url()).status_code == 200


def test_enkelvoudig_afhandelen_met_korte_registratie(client, org):
    m = melding(maak_huishouden(org.wijk_a), door=org.mensen["teamlid"])
    client.force_login(org.mensen["teamlid"])
    url = reverse("toegang:melding_afhandelen", args=[m.pk])
    antwoord = client.post(url, {"wat_gedaan": ""})
    assert antwoord.status_code == 400 and "Controleer de volgende gegevens" in antwoord.content.decode()
    client.post(url, {"wat_gedaan": "Formulier samen ingevuld", "doorverwezen_naar": "Formulierenbrigade"})
    m.refresh_from_db()
    assert m.status == Melding.Status.AFGEHANDELD and "Formulierenbrigade" in client.get(
        m.get_absolute_url()).content.decode()


def test_casusoverleg_agenda_en_besluit(client, org):
    m = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=DRIE)
    punt = CasusoverlegAgendapunt.objects.get(melding=m)
    url = reverse("toegang:casusoverleg", args=[org.team_a_jgt.pk])
    client.force_login(org.mensen["medewerker_ander_team"])
    assert client.get(url).status_code == 404
    client.force_login(org.mensen["teamlid_jgt"])
    assert m.ontvangstnummer in client.get(url).content.decode()
    besluit = reverse("toegang:casusoverleg_besluit", args=[org.team_a_jgt.pk, punt.pk])
    antwoord = client.post(besluit, {"regisseur": org.mensen["teamlid_jgt"].pk, "volgende_stap": "",
                                     "besproken_op": "2026-01-05"})
    assert antwoord.status_code == 400
    client.post(besluit, {"regisseur": org.mensen["teamlid_jgt"].pk, "besproken_op": "2026-01-05",
                          "volgende_stap": "Keukentafelgesprek met het gezin"})
    assert selectors.huidige_regisseur(m.traject) == org.mensen["teamlid_jgt"]
    assert "Keukentafelgesprek met het gezin" in client.get(url).content.decode()


def test_afwezigheid_vastleggen(client, org):
    from tests.factories import maak_gebruiker
    from wijkteams import rollen

    collega = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega", teams=[org.team_a])
    client.force_login(org.mensen["teamlid"])
    url = reverse("toegang:afwezigheid")
    assert client.get(url).status_code == 200
    antwoord = client.post(url, {"van": "2026-05-10", "tot": "2026-05-01", "vervanger": collega.pk})
    assert antwoord.status_code == 400 and "einddatum" in antwoord.content.decode()
    antwoord = client.post(url, {"van": "2026-05-01", "tot": "2026-05-10", "vervanger": collega.pk}, follow=True)
    assert "1 mei 2026" in antwoord.content.decode()


def test_dossier_sectie_toont_meldingen(rf, org):
    from django.template.loader import render_to_string

    from toegang.melding.registratie import dossier_sectie, tijdlijn

    h = maak_huishouden(org.wijk_a)
    m = melding(h, leefgebieden=DRIE)
    sectie = dossier_sectie(rf.get("/"), h)
    html = render_to_string(sectie["template"], {"blok": sectie, "sectie": sectie})
    assert m.ontvangstnummer in html and "Geagendeerd" in html
    assert any(m.ontvangstnummer in r["omschrijving"] for r in tijdlijn(h))


def test_beheer_maakt_partnersleutel_via_de_service(client, org):
    from django.contrib.auth.models import Permission

    from tests.toegang_melding.factories import maak_partner
    from toegang.models import PartnerToken

    beheer = org.mensen["beheer"]
    beheer.is_staff = True
    beheer.save()
    beheer.user_permissions.add(*Permission.objects.filter(content_type__app_label="toegang"))
    partner = maak_partner(org.gemeente)
    client.force_login(beheer)
    antwoord = client.post("/beheer/toegang/partnertoken/add/", {"organisatie": partner.pk, "naam": "Systeem",
                                                                 "actief": "on"}, follow=True)
    token = PartnerToken.objects.get()
    assert "maar één keer getoond" in antwoord.content.decode() and len(token.sleutel_hash) == 64
    assert client.get("/beheer/toegang/melding/").status_code == 200
    assert client.get("/beheer/toegang/postcodewijk/").status_code == 200
