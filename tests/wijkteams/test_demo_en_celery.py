import pytest
from django.apps import apps
from django.core.management import call_command
from django.http import HttpRequest  # django-axes needs the request of a login

from common.tasks import ping


def _tellingen():
    return {m._meta.label: m.objects.count() for m in apps.get_models()
            if m._meta.app_label in {"wijkteams", "auth", "guardian", "huishoudens", "zelfredzaamheid", "toegang"}}


@pytest.mark.django_db
def test_demo_data_is_idempotent():
    call_command("demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    eerste = _tellingen()
    call_command("demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _tellingen() == eerste
    assert eerste["wijkteams.Wijk"] == 10
    assert eerste["wijkteams.Gebied"] == 3


@pytest.mark.django_db
def test_demo_coordinator_ziet_teams_van_zijn_gebieden(client):
    call_command("demo_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    from wijkteams.demo import DEMO_WACHTWOORD

    assert client.login(request=HttpRequest(), username="coordinator", password=DEMO_WACHTWOORD)
    inhoud = client.get("/").content.decode()
    assert "Sociaal team Bolnes/Slikkerveer" in inhoud
    assert "Jeugd- en Gezinsteam Centrum/Oost/West" in inhoud
    assert "Drievliet" not in inhoud


@pytest.mark.celery_worker
def test_echte_celery_worker_voert_taak_uit(celery_worker_proces, org):
    resultaat = ping.delay().get(timeout=30)
    assert resultaat == {"antwoord": "pong", "gemeenten": 2}
