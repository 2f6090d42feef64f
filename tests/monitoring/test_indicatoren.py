"""Each indicator on the hand-made fixture (tests/monitoring/conftest.py) against numbers worked out by hand."""

import pytest

from monitoring.indicatoren import FUNCTIES
from monitoring.models import Indicator
from tests.monitoring.casus import waarde

pytestmark = pytest.mark.django_db


def test_elke_indicator_in_de_startset_heeft_precies_een_geregistreerde_functie():
    for ind in Indicator.objects.filter(status="startset"):
        assert ind.functie in FUNCTIES, ind.code
        functie = FUNCTIES[ind.functie]
        assert functie.dynamisch or ind.code in functie.codes, ind.code
    for functie in FUNCTIES.values():
        for code in functie.codes:
            assert Indicator.objects.filter(code=code, functie=functie.naam).exists(), code


def test_ontwikkelagenda_heeft_geen_functie_en_geen_cijfers(run_k1):
    agenda = Indicator.objects.filter(status="ontwikkelagenda")
    # uitstroom (Participatiewet) and jeugdhulp among young people are measured now (issue 18)
    assert set(agenda.values_list("code", flat=True)) == set()
    assert not agenda.exclude(functie="").exists()
    assert not run_k1.waarden.filter(indicator__status="ontwikkelagenda").exists()


def test_catalogus_codes_zijn_uniek():
    from monitoring.catalogus import INDICATOREN

    codes = [i["code"] for i in INDICATOREN]
    assert len(codes) == len(set(codes)) == Indicator.objects.count()


def test_catalogus_na_migrate_komt_overeen_met_de_definitie():
    from monitoring.catalogus import INDICATOREN

    for gegevens in INDICATOREN:
        ind = Indicator.objects.get(code=gegevens["code"])
        for veld in ("status", "functie", "bron", "eenheid", "kern", "is_clientcijfer", "hoger_is_beter", "naam"):
            assert getattr(ind, veld) == gegevens[veld], (gegevens["code"], veld)


def test_zrm_indicatoren_zijn_cliëntcijfers_en_bevolkingscijfers_niet():
    assert set(Indicator.objects.filter(code__startswith="zrm_").values_list("is_clientcijfer", flat=True)) == {True}
    assert set(Indicator.objects.filter(code__startswith="bevolking_").values_list("is_clientcijfer",
                                                                                   flat=True)) == {False}


def test_bereik_nieuw_lopend_afgesloten(run_k1, casus):
    a, b = casus.org.gebied_a, casus.org.gebied_b
    # A: H1, H2, H3, H6 ran in the quarter (H4 closed before, H5 started after); B: H7..H12
    assert waarde(run_k1, "hh_ondersteund", a)[0] == 4
    assert waarde(run_k1, "hh_ondersteund", b)[0] == 6
    assert waarde(run_k1, "hh_ondersteund")[0] == 10  # the other gemeente's household is not counted
    assert [waarde(run_k1, "hh_nieuw", g)[0] for g in (a, b, None)] == [2, 6, 8]  # H2, H3 + H7..H12
    assert [waarde(run_k1, "hh_lopend", g)[0] for g in (a, b, None)] == [2, 0, 2]  # H1, H6
    assert [waarde(run_k1, "hh_afgesloten", g)[0] for g in (a, b, None)] == [2, 0, 2]  # H2, H6


def test_personen_mantelzorgers_en_vrijwilligers_onder_clienten(run_k1, casus):
    a, b = casus.org.gebied_a, casus.org.gebied_b
    # A: H1 (2 adults + a child), H2, H3, H6 → 6 persons, 5 adults; B: 6 adults
    assert [waarde(run_k1, "personen_ondersteund", g)[0] for g in (a, b, None)] == [6, 6, 12]
    # mantelzorgers among adults: A H1 + H6 = 2/5; B H12 = 1/6; gemeente 3/11
    assert waarde(run_k1, "mantelzorgers_clienten", a) == (2, 5, 40.0)
    assert waarde(run_k1, "mantelzorgers_clienten", b) == (1, 6, 16.7)
    assert waarde(run_k1, "mantelzorgers_clienten") == (3, 11, 27.3)
    # volunteers: A H2 + H6 = 2/5; B H7..H11 = 5/6; gemeente 7/11
    assert waarde(run_k1, "vrijwilligers_clienten", a) == (2, 5, 40.0)
    assert waarde(run_k1, "vrijwilligers_clienten", b) == (5, 6, 83.3)
    assert waarde(run_k1, "vrijwilligers_clienten") == (7, 11, 63.6)


