"""The functioneel beheerder in the beheer (admin) pages: manages its own gemeente, never escalates."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from audit.models import AuditEvent
from huishoudens.models import HuishoudenUserObjectPermission
from huishoudens.selectors import huishoudens_voor
from tests.factories import maak_gebruiker
from tests.huishoudens.factories import maak_dossier
from wijkteams import rollen
from wijkteams.models import Team, TeamLidmaatschap

User = get_user_model()


@pytest.fixture
def beheer(client, org):
    gebruiker = org.mensen["beheer"]
    gebruiker.is_staff = True
    gebruiker.save()
    client.force_login(gebruiker)
    return gebruiker


def _account_post(user, **extra):
    gegevens = {"username": user.username, "first_name": user.first_name, "last_name": user.last_name,
                "email": "", "is_active": "on"}
    gegevens.update(extra)
    return gegevens


def _vers(user):
    return User.objects.get(pk=user.pk)


def test_beheer_kan_niemand_superuser_maken_of_groepen_en_rechten_geven(client, org, beheer):
    lid = org.mensen["teamlid"]
    url = reverse("admin:auth_user_change", args=[lid.pk])
    pagina = client.get(url).content.decode()
    assert 'name="is_superuser"' not in pagina and 'name="groups"' not in pagina
    assert 'name="user_permissions"' not in pagina and 'name="is_staff"' not in pagina
    recht = Permission.objects.get(codename="change_user")
    antwoord = client.post(url, _account_post(lid, is_superuser="on", is_staff="on", rollen=["medewerker"],
                                              groups=[Group.objects.get(name=rollen.FUNCTIONEEL_BEHEER).pk,
                                                      org.team_b.groep.pk],
                                              user_permissions=[recht.pk]))
    assert antwoord.status_code == 302
    lid = _vers(lid)
    assert not lid.is_superuser and not lid.is_staff and not lid.user_permissions.exists()
    assert set(lid.groups.values_list("name", flat=True)) == {rollen.MEDEWERKER, org.team_a.groep.name}


def test_beheer_kan_een_applicatierol_geven_en_dat_is_een_auditregel(client, org, beheer):
    lid = org.mensen["teamlid"]
    antwoord = client.post(reverse("admin:auth_user_change", args=[lid.pk]),
                           _account_post(lid, rollen=["medewerker", "coordinator"]))
    assert antwoord.status_code == 302
    assert rollen.heeft_rol(_vers(lid), rollen.COORDINATOR)
    regel = AuditEvent.objects.get(actor=beheer, object_type="auth.user", detail__rollen__isnull=False)
    assert regel.detail["rollen"] == [["medewerker"], ["coordinator", "medewerker"]]
    assert AuditEvent.objects.filter(actor=beheer, detail__beheer__isnull=False, object_id=str(lid.pk)).exists()


def test_beheer_kan_geen_beheerrol_geven(client, org, beheer):
    lid = org.mensen["teamlid"]
    antwoord = client.post(reverse("admin:auth_user_change", args=[lid.pk]),
                           _account_post(lid, rollen=["medewerker", rollen.FUNCTIONEEL_BEHEER]))
    assert antwoord.status_code == 200  # the form refuses the choice
    assert not rollen.heeft_rol(_vers(lid), rollen.FUNCTIONEEL_BEHEER) and not _vers(lid).is_staff


def test_beheer_kan_de_eigen_rol_niet_wijzigen(client, org, beheer):
    antwoord = client.post(reverse("admin:auth_user_change", args=[beheer.pk]),
                           _account_post(beheer, rollen=["medewerker", "coordinator"]))
    assert antwoord.status_code == 302
    assert set(_vers(beheer).groups.values_list("name", flat=True)) == {rollen.FUNCTIONEEL_BEHEER}
    # nor through a team or a coördinatorschap
    antwoord = client.post(reverse("admin:wijkteams_medewerker_change", args=[beheer.medewerker.pk]), {
        "uren_per_week": "10", "coordinator_van": [org.gebied_a.pk]})
    assert not beheer.medewerker.coordinator_van.exists()
    assert not rollen.heeft_rol(_vers(beheer), rollen.COORDINATOR)


def test_beheer_ziet_en_wijzigt_geen_andere_gemeente(client, org, beheer):
    lijst = client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "teamlid" in lijst and "coord_ander" not in lijst
    ander = org.mensen["medewerker_andere_gemeente"]
    assert client.get(reverse("admin:auth_user_change", args=[ander.pk])).status_code == 302  # "does not exist"
    client.post(reverse("admin:auth_user_change", args=[ander.pk]), _account_post(ander, rollen=["coordinator"]))
    assert not rollen.heeft_rol(_vers(ander), rollen.COORDINATOR)
    assert client.get(reverse("admin:wijkteams_team_change", args=[org.team_ander.pk])).status_code == 302
    teams = client.get(reverse("admin:wijkteams_team_changelist")).content.decode()
    assert org.team_a.naam in teams and org.team_ander.naam not in teams
    assert client.get(reverse("admin:wijkteams_gemeente_change", args=[org.andere_gemeente.pk])).status_code == 302
    assert client.get(reverse("admin:wijkteams_gemeente_add")).status_code == 403
    keuzes = client.get(reverse("admin:wijkteams_team_add")).content.decode()
    assert "Alblasserdam" not in keuzes


def test_beheer_ziet_geen_superusers(client, org, beheer):
    baas = User.objects.create_superuser("baas", password="x")
    from wijkteams.models import Medewerker

    Medewerker.objects.create(user=baas, gemeente=org.gemeente)
    assert client.get(reverse("admin:auth_user_change", args=[baas.pk])).status_code == 302


def test_nieuw_account_hoort_bij_de_eigen_gemeente(client, org, beheer):
    antwoord = client.post(reverse("admin:auth_user_add"), {
        "username": "nieuwkomer", "password1": "Lang-en-sterk-2026!", "password2": "Lang-en-sterk-2026!",
        "gemeente": org.gemeente.pk})
    assert antwoord.status_code == 302
    assert User.objects.get(username="nieuwkomer").medewerker.gemeente == org.gemeente
    antwoord = client.post(reverse("admin:auth_user_add"), {
        "username": "indringer", "password1": "Lang-en-sterk-2026!", "password2": "Lang-en-sterk-2026!",
        "gemeente": org.andere_gemeente.pk})
    assert antwoord.status_code == 200 and not User.objects.filter(username="indringer").exists()


def _lidmaatschap_post(team, rijen, *, initieel=0):
    gegevens = {"naam": team.naam, "type": team.type_id, "lidmaatschappen-TOTAL_FORMS": len(rijen),
                "lidmaatschappen-INITIAL_FORMS": initieel, "lidmaatschappen-MIN_NUM_FORMS": 0,
                "lidmaatschappen-MAX_NUM_FORMS": 1000}
    for i, rij in enumerate(rijen):
        gegevens.update({f"lidmaatschappen-{i}-{k}": v for k, v in rij.items()})
    return gegevens


def test_teamlid_toevoegen_en_verwijderen_in_beheer_geeft_en_neemt_toegang(client, org, beheer):
    huishouden = maak_dossier(org, team=org.team_b, door=org.mensen["coordinator_ander_gebied"])
    nieuw = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega")
    url = reverse("admin:wijkteams_team_change", args=[org.team_b.pk])
    bestaand = TeamLidmaatschap.objects.get(team=org.team_b)
    rijen = [{"id": bestaand.pk, "team": org.team_b.pk, "medewerker": bestaand.medewerker_id, "uren_per_week": "16"},
             {"team": org.team_b.pk, "medewerker": nieuw.medewerker.pk, "uren_per_week": "24"}]
    antwoord = client.post(url, _lidmaatschap_post(org.team_b, rijen, initieel=1))
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    assert huishoudens_voor(_vers(nieuw)).filter(pk=huishouden.pk).exists()
    assert AuditEvent.objects.filter(actor=beheer, detail__teamlid_toegevoegd="collega").exists()

    lid = TeamLidmaatschap.objects.get(team=org.team_b, medewerker=nieuw.medewerker)
    rijen = [dict(rijen[0]), {"id": lid.pk, "team": org.team_b.pk, "medewerker": nieuw.medewerker.pk,
                              "uren_per_week": "24", "DELETE": "on"}]
    antwoord = client.post(url, _lidmaatschap_post(org.team_b, rijen, initieel=2))
    assert antwoord.status_code == 302
    assert not huishoudens_voor(_vers(nieuw)).filter(pk=huishouden.pk).exists()
    assert not _vers(nieuw).groups.filter(pk=org.team_b.groep_id).exists()
    assert AuditEvent.objects.filter(actor=beheer, detail__teamlid_verwijderd="collega").exists()


def test_nieuw_team_in_beheer_krijgt_een_groep_via_de_service(client, org, beheer):
    antwoord = client.post(reverse("admin:wijkteams_team_add"), {
        "gemeente": org.gemeente.pk, "gebied": org.gebied_a.pk, "type": org.team_a.type_id, "naam": "Team Nieuw",
        "lidmaatschappen-TOTAL_FORMS": 1, "lidmaatschappen-INITIAL_FORMS": 0,
        "lidmaatschappen-0-medewerker": org.mensen["teamlid"].medewerker.pk, "lidmaatschappen-0-uren_per_week": "8"})
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    team = Team.objects.get(naam="Team Nieuw")
    assert team.groep.name == "team:0597:Team Nieuw"
    assert _vers(org.mensen["teamlid"]).groups.filter(pk=team.groep_id).exists()
    coord = org.mensen["coordinator_eigen_gebied"]
    assert coord.has_perm("wijkteams.view_team", team)


def test_coordinator_in_beheer_geeft_en_neemt_toegang_zoals_de_service(client, org, beheer):
    huishouden = maak_dossier(org, team=org.team_a)
    coord_b = org.mensen["coordinator_ander_gebied"]
    url = reverse("admin:wijkteams_medewerker_change", args=[coord_b.medewerker.pk])
    antwoord = client.post(url, {"uren_per_week": "10", "coordinator_van": [org.gebied_a.pk, org.gebied_b.pk]})
    assert antwoord.status_code == 302, antwoord.content.decode()[:2000]
    assert HuishoudenUserObjectPermission.objects.filter(user=coord_b, content_object=huishouden).exists()
    assert _vers(coord_b).has_perm("wijkteams.view_team", org.team_a)
    antwoord = client.post(url, {"uren_per_week": "10", "coordinator_van": [org.gebied_b.pk]})
    assert antwoord.status_code == 302
    assert not HuishoudenUserObjectPermission.objects.filter(user=coord_b, content_object=huishouden).exists()
    assert not _vers(coord_b).has_perm("wijkteams.view_team", org.team_a)
    assert AuditEvent.objects.filter(actor=beheer, huishouden_id=huishouden.pk, detail__toegang="ingetrokken",
                                     detail__aan="gebruiker:coord_b").exists()


def test_de_services_weigeren_een_beheerder_die_zichzelf_een_rol_geeft(org, beheer):
    from django.core.exceptions import PermissionDenied

    from wijkteams import services

    with pytest.raises(PermissionDenied):
        services.maak_coordinator(medewerker=beheer.medewerker, gebieden=[org.gebied_a], door=beheer)
    with pytest.raises(PermissionDenied):
        services.voeg_teamlid_toe(team=org.team_a, medewerker=beheer.medewerker, door=beheer)
    with pytest.raises(PermissionDenied):
        services.zet_rollen(account=beheer, rollen_namen=[rollen.COORDINATOR], door=beheer)
    with pytest.raises(PermissionDenied):
        services.zet_rollen(account=org.mensen["teamlid"], rollen_namen=[rollen.FUNCTIONEEL_BEHEER], door=beheer)


def test_beheer_schrijft_geen_afwezigheid_en_verwijdert_geen_monitor(client, org, beheer):
    """Read-only in beheer: an absence (else the beheerder names itself substitute of a colleague and reads their
    meldingen; absences go through toegang.melding.services.registreer_afwezigheid) and the monitor's runs,
    actions and imported figures (deleting a finished run changed the baseline of every later monitor)."""
    from datetime import date, timedelta

    from django.utils import timezone

    from monitoring.models import MonitorRun
    from toegang.models import Afwezigheid

    teamlid = org.mensen["teamlid"]
    vandaag = timezone.localdate()
    antwoord = client.post("/beheer/toegang/afwezigheid/add/", {
        "medewerker": teamlid.pk, "van": vandaag, "tot": vandaag + timedelta(days=300), "vervanger": beheer.pk,
        "aangemaakt_door": teamlid.pk})
    assert antwoord.status_code == 403 and not Afwezigheid.objects.exists()
    run = MonitorRun.objects.create(gemeente=org.gemeente, soort="kwartaal", van=date(2026, 1, 1),
                                    tot=date(2026, 3, 31), label="2026-K1", status=MonitorRun.Status.KLAAR)
    assert client.post(f"/beheer/monitoring/monitorrun/{run.pk}/delete/", {"post": "yes"}).status_code == 403
    antwoord = client.post("/beheer/monitoring/monitorrun/", {"action": "delete_selected", "_selected_action": [run.pk],
                                                             "post": "yes"})
    assert antwoord.status_code in (200, 302, 403) and MonitorRun.objects.filter(pk=run.pk).exists()
    for pad in ("monitoring/monitoractie", "monitoring/importwaarde"):
        assert client.get(f"/beheer/{pad}/add/").status_code == 403


def test_wachtwoord_zetten_en_tweestaps_herstellen_vragen_twee_beheerders(client, org, beheer):
    """Four eyes (common.vierogen): one beheerder setting a colleague's password and removing their second factor
    could log in as them. Whoever did one step to the account lately does not do the other; a second beheerder
    does. Setting the password is an audit row."""
    from django.core.exceptions import PermissionDenied
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from inloggen import services as inlog_services

    teamlid = org.mensen["teamlid"]
    TOTPDevice.objects.create(user=teamlid, name="app", confirmed=True)
    nieuw = "Nieuw-wachtwoord-2026!"
    antwoord = client.post(f"/beheer/auth/user/{teamlid.pk}/password/",
                           {"password1": nieuw, "password2": nieuw, "usable_password": "true"})
    assert antwoord.status_code == 302 and _vers(teamlid).check_password(nieuw)
    assert AuditEvent.objects.filter(actor=beheer, object_id=str(teamlid.pk), detail__wachtwoord="gezet door beheer")
    with pytest.raises(PermissionDenied):
        inlog_services.herstel_tweede_factor(door=beheer, gebruiker=teamlid)
    antwoord = client.post(reverse("tweestaps-herstellen", args=[teamlid.pk]), follow=True)
    assert "een andere beheerder" in antwoord.content.decode() and TOTPDevice.objects.filter(user=teamlid).exists()
    tweede = maak_gebruiker(org.gemeente, rollen.FUNCTIONEEL_BEHEER, username="beheer2")
    inlog_services.herstel_tweede_factor(door=tweede, gebruiker=teamlid)
    assert not TOTPDevice.objects.filter(user=teamlid).exists()

    # the other order: the second beheerder, who reset the second factor, does not set the password now
    tweede.is_staff = True
    tweede.save()
    client.force_login(tweede)
    ander = "Ander-wachtwoord-2026!"
    client.post(f"/beheer/auth/user/{teamlid.pk}/password/",
                {"password1": ander, "password2": ander, "usable_password": "true"})
    assert _vers(teamlid).check_password(nieuw) and not _vers(teamlid).check_password(ander)
