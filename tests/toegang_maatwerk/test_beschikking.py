"""The beschikking PDF: made after commit by a Celery task, read back with pypdf, downloadable by who may see."""

import io
import time

import pytest
from django.urls import reverse
from pypdf import PdfReader

from huishoudens.models import Ladder
from tests.toegang_maatwerk.factories import vraag_aan
from toegang.maatwerk import services
from toegang.maatwerk.beschikking import maak_beschikking, maak_beschikking_pdf
from toegang.models import Aanvraag

Status = Aanvraag.Status


def _tekst(pdf_bytes):
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_bytes)).pages)


@pytest.fixture
def toegekend(mw, dossier, django_capture_on_commit_callbacks):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"], product_code="02A05")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"],
                                       besluit=Status.TOEGEKEND,
                                 reden="Structuur in de week is nodig; het netwerk is overbelast.")
    assert len(callbacks) == 1
    aanvraag.refresh_from_db()
    return aanvraag


@pytest.mark.django_db
def test_beschikking_na_commit_gemaakt_en_leesbaar(toegekend):
    assert toegekend.beschikking and toegekend.beschikking_gemaakt_op
    tekst = _tekst(toegekend.beschikking.read())
    assert "Begeleiding individueel" in tekst
    assert "1 maart 2026 tot en met 31 augustus 2026" in tekst
    assert "3 uur per week" in tekst
    assert "Aafje Thuiszorg" in tekst and "75750001" in tekst
    assert "netwerk is overbelast" in tekst
    assert "bezwaar" in tekst.lower() and "6 weken" in tekst
    assert "Eén bezwaarschrift" in tekst and "één voorziening" in tekst and "cliëntondersteuner" in tekst
    assert "wij kennen uw aanvraag toe" in tekst


@pytest.mark.django_db
def test_beschikking_is_idempotent(toegekend):
    naam = toegekend.beschikking.name
    assert maak_beschikking(toegekend.pk) == naam


@pytest.mark.django_db
def test_afwijzing_geeft_ook_een_beschikking(mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"], besluit=Status.AFGEWEZEN,
                             reden="Een algemene voorziening volstaat.", lichtere_activiteit="Was- en strijkservice",
                             lichtere_trede=Ladder.ALGEMENE_VOORZIENING)
    aanvraag.refresh_from_db()
    tekst = _tekst(maak_beschikking_pdf(aanvraag))
    assert "wij wijzen uw aanvraag af" in tekst and "Hulp bij het huishouden" in tekst
    assert "bezwaar" in tekst.lower()


@pytest.mark.django_db
@pytest.mark.parametrize(("wie", "verwacht"), [
    ("teamlid", 200), ("wmoconsulent", 200), ("coordinator_eigen_gebied", 200),
    ("coordinator_ander_gebied", 404), ("medewerker_ander_team", 404), ("beleidsmedewerker", 404),
    ("medewerker_andere_gemeente", 404), ("bestuurstafel", 404),
])
def test_beschikking_downloaden_alleen_wie_het_huishouden_mag_zien(client, mw, toegekend, wie, verwacht):
    client.force_login(mw.mensen[wie])
    antwoord = client.get(reverse("toegang:beschikking", args=[toegekend.pk]))
    assert antwoord.status_code == verwacht
    if verwacht == 200:
        assert antwoord["Content-Type"] == "application/pdf"
        assert "Begeleiding individueel" in _tekst(b"".join(antwoord.streaming_content))


@pytest.mark.celery_worker
def test_echte_worker_maakt_de_beschikking(celery_worker_proces, mw, settings, tmp_path):
    from tests.toegang_maatwerk.factories import maak_dossier

    dossier = maak_dossier(mw.team_a, regisseur=mw.mensen["teamlid"], door=mw.mensen["coordinator_eigen_gebied"])
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"], besluit=Status.TOEGEKEND,
                             reden="Toegekend via de echte worker")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        aanvraag.refresh_from_db()
        if aanvraag.beschikking:
            break
        time.sleep(0.5)
    assert aanvraag.beschikking, "de worker maakte geen beschikking"
    assert "Hulp bij het huishouden" in _tekst(aanvraag.beschikking.read())


@pytest.mark.django_db
def test_nachtelijke_taak_maakt_ontbrekende_beschikkingen(mw, dossier):
    from django_celery_beat.models import PeriodicTask

    from toegang.maatwerk.tasks import maak_ontbrekende_beschikkingen

    assert PeriodicTask.objects.filter(task="toegang.maatwerk.tasks.maak_ontbrekende_beschikkingen").exists()
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"], besluit=Status.TOEGEKEND,
                             reden="Ok")  # no commit in this test: the after-commit task did not run
    assert not Aanvraag.objects.get(pk=aanvraag.pk).beschikking
    assert maak_ontbrekende_beschikkingen.delay().get() == 1
    assert Aanvraag.objects.get(pk=aanvraag.pk).beschikking


@pytest.mark.django_db
def test_bewaring_anonimiseert_teksten_en_verwijdert_de_beschikking(mw, dossier, toegekend):
    from bewaring import registry
    from toegang.maatwerk.anonimiseren import anonimiseer
    from toegang.models import Opschaling, OpschalingDoel
    from toegang.opschaling.services import schaal_op

    assert anonimiseer in registry.ANONIMISEERDERS
    schaal_op(traject=dossier.traject, door=mw.mensen["teamlid"], reden="Schulden van meneer Jansen",
              geprobeerd="Budgetcoach", doel=OpschalingDoel.objects.get(gemeente=mw.gemeente, code="lzn"))
    pad = toegekend.beschikking.path
    anonimiseer([dossier.pk])
    toegekend.refresh_from_db()
    assert not toegekend.beschikking and toegekend.motivering == "Geanonimiseerd"
    assert toegekend.besluitreden == "Geanonimiseerd" and toegekend.status == Status.TOEGEKEND
    import os

    assert not os.path.exists(pad)
    assert Opschaling.objects.get().reden == "Geanonimiseerd"
