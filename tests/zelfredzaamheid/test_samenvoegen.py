"""Merging two person records (huishoudens) moves the ZRM measurements to the kept person."""

from datetime import date

import pytest

from audit.models import AuditEvent
from huishoudens import services
from huishoudens.models import Persoon
from tests.zelfredzaamheid.factories import meting
from zelfredzaamheid.models import Meting

pytestmark = pytest.mark.django_db


def test_metingen_gaan_mee_naar_de_behouden_persoon_en_eerste_meting_klopt(dossier, versie):
    teamlid = dossier.mensen["teamlid"]
    dubbel = Persoon.objects.create(huishouden=dossier.huishouden, voornamen="Jan", achternaam="Janssen",
                                    geboortedatum=dossier.jan.geboortedatum)
    eigen = meting(dossier.jan, teamlid, datum=date(2025, 3, 1), versie=versie)
    vroeger = meting(dubbel, teamlid, datum=date(2025, 2, 1), versie=versie)
    later = meting(dubbel, teamlid, datum=date(2025, 4, 1), versie=versie, soort="evaluatie")
    assert eigen.is_eerste and vroeger.is_eerste

    services.voeg_personen_samen(behouden=dossier.jan, samenvoegen=dubbel,
                                 door=dossier.mensen["coordinator_eigen_gebied"])

    assert not Meting.objects.filter(persoon=dubbel).exists()
    assert set(Meting.objects.filter(persoon=dossier.jan).values_list("id", flat=True)) == {
        eigen.pk, vroeger.pk, later.pk}
    # the earliest final measurement of the merged history is now the kept person's first one
    assert list(Meting.objects.filter(persoon=dossier.jan, is_eerste=True).values_list("id", flat=True)) == [
        vroeger.pk]
    assert AuditEvent.objects.filter(persoon_id=dossier.jan.pk, detail__zrm_metingen_overgenomen__isnull=False
                                     ).exists()


def test_samenvoegen_zonder_metingen_verandert_niets(dossier, versie):
    eigen = meting(dossier.jan, dossier.mensen["teamlid"], versie=versie)
    dubbel = Persoon.objects.create(huishouden=dossier.huishouden, voornamen="Jan", achternaam="J.",
                                    geboortedatum=dossier.jan.geboortedatum)
    services.voeg_personen_samen(behouden=dossier.jan, samenvoegen=dubbel,
                                 door=dossier.mensen["coordinator_eigen_gebied"])
    eigen.refresh_from_db()
    assert eigen.persoon_id == dossier.jan.pk and eigen.is_eerste
