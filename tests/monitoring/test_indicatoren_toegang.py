"""Melding indicators on the hand-made fixture (met_meldingen in conftest.py), numbers worked out by hand.

  M1 H2 (A) 08-01 telefoon  meervoudig, gesprek 20-01 (12 days), deadline 19-02: in time
  M2 H3 (A) 25-01 online    meervoudig, gesprek 15-02 (21 days), deadline 08-03: in time
  M3 H7 (B) 02-01 telefoon  meervoudig, gesprek 09-01 (7 days),  deadline 13-02: in time
  M4 H10 (B) 10-12-2025 telefoon meervoudig, gesprek 04-02 (56 days), deadline 21-01: late (not new in Q1)
  M5 H11 (B) 01-02 ankerplaats enkelvoudig, no team: gebied of the household's wijk
  M6 H12 (B) 20-03 telefoon meervoudig, no gesprek, deadline in May (not in Q1)
  M7 other gemeente: never counted
"""

import pytest

from tests.monitoring.casus import bereken, waarde

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(met_meldingen):
    return bereken(met_meldingen.org)


def test_nieuwe_meldingen_en_meervoudig(run, met_meldingen):
    a, b = met_meldingen.org.gebied_a, met_meldingen.org.gebied_b
    assert [waarde(run, "meldingen_nieuw", g)[0] for g in (a, b, None)] == [2, 3, 5]
    assert waarde(run, "meldingen_meervoudig") == (4, 5, 80.0)  # M1 M2 M3 M6 of M1 M2 M3 M5 M6
    assert waarde(run, "meldingen_meervoudig", b) == (2, 3, 66.7)


def test_meldingen_per_kanaal(run):
    assert waarde(run, "meldingen_per_kanaal", categorie="Telefoon") == (3, 5, 60.0)  # M1 M3 M6
    assert waarde(run, "meldingen_per_kanaal", categorie="Online formulier") == (1, 5, 20.0)
    assert waarde(run, "meldingen_per_kanaal", categorie="Inloop ankerplaats") == (1, 5, 20.0)


def test_doorlooptijd_melding_gesprek(run, met_meldingen):
    # first conversations in Q1 after the melding: 12, 21, 7, 56 → sorted 7 12 21 56: median 16.5;
    # p80 at 0.8·3 = 2.4 → 21 + 0.4·35 = 35
    assert waarde(run, "dt_melding_gesprek_mediaan") == (4, None, 16.5)
    assert waarde(run, "dt_melding_gesprek_p80") == (4, None, 35.0)
    assert waarde(run, "dt_melding_gesprek_mediaan", met_meldingen.org.gebied_a) == (2, None, 16.5)  # 12, 21


def test_onderzoek_binnen_zes_weken(run, met_meldingen):
    # deadlines in Q1: M1, M2, M3 (in time) and M4 (late); M6's deadline is in May
    assert waarde(run, "onderzoek_binnen_6_weken") == (3, 4, 75.0)
    assert waarde(run, "onderzoek_binnen_6_weken", met_meldingen.org.gebied_b) == (1, 2, 50.0)
