"""Participatiewet outflow in the monitor (quarter 2026-K1), on the hand-made casus of casus.py.

Outflow recorded (huishoudens.Uitstroom):
  H1 adult 1 (gebied A): to work 20-12-2025 (before the quarter: not counted), to education 31-03-2026 (counted)
  H2 (A): to work 20-02-2026                     → A work 1
  H7 (B): to work 15-01-2026                     → B work 1
  H8 (B): to work 01-04-2026 (after the quarter: not counted)
  H99 (other gemeente): to work 02-02-2026 (never counted for Ridderkerk)
By hand: work A 1, B 1, gemeente 2; education A 1, B 0, gemeente 1.
"""

from datetime import date

import pytest

from huishoudens.models import Uitstroom
from monitoring.models import Indicator
from tests.monitoring.casus import bereken, waarde

pytestmark = pytest.mark.django_db


@pytest.fixture
def met_uitstroom(casus):
    h, t = casus.huishoudens, casus.trajecten
    door = casus.org.mensen["teamlid"]
    volwassene = h[1].personen.filter(geboortedatum__lt=date(2000, 1, 1)).order_by("id").first()
    for n, persoon, soort, datum in ((1, volwassene, "werk", date(2025, 12, 20)),
                                     (1, volwassene, "opleiding", date(2026, 3, 31)),
                                     (2, h[2].personen.get(), "werk", date(2026, 2, 20)),
                                     (7, h[7].personen.get(), "werk", date(2026, 1, 15)),
                                     (8, h[8].personen.get(), "werk", date(2026, 4, 1)),
                                     (99, h[99].personen.get(), "werk", date(2026, 2, 2))):
        Uitstroom.objects.create(traject=t[n] if n != 99 else h[99].trajecten.get(), persoon=persoon, soort=soort,
                                 datum=datum, geregistreerd_door=door)
    return casus


def test_uitstroom_naar_werk_en_opleiding(met_uitstroom):
    o = met_uitstroom.org
    run = bereken(o)
    assert [waarde(run, "participatie_uitstroom_werk", g)[0] for g in (o.gebied_a, o.gebied_b, None)] == [1, 1, 2]
    assert [waarde(run, "participatie_uitstroom_opleiding", g)[0] for g in (o.gebied_a, o.gebied_b, None)] == [
        1, 0, 1]


def test_zonder_uitstroom_telt_de_gemeente_nul(run_k1):
    assert waarde(run_k1, "participatie_uitstroom_werk") == (0, None, None)


def test_uitstroom_is_geen_ontwikkelagenda_meer(casus):
    ind = Indicator.objects.get(code="participatie_uitstroom_werk")
    assert (ind.status, ind.functie, ind.wet, ind.thema) == ("startset", "participatie", "participatie",
                                                             "participatie")
