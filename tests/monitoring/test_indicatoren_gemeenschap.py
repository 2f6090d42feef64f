"""Community indicators (through gemeenschap.tellingen) and survey scores on the fixture met_gemeenschap.

Volunteers active on 31-03: A (wijk A, since 2025) and B (wijk B, since 01-02); one stopped, one joins in April.
Help requests in Q1: two in wijk A (10-01, 01-02); the one in wijk B is from December. Matches accepted in Q1:
10, 20 and 39 days after the request (wijk A, A, B). One carer (wijk A) supported twice in Q1. Activities starting
in Q1: two in gebied A (reach 25 and 12). Complaints in Q1: one in gebied A, one without gebied (one in April).
Survey 2025: gebied A 80% (40 respondents), B 70% (60); the 2024 score is older.
"""

import pytest

from tests.monitoring.casus import bereken, waarde

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(met_gemeenschap):
    return bereken(met_gemeenschap.org)


def test_vrijwilligers_hulpvragen_en_koppelingen(run, met_gemeenschap):
    o = met_gemeenschap.org
    assert waarde(run, "hulpvragen_vrijwilligers")[0] == 2
    assert waarde(run, "hulpvragen_vrijwilligers", o.gebied_a, wijk=o.wijk_a)[0] == 2
    assert waarde(run, "vrijwilligersmatches")[0] == 3
    assert waarde(run, "vrijwilligersmatches", o.gebied_b)[0] == 1
    assert waarde(run, "vrijwilligers_actief")[0] == 2
    # (10 + 20 + 39) / 3 = 23.0 days
    assert waarde(run, "dt_hulpvraag_koppeling") == (3, None, 23.0)


def test_mantelzorg_activiteiten_en_klachten(run, met_gemeenschap):
    o = met_gemeenschap.org
    assert waarde(run, "mantelzorgers_met_steun")[0] == 1  # supported twice, counted once
    assert waarde(run, "collectieve_activiteiten")[0] == 2
    assert waarde(run, "collectieve_bereik")[0] == 37
    assert waarde(run, "klachten")[0] == 2  # with and without gebied
    assert waarde(run, "klachten", o.gebied_a)[0] == 1


def test_clientervaring_per_vraag(run, met_gemeenschap):
    vraag = "Ik ben tevreden over de ondersteuning"
    assert waarde(run, "clientervaring_score", met_gemeenschap.org.gebied_a, categorie=vraag) == (40, None, 80.0)
    # gemeente: (80 × 40 + 70 × 60) / 100 = 74.0
    assert waarde(run, "clientervaring_score", categorie=vraag) == (100, None, 74.0)
