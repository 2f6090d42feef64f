"""Inzage: a household's data as JSON, assembled from huishoudens, the apps (INZAGE_BRONNEN) and the audit table;
only for the current regisseur and the coördinator of the gebied; logged as an export."""

import json
from datetime import date

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from gemeenschap import mantelzorg, services
from huishoudens import registry
from tests.factories import maak_gebruiker
from tests.gemeenschap.conftest import maak_dossier
from tests.toegang_melding.factories import melding
from tests.zelfredzaamheid.factories import meting
from wijkteams import rollen
from zelfredzaamheid.models import Meting

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(org):
    d = maak_dossier(org, regisseur=org.mensen["teamlid"], naam="Familie Inzage")
    services.maak_hulpvraag_voor_actie(door=d.regisseur, actie=d.actie, wat="Maatje om mee te wandelen",
                                 vaardigheden=["bewegen"])
    mantelzorg.registreer_mantelzorger(door=d.regisseur, netwerklid=d.netwerklid, zorgt_voor="Annie",
                                       uren_per_week=9, sinds=date(2024, 1, 1))
    melding(d.huishouden, door=d.regisseur, vraag="Annie redt het niet meer alleen", melder_naam="Kees de Buur")
    m = meting(d.persoon, d.regisseur, datum=date(2025, 2, 1))
    Meting.objects.filter(pk=m.pk).update(notities={"financien": "Spaarrekening op orde"})
    return d


def _export(client, user, huishouden):
    client.force_login(user)
    return client.get(reverse("huishoudens:inzage_export", args=[huishouden.pk]))


def test_regisseur_downloadt_alles_van_het_huishouden(client, org, dossier, django_assert_max_num_queries):
    h = dossier.huishouden
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    assert client.get(h.get_absolute_url()).status_code == 200  # a read that must show up in "who viewed"
    assert len(registry.INZAGE_BRONNEN) >= 3
    client.force_login(dossier.regisseur)
    with django_assert_max_num_queries(35):
        antwoord = client.get(reverse("huishoudens:inzage_export", args=[h.pk]))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("application/json")
    assert antwoord["Content-Disposition"].startswith('attachment; filename="inzage-huishouden-')
    data = json.loads(antwoord.content)
    titels = [o["titel"] for o in data["onderdelen"]]
    assert titels[0] == "Gegevens van het huishouden"
    assert titels[-1] == "Wie dit dossier heeft bekeken, geëxporteerd of geprint"
    assert {"Zelfredzaamheidsmatrix (ZRM)", "Meldingen en maatwerk", "Vrijwilligers, mantelzorg en klachten"} <= set(
        titels)
    tekst = antwoord.content.decode()
    for verwacht in ("Familie Inzage", "Annie", "Minder eenzaam", "Maatje om wekelijks mee te wandelen",
                     "Maatje om mee te wandelen", "Annie redt het niet meer alleen", "Kees de Buur",
                     "Spaarrekening op orde"):
        assert verwacht in tekst, verwacht
    bekeken = data["onderdelen"][-1]["gegevens"]
    assert any(r["medewerker"] == org.mensen["coordinator_eigen_gebied"].username for r in bekeken)
    assert AuditEvent.objects.filter(actie="export", huishouden_id=h.pk, actor=dossier.regisseur).exists()


def test_query_aantal_groeit_niet_met_de_gegevens(client, org, dossier, django_assert_max_num_queries):
    for i in range(5):
        melding(dossier.huishouden, door=dossier.regisseur, vraag=f"Nog een vraag {i}")
        meting(dossier.persoon, dossier.regisseur, datum=date(2025, 3, 1 + i), soort="evaluatie")
    client.force_login(dossier.regisseur)
    with django_assert_max_num_queries(35):
        assert client.get(reverse("huishoudens:inzage_export", args=[dossier.huishouden.pk])).status_code == 200


def test_coordinator_van_het_gebied_mag_exporteren(client, org, dossier):
    assert _export(client, org.mensen["coordinator_eigen_gebied"], dossier.huishouden).status_code == 200


@pytest.mark.parametrize("wie", ["medewerker_ander_team", "coordinator_ander_gebied", "beleidsmedewerker",
                                 "sociaal_makelaar", "beheer", "medewerker_andere_gemeente"])
def test_anderen_krijgen_404(client, org, dossier, wie):
    assert _export(client, org.mensen[wie], dossier.huishouden).status_code == 404
    assert not AuditEvent.objects.filter(actie="export", huishouden_id=dossier.huishouden.pk).exists()


def test_teamlid_dat_geen_regisseur_is_krijgt_404(client, org, dossier):
    collega = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega", teams=[org.team_a])
    assert _export(client, collega, dossier.huishouden).status_code == 404


def test_niet_ingelogd_gaat_naar_inloggen(client, dossier):
    antwoord = client.get(reverse("huishoudens:inzage_export", args=[dossier.huishouden.pk]))
    assert antwoord.status_code == 302 and "next=" in antwoord["Location"]


