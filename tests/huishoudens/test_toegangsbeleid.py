"""The access policy of ``huishoudens.rechten``: who gets and loses access to a household, when, and the audit."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from huishoudens import rechten, services
from huishoudens.models import HuishoudenUserObjectPermission, RegisseurToewijzing, Traject
from huishoudens.selectors import huishoudens_voor
from tests.factories import maak_gebruiker
from tests.huishoudens.factories import HuishoudenFactory
from toegang.models import OpschalingDoel
from wijkteams import rollen
from wijkteams import services as org_services


def ziet(user, huishouden):
    return huishoudens_voor(get_user_model().objects.get(pk=user.pk)).filter(pk=huishouden.pk).exists()


def toegangsregels(huishouden, wat):
    return AuditEvent.objects.filter(huishouden_id=huishouden.pk, detail__toegang=wat)


def test_een_vertrekkend_teamlid_verliest_de_toegang_meteen(dossier):
    lid = dossier.mensen["teamlid"]
    assert ziet(lid, dossier.huishouden)
    org_services.verwijder_teamlid(team=dossier.org.team_a, medewerker=lid.medewerker,
                                   door=dossier.mensen["coordinator_eigen_gebied"])
    assert not ziet(lid, dossier.huishouden)


def test_een_vertrekkende_regisseur_verliest_regie_en_persoonlijke_toegang(dossier):
    regisseur = dossier.mensen["regisseur"]
    org_services.verwijder_teamlid(team=dossier.org.team_a, medewerker=regisseur.medewerker,
                                   door=dossier.mensen["coordinator_eigen_gebied"])
    assert not ziet(regisseur, dossier.huishouden)
    assert not RegisseurToewijzing.objects.filter(traject=dossier.traject, tot__isnull=True).exists()
    ingetrokken = toegangsregels(dossier.huishouden, "ingetrokken").get(detail__aan="gebruiker:regisseur")
    assert ingetrokken.actor_weergave == "coord_a" and ingetrokken.detail["reden"] == "regie beëindigd"


def test_een_nieuw_teamlid_krijgt_de_toegang_meteen(dossier):
    nieuw = maak_gebruiker(dossier.org.gemeente, rollen.MEDEWERKER, username="nieuw")
    assert not ziet(nieuw, dossier.huishouden)
    org_services.voeg_teamlid_toe(team=dossier.org.team_a, medewerker=nieuw.medewerker)
    assert ziet(nieuw, dossier.huishouden)


def test_de_regisseur_verliest_persoonlijke_toegang_bij_overdracht(dossier):
    oud = dossier.mensen["regisseur"]
    nieuw = maak_gebruiker(dossier.org.gemeente, rollen.MEDEWERKER, username="opvolger", teams=[dossier.org.team_a])
    services.wijs_regisseur_toe(traject=dossier.traject, regisseur=nieuw,
                                door=dossier.mensen["coordinator_eigen_gebied"])
    assert not HuishoudenUserObjectPermission.objects.filter(user=oud, content_object=dossier.huishouden).exists()
    assert HuishoudenUserObjectPermission.objects.filter(user=nieuw, content_object=dossier.huishouden).exists()
    assert toegangsregels(dossier.huishouden, "ingetrokken").filter(detail__aan="gebruiker:regisseur").exists()
    assert toegangsregels(dossier.huishouden, "gegeven").filter(detail__aan="gebruiker:opvolger").exists()


def test_de_regisseur_verliest_persoonlijke_toegang_bij_afsluiten(dossier):
    regisseur = dossier.mensen["regisseur"]
    services.sluit_traject_af(traject=dossier.traject, door=regisseur, reden="doelen_bereikt", controles=False)
    assert not HuishoudenUserObjectPermission.objects.filter(user=regisseur, content_object=dossier.huishouden).exists()
    regel = toegangsregels(dossier.huishouden, "ingetrokken").get(detail__aan="gebruiker:regisseur")
    assert regel.actor_weergave == "regisseur" and regel.detail["reden"] == "traject afgesloten"
    # the team keeps the household for follow-up (through the team group)
    assert ziet(dossier.mensen["teamlid"], dossier.huishouden)


def test_het_team_verliest_de_toegang_na_de_nazorgtermijn(dossier):
    gemeente = dossier.org.gemeente
    gemeente.nazorg_dagen = 30
    gemeente.save()
    vandaag = timezone.localdate()
    services.sluit_traject_af(traject=dossier.traject, door=dossier.mensen["regisseur"], reden="doelen_bereikt",
                              controles=False, op=vandaag)
    assert rechten.verloop_nazorg(vandaag + timedelta(days=30)) == 0
    assert ziet(dossier.mensen["teamlid"], dossier.huishouden)
    assert rechten.verloop_nazorg(vandaag + timedelta(days=31)) == 1
    assert not ziet(dossier.mensen["teamlid"], dossier.huishouden)
    assert not ziet(dossier.mensen["coordinator_eigen_gebied"], dossier.huishouden)
    assert toegangsregels(dossier.huishouden, "ingetrokken").filter(
        detail__aan=f"groep:{dossier.org.team_a.groep.name}", detail__reden="nazorgtermijn verstreken").exists()
    assert rechten.verloop_nazorg(vandaag + timedelta(days=32)) == 0  # a second run changes nothing


def test_de_nazorgtaak_draait_via_celery_beat_en_de_service(dossier):
    from django_celery_beat.models import PeriodicTask

    from huishoudens.tasks import verloop_nazorg

    assert PeriodicTask.objects.filter(task="huishoudens.tasks.verloop_nazorg", enabled=True).exists()
    services.sluit_traject_af(traject=dossier.traject, door=dossier.mensen["regisseur"], reden="doelen_bereikt",
                              controles=False)
    assert verloop_nazorg.apply().get() == 0
    # 91 days later (default period 90 days)
    Traject.objects.filter(pk=dossier.traject.pk).update(afgesloten_op=timezone.localdate() - timedelta(days=91))
    assert verloop_nazorg.apply().get() == 1
    assert not ziet(dossier.mensen["teamlid"], dossier.huishouden)


def test_heropenen_geeft_het_team_de_toegang_terug(dossier):
    services.sluit_traject_af(traject=dossier.traject, door=dossier.mensen["regisseur"], reden="doelen_bereikt",
                              controles=False, op=timezone.localdate() - timedelta(days=200))
    assert not ziet(dossier.mensen["teamlid"], dossier.huishouden)
    services.heropen_traject(traject=dossier.traject, door=dossier.mensen["coordinator_eigen_gebied"],
                             reden="Nieuwe zorgen")
    assert ziet(dossier.mensen["teamlid"], dossier.huishouden)


def test_een_traject_openen_in_een_vreemd_team_wordt_geweigerd(org):
    h = HuishoudenFactory(wijk=org.wijk_a)
    with pytest.raises(PermissionDenied):
        services.open_traject(huishouden=h, team=org.team_b, door=org.mensen["teamlid"])
    assert not Traject.objects.filter(huishouden=h).exists()
    # the coördinator of gebied A may open in its teams, not in gebied B
    with pytest.raises(PermissionDenied):
        services.open_traject(huishouden=h, team=org.team_b, door=org.mensen["coordinator_eigen_gebied"])
    services.open_traject(huishouden=h, team=org.team_a, door=org.mensen["teamlid"])


def test_het_formulier_biedt_alleen_eigen_teams_en_weigert_een_vreemd_team(client, org):
    h = HuishoudenFactory(wijk=org.wijk_a)
    teamlid = org.mensen["teamlid"]
    assert list(rechten.teams_om_traject_te_openen(teamlid)) == [org.team_a]
    client.force_login(teamlid)
    antwoord = client.post(reverse("huishoudens:traject_openen", args=[h.pk]), {"team": org.team_b.pk})
    assert antwoord.status_code in (400, 404)
    assert not Traject.objects.filter(huishouden=h).exists()


def test_coordinator_erbij_en_eraf_geeft_en_neemt_toegang_meteen(dossier):
    coord_b = dossier.mensen["coordinator_ander_gebied"]
    assert not ziet(coord_b, dossier.huishouden)
    org_services.maak_coordinator(medewerker=coord_b.medewerker, gebieden=[dossier.org.gebied_a])
    assert ziet(coord_b, dossier.huishouden)
    org_services.trek_coordinatorschap_in(medewerker=coord_b.medewerker, gebied=dossier.org.gebied_a)
    assert not ziet(coord_b, dossier.huishouden)
    assert toegangsregels(dossier.huishouden, "ingetrokken").filter(detail__aan="gebruiker:coord_b").exists()


def test_coordinatorrol_eraf_neemt_de_toegang_van_de_gebieden_mee(dossier):
    """The beheerder takes the coördinator role away: the gebieden (Medewerker.coordinator_van) go with it, and so
    does the access they gave, at once and audited. Before, the role went and the access rows stayed."""
    coord = dossier.mensen["coordinator_eigen_gebied"]
    assert ziet(coord, dossier.huishouden)
    org_services.zet_rollen(account=coord, rollen_namen=[rollen.MEDEWERKER], door=dossier.mensen["beheer"])
    assert not ziet(coord, dossier.huishouden)
    assert not coord.medewerker.coordinator_van.exists()
    assert toegangsregels(dossier.huishouden, "ingetrokken").filter(detail__aan=f"gebruiker:{coord.username}").exists()


def test_elke_toekenning_heeft_een_auditregel_met_wie_aan_wie_en_waarom(org):
    h = HuishoudenFactory(wijk=org.wijk_a)
    services.open_traject(huishouden=h, team=org.team_a, door=org.mensen["teamlid"])
    regels = {r.detail["aan"]: r for r in toegangsregels(h, "gegeven")}
    assert set(regels) == {f"groep:{org.team_a.groep.name}", "gebruiker:coord_a"}
    assert all(r.actor_weergave == "teamlid" and r.detail["reden"] == "traject geopend"
               and r.gemeente_id == org.gemeente.pk for r in regels.values())


def test_alleen_een_opschalingsgroep_kan_als_toegangsgroep_worden_genoemd(org):
    with pytest.raises(IntegrityError), transaction.atomic():
        OpschalingDoel.objects.create(gemeente=org.gemeente, code="x", naam="X", soort="lzn",
                                      toegang_groep=org.team_b.groep.name)
    OpschalingDoel.objects.create(gemeente=org.gemeente, code="lzn", naam="LZN", soort="lzn", toegang_groep="lzn")


def test_alle_toegang_intrekken_laat_geen_rechten_en_wel_auditregels_achter(dossier):
    from huishoudens.models import HuishoudenGroupObjectPermission

    h = dossier.huishouden
    assert rechten.trek_alle_toegang_in([h.pk], door=None, reden="bewaartermijn verstreken") == 3
    assert not HuishoudenUserObjectPermission.objects.filter(content_object=h).exists()
    assert not HuishoudenGroupObjectPermission.objects.filter(content_object=h).exists()
    aan = toegangsregels(h, "ingetrokken").filter(detail__reden="bewaartermijn verstreken").values_list(
        "detail__aan", flat=True)
    assert set(aan) == {"gebruiker:regisseur", "gebruiker:coord_a", f"groep:{dossier.org.team_a.groep.name}"}


def test_niemand_anders_schrijft_objectrechten():
    """Guardian rows are written only by the apps' rechten.py (a grep over the code, as an auditor would)."""
    import pathlib
    import re

    schrijven = re.compile(r"assign_perm|remove_perm|ObjectPermission\.objects\.(create|bulk_create|get_or_create|"
                           r"update_or_create|filter\(.*\)\.delete)|[=(\[,]\s*\w+ObjectPermission\(")
    wortel = pathlib.Path(__file__).resolve().parents[2]
    toegestaan = {"huishoudens/rechten.py", "wijkteams/rechten.py"}
    gevonden = set()
    for pad in wortel.glob("*/**/*.py"):
        naam = str(pad.relative_to(wortel))
        if naam.split("/")[0] in {".venv", "tests", "node_modules"} or "migrations" in pad.parts:
            continue
        if schrijven.search(pad.read_text(encoding="utf-8")):
            gevonden.add(naam)
    assert "huishoudens/rechten.py" in gevonden  # the pattern finds the writer that exists
    assert gevonden <= toegestaan, gevonden - toegestaan


