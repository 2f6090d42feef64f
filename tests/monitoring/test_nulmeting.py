"""The nulmeting per wijk (issue 18): the first complete quarter after the gemeente's go-live (set by the functioneel
beheerder in the beheer screens) is shown on the wijk profile beside the chosen quarter, computed and suppressed the
same way.

Hand-worked on the casus (tests/monitoring/casus.py), go-live 12-11-2025 → nulmeting 2026-K1 (Q4 2025 had already
begun). Centrum (wijk B, 6,000 inhabitants in 2026):
  2026-K1 (nulmeting): H7..H12 aangemeld 05-01-2026, open → 6 households → 6 × 1000 / 6000 = 1.0 per 1,000.
  2026-K2 (chosen):    H7..H12 still open + the three households of this test aangemeld 10-04-2026 → 9 households
                       → 9 × 1000 / 6000 = 1.5 per 1,000.
Bolnes (wijk A): 2026-K1 H1, H2, H3, H6 → 4 → "< 5" and no per-1,000 figure; 2026-K2 H1, H3 and H5 (aangemeld
05-04-2026) → 3 → "< 5".
Supported households are shown only as the finished monitor run of the quarter shows them (none without a run). In
the bare casus the run hides Centrum ("×"): it is all of gebied B, and gemeente − gebied B would give gebied A (4)
away. So the runs here (met_runs) have Oostendam in gebied A too, with 10 households from 05-01-2026: the run hides
Bolnes and Oostendam, and Centrum shows 6 (K1) and 9 (K2).
"""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from monitoring import perioden
from monitoring.wijkprofiel import nulmeting_periode
from tests.factories import WijkFactory
from tests.monitoring.casus import _huishouden, _traject, bereken
from wijkteams.models import Gemeente

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("live", "kwartaal"), [
    (date(2025, 11, 12), "2026-K1"),  # Q4 2025 had begun: the next quarter
    (date(2026, 1, 1), "2026-K1"),  # a quarter starting on the go-live day itself is complete
    (date(2026, 1, 2), "2026-K2"),
    (date(2026, 12, 31), "2027-K1"),
    (date(2026, 4, 1), "2026-K2"),
])
def test_eerste_volledige_kwartaal_na_de_ingebruikname(live, kwartaal):
    periode = nulmeting_periode(Gemeente(naam="X", cbs_code="9999", live_sinds=live))
    assert periode.label == kwartaal and periode.van >= live
    assert (periode.van - live).days < 92  # never a later quarter than needed
    assert nulmeting_periode(Gemeente(naam="X", cbs_code="9999")) is None


@pytest.fixture
def na_golive(casus):
    o = casus.org
    Gemeente.objects.filter(pk=o.gemeente.pk).update(live_sinds=date(2025, 11, 12))
    for n in range(3):
        _traject(_huishouden(o, o.wijk_b, f"Nieuw{n}"), o.team_b, date(2026, 4, 10))
    return casus


def _runs(casus):
    """Oostendam (gebied A, 10 households) and the finished monitor runs of 2026-K1 and 2026-K2."""
    o = casus.org
    oostendam = WijkFactory(gemeente=o.gemeente, gebied=o.gebied_a, naam="Oostendam", cbs_code="WK059702")
    for n in range(10):
        _traject(_huishouden(o, oostendam, f"Oostendam{n}"), o.team_a, date(2026, 1, 5))
    for kwartaal in (1, 2):
        bereken(o, perioden.kwartaal(2026, kwartaal))


@pytest.fixture
def met_runs(na_golive):
    _runs(na_golive)
    return na_golive


def _url(wijk, kwartaal):
    return reverse("monitoring:wijkprofiel", args=[wijk.pk]) + f"?jaar=2026&kwartaal={kwartaal}"