def test_dossierpagina_toont_de_downloadlink_aan_de_regisseur(client, org, dossier):
    client.force_login(dossier.regisseur)
    inhoud = client.get(reverse("huishoudens:tab", args=[dossier.huishouden.pk, "personen"])).content.decode()
    assert reverse("huishoudens:inzage_export", args=[dossier.huishouden.pk]) in inhoud
    collega = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega2", teams=[org.team_a])
    client.force_login(collega)
    inhoud = client.get(reverse("huishoudens:tab", args=[dossier.huishouden.pk, "personen"])).content.decode()
    assert reverse("huishoudens:inzage_export", args=[dossier.huishouden.pk]) not in inhoud


# --- inzage per person ------------------------------------------------------------------------------------

@pytest.fixture
def huisgenoot(dossier):
    """A second resident whose ZRM note is special-category data of theirs, not of Annie."""
    from huishoudens.models import Persoon

    kees = Persoon.objects.create(huishouden=dossier.huishouden, voornamen="Kees", achternaam="Jansen",
                                  geboortedatum=date(1948, 6, 1), rol=Persoon.Rol.PARTNER)
    m = meting(kees, dossier.regisseur, datum=date(2025, 2, 2))
    Meting.objects.filter(pk=m.pk).update(notities={"gezondheid": "Diagnose dementie, beginnend"})
    return kees


def _persoon(client, user, dossier, persoon, formaat):
    client.force_login(user)
    return client.get(reverse(f"huishoudens:inzage_persoon_{formaat}", args=[dossier.huishouden.pk, persoon.pk]))


def test_inzage_per_persoon_als_json_zonder_bijzondere_gegevens_van_huisgenoten(client, org, dossier, huisgenoot):
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    client.get(dossier.huishouden.get_absolute_url())  # a read that must appear in the export
    antwoord = _persoon(client, dossier.regisseur, dossier, dossier.persoon, "json")
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("application/json")
    data = json.loads(antwoord.content)
    assert data["persoon"] == dossier.persoon.pk
    eigen = data["onderdelen"][0]["gegevens"]
    assert eigen["Persoon"]["voornamen"] == "Annie"
    assert eigen["Huisgenoten (alleen de naam)"] == [str(huisgenoot)]
    tekst = antwoord.content.decode()
    for verwacht in ("Spaarrekening op orde", "Minder eenzaam", "Annie redt het niet meer alleen"):
        assert verwacht in tekst, verwacht
    assert "dementie" not in tekst and "1948" not in tekst  # the partner's ZRM note and birth date stay out
    bekeken = data["onderdelen"][-1]["gegevens"]
    assert {r["handeling"] for r in bekeken} >= {"Gelezen"}
    assert AuditEvent.objects.filter(actie="export", persoon_id=dossier.persoon.pk, actor=dossier.regisseur,
                                     detail__soort="inzage persoon", detail__formaat="json").exists()
    # and the partner's own export does hold it
    assert "dementie" in _persoon(client, dossier.regisseur, dossier, huisgenoot, "json").content.decode()


def test_inzage_per_persoon_als_leesbare_pdf(client, org, dossier, huisgenoot, tmp_path):
    import subprocess

    antwoord = _persoon(client, org.mensen["coordinator_eigen_gebied"], dossier, dossier.persoon, "pdf")
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "application/pdf"
    pad = tmp_path / "inzage.pdf"
    pad.write_bytes(antwoord.content)
    tekst = subprocess.run(["pdftotext", str(pad), "-"], capture_output=True, text=True, check=True).stdout
    assert "Inzage in uw gegevens" in tekst and "Annie" in tekst and "Spaarrekening op orde" in tekst
    assert "dementie" not in tekst
    # the export itself shows up in "wie bekeek" of the dossier
    regels = _wie_bekeek(dossier)
    assert any(r.actie == "export" and r.persoon_id == dossier.persoon.pk for r in regels)


def _wie_bekeek(dossier):
    from huishoudens.selectors import wie_bekeek

    return list(wie_bekeek(dossier.huishouden))


@pytest.mark.parametrize("wie", ["medewerker_ander_team", "coordinator_ander_gebied", "beheer",
                                 "medewerker_andere_gemeente"])
def test_inzage_per_persoon_voor_anderen_404(client, org, dossier, wie):
    for formaat in ("json", "pdf"):
        assert _persoon(client, org.mensen[wie], dossier, dossier.persoon, formaat).status_code == 404
    assert not AuditEvent.objects.filter(actie="export", persoon_id=dossier.persoon.pk).exists()


def test_inzage_persoon_van_ander_huishouden_is_404(client, org, dossier):
    ander = maak_dossier(org, regisseur=dossier.regisseur, naam="Familie Anders")
    client.force_login(dossier.regisseur)
    antwoord = client.get(reverse("huishoudens:inzage_persoon_json", args=[dossier.huishouden.pk, ander.persoon.pk]))
    assert antwoord.status_code == 404
