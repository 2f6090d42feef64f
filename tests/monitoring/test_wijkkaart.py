"""The map per wijk (issue 18): a choropleth of one indicator per wijk as server-side SVG on the imported wijk
boundaries, on the monitor's map page (linked from the dashboard) and in the monitor PDF, with suppressed wijken
hatched as "onderdrukt" and never their value.

Figures of the casus (tests/monitoring/casus.py) for 2026-K1, worked out by hand: supported households per 1,000
inhabitants: Bolnes (wijk A) 4 households → "< 5", so the ratio is hidden as "(< 5)"; Centrum (wijk B) 6 households
/ 6,000 inhabitants would be 1,0, but with the gemeente total of 10 it would give Bolnes' 4 away, so it is hidden
too (complementary suppression, "(×)"). Inhabitants: Bolnes 4.000, Centrum 6.000 (two classes: 4.000 – 5.000 and
5.000 – 6.000).
"""

import io
import logging
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from common.kaart import Vlak, choropleth
from monitoring import rapport
from tests.monitoring.casus import bereken
from tests.pdfstructuur import figuren as _figuren
from wijkteams.models import WijkGrens

pytestmark = pytest.mark.django_db


def _rechthoek(x, y):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + 0.02, y], [x + 0.02, y + 0.01], [x, y + 0.01], [x, y]]]}


@pytest.fixture
def met_grenzen(casus):
    WijkGrens.objects.create(wijk=casus.org.wijk_a, geometrie=_rechthoek(4.58, 51.86), bron="test")
    WijkGrens.objects.create(wijk=casus.org.wijk_b, geometrie=_rechthoek(4.60, 51.86), bron="test")
    return casus


def _pad(svg, code):
    treffer = re.search(rf'<path [^>]*data-wijk="{code}"[^>]*>(.*?)</path>', svg)
    assert treffer, code
    return treffer.group(0)


def test_kaartpagina_toont_de_wijken_met_onderdrukte_wijk_gearceerd(client, met_grenzen,
                                                                      django_assert_max_num_queries):
    o = met_grenzen.org
    run = bereken(o)
    client.force_login(o.mensen["beleidsmedewerker"])
    dashboard = client.get(reverse("monitoring:dashboard")).content.decode()
    url = reverse("monitoring:kaart", args=[run.pk])
    assert url in dashboard  # the dashboard links to the map …
    # … and shows it: every wijk with its boundary as a path with a title, the legend, suppression hatched
    kaart = dashboard[dashboard.index('<figure class="kaart-figuur">'):]
    kaart = kaart[:kaart.index("</figure>")]
    assert "<svg" in kaart and "WK059701" in kaart and "WK059703" in kaart
    assert "Legenda" in kaart and "gearceerd" in kaart and "Dezelfde cijfers als tabel" in kaart
    client.get(url)
    with django_assert_max_num_queries(14):
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    inhoud = antwoord.content.decode()
    assert "<svg" in inhoud and 'role="img"' in inhoud
    bolnes, centrum = _pad(inhoud, "WK059701"), _pad(inhoud, "WK059703")
    assert 'fill="url(#kaart-arcering)"' in bolnes  # hatched
    assert "<title>Bolnes: (&lt; 5) (onderdrukt (te klein om te tonen))</title>" in bolnes  # never the value
    # Centrum's 1,0 would give Bolnes away through the gemeente total: hidden as well, never "1,0"
    assert 'fill="url(#kaart-arcering)"' in centrum and "<title>Centrum: (×) (onderdrukt" in centrum
    assert "1,0" not in inhoud
    assert '<pattern id="kaart-arcering"' in inhoud
    # the legend and the table (text alternative) as text on the page
    assert "gearceerd: onderdrukt (te klein om te tonen)" in inhoud
    assert 'for="id_indicator"' in inhoud and 'for="id_gebied"' in inhoud
    tabel = inhoud[inhoud.index("<table"):]
    assert "Bolnes" in tabel and "(&lt; 5) (onderdrukt)" in tabel and "(×) (onderdrukt)" in tabel


def test_kaart_van_een_andere_indicator_en_een_gebied(client, met_grenzen):
    o = met_grenzen.org
    run = bereken(o)
    client.force_login(o.mensen["coordinator_eigen_gebied"])
    inhoud = client.get(reverse("monitoring:kaart", args=[run.pk]) + "?indicator=inwoners").content.decode()
    bolnes, centrum = _pad(inhoud, "WK059701"), _pad(inhoud, "WK059703")
    assert "<title>Bolnes: 4.000</title>" in bolnes and 'fill="#deebf7"' in bolnes  # lightest class
    assert "<title>Centrum: 6.000</title>" in centrum and 'fill="#9ecae1"' in centrum
    assert "arcering)\"" not in inhoud.split("</defs>")[1].split("Legenda")[0]  # nothing hatched
    assert "4.000 – 5.000" in inhoud and "5.000 – 6.000" in inhoud  # the legend
    assert "Inwoners per wijk" in inhoud
    inhoud = client.get(reverse("monitoring:kaart", args=[run.pk])
                        + f"?indicator=inwoners&gebied={o.gebied_a.pk}").content.decode()
    assert 'data-wijk="WK059701"' in inhoud and 'data-wijk="WK059703"' not in inhoud


