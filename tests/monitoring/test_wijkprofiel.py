"""The wijk profile (gebiedsscan): population beside casework for a quarter, suppressed; only beleid, coördinator and
beheer of the gemeente (others 404). Figures on the casus of casus.py for 2026-K1, worked out by hand:

wijk B (Centrum): H7..H12 aangemeld 05-01-2026, open → 6 supported households; 6,000 inhabitants (2026; the 2027
  line does not count) → 6 × 1000 / 6000 = 1.0 per 1,000. Meldingen in Q1 for H7 (financiën, huisvesting), H11
  (financiën), H12 (financiën, huisvesting) → financiën 3, huisvesting 2: both shown as "< 5".
wijk A (Bolnes): H1, H2, H3, H6 ran in Q1 → 4 households: "< 5", and so no per-1,000 figure. Ladder (active plans of
  H1 and H3): eigen kracht 1, netwerk 2, vrijwilligers 1, maatwerk 1 → every part "< 5", total 5.

Supported households (and per 1,000), active volunteers, help requests, Wmo clients and maatwerk requests are shown as
the finished monitor run of the quarter shows them, and not at all without one (maatwerk requests: the run has them per
gebied only, so never per wijk). The leak this prevents (review 3): Bolnes and two more wijken of gebied A with 4, 6
and 10 supported households (volunteers, help requests, Wmo clients) in 2026-K1. The run shows gebied A as 20 and
hides Bolnes ("< 5") and, to protect it, the 6-wijk ("×"); a profile showing 6 would give Bolnes away: 20 − 10 − 6 = 4.
"""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from monitoring import perioden, selectors, weergave
from tests.factories import WijkFactory
from tests.monitoring.casus import _huishouden, _traject, bereken
from wijkteams.models import Wijk, WijkInwoners

UITLEG = "staan hier pas als de monitorrun van het kwartaal klaar is"

pytestmark = pytest.mark.django_db


def _url(wijk):
    return reverse("monitoring:wijkprofiel", args=[wijk.pk]) + "?jaar=2026&kwartaal=1"


def test_wijkprofiel_bevolking_naast_casework_met_onderdrukking(client, met_meldingen, django_assert_max_num_queries):
    o = met_meldingen.org
    bereken(o)
    client.force_login(o.mensen["beleidsmedewerker"])
    with django_assert_max_num_queries(18):  # 17 measured (with the run's suppression table, no nulmeting)
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


def _vrijwilligers(o, wijk, n):
    from gemeenschap.models import Vrijwilliger

    for i in range(n):
        Vrijwilliger.objects.create(gemeente=o.gemeente, wijk=wijk, naam=f"{wijk.naam} {i}", email="", telefoon="",
                                    interesses="", vaardigheden=[], beschikbaarheid=[], organisatie="",
                                    vog_gecontroleerd=False, actief=True, aangemeld_op=date(2025, 12, 1))


def _hulpvragen(o, wijk, n):
    from gemeenschap.models import Hulpvraag

    for _i in range(n):
        Hulpvraag.objects.create(gemeente=o.gemeente, wijk=wijk, bron="bewoner", aanvrager="Bewoner",
                                 wat="Boodschappen", vaardigheden=[], wanneer=[], hoe_vaak="wekelijks",
                                 vog_nodig=False, status="open", ingediend_op=date(2026, 1, 10),
                                 ingediend_door=o.mensen["sociaal_makelaar"])


def _aanvraag(o, traject, client, datum, wet="wmo"):
    """A granted request (budget) of the traject's household, made on ``datum`` and decided four days later."""
    from decimal import Decimal

    from huishoudens.models import Doel
    from tests.monitoring.casus import _moment, _plan
    from toegang.models import Aanbieder, Aanvraag, Eenheid, Product, ProductCategorie

    categorie = ProductCategorie.objects.filter(wet=wet).order_by("code").first()
    product = Product.objects.get_or_create(gemeente=o.gemeente, code=f"{categorie.code}A01", defaults={
        "categorie": categorie, "naam": "Begeleiding",
        "eenheid": Eenheid.objects.get(code="04"), "tarief": Decimal("30.00")})[0]
    aanbieder = Aanbieder.objects.get_or_create(gemeente=o.gemeente, agb_code="12345678",
                                                defaults={"naam": "Zorg BV"})[0]
    doel = Doel.objects.filter(plan__traject=traject).first() or _plan(traject, datum).doelen.first()
    return Aanvraag.objects.create(
        doel=doel, traject=traject, huishouden=traject.huishouden, gemeente=o.gemeente, gebied=traject.gebied,
        team=traject.team, client=client, aangevraagd_door=o.mensen["teamlid"], aanvraagdatum=datum, product=product,
        aanbieder=aanbieder, budget=Decimal("1000.00"), start=datum, eind=date(2026, 12, 31),
        motivering="Netwerk kan dit niet", status="toegekend", besloten_door=o.mensen["coordinator_eigen_gebied"],
        besloten_op=_moment(datum + timedelta(days=4)), besluitreden="Besluit")


