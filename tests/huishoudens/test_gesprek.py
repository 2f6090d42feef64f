"""Keukentafelgesprek: draft and final, per leefgebied, and the verslag PDF read back with pypdf."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from audit.models import AuditEvent
from huishoudens.models import Keukentafelgesprek, Traject
from huishoudens.verslag import maak_verslag_pdf
from tests.huishoudens.factories import maak_dossier


def _pdf_tekst(pdf):
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def _gegevens(h, **extra):
    return {"datum": "2026-02-01", "plaats": "thuis", "deelnemers_huishouden": [h.personen.first().pk],
            "eigen_woorden": "Wij willen zelf de post weer kunnen bijhouden.", "afspraken": "Over 4 weken evalueren.",
            "lg-financien-wat_speelt": "Betalingsachterstand bij de energieleverancier",
            "lg-financien-eigen_kracht": "Mevrouw opent de post zelf", "lg-sociaal_netwerk-netwerk": "Dochter helpt",
            **extra}


def test_gesprek_als_concept_en_daarna_definitief(client, org):
    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    client.force_login(org.mensen["teamlid"])
    assert client.get(reverse("huishoudens:gesprek_nieuw", args=[h.pk])).status_code == 200
    antwoord = client.post(reverse("huishoudens:gesprek_nieuw", args=[h.pk]), _gegevens(h, actie="concept"))
    gesprek = Keukentafelgesprek.objects.get(traject__huishouden=h)
    assert antwoord.status_code == 302 and gesprek.status == "concept"
    assert set(gesprek.leefgebieden.values_list("leefgebied", flat=True)) == {"financien", "sociaal_netwerk"}
    assert h.trajecten.get().status == Traject.Status.IN_ONDERZOEK  # the onderzoek has started
    url = reverse("huishoudens:gesprek_wijzigen", args=[h.pk, gesprek.pk])
    # final without cliëntondersteuning: refused, input kept
    antwoord = client.post(url, _gegevens(h, actie="definitief", lock_versie=gesprek.lock_versie))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400 and "cliëntondersteuning" in inhoud and "energieleverancier" in inhoud
    antwoord = client.post(url, _gegevens(h, actie="definitief", lock_versie=gesprek.lock_versie,
                                          clientondersteuning_aangeboden="on"))
    assert antwoord.status_code == 302
    gesprek.refresh_from_db()
    assert gesprek.is_definitief and gesprek.definitief_op is not None
    assert client.get(url).status_code == 404  # a final gesprek cannot be edited
    inhoud = client.get(reverse("huishoudens:gesprek", args=[h.pk, gesprek.pk])).content.decode()
    assert "Betalingsachterstand" in inhoud and "Definitief" in inhoud


def test_gesprek_gelijktijdig_gewijzigd_geeft_melding_en_houdt_invoer(client, dossier):
    h = dossier.huishouden
    url = reverse("huishoudens:gesprek_wijzigen", args=[h.pk, dossier.gesprek.pk])
    client.force_login(dossier.mensen["regisseur"])
    assert client.post(url, _gegevens(h, actie="concept", lock_versie=0)).status_code == 302
    antwoord = client.post(url, _gegevens(h, actie="concept", lock_versie=0, afspraken="Mijn eigen afspraak"))
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400 and "Iemand anders heeft dit gesprek intussen gewijzigd" in inhoud
    assert "Mijn eigen afspraak" in inhoud


def test_verslag_pdf_bevat_doelen_en_nederlandse_tekens(dossier):
    tekst = _pdf_tekst(maak_verslag_pdf(dossier.gesprek))
    assert "Verslag van het keukentafelgesprek" in tekst
    assert "Gemeente Ridderkerk" in tekst
    assert "Schulden zijn in beeld en er is een betaalregeling" in tekst  # the household's goal
    assert "Achterstand huur" in tekst and "Financiën" in tekst
    assert "Öztürk" in tekst and "cliëntondersteuning" in tekst  # Dutch characters intact
    assert "15 januari 2026" in tekst


def test_verslag_downloaden_wordt_gelogd_en_bevat_geen_ander_huishouden(client, dossier):
    ander = maak_dossier(dossier.org, naam="Familie Anders")
    client.force_login(dossier.mensen["teamlid"])
    antwoord = client.get(reverse("huishoudens:verslag", args=[dossier.huishouden.pk, dossier.gesprek.pk]))
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    assert "attachment" in antwoord["Content-Disposition"]
    tekst = _pdf_tekst(antwoord.content)
    assert "Familie Öztürk-Jansen" in tekst and "Familie Anders" not in tekst
    regel = AuditEvent.objects.filter(object_type="huishoudens.keukentafelgesprek").latest("id")
    assert regel.actie == "export" and regel.huishouden_id == dossier.huishouden.pk
    # the gesprek of another household is not reachable through this household's URL
    assert client.get(reverse("huishoudens:verslag", args=[ander.pk, dossier.gesprek.pk])).status_code == 404


@pytest.mark.parametrize("status", ["concept", "definitief"])
def test_gesprekpagina_rendert(client, dossier, status):
    Keukentafelgesprek.objects.filter(pk=dossier.gesprek.pk).update(status=status)
    client.force_login(dossier.mensen["teamlid"])
    inhoud = client.get(reverse("huishoudens:gesprek", args=[dossier.huishouden.pk, dossier.gesprek.pk])).content
    assert "Verslag downloaden" in inhoud.decode()
    assert ("Gesprek wijzigen" in inhoud.decode()) is (status == "concept")


def test_definitief_verslag_wordt_eenmalig_bewaard(dossier, settings, tmp_path):
    from huishoudens.verslag import bewaar_definitief_verslag

    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                                                          "OPTIONS": {"location": str(tmp_path)}}}
    assert bewaar_definitief_verslag(dossier.gesprek.pk) is None  # a draft is not stored
    Keukentafelgesprek.objects.filter(pk=dossier.gesprek.pk).update(status="definitief")
    naam = bewaar_definitief_verslag(dossier.gesprek.pk)
    assert naam and bewaar_definitief_verslag(dossier.gesprek.pk) is None  # idempotent
    dossier.gesprek.refresh_from_db()
    with dossier.gesprek.verslag_pdf.open("rb") as f:
        assert "Schulden zijn in beeld" in _pdf_tekst(f.read())


@pytest.mark.celery_worker
def test_echte_worker_bewaart_verslag_na_definitief_maken(celery_worker_proces, org, settings):
    import time

    from huishoudens import services

    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    velden = {"datum": "2026-02-01", "plaats": "telefoon", "afspraken": "Bellen over één week",
              "clientondersteuning_aangeboden": True}
    gesprek = services.bewaar_gesprek(traject=h.trajecten.get(), door=org.mensen["teamlid"], definitief=True,
                                      velden=velden)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        gesprek.refresh_from_db()
        if gesprek.verslag_pdf:
            break
        time.sleep(0.5)
    assert gesprek.verslag_pdf, "de worker heeft het verslag niet bewaard"
    with gesprek.verslag_pdf.open("rb") as f:
        assert "Bellen over één week" in _pdf_tekst(f.read())
    gesprek.verslag_pdf.delete(save=False)