def test_wijkprofiel_toont_de_nulmeting_naast_het_kwartaal(client, na_golive, django_assert_max_num_queries):
    o = na_golive.org
    client.force_login(o.mensen["beleidsmedewerker"])
    client.get(_url(o.wijk_b, 2))
    # the profile's pin with the nulmeting's figures: 23 measured (29 before the counts of volunteers, help
    # requests, maatwerk requests and Wmo clients came from the run: 3 live queries fewer per period)
    with django_assert_max_num_queries(24):
        antwoord = client.get(_url(o.wijk_b, 2))
    assert antwoord.status_code == 200
    profiel = antwoord.context["profiel"]
    # no finished runs yet: no supported households, in neither column
    assert (profiel["ondersteund"], profiel["per_1000"], profiel["nul"]["ondersteund"]) == (None, None, None)
    assert ('<tr><th scope="row">Ondersteunde huishoudens</th><td>–</td><td>–</td></tr>'
            in antwoord.content.decode())
    _runs(na_golive)
    with django_assert_max_num_queries(28):  # 27 measured: each quarter's run adds its suppression table (2 queries)
        antwoord = client.get(_url(o.wijk_b, 2))
    profiel = antwoord.context["profiel"]
    assert (profiel["ondersteund"], profiel["per_1000"]) == ("9", "1,5")
    assert (profiel["nul"]["ondersteund"], profiel["nul"]["per_1000"]) == ("6", "1,0")
    assert antwoord.context["nulmeting"].label == "2026-K1"
    inhoud = antwoord.content.decode()
    assert "Naast het gekozen kwartaal staan de cijfers van de nulmeting: 2026-K1" in inhoud
    assert "12 november 2025" in inhoud or "12-11-2025" in inhoud
    assert ('<th scope="col">2026-K2</th><th scope="col">Nulmeting 2026-K1</th>') in inhoud
    assert ('<tr><th scope="row">Ondersteunde huishoudens</th><td>9</td><td>6</td></tr>') in inhoud
    assert ('<tr><th scope="row">Ondersteunde huishoudens per 1.000 inwoners</th><td>1,5</td><td>1,0</td></tr>'
            in inhoud)
    # the tables have the nulmeting column too, with the same categories
    ladder = profiel["ladder"]
    assert [label for label, _a, _n in ladder.naast] == [label for label, _a in ladder.rijen]


def test_nulmeting_met_dezelfde_onderdrukking(client, met_runs):
    o = met_runs.org
    client.force_login(o.mensen["coordinator_eigen_gebied"])
    profiel = client.get(_url(o.wijk_a, 2)).context["profiel"]
    assert (profiel["ondersteund"], profiel["per_1000"]) == ("< 5", "(< 5)")
    assert (profiel["nul"]["ondersteund"], profiel["nul"]["per_1000"]) == ("< 5", "(< 5)")


def test_in_het_kwartaal_van_de_nulmeting_zelf_en_zonder_golive(client, na_golive):
    o = na_golive.org
    client.force_login(o.mensen["beleidsmedewerker"])
    antwoord = client.get(_url(o.wijk_b, 1))
    assert "nul" not in antwoord.context["profiel"]
    assert "Dit kwartaal is de nulmeting van de wijk" in antwoord.content.decode()
    # go-live today: the nulmeting lies ahead
    Gemeente.objects.filter(pk=o.gemeente.pk).update(live_sinds=timezone.localdate())
    inhoud = client.get(_url(o.wijk_b, 2)).content.decode()
    volgende = nulmeting_periode(Gemeente(naam="X", cbs_code="9999", live_sinds=timezone.localdate()))
    assert f"De nulmeting van deze wijk is het kwartaal {volgende.label}; dat is nog niet afgerond." in inhoud
    assert "Nulmeting " + volgende.label not in inhoud.replace(f"kwartaal {volgende.label}", "")
    # no go-live date: explained
    Gemeente.objects.filter(pk=o.gemeente.pk).update(live_sinds=None)
    inhoud = client.get(_url(o.wijk_b, 2)).content.decode()
    assert "Er is nog geen datum van ingebruikname (go-live) ingesteld" in inhoud


def test_beheerder_stelt_de_golive_in_andere_gemeente_niet(client, org):
    beheer = org.mensen["beheer"]
    beheer.is_staff = True
    beheer.save()
    client.force_login(beheer)
    url = reverse("admin:wijkteams_gemeente_change", args=[org.gemeente.pk])
    inrichting = client.get(reverse("wijkteams:inrichting")).content.decode()
    assert "nog niet ingesteld" in inrichting and url in inrichting  # the inrichting screen links to it
    assert "live_sinds" in client.get(url).content.decode()
    antwoord = client.post(url, {"naam": "Ridderkerk", "cbs_code": "0597", "nazorg_dagen": "90",
                                 "live_sinds": "12-11-2025"})
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors
    org.gemeente.refresh_from_db()
    assert org.gemeente.live_sinds == date(2025, 11, 12)
    assert "In gebruik sinds" in client.get(reverse("wijkteams:inrichting")).content.decode()
    # another gemeente: not even shown (the beheer site is limited to the own gemeente)
    ander = reverse("admin:wijkteams_gemeente_change", args=[org.andere_gemeente.pk])
    assert client.get(ander).status_code == 302
    client.post(ander, {"naam": "Alblasserdam", "cbs_code": "0482", "nazorg_dagen": "90",
                        "live_sinds": "01-01-2020"})
    org.andere_gemeente.refresh_from_db()
    assert org.andere_gemeente.live_sinds is None


def test_wijkprofiel_404_voor_de_verkeerde_persoon_ook_met_nulmeting(client, na_golive):
    for wie in ("teamlid", "sociaal_makelaar", "coordinator_andere_gemeente"):
        client.force_login(na_golive.org.mensen[wie])
        assert client.get(_url(na_golive.org.wijk_b, 2)).status_code == 404
