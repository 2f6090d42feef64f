"""Retention: the ZRM notes of a household that passes its term are removed; the scores stay."""

import pytest

from bewaring import registry
from tests.zelfredzaamheid.factories import meting
from zelfredzaamheid.anonimiseren import anonimiseer
from zelfredzaamheid.models import Meting

pytestmark = pytest.mark.django_db


def test_notities_en_correctiereden_weg_scores_blijven(org, dossier, versie):
    from tests.zelfredzaamheid.conftest import maak_huishouden

    assert anonimiseer in registry.ANONIMISEERDERS
    teamlid = dossier.mensen["teamlid"]
    m = meting(dossier.jan, teamlid, versie=versie)
    Meting.objects.filter(pk=m.pk).update(notities={"financien": "Jan heeft schulden bij zijn broer Piet"},
                                          correctiereden="Jan gaf eerst verkeerde informatie")
    _h, _t, (ander, *_rest) = maak_huishouden(org, naam="Familie Anders")
    m_ander = meting(ander, teamlid, versie=versie)
    Meting.objects.filter(pk=m_ander.pk).update(notities={"financien": "Blijft staan"})

    anonimiseer([dossier.huishouden.pk])

    m.refresh_from_db()
    assert m.notities == {} and m.correctiereden == "Geanonimiseerd"
    assert m.scores and all(s == 3 for s in m.scores if s is not None) and m.status == "definitief"
    assert Meting.objects.get(pk=m_ander.pk).notities == {"financien": "Blijft staan"}
