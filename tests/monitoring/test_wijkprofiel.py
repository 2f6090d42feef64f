"""The wijk profile (gebiedsscan): population beside casework for a quarter, suppressed; only beleid, coördinator and
beheer of the gemeente (others 404). Figures on the casus of casus.py for 2026-K1, worked out by hand:

wijk B (Centrum): H7..H12 aangemeld 05-01-2026, open → 6 supported households; 6,000 inhabitants (2026; the 2027
  line does not count) → 6 × 1000 / 6000 = 1.0 per 1,000. Meldingen in Q1 for H7 (financiën, huisvesting), H11
  (financiën), H12 (financiën, huisvesting) → financiën 3, huisvesting 2: both shown as "< 5".
wijk A (Bolnes): H1, H2, H3, H6 ran in Q1 → 4 households: "< 5", and so no per-1,000 figure. Ladder (active plans of
  H1 and H3): eigen kracht 1, netwerk 2, vrijwilligers 1, maatwerk 1 → every part "< 5", total 5.

Supported households (and per 1,000) are shown as the finished monitor run of the quarter shows them, and not at all
without one. The leak this prevents (review 3): Bolnes and two more wijken of gebied A with 4, 6 and 10 supported
households in 2026-K1. The run shows gebied A as 20 and hides Bolnes ("< 5") and, to protect it, the 6-wijk ("×");
a profile showing 6 would give Bolnes away: 20 − 10 − 6 = 4.
"""

from datetime import date

import pytest
from django.urls import reverse

from monitoring import perioden, selectors
from tests.factories import WijkFactory
from tests.monitoring.casus import _huishouden, _traject, bereken
from wijkteams.models import Wijk, WijkInwoners

UITLEG = "staat hier pas als de monitorrun van het kwartaal klaar is"

pytestmark = pytest.mark.django_db


def _url(wijk):
    return reverse("monitoring:wijkprofiel", args=[wijk.pk]) + "?jaar=2026&kwartaal=1"


def test_wijkprofiel_bevolking_naast_casework_met_onderdrukking(client, met_meldingen, django_assert_max_num_queries):
    o = met_meldingen.org
    bereken(o)
    client.force_login(o.mensen["beleidsmedewerker"])
    with django_assert_max_num_queries(30):
        antwoord = client.get(_url(o.wijk_b))
    assert antwoord.status_code == 200
    profiel = antwoord.context["profiel"]
    assert (profiel["inwoners"].jaar, profiel["inwoners"].aantal) == (2026, 6000)
    # Centrum is all of gebied B, and gemeente − gebied B is Bolnes ("< 5"): the run hides Centrum, so does the profile
    assert (profiel["ondersteund"], profiel["per_1000"]) == ("×", "(×)")
    meldingen = dict(profiel["meldingen"].rijen)
    assert (meldingen["Financiën"], meldingen["Huisvesting"], meldingen["Justitie en veiligheid"]) == ("< 5", "< 5", 0)
    inhoud = antwoord.content.decode()
    for tekst in ("Wijkprofiel Centrum", "Bevolking", "Werk van de wijkteams", "Meldingen per leefgebied",
                  "Sociale kaart in de wijk", "&lt; 5"):
        assert tekst in inhoud, tekst


def test_kleine_wijk_onderdrukt_en_geen_ratio(client, casus, run_k1):
    o = casus.org
    client.force_login(o.mensen["coordinator_eigen_gebied"])
    profiel = client.get(_url(o.wijk_a)).context["profiel"]
    assert (profiel["ondersteund"], profiel["per_1000"]) == ("< 5", "(< 5)")
    ladder = dict(profiel["ladder"].rijen)
    assert [ladder[k] for k in ("Eigen kracht", "Sociaal netwerk", "Vrijwilligers")] == ["< 5", "< 5", "< 5"]
    assert ladder["Algemene voorziening"] == 0 and profiel["ladder"].totaal == 5


def test_beheer_mag_ook(client, casus):
    client.force_login(casus.org.mensen["beheer"])
    assert client.get(_url(casus.org.wijk_b)).status_code == 200


@pytest.mark.parametrize("wie", ["teamlid", "sociaal_makelaar", "lzn", "coordinator_andere_gemeente"])
def test_verkeerde_persoon_krijgt_404(client, casus, wie):
    client.force_login(casus.org.mensen[wie])
    assert client.get(_url(casus.org.wijk_b)).status_code == 404


@pytest.fixture
def gebied_a_met_drie_wijken(casus):
    """Gebied A: Bolnes (4 households in 2026-K1, from the casus) plus Oostendam (6) and Rijsoord (10)."""
    o = casus.org
    for naam, code, n in (("Oostendam", "WK059702", 6), ("Rijsoord", "WK059704", 10)):
        wijk = WijkFactory(gemeente=o.gemeente, gebied=o.gebied_a, naam=naam, cbs_code=code)
        WijkInwoners.objects.create(wijk=wijk, jaar=2026, aantal=3000)
        for i in range(n):
            _traject(_huishouden(o, wijk, f"{naam} {i}"), o.team_a, date(2026, 1, 5))
    return casus


def test_wijkprofiel_toont_niet_wat_de_monitor_aanvullend_verbergt(client, gebied_a_met_drie_wijken):
    o = gebied_a_met_drie_wijken.org
    run = bereken(o)
    _kolommen, regels = selectors.wijkregels(run, o.gebied_a)
    in_monitor = {wijk.naam: str(cellen[[k.code for k in _kolommen].index("hh_ondersteund_per_1000")])
                  for wijk, cellen in regels}
    assert in_monitor == {"Bolnes": "(< 5)", "Oostendam": "(×)", "Rijsoord": "3,3"}
    client.force_login(o.mensen["beleidsmedewerker"])
    getoond = {}
    for wijk in Wijk.objects.filter(gebied=o.gebied_a):
        antwoord = client.get(_url(wijk))
        assert antwoord.status_code == 200
        profiel = antwoord.context["profiel"]
        getoond[wijk.naam] = (profiel["ondersteund"], profiel["per_1000"])
        assert UITLEG not in antwoord.content.decode()
    # as the monitor shows them: the 6 of Oostendam stays hidden, so 20 − 10 − 6 cannot give Bolnes away
    assert getoond == {"Bolnes": ("< 5", "(< 5)"), "Oostendam": ("×", "(×)"), "Rijsoord": ("10", "3,3")}
    for wijk in in_monitor:
        assert getoond[wijk][1] == in_monitor[wijk]


def test_wijkprofiel_zonder_klare_run_toont_geen_ondersteunde_huishoudens(client, gebied_a_met_drie_wijken):
    o = gebied_a_met_drie_wijken.org
    client.force_login(o.mensen["beleidsmedewerker"])
    for wijk in Wijk.objects.filter(gebied=o.gebied_a):
        antwoord = client.get(_url(wijk))
        assert (antwoord.context["profiel"]["ondersteund"], antwoord.context["profiel"]["per_1000"]) == (None, None)
        inhoud = antwoord.content.decode()
        assert UITLEG in inhoud
        assert '<dt>Ondersteunde huishoudens</dt><dd>–</dd>' in inhoud
    # a run of another period does not count: only the finished run of exactly this quarter
    bereken(o, perioden.kwartaal(2026, 2))
    assert client.get(_url(o.wijk_a)).context["profiel"]["ondersteund"] is None
