"""BSN elfproef, and the database invariants: one open traject, one regisseur, one active plan.

A violation is refused with a clear Dutch message and nothing is half-written."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from audit.models import AuditEvent
from huishoudens import bsn, services
from huishoudens.models import Plan, RegisseurToewijzing, StatusWijziging, Traject
from tests.factories import maak_gebruiker
from tests.huishoudens.factories import PersoonFactory, maak_dossier
from wijkteams import rollen


@pytest.mark.parametrize("waarde", ["999900006", "999999990", "111222333", "123456782"])
def test_geldig_bsn(waarde):
    assert bsn.is_geldig_bsn(waarde)
    bsn.valideer_bsn(waarde)


@pytest.mark.parametrize(("waarde", "melding"), [
    ("123456789", "elfproef"), ("000000000", "elfproef"), ("12345678", "9 cijfers"), ("12345678a", "9 cijfers"),
    ("²²²²²²²²²", "9 cijfers"),  # isdigit() says yes, int() raises: was a 500 in every form and API with a BSN
    ("١٢٣٤٥٦٧٨٢", "9 cijfers"),  # 123456782 in Arabic-Indic digits: passed the elfproef and was stored so
])
def test_ongeldig_bsn_geeft_nederlandse_melding(waarde, melding):
    assert not bsn.is_geldig_bsn(waarde)
    with pytest.raises(ValidationError) as fout:
        bsn.valideer_bsn(waarde)
    assert melding in fout.value.messages[0]


def test_testreeks_en_maskering():
    assert bsn.in_testreeks("999900006") and bsn.in_testreeks("999999990")
    assert not bsn.in_testreeks("111222333")
    assert bsn.maskeer("999900006") == "*****0006"
    assert bsn.maskeer(None) == ""


def _tellingen():
    return (Traject.objects.count(), StatusWijziging.objects.count(), RegisseurToewijzing.objects.count(),
            Plan.objects.count(), AuditEvent.objects.count())


def test_tweede_open_traject_geweigerd_en_niets_half_geschreven(org):
    h = maak_dossier(org)
    voor = _tellingen()
    with pytest.raises(ValidationError) as fout:
        services.open_traject(huishouden=h, team=org.team_a_jgt, door=org.mensen["coordinator_eigen_gebied"])
    assert "al een open traject" in fout.value.messages[0]
    assert _tellingen() == voor


def test_database_weigert_tweede_open_traject(org):
    h = maak_dossier(org)
    with pytest.raises(IntegrityError), transaction.atomic():
        Traject.objects.create(huishouden=h, team=org.team_a, gebied=org.gebied_a)


def test_heropenen_met_ander_open_traject_geweigerd(org):
    h = maak_dossier(org)
    oud = h.trajecten.get()
    services.sluit_traject_af(traject=oud, door=org.mensen["teamlid"], reden="doelen_bereikt",
                              reden_geen_eindmeting="Geen ZRM afgenomen")
    services.open_traject(huishouden=h, team=org.team_a, door=org.mensen["teamlid"])
    voor = _tellingen()
    with pytest.raises(ValidationError) as fout:
        services.heropen_traject(traject=oud, door=org.mensen["teamlid"], reden="Terugval")
    assert "al een open traject" in fout.value.messages[0]
    assert _tellingen() == voor


def test_database_weigert_tweede_regisseur(org):
    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    traject = h.trajecten.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        RegisseurToewijzing.objects.create(traject=traject, regisseur=org.mensen["coordinator_eigen_gebied"])
    assert RegisseurToewijzing.objects.filter(traject=traject, tot__isnull=True).count() == 1


def test_overdracht_houdt_precies_een_regisseur_en_geschiedenis(org):
    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    traject = h.trajecten.get()
    nieuw = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega", teams=[org.team_a])
    services.wijs_regisseur_toe(traject=traject, regisseur=nieuw, door=org.mensen["teamlid"], reden="Verlof")
    toewijzingen = list(traject.regisseurs.order_by("id"))
    assert [t.regisseur for t in toewijzingen] == [org.mensen["teamlid"], nieuw]
    assert toewijzingen[0].tot is not None and toewijzingen[1].tot is None


def test_regisseur_buiten_team_geweigerd_en_niets_geschreven(org):
    from django.core.exceptions import PermissionDenied

    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    voor = _tellingen()
    with pytest.raises(PermissionDenied) as fout:
        services.wijs_regisseur_toe(traject=h.trajecten.get(), regisseur=org.mensen["medewerker_ander_team"],
                                    door=org.mensen["teamlid"])
    assert "lid zijn van het team" in str(fout.value)
    assert _tellingen() == voor


def test_tweede_actief_plan_geweigerd_en_niets_half_geschreven(dossier):
    services.stel_plan_vast(plan=dossier.plan, door=dossier.mensen["regisseur"], lock_versie=dossier.plan.lock_versie)
    voor = _tellingen()
    with pytest.raises(ValidationError) as fout:
        services.maak_plan(traject=dossier.traject, door=dossier.mensen["regisseur"])
    assert "al een actief plan" in fout.value.messages[0]
    assert _tellingen() == voor


def test_database_weigert_tweede_actief_plan(dossier):
    services.stel_plan_vast(plan=dossier.plan, door=dossier.mensen["regisseur"], lock_versie=dossier.plan.lock_versie)
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.create(traject=dossier.traject, versie=9, status=Plan.Status.ACTIEF)


def test_tweede_conceptplan_vaststellen_botst_met_constraint(dossier):
    """Even when a second plan row slipped in, activating it is refused with the Dutch message."""
    services.stel_plan_vast(plan=dossier.plan, door=dossier.mensen["regisseur"], lock_versie=dossier.plan.lock_versie)
    tweede = Plan.objects.create(traject=dossier.traject, versie=2, status=Plan.Status.CONCEPT)
    from huishoudens.models import Doel

    Doel.objects.create(plan=tweede, leefgebied="financien", omschrijving="x")
    with pytest.raises(ValidationError) as fout:
        services.stel_plan_vast(plan=tweede, door=dossier.mensen["regisseur"], lock_versie=0)
    assert "al een actief plan" in fout.value.messages[0]
    tweede.refresh_from_db()
    assert tweede.status == Plan.Status.CONCEPT and tweede.lock_versie == 0


def test_ongeldige_statusovergang_heeft_duidelijke_melding(dossier):
    with pytest.raises(ValidationError) as fout:
        services.wijzig_status(traject=dossier.traject, naar=Traject.Status.UITVOERING, door=dossier.mensen["teamlid"])
    assert "kan niet naar" in fout.value.messages[0]


def test_dubbel_bsn_geweigerd(org):
    bestaand = PersoonFactory(huishouden=maak_dossier(org, personen=0))
    h = maak_dossier(org, personen=0)
    with pytest.raises(ValidationError) as fout:
        services.voeg_persoon_toe(huishouden=h, door=org.mensen["teamlid"], voornamen="A", achternaam="B",
                                  geboortedatum="1980-01-01", bsn=bestaand.bsn)
    assert "al een persoon met dit BSN" in str(fout.value)
    assert h.personen.count() == 0


def test_afsluiten_en_heropenen_houdt_geschiedenis(dossier):
    from huishoudens import registry

    def controle(traject, gegevens):
        if not gegevens["reden_geen_eindmeting"]:
            raise ValidationError("Leg een eindmeting ZRM vast of geef aan waarom die er niet is.")

    registry.AFSLUIT_CONTROLES.append(controle)
    try:
        with pytest.raises(ValidationError) as fout:
            services.sluit_traject_af(traject=dossier.traject, door=dossier.mensen["regisseur"], reden="afgeschaald")
        assert "eindmeting" in fout.value.messages[0]
        dossier.traject.refresh_from_db()
        assert dossier.traject.is_open
        services.sluit_traject_af(traject=dossier.traject, door=dossier.mensen["regisseur"], reden="afgeschaald",
                                  reden_geen_eindmeting="Huishouden wilde niet meer meewerken")
    finally:
        registry.AFSLUIT_CONTROLES.remove(controle)
    dossier.traject.refresh_from_db()
    assert dossier.traject.afsluitreden == "afgeschaald"
    assert dossier.traject.reden_geen_eindmeting == "Huishouden wilde niet meer meewerken"
    services.heropen_traject(traject=dossier.traject, door=dossier.mensen["teamlid"], reden="Terugval")
    dossier.traject.refresh_from_db()
    assert dossier.traject.status == Traject.Status.HEROPEND
    naar = list(dossier.traject.statuswijzigingen.values_list("naar", flat=True))
    assert naar[-2:] == [Traject.Status.AFGESLOTEN, Traject.Status.HEROPEND]
    assert dossier.traject.afsluitreden == "afgeschaald"  # the old closing reason is still readable


def test_afsluitcontroles_voor_mensen_niet_voor_systeemtaken(org):
    from huishoudens import registry

    def altijd_nee(traject, gegevens):
        raise ValidationError("Nog niet afsluiten.")

    registry.AFSLUIT_CONTROLES.append(altijd_nee)
    try:
        h1, h2 = maak_dossier(org), maak_dossier(org)
        with pytest.raises(ValidationError, match="Nog niet afsluiten"):
            services.sluit_traject_af(traject=h1.trajecten.get(), door=org.mensen["teamlid"], reden="afgezien")
        services.sluit_traject_af(traject=h2.trajecten.get(), door=None, reden="nooit_gestart")  # e.g. retention
        services.sluit_traject_af(traject=h1.trajecten.get(), door=org.mensen["teamlid"], reden="afgezien",
                                  controles=False)
    finally:
        registry.AFSLUIT_CONTROLES.remove(altijd_nee)
    assert not Traject.objects.filter(huishouden__in=[h1, h2]).exclude(status="afgesloten").exists()
