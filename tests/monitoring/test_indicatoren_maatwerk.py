"""Maatwerk, budget, Wmo clients and opschaling indicators on the hand-made fixture met_maatwerk.

Requests: R1 H2 (A) 05-01 granted 12-01 (7 days); R2 H3 (A) 01-02 rejected 25-02 (24 days); R3 H7 (B) requested
20-12-2025, granted 02-01 (13 days); R4 H10 (B) 25-03 open.
Toewijzingen (Wmo, category 02): H1 adult (two toewijzingen), H2; H7's care stopped in 2025; H8 has jeugdhulp.
Escalations: LZN H1 10-01 (A), LZN H3 10-02 (A, back to the team 20-03), bestuurstafel H7 01-03 (B),
LZN H9 registered in 2025, closed 01-02 (B).
"""

from decimal import Decimal

import pytest

from tests.monitoring.casus import bereken, waarde

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(met_maatwerk):
    return bereken(met_maatwerk.org)


def test_aanvragen_en_besluiten(run, met_maatwerk):
    a, b = met_maatwerk.org.gebied_a, met_maatwerk.org.gebied_b
    assert [waarde(run, "maatwerk_aanvragen", g)[0] for g in (a, b, None)] == [2, 1, 3]  # R1 R2 | R4
    # decisions in Q1: R1 granted, R2 rejected, R3 granted
    assert waarde(run, "maatwerk_toegekend") == (2, 3, 66.7)
    assert waarde(run, "maatwerk_afgewezen") == (1, 3, 33.3)
    assert waarde(run, "besluit_binnen_2_weken") == (2, 3, 66.7)  # R1 (7 days) and R3 (13 days)
    assert waarde(run, "besluit_binnen_2_weken", a) == (1, 2, 50.0)


def test_wmo_clienten_per_1000_per_wijk(run, met_maatwerk):
    o = met_maatwerk.org
    # wijk A: H1's adult (two toewijzingen, counted once) and H2's client → 2 per 4,000 inhabitants
    assert waarde(run, "wmo_clienten_per_1000", o.gebied_a, wijk=o.wijk_a) == (2, 4000, 0.5)
    assert waarde(run, "wmo_clienten_per_1000", o.gebied_b, wijk=o.wijk_b) == (0, 6000, 0.0)  # stopped / jeugd
    assert waarde(run, "wmo_clienten_per_1000") == (2, 10000, 0.2)


def test_verplichtingen_tegenover_budget(run, met_maatwerk):
    # 2026 commitments in gebied A: 2 h/week × €30 × 365/7 days = €3,128.57; budget €1,000 over the year;
    # H2: 1 h/week × €30 × 150/7 = €642.86 → €4,771.43 against €10,000 → 47.7%
    teller, noemer, pct = waarde(run, "maatwerk_kosten_budget", met_maatwerk.org.gebied_a)
    assert (teller, noemer, pct) == (4771, 10000, 47.7)
    # gebied B: H7's care stopped in 2025, H8's jeugdhulp has no budget line: €0 of €5,000
    assert waarde(run, "maatwerk_kosten_budget", met_maatwerk.org.gebied_b) == (0, 5000, 0.0)
    assert waarde(run, "maatwerk_kosten_budget") == (4771, 15000, 31.8)
    assert Decimal("4771.43") * 100 / 15000 == pytest.approx(Decimal("31.81"), abs=Decimal("0.01"))


def test_opschalingen_en_uitkomst(run, met_maatwerk):
    a, b = met_maatwerk.org.gebied_a, met_maatwerk.org.gebied_b
    assert [waarde(run, "escalaties_lzn", g)[0] for g in (a, None)] == [2, 2]  # H1, H3 (H9 was in 2025)
    assert [waarde(run, "escalaties_bestuurstafel", g)[0] for g in (b, None)] == [1, 1]
    # ended in Q1: H3 back to the team, H9 closed → half each
    assert waarde(run, "escalaties_uitkomst", categorie="afgeschaald") == (1, 2, 50.0)
    assert waarde(run, "escalaties_uitkomst", categorie="afgesloten") == (1, 2, 50.0)
    assert waarde(run, "escalaties_uitkomst", b, categorie="afgesloten") == (1, 1, 100.0)
