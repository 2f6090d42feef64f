"""The pages hold against hostile query strings, as the API does against schemathesis (test_api_vijandig): every
page without path arguments, and a household's tabs, asked by a user of each role and by an anonymous visitor
with every filter, sort and page parameter the pages read set to nonsense (text where a number is expected, a
number beyond any integer column, a NUL byte, an impossible date, markup, a repeated parameter) answers below
500: the page, a form error, a redirect to the login, 403 or 404.

Found this way: ``/huishoudens/?pagina=99999999999999999999`` (an OFFSET beyond PostgreSQL's bigint) and a NUL
byte in the public sociale kaart's search (``?zoek=%00``: PostgreSQL text cannot hold it) both answered 500."""

import re

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from huishoudens.registry import TABBLADEN
from tests.toegang_melding.factories import maak_huishouden, melding

pytestmark = pytest.mark.django_db

# every parameter a page reads from the query string (request.GET and the GET forms), and more
PARAMETERS = ["weergave", "status", "team", "wijk", "gebied", "termijn", "leefgebied", "zoek", "sorteer", "hsorteer",
              "pagina", "hpagina", "naam", "bsn", "postcode", "huisnummer", "geboortedatum", "achternaam", "periode",
              "jaar", "kwartaal", "indicator", "persoon", "traject", "doel", "soort", "categorie", "gemeente", "als",
              "van", "tot", "q", "product", "aanbieder", "versie", "domein"]
WAARDEN = ["x", "-1", "99999999999999999999", "\x00", "2026-02-30<script>", "²"]  # "²": isdigit(), but no int()
# a user of each role (the other users of the fixture hold the same roles elsewhere), and nobody
ROLLEN = ["teamlid", "coordinator_eigen_gebied", "beleidsmedewerker", "lzn", "beheer", "sociaal_makelaar",
          "bestuurstafel", None]
# the rate limits of the anonymous doors count per client address (in the shared cache): an address of our own,
# so the other tests' requests from 127.0.0.1 are not slowed down by these
CLIENTADRES = "192.0.2.15"
# not pages of this application: the API (schemathesis), its schema and documentation
BUITEN = ("/api/",)


def _sjablonen(patronen=None, voorvoegsel=""):
    """Every URL path of the URLconf itself (a new page is covered without editing here), each path argument as
    ``{}`` (the household tab as "personen"); not Django's admin, nor the API's format-suffix twins."""
    for patroon in patronen if patronen is not None else get_resolver().url_patterns:
        route = str(patroon.pattern)
        if isinstance(patroon, URLResolver):
            yield from _sjablonen(patroon.url_patterns, voorvoegsel + route)
        elif isinstance(patroon, URLPattern) and "format" not in route:
            pad = re.sub(r"\(\?P<tab>[^)]*\)", "personen", voorvoegsel + route)
            pad = re.sub(r"\(\?P<[a-z_]+>[^)]*\)", "{}", pad)  # a regular expression's group (DRF's routes)
            pad = re.sub(r"<(?:[a-z_]+:)?[a-z_]+>", "{}", pad)  # a path converter
            pad = pad.replace("^", "").replace("$", "").replace("\\.", ".")
            if not pad.startswith("beheer/"):
                yield "/" + pad


def _adressen():
    """The pages without path arguments (the API has schemathesis, test_api_vijandig)."""
    return sorted({s for s in _sjablonen() if "{}" not in s and not s.startswith(BUITEN)})


def _van_huishouden(huishouden):
    """Every address of one household (its pages with only the household's id in the path)."""
    return sorted(s.format(huishouden.pk) for s in set(_sjablonen())
                  if s.startswith("/huishoudens/{}/") and s.count("{}") == 1)


def _log_in(client, org, wie):
    if wie is None:
        client.logout()
    else:
        client.force_login(org.mensen[wie])


@pytest.fixture
def huishouden(org):
    h = maak_huishouden(org.wijk_a, kind=True)
    melding(h, leefgebieden=["financien", "opvoeding"])
    return h


def _vraag(client, adres):
    vragen = [(waarde, dict.fromkeys(PARAMETERS, waarde)) for waarde in WAARDEN]
    vragen.append(("herhaald", {p: ["1", "x"] for p in PARAMETERS}))
    fouten = []
    for waarde, parameters in vragen:
        status = client.get(adres, parameters, REMOTE_ADDR=CLIENTADRES).status_code
        if status >= 500:
            fouten.append((adres, waarde, status))
    return fouten


def test_geen_serverfout_op_vijandige_zoekparameters(client, org, huishouden):
    adressen = _adressen()
    assert "/toegang/werkvoorraad/" in adressen and "/huishoudens/zoeken/" in adressen  # the walk found the pages
    tabs = [f"/huishoudens/{huishouden.pk}/", *(f"/huishoudens/{huishouden.pk}/{tab}/" for tab in TABBLADEN[1:])]
    fouten = []
    for wie in ROLLEN:
        _log_in(client, org, wie)
        for adres in adressen + tabs:
            fouten += [(wie, *fout) for fout in _vraag(client, adres)]
    assert not fouten, fouten


@pytest.mark.parametrize("nummer", ["99999999999999999999", "999999999999999999", "²"])
def test_geen_serverfout_op_ids_buiten_bereik(client, org, nummer):
    """An id in the path beyond PostgreSQL's bigint, or just inside it and not there, is no page (404), 403 or
    405, never 500, for every page and API address with path arguments (GET and POST). Before, 68 of them answered
    500 ("bigint out of range"): Django's lookup copes with such a number, but the audit row of the refused read
    stored it as the household's id (audit.log.geweigerd now keeps it only in object_id)."""
    sjablonen = sorted({s for s in _sjablonen() if "{}" in s})
    assert "/huishoudens/{}/" in sjablonen and "/api/v1/huishoudens/{}/" in sjablonen  # the walk found them
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    fouten = []
    for sjabloon in sjablonen:
        adres = sjabloon.replace("{}", nummer)
        for methode in (client.get, client.post):
            status = methode(adres, REMOTE_ADDR=CLIENTADRES).status_code
            if status >= 500:
                fouten.append((methode.__name__, adres, status))
    assert not fouten, fouten


# the fields of the forms and the POST parameters the views read, with the query parameters above
VELDEN = [*PARAMETERS, "melding", "aan", "terug", "reden", "toelichting", "besluit", "uitkomst", "datum", "score",
          "bestand", "tekst", "omschrijving", "budget", "start", "eind", "regisseur", "naar", "leefgebieden",
          "urgentie", "vraag", "kanaal", "signaalgever_type", "huishouden", "wat_gedaan", "actie", "keuze", "code",
          "token", "titel", "waarde"]


@pytest.mark.parametrize("wie", ROLLEN)
def test_geen_serverfout_op_vijandige_formulieren(client, org, huishouden, wie):
    """Every page without path arguments and every address of a household, posted with every field set to the
    same nonsense, answers below 500 (a form with its errors, a redirect, 403, 404 or 405). Each post is rolled
    back, so what one accepts does not change the next. As a user of each role and anonymously. Found this way: a
    NUL byte as the API token to revoke."""
    adressen = _adressen() + _van_huishouden(huishouden)
    _log_in(client, org, wie)
    fouten = []
    for adres in adressen:
        if adres == "/uitloggen/":
            continue
        for waarde in WAARDEN:
            with transaction.atomic():
                status = client.post(adres, dict.fromkeys(VELDEN, waarde), REMOTE_ADDR=CLIENTADRES).status_code
                transaction.set_rollback(True)
            if status >= 500:
                fouten.append((adres, waarde, status))
    assert not fouten, fouten
