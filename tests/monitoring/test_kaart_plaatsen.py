"""The ankerplaatsen and vindplaatsen as points on the map per wijk (issue 18): an open circle for an ankerplaats, a
black triangle for a vindplaats, named in the legend and in the text alternative (the table beside the map and the
PDF figure's alternative text), on the dashboard, the map page, the wijk profile and in the monitor PDF. Only places
valid in the period are drawn. Places are not personal data: the PDF holds their names and no one's.

The casus (tests/monitoring/casus.py) is computed for 2026-K1; Bolnes (wijk A) 4.58–4.60 E, Centrum (wijk B)
4.60–4.62 E, both 51.86–51.87 N."""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from common.kaart import Punt, Vlak, choropleth
from monitoring import rapport
from tests.monitoring.casus import bereken
from tests.pdfstructuur import figuren
from wijkteams.models import Locatie, WijkGrens

pytestmark = pytest.mark.django_db


def _rechthoek(x, y):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + 0.02, y], [x + 0.02, y + 0.01], [x, y + 0.01], [x, y]]]}


def _plaats(o, wijk, soort, naam, lon, lat, **extra):
    return Locatie.objects.create(gemeente=o.gemeente, wijk=wijk, soort=soort, naam=naam, lengtegraad=Decimal(lon),
                                  breedtegraad=Decimal(lat), geldig_van=extra.pop("geldig_van", date(2025, 1, 1)),
                                  **extra)


@pytest.fixture
def met_plaatsen(casus):
    o = casus.org
    WijkGrens.objects.create(wijk=o.wijk_a, geometrie=_rechthoek(4.58, 51.86), bron="test")
    WijkGrens.objects.create(wijk=o.wijk_b, geometrie=_rechthoek(4.60, 51.86), bron="test")
    _plaats(o, o.wijk_a, "ankerplaats", "Wijkcentrum De Boei", "4.59", "51.865", adres="Boeistraat 1")
    _plaats(o, o.wijk_b, "vindplaats", "Basisschool De Regenboog", "4.61", "51.866")
    # not on the map of 2026-K1: ended before it, begun after it, no position, a basislocatie
    _plaats(o, o.wijk_a, "vindplaats", "Oude bibliotheek", "4.585", "51.862", geldig_tot=date(2025, 12, 31))
    _plaats(o, o.wijk_b, "vindplaats", "Nieuwe huisarts", "4.615", "51.862", geldig_van=date(2026, 4, 1))
    Locatie.objects.create(gemeente=o.gemeente, wijk=o.wijk_b, soort="ankerplaats", naam="Zonder positie")
    _plaats(o, None, "basislocatie", "Gemeentehuis", "4.6", "51.865")
    return casus


def _groep(svg, soort):
    return re.findall(rf'<g transform="[^"]*" data-plaats="{soort}"><title>([^<]*)</title>', svg)


def test_kaarthulp_tekent_punten_met_eigen_vorm_en_legenda():
    vlakken = [Vlak("WK000101", "Noord", _rechthoek(4.0, 52.0), "10", 10.0)]
    punten = [Punt("De <Boei>", "ankerplaats", "Ankerplaats", 4.01, 52.005, "Noord", "Boeistraat 1"),
              Punt("School", "vindplaats", "Vindplaats", 4.015, 52.002, "Noord"),
              Punt("Gemeentehuis", "basislocatie", "Basislocatie", 4.01, 52.001)]  # not a map point
    kaart = choropleth(vlakken, titel="Test", id_voorvoegsel="t", plaatsen=punten)
    svg = str(kaart.svg)
    assert _groep(svg, "ankerplaats") == ["Ankerplaats: De &lt;Boei&gt;, Boeistraat 1"]
    assert _groep(svg, "vindplaats") == ["Vindplaats: School"]
    assert "Gemeentehuis" not in svg
    # distinct shapes: a circle for the ankerplaats, a triangle (path) for the vindplaats, in the map and legend
    assert svg.count('<circle r="5"') == 2 and svg.count('<path d="M0 -6 L5.5 4 L-5.5 4 Z"') == 2
    assert [(k.soort, k.vorm, k.label) for k in kaart.legenda[1:]] == [
        ("ankerplaats", "open rondje", "Ankerplaatsen (1)"), ("vindplaats", "zwarte driehoek", "Vindplaatsen (1)")]
    assert kaart.alt == ("Kaart: Test. Noord: 10. Ankerplaatsen (1) (open rondje): De <Boei>. "
                         "Vindplaatsen (1) (zwarte driehoek): School.")
    # without places: no point legend
    assert [k.soort for k in choropleth(vlakken, titel="Test").legenda] == ["waarde"]


