import pytest
from django.core.management import call_command
from django.http import HttpRequest  # django-axes needs the request of a login
from django.utils import timezone

from toegang.models import Melding, PostcodeWijk

pytestmark = pytest.mark.xdist_group("demo")  # one demo load for the package (conftest.py)


@pytest.mark.django_db
def test_demo_meldingen_van_elke_soort_en_status_sommige_te_laat(client):
    aantal = Melding.objects.count(), PostcodeWijk.objects.count()
    assert set(Melding.objects.values_list("status", flat=True)) == set(Melding.Status.values)
    assert set(Melding.objects.values_list("soort", flat=True)) == set(Melding.Soort.values)
    assert Melding.objects.filter(gekoppeld_aan_lopend_traject=True).exists()
    assert Melding.objects.filter(status__in=Melding.OPEN_STATUSSEN,
                                  onderzoek_uiterlijk__lt=timezone.localdate()).count() >= 3
    call_command("demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Melding.objects.count(), PostcodeWijk.objects.count()) == aantal
    from wijkteams.demo import DEMO_WACHTWOORD

    assert client.login(request=HttpRequest(), username="medewerker", password=DEMO_WACHTWOORD)
    inhoud = client.get("/toegang/werkvoorraad/").content.decode()
    assert "Te laat" in inhoud and "Binnen een week" in inhoud
