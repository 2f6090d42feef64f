"""ZRM indicators (through zelfredzaamheid's aggregates) on the hand-made fixture met_zrm, worked out by hand.

Latest final measurement in 2026-K1 per person (matrix 2017):
  A1 (gebied A): 4 everywhere, sociaal netwerk 2 — first measurement (2025-11-10) 3 everywhere
  A2 (A): 2 everywhere (only measurement)
  A3 (A): 3 everywhere, financiën niet gescoord
  A4 (A): 5 everywhere
  B  (gebied B): 3 everywhere — first measurement (2025-12-01) 1 everywhere
Not counted: a measurement after the quarter, a concept measurement, the other gemeente.
"""

import pytest

from monitoring.models import Indicator
from tests.monitoring.casus import bereken, waarde

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(met_zrm):
    return bereken(met_zrm.org)


def test_gemeten_clienten_en_weinig_kracht(run, met_zrm):
    a = met_zrm.org.gebied_a
    assert waarde(run, "zrm_gemeten")[0] == 5
    assert waarde(run, "zrm_gemeten", a)[0] == 4
    # a score ≤ 2 on any domain: A1 (sociaal netwerk 2) and A2 → 2 of 5
    assert waarde(run, "zrm_weinig_kracht") == (2, 5, 40.0)
    assert waarde(run, "zrm_weinig_kracht", a) == (2, 4, 50.0)
    # sociaal netwerk ≤ 2: A1 and A2 → 2 of the 5 scored on it
    assert waarde(run, "zrm_onvoldoende_contacten") == (2, 5, 40.0)


def test_gemiddelde_per_domein_laat_niet_gescoord_weg(run):
    # financiën: A1 4, A2 2, A3 not scored, A4 5, B 3 → 14 / 4 = 3.5 over 4 persons
    assert waarde(run, "zrm_gemiddelde_domein", categorie="Financiën (ZRM 2017)") == (4, None, 3.5)
    # sociaal netwerk: 2, 2, 3, 5, 3 → 15 / 5 = 3.0
    assert waarde(run, "zrm_gemiddelde_domein", categorie="Sociaal netwerk (ZRM 2017)") == (5, None, 3.0)
    # werk & opleiding: 4, 2, 3, 5, 3 → 17 / 5 = 3.4
    assert waarde(run, "zrm_gemiddelde_domein", categorie="Werk & opleiding (ZRM 2017)") == (5, None, 3.4)


def test_verandering_eerste_naar_laatste_meting(run):
    # persons with two measurements: A1 (3 → 4; sociaal netwerk 3 → 2) and B (1 → 3)
    assert waarde(run, "zrm_verandering", categorie="Financiën (ZRM 2017)") == (2, None, 1.5)
    assert waarde(run, "zrm_verandering", categorie="Sociaal netwerk (ZRM 2017)") == (2, None, 0.5)


def test_zrm_cijfers_zijn_cliëntcijfers_in_elke_uitvoer(run, client, met_zrm):
    assert set(Indicator.objects.filter(functie="zrm").values_list("is_clientcijfer", flat=True)) == {True}
    from monitoring import exports

    rijen = [r for r in exports.rijen(run) if r["indicator"].startswith("zrm_")]
    assert rijen and {r["cliëntcijfer"] for r in rijen} == {"ja"}
    client.force_login(met_zrm.org.mensen["beleidsmedewerker"])
    html = client.get(f"/monitoring/?periode={run.pk}").content.decode()
    assert "ZRM: cliënten met weinig kracht <small>(cliëntcijfer)</small>" in html
    assert "40,0%" not in html  # weinig kracht, gemeente: 2 of 5 — resting on 2 persons, so hidden
    assert "3,00" in html  # sociaal netwerk average over 5 persons is shown
