"""The toewijzing export validates against its JSON Schema: 8-digit AGB code, valid BSN, 301 fields."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse
from jsonschema import Draft202012Validator

from huishoudens.bsn import is_geldig_bsn
from tests.toegang_maatwerk.factories import vraag_aan
from toegang.maatwerk import services
from toegang.maatwerk.export import schema
from toegang.models import Aanvraag

pytestmark = pytest.mark.django_db


@pytest.fixture
def twee_toewijzingen(mw, dossier, jeugddossier):
    a = vraag_aan(dossier, mw.mensen["teamlid"])
    services.besluit_over_aanvraag(aanvraag_id=a.pk, door=mw.mensen["wmoconsulent"], besluit=Aanvraag.Status.TOEGEKEND,
                             reden="Ok")
    b = vraag_aan(jeugddossier, mw.mensen["teamlid_jgt"], product_code="45A48", client=jeugddossier.kind,
                  budget=Decimal("2400.00"))
    services.besluit_over_aanvraag(aanvraag_id=b.pk, door=mw.mensen["coordinator_eigen_gebied"],
                             besluit=Aanvraag.Status.TOEGEKEND, reden="Ok")
    services.registreer_zorgstart(toewijzing_id=a.toewijzing.pk, door=mw.mensen["teamlid"], datum=a.start)
    return a, b


def test_schema_zelf_is_geldig():
    Draft202012Validator.check_schema(schema())  # raises SchemaError when the schema itself is wrong
    validator = Draft202012Validator(schema())
    assert not validator.is_valid({"toewijzingen": "geen lijst"})  # and it does reject a wrong document


def test_export_valideert_tegen_schema(client, mw, twee_toewijzingen):
    client.force_login(mw.mensen["coordinator_eigen_gebied"])
    antwoord = client.get(reverse("toegang:toewijzingen_export"))
    assert antwoord.status_code == 200 and antwoord["Content-Type"].startswith("application/json")
    gegevens = json.loads(antwoord.content)
    Draft202012Validator(schema()).validate(gegevens)
    assert gegevens["gemeentecode"] == "0597"
    assert len(gegevens["toewijzingen"]) == 2
    wmo, jeugd = gegevens["toewijzingen"]
    for t in (wmo, jeugd):
        assert len(t["aanbieder"]["agbCode"]) == 8 and t["aanbieder"]["agbCode"].isdigit()
        assert is_geldig_bsn(t["client"]["bsn"])
        assert len(t["productcode"]) <= 5
    assert wmo["omvang"] == {"volume": 3, "eenheid": "04", "frequentie": "2"} and wmo["zorgGestart"] == "2026-03-01"
    assert jeugd["budget"] == {"bedrag": "2400.00", "valuta": "EUR"} and jeugd["wet"] == "jeugdwet"
    assert jeugd["productcategorie"] == "45"


def test_schema_weigert_een_korte_agb_code(mw, twee_toewijzingen):
    from toegang.maatwerk.export import exporteer
    from toegang.maatwerk.selectors import toewijzingen_voor

    gegevens = exporteer(toewijzingen_voor(mw.mensen["coordinator_eigen_gebied"]), gemeente=mw.gemeente)
    gegevens["toewijzingen"][0]["aanbieder"]["agbCode"] = "1234567"
    assert list(Draft202012Validator(schema()).iter_errors(gegevens))


@pytest.mark.parametrize(("wie", "verwacht"), [("coordinator_ander_gebied", 0), ("teamlid", 403),
                                               ("beleidsmedewerker", 403)])
def test_export_alleen_eigen_zichtbare_toewijzingen(client, mw, twee_toewijzingen, wie, verwacht):
    client.force_login(mw.mensen[wie])
    antwoord = client.get(reverse("toegang:toewijzingen_export"))
    if verwacht == 403:
        assert antwoord.status_code == 403
    else:
        assert json.loads(antwoord.content)["toewijzingen"] == []
