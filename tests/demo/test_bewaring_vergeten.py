"""Retention that forgets, on the demo's richest household: after destruction no free text of it remains in any
table, no permission row remains, a household that came back is skipped, and monitor figures computed before stay
the same. The declarations of the anonymisers are checked in tests/bewaring/test_vergeten.py."""

import pytest
from django.db import models
from django.utils import timezone

from bewaring import services
from huishoudens.models import Huishouden, HuishoudenGroupObjectPermission, HuishoudenUserObjectPermission, Traject
from tests.bewaring.test_vergeten import (
    _bewaard,
    _identificerend,
    _maak_verlopen,
    _monitorcijfers,
    _overal,
    _rijen_van,
    _teksten,
)

pytestmark = pytest.mark.xdist_group("demo")  # one demo load for the package (conftest.py)


@pytest.mark.django_db
def test_na_vernietiging_is_de_vrije_tekst_overal_weg(django_capture_on_commit_callbacks):
    # the richest demo households of Ridderkerk that a team group may open (most rows pointing at them): the demo's
    # richest household overall may be one whose team access already ended after its follow-up period
    kandidaten = Huishouden.objects.filter(
        gemeente__cbs_code="0597",
        pk__in=HuishoudenGroupObjectPermission.objects.values("content_object_id"),
    ).annotate(
        n=models.Count("trajecten__gesprekken", distinct=True) + models.Count("personen", distinct=True)
    ).order_by("-n", "pk")
    weg, terug = kandidaten[0], kandidaten[1]
    for h in (weg, terug):
        _maak_verlopen(h)
    rijen = _rijen_van([weg.pk])
    voor = _teksten(rijen)
    assert len(rijen) >= 8 and len(voor) >= 10, "de demo geeft dit huishouden te weinig om te bewijzen"
    eigen = {(m._meta.label, pk) for m, pks in rijen.items() for pk in pks}
    # identifying texts found only in this household's rows (a street name may be shared with neighbours)
    uniek = {t for t in _identificerend(voor) if set(_overal(t)) <= eigen}
    assert len(uniek) >= 3, uniek
    monitor = _monitorcijfers()
    assert monitor, "de demo berekent monitorcijfers"
    assert HuishoudenGroupObjectPermission.objects.filter(content_object=weg).exists()

    from django.contrib.auth.models import User
    beheerder = User.objects.get(username="beheer")
    lijst = services.stel_lijst_op(gemeente=weg.gemeente, door=beheerder)
    assert {weg.pk, terug.pk} <= set(lijst.regels.values_list("huishouden_id", flat=True))
    with django_capture_on_commit_callbacks():
        services.bevestig_lijst(lijst=lijst, door=beheerder)
    # after confirmation one household comes back: a new traject (a new melding/request counts the same)
    Traject.objects.create(huishouden=terug, team=Traject.objects.filter(huishouden=terug).first().team,
                           gebied=Traject.objects.filter(huishouden=terug).first().gebied,
                           aangemeld_op=timezone.localdate())
    terug_naam = Huishouden.objects.get(pk=terug.pk).naam
    services.voer_vernietiging_uit(lijst_id=lijst.pk)

    # 1. no free text of the household remains in its own rows (only fields declared "blijft")...
    na = _teksten(_rijen_van([weg.pk]))
    over = {(m._meta.label, v): w for (m, v), w in na.items() if not _bewaard(m, v)}
    assert not over, over
    # ...nor anywhere else in any table
    for tekst in sorted(uniek):
        assert not _overal(tekst), (tekst, _overal(tekst))
    # 2. no permission rows remain
    assert not HuishoudenUserObjectPermission.objects.filter(content_object_id=weg.pk).exists()
    assert not HuishoudenGroupObjectPermission.objects.filter(content_object_id=weg.pk).exists()
    # 3. the household that came back is skipped, and reported on the list
    assert Huishouden.objects.get(pk=terug.pk).naam == terug_naam
    regel = lijst.regels.get(huishouden_id=terug.pk)
    assert regel.uitgevoerd_op is None and "traject" in regel.overgeslagen
    assert lijst.regels.get(huishouden_id=weg.pk).uitgevoerd_op is not None
    from django.test import Client
    client = Client()
    client.force_login(beheerder)
    pagina = client.get(f"/bewaring/{lijst.pk}/").content.decode()
    assert "Overgeslagen" in pagina and "weer actief" in pagina
    # 4. monitor figures computed before stay as they were
    assert _monitorcijfers() == monitor
