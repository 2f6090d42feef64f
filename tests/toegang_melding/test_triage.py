"""THE routing rule (toegang.melding.triage.bepaal_route) and how registreer_melding follows it."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from huishoudens import selectors
from huishoudens.models import Traject
from tests.toegang_melding.factories import catalogi, maak_huishouden, melding
from toegang.melding import services
from toegang.melding.triage import bepaal_route
from toegang.models import Afwezigheid, CasusoverlegAgendapunt, Melding

pytestmark = pytest.mark.django_db

DRIE = ("financien", "opvoeding", "huisvesting")


def _onopgeslagen(huishouden, leefgebieden, **velden):
    cat = catalogi(huishouden.gemeente)
    return Melding(gemeente=huishouden.gemeente, huishouden=huishouden, leefgebieden=list(leefgebieden),
                   signaalgever_type=cat["inwoner"], kanaal=cat["telefoon"], **velden)


def test_enkelvoudig_blijft_bij_de_medewerker_die_hem_aanneemt(org):
    h = maak_huishouden(org.wijk_a)
    teamlid = org.mensen["teamlid"]
    route = bepaal_route(_onopgeslagen(h, ["financien"], geregistreerd_door=teamlid))
    assert route.soort == Melding.Soort.ENKELVOUDIG
    assert route.behandelaar == teamlid and route.team == org.team_a
    assert not route.nieuw_traject and not route.koppelen

    m = melding(h, door=teamlid)
    assert m.status == Melding.Status.IN_BEHANDELING and m.behandelaar == teamlid
    assert m.traject is None and not Traject.objects.filter(huishouden=h).exists()
    services.handel_melding_af(melding=m, door=teamlid, wat_gedaan="Uitleg gegeven over de regeling.",
                               doorverwezen_naar="Schuldhulpverlening")
    m.refresh_from_db()
    assert m.status == Melding.Status.AFGEHANDELD and m.doorverwezen_naar == "Schuldhulpverlening"


def test_enkelvoudig_van_inwoner_wacht_in_de_teamwachtrij(org):
    h = maak_huishouden(org.wijk_b)
    m = melding(h, door=None)
    assert m.soort == Melding.Soort.ENKELVOUDIG and m.behandelaar is None and m.team == org.team_b
    assert m.status == Melding.Status.NIEUW


def test_meervoudig_met_kind_naar_jeugd_en_gezinsteam_van_het_gebied(org):
    h = maak_huishouden(org.wijk_a, kind=True)
    route = bepaal_route(_onopgeslagen(h, DRIE, geregistreerd_door=org.mensen["medewerker_ander_team"]))
    assert route.soort == Melding.Soort.MEERVOUDIG and route.team == org.team_a_jgt
    assert route.behandelaar is None and route.nieuw_traject

    m = melding(h, door=org.mensen["medewerker_ander_team"], leefgebieden=DRIE)
    assert m.team == org.team_a_jgt and m.status == Melding.Status.NIEUW
    assert m.traject.team == org.team_a_jgt and m.traject.status == Traject.Status.AANGEMELD
    assert CasusoverlegAgendapunt.objects.get(melding=m).team == org.team_a_jgt
    # the team member picks it up and becomes regisseur
    services.pak_melding_op(melding=m, door=org.mensen["teamlid_jgt"])
    assert selectors.huidige_regisseur(m.traject) == org.mensen["teamlid_jgt"]


def test_meervoudig_zonder_minderjarigen_naar_sociaal_team(org):
    h = maak_huishouden(org.wijk_b)
    route = bepaal_route(_onopgeslagen(h, ["financien", "sociaal_netwerk"]))
    assert route.team == org.team_b and route.nieuw_traject


def test_kind_dat_18_is_geworden_telt_niet_als_minderjarig(org):
    h = maak_huishouden(org.wijk_a)
    h.personen.create(voornamen="Eva", achternaam="Test", geboortedatum=date(date.today().year - 19, 1, 1))
    assert bepaal_route(_onopgeslagen(h, DRIE)).team == org.team_a
    # a melder who mentions children under 18 for a new address is followed
    assert bepaal_route(_onopgeslagen(h, DRIE, kinderen_gemeld=True)).team == org.team_a_jgt


def test_direct_bij_een_teamlid_blijft_bij_dat_teamlid(org):
    h = maak_huishouden(org.wijk_a, kind=True)
    teamlid = org.mensen["teamlid"]  # Sociaal team, not the JGT
    route = bepaal_route(_onopgeslagen(h, DRIE, direct_aan=teamlid))
    assert route.behandelaar == teamlid and route.team == org.team_a

    m = melding(h, door=teamlid, leefgebieden=DRIE, direct_aan=teamlid)
    assert m.behandelaar == teamlid and m.status == Melding.Status.IN_BEHANDELING
    assert selectors.huidige_regisseur(m.traject) == teamlid


def test_dubbele_melding_wordt_gekoppeld_niet_verdubbeld(org):
    h = maak_huishouden(org.wijk_a, kind=True)
    eerste = melding(h, leefgebieden=DRIE)
    services.pak_melding_op(melding=eerste, door=org.mensen["teamlid_jgt"])
    route = bepaal_route(_onopgeslagen(h, ["financien", "opvoeding"]))
    assert route.koppelen and route.traject == eerste.traject and route.behandelaar == org.mensen["teamlid_jgt"]

    tweede = melding(h, leefgebieden=["financien", "opvoeding"])
    assert Traject.objects.filter(huishouden=h).count() == 1
    assert tweede.traject == eerste.traject and tweede.gekoppeld_aan_lopend_traject
    assert tweede.status == Melding.Status.GEKOPPELD and tweede.behandelaar == org.mensen["teamlid_jgt"]
    assert not CasusoverlegAgendapunt.objects.filter(melding=tweede).exists()


def test_dubbele_melding_zonder_regisseur_gaat_naar_de_wachtrij_van_het_traject(org):
    h = maak_huishouden(org.wijk_a)
    eerste = melding(h, leefgebieden=DRIE)
    tweede = melding(h, leefgebieden=["financien"])
    assert tweede.traject == eerste.traject and tweede.status == Melding.Status.NIEUW
    assert tweede.team == org.team_a and tweede.behandelaar is None


def test_achtervang_afwezige_behandelaar_naar_vervanger_of_wachtrij(org):
    from tests.factories import maak_gebruiker
    from wijkteams import rollen

    teamlid = org.mensen["teamlid"]
    collega = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega", teams=[org.team_a])
    vandaag = timezone.localdate()
    afw = services.registreer_afwezigheid(medewerker=teamlid, van=vandaag - timedelta(days=1),
                                          tot=vandaag + timedelta(days=5), vervanger=collega, door=teamlid)
    h = maak_huishouden(org.wijk_a)
    m = melding(h, leefgebieden=["financien"], direct_aan=teamlid)
    assert m.behandelaar == collega and "vervanger" in m.route_toelichting
    Afwezigheid.objects.filter(pk=afw.pk).update(vervanger=None)
    m2 = melding(maak_huishouden(org.wijk_a), leefgebieden=["financien"], direct_aan=teamlid)
    assert m2.behandelaar is None and m2.team == org.team_a and m2.status == Melding.Status.NIEUW


def test_ontvangstnummer_is_uniek_en_leesbaar(org):
    h = maak_huishouden(org.wijk_a)
    a, b = melding(h), melding(h)
    jaar = timezone.localdate().year
    assert a.ontvangstnummer == f"M-{jaar}-000001" and b.ontvangstnummer == f"M-{jaar}-000002"
    assert a.onderzoek_uiterlijk == timezone.localdate(a.ontvangen_op) + timedelta(weeks=6)
