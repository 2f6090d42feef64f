"""The demo gives every dossier page something real to show, and a second run changes nothing."""

import pytest
from django.core.management import call_command
from django.http import HttpRequest  # django-axes needs the request of a login

from huishoudens.bsn import in_testreeks, is_geldig_bsn
from huishoudens.models import Actie, Evaluatie, Keukentafelgesprek, Persoon, PlanAkkoord, Traject
from wijkteams.models import Aanbod, Wijk

pytestmark = pytest.mark.xdist_group("demo")  # one demo load for the package (conftest.py)


def _tellingen():
    return [m.objects.count() for m in (Keukentafelgesprek, PlanAkkoord, Evaluatie, Aanbod, Persoon, Traject)] + [
        Actie.objects.filter(aanbod__isnull=False).count()]


@pytest.mark.django_db
def test_demo_dossiers_zijn_rijk_en_idempotent(client):
    eerste = _tellingen()
    call_command("demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _tellingen() == eerste
    assert set(Traject.objects.values_list("status", flat=True)) >= {"aangemeld", "in_onderzoek", "plan",
                                                                    "uitvoering", "afgesloten"}
    assert Keukentafelgesprek.objects.filter(status="definitief").exists()
    assert Keukentafelgesprek.objects.filter(status="concept").exists()
    assert PlanAkkoord.objects.exists() and Actie.objects.filter(aanbod__isnull=False).exists()
    for wijk in Wijk.objects.filter(gemeente__cbs_code="0597"):
        assert Aanbod.objects.filter(wijk=wijk).count() >= 3, wijk
    assert all(is_geldig_bsn(b) and in_testreeks(b) for b in Persoon.objects.exclude(bsn=None).values_list(
        "bsn", flat=True))
    from wijkteams.demo import DEMO_WACHTWOORD

    assert client.login(request=HttpRequest(), username="medewerker", password=DEMO_WACHTWOORD)
    inhoud = client.get("/huishoudens/").content.decode()
    assert "U bent regisseur van" in inhoud
