"""The API holds against hostile input: schemathesis (pinned in pyproject.toml) generates requests from the OpenAPI
schema for every operation, as a medewerker and as a coördinator, and checks that no answer is a server error,
that every status code and content type is documented, and that every body matches its schema. A bounded number
of examples per operation (SCHEMATHESIS_VOORBEELDEN, default 5) keeps the run to a few minutes."""

import os

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.test import Client
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application

pytestmark = pytest.mark.django_db
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
VOORBEELDEN = int(os.environ.get("SCHEMATHESIS_VOORBEELDEN", "5"))


@pytest.fixture
def wsgi_in_de_testtransactie():
    """Requests go straight to the WSGI application (as schemathesis calls it): keep the test's connection open
    between them, as Django's own test client does."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _sessiekoppen(user):
    """Cookie and CSRF header of a real logged-in session (the API's session authentication)."""
    client = Client()
    client.force_login(user)
    verzoek = HttpRequest()
    masker = get_token(verzoek)
    cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={verzoek.META['CSRF_COOKIE']}"
    return {"Cookie": cookie, "X-CSRFToken": masker}


def _draai(operatie, koppen, teller):
    # valid and invalid input alike (e.g. ``/opschalingen/null,null/``, ``uitkomst: ""``)
    strategie = operatie.as_strategy(GenerationMode.POSITIVE) | operatie.as_strategy(GenerationMode.NEGATIVE)

    @given(case=strategie)
    @hypothesis_settings(max_examples=VOORBEELDEN, deadline=None, derandomize=True, database=None,
                         phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
    def voorbeeld(case):
        teller.append(1)
        case.call_and_validate(headers=koppen, checks=CHECKS)

    voorbeeld()


@pytest.mark.parametrize("rol", ["teamlid", "coordinator_eigen_gebied"])
def test_api_houdt_stand_tegen_vijandige_invoer(org, rol, wsgi_in_de_testtransactie):
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    koppen = _sessiekoppen(org.mensen[rol])
    fouten, teller, operaties = [], [], 0
    for resultaat in schema.get_all_operations():
        operatie = resultaat.ok()
        operaties += 1
        try:
            _draai(operatie, koppen, teller)
        except Exception as fout:  # noqa: BLE001 - collect every operation's failure, report them all at once
            fouten.append(f"{operatie.label}: {str(fout)[:600]}")
    assert fouten == [], "\n\n".join(fouten)
    assert operaties > 50 and len(teller) >= operaties  # the run really covered the API


@pytest.mark.parametrize("pad", ["/api/v1/opschalingen/null,null/", "/api/v1/opschalingen/99999999999999999999/",
                                 "/api/v1/maatwerk/aanvragen/-1/", "/api/v1/partner/meldingen/x/",
                                 "/api/v1/huishoudens/%C2%B2/",  # "²": isdigit() is true, int() raises
                                 "/api/v1/bestaat-niet/"])
def test_vreemde_ids_zijn_een_404_in_json(org, pad):
    client = Client()
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    antwoord = client.get(pad)
    assert antwoord.status_code in (401, 403, 404) and antwoord["Content-Type"] == "application/json"
    assert antwoord.status_code != 404 or antwoord.json()["detail"]