def _wmo_clienten(o, wijk, n, wet="wmo", geboren=date(1970, 1, 1)):
    """n clients in the wijk, each with a toewijzing of this wet running in 2026-K1 (after a granted request)."""
    from decimal import Decimal

    from huishoudens.models import Persoon
    from toegang.models import Toewijzing

    for i in range(n):
        h = _huishouden(o, wijk, f"{wijk.naam} Wmo {i}")
        client = Persoon.objects.create(huishouden=h, voornamen="Test", achternaam=h.naam,
                                        geboortedatum=geboren)
        aanvraag = _aanvraag(o, _traject(h, o.team_a, date(2025, 8, 1)), client, date(2025, 9, 1), wet)
        Toewijzing.objects.create(aanvraag=aanvraag, gemeente=o.gemeente, gebied=aanvraag.gebied,
                                  toewijzingnummer=f"{wijk.pk:04d}{i:04d}", aanbieder=aanvraag.aanbieder,
                                  client=client, product=aanvraag.product, categorie=aanvraag.product.categorie,
                                  start=date(2025, 10, 1), eind=date(2026, 12, 31), budget=Decimal("1000.00"),
                                  tarief=Decimal("30.00"))


def _jeugdwet_clienten(o, wijk, n):
    """n young clients with a Jeugdwet toewijzing; the wijk's age groups known (1,000 aged 0-25)."""
    WijkInwoners.objects.filter(wijk=wijk, jaar=2026).update(leeftijd_0_15=500, leeftijd_15_25=500)
    _wmo_clienten(o, wijk, n, "jeugdwet", date(2012, 1, 1))


def _wmo_getoond(profiel):
    return dict(profiel["toewijzingen"].rijen)["Wmo 2015"]


def _jeugdwet_getoond(profiel):
    return dict(profiel["toewijzingen"].rijen)["Jeugdwet"]


# figure → (how to make n of it in a wijk, indicator of the monitor, the figure as the profile shows it)
FIGUREN = {
    "vrijwilligers": (_vrijwilligers, "vrijwilligers_actief", lambda p: p["vrijwilligers"]),
    "hulpvragen": (_hulpvragen, "hulpvragen_vrijwilligers", lambda p: p["hulpvragen"]),
    "wmo": (_wmo_clienten, "wmo_clienten_per_1000", _wmo_getoond),
    "jeugdwet": (_jeugdwet_clienten, "jeugdhulp_aandeel_jeugdigen", _jeugdwet_getoond),
}


@pytest.fixture
def drie_wijken_in_gebied_a(casus):
    """Gebied A: Bolnes (casus) plus Oostendam and Rijsoord, 3,000 inhabitants each."""
    o = casus.org
    for naam, code in (("Oostendam", "WK059702"), ("Rijsoord", "WK059704")):
        wijk = WijkFactory(gemeente=o.gemeente, gebied=o.gebied_a, naam=naam, cbs_code=code)
        WijkInwoners.objects.create(wijk=wijk, jaar=2026, aantal=3000)
    return casus