def test_zonder_wijkgrenzen_een_uitleg(client, casus):
    run = bereken(casus.org)
    client.force_login(casus.org.mensen["beleidsmedewerker"])
    inhoud = client.get(reverse("monitoring:kaart", args=[run.pk])).content.decode()
    assert "Er zijn nog geen wijkgrenzen" in inhoud and "<svg" not in inhoud


@pytest.mark.parametrize("wie", ["teamlid", "sociaal_makelaar", "lzn", "coordinator_andere_gemeente"])
def test_kaart_404_voor_wie_de_monitor_niet_ziet(client, met_grenzen, wie):
    run = bereken(met_grenzen.org)
    client.force_login(met_grenzen.org.mensen[wie])
    assert client.get(reverse("monitoring:kaart", args=[run.pk])).status_code == 404


def test_kaart_in_de_monitor_pdf_met_legenda_en_onderdrukking(met_grenzen, caplog):
    run = bereken(met_grenzen.org)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = rapport.maak_monitor_pdf(run)
    assert not [r for r in caplog.records if r.name.startswith("weasyprint") and r.levelno >= logging.ERROR]
    reader = PdfReader(io.BytesIO(pdf))
    tekst = " ".join(" ".join(p.extract_text() for p in reader.pages).replace("\u200b", "").split())
    assert "Kaart: Ondersteunde huishoudens per 1.000 inwoners per wijk" in tekst
    assert "Legenda: gearceerd: onderdrukt (te klein om te tonen)" in tekst
    assert "Bolnes" in tekst and "Centrum" in tekst
    # the map is a tagged figure whose alternative text names every wijk with its shown value
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"]) is True
    kaart = [a for a in _figuren(reader) if a.startswith("Kaart: ")]
    assert kaart == ["Kaart: Ondersteunde huishoudens per 1.000 inwoners per wijk. Bolnes: (< 5) (onderdrukt); "
                     "Centrum: (×) (onderdrukt)."]


def test_kaarthulp_klassen_legenda_en_arcering():
    vlakken = [Vlak("WK000101", "Noord", _rechthoek(4.0, 52.0), "10", 10.0),
               Vlak("WK000102", "Zuid", _rechthoek(4.0, 51.98), "30", 30.0),
               Vlak("WK000103", "Oost", _rechthoek(4.02, 51.99), "< 5", None, True),
               Vlak("WK000104", "West", _rechthoek(3.98, 51.99), "–")]
    kaart = choropleth(vlakken, titel="Test", id_voorvoegsel="t")
    svg = str(kaart.svg)
    assert svg.count("<path ") == 4 and svg.count("<title") == 5  # the map's own title and one per wijk
    assert [k.soort for k in kaart.legenda] == ["waarde", "waarde", "onderdrukt", "geen"]
    assert [k.label for k in kaart.legenda[:2]] == ["10 – 20", "20 – 30"]
    assert 'fill="#deebf7"' in _pad(svg, "WK000101") and 'fill="#9ecae1"' in _pad(svg, "WK000102")
    assert 'fill="url(#t-arcering)"' in _pad(svg, "WK000103") and 'fill="#f0f0f0"' in _pad(svg, "WK000104")
    assert choropleth([Vlak("WK000101", "Noord", {}, "1", 1.0)], titel="Leeg") is None
    # one decimal throughout the legend when a boundary needs it
    twee = choropleth([Vlak("WK000101", "Noord", _rechthoek(4.0, 52.0), "4,2", 4.2),
                       Vlak("WK000102", "Zuid", _rechthoek(4.0, 51.98), "15,0", 15.0)], titel="x")
    assert [k.label for k in twee.legenda] == ["4,2 – 9,6", "9,6 – 15,0"]
    # names are escaped
    assert "&lt;b&gt;" in str(choropleth([Vlak("WK000101", "<b>", _rechthoek(4.0, 52.0), "1", 1.0)], titel="x").svg)


def test_wijkprofiel_toont_de_ligging_van_de_wijk(client, met_grenzen, django_assert_max_num_queries):
    o = met_grenzen.org
    client.force_login(o.mensen["beleidsmedewerker"])
    url = reverse("monitoring:wijkprofiel", args=[o.wijk_b.pk]) + "?jaar=2026&kwartaal=1"
    with django_assert_max_num_queries(30):  # the profile's own pin (tests/monitoring/test_wijkprofiel.py)
        inhoud = client.get(url).content.decode()
    assert "Ligging van Centrum in de gemeente" in inhoud
    assert 'fill="#3182bd"' in _pad(inhoud, "WK059703") and 'fill="#f0f0f0"' in _pad(inhoud, "WK059701")
    assert "<title>Centrum: deze wijk</title>" in inhoud
    assert "Centrum is donker gekleurd" in inhoud
    # without a boundary for the wijk: no map, the profile still renders
    WijkGrens.objects.filter(wijk=o.wijk_b).delete()
    antwoord = client.get(url)
    assert antwoord.status_code == 200 and "<svg" not in antwoord.content.decode()
