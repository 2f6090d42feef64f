"""Every API endpoint with households, called on the demo data, logs one read per household shown, a detail
read and a refusal (NEN 7513). The declaration per endpoint is checked in tests/audit/test_api_leeslog.py."""

import re

import pytest
from rest_framework.test import APIClient

from tests.audit.test_api_leeslog import (
    ENDPOINTS,
    LIJSTEN,
    _eerste_die_iets_ziet,
    _huishoudens_van,
    _items,
    _laatste,
    _nieuwe_rijen,
)

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]  # one demo load (conftest.py)


def test_elk_endpoint_met_huishoudens_logt_lijst_detail_en_weigering():
    api = APIClient()
    gecontroleerd = []
    for pad in LIJSTEN:
        gebruiker, antwoord, rijen = _eerste_die_iets_ziet(api, pad)
        assert gebruiker is not None, f"{pad}: geen demo-account ziet hier iets; het loggen is niet te bewijzen"
        huishoudens = [r["huishouden_id"] for r in rijen]
        verwacht = _huishoudens_van(dict(ENDPOINTS)[pad], gebruiker, _items(antwoord.json()))
        assert set(huishoudens) == verwacht or (verwacht is None and rijen), (
            f"{pad}: {len(_items(antwoord.json()))} getoond, gelogd voor {huishoudens}, verwacht {verwacht}")
        assert None not in huishoudens and len(huishoudens) == len(set(huishoudens)), pad  # one row per household
        # (a list of things without a household, such as complaints about a team, logs nothing: verwacht is empty)
        assert {r["actie"] for r in rijen} <= {"read", "export"}
        assert {r["actor_id"] for r in rijen} <= {gebruiker.pk}
        gecontroleerd.append(pad)

        detail = [p for p, cls in ENDPOINTS if re.fullmatch(re.escape(pad) + r"\{pk\}/", p)]
        if not detail:
            continue
        eerste = _items(antwoord.json())[0]["id"]
        voor = _laatste()
        assert api.get(f"{pad}{eerste}/").status_code == 200
        rijen = _nieuwe_rijen(voor)
        assert len({r["huishouden_id"] for r in rijen if r["resultaat"] == "gelukt"}) == 1, (pad, rijen)
        voor = _laatste()
        assert api.get(f"{pad}987654321/").status_code == 404
        assert [r["resultaat"] for r in _nieuwe_rijen(voor)] == ["geweigerd"], pad
    assert len(gecontroleerd) == len(LIJSTEN)
