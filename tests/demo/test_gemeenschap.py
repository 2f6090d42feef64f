"""The demo: volunteers, requests and matches in each wijk, carers, activities, complaints, one survey year;
a second run changes nothing."""

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import Count

from gemeenschap.models import Belastingcheck, Hulpvraag, Koppeling, Vrijwilliger
from wijkteams.models import Wijk

pytestmark = pytest.mark.xdist_group("demo")  # one demo load for the package (conftest.py)


def _tellingen():
    return {m._meta.label: m.objects.count() for m in apps.get_app_config("gemeenschap").get_models()}


@pytest.mark.django_db
def test_demo_gemeenschap_is_idempotent_en_dekt_elke_wijk():
    eerste = _tellingen()
    call_command("demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _tellingen() == eerste
    wijken = set(Wijk.objects.filter(gemeente__cbs_code="0597").values_list("pk", flat=True))
    assert set(Vrijwilliger.objects.values_list("wijk", flat=True)) == wijken
    assert set(Hulpvraag.objects.values_list("wijk", flat=True)) == wijken
    met_koppeling = Hulpvraag.objects.annotate(n=Count("koppelingen")).filter(n__gt=0)
    assert set(met_koppeling.values_list("wijk", flat=True)) == wijken
    assert Hulpvraag.objects.filter(bron="plan").exists()
    assert Koppeling.objects.filter(status="geaccepteerd").exists() or Koppeling.objects.filter(status="gestart")
    assert Belastingcheck.objects.filter(overbelast=True).exists()
    for label in ("gemeenschap.Mantelzorger", "gemeenschap.MantelzorgSteun", "gemeenschap.CollectieveActiviteit",
                  "gemeenschap.Klacht", "gemeenschap.ClientervaringScore"):
        assert eerste[label] > 0, label
