"""The share of young people with jeugdhulp against the CBS age groups (quarter 2026-K1), on the casus of casus.py.

Young inhabitants (0-15 + 15-25, CBS kerncijfers, latest year up to 2026):
  wijk A 2026: 60 + 40 = 100          wijk B 2026: 150 + 50 = 200 (the 2027 line does not count)
Jeugdwet toewijzingen:
  H1's child (born 2015, wijk A), 01-01-2026 – 31-12-2026          → A 1
  H10's child (born 2012, wijk B), 01-02-2026 – 31-12-2026         → B 1
  H11's child (born 2010, wijk B), care stopped 01-12-2025          → not counted
  H12's adult (born 1970, wijk B), 01-01-2026 – 31-12-2026          → not counted (25 or older)
  H10's child again, a second toewijzing                           → counted once
By hand: A 1/100 = 1.0 %; B 1/200 = 0.5 %; gebied = wijk; gemeente 2/300 = 0.7 %.
"""

from datetime import date
from decimal import Decimal

import pytest

from huishoudens.models import Doel, Persoon
from monitoring.models import Indicator
from tests.monitoring.casus import bereken, waarde
from toegang.models import Aanbieder, Aanvraag, Product, ProductCategorie, Toewijzing
from wijkteams.models import WijkInwoners

pytestmark = pytest.mark.django_db


@pytest.fixture
def met_jeugdhulp(casus):
    o, h, t = casus.org, casus.huishoudens, casus.trajecten
    WijkInwoners.objects.filter(wijk=o.wijk_a, jaar=2026).update(leeftijd_0_15=60, leeftijd_15_25=40)
    WijkInwoners.objects.filter(wijk=o.wijk_b, jaar=2026).update(leeftijd_0_15=150, leeftijd_15_25=50)
    WijkInwoners.objects.filter(wijk=o.wijk_b, jaar=2027).update(leeftijd_0_15=9000, leeftijd_15_25=900)
    jeugd = ProductCategorie.objects.get(wet="jeugdwet", code="45")
    product = Product.objects.create(gemeente=o.gemeente, categorie=jeugd, code="45A01", naam="Jeugdhulp",
                                     tarief=Decimal("50.00"))
    aanbieder = Aanbieder.objects.create(gemeente=o.gemeente, naam="Jeugdzorg BV", agb_code="12345678")
    doel = Doel.objects.filter(plan__traject=t[1]).first()
    nummer = iter(range(1, 100))

    def toewijzing(persoon, traject, start, eind, gestopt=None):
        aanvraag = Aanvraag.objects.create(
            doel=doel, traject=traject, huishouden=traject.huishouden, gemeente=o.gemeente, gebied=traject.gebied,
            team=traject.team, client=persoon, aangevraagd_door=o.mensen["teamlid"], aanvraagdatum=date(2025, 9, 1),
            product=product, aanbieder=aanbieder, budget=Decimal("500.00"), start=start, eind=eind,
            motivering="Netwerk kan dit niet", status="toegekend", besloten_door=o.mensen["coordinator_eigen_gebied"],
            besluitreden="Besluit")
        Toewijzing.objects.create(
            aanvraag=aanvraag, gemeente=o.gemeente, gebied=traject.gebied, toewijzingnummer=f"{next(nummer):08d}",
            aanbieder=aanbieder, client=persoon, product=product, categorie=jeugd, start=start, eind=eind,
            budget=Decimal("500.00"), zorg_gestart_op=start if gestopt else None, zorg_gestopt_op=gestopt)

    def kind(n, geboren):
        return Persoon.objects.create(huishouden=h[n], voornamen="Kind", achternaam=h[n].naam, geboortedatum=geboren)

    kind_h1 = h[1].personen.get(geboortedatum=date(2015, 5, 5))
    toewijzing(kind_h1, t[1], date(2026, 1, 1), date(2026, 12, 31))
    kind_h10 = kind(10, date(2012, 3, 3))
    toewijzing(kind_h10, t[10], date(2026, 2, 1), date(2026, 12, 31))
    toewijzing(kind_h10, t[10], date(2026, 3, 1), date(2026, 6, 30))
    toewijzing(kind(11, date(2010, 1, 1)), t[11], date(2025, 1, 1), date(2026, 12, 31), gestopt=date(2025, 12, 1))
    toewijzing(h[12].personen.get(), t[12], date(2026, 1, 1), date(2026, 12, 31))
    return casus


def test_aandeel_jongeren_met_jeugdhulp(met_jeugdhulp):
    o = met_jeugdhulp.org
    run = bereken(o)
    assert waarde(run, "jeugdhulp_aandeel_jeugdigen", o.gebied_a, wijk=o.wijk_a) == (1, 100, 1.0)
    assert waarde(run, "jeugdhulp_aandeel_jeugdigen", o.gebied_b, wijk=o.wijk_b) == (1, 200, 0.5)
    assert waarde(run, "jeugdhulp_aandeel_jeugdigen", o.gebied_a) == (1, 100, 1.0)
    assert waarde(run, "jeugdhulp_aandeel_jeugdigen") == (2, 300, 0.7)


def test_zonder_leeftijdsgroepen_geen_cijfer(run_k1):
    # the casus has inhabitant totals only: the share cannot be taken, so there is no figure (not a zero)
    assert waarde(run_k1, "jeugdhulp_aandeel_jeugdigen") is None
    assert Indicator.objects.get(code="jeugdhulp_aandeel_jeugdigen").status == "startset"
