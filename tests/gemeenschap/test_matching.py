"""Match suggestions ranked by wijk, skills and availability, on a small hand-made set."""

from datetime import date

import pytest

from gemeenschap import matching, selectors, services
from tests.factories import WijkFactory
from tests.gemeenschap.factories import VrijwilligerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def set_(org, wijk_a2, makelaar):
    """Request in wijk_a (gebied A) for ‘boodschappen’ + ‘vervoer’ on tuesday afternoon."""
    hv = services.maak_hulpvraag(door=makelaar, wijk=org.wijk_a, bron="bewoner", wat="Boodschappen en vervoer",
                                 vaardigheden=["boodschappen", "vervoer"], wanneer=["di_middag"])
    V = VrijwilligerFactory
    vrijwilligers = {
        # same wijk (3) + both skills (4) + available (2) = 9
        "perfect": V(naam="Anna", wijk=org.wijk_a, vaardigheden=["boodschappen", "vervoer"],
                     beschikbaarheid=["di_middag"]),
        # same wijk (3) + one skill (2) + available (2) = 7
        "een_vaardigheid": V(naam="Bert", wijk=org.wijk_a, vaardigheden=["boodschappen"],
                             beschikbaarheid=["di_middag", "wo_ochtend"]),
        # nearby wijk, same gebied (1) + both skills (4) + available (2) = 7; ties with Bert, sorted by name
        "nabij": V(naam="Carla", wijk=wijk_a2, vaardigheden=["boodschappen", "vervoer"],
                   beschikbaarheid=["di_middag"]),
        # same wijk (3) + both skills (4) but not available then (0) = 7 → after Bert and Carla by name
        "niet_beschikbaar": V(naam="Dirk", wijk=org.wijk_a, vaardigheden=["vervoer", "boodschappen"],
                              beschikbaarheid=["za_ochtend"]),
        # other gebied (0) + both skills (4) + available (2) = 6
        "ver_weg": V(naam="Els", wijk=org.wijk_b, vaardigheden=["boodschappen", "vervoer"],
                     beschikbaarheid=["di_middag"]),
        # same wijk (3) + no skills (0) + available (2) = 5
        "geen_vaardigheid": V(naam="Fred", wijk=org.wijk_a, vaardigheden=["tuin"], beschikbaarheid=["di_middag"]),
        # never: inactive, or another gemeente
        "inactief": V(naam="Aaron", wijk=org.wijk_a, actief=False, vaardigheden=["boodschappen", "vervoer"],
                      beschikbaarheid=["di_middag"]),
    }
    return hv, vrijwilligers


def test_rangschikking_op_wijk_vaardigheden_en_beschikbaarheid(org, set_, makelaar):
    hv, v = set_
    andere = WijkFactory(gemeente=org.andere_gemeente, naam="Elders", cbs_code="WK048209")
    VrijwilligerFactory(naam="Aad", wijk=andere, vaardigheden=["boodschappen", "vervoer"],
                        beschikbaarheid=["di_middag"])
    resultaat = selectors.suggesties(makelaar, hv, aantal=10)
    assert [(s.vrijwilliger.naam, s.score) for s in resultaat] == [
        ("Anna", 9), ("Bert", 7), ("Carla", 7), ("Dirk", 7), ("Els", 6), ("Fred", 5)]
    assert resultaat[0].redenen == ["zelfde wijk", "2 van 2 vaardigheden", "beschikbaar op het gevraagde moment"]
    assert "wijk in hetzelfde gebied" in resultaat[2].redenen


def test_top_n_en_vog(org, set_):
    hv, v = set_
    assert [s.vrijwilliger.naam for s in matching.rangschik(hv, v.values(), aantal=2)] == ["Anna", "Bert"]
    hv.vog_nodig = True
    v["nabij"].vog_gecontroleerd, v["nabij"].vog_datum = True, date(2025, 1, 1)
    assert [s.vrijwilliger.naam for s in matching.rangschik(hv, v.values())] == ["Carla"]


def test_vraag_zonder_tijdstip_telt_iedereen_als_beschikbaar(org, set_):
    hv, v = set_
    hv.wanneer = []
    scores = {s.vrijwilliger.naam: s.score for s in matching.rangschik(hv, v.values())}
    assert scores["Dirk"] == 9 and scores["Anna"] == 9


def test_alleen_de_makelaar_krijgt_suggesties(org, set_):
    hv, _v = set_
    assert selectors.suggesties(org.mensen["teamlid"], hv) == []
