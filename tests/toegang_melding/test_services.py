"""Services: validation (Dutch messages, nothing stored), permissions, transitions, casusoverleg, bulk reassign."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEvent
from huishoudens import selectors
from tests.factories import maak_gebruiker, zonder_coordinatorrol
from tests.toegang_melding.factories import catalogi, maak_huishouden, melding, postcodes
from toegang.melding import services
from toegang.models import CasusoverlegAgendapunt, Melding
from wijkteams import rollen

pytestmark = pytest.mark.django_db
DRIE = ("financien", "opvoeding", "huisvesting")


def test_zonder_toestemming_is_een_reden_verplicht(org):
    h = maak_huishouden(org.wijk_a)
    with pytest.raises(ValidationError) as fout:
        melding(h, toestemming=False)
    assert "geen_toestemming_reden" in fout.value.message_dict
    assert not Melding.objects.exists()
    m = melding(h, toestemming=False, geen_toestemming_reden="Zorgen om de veiligheid van de kinderen")
    assert m.pk


def test_catalogus_van_andere_gemeente_wordt_geweigerd(org):
    h = maak_huishouden(org.wijk_a)
    andere = catalogi(org.andere_gemeente)
    with pytest.raises(ValidationError) as fout:
        melding(h, signaalgever_type=andere["inwoner"], kanaal=andere["telefoon"], leefgebieden=[])
    assert {"signaalgever_type", "kanaal", "leefgebieden"} <= set(fout.value.message_dict)


def test_nieuw_adres_maakt_huishouden_via_postcode_en_bestaand_adres_wordt_gevonden(org):
    postcodes(org)
    cat = catalogi(org.gemeente)
    velden = {"gemeente": org.gemeente, "door": None, "signaalgever_type": cat["inwoner"], "kanaal": cat["online"],
              "vraag": "Hulp nodig", "leefgebieden": ["financien"], "toestemming": True}
    adres = {"postcode": "2981ab", "huisnummer": 12, "straat": "Kerkweg", "woonplaats": "Ridderkerk", "naam": "Smit"}
    m = services.registreer_melding(adres=adres, **velden)
    assert m.huishouden.wijk == org.wijk_a and m.huishouden.postcode == "2981 AB"
    m2 = services.registreer_melding(adres={"postcode": "2981 AB", "huisnummer": 12}, **velden)
    assert m2.huishouden == m.huishouden
    with pytest.raises(ValidationError) as fout:
        services.registreer_melding(adres={"postcode": "9999 ZZ", "huisnummer": 1, "straat": "X",
                                           "woonplaats": "Y"}, **velden)
    assert "postcode" in fout.value.message_dict


def test_oppakken_alleen_door_team_of_coordinator(org):
    h = maak_huishouden(org.wijk_a, kind=True)
    m = melding(h, leefgebieden=DRIE)
    for wie in ("medewerker_ander_team", "teamlid", "coordinator_ander_gebied", "medewerker_andere_gemeente"):
        with pytest.raises(PermissionDenied):
            services.pak_melding_op(melding=m, door=org.mensen[wie])
    services.pak_melding_op(melding=m, door=org.mensen["coordinator_eigen_gebied"])
    assert selectors.huidige_regisseur(m.traject) == org.mensen["coordinator_eigen_gebied"]
    with pytest.raises(ValidationError):
        services.pak_melding_op(melding=m, door=org.mensen["teamlid_jgt"])


def test_oppakken_niet_met_alleen_de_gebieden_van_een_vroegere_coordinator(org):
    """The coördinator role taken away, the gebieden of ``coordinator_van`` still there: no longer coördinator of
    the gebied (``rollen.is_coordinator_van``), so no picking up a melding of a team there."""
    oud = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="oud_coord", coordinator_van=[org.gebied_a])
    oud = zonder_coordinatorrol(oud)
    assert oud.medewerker.coordinator_van.filter(pk=org.gebied_a.pk).exists()
    m = melding(maak_huishouden(org.wijk_a), leefgebieden=DRIE)
    with pytest.raises(PermissionDenied):
        services.pak_melding_op(melding=m, door=oud)
    assert Melding.objects.get(pk=m.pk).behandelaar_id is None


def test_afgehandelde_melding_kan_niet_terug(org):
    teamlid = org.mensen["teamlid"]
    m = melding(maak_huishouden(org.wijk_a), door=teamlid)
    services.handel_melding_af(melding=m, door=teamlid, wat_gedaan="Informatie gegeven")
    with pytest.raises(ValidationError, match="kan niet naar"):
        services.handel_melding_af(melding=m, door=teamlid, wat_gedaan="Nog eens")
    with pytest.raises(PermissionDenied):
        services.handel_melding_af(melding=melding(maak_huishouden(org.wijk_a), door=teamlid),
                                   door=org.mensen["teamlid_jgt"], wat_gedaan="x")


def test_casusoverleg_besluit_op_het_dossier_en_regisseur(org):
    h = maak_huishouden(org.wijk_a, kind=True)
    m = melding(h, leefgebieden=DRIE)
    punt = CasusoverlegAgendapunt.objects.get(melding=m)
    with pytest.raises(ValidationError):
        services.leg_casusoverleg_besluit_vast(agendapunt=punt, regisseur=org.mensen["teamlid"],
                                               volgende_stap="Keukentafelgesprek", door=org.mensen["teamlid_jgt"])
    services.leg_casusoverleg_besluit_vast(agendapunt=punt, regisseur=org.mensen["teamlid_jgt"],
                                           volgende_stap="Keukentafelgesprek binnen twee weken",
                                           door=org.mensen["coordinator_eigen_gebied"])
    punt.refresh_from_db()
    m.refresh_from_db()
    assert punt.status == punt.Status.BESPROKEN and m.behandelaar == org.mensen["teamlid_jgt"]
    assert selectors.huidige_regisseur(m.traject) == org.mensen["teamlid_jgt"]
    assert AuditEvent.objects.filter(object_type="toegang.casusoverlegagendapunt", huishouden_id=h.pk).exists()


def test_coordinator_herverdeelt_in_bulk_binnen_eigen_gebied(org):

    collega = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega", teams=[org.team_a])
    meldingen = [melding(maak_huishouden(org.wijk_a)) for _ in range(3)]
    coord = org.mensen["coordinator_eigen_gebied"]
    services.wijs_meldingen_toe(melding_ids=[m.pk for m in meldingen], aan=collega, door=coord)
    assert set(Melding.objects.values_list("behandelaar", flat=True)) == {collega.pk}
    with pytest.raises(PermissionDenied):
        services.wijs_meldingen_toe(melding_ids=[meldingen[0].pk], aan=collega,
                                    door=org.mensen["coordinator_ander_gebied"])
    with pytest.raises(ValidationError):
        services.wijs_meldingen_toe(melding_ids=[meldingen[0].pk], aan=org.mensen["medewerker_ander_team"],
                                    door=coord)
    # households: the regisseur changes, history kept
    m = melding(maak_huishouden(org.wijk_a), leefgebieden=DRIE)
    services.pak_melding_op(melding=m, door=org.mensen["teamlid"])
    services.wijs_huishoudens_toe(traject_ids=[m.traject_id], aan=collega, door=coord)
    assert selectors.huidige_regisseur(m.traject) == collega
    assert m.traject.regisseurs.count() == 2
