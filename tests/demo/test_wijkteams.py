"""The organisation of the demo: idempotent, and a coördinator sees the teams of their gebieden."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.http import HttpRequest  # django-axes needs the request of a login

pytestmark = pytest.mark.xdist_group("demo")  # one demo load for the package (conftest.py)


def _tellingen():
    return {m._meta.label: m.objects.count() for m in apps.get_models()
            if m._meta.app_label in {"wijkteams", "auth", "guardian", "huishoudens", "zelfredzaamheid", "toegang"}}


@pytest.mark.django_db
def test_demo_data_is_idempotent():
    eerste = _tellingen()
    call_command("demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _tellingen() == eerste
    assert eerste["wijkteams.Wijk"] == 10
    assert eerste["wijkteams.Gebied"] == 3


@pytest.mark.django_db
def test_demo_coordinator_ziet_teams_van_zijn_gebieden(client):
    from wijkteams.demo import DEMO_WACHTWOORD

    assert client.login(request=HttpRequest(), username="coordinator", password=DEMO_WACHTWOORD)
    inhoud = client.get("/").content.decode()
    assert "Sociaal team Bolnes/Slikkerveer" in inhoud
    assert "Jeugd- en Gezinsteam Centrum/Oost/West" in inhoud
    assert "Drievliet" not in inhoud


@pytest.mark.django_db
def test_demo_heeft_voorbeeldgrenzen_voor_de_wijken_van_ridderkerk():
    """Issue 18: the made-up boundaries of the example file, one per demo wijk of Ridderkerk (not Alblasserdam)."""
    from wijkteams.models import Wijk, WijkGrens

    codes = set(Wijk.objects.filter(gemeente__cbs_code="0597").values_list("cbs_code", flat=True))
    assert set(WijkGrens.objects.values_list("wijk__cbs_code", flat=True)) == codes and len(codes) == 8
    assert WijkGrens.objects.filter(bron__startswith="Verzonnen voorbeeldgrenzen").count() == 8
