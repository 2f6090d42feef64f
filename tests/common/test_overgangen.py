import pytest
from django.core.exceptions import ValidationError

from common.overgangen import controleer_overgang
from huishoudens.models import Traject
from huishoudens.services import OVERGANGEN

Status = Traject.Status


def test_toegestane_overgang_geeft_de_oude_status():
    traject = Traject(status=Status.AANGEMELD)
    assert controleer_overgang(OVERGANGEN, traject, Status.IN_ONDERZOEK) == Status.AANGEMELD
    assert traject.status == Status.AANGEMELD  # checking changes nothing


def test_geweigerde_overgang_noemt_beide_statussen():
    with pytest.raises(ValidationError) as fout:
        controleer_overgang(OVERGANGEN, Traject(status=Status.AFGESLOTEN), Status.PLAN)
    assert fout.value.code == "overgang"
    assert fout.value.messages == ["Een traject met status ‘Afgesloten’ kan niet naar ‘Plan’."]


def test_eigen_bericht():
    with pytest.raises(ValidationError) as fout:
        controleer_overgang(OVERGANGEN, Traject(status=Status.AFGESLOTEN), Status.AFGESLOTEN, bericht="Al afgesloten")
    assert fout.value.messages == ["Al afgesloten"]
