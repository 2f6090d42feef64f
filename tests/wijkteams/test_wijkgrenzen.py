"""Wijk boundaries as data (issue 18, a map per wijk): a GeoJSON FeatureCollection per gemeente, imported by the
functioneel beheerder through the beheer page or ``manage.py importeer_wijkgrenzen``; all or nothing, errors named
by the feature number, importing twice changes nothing; only the beheerder of the gemeente (others 403)."""

import copy
import io
import json

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from audit.models import AuditEvent
from wijkteams.grenzen import VOORBEELD, importeer_wijkgrenzen, rd_naar_wgs84
from wijkteams.models import WijkGrens

pytestmark = pytest.mark.django_db


def _vierkant(x, y, d=0.01):
    return [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]]


def _collectie(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def _feature(code, geometrie):
    return {"type": "Feature", "properties": {"wijkcode": code}, "geometry": geometrie}


GOED = _collectie(
    _feature("WK059701", {"type": "Polygon", "coordinates": _vierkant(4.58, 51.86)}),
    _feature("WK059703", {"type": "MultiPolygon", "coordinates": [_vierkant(4.60, 51.86), _vierkant(4.62, 51.86)]}),
)


def _bytes(data):
    return json.dumps(data).encode()


def test_import_slaat_de_grenzen_op_en_tweemaal_verandert_niets(org):
    eerste = importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(GOED), door=org.mensen["beheer"])
    assert (eerste.nieuw, eerste.gewijzigd, eerste.gelijk) == (2, 0, 0)
    grens = WijkGrens.objects.get(wijk=org.wijk_b)
    assert grens.geometrie["type"] == "MultiPolygon" and len(grens.geometrie["coordinates"]) == 2
    voor = list(WijkGrens.objects.order_by("pk").values_list("pk", "geometrie", "bron", "bijgewerkt_op"))
    logs = AuditEvent.objects.count()
    tweede = importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(GOED), door=org.mensen["beheer"])
    assert (tweede.nieuw, tweede.gewijzigd, tweede.gelijk) == (0, 0, 2)
    assert list(WijkGrens.objects.order_by("pk").values_list("pk", "geometrie", "bron", "bijgewerkt_op")) == voor
    assert AuditEvent.objects.count() == logs  # nothing changed, nothing logged


def test_gewijzigde_grens_wordt_bijgewerkt(org):
    importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(GOED), door=org.mensen["beheer"])
    anders = copy.deepcopy(GOED)
    anders["features"][0]["geometry"]["coordinates"] = _vierkant(4.58, 51.86, 0.02)
    telling = importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(anders), door=org.mensen["beheer"])
    assert (telling.nieuw, telling.gewijzigd, telling.gelijk) == (0, 1, 1)
    assert WijkGrens.objects.get(wijk=org.wijk_a).geometrie["coordinates"][0][1] == [4.6, 51.86]


