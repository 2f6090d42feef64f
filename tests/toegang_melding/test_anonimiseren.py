"""Retention: the question, the reporter's details and the free texts of a household's meldingen go; the
structured facts stay for the figures."""

import pytest

from bewaring import registry
from tests.toegang_melding.factories import maak_huishouden, melding
from toegang.melding.anonimiseren import anonimiseer
from toegang.models import Melding

pytestmark = pytest.mark.django_db


def test_vraag_en_melder_weg_structuur_blijft(org):
    assert anonimiseer in registry.ANONIMISEERDERS
    h = maak_huishouden(org.wijk_a)
    anders = maak_huishouden(org.wijk_a)
    m = melding(h, door=org.mensen["teamlid"], vraag="Mevrouw De Boer (82) valt steeds, dochter Ria belt.",
                melder_naam="Ria de Boer", melder_contact="06-11112222", toestemming=False,
                geen_toestemming_reden="Mevrouw is dement", leefgebieden=("lichamelijke_gezondheid", "huisvesting"))
    Melding.objects.filter(pk=m.pk).update(wat_gedaan="Gebeld met Ria de Boer")
    m_anders = melding(anders, door=org.mensen["teamlid"], vraag="Blijft staan", melder_naam="Kees")

    anonimiseer([h.pk])

    m.refresh_from_db()
    assert m.vraag == "Geanonimiseerd" and m.melder_naam == "" and m.melder_contact == ""
    assert m.geen_toestemming_reden == "Geanonimiseerd" and m.wat_gedaan == "Geanonimiseerd"
    assert "Ria" not in str(Melding.objects.filter(pk=m.pk).values().get())
    assert sorted(m.leefgebieden) == ["huisvesting", "lichamelijke_gezondheid"] and m.ontvangstnummer
    m_anders.refresh_from_db()
    assert m_anders.vraag == "Blijft staan" and m_anders.melder_naam == "Kees"
