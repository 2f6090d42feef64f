"""Pages: request form, decision (403/404 matrix), werkvoorraad with deadlines and budget, query counts."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from tests.toegang_maatwerk.factories import maak_dossier, vraag_aan
from toegang.maatwerk import services
from toegang.models import (
    Aanbieder,
    Aanvraag,
    BudgetHerschikking,
    BudgetRegel,
    Eenheid,
    Frequentie,
    Product,
    ProductCategorie,
)

pytestmark = pytest.mark.django_db
Status = Aanvraag.Status


def _post_aanvraag(client, dossier, **extra):
    gemeente = dossier.gemeente
    data = {
        "doel": dossier.doel.pk, "client": dossier.volwassene.pk,
        "product": Product.objects.get(gemeente=gemeente, code="01A01").pk,
        "aanbieder": Aanbieder.objects.filter(gemeente=gemeente).first().pk,
        "volume": 3, "eenheid": Eenheid.objects.get(code="04").pk, "frequentie": Frequentie.objects.get(code="2").pk,
        "start": "2026-03-01", "eind": "2026-08-31",
        "motivering": "Dochter woont ver weg; de buurvrouw kan het niet meer; geen algemene voorziening.",
    }
    data.update(extra)
    return client.post(reverse("toegang:aanvraag_nieuw", args=[dossier.pk]), data)


def test_teamlid_vraagt_maatwerk_aan_via_het_formulier(client, mw, dossier):
    client.force_login(mw.mensen["teamlid"])
    pagina = client.get(reverse("toegang:aanvraag_nieuw", args=[dossier.pk]) + f"?doel={dossier.doel.pk}")
    assert pagina.status_code == 200 and "Waarom volstaan lichtere vormen" in pagina.content.decode()
    antwoord = _post_aanvraag(client, dossier)
    aanvraag = Aanvraag.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == aanvraag.get_absolute_url()
    assert aanvraag.aangevraagd_door == mw.mensen["teamlid"] and aanvraag.gebied == mw.gebied_a


def test_foute_invoer_geeft_nederlandse_melding_en_behoudt_invoer(client, mw, dossier):
    client.force_login(mw.mensen["teamlid"])
    antwoord = _post_aanvraag(client, dossier, volume="", eenheid="", frequentie="", eind="2026-01-01",
                              motivering="Een eigen uitleg die blijft staan maar te kort")
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Controleer de volgende gegevens" in inhoud
    assert "De einddatum ligt vóór de startdatum." in inhoud
    assert "Een eigen uitleg die blijft staan" in inhoud
    assert not Aanvraag.objects.exists()


@pytest.mark.parametrize(("wie", "verwacht"), [
    ("medewerker_ander_team", 404), ("coordinator_ander_gebied", 404), ("medewerker_andere_gemeente", 404),
    ("beleidsmedewerker", 404), ("coordinator_eigen_gebied", 403),
])
def test_aanvragen_alleen_door_het_team(client, mw, dossier, wie, verwacht):
    client.force_login(mw.mensen[wie])
    assert client.get(reverse("toegang:aanvraag_nieuw", args=[dossier.pk])).status_code == verwacht


@pytest.mark.parametrize(("wie", "verwacht"), [
    ("teamlid", 200), ("wmoconsulent", 200), ("coordinator_eigen_gebied", 200), ("coordinator_ander_gebied", 404),
    ("medewerker_ander_team", 404), ("medewerker_andere_gemeente", 404), ("beleidsmedewerker", 404), ("lzn", 404),
])
def test_aanvraagpagina_alleen_voor_wie_het_huishouden_ziet(client, mw, dossier, wie, verwacht):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    client.force_login(mw.mensen[wie])
    assert client.get(aanvraag.get_absolute_url()).status_code == verwacht


@pytest.mark.parametrize(("wie", "verwacht"), [
    ("teamlid", 403),  # the requester: four eyes
    ("coordinator_eigen_gebied", 403),  # no mandate: the Wmo-consulent decides Wmo in the Sociaal team
    ("coordinator_ander_gebied", 404), ("medewerker_andere_gemeente", 404),
])
def test_verkeerde_beslisser_krijgt_403_of_404_en_er_verandert_niets(client, mw, dossier, wie, verwacht):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    client.force_login(mw.mensen[wie])
    antwoord = client.post(reverse("toegang:aanvraag_besluit", args=[aanvraag.pk]),
                           {"besluit": Status.TOEGEKEND, "reden": "Akkoord"})
    assert antwoord.status_code == verwacht
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.INGEDIEND and aanvraag.besloten_door is None
    assert aanvraag.statuswijzigingen.count() == 1


def test_wmo_consulent_beslist_via_de_pagina(client, mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    client.force_login(mw.mensen["wmoconsulent"])
    pagina = client.get(aanvraag.get_absolute_url()).content.decode()
    assert "Besluit nemen" in pagina
    fout = client.post(reverse("toegang:aanvraag_besluit", args=[aanvraag.pk]), {"besluit": Status.AFGEWEZEN,
                                                                                   "reden": "Voorliggend"})
    assert fout.status_code == 400 and "lichtere activiteit" in fout.content.decode()
    antwoord = client.post(reverse("toegang:aanvraag_besluit", args=[aanvraag.pk]),
                           {"besluit": Status.TOEGEKEND, "reden": "Noodzakelijk"})
    assert antwoord.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TOEGEKEND
    inhoud = client.get(aanvraag.get_absolute_url()).content.decode()
    assert "Toewijzing aan de aanbieder" in inhoud and f"{aanvraag.pk:08d}" in inhoud


def test_aanvrager_ziet_geen_besluitformulier(client, mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    client.force_login(mw.mensen["teamlid"])
    inhoud = client.get(aanvraag.get_absolute_url()).content.decode()
    assert "Besluit nemen" not in inhoud and "vier ogen" in inhoud


def test_terugsturen_opnieuw_indienen_en_intrekken_via_paginas(client, mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"],
                                   besluit=Status.TERUGGESTUURD,
                             reden="Meer informatie over het netwerk")
    client.force_login(mw.mensen["teamlid"])
    assert "Aanvullen en opnieuw indienen" in client.get(aanvraag.get_absolute_url()).content.decode()
    url = reverse("toegang:aanvraag_opnieuw", args=[aanvraag.pk])
    assert client.post(url, {"motivering": "kort"}).status_code == 400
    antwoord = client.post(reverse("toegang:aanvraag_opnieuw", args=[aanvraag.pk]),
                           {"motivering": "Het netwerk bestaat alleen uit een zus in het buitenland."})
    assert antwoord.status_code == 302
    assert client.post(reverse("toegang:aanvraag_intrekken", args=[aanvraag.pk]), {"reden": ""}).status_code == 400
    assert client.post(reverse("toegang:aanvraag_intrekken", args=[aanvraag.pk]),
                       {"reden": "Huishouden ziet af"}).status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.INGETROKKEN


def test_zorgstart_en_stop_registreren(client, mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"], besluit=Status.TOEGEKEND,
                             reden="Ok")
    client.force_login(mw.mensen["teamlid"])
    fout = client.post(reverse("toegang:zorg_start", args=[aanvraag.pk]), {"start-datum": "2025-01-01"})
    assert fout.status_code == 400 and "binnen de toewijzing" in fout.content.decode()
    url = reverse("toegang:zorg_start", args=[aanvraag.pk])
    assert client.post(url, {"start-datum": "2026-03-02"}).status_code == 302
    assert client.post(reverse("toegang:zorg_stop", args=[aanvraag.pk]),
                       {"stop-datum": "2026-06-30", "stop-reden": "Doel bereikt"}).status_code == 302
    t = aanvraag.toewijzing.__class__.objects.get(aanvraag=aanvraag)
    assert t.zorg_gestart_op == date(2026, 3, 2) and t.zorg_gestopt_op == date(2026, 6, 30)


def _budget(mw, bedrag="100000"):
    return BudgetRegel.objects.create(gemeente=mw.gemeente, gebied=mw.gebied_a, jaar=2026, bedrag=Decimal(bedrag),
                                      categorie=ProductCategorie.objects.get(wet="wmo", code="01"))


def test_verplichting_is_volume_maal_tarief_voor_de_periode(mw, dossier):
    from toegang.maatwerk.selectors import budgetregels

    regel = _budget(mw)
    andere = BudgetRegel.objects.create(gemeente=mw.gemeente, gebied=mw.gebied_a, jaar=2026, bedrag=Decimal("5000"),
                                        categorie=ProductCategorie.objects.get(wet="wmo", code="02"))
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])  # 3 uur per week, 1-3 t/m 31-8-2026, tarief 32,50
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"], besluit=Status.TOEGEKEND,
                             reden="Ok")
    services.herschik_budget(van=regel, naar=andere, bedrag=Decimal("1000"), reden="Meer begeleiding nodig",
                       door=mw.mensen["coordinator_eigen_gebied"])
    dagen = (date(2026, 8, 31) - date(2026, 3, 1)).days + 1
    verwacht = (Decimal(3) * Decimal("32.50") * dagen / 7).quantize(Decimal("0.01"))
    regels = {r.pk: r for r in budgetregels(gemeente_id=mw.gemeente.pk, jaar=2026, gebied_ids=[mw.gebied_a.pk])}
    assert regels[regel.pk].verplicht == verwacht
    assert regels[regel.pk].beschikbaar == Decimal("99000")
    assert regels[andere.pk].beschikbaar == Decimal("6000") and regels[andere.pk].verplicht == 0
    # a budget line of another year is not touched
    assert budgetregels(gemeente_id=mw.gemeente.pk, jaar=2025) == []


def test_werkvoorraad_toont_termijnen_kindveiligheid_eerst_en_budget(client, mw, dossier, jeugddossier):
    vandaag = timezone.localdate()
    _budget(mw)
    oud = vraag_aan(jeugddossier, mw.mensen["teamlid_jgt"], product_code="45A48", client=jeugddossier.kind,
                    aanvraagdatum=vandaag - timedelta(days=20))
    tweede = maak_dossier(mw.team_a_jgt, regisseur=mw.mensen["teamlid_jgt"], met_kind=True,
                          door=mw.mensen["coordinator_eigen_gebied"], naam="Gezin Kaya")
    tweede.traject.zorgen_kindveiligheid = True
    tweede.traject.save()
    veilig = vraag_aan(tweede, mw.mensen["teamlid_jgt"], product_code="45A48", client=tweede.kind,
                       aanvraagdatum=vandaag - timedelta(days=10))
    client.force_login(mw.mensen["coordinator_eigen_gebied"])
    inhoud = client.get(reverse("toegang:maatwerk_werkvoorraad")).content.decode()
    assert inhoud.index("Gezin Kaya") < inhoud.index("Gezin de Vries")  # child safety first
    assert "Termijn verlopen" in inhoud and "Binnen een week" in inhoud
    assert "Budget 2026" in inhoud and "100.000,00" in inhoud
    assert oud.huishouden.naam in inhoud and veilig.huishouden.naam in inhoud
    # the Wmo request of the Sociaal team is for the Wmo-consulent, not in the coördinator's list
    wmo = vraag_aan(dossier, mw.mensen["teamlid"])
    client.force_login(mw.mensen["wmoconsulent"])
    inhoud = client.get(reverse("toegang:maatwerk_werkvoorraad")).content.decode()
    assert wmo.huishouden.naam in inhoud and "Gezin Kaya" not in inhoud
    # the other gebied's coördinator sees none of it
    client.force_login(mw.mensen["coordinator_ander_gebied"])
    inhoud = client.get(reverse("toegang:maatwerk_werkvoorraad")).content.decode()
    assert "Gezin Kaya" not in inhoud and "Er liggen geen aanvragen voor u klaar." in inhoud


def test_startblok_en_menu_voor_coordinator(client, mw, jeugddossier):
    vraag_aan(jeugddossier, mw.mensen["teamlid_jgt"], product_code="45A48", client=jeugddossier.kind,
              aanvraagdatum=timezone.localdate() - timedelta(days=30))
    client.force_login(mw.mensen["coordinator_eigen_gebied"])
    inhoud = client.get(reverse("start")).content.decode()
    assert "1 aanvraag wacht op uw besluit" in inhoud and "1 over de termijn" in inhoud
    assert reverse("toegang:maatwerk_werkvoorraad") in inhoud


def test_werkvoorraad_niet_voor_beleid(client, mw):
    client.force_login(mw.mensen["beleidsmedewerker"])
    assert client.get(reverse("toegang:maatwerk_werkvoorraad")).status_code == 403


def test_budget_herschikken_via_pagina(client, mw):
    regel = _budget(mw)
    andere = BudgetRegel.objects.create(gemeente=mw.gemeente, gebied=mw.gebied_a, jaar=timezone.localdate().year,
                                        bedrag=Decimal("100"), categorie=ProductCategorie.objects.get(wet="wmo",
                                                                                                       code="02"))
    regel.jaar = timezone.localdate().year
    regel.save()
    client.force_login(mw.mensen["coordinator_eigen_gebied"])
    fout = client.post(reverse("toegang:budget_herschikken"), {"van": regel.pk, "naar": regel.pk, "bedrag": "10",
                                                               "reden": "x"})
    assert fout.status_code == 400 and "twee verschillende" in fout.content.decode()
    assert client.post(reverse("toegang:budget_herschikken"), {"van": regel.pk, "naar": andere.pk, "bedrag": "250",
                                                               "reden": "Tekort"}).status_code == 302
    assert BudgetHerschikking.objects.get().bedrag == Decimal("250")
    client.force_login(mw.mensen["teamlid"])
    assert client.post(reverse("toegang:budget_herschikken"), {}).status_code == 403


def test_werkvoorraad_queries_groeien_niet_mee(client, mw, django_assert_max_num_queries):
    _budget(mw)
    teamlid = mw.mensen["teamlid_jgt"]

    def maak(n):
        for i in range(n):
            d = maak_dossier(mw.team_a_jgt, regisseur=teamlid, met_kind=True,
                             door=mw.mensen["coordinator_eigen_gebied"], naam=f"Gezin {i}")
            vraag_aan(d, teamlid, product_code="45A48", client=d.kind)

    maak(2)
    client.force_login(mw.mensen["coordinator_eigen_gebied"])
    client.get(reverse("toegang:maatwerk_werkvoorraad"))
    # 14 + 2 for the read log (the role for the audit row, one bulk INSERT for all requests shown)
    with django_assert_max_num_queries(16) as eerste:
        assert client.get(reverse("toegang:maatwerk_werkvoorraad")).status_code == 200
    maak(8)
    with django_assert_max_num_queries(len(eerste.captured_queries)):
        assert client.get(reverse("toegang:maatwerk_werkvoorraad")).status_code == 200


def test_aanvraagpagina_queries_en_een_leesregel(client, mw, dossier, django_assert_max_num_queries):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    client.force_login(mw.mensen["wmoconsulent"])
    client.get(aanvraag.get_absolute_url())
    voor = AuditEvent.objects.filter(actie="read").count()
    with django_assert_max_num_queries(22):
        client.get(aanvraag.get_absolute_url())
    assert AuditEvent.objects.filter(actie="read").count() == voor + 1


def test_dossiersectie_en_tijdlijn(rf, mw, dossier):
    from toegang.maatwerk.registratie import dossiersectie, tijdlijn

    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    verzoek = rf.get("/")
    verzoek.user = mw.mensen["teamlid"]
    sectie = dossiersectie(verzoek, dossier)
    assert sectie["aanvragen"] == [aanvraag] and sectie["mag_aanvragen"] and sectie["mag_opschalen"]
    from django.template.loader import render_to_string

    html = render_to_string(sectie["template"], sectie, request=verzoek)
    assert "Hulp bij het huishouden" in html and "Opschalen" in html
    items = list(tijdlijn(dossier))
    assert items[0]["omschrijving"] == "Hulp bij het huishouden: Ingediend"