@pytest.mark.parametrize(("feature", "melding"), [
    (_feature("WK059999", {"type": "Polygon", "coordinates": _vierkant(4.6, 51.87)}),
     "Object 3: ‘WK059999’ is geen wijkcode van Ridderkerk."),
    (_feature("WK048201", {"type": "Polygon", "coordinates": _vierkant(4.6, 51.87)}),  # a wijk of another gemeente
     "Object 3: ‘WK048201’ is geen wijkcode van Ridderkerk."),
    (_feature("WK059701", {"type": "Point", "coordinates": [4.6, 51.87]}),
     "Object 3: de geometrie is een Point; alleen een vlak (Polygon of MultiPolygon) kan een wijkgrens zijn."),
    (_feature("WK059701", {"type": "LineString", "coordinates": [[4.6, 51.87], [4.7, 51.88]]}),
     "Object 3: de geometrie is een LineString"),
    ({"type": "Feature", "properties": {"naam": "Zonder code"},
      "geometry": {"type": "Polygon", "coordinates": _vierkant(4.6, 51.87)}},
     "Object 3: de wijkcode ontbreekt"),
    (_feature("WK059701", {"type": "Polygon", "coordinates": _vierkant(92000, 433000, 500)}),
     "Object 3: de coördinaten zijn meters, maar het bestand is niet in RD New"),  # a WGS84 file (object 1)
    (_feature("WK059701", {"type": "Polygon", "coordinates": _vierkant(13.4, 52.5)}),  # Berlin
     "ligt buiten Nederland"),
    (_feature("WK059701", {"type": "Polygon", "coordinates": [[[4.6, 51.87], [4.61, 51.87], [4.61, 51.88],
                                                               [4.6, 51.88]]]}),
     "Object 3: een ring van het vlak is niet gesloten"),
])
def test_fout_object_weigert_het_hele_bestand_met_zijn_nummer(org, feature, melding):
    slecht = _collectie(*copy.deepcopy(GOED["features"]), feature)
    with pytest.raises(ValidationError) as fout:
        importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(slecht), door=org.mensen["beheer"])
    assert any(melding in m for m in fout.value.messages), fout.value.messages
    assert not WijkGrens.objects.exists()  # all or nothing: the two good features are not stored either


def test_dubbele_wijk_en_geen_featurecollection(org):
    dubbel = _collectie(*GOED["features"], GOED["features"][0])
    with pytest.raises(ValidationError) as fout:
        importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(dubbel), door=None)
    assert "Object 3: wijk WK059701 staat al in object 1." in fout.value.messages
    with pytest.raises(ValidationError, match="geen GeoJSON FeatureCollection"):
        importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(GOED["features"][0]), door=None)
    with pytest.raises(ValidationError, match="geen geldige GeoJSON"):
        importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=b"{niet: json", door=None)
    assert not WijkGrens.objects.exists()


def test_alleen_de_beheerder_van_de_gemeente_importeert(org):
    for wie in ("beleidsmedewerker", "coordinator_eigen_gebied", "sociaal_makelaar", "medewerker_andere_gemeente"):
        with pytest.raises(PermissionDenied):
            importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(GOED), door=org.mensen[wie])
    assert not WijkGrens.objects.exists()


def _upload(data, naam="wijken.geojson"):
    return SimpleUploadedFile(naam, data if isinstance(data, bytes) else _bytes(data), "application/geo+json")


def test_beheerpagina_importeert_en_toont_fouten_in_het_nederlands(client, org, django_assert_max_num_queries):
    client.force_login(org.mensen["beheer"])
    url = reverse("wijkteams:wijkgrenzen")
    with django_assert_max_num_queries(12):
        leeg = client.get(url)
    inhoud = leeg.content.decode()
    assert leeg.status_code == 200
    assert "Wijkgrenzen van Ridderkerk" in inhoud and "ontbreekt" in inhoud
    assert 'for="id_bestand"' in inhoud  # the file field has its label
    slecht = _collectie(GOED["features"][0], _feature("WK059701", {"type": "Point", "coordinates": [4.6, 51.8]}))
    antwoord = client.post(url, {"bestand": _upload(slecht)})
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert 'class="foutoverzicht"' in tekst and "Object 2: de geometrie is een Point" in tekst
    assert not WijkGrens.objects.exists()
    antwoord = client.post(url, {"bestand": _upload(GOED)}, follow=True)
    assert antwoord.status_code == 200
    assert "Wijkgrenzen geïmporteerd: 2 nieuw, 0 gewijzigd, 0 ongewijzigd." in antwoord.content.decode()
    assert "aanwezig (GeoJSON-import wijken.geojson" in antwoord.content.decode()
    assert WijkGrens.objects.count() == 2


@pytest.mark.parametrize("wie", ["beleidsmedewerker", "teamlid", "coordinator_eigen_gebied", "sociaal_makelaar",
                                 "medewerker_andere_gemeente"])
