"""Every API endpoint that shows data of households logs one read per household shown (NEN 7513).

The OpenAPI schema (drf-spectacular's generator) lists every GET endpoint. Each viewset declares what it shows:
``LogtLezen`` (with the path to the household) or ``ToontGeenHuishoudens`` (with the reason). A new endpoint that
declares neither fails here; a ``LogtLezen`` endpoint is called with the demo data and must write its rows
(tests/demo/test_audit_api_leeslog.py, which uses the helpers below).
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from drf_spectacular.generators import SchemaGenerator

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


def _eerste_die_iets_ziet(api, pad):
    for naam in DEMO_GEBRUIKERS:
        gebruiker = User.objects.get(username=naam)
        api.force_authenticate(gebruiker)
        voor = _laatste()
        antwoord = api.get(pad)
        if antwoord.status_code == 200 and _items(antwoord.json()):
            return gebruiker, antwoord, _nieuwe_rijen(voor)
    return None, None, None
