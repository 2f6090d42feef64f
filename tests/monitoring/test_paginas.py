"""The monitoring pages: forms with Dutch errors, progress that polls (and refreshes without JavaScript), the start
block and menu item, pinned query counts, the comparison of gemeenten and the demo data."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from monitoring import perioden
from monitoring.models import ImportWaarde, MonitorActie, MonitorBestand, MonitorRun
from tests.monitoring.casus import KWARTAAL, bereken
from wijkteams.models import Gemeente

pytestmark = pytest.mark.django_db


@pytest.fixture
def beleid(client, org):
    client.force_login(org.mensen["beleidsmedewerker"])
    return client


def test_run_starten_via_het_formulier(beleid, org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as taken:
        antwoord = beleid.post(reverse("monitoring:start"), {"soort": "kwartaal", "jaar": 2026, "nummer": 1})
    run = MonitorRun.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == run.get_absolute_url()
    assert (run.label, run.gestart_door, run.gestart_via, run.status) == (
        "2026-K1", org.mensen["beleidsmedewerker"], "handmatig", "wachtend")
    assert len(taken) == 1  # bereken_monitor is handed to the worker after commit
    pagina = beleid.get(run.get_absolute_url()).content.decode()
    assert 'hx-get="' in pagina and 'hx-trigger="every 2s"' in pagina  # htmx polling
    assert '<meta http-equiv="refresh" content="3">' in pagina  # inside <noscript>: works without JavaScript
    assert "<progress" in pagina


@pytest.mark.parametrize(("gegevens", "fout"), [
    ({"soort": "kwartaal", "jaar": 2026}, "Vul het kwartaal in"),
    ({"soort": "halfjaar", "jaar": 2026, "nummer": 3}, "Een halfjaar is 1 of 2"),
    # free windows are refused (issue 14): only quarter, half-year and year
    ({"soort": "anders", "van": "2026-01-01", "tot": "2026-03-01"}, "Selecteer een geldige keuze"),
    ({"soort": "jaar", "jaar": "twintig"}, "Voer een geheel getal in"),
    ({"soort": "kwartaal", "jaar": 2010, "nummer": 1}, "2015"),
])
def test_startformulier_fouten_in_het_nederlands(beleid, gegevens, fout):
    antwoord = beleid.post(reverse("monitoring:start"), gegevens)
    assert antwoord.status_code == 400
    assert fout in antwoord.content.decode()
    assert 'class="foutoverzicht"' in antwoord.content.decode()
    assert not MonitorRun.objects.exists()


def test_dezelfde_periode_twee_keer_starten_geeft_een_nette_melding(beleid):
    beleid.post(reverse("monitoring:start"), {"soort": "kwartaal", "jaar": 2026, "nummer": 1})
    antwoord = beleid.post(reverse("monitoring:start"), {"soort": "kwartaal", "jaar": 2026, "nummer": 1})
    assert antwoord.status_code == 400 and "wordt al een monitor berekend" in antwoord.content.decode()


def test_voortgang_fragment_stopt_met_pollen_als_de_run_klaar_is(beleid, org):
    run = bereken(org)
    fragment = beleid.get(reverse("monitoring:voortgang", args=[run.pk])).content.decode()
    assert "hx-get" not in fragment and "100%" in fragment
    assert reverse("monitoring:pdf", args=[run.pk]) in fragment


def test_actie_vastleggen_en_tonen(beleid, org):
    run = bereken(org)
    url = reverse("monitoring:actie", args=[run.pk])
    assert beleid.get(url + "?indicator=hh_nieuw").status_code == 200
    leeg = beleid.post(url, {"indicator": "", "tekst": ""})
    assert leeg.status_code == 400 and "Dit veld is vereist" in leeg.content.decode()
    from monitoring.models import Indicator

    ind = Indicator.objects.get(code="hh_nieuw")
    antwoord = beleid.post(url, {"indicator": ind.pk, "gebied": org.gebied_a.pk, "tekst": "Extra spreekuur"})
    assert antwoord.status_code == 302
    actie = MonitorActie.objects.get()
    assert (actie.gebied, actie.door, actie.periode_label) == (org.gebied_a, org.mensen["beleidsmedewerker"],
                                                               "2026-K1")
    assert "Extra spreekuur" in beleid.get(reverse("monitoring:dashboard")).content.decode()
    vreemd = beleid.post(url, {"indicator": ind.pk, "gebied": org.team_ander.gebied.pk, "tekst": "x"})
    assert vreemd.status_code == 400 and "geen beschikbare keuze" in vreemd.content.decode()


def _upload(client, tekst):
    bestand = io.BytesIO(tekst.encode())
    bestand.name = "cijfers.csv"
    return client.post(reverse("monitoring:importeer"), {"bestand": bestand})


def test_import_controleert_alle_regels_en_slaat_niets_op_bij_een_fout(beleid, org):
    antwoord = _upload(beleid, "indicator;wijk;van;tot;teller;noemer;bron\n"
                               "bevolking_mantelzorgt;WK059701;01-01-2026;31-12-2026;50;400;Panel\n"
                               "hh_nieuw;WK059701;01-01-2026;31-12-2026;5;10;Panel\n"
                               "bevolking_mantelzorgt;WK048201;01-01-2026;31-12-2026;5;10;Panel\n"
                               "bevolking_mantelzorgt;WK059703;31-12-2026;01-01-2026;500;10;\n")
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Regel 3: ‘hh_nieuw’ is geen indicator" in inhoud
    assert "Regel 4: wijk ‘WK048201’ is geen wijk van uw gemeente" in inhoud
    assert "Regel 5: de einddatum ligt vóór de begindatum" in inhoud
    assert "Regel 5: vul de bron in" in inhoud
    assert not ImportWaarde.objects.exists()
    goed = _upload(beleid, "indicator;wijk;van;tot;teller;noemer;bron\n"
                           "bevolking_mantelzorgt;WK059701;01-01-2026;31-12-2026;50;400;Panel 2026\n"
                           "clienttevredenheid;WK059703;2026-01-01;2026-12-31;80;100;CEO 2026\n")
    assert goed.status_code == 302
    assert ImportWaarde.objects.count() == 2
    run = bereken(org)
    assert run.waarden.get(indicator__code="clienttevredenheid", gebied=None, wijk=None).waarde == 80


def test_import_met_verkeerde_kop_of_codering(beleid):
    assert "De eerste regel moet de kolommen bevatten" in _upload(beleid, "a;b\n1;2\n").content.decode()
    bestand = io.BytesIO("indicator;wijk\n".encode("utf-16"))
    bestand.name = "x.csv"
    antwoord = beleid.post(reverse("monitoring:importeer"), {"bestand": bestand})
    assert antwoord.status_code == 400 and "UTF-8" in antwoord.content.decode()


def test_startpagina_blok_en_menu(beleid, org):
    leeg = beleid.get("/").content.decode()
    assert "Er is nog geen monitor berekend." in leeg
    assert 'href="/monitoring/"' in leeg  # menu item for beleidsmedewerkers
    run = bereken(org)
    inhoud = beleid.get("/").content.decode()
    assert reverse("monitoring:pdf", args=[run.pk]) in inhoud and "2026-K1" in inhoud


def test_menu_niet_voor_teamleden(client, org):
    client.force_login(org.mensen["teamlid"])
    assert 'href="/monitoring/"' not in client.get("/").content.decode()


def test_dashboard_zonder_runs(beleid):
    inhoud = beleid.get(reverse("monitoring:dashboard")).content.decode()
    assert "Er is nog geen monitor berekend." in inhoud and "Start berekening" in inhoud


def test_dashboard_queries_groeien_niet_mee(beleid, casus, django_assert_num_queries):
    for k in (3, 4):
        bereken(casus.org, perioden.kwartaal(2025, k))
    bereken(casus.org)  # with a nulmeting and a previous quarter to compare with
    # 16 + 2 per shown run (run, previous, nulmeting) for the complementary suppression table (issue 14),
    # - 1 since the user's groups are read once per request for the audit role and the roles (issue 15),
    # + 3 for the map per wijk (the per-wijk figures, their wijken, the boundaries; issue 18)
    with django_assert_num_queries(24):
        beleid.get(reverse("monitoring:dashboard"))
    from tests.monitoring.casus import _huishouden, _traject

    for n in range(20):
        _traject(_huishouden(casus.org, casus.org.wijk_b, f"Extra {n}"), casus.org.team_b, KWARTAAL.van)
    bereken(casus.org, perioden.kwartaal(2026, 2))
    with django_assert_num_queries(24):  # the same: more households and runs, not more queries
        beleid.get(reverse("monitoring:dashboard") + f"?gebied={casus.org.gebied_a.pk}")


def test_overige_paginas_queries(beleid, org, django_assert_max_num_queries):
    run = bereken(org)
    for naam, args, maximaal in (("run", [run.pk], 8), ("voortgang", [run.pk], 7), ("vergelijking", [], 11),
                                 ("indicatoren", [], 7), ("importeer", [], 7), ("csv", [run.pk], 10)):
        with django_assert_max_num_queries(maximaal):
            assert beleid.get(reverse(f"monitoring:{naam}", args=args)).status_code == 200


def test_gemeenten_naast_elkaar_alleen_totalen_en_onderdrukt(beleid, casus):
    bereken(casus.org)
    from monitoring import services

    ander = services.start_run(gemeente_id=casus.org.andere_gemeente.pk, periode=KWARTAAL, taak=False)
    services.bereken_run(run_id=ander.pk)
    # issue 14: another gemeente's figures only with its consent (off by default)
    inhoud = beleid.get(reverse("monitoring:vergelijking")).content.decode()
    assert "Ridderkerk" in inhoud and "Alblasserdam" not in inhoud
    Gemeente.objects.filter(pk=casus.org.andere_gemeente.pk).update(deelt_monitorcijfers=True)
    inhoud = beleid.get(reverse("monitoring:vergelijking")).content.decode()
    assert "Ridderkerk" in inhoud and "Alblasserdam" in inhoud
    assert "&lt; 5" in inhoud  # Alblasserdam has one household: suppressed
    assert "Bolnes/Slikkerveer" not in inhoud  # gemeente totals only


def test_demodata_berekent_vijf_kwartalen_met_pdf_en_is_idempotent(org):
    from monitoring import demo

    demo.laad()
    runs = MonitorRun.objects.filter(gemeente=org.gemeente, status="klaar").order_by("van")
    assert runs.count() >= 5 and runs.first().label == "2025-K3"  # the nulmeting
    assert MonitorBestand.objects.filter(run=runs.last(), gebied=None).exists()
    tellingen = (MonitorRun.objects.count(), MonitorBestand.objects.count(), ImportWaarde.objects.count(),
                 MonitorActie.objects.count())
    demo.laad()
    assert (MonitorRun.objects.count(), MonitorBestand.objects.count(), ImportWaarde.objects.count(),
            MonitorActie.objects.count()) == tellingen


def test_beheer_toont_de_catalogus(client, org):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("superbeheer", "b@example.nl", "Wachtwoord-12345")
    client.force_login(admin)
    assert client.get("/beheer/monitoring/indicator/").status_code == 200
    assert client.get("/beheer/monitoring/monitorrun/").status_code == 200
    call_command("check")


def test_methodepagina_gelinkt_vanaf_de_monitor_en_alleen_voor_beleid(beleid, client, org):
    methode = reverse("monitoring:methode")
    assert f'href="{methode}"' in beleid.get(reverse("monitoring:dashboard")).content.decode()
    inhoud = beleid.get(methode).content.decode()
    assert "Aanvullend afschermen" in inhoud and "kwartaal, halfjaar of jaar" in inhoud
    client.force_login(org.mensen["teamlid"])
    assert client.get(methode).status_code == 404