def test_commando_beeindigt_coordinatorschap_zonder_rol(dossier):
    """Accounts whose role was taken away before zet_rollen ended their coördinatorschap (made here with
    tests.factories.zonder_coordinatorrol) still open the households of their gebieden: the command lists them,
    and with --herstel ends each coördinatorschap and the access with it (audited)."""
    from io import StringIO

    from django.core.management import call_command

    from tests.factories import zonder_coordinatorrol

    coord = zonder_coordinatorrol(dossier.mensen["coordinator_eigen_gebied"])
    assert ziet(coord, dossier.huishouden)
    uit = StringIO()
    call_command("coordinatoren_zonder_rol", stdout=uit)
    assert f"{coord.username}: {dossier.org.gebied_a.naam}" in uit.getvalue() and ziet(coord, dossier.huishouden)
    call_command("coordinatoren_zonder_rol", "--herstel", stdout=StringIO())
    assert not ziet(coord, dossier.huishouden) and not coord.medewerker.coordinator_van.exists()
    assert toegangsregels(dossier.huishouden, "ingetrokken").filter(detail__aan=f"gebruiker:{coord.username}").exists()
    uit = StringIO()
    call_command("coordinatoren_zonder_rol", stdout=uit)
    assert "Geen medewerkers" in uit.getvalue()
