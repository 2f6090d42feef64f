"""A decision taken by an external body (Alblasserdam: Sociale Dienst Drechtsteden) is recorded as theirs:
reference, date and their letter (PDF, checked); no beschikking in the gemeente's name; the toewijzing follows."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from tests.toegang_maatwerk.factories import maak_dossier, vraag_aan
from toegang.maatwerk import services
from toegang.maatwerk.beschikking import maak_beschikking
from toegang.maatwerk.tasks import maak_ontbrekende_beschikkingen
from toegang.models import Aanvraag, Mandaat, Toewijzing

pytestmark = pytest.mark.django_db
Status = Aanvraag.Status
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _brief(inhoud=PDF, naam="besluit-sdd.pdf"):
    return SimpleUploadedFile(naam, inhoud, content_type="application/pdf")


@pytest.fixture
def extern(mw):
    dossier = maak_dossier(mw.team_ander, regisseur=mw.mensen["medewerker_andere_gemeente"],
                           door=mw.mensen["coordinator_andere_gemeente"], naam="Huishouden Pronk")
    aanvraag = vraag_aan(dossier, mw.mensen["medewerker_andere_gemeente"], aanvraagdatum=date(2026, 3, 1))
    assert aanvraag.beslisser == Mandaat.Beslisser.EXTERN
    return aanvraag


def test_extern_besluit_zonder_beschikking_met_brief_en_toewijzing(mw, extern):
    services.besluit_over_aanvraag(aanvraag_id=extern.pk, door=mw.mensen["coordinator_andere_gemeente"],
                                   besluit=Status.TOEGEKEND, reden="Toegekend door de SDD",
                                   extern_kenmerk="SDD-2026-0042", extern_besluitdatum=date(2026, 3, 9),
                                   extern_besluitbrief=_brief())
    extern.refresh_from_db()
    assert (extern.status, extern.extern_kenmerk, extern.extern_besluitdatum) == (
        Status.TOEGEKEND, "SDD-2026-0042", date(2026, 3, 9))
    assert extern.extern_besluitbrief.read() == PDF
    assert not extern.beschikking  # the task ran (eager, after commit) and made nothing
    assert maak_beschikking(extern.pk) is None and maak_ontbrekende_beschikkingen() == 0
    extern.refresh_from_db()
    assert not extern.beschikking
    assert Toewijzing.objects.get(aanvraag=extern).toewijzingnummer == f"{extern.pk:08d}"


def test_database_weigert_beschikking_en_besluit_zonder_kenmerk_voor_extern(mw, extern):
    services.besluit_over_aanvraag(aanvraag_id=extern.pk, door=mw.mensen["coordinator_andere_gemeente"],
                                   besluit=Status.TOEGEKEND, reden="Toegekend door de SDD",
                                   extern_kenmerk="SDD-2026-0043", extern_besluitdatum=date(2026, 3, 9))
    for velden, naam in (({"beschikking": "beschikkingen/x.pdf"}, "aanvraag_extern_geen_beschikking"),
                         ({"extern_besluitdatum": None}, "aanvraag_extern_besluit_vastgelegd"),
                         ({"extern_kenmerk": ""}, "aanvraag_extern_besluit_vastgelegd")):
        with pytest.raises(IntegrityError) as fout, transaction.atomic():
            Aanvraag.objects.filter(pk=extern.pk).update(**velden)
        assert fout.value.__cause__.diag.constraint_name == naam


@pytest.mark.parametrize(("velden", "veld", "tekst"), [
    ({"extern_besluitdatum": None}, "extern_besluitdatum", "Vul de datum"),
    ({"extern_besluitdatum": "morgen"}, "extern_besluitdatum", "tussen de aanvraagdatum en vandaag"),
    ({"extern_besluitbrief": "tekst"}, "extern_besluitbrief", "als PDF-bestand"),
    ({"extern_besluitbrief": "groot"}, "extern_besluitbrief", "groter dan 10 MB"),
    ({"extern_kenmerk": " "}, "extern_kenmerk", "kenmerk"),
])
def test_extern_besluit_controles(mw, extern, velden, veld, tekst):
    invoer = {"extern_kenmerk": "SDD-1", "extern_besluitdatum": date(2026, 3, 9), "extern_besluitbrief": _brief()}
    waarde = next(iter(velden.values()))
    invoer[veld] = {"morgen": timezone.localdate() + timedelta(days=1),
                    "tekst": _brief(b"Dit is geen PDF", "besluit.pdf"),
                    "groot": _brief(PDF + b"0" * (10 * 1024 * 1024), "besluit.pdf")}.get(waarde, waarde)
    with pytest.raises(ValidationError) as fout:
        services.besluit_over_aanvraag(aanvraag_id=extern.pk, door=mw.mensen["coordinator_andere_gemeente"],
                                       besluit=Status.TOEGEKEND, reden="SDD", **invoer)
    assert tekst in " ".join(fout.value.message_dict[veld])
    extern.refresh_from_db()
    assert extern.status == Status.INGEDIEND and not Toewijzing.objects.exists()


def test_extern_besluit_via_formulier_en_pagina(client, mw, extern):
    client.force_login(mw.mensen["coordinator_andere_gemeente"])
    pagina = client.get(reverse("toegang:aanvraag", args=[extern.pk]))
    assert "Besluitbrief van de externe instantie" in pagina.content.decode()
    url = reverse("toegang:aanvraag_besluit", args=[extern.pk])
    fout = client.post(url, {"besluit": "toegekend", "reden": "SDD kent toe", "extern_kenmerk": "SDD-7",
                             "extern_besluitbrief": _brief(b"geen pdf", "x.pdf")})
    assert fout.status_code == 400 and "als PDF-bestand" in fout.content.decode()
    goed = client.post(url, {"besluit": "toegekend", "reden": "SDD kent toe", "extern_kenmerk": "SDD-7",
                             "extern_besluitdatum": "2026-03-10", "extern_besluitbrief": _brief()})
    assert goed.status_code == 302
    inhoud = client.get(reverse("toegang:aanvraag", args=[extern.pk])).content.decode()
    assert "SDD-7" in inhoud and "geen eigen beschikking" in inhoud
    brief = client.get(reverse("toegang:besluitbrief", args=[extern.pk]))
    assert brief.status_code == 200 and b"".join(brief.streaming_content) == PDF
    assert client.get(reverse("toegang:beschikking", args=[extern.pk])).status_code == 404
    client.force_login(mw.mensen["coordinator_eigen_gebied"])  # another gemeente: 404
    assert client.get(reverse("toegang:besluitbrief", args=[extern.pk])).status_code == 404


def test_extern_besluit_via_api(mw, extern):
    api = APIClient()
    api.force_authenticate(mw.mensen["coordinator_andere_gemeente"])
    url = f"/api/v1/maatwerk/aanvragen/{extern.pk}/besluit/"
    fout = api.post(url, {"besluit": "toegekend", "reden": "SDD", "extern_kenmerk": "SDD-8"}, format="json")
    assert fout.status_code == 400 and "extern_besluitdatum" in fout.json()
    goed = api.post(url, {"besluit": "toegekend", "reden": "SDD", "extern_kenmerk": "SDD-8",
                          "extern_besluitdatum": "2026-03-10", "extern_besluitbrief": _brief()}, format="multipart")
    assert goed.status_code == 200, goed.json()
    assert goed.json()["extern_besluitdatum"] == "2026-03-10" and goed.json()["besluitbrief_beschikbaar"]
    assert goed.json()["beschikking_beschikbaar"] is False
