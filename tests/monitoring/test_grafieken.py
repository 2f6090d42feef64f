"""Monitoring for people who look rather than read: beside each theme's table a bar chart of its kern indicator
per gebied next to the gemeente (server-rendered SVG with its text alternative), and the course over the quarters as
a line chart with the same figures as a table; the dashboard's query count does not change; 404 for anyone else."""

import base64
import re

import pytest
from django.urls import reverse

from monitoring import perioden
from tests.monitoring.casus import bereken

pytestmark = pytest.mark.django_db


@pytest.fixture
def beleid(client, org):
    client.force_login(org.mensen["beleidsmedewerker"])
    return client


@pytest.fixture
def drie_kwartalen(casus):
    for k in (3, 4):
        bereken(casus.org, perioden.kwartaal(2025, k))
    return bereken(casus.org)  # 2026-K1


def _svgs(html):
    return [(base64.b64decode(bron).decode(), alt) for bron, alt in
            re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]*)">', html)]


def test_dashboard_toont_per_thema_een_grafiek_met_tekstalternatief(beleid, casus, drie_kwartalen,
                                                                   django_assert_max_num_queries):
    with django_assert_max_num_queries(24):  # the charts: no extra query (24 = the pin of test_paginas, with the map)
        antwoord = beleid.get(reverse("monitoring:dashboard"))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    svgs = _svgs(html)
    assert svgs, "geen grafieken"
    assert html.count('<div class="thema-blok">') == len(antwoord.context["themas"])
    for svg, alt in svgs:
        assert svg.startswith("<svg") and re.search(r"<title>[^<]+</title>", svg)
        assert alt.startswith("Staafdiagram ")
    # the gebied-versus-gemeente comparison: every gebied and the gemeente in the text alternative
    vergelijking = [alt for _svg, alt in svgs if "per gebied" in alt]
    assert vergelijking
    assert all("Bolnes/Slikkerveer:" in alt and "Centrum/Oost/West:" in alt and "Gemeente:" in alt
               for alt in vergelijking)
    # the trend: an image per theme with a course, and a link to its figures
    run = drie_kwartalen
    verloop = reverse("monitoring:verloop", args=[run.pk, "bereik"])
    assert f'<img src="{verloop}" alt="Lijndiagram: het verloop van' in html
    assert f'href="{verloop}?als=tabel"' in html


def test_met_een_gekozen_gebied_gaat_het_verloop_over_dat_gebied(beleid, casus, drie_kwartalen):
    gebied = casus.org.gebied_a
    html = beleid.get(reverse("monitoring:dashboard") + f"?gebied={gebied.pk}").content.decode()
    verloop = reverse("monitoring:verloop", args=[drie_kwartalen.pk, "bereik"])
    assert f'<img src="{verloop}?gebied={gebied.pk}"' in html
    assert "voor Bolnes/Slikkerveer" in html


def test_zonder_eerdere_kwartalen_geen_verloop(beleid, casus):
    run = bereken(casus.org)
    html = beleid.get(reverse("monitoring:dashboard")).content.decode()
    assert _svgs(html)
    assert reverse("monitoring:verloop", args=[run.pk, "bereik"]) not in html


def test_verloop_als_svg_en_als_tabel(beleid, casus, drie_kwartalen, django_assert_max_num_queries):
    url = reverse("monitoring:verloop", args=[drie_kwartalen.pk, "bereik"])
    antwoord = beleid.get(url)
    assert antwoord.status_code == 200 and antwoord["Content-Type"] == "image/svg+xml"
    svg = antwoord.content.decode()
    assert svg.startswith("<svg") and "<title>" in svg and "verloop" in svg
    # 14 with three quarters: the catalogue, the gebieden, the figures, and the suppression table per quarter shown
    with django_assert_max_num_queries(14):
        antwoord = beleid.get(url, {"als": "tabel"})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "<caption>" in html
    for label in ("2025-K3", "2025-K4", "2026-K1"):
        assert f'<th scope="row">{label}</th>' in html
    assert beleid.get(url, {"als": "tabel", "gebied": casus.org.gebied_b.pk}).status_code == 200


def test_onbekend_thema_geeft_404(beleid, drie_kwartalen):
    assert beleid.get(reverse("monitoring:verloop", args=[drie_kwartalen.pk, "bestaat-niet"])).status_code == 404


@pytest.mark.parametrize("wie", ["teamlid", "lzn", "coordinator_andere_gemeente"])
def test_wie_niet_mag_monitoren_of_van_een_andere_gemeente_is_krijgt_404(client, org, drie_kwartalen, wie):
    client.force_login(org.mensen[wie])
    url = reverse("monitoring:verloop", args=[drie_kwartalen.pk, "bereik"])
    assert client.get(url).status_code == 404
    assert client.get(url, {"als": "tabel"}).status_code == 404


def test_staafdiagrammen_uit_de_cache_en_zonder_redis_gewoon_getekend(monkeypatch):
    from django.core.cache import cache
    from redis.exceptions import ConnectionError as RedisVerbindingsfout

    from common import charts

    getekend = []
    echt = charts.staafdiagram
    monkeypatch.setattr(charts, "staafdiagram", lambda **k: getekend.append(k) or echt(**k))
    reeks = [{"labels": ["A", "Gemeente"], "waarden": [3.0, None], "titel": "Proef per gebied", "ylabel": "%"},
             {"labels": ["X"], "waarden": [1.0], "titel": "Proef twee"}]
    eerste = charts.staafdiagrammen(reeks)
    assert len(getekend) == 2 and all("<title>Proef" in svg for svg in eerste)
    assert charts.staafdiagrammen(reeks) == eerste and len(getekend) == 2  # the second time from the cache

    def kapot(*_a, **_k):
        raise RedisVerbindingsfout("weg")

    monkeypatch.setattr(cache, "get_many", kapot)
    opnieuw = charts.staafdiagrammen(reeks)  # Redis down: drawn again, no error
    assert len(getekend) == 4 and all(svg.count("<title>Proef") == 1 for svg in opnieuw)
