"""Every API endpoint that shows data of households logs one read per household shown (NEN 7513).

The OpenAPI schema (drf-spectacular's generator) lists every GET endpoint. Each viewset declares what it shows:
``LogtLezen`` (with the path to the household) or ``ToontGeenHuishoudens`` (with the reason). A new endpoint that
declares neither fails here; a ``LogtLezen`` endpoint is called with the demo data and must write its rows.
"""

import re
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from audit.models import AuditEvent
from common.leeslog import LogtLezen, ToontGeenHuishoudens

# Demo accounts, most rights first: the first one that sees something proves the logging.
DEMO_GEBRUIKERS = ["coordinator", "medewerker", "wmoconsulent", "lzn", "makelaar", "coordinator2"]


def _get_endpoints():
    generator = SchemaGenerator()
    generator._initialise_endpoints()
    return [(pad, view.cls) for pad, _regex, methode, view in generator.endpoints
            if methode == "GET" and pad.startswith("/api/v1/")]


ENDPOINTS = _get_endpoints()
LIJSTEN = sorted({pad for pad, cls in ENDPOINTS if issubclass(cls, LogtLezen) and "{" not in pad})


def test_het_schema_heeft_endpoints_met_persoonsgegevens():
    assert len(ENDPOINTS) > 40
    assert {"/api/v1/gesprekken/", "/api/v1/personen/", "/api/v1/huishoudens/", "/api/v1/maatwerk/aanvragen/",
            "/api/v1/opschalingen/", "/api/v1/maatwerk/toewijzingen/export/"} <= set(LIJSTEN)


@pytest.mark.parametrize(("pad", "cls"), ENDPOINTS, ids=[p for p, _ in ENDPOINTS])
def test_elk_endpoint_verklaart_of_het_huishoudens_toont(pad, cls):
    logt, toont_geen = issubclass(cls, LogtLezen), issubclass(cls, ToontGeenHuishoudens)
    assert logt != toont_geen, f"{pad} ({cls.__name__}): kies LogtLezen of ToontGeenHuishoudens (common.leeslog)"
    if toont_geen:
        assert len(cls.waarom) > 10, f"{pad}: zeg in ``waarom`` waarom hier geen huishoudens getoond worden"


def _nieuwe_rijen(voor):
    return list(AuditEvent.objects.filter(id__gt=voor).values("actie", "resultaat", "huishouden_id", "actor_id"))


def _laatste():
    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


def _items(data):
    if isinstance(data, dict):
        for sleutel in ("results", "toewijzingen"):
            if isinstance(data.get(sleutel), list):
                return data[sleutel]
        return []
    return data if isinstance(data, list) else []


def _huishoudens_van(cls, gebruiker, items):
    """The households of the shown objects, found through the viewset's own queryset (None: no ids shown)."""
    if not all("id" in i for i in items):
        return None
    view = cls()
    verzoek = SimpleNamespace(user=gebruiker, method="GET", query_params={})
    view.request, view.kwargs, view.format_kwarg = verzoek, {}, None
    objecten = view.get_queryset().model._default_manager.filter(pk__in=[i["id"] for i in items])
    return set(view.huishoudens_van(objecten)) - {None}


@pytest.fixture
def demo(db):
    call_command("demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _eerste_die_iets_ziet(api, pad):
    for naam in DEMO_GEBRUIKERS:
        gebruiker = User.objects.get(username=naam)
        api.force_authenticate(gebruiker)
        voor = _laatste()
        antwoord = api.get(pad)
        if antwoord.status_code == 200 and _items(antwoord.json()):
            return gebruiker, antwoord, _nieuwe_rijen(voor)
    return None, None, None


def test_elk_endpoint_met_huishoudens_logt_lijst_detail_en_weigering(demo):
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
