"""The wijk profile (gebiedsscan): population beside casework for a quarter, suppressed; only beleid, coördinator and
beheer of the gemeente (others 404). Figures on the casus of casus.py for 2026-K1, worked out by hand:

wijk B (Centrum): H7..H12 aangemeld 05-01-2026, open → 6 supported households; 6,000 inhabitants (2026; the 2027
  line does not count) → 6 × 1000 / 6000 = 1.0 per 1,000. Meldingen in Q1 for H7 (financiën, huisvesting), H11
  (financiën), H12 (financiën, huisvesting) → financiën 3, huisvesting 2: both shown as "< 5".
wijk A (Bolnes): H1, H2, H3, H6 ran in Q1 → 4 households: "< 5", and so no per-1,000 figure. Ladder (active plans of
  H1 and H3): eigen kracht 1, netwerk 2, vrijwilligers 1, maatwerk 1 → every part "< 5", total 5.
"""

from decimal import Decimal

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _url(wijk):
    return reverse("monitoring:wijkprofiel", args=[wijk.pk]) + "?jaar=2026&kwartaal=1"


def test_wijkprofiel_bevolking_naast_casework_met_onderdrukking(client, met_meldingen, django_assert_max_num_queries):
    o = met_meldingen.org
    client.force_login(o.mensen["beleidsmedewerker"])
    with django_assert_max_num_queries(30):
        antwoord = client.get(_url(o.wijk_b))
    assert antwoord.status_code == 200
    profiel = antwoord.context["profiel"]
    assert (profiel["inwoners"].jaar, profiel["inwoners"].aantal) == (2026, 6000)
    assert (profiel["ondersteund"], profiel["per_1000"]) == (6, Decimal("1.0"))
    meldingen = dict(profiel["meldingen"].rijen)
    assert (meldingen["Financiën"], meldingen["Huisvesting"], meldingen["Justitie en veiligheid"]) == ("< 5", "< 5", 0)
    inhoud = antwoord.content.decode()
    for tekst in ("Wijkprofiel Centrum", "Bevolking", "Werk van de wijkteams", "Meldingen per leefgebied",
                  "Sociale kaart in de wijk", "&lt; 5"):
        assert tekst in inhoud, tekst


def test_kleine_wijk_onderdrukt_en_geen_ratio(client, casus):
    o = casus.org
    client.force_login(o.mensen["coordinator_eigen_gebied"])
    profiel = client.get(_url(o.wijk_a)).context["profiel"]
    assert (profiel["ondersteund"], profiel["per_1000"]) == ("< 5", None)
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
