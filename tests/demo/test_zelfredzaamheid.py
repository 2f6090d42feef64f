"""The demo measurements: intake plus evaluations for the demo households, idempotent, mostly improving."""

from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from wijkteams.models import Gemeente
from zelfredzaamheid.models import Meting
from zelfredzaamheid.selectors import zrm_aggregaten

pytestmark = pytest.mark.xdist_group("demo")  # one demo load for the package (conftest.py)


@pytest.mark.django_db
def test_demo_metingen_tonen_iets_echts():
    aantal = Meting.objects.count()
    assert aantal > 500
    assert Meting.objects.filter(soort="evaluatie").exists() and Meting.objects.filter(soort="afsluiting").exists()
    assert Meting.objects.filter(is_eerste=True).count() == Meting.objects.filter(
        status="definitief").values("persoon").distinct().count()
    call_command("demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Meting.objects.count() == aantal
    (g,) = zrm_aggregaten(gemeente=Gemeente.objects.get(cbs_code="0597"), niveau="gemeente",
                          van=date(2025, 7, 1), tot=timezone.localdate())
    assert g["personen"] > 100 and g["personen_met_verandering"] > 50
    veranderingen = [d["verandering"] for d in g["domeinen"] if d["verandering"] is not None]
    assert sum(veranderingen) / len(veranderingen) > 0  # most improve a little
    assert len(zrm_aggregaten(gemeente=Gemeente.objects.get(cbs_code="0597"), niveau="gebied",
                              van=date(2025, 7, 1), tot=timezone.localdate())) == 3