def test_beheerpagina_403_voor_andere_rollen(client, org, wie):
    client.force_login(org.mensen[wie])
    assert client.get(reverse("wijkteams:wijkgrenzen")).status_code == 403
    assert client.post(reverse("wijkteams:wijkgrenzen"), {"bestand": _upload(GOED)}).status_code == 403
    assert not WijkGrens.objects.exists()


def test_beheerpagina_vraagt_inloggen(client):
    assert client.get(reverse("wijkteams:wijkgrenzen")).status_code == 302


def test_commando_en_voorbeeldbestand(org, tmp_path):
    from tests.factories import WijkFactory

    # the example file has the eight demo wijken of Ridderkerk; the org fixture has two of them
    for code, naam in (("WK059702", "Slikkerveer"), ("WK059704", "Oost"), ("WK059705", "West"),
                       ("WK059706", "Drievliet-Het Zand"), ("WK059707", "Rijsoord"), ("WK059708", "Oostendam")):
        WijkFactory(gemeente=org.gemeente, gebied=org.gebied_a, naam=naam, cbs_code=code)
    uit = io.StringIO()
    call_command("importeer_wijkgrenzen", "0597", str(VOORBEELD), stdout=uit)
    assert "8 nieuw, 0 gewijzigd, 0 ongewijzigd" in uit.getvalue()
    uit = io.StringIO()
    call_command("importeer_wijkgrenzen", "0597", str(VOORBEELD), stdout=uit)
    assert "0 nieuw, 0 gewijzigd, 8 ongewijzigd" in uit.getvalue()
    slecht = tmp_path / "slecht.geojson"
    slecht.write_text(json.dumps(_collectie(_feature("WK059799", {"type": "Polygon",
                                                                  "coordinates": _vierkant(4.6, 51.87)}))))
    fouten = io.StringIO()
    with pytest.raises(CommandError, match="Niets opgeslagen"):
        call_command("importeer_wijkgrenzen", "0597", str(slecht), stderr=fouten)
    assert "Object 1: ‘WK059799’ is geen wijkcode van Ridderkerk." in fouten.getvalue()
    assert WijkGrens.objects.count() == 8


def test_rd_new_wordt_omgerekend_naar_wgs84(org):
    """The CBS kaart in RD New (EPSG:28992): converted with the published approximation; Amersfoort, the origin of
    RD, is 52.15517440 N 5.38720621 E by definition."""
    assert rd_naar_wgs84(155000, 463000) == pytest.approx((5.38720621, 52.15517440))
    rd = _collectie(_feature("WK059701", {"type": "Polygon", "coordinates": _vierkant(98000, 432000, 1000)}),
                    _feature("WK059703", {"type": "Polygon", "coordinates": _vierkant(99000, 432000, 1000)}))
    rd["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}
    telling = importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(rd), door=None)
    assert telling.nieuw == 2
    lon, lat = WijkGrens.objects.get(wijk=org.wijk_b).geometrie["coordinates"][0][0]
    assert 4.56 < lon < 4.59 and 51.86 < lat < 51.88  # Ridderkerk
    # the same file without its crs member: recognised by its coordinates, and so unchanged
    del rd["crs"]
    assert importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(rd), door=None).gelijk == 2
    # a file that says RD New but holds a point far outside the RD range
    rd["crs"] = {"type": "name", "properties": {"name": "EPSG:28992"}}
    rd["features"][1]["geometry"]["coordinates"] = _vierkant(4.6, 51.87)
    with pytest.raises(ValidationError) as fout:
        importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(rd), door=None)
    assert fout.value.messages == ["Object 2: het punt (4.6, 51.87) is geen RD-coördinaat in Nederland."]


# --- nothing outside the gemeente -------------------------------------------------------------------------------