def test_kaartpagina_en_dashboard_tonen_de_plaatsen(client, met_plaatsen, django_assert_max_num_queries):
    o = met_plaatsen.org
    run = bereken(o)
    client.force_login(o.mensen["beleidsmedewerker"])
    url = reverse("monitoring:kaart", args=[run.pk])
    client.get(url)
    with django_assert_max_num_queries(15):  # the map page's pin (14) and one for the places
        antwoord = client.get(url)
    inhoud = antwoord.content.decode()
    assert _groep(inhoud, "ankerplaats") == ["Ankerplaats: Wijkcentrum De Boei, Boeistraat 1"]
    assert _groep(inhoud, "vindplaats") == ["Vindplaats: Basisschool De Regenboog"]
    for niet in ("Oude bibliotheek", "Nieuwe huisarts", "Zonder positie", "Gemeentehuis"):
        assert niet not in inhoud, niet
    assert "open rondje: Ankerplaatsen (1)" in inhoud and "zwarte driehoek: Vindplaatsen (1)" in inhoud
    tabel = inhoud[inhoud.index("Ankerplaatsen en vindplaatsen op de kaart"):]
    assert re.search(r"<th scope=\"row\">Wijkcentrum De Boei</th><td>Ankerplaats</td><td>open rondje</td>"
                     r"<td>Bolnes</td><td>Boeistraat 1</td>", tabel)
    assert "<th scope=\"row\">Basisschool De Regenboog</th><td>Vindplaats</td><td>zwarte driehoek</td>" in tabel
    # one gebied: only its wijken's places
    inhoud = client.get(url + f"?gebied={o.gebied_b.pk}").content.decode()
    assert _groep(inhoud, "ankerplaats") == [] and len(_groep(inhoud, "vindplaats")) == 1
    # the dashboard's map: points and legend text
    dashboard = client.get(reverse("monitoring:dashboard")).content.decode()
    figuur = dashboard[dashboard.index('<figure class="kaart-figuur">'):]
    figuur = figuur[:figuur.index("</figure>")]
    assert len(_groep(figuur, "ankerplaats")) == 1 and len(_groep(figuur, "vindplaats")) == 1
    assert "open rondje: Ankerplaatsen (1); zwarte driehoek: Vindplaatsen (1)." in figuur


def test_plaatsen_in_de_monitor_pdf_met_legenda(met_plaatsen):
    run = bereken(met_plaatsen.org)
    reader = PdfReader(io.BytesIO(rapport.maak_monitor_pdf(run)))
    tekst = " ".join(" ".join(p.extract_text() for p in reader.pages).replace("\u200b", "").split())
    assert "open rondje: Ankerplaatsen (1); zwarte driehoek: Vindplaatsen (1)." in tekst
    assert "Ankerplaatsen en vindplaatsen op de kaart" in tekst
    assert "Wijkcentrum De Boei Ankerplaats open rondje Bolnes" in tekst
    assert "Basisschool De Regenboog Vindplaats zwarte driehoek Centrum" in tekst
    assert "Oude bibliotheek" not in tekst and "Nieuwe huisarts" not in tekst
    [kaart] = [a for a in figuren(reader) if a.startswith("Kaart: ")]
    assert kaart.endswith("Ankerplaatsen (1) (open rondje): Wijkcentrum De Boei. "
                          "Vindplaatsen (1) (zwarte driehoek): Basisschool De Regenboog.")


def test_wijkprofiel_toont_de_plaatsen_van_de_wijk(client, met_plaatsen):
    o = met_plaatsen.org
    client.force_login(o.mensen["beleidsmedewerker"])
    url = reverse("monitoring:wijkprofiel", args=[o.wijk_b.pk]) + "?jaar=2026&kwartaal=2"
    inhoud = client.get(url).content.decode()
    # Centrum in 2026-K2: the school and the new GP (from 1 April); not Bolnes' ankerplaats
    assert sorted(_groep(inhoud, "vindplaats")) == ["Vindplaats: Basisschool De Regenboog",
                                                    "Vindplaats: Nieuwe huisarts"]
    assert _groep(inhoud, "ankerplaats") == [] and "Wijkcentrum De Boei" not in inhoud
    assert "zwarte driehoek: Vindplaatsen (2)" in inhoud
    assert "<th scope=\"row\">Nieuwe huisarts</th><td>Vindplaats</td><td>zwarte driehoek</td>" in inhoud


def test_demo_zet_verzonnen_plaatsen_binnen_hun_wijk(org):
    """The demo's places get made-up positions inside the made-up boundaries, labelled as made-up (the function the
    demo calls, on the org fixture: no demo data loaded)."""
    from common.kaart import ligt_in
    from wijkteams.demo import _plaatsen_op_de_kaart

    WijkGrens.objects.create(wijk=org.wijk_a, geometrie=_rechthoek(4.58, 51.86), bron="test")
    for naam, soort in (("Ankerplaats Bolnes", "ankerplaats"), ("Basisschool Bolnes", "vindplaats"),
                        ("Huisartsenpraktijk Bolnes", "vindplaats")):
        Locatie.objects.create(gemeente=org.gemeente, wijk=org.wijk_a, soort=soort, naam=naam)
    Locatie.objects.create(gemeente=org.gemeente, wijk=org.wijk_b, soort="ankerplaats", naam="Ankerplaats Centrum")
    _plaatsen_op_de_kaart(org.gemeente)
    geplaatst = Locatie.objects.filter(wijk=org.wijk_a)
    assert len({(p.lengtegraad, p.breedtegraad) for p in geplaatst}) == 3  # three different points
    for p in geplaatst:
        assert ligt_in(float(p.lengtegraad), float(p.breedtegraad), _rechthoek(4.58, 51.86), marge=0)
        assert p.adres.endswith("(verzonnen voorbeeldplaats)") and p.code and p.geldig_van == date(2015, 1, 1)
    assert Locatie.objects.get(wijk=org.wijk_b).breedtegraad is None  # Centrum has no boundary: no position
