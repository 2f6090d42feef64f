"""Merging two person records (huishoudens) moves maatwerk requests and allocations to the kept person."""

import pytest

from huishoudens import services as huishouden_services
from huishoudens.models import Persoon
from tests.toegang_maatwerk.factories import volgende_bsn, vraag_aan
from toegang.maatwerk import services as maatwerk_services
from toegang.models import Aanvraag, Toewijzing

pytestmark = pytest.mark.django_db
Status = Aanvraag.Status


def test_aanvragen_en_toewijzingen_gaan_mee_naar_de_behouden_persoon(mw, dossier):
    """The record with the requests (and the BSN) is merged into a record without BSN: all of it moves."""
    teamlid = mw.mensen["teamlid"]
    dubbel = dossier.volwassene
    behouden = Persoon.objects.create(huishouden=dossier, voornamen="Jan", achternaam="Jansen",
                                      geboortedatum=dubbel.geboortedatum)
    open_ = vraag_aan(dossier, teamlid, client=dubbel)
    toegekend = vraag_aan(dossier, teamlid, client=dubbel, product_code="02A05")
    maatwerk_services.besluit_over_aanvraag(aanvraag_id=toegekend.pk, door=mw.mensen["wmoconsulent"],
                                            besluit=Status.TOEGEKEND,
                             reden="Structuur in de week is nodig.")
    toewijzing = Toewijzing.objects.get(aanvraag=toegekend)
    assert toewijzing.client_id == dubbel.pk

    huishouden_services.voeg_personen_samen(behouden=behouden, samenvoegen=dubbel,
                                            door=mw.mensen["coordinator_eigen_gebied"])

    assert set(Aanvraag.objects.filter(client=behouden).values_list("id", flat=True)) == {open_.pk, toegekend.pk}
    assert not Aanvraag.objects.filter(client=dubbel).exists()
    toewijzing.refresh_from_db()
    assert toewijzing.client_id == behouden.pk
    assert not Toewijzing.objects.filter(client=dubbel).exists()


def test_samenvoegen_met_verschillend_bsn_verplaatst_niets(mw, dossier):
    from django.core.exceptions import ValidationError

    ander = Persoon.objects.create(huishouden=dossier, voornamen="Jan", achternaam="Jansen", bsn=volgende_bsn(),
                                   geboortedatum=dossier.volwassene.geboortedatum)
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"], client=ander)
    with pytest.raises(ValidationError):
        huishouden_services.voeg_personen_samen(behouden=dossier.volwassene, samenvoegen=ander,
                               door=mw.mensen["coordinator_eigen_gebied"])
    aanvraag.refresh_from_db()
    assert aanvraag.client_id == ander.pk