def test_wijkcode_van_een_andere_gemeente_wordt_als_zodanig_geweigerd(org):
    slecht = _collectie(*copy.deepcopy(GOED["features"]),
                        _feature("WK048201", {"type": "Polygon", "coordinates": _vierkant(4.6, 51.87)}))
    with pytest.raises(ValidationError) as fout:
        importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(slecht), door=None)
    assert fout.value.messages == [
        "Object 3: ‘WK048201’ is geen wijkcode van Ridderkerk. De code hoort bij gemeente 0482, niet bij Ridderkerk "
        "(0597). Een grens buiten de gemeente wordt niet ingelezen."]
    assert not WijkGrens.objects.exists()


def _gemeentegrens(code="GM0597"):
    # Ridderkerk as far as these tests know it: 4.57–4.65 E × 51.85–51.89 N
    return {"type": "Feature", "properties": {"statcode": code, "statnaam": "Ridderkerk"},
            "geometry": {"type": "Polygon", "coordinates": [[[4.57, 51.85], [4.65, 51.85], [4.65, 51.89],
                                                             [4.57, 51.89], [4.57, 51.85]]]}}


def test_met_gemeentegrens_in_het_bestand_moet_elke_wijk_erbinnen_liggen(org):
    # inside (the gemeente boundary itself is used for the check and not stored)
    met_grens = _collectie(_gemeentegrens(), *GOED["features"])
    telling = importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(met_grens), door=None)
    assert telling.nieuw == 2 and WijkGrens.objects.count() == 2
    # Centrum drawn 3 km east, sticking out of the gemeente: refused, named by its feature, nothing changes
    buiten = _collectie(*copy.deepcopy(GOED["features"]), _gemeentegrens())
    buiten["features"][1]["geometry"] = {"type": "Polygon", "coordinates": _vierkant(4.645, 51.86)}
    with pytest.raises(ValidationError) as fout:
        importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(buiten), door=None)
    assert fout.value.messages == ["Object 2 (WK059703): de wijk ligt buiten de gemeentegrens van Ridderkerk "
                                   "(object 3), bijvoorbeeld het punt (4.655, 51.86)."]
    assert WijkGrens.objects.get(wijk=org.wijk_b).geometrie["type"] == "MultiPolygon"  # unchanged
    # the boundary of another gemeente is refused as such
    with pytest.raises(ValidationError) as fout:
        importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(_collectie(_gemeentegrens("GM0482"),
                                                                               *GOED["features"])), door=None)
    assert fout.value.messages == ["Object 1: ‘GM0482’ is de grens van een andere gemeente; dit bestand is voor "
                                   "Ridderkerk (GM0597)."]


def test_zonder_gemeentegrens_een_wijk_ver_van_de_andere_geweigerd(org):
    """No gemeente boundary: a wijk whose centre is more than 40 km from the middle of the others (Bolnes drawn in
    Groningen, about 200 km away) is outside the gemeente; the stored wijken count as the others."""
    from tests.factories import WijkFactory

    WijkFactory(gemeente=org.gemeente, gebied=org.gebied_a, naam="Slikkerveer", cbs_code="WK059702")
    importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(_collectie(
        GOED["features"][1], _feature("WK059702", {"type": "Polygon", "coordinates": _vierkant(4.58, 51.87)}))),
        door=None)
    ver = _collectie(_feature("WK059701", {"type": "Polygon", "coordinates": _vierkant(6.56, 53.21)}))
    with pytest.raises(ValidationError) as fout:
        importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(ver), door=None)
    [melding] = fout.value.messages
    assert melding.startswith("Object 1 (WK059701): de wijk ligt ")
    assert "km van de andere wijken van Ridderkerk; zo breed is geen gemeente" in melding
    km = int(melding.split("ligt ")[1].split(" km")[0])
    assert 180 < km < 230
    assert not WijkGrens.objects.filter(wijk=org.wijk_a).exists()
    # near the others it is accepted
    dichtbij = _collectie(_feature("WK059701", {"type": "Polygon", "coordinates": _vierkant(4.58, 51.86)}))
    assert importeer_wijkgrenzen(gemeente=org.gemeente, inhoud=_bytes(dichtbij), door=None).nieuw == 1
