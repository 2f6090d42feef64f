"""Issue 17: the sociaal makelaar and the functioneel beheerder keep the sociale kaart current (form, CSV, API)."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from huishoudens import services as huishouden_services
from huishoudens.models import Actie, Leefgebied
from tests.factories import maak_gebruiker
from tests.huishoudens.factories import maak_dossier
from wijkteams import rollen, services
from wijkteams.models import Aanbod

PUBLIEK = "/toegang/inwoners/sociale-kaart/"
GISTEREN = (timezone.localdate() - timedelta(days=1)).isoformat()


def _formulier(org, **extra):
    return {"naam": "Taalcafé Bolnes", "categorie": "onderwijs", "soort": "activiteit", "aanbieder": "Bibliotheek",
            "omschrijving": "Elke week Nederlands oefenen.", "doelgroep": "Nieuwkomers", "wijk": org.wijk_a.pk,
            "gebied": "", "contact": "0180-123456", "openingstijden": "Di 14-16",
            "regionale_kaart": "https://www.socialekaartrijnmond.nl/taalcafe", "geldig_van": "2026-01-01",
            "geldig_tot": "", "openbaar": "on", "code": "taalcafe-bolnes", **extra}


def _publiek(client):
    return client.get(PUBLIEK, {"gemeente": "0597"}).content.decode()


def test_makelaar_voegt_toe_wijzigt_en_beeindigt_en_de_publieke_kaart_volgt(client, org):
    client.force_login(org.mensen["sociaal_makelaar"])
    assert client.get(reverse("wijkteams:aanbod_nieuw")).status_code == 200
    antwoord = client.post(reverse("wijkteams:aanbod_nieuw"), _formulier(org))
    assert antwoord.status_code == 302
    aanbod = Aanbod.objects.get(code="taalcafe-bolnes")
    assert (aanbod.gemeente, aanbod.gebied, aanbod.categorie) == (org.gemeente, org.gebied_a, "onderwijs")
    assert aanbod.regionale_kaart == "https://www.socialekaartrijnmond.nl/taalcafe"
    assert "Taalcafé Bolnes" in client.get(reverse("wijkteams:aanbod_beheer")).content.decode()
    client.logout()
    assert "Taalcafé Bolnes" in _publiek(client)

    client.force_login(org.mensen["sociaal_makelaar"])
    url = reverse("wijkteams:aanbod_wijzigen", args=[aanbod.pk])
    assert 'value="Taalcafé Bolnes"' in client.get(url).content.decode()
    assert client.post(url, _formulier(org, naam="Taalcafé Bolnes-Slikkerveer")).status_code == 302
    aanbod.refresh_from_db()
    assert aanbod.naam == "Taalcafé Bolnes-Slikkerveer"

    url = reverse("wijkteams:aanbod_beeindigen", args=[aanbod.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"laatste_dag": ""}).status_code == 302
    aanbod.refresh_from_db()
    assert aanbod.is_beeindigd and not aanbod.actief
    assert "Beëindigd" in client.get(reverse("wijkteams:aanbod_beheer")).content.decode()
    client.logout()
    assert "Taalcafé" not in _publiek(client)

    acties = list(AuditEvent.objects.filter(object_type="wijkteams.aanbod", object_id=str(aanbod.pk))
                  .values_list("actie", flat=True).order_by("id"))
    assert acties == ["create", "update", "update"]


def test_formulier_fouten_in_het_nederlands_en_invoer_blijft(client, org):
    client.force_login(org.mensen["beheer"])
    andere_wijk = org.andere_gemeente.wijken.get()
    antwoord = client.post(reverse("wijkteams:aanbod_nieuw"),
                           _formulier(org, categorie="", wijk=andere_wijk.pk, geldig_tot="2025-01-01"))
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert "Controleer de volgende gegevens" in inhoud and "Kies een categorie." in inhoud
    assert 'value="Taalcafé Bolnes"' in inhoud
    assert not Aanbod.objects.exists()
    antwoord = client.post(reverse("wijkteams:aanbod_nieuw"), _formulier(org, geldig_tot="2025-01-01"))
    assert antwoord.status_code == 400 and "De einddatum ligt vóór de begindatum." in antwoord.content.decode()


def test_beeindigd_aanbod_verdwijnt_uit_de_plannen_editor_maar_blijft_op_het_plan(client, org):
    regisseur = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="regisseur", teams=[org.team_a])
    makelaar = org.mensen["sociaal_makelaar"]
    aanbod = services.voeg_aanbod_toe(gemeente=org.gemeente, door=makelaar, naam="Burenhulp Bolnes",
                                      categorie="welzijn", soort="vrijwilligers", wijk=org.wijk_a,
                                      geldig_van=timezone.localdate() - timedelta(days=30))
    h = maak_dossier(org, regisseur=regisseur, naam="Familie De Vries")
    plan = huishouden_services.maak_plan(traject=h.trajecten.get(), door=regisseur)
    doel = huishouden_services.voeg_doel_toe(plan=plan, door=regisseur, lock_versie=0,
                                             leefgebied=Leefgebied.SOCIAAL_NETWERK, omschrijving="Minder alleen",
                                             resultaat="")
    plan.refresh_from_db()
    url = reverse("huishoudens:plan", args=[h.pk, plan.pk])
    client.force_login(regisseur)
    assert "Burenhulp Bolnes (Vrijwilligersorganisatie)" in client.get(url).content.decode()
    antwoord = client.post(url, {"onderdeel": "actie", "actie-lock_versie": plan.lock_versie, "actie-doel": doel.pk,
                                 "actie-omschrijving": "Buurman helpt", "actie-ladder": "vrijwilligers",
                                 "actie-wie": "Buurman", "actie-aanbod": aanbod.pk})
    assert antwoord.status_code == 302

    services.beeindig_aanbod(aanbod=aanbod, door=makelaar)
    inhoud = client.get(url).content.decode()
    assert "Burenhulp Bolnes (Vrijwilligersorganisatie)" not in inhoud  # no longer a choice
    assert "Burenhulp Bolnes" in inhoud  # still on the plan that used it
    assert Actie.objects.get(doel=doel).aanbod_id == aanbod.pk
    plan.refresh_from_db()
    antwoord = client.post(url, {"onderdeel": "actie", "actie-lock_versie": plan.lock_versie, "actie-doel": doel.pk,
                                 "actie-omschrijving": "Nog een keer", "actie-ladder": "vrijwilligers",
                                 "actie-wie": "Buurman", "actie-aanbod": aanbod.pk})
    assert antwoord.status_code == 400


def test_laatste_dag_in_de_toekomst_blijft_tot_dan_op_de_kaart(client, org):
    makelaar = org.mensen["sociaal_makelaar"]
    aanbod = services.voeg_aanbod_toe(gemeente=org.gemeente, door=makelaar, naam="Zomerschool", categorie="onderwijs",
                                      soort="activiteit", geldig_van=timezone.localdate() - timedelta(days=5))
    services.beeindig_aanbod(aanbod=aanbod, door=makelaar, laatste_dag=timezone.localdate() + timedelta(days=3))
    assert "Zomerschool" in _publiek(client)
    assert Aanbod.objects.lopend(timezone.localdate() + timedelta(days=4)).filter(pk=aanbod.pk).count() == 0


CSV = (
    "code;naam;categorie;soort;aanbieder;wijk;contact;geldig_van;regionale_kaart;openbaar\n"
    "burenhulp-bolnes;Burenhulp Bolnes;Welzijn;vrijwilligers;Wijkplatform;WK059701;0180-1;2026-01-01;;ja\n"
    "schuldhulp;Schuldhulpmaatje;werk en inkomen;vrijwilligers;SHM;;0180-2;2026-01-01;"
    "https://www.socialekaartrijnmond.nl/shm;ja\n"
    "woonloket;Woonloket;wonen;algemene_voorziening;Woonvisie;WK059703;;2026-01-01;;nee\n"
)


def _importeer(client, tekst):
    return client.post(reverse("wijkteams:aanbod_import"),
                       {"bestand": SimpleUploadedFile("aanbod.csv", tekst.encode("utf-8"), "text/csv")})


def test_csv_import_tweemaal_verandert_niets(client, org):
    client.force_login(org.mensen["sociaal_makelaar"])
    assert client.get(reverse("wijkteams:aanbod_import")).status_code == 200
    assert _importeer(client, CSV).status_code == 302
    assert Aanbod.objects.filter(gemeente=org.gemeente).count() == 3
    schuld = Aanbod.objects.get(code="schuldhulp")
    assert (schuld.categorie, schuld.wijk, schuld.gebied) == ("werk_inkomen", None, None)
    assert Aanbod.objects.get(code="woonloket").openbaar is False
    voor = list(Aanbod.objects.order_by("pk").values())
    audit_voor = AuditEvent.objects.filter(object_type="wijkteams.aanbod").count()

    antwoord = _importeer(client, CSV)
    assert antwoord.status_code == 302
    assert list(Aanbod.objects.order_by("pk").values()) == voor
    assert AuditEvent.objects.filter(object_type="wijkteams.aanbod").count() == audit_voor
    berichten = client.get(reverse("wijkteams:aanbod_beheer")).content.decode()
    assert "0 nieuw, 0 gewijzigd, 3 ongewijzigd" in berichten

    gewijzigd = CSV.replace("Burenhulp Bolnes;", "Burenhulp Bolnes en Slikkerveer;")
    assert _importeer(client, gewijzigd).status_code == 302
    assert Aanbod.objects.get(code="burenhulp-bolnes").naam == "Burenhulp Bolnes en Slikkerveer"
    assert Aanbod.objects.count() == 3


def test_csv_import_fout_per_regel_en_niets_opgeslagen(client, org):
    client.force_login(org.mensen["beheer"])
    fout = (CSV.replace("Welzijn;", "Sport;")  # line 2: unknown category
            .replace(";WK059703;", ";WK048201;"))  # line 4: a wijk of another gemeente
    antwoord = _importeer(client, fout)
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert "Regel 2, categorie: Onbekende categorie" in inhoud
    assert "Regel 4, wijk: Wijk WK048201 hoort niet bij deze gemeente." in inhoud
    assert "Regel 3" not in inhoud
    assert not Aanbod.objects.exists()


def test_api_schrijft_via_dezelfde_service(client, org):
    client.force_login(org.mensen["sociaal_makelaar"])
    antwoord = client.post("/api/v1/sociale-kaart-beheer/", {
        "code": "inloop", "naam": "Inloop Centrum", "categorie": "leefbaarheid", "soort": "activiteit",
        "wijk": org.wijk_b.pk, "geldig_van": "2026-01-01"}, content_type="application/json")
    assert antwoord.status_code == 201, antwoord.content
    pk = antwoord.json()["id"]
    assert Aanbod.objects.get(pk=pk).gebied == org.gebied_b
    antwoord = client.patch(f"/api/v1/sociale-kaart-beheer/{pk}/", {"categorie": "vrije_tijd"},
                            content_type="application/json")
    assert antwoord.status_code == 200 and antwoord.json()["categorie"] == "vrije_tijd"
    antwoord = client.patch(f"/api/v1/sociale-kaart-beheer/{pk}/", {"wijk": org.andere_gemeente.wijken.get().pk},
                            content_type="application/json")
    assert antwoord.status_code == 400 and "wijk" in antwoord.json()
    antwoord = client.post(f"/api/v1/sociale-kaart-beheer/{pk}/beeindigen/", {}, content_type="application/json")
    assert antwoord.status_code == 200 and antwoord.json()["actief"] is False
    assert not Aanbod.objects.lopend().filter(pk=pk).exists()
    assert AuditEvent.objects.filter(object_type="wijkteams.aanbod", object_id=str(pk)).count() == 3


@pytest.mark.parametrize("wie", ["teamlid", "coordinator_eigen_gebied", "beleidsmedewerker", "bestuurstafel"])
def test_andere_rollen_mogen_niet_schrijven(client, org, wie):
    aanbod = services.voeg_aanbod_toe(gemeente=org.gemeente, door=org.mensen["beheer"], naam="Formulierenbrigade",
                                      categorie="werk_inkomen", soort="algemene_voorziening")
    client.force_login(org.mensen[wie])
    assert client.get(reverse("wijkteams:aanbod_beheer")).status_code == 403
    assert client.post(reverse("wijkteams:aanbod_nieuw"), _formulier(org)).status_code == 403
    assert client.post(reverse("wijkteams:aanbod_beeindigen", args=[aanbod.pk]), {}).status_code == 403
    assert client.post("/api/v1/sociale-kaart-beheer/", {"naam": "X", "categorie": "zorg", "soort": "activiteit"},
                       content_type="application/json").status_code == 403
    assert client.post(f"/api/v1/sociale-kaart-beheer/{aanbod.pk}/beeindigen/", {},
                       content_type="application/json").status_code == 403
    aanbod.refresh_from_db()
    assert aanbod.is_lopend and Aanbod.objects.count() == 1


def test_makelaar_van_een_andere_gemeente_krijgt_404(client, org):
    aanbod = services.voeg_aanbod_toe(gemeente=org.gemeente, door=org.mensen["beheer"], naam="Formulierenbrigade",
                                      categorie="werk_inkomen", soort="algemene_voorziening")
    ander = maak_gebruiker(org.andere_gemeente, rollen.SOCIAAL_MAKELAAR, username="makelaar_ander")
    client.force_login(ander)
    assert "Formulierenbrigade" not in client.get(reverse("wijkteams:aanbod_beheer")).content.decode()
    assert client.get(reverse("wijkteams:aanbod_wijzigen", args=[aanbod.pk])).status_code == 404
    assert client.post(reverse("wijkteams:aanbod_beeindigen", args=[aanbod.pk]), {}).status_code == 404
    assert client.patch(f"/api/v1/sociale-kaart-beheer/{aanbod.pk}/", {"naam": "Weg"},
                        content_type="application/json").status_code == 404
    with pytest.raises(Exception):  # the service refuses too, whatever door it is called through
        services.wijzig_aanbod(aanbod=aanbod, door=ander, naam="Weg")
    aanbod.refresh_from_db()
    assert aanbod.naam == "Formulierenbrigade" and aanbod.is_lopend


def test_menu_en_beheerpagina_queries(client, org, django_assert_max_num_queries):
    makelaar = org.mensen["sociaal_makelaar"]
    client.force_login(makelaar)
    assert reverse("wijkteams:aanbod_beheer") in client.get(reverse("start")).content.decode()
    client.get(reverse("wijkteams:aanbod_beheer"))
    for i in range(12):
        services.voeg_aanbod_toe(gemeente=org.gemeente, door=makelaar, naam=f"Aanbod {i}", categorie="zorg",
                                 soort="professioneel", wijk=org.wijk_a if i % 2 else None)
    with django_assert_max_num_queries(8):
        antwoord = client.get(reverse("wijkteams:aanbod_beheer"))
    assert antwoord.content.decode().count("Wijzigen") == 12
    with django_assert_max_num_queries(10):
        assert client.get(reverse("wijkteams:aanbod_wijzigen",
                                  args=[Aanbod.objects.first().pk])).status_code == 200


def test_publieke_en_interne_kaart_filteren_op_categorie_en_linken_naar_de_regionale_kaart(client, org):
    makelaar = org.mensen["sociaal_makelaar"]
    services.voeg_aanbod_toe(gemeente=org.gemeente, door=makelaar, naam="Woonloket", categorie="wonen",
                             soort="algemene_voorziening", regionale_kaart="https://www.socialekaartrijnmond.nl/woon")
    services.voeg_aanbod_toe(gemeente=org.gemeente, door=makelaar, naam="Sportcafé", categorie="vrije_tijd",
                             soort="activiteit")
    inhoud = client.get(PUBLIEK, {"gemeente": "0597", "categorie": "wonen"}).content.decode()
    assert "Woonloket" in inhoud and "Sportcafé" not in inhoud
    assert 'href="https://www.socialekaartrijnmond.nl/woon"' in inhoud
    client.force_login(org.mensen["teamlid"])
    inhoud = client.get(reverse("wijkteams:sociale_kaart"), {"categorie": "vrije_tijd"}).content.decode()
    assert "Sportcafé" in inhoud and "Woonloket" not in inhoud
    data = client.get("/api/v1/sociale-kaart/?categorie=wonen").json()
    assert [a["naam"] for a in data["results"]] == ["Woonloket"]
    assert data["results"][0]["regionale_kaart"] == "https://www.socialekaartrijnmond.nl/woon"
