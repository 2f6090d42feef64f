"""CI smoke test of the scale generator (``manage.py genereer_schaal``) and of the daily pages on its data.

The generator runs at a tiny scale (0.003: 900 households, a day of audit rows); the test checks what it made
(counts, the object permissions exactly as ``huishoudens.rechten`` would grant them, the database's deferred
checks), that the same seed gives the same data, and that the pages the benchmarks measure answer on it with
their query counts within the pins. No timing assertions: the figures come from ``bin/bench``.
"""

import io
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, F
from guardian.shortcuts import get_objects_for_user

from huishoudens import rechten
from huishoudens.models import (
    Huishouden,
    HuishoudenGroupObjectPermission,
    HuishoudenUserObjectPermission,
    RegisseurToewijzing,
    Traject,
)
from huishoudens.selectors import huishoudens_voor, tel_huishoudens_voor
from monitoring import schaal
from toegang.models import Aanvraag, Melding

pytestmark = pytest.mark.django_db

SCHAAL = 0.003
PEILDATUM = date(2026, 11, 30)


@pytest.fixture
def gegenereerd():
    uit = io.StringIO()
    call_command("genereer_schaal", "--seed", "7", "--schaal", str(SCHAAL), "--auditdagen", "1",
                 "--peildatum", PEILDATUM.isoformat(), stdout=uit)
    return uit.getvalue()


def _gebruiker(nr, cbs="0599"):
    return get_user_model().objects.get(username=f"schaal-{cbs}-{nr:05d}")


def test_aantallen_volgen_de_schaal(gegenereerd):
    maat = schaal.Maat.voor(SCHAAL)
    tellingen = schaal.tel("0599")
    assert tellingen["huishoudens"] == maat.huishoudens == 900
    assert tellingen["trajecten"] == maat.trajecten == 300
    assert tellingen["meldingen"] == maat.meldingen == 600
    assert tellingen["medewerkers"] == maat.staf and tellingen["teams"] == maat.teams == 14
    assert 1.9 * 900 < tellingen["personen"] < 2.5 * 900
    assert 0.3 * 300 < tellingen["aanvragen"] < 0.7 * 300
    assert tellingen["zrm_metingen"] > 3 * 0.9 * 300
    # one day of reads: 205 rows per staff member whose team sees households
    assert 0 < tellingen["leesregels"] <= 205 * maat.staf
    assert "huishoudens: 900" in gegenereerd
    # open trajecten in every status, most closed
    statussen = dict(Traject.objects.filter(huishouden__gemeente__cbs_code="0599").values_list("status").annotate(
        n=Count("id")))
    assert set(statussen) == set(Traject.Status.values)
    assert statussen["afgesloten"] > sum(statussen.values()) / 2
    assert {"nieuw", "in_behandeling", "gekoppeld", "afgehandeld"} <= set(
        Melding.objects.filter(gemeente__cbs_code="0599").values_list("status", flat=True))
    # the melding of a traject in intake is still open, as triage leaves it (its onderzoek term runs); past intake
    # it is linked
    per_fase = set(Melding.objects.filter(gemeente__cbs_code="0599", traject__isnull=False).values_list(
        "traject__status", "status"))
    assert {("aangemeld", "nieuw"), ("in_onderzoek", "in_behandeling"), ("uitvoering", "gekoppeld")} <= per_fase
    assert all(status == "gekoppeld" for fase, status in per_fase if fase not in Traject.ZONDER_PLAN)
    assert {"ingediend", "toegekend", "afgewezen"} <= set(
        Aanvraag.objects.filter(gemeente__cbs_code="0599").values_list("status", flat=True))


def test_binnen_de_databaseregels(gegenereerd):
    """The deferred trigger (a traject past intake has a regisseur) fires now instead of at commit."""
    with connection.cursor() as c:
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")
    voorbij_intake = Traject.objects.filter(huishouden__gemeente__cbs_code="0599",
                                            status__in=["plan", "uitvoering", "heropend"])
    assert voorbij_intake.exists()
    assert not voorbij_intake.exclude(regisseurs__tot__isnull=True).exists()
    assert not Aanvraag.objects.filter(gemeente__cbs_code="0599", besloten_door_id__isnull=False,
                                       besloten_door_id=F("aangevraagd_door_id")).exists()