def test_afgesloten_naar_reden(run_k1, casus):
    # closed in the quarter: H2 (doelen bereikt) and H6 (afgeschaald); H4 closed in 2025
    assert waarde(run_k1, "afgesloten_naar_reden", categorie="doelen_bereikt") == (1, 2, 50.0)
    assert waarde(run_k1, "afgesloten_naar_reden", categorie="afgeschaald") == (1, 2, 50.0)
    assert waarde(run_k1, "afgesloten_naar_reden", categorie="wlz") is None
    assert waarde(run_k1, "afgesloten_naar_reden", casus.org.gebied_a, categorie="afgeschaald") == (1, 2, 50.0)


def test_heropend_binnen_een_jaar(run_k1, casus):
    # H8 reopened 62 days after closing, H9 more than a year after: 1 of 2 reopenings
    assert waarde(run_k1, "heropend_binnen_jaar") == (1, 2, None)
    assert waarde(run_k1, "heropend_binnen_jaar", casus.org.gebied_b) == (1, 2, None)


def test_ladder_mix_van_activiteiten(run_k1):
    # H1: eigen kracht + netwerk (maatwerk starts after the quarter); H3: vrijwilligers (netwerk ended in 2025);
    # H2's plan was replaced: not counted. 3 activities, one third each.
    assert waarde(run_k1, "ladder_mix", categorie="eigen_kracht") == (1, 3, 33.3)
    assert waarde(run_k1, "ladder_mix", categorie="netwerk") == (1, 3, 33.3)
    assert waarde(run_k1, "ladder_mix", categorie="vrijwilligers") == (1, 3, 33.3)
    assert waarde(run_k1, "ladder_mix", categorie="maatwerk") is None
    assert waarde(run_k1, "ladder_mix", categorie="professioneel") is None


def test_doorlooptijden_mediaan_en_80e_percentiel(run_k1, casus):
    # aanmelding → first gesprek in the quarter: A 10, 14; B 4, 30, 20 days. Sorted 4 10 14 20 30:
    # median 14; p80 at position 0.8·4 = 3.2 → 20 + 0.2·10 = 22
    assert waarde(run_k1, "dt_aanmelding_gesprek_mediaan") == (5, None, 14.0)
    assert waarde(run_k1, "dt_aanmelding_gesprek_p80") == (5, None, 22.0)
    # A: 10, 14 → median 12, p80 10 + 0.8·4 = 13.2; B: 4 20 30 → median 20, p80 20 + 0.6·10 = 26
    assert waarde(run_k1, "dt_aanmelding_gesprek_mediaan", casus.org.gebied_a) == (2, None, 12.0)
    assert waarde(run_k1, "dt_aanmelding_gesprek_p80", casus.org.gebied_a) == (2, None, 13.2)
    assert waarde(run_k1, "dt_aanmelding_gesprek_p80", casus.org.gebied_b) == (3, None, 26.0)
    # gesprek → first plan in the quarter: H2 and H3 both 5 days (H1's plan was made in 2025)
    assert waarde(run_k1, "dt_gesprek_plan_mediaan") == (2, None, 5.0)
    assert waarde(run_k1, "dt_gesprek_plan_p80") == (2, None, 5.0)


def test_inwoners_en_bereik_per_1000_per_wijk(run_k1, casus):
    o = casus.org
    # the latest year up to 2026: 4,000 and 6,000 (2025 and 2027 figures are not used)
    assert waarde(run_k1, "inwoners", o.gebied_a, wijk=o.wijk_a)[0] == 4000
    assert waarde(run_k1, "inwoners", o.gebied_b)[0] == 6000
    assert waarde(run_k1, "inwoners")[0] == 10000
    assert waarde(run_k1, "hh_ondersteund_per_1000", o.gebied_a, wijk=o.wijk_a) == (4, 4000, 1.0)
    assert waarde(run_k1, "hh_ondersteund_per_1000") == (10, 10000, 1.0)


def test_geimporteerde_bevolkingscijfers_per_wijk(run_k1, casus):
    o = casus.org
    # the latest figure per wijk: wijk A 40/400 (not the 2024 one), wijk B 90/600; gemeente 130/1000
    assert waarde(run_k1, "bevolking_weinig_kracht", o.gebied_a, wijk=o.wijk_a) == (40, 400, 10.0)
    assert waarde(run_k1, "bevolking_weinig_kracht", o.gebied_b) == (90, 600, 15.0)
    assert waarde(run_k1, "bevolking_weinig_kracht") == (130, 1000, 13.0)
    assert waarde(run_k1, "clienttevredenheid") is None  # nothing imported: no number, not a zero


def test_lege_periode_geeft_nullen_en_geen_verzonnen_cijfers(casus):
    from monitoring import perioden
    from tests.monitoring.casus import bereken

    run = bereken(casus.org, perioden.kwartaal(2020, 1))
    assert waarde(run, "hh_ondersteund") == (0, None, None)
    assert waarde(run, "dt_aanmelding_gesprek_mediaan") == (0, None, None)
    assert waarde(run, "ladder_mix", categorie="netwerk") is None
