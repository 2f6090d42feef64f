"""Merging two person records (huishoudens) moves the carer's record to the kept person."""

from datetime import date

import pytest

from gemeenschap import mantelzorg
from gemeenschap.models import Belastingcheck, Mantelzorger, MantelzorgSteun
from huishoudens import services
from huishoudens.models import Persoon

pytestmark = pytest.mark.django_db


def _dubbel(dossier):
    return Persoon.objects.create(huishouden=dossier.huishouden, voornamen="Annie", achternaam="Janssen",
                                  geboortedatum=dossier.persoon.geboortedatum)


def test_mantelzorger_gaat_mee_naar_de_behouden_persoon(org, dossier):
    dubbel = _dubbel(dossier)
    mz = mantelzorg.registreer_mantelzorger(door=dossier.regisseur, persoon=dubbel, zorgt_voor="partner",
                                            uren_per_week=12, sinds=date(2024, 1, 1))
    services.voeg_personen_samen(behouden=dossier.persoon, samenvoegen=dubbel,
                           door=org.mensen["coordinator_eigen_gebied"])
    mz.refresh_from_db()
    assert mz.persoon_id == dossier.persoon.pk
    assert not Mantelzorger.objects.filter(persoon=dubbel).exists()


def test_twee_mantelzorgregistraties_worden_er_een(org, dossier):
    dubbel = _dubbel(dossier)
    blijft = mantelzorg.registreer_mantelzorger(door=dossier.regisseur, persoon=dossier.persoon,
                                                zorgt_voor="partner", uren_per_week=12, sinds=date(2024, 6, 1))
    weg = mantelzorg.registreer_mantelzorger(door=dossier.regisseur, persoon=dubbel, zorgt_voor="partner",
                                             uren_per_week=10, sinds=date(2023, 1, 1))
    mantelzorg.registreer_steun(mantelzorger=weg, door=dossier.regisseur, soort="respijtzorg",
                                datum=date(2024, 2, 1))
    antwoorden = {code: 1 for code, _t in mantelzorg.BELASTING_VRAGEN}
    mantelzorg.neem_belastingcheck_af(mantelzorger=weg, door=dossier.regisseur, antwoorden=antwoorden,
                                      datum=date(2024, 3, 1))

    services.voeg_personen_samen(behouden=dossier.persoon, samenvoegen=dubbel,
                           door=org.mensen["coordinator_eigen_gebied"])

    assert list(Mantelzorger.objects.filter(huishouden=dossier.huishouden).values_list("id", flat=True)) == [
        blijft.pk]
    blijft.refresh_from_db()
    assert blijft.sinds == date(2023, 1, 1)
    assert MantelzorgSteun.objects.get().mantelzorger_id == blijft.pk
    assert Belastingcheck.objects.get().mantelzorger_id == blijft.pk
