"""Collective activities, complaints and the client survey: pages, CSV import, permissions."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gemeenschap import services
from gemeenschap.models import ActieActiviteit, ClientervaringScore, CollectieveActiviteit, Klacht

pytestmark = pytest.mark.django_db


def test_activiteit_registreren_wijzigen_en_fouten(client, org):
    client.force_login(org.mensen["teamlid"])
    assert client.get(reverse("gemeenschap:activiteit_nieuw")).status_code == 200
    antwoord = client.post(reverse("gemeenschap:activiteit_nieuw"), {
        "titel": "Valpreventie", "soort": "voorlichting", "wijk": org.wijk_a.pk, "startdatum": "2026-03-01",
        "einddatum": "2026-02-01", "bereik": "-2"})
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400 and "De einddatum ligt vóór de startdatum." in inhoud
    assert "Het bereik kan niet negatief zijn." in inhoud and 'value="Valpreventie"' in inhoud
    assert not CollectieveActiviteit.objects.exists()
    antwoord = client.post(reverse("gemeenschap:activiteit_nieuw"), {
        "titel": "Valpreventie", "soort": "voorlichting", "wijk": org.wijk_a.pk, "startdatum": "2026-03-01",
        "partner": "Aafje"})
    a = CollectieveActiviteit.objects.get()
    assert antwoord.status_code == 302 and a.gebied == org.gebied_a
    client.post(reverse("gemeenschap:activiteit_wijzigen", args=[a.pk]), {
        "titel": "Valpreventie", "soort": "voorlichting", "wijk": org.wijk_a.pk, "startdatum": "2026-03-01",
        "bereik": "23"})
    a.refresh_from_db()
    assert a.bereik == 23
    assert "Valpreventie" in client.get(reverse("gemeenschap:activiteiten")).content.decode()
    assert "Aafje" not in client.get(a.get_absolute_url()).content.decode()  # partner cleared by the edit


def test_beleidsmedewerker_ziet_activiteiten_maar_wijzigt_niet(client, org):
    a = services.registreer_activiteit(door=org.mensen["teamlid"], gebied=org.gebied_b, soort="ontmoeting",
                                       titel="Buurtsoep", startdatum=date(2026, 1, 10))
    client.force_login(org.mensen["beleidsmedewerker"])
    assert client.get(a.get_absolute_url()).status_code == 200
    assert client.get(reverse("gemeenschap:activiteit_wijzigen", args=[a.pk])).status_code == 403
    client.force_login(org.mensen["medewerker_andere_gemeente"])
    assert client.get(a.get_absolute_url()).status_code == 404


def test_planactiviteit_verwijst_naar_collectieve_activiteit(client, org, dossier):
    a = services.registreer_activiteit(door=org.mensen["teamlid"], wijk=org.wijk_a, soort="groepsaanbod",
                                       titel="Wandelgroep Bolnes", startdatum=date(2026, 1, 10))
    client.force_login(dossier.regisseur)
    url = reverse("gemeenschap:actie_activiteit", args=[dossier.actie.pk])
    assert "Wandelgroep Bolnes" in client.get(url).content.decode()
    assert client.post(url, {"activiteit": a.pk}).status_code == 302
    assert ActieActiviteit.objects.get().activiteit == a
    inhoud = client.get(reverse("gemeenschap:huishouden", args=[dossier.huishouden.pk])).content.decode()
    assert "Verwijst naar collectieve activiteit ‘Wandelgroep Bolnes’" in inhoud
    client.post(url, {"activiteit": ""})
    assert not ActieActiviteit.objects.exists()
    client.force_login(org.mensen["medewerker_ander_team"])
    assert client.get(url).status_code == 404


def test_klacht_registreren_afhandelen_en_termijn(client, org, dossier):
    client.force_login(dossier.regisseur)
    assert client.get(reverse("gemeenschap:klacht_nieuw")).status_code == 200
    overmorgen = timezone.localdate() + timedelta(days=2)
    antwoord = client.post(reverse("gemeenschap:klacht_nieuw"), {"ontvangen_op": overmorgen, "onderwerp": ""})
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400 and "Onderwerp: Dit veld is vereist." in inhoud
    antwoord = client.post(reverse("gemeenschap:klacht_nieuw"), {"ontvangen_op": overmorgen,
                                                                "onderwerp": "x", "team": org.team_a.pk})
    assert antwoord.status_code == 400 and "in de toekomst" in antwoord.content.decode()
    antwoord = client.post(reverse("gemeenschap:klacht_nieuw"), {
        "ontvangen_op": "2025-01-06", "onderwerp": "Niet teruggebeld", "team": org.team_a.pk,
        "huishouden": dossier.huishouden.pk})
    k = Klacht.objects.get()
    assert antwoord.status_code == 302 and k.uiterlijk_afgehandeld == date(2025, 2, 17)
    inhoud = client.get(reverse("gemeenschap:klachten")).content.decode()
    assert "Niet teruggebeld" in inhoud and "te laat" in inhoud
    assert client.post(k.get_absolute_url(), {"naar": "afgehandeld"}).status_code == 404  # not a coordinator
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    antwoord = client.post(k.get_absolute_url(), {"naar": "afgehandeld", "behandeling": "Excuses gemaakt"})
    assert antwoord.status_code == 400 and "Kies de uitkomst van de klacht." in antwoord.content.decode()
    antwoord = client.post(k.get_absolute_url(), {"naar": "afgehandeld", "behandeling": "Excuses gemaakt",
                                                  "uitkomst": "gegrond", "afgehandeld_op": "2025-02-01"})
    k.refresh_from_db()
    assert antwoord.status_code == 302 and k.status == "afgehandeld"
    assert "Gegrond" in client.get(k.get_absolute_url()).content.decode()


@pytest.mark.parametrize("wie", ["sociaal_makelaar", "beleidsmedewerker"])
def test_klachtenregister_niet_voor_makelaar_en_beleid(client, org, wie):
    client.force_login(org.mensen[wie])
    assert client.get(reverse("gemeenschap:klachten")).status_code == 403


def test_clientervaring_invoeren_en_importeren(client, org):
    client.force_login(org.mensen["beleidsmedewerker"])
    assert client.get(reverse("gemeenschap:clientervaring_nieuw")).status_code == 200
    antwoord = client.post(reverse("gemeenschap:clientervaring_nieuw"), {
        "jaar": "2025", "gebied": org.gebied_a.pk, "vraag": "Ik voel me serieus genomen", "score": "120"})
    assert antwoord.status_code == 400 and "tussen 0 en 100" in antwoord.content.decode()
    client.post(reverse("gemeenschap:clientervaring_nieuw"), {
        "jaar": "2025", "gebied": org.gebied_a.pk, "vraag": "Ik voel me serieus genomen", "score": "81.5",
        "respondenten": "140"})
    assert ClientervaringScore.objects.get().score == 81.5

    fout = "jaar;gebied;vraag;score;respondenten\n2025;Onbekend;Vraag A;80;10\n2025;;Vraag B;abc;10\n"
    antwoord = client.post(reverse("gemeenschap:clientervaring_import"),
                           {"bestand": SimpleUploadedFile("cev.csv", fout.encode())})
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Regel 2, gebied: Onbekend gebied ‘Onbekend’." in inhoud
    assert "Regel 3, score: De score is geen getal." in inhoud
    assert ClientervaringScore.objects.count() == 1  # nothing imported

    goed = ("jaar;gebied;vraag;score;respondenten\n"
            f"2025;{org.gebied_a.naam};Ik voel me serieus genomen;83,0;150\n"
            f"2025;{org.gebied_b.naam};Ik voel me serieus genomen;77;98\n"
            "2025;;De ondersteuning past bij mijn vraag;79.4;248\n")
    antwoord = client.post(reverse("gemeenschap:clientervaring_import"),
                           {"bestand": SimpleUploadedFile("cev.csv", goed.encode("utf-8-sig"))})
    assert antwoord.status_code == 302
    assert ClientervaringScore.objects.count() == 3  # the first row was updated, not doubled
    assert ClientervaringScore.objects.get(gebied=org.gebied_a).score == 83
    inhoud = client.get(reverse("gemeenschap:clientervaring")).content.decode()
    assert "Hele gemeente" in inhoud and "79" in inhoud


def test_clientervaring_invoeren_niet_voor_teamlid(client, org):
    client.force_login(org.mensen["teamlid"])
    assert client.get(reverse("gemeenschap:clientervaring")).status_code == 200
    assert client.get(reverse("gemeenschap:clientervaring_nieuw")).status_code == 403
    assert client.post(reverse("gemeenschap:clientervaring_import"), {}).status_code == 403
