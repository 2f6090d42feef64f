"""The Participatiewet in the maatwerk catalogue and the mandate register: inkomensondersteuning and
schuldhulpverlening are decided by whoever the register names per gemeente (Ridderkerk: the consulent werk en
inkomen in the Sociaal team, else the coördinator; Alblasserdam: the Sociale Dienst Drechtsteden, an external body).
A Participatiewet toewijzing gets no iWmo/iJw message."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tests.factories import DisciplineFactory, maak_gebruiker
from tests.toegang_maatwerk.factories import maak_dossier, vraag_aan
from toegang.maatwerk import services
from toegang.maatwerk.berichten import opbouw
from toegang.maatwerk.catalogus import richt_mandaten_in
from toegang.models import Aanbieder, Aanvraag, Eenheid, Frequentie, Mandaat, ProductCategorie, Toewijzing, Wet
from wijkteams import rollen

pytestmark = pytest.mark.django_db
Status = Aanvraag.Status


@pytest.fixture
def pw(mw):
    """Ridderkerk with a consulent werk en inkomen in the Sociaal team of gebied A (mandate register set up again)."""
    werk = DisciplineFactory(gemeente=mw.gemeente, code="consulent-werk-inkomen", naam="Consulent werk en inkomen")
    richt_mandaten_in(mw.gemeente)
    mw.mensen["consulent_wi"] = maak_gebruiker(mw.gemeente, rollen.MEDEWERKER, username="consulent_wi",
                                               teams=[mw.team_a], discipline=werk)
    return mw


def _schuldhulp(dossier, door, **extra):
    return vraag_aan(dossier, door, product_code="PW02", volume=1, eenheid=Eenheid.objects.get(code="84"),
                     frequentie=Frequentie.objects.get(code="6"),
                     aanbieder=Aanbieder.objects.get(gemeente=dossier.gemeente, agb_code="99990007"), **extra)


def test_catalogus_en_mandaatregister_kennen_de_participatiewet(pw):
    assert set(ProductCategorie.objects.filter(wet=Wet.PARTICIPATIEWET).values_list("code", "naam")) == {
        ("01", "Inkomensondersteuning"), ("02", "Schuldhulpverlening")}
    ridderkerk = Mandaat.objects.filter(gemeente=pw.gemeente, wet=Wet.PARTICIPATIEWET)
    assert {(m.teamtype_id is not None, m.beslisser) for m in ridderkerk} == {
        (False, Mandaat.Beslisser.COORDINATOR), (True, Mandaat.Beslisser.DISCIPLINE)}
    sdd = Mandaat.objects.get(gemeente=pw.andere_gemeente, wet=Wet.PARTICIPATIEWET)
    assert (sdd.beslisser, sdd.externe_instantie) == (Mandaat.Beslisser.EXTERN, "Sociale Dienst Drechtsteden")


def test_schuldhulp_in_sociaal_team_beslist_door_consulent_werk_en_inkomen(pw, dossier):
    aanvraag = _schuldhulp(dossier, pw.mensen["teamlid"])
    assert aanvraag.beslisser == Mandaat.Beslisser.DISCIPLINE
    assert aanvraag.beslis_discipline.code == "consulent-werk-inkomen"
    # the wrong deciders: the Wmo-consulent of the same team, the coördinator, the requester
    for wie in ("wmoconsulent", "coordinator_eigen_gebied", "teamlid"):
        assert not services.mag_beslissen(pw.mensen[wie], aanvraag), wie
    with pytest.raises(PermissionDenied):
        services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=pw.mensen["wmoconsulent"],
                                       besluit=Status.TOEGEKEND, reden="Geen mandaat")
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=pw.mensen["consulent_wi"], besluit=Status.TOEGEKEND,
                                   reden="Schulden lopen op; vrijwillige schuldhulp (Schuldhulpmaatje) volstaat niet")
    t = Toewijzing.objects.get(aanvraag=aanvraag)
    assert (t.categorie.wet, t.categorie.code, t.volume) == (Wet.PARTICIPATIEWET, "02", 1)
    # no iStandaard for the Participatiewet: no 301 message for this provider's day
    dag = t.vastgesteld_op.date()
    assert opbouw.berichten_van_dag(gemeente=pw.gemeente, aanbieder=t.aanbieder, dag=dag) == []
    assert opbouw.dagen_met_berichten(gemeente=pw.gemeente, aanbieder=t.aanbieder) == []


def test_verkeerde_beslisser_krijgt_403_op_de_besluitpagina(client, pw, dossier):
    aanvraag = _schuldhulp(dossier, pw.mensen["teamlid"])
    client.force_login(pw.mensen["wmoconsulent"])
    antwoord = client.post(reverse("toegang:aanvraag_besluit", args=[aanvraag.pk]),
                           {"besluit": Status.TOEGEKEND, "reden": "Geen mandaat"})
    assert antwoord.status_code == 403
    client.force_login(pw.mensen["teamlid_ander"])  # other gemeente
    assert client.post(reverse("toegang:aanvraag_besluit", args=[aanvraag.pk]),
                       {"besluit": Status.TOEGEKEND, "reden": "x"}).status_code == 404
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.INGEDIEND


def test_inkomensondersteuning_in_jeugdteam_beslist_door_coordinator(pw, jeugddossier):
    aanvraag = vraag_aan(jeugddossier, pw.mensen["teamlid_jgt"], product_code="PW01", budget=Decimal("350.00"))
    assert aanvraag.beslisser == Mandaat.Beslisser.COORDINATOR
    assert services.mag_beslissen(pw.mensen["coordinator_eigen_gebied"], aanvraag)
    assert not services.mag_beslissen(pw.mensen["coordinator_ander_gebied"], aanvraag)
    assert not services.mag_beslissen(pw.mensen["consulent_wi"], aanvraag)  # not in the jeugdteam


def test_alblasserdam_participatiewet_via_sociale_dienst_drechtsteden(pw):
    dossier = maak_dossier(pw.team_ander, regisseur=pw.mensen["medewerker_andere_gemeente"],
                           door=pw.mensen["coordinator_andere_gemeente"], naam="Huishouden Pronk")
    aanvraag = vraag_aan(dossier, pw.mensen["medewerker_andere_gemeente"], product_code="PW01",
                         budget=Decimal("600.00"), aanvraagdatum=date(2026, 3, 1))
    assert (aanvraag.beslisser, aanvraag.externe_instantie) == (Mandaat.Beslisser.EXTERN,
                                                                 "Sociale Dienst Drechtsteden")
    assert not services.mag_beslissen(pw.mensen["coordinator_eigen_gebied"], aanvraag)  # Ridderkerk
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=pw.mensen["coordinator_andere_gemeente"],
                                   besluit=Status.TOEGEKEND, reden="Bijzondere bijstand toegekend door de SDD",
                                   extern_kenmerk="SDD-PW-2026-7", extern_besluitdatum=date(2026, 3, 5))
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.extern_kenmerk) == (Status.TOEGEKEND, "SDD-PW-2026-7")
    assert not aanvraag.beschikking  # the external body's decision, no beschikking in the gemeente's name
    assert Toewijzing.objects.get(aanvraag=aanvraag).budget == Decimal("600.00")