def test_rechten_precies_zoals_de_services_ze_geven(gegenereerd):
    """For every household: the permission rows are what ``herzie_toegang`` computes, so it changes nothing."""
    huishoudens = Huishouden.objects.filter(gemeente__cbs_code="0599").select_related("gemeente")
    for huishouden in huishoudens.filter(trajecten__isnull=False).order_by("pk"):
        groepen, users = rechten.rechthebbenden(huishouden, op=PEILDATUM)
        for model, veld, verwacht in ((HuishoudenGroupObjectPermission, "group_id", {g.pk for g in groepen}),
                                      (HuishoudenUserObjectPermission, "user_id", {u.pk for u in users})):
            rijen = list(model.objects.filter(content_object=huishouden).values_list(veld, "permission__codename"))
            assert {w for w, _c in rijen} == verwacht, huishouden.pk
            assert sorted(c for _w, c in rijen) == sorted(["change_huishouden", "view_huishouden"] * len(verwacht))
    eerste = huishoudens.filter(trajecten__status="uitvoering").first()
    assert rechten.herzie_toegang(eerste, door=None, reden="rooktest", op=PEILDATUM) == (0, 0)
    # households without a traject: nobody
    zonder = huishoudens.filter(trajecten__isnull=True).values("pk")
    assert not HuishoudenGroupObjectPermission.objects.filter(content_object__in=zonder).exists()


def test_telling_gelijk_aan_guardian_en_vreemde_ziet_niets(gegenereerd):
    coordinator = _gebruiker(0)  # coördinator of three gebieden: the benchmark's user
    teamlid = _gebruiker(20)
    for user in (coordinator, teamlid):
        guardian = get_objects_for_user(user, "huishoudens.view_huishouden", klass=Huishouden,
                                        accept_global_perms=False, with_superuser=False).count()
        assert tel_huishoudens_voor(user) == guardian == huishoudens_voor(user).count() > 0
    assert tel_huishoudens_voor(coordinator) > tel_huishoudens_voor(teamlid)
    # someone of another team does not get into a household of this team (404, logged as refused)
    regie = RegisseurToewijzing.objects.filter(traject__huishouden__gemeente__cbs_code="0599", tot__isnull=True,
                                               traject__status="uitvoering").select_related("traject").first()
    vreemde = next(u for u in (_gebruiker(n) for n in range(14, 28))
                   if not huishoudens_voor(u).filter(pk=regie.traject.huishouden_id).exists())
    from django.test import Client

    client = Client()
    client.force_login(vreemde)
    assert client.get(f"/huishoudens/{regie.traject.huishouden_id}/").status_code == 404


def test_zelfde_seed_zelfde_gegevens(gegenereerd):
    call_command("genereer_schaal", "--seed", "7", "--schaal", str(SCHAAL), "--auditdagen", "0", "--cbs", "0598",
                 "--peildatum", PEILDATUM.isoformat(), stdout=io.StringIO())
    a, b = schaal.tel("0599"), schaal.tel("0598")
    a.pop("leesregels"), b.pop("leesregels")
    assert a == b

    def vingerafdruk(cbs):
        return sorted(Huishouden.objects.filter(gemeente__cbs_code=cbs).values_list(
            "naam", "huisnummer", "postcode", "trajecten__status", "trajecten__aangemeld_op"))

    assert vingerafdruk("0599") == vingerafdruk("0598")


@pytest.mark.parametrize("pagina", ["huishouden", "werkvoorraad", "mijn", "zoeken", "api", "wie_bekeek"])
def test_paginas_op_gegenereerde_gegevens(gegenereerd, client, pagina, django_assert_max_num_queries):
    """The pages the benchmark measures answer for the benchmark's user, within their query pins."""
    user = _gebruiker(0)
    huishouden = huishoudens_voor(user).filter(trajecten__status="uitvoering").order_by("pk").first()
    urls = {"huishouden": (f"/huishoudens/{huishouden.pk}/", 30), "werkvoorraad": ("/toegang/werkvoorraad/", 12),
            "mijn": ("/huishoudens/", 12), "zoeken": ("/huishoudens/zoeken/?naam=Jansen", 12),
            "api": ("/api/v1/huishoudens/", 12), "wie_bekeek": (f"/huishoudens/{huishouden.pk}/inzage/", 14)}
    url, maximum = urls[pagina]
    client.force_login(user)
    client.get(url)
    with django_assert_max_num_queries(maximum):
        antwoord = client.get(url)
    assert antwoord.status_code == 200