@pytest.mark.parametrize("figuur", list(FIGUREN))
def test_wijkprofiel_toont_andere_wijkcijfers_zoals_de_monitor(client, drie_wijken_in_gebied_a, figuur):
    """Bolnes 4, Oostendam 6, Rijsoord 10, Centrum 0: the run shows gebied A as 20 and hides Bolnes ("< 5") and
    Oostendam ("×"); a profile showing Oostendam's 6 would give Bolnes away (20 − 10 − 6 = 4)."""
    o = drie_wijken_in_gebied_a.org
    maak, code, getoond_in = FIGUREN[figuur]
    wijken = {w.naam: w for w in Wijk.objects.filter(gebied=o.gebied_a)}
    for naam, n in (("Bolnes", 4), ("Oostendam", 6), ("Rijsoord", 10)):
        maak(o, wijken[naam], n)
    client.force_login(o.mensen["beleidsmedewerker"])
    # no finished run yet: not shown
    antwoord = client.get(_url(wijken["Oostendam"]))
    assert getoond_in(antwoord.context["profiel"]) in (None, "–")
    assert UITLEG in antwoord.content.decode()
    run = bereken(o)
    kolommen, regels = selectors.wijkregels(run, o.gebied_a)
    kolom = [k.code for k in kolommen].index(code)
    in_monitor = {wijk.naam: str(cellen[kolom]) for wijk, cellen in regels}
    if code == "wmo_clienten_per_1000":
        assert in_monitor == {"Bolnes": "(< 5)", "Oostendam": "(×)", "Rijsoord": "3,3"}
    elif code == "jeugdhulp_aandeel_jeugdigen":
        assert in_monitor == {"Bolnes": "(< 5)", "Oostendam": "(×)", "Rijsoord": "1,0%"}
    else:
        assert in_monitor == {"Bolnes": "< 5", "Oostendam": "×", "Rijsoord": "10"}
    assert str(weergave.cel("aantal", run.waarden.get(indicator__code=code, gebied=o.gebied_a, wijk=None))) == "20"
    getoond = {}
    for naam, wijk in wijken.items():
        antwoord = client.get(_url(wijk))
        getoond[naam] = getoond_in(antwoord.context["profiel"])
        assert UITLEG not in antwoord.content.decode()
    # as the monitor shows them: Oostendam's 6 stays hidden, so 20 − 10 − 6 cannot give Bolnes away
    assert getoond == {"Bolnes": "< 5", "Oostendam": "×", "Rijsoord": "10"}


def test_toewijzingen_zonder_totaal(client, drie_wijken_in_gebied_a):
    """Without a total, 'total − Jeugdwet − Participatiewet' cannot give a Wmo row the run hides."""
    o = drie_wijken_in_gebied_a.org
    client.force_login(o.mensen["beleidsmedewerker"])
    tabel = client.get(_url(o.wijk_a)).context["profiel"]["toewijzingen"]
    assert tabel.totaal is None
    assert [label for label, _a in tabel.rijen] == ["Wmo 2015", "Jeugdwet", "Participatiewet"]


def test_maatwerkaanvragen_niet_per_wijk(client, casus):
    """The monitor counts maatwerk requests per gebied only. Gebied A 3 ("< 5"), gebied B (only Centrum) 7: the run
    hides gebied B ("×") beside the gemeente's 10; a profile showing Centrum's 7 would give gebied A away
    (10 − 7 = 3). While the run has no row per wijk, the profile shows none."""
    o, h, t = casus.org, casus.huishoudens, casus.trajecten
    for nr, n in ((1, 1), (2, 1), (3, 1), (7, 2), (8, 2), (10, 2), (11, 1)):
        for i in range(n):
            _aanvraag(o, t[nr], h[nr].personen.order_by("id").first(), date(2026, 2, 1 + i))
    run = bereken(o)
    aantallen = {g: str(weergave.cel("aantal", run.waarden.get(indicator__code="maatwerk_aanvragen", gebied=g,
                                                                wijk=None), weergave.verborgen(run)))
                 for g in (o.gebied_a, o.gebied_b, None)}
    assert aantallen == {o.gebied_a: "< 5", o.gebied_b: "×", None: "10"}
    assert not run.waarden.filter(indicator__code="maatwerk_aanvragen", wijk__isnull=False).exists()
    client.force_login(o.mensen["beleidsmedewerker"])
    for wijk in (o.wijk_a, o.wijk_b):
        antwoord = client.get(_url(wijk))
        assert antwoord.context["profiel"]["aanvragen"] is None
        inhoud = antwoord.content.decode()
        assert "<dt>Maatwerkaanvragen</dt><dd>–</dd>" in inhoud
        assert "Maatwerkaanvragen telt de monitor per gebied en niet per wijk" in inhoud
