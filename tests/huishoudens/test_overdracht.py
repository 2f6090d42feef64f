"""Handover of regie (single and bulk: fast, audited, moving permissions) and merging duplicate persons."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from huishoudens import rechten, selectors, services
from huishoudens.models import HuishoudenUserObjectPermission, Persoon, RegisseurToewijzing
from tests.factories import TeamTypeFactory, maak_gebruiker, zonder_coordinatorrol
from tests.huishoudens.factories import PersoonFactory, maak_dossier
from wijkteams import rollen
from wijkteams import services as wijkteam_services


@pytest.fixture
def collega(org):
    return maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega", teams=[org.team_a])


def _ziet(user, h):
    return selectors.huishoudens_voor(user).filter(pk=h.pk).exists()


def test_overdracht_via_formulier_verplaatst_rechten(client, org, collega):
    """The old regisseur keeps only their team access; a regisseur from another route loses it."""
    jgt_lid = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="jgt2", teams=[org.team_a_jgt])
    h = maak_dossier(org, team=org.team_a_jgt, regisseur=jgt_lid)
    client.force_login(jgt_lid)
    antwoord = client.post(reverse("huishoudens:regisseur", args=[h.pk]),
                           {"regisseur": org.mensen["teamlid_jgt"].pk, "reden": "Langdurig ziek"})
    assert antwoord.status_code == 302
    assert selectors.huidige_regisseur(h.trajecten.get()) == org.mensen["teamlid_jgt"]
    assert _ziet(jgt_lid, h)  # still via the team group
    regel = AuditEvent.objects.filter(object_type="huishoudens.traject", actie="update").latest("id")
    assert regel.detail["regisseur"] == "teamlid_jgt" and regel.detail["vorige"] == "jgt2"


def test_overdracht_aan_iemand_buiten_het_team_geweigerd_op_formulier(client, org):
    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    client.force_login(org.mensen["teamlid"])
    antwoord = client.post(reverse("huishoudens:regisseur", args=[h.pk]),
                           {"regisseur": org.mensen["medewerker_ander_team"].pk, "reden": "x"})
    assert antwoord.status_code == 400 and "Selecteer een geldige keuze" in antwoord.content.decode()


def _oud_coordinator(org, *, regisseur_van=0):
    """A coördinator of gebied A (made regisseur of ``regisseur_van`` new households there) whose coördinator
    role was then taken away, its coordinator_van rows left (``zonder_coordinatorrol``); the regie stays."""
    oud = maak_gebruiker(org.gemeente, rollen.COORDINATOR, username="oud_coord", coordinator_van=[org.gebied_a])
    huishoudens = [maak_dossier(org, regisseur=oud, door=oud) for _i in range(regisseur_van)]
    oud = zonder_coordinatorrol(oud)
    assert oud.medewerker.coordinator_van.filter(pk=org.gebied_a.pk).exists()
    assert not rollen.is_coordinator_van(oud, org.gebied_a.pk, gemeente_id=org.gemeente.pk)
    return oud, huishoudens


def test_overdracht_zonder_coordinatorrol_telt_coordinator_van_niet(client, org):
    """Single handover: rows in ``coordinator_van`` without the coördinator role (``rollen.is_coordinator_van``)
    do not make someone outside the team regisseur: not in the form's choices, not through the service."""
    oud, _h = _oud_coordinator(org)
    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    traject = h.trajecten.get()
    assert not rechten.mag_regisseur_zijn(traject, oud)
    assert oud not in selectors.mogelijke_regisseurs(traject)
    assert org.mensen["coordinator_eigen_gebied"] in selectors.mogelijke_regisseurs(traject)
    with pytest.raises(PermissionDenied):
        services.wijs_regisseur_toe(traject=traject, regisseur=oud, door=org.mensen["coordinator_eigen_gebied"])
    client.force_login(org.mensen["teamlid"])
    antwoord = client.post(reverse("huishoudens:regisseur", args=[h.pk]), {"regisseur": oud.pk, "reden": "x"})
    assert antwoord.status_code == 400 and "Selecteer een geldige keuze" in antwoord.content.decode()
    assert selectors.huidige_regisseur(traject) == org.mensen["teamlid"]


def test_overdracht_traject_zonder_gebied_aan_coordinator_van_de_gemeente(client, org):
    """Single handover of a traject without gebied: every coördinator of its gemeente coordinates it
    (``rollen.is_coordinator_van``) and may become regisseur; a coördinator of another gemeente may not."""
    zonder_gebied = wijkteam_services.maak_team(gemeente=org.gemeente, gebied=None, naam="Team gemeentebreed",
                                                type=TeamTypeFactory(gemeente=org.gemeente))
    lid = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="lid_breed", teams=[zonder_gebied])
    h = maak_dossier(org, team=zonder_gebied, wijk=org.wijk_b, regisseur=lid, door=lid)
    traject = h.trajecten.get()
    assert traject.gebied_id is None
    coord_b, ander = org.mensen["coordinator_ander_gebied"], org.mensen["coordinator_andere_gemeente"]
    assert rechten.mag_regisseur_zijn(traject, coord_b)
    assert not rechten.mag_regisseur_zijn(traject, ander)
    assert not rechten.mag_regisseur_zijn(traject, org.mensen["teamlid"])
    assert set(selectors.mogelijke_regisseurs(traject)) == {
        lid, coord_b, org.mensen["coordinator_eigen_gebied"]}
    client.force_login(lid)
    antwoord = client.post(reverse("huishoudens:regisseur", args=[h.pk]), {"regisseur": coord_b.pk, "reden": "x"})
    assert antwoord.status_code == 302
    assert selectors.huidige_regisseur(traject) == coord_b
    assert _ziet(coord_b, h)
    assert rechten.herzie_toegang(h, door=None, reden="controle") == (0, 0)


def test_coordinator_als_regisseur_behoudt_toegang_na_overdracht(org):
    coord = org.mensen["coordinator_eigen_gebied"]
    h = maak_dossier(org, regisseur=coord)
    services.wijs_regisseur_toe(traject=h.trajecten.get(), regisseur=org.mensen["teamlid"], door=coord)
    assert _ziet(coord, h)


def test_bulkoverdracht_alles_in_een_keer_met_audit(client, org, collega, django_assert_max_num_queries):
    vertrekker = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="vertrekker", teams=[org.team_a])
    huishoudens = [maak_dossier(org, regisseur=vertrekker) for _i in range(6)]
    ander = maak_dossier(org, regisseur=collega)
    coord = org.mensen["coordinator_eigen_gebied"]
    klein = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="klein", teams=[org.team_a])
    maak_dossier(org, regisseur=klein)
    with django_assert_max_num_queries(24) as weinig:
        services.draag_alle_regie_over(van=klein, naar=[collega, org.mensen["teamlid"]], door=coord, reden="Verlof")
    # set-based: the number of queries does not grow with the number of households
    with django_assert_max_num_queries(len(weinig.captured_queries)):
        aantal = services.draag_alle_regie_over(van=vertrekker, naar=[collega, org.mensen["teamlid"]], door=coord,
                                                reden="Vertrek")
    assert aantal == 6
    nieuwe = [selectors.huidige_regisseur(h.trajecten.get()) for h in huishoudens]
    assert nieuwe.count(collega) == 3 and nieuwe.count(org.mensen["teamlid"]) == 3
    assert selectors.huidige_regisseur(ander.trajecten.get()) == collega
    assert RegisseurToewijzing.objects.filter(regisseur=vertrekker, tot__isnull=True).count() == 0
    assert RegisseurToewijzing.objects.filter(regisseur=vertrekker).count() == 6  # history kept
    assert selectors.tel_mijn_trajecten(vertrekker) == 0
    assert selectors.tel_mijn_trajecten(collega) + selectors.tel_mijn_trajecten(org.mensen["teamlid"]) == 8
    # the user permission rows moved
    assert not HuishoudenUserObjectPermission.objects.filter(user=vertrekker).exists()
    assert HuishoudenUserObjectPermission.objects.filter(user=collega).values("content_object").distinct().count(
    ) == selectors.tel_mijn_trajecten(collega)
    regels = AuditEvent.objects.filter(detail__bulk=True, detail__vorige="vertrekker")
    assert regels.count() == 6 and {r.huishouden_id for r in regels} == {h.pk for h in huishoudens}


def test_bulkoverdracht_via_pagina_en_fouten(client, org, collega):
    vertrekker = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="vertrekker", teams=[org.team_a])
    maak_dossier(org, regisseur=vertrekker)
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    url = reverse("huishoudens:bulk_overdracht")
    antwoord = client.post(url, {"van": vertrekker.pk, "naar": [org.mensen["teamlid_jgt"].pk], "reden": "Ziek"})
    assert antwoord.status_code == 400 and "geen van de gekozen medewerkers" in antwoord.content.decode()
    antwoord = client.post(url, {"van": vertrekker.pk, "naar": [collega.pk], "reden": ""})
    assert antwoord.status_code == 400
    antwoord = client.post(url, {"van": vertrekker.pk, "naar": [collega.pk], "reden": "Ziek"}, follow=True)
    assert "De regie van 1 huishoudens is overgedragen" in antwoord.content.decode()


def test_bulkoverdracht_pagina_biedt_wie_de_dienst_aanneemt(client, org, collega):
    """The bulk page offers as receivers exactly the people the service accepts in the coördinator's scope: team
    members of the teams of their gebieden (and teams without gebied) and coördinatoren by ``wijkteams.rollen``;
    not someone whose coördinator role was taken away (they stay selectable as "van" while they hold regie)."""
    oud, (h,) = _oud_coordinator(org, regisseur_van=1)
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    url = reverse("huishoudens:bulk_overdracht")
    velden = client.get(url).context["form"].fields
    naar, van = set(velden["naar"].queryset), set(velden["van"].queryset)
    assert oud not in naar and oud in van
    assert {collega, org.mensen["teamlid"], org.mensen["teamlid_jgt"], org.mensen["coordinator_eigen_gebied"]} <= naar
    assert org.mensen["medewerker_ander_team"] not in naar and org.mensen["coordinator_ander_gebied"] not in naar
    assert org.mensen["coordinator_andere_gemeente"] not in naar | van

    antwoord = client.post(url, {"van": collega.pk, "naar": [oud.pk], "reden": "Ziek"})
    assert antwoord.status_code == 400 and "Selecteer een geldige keuze" in antwoord.content.decode()
    antwoord = client.post(url, {"van": oud.pk, "naar": [collega.pk], "reden": "Vertrek"}, follow=True)
    assert "De regie van 1 huishoudens is overgedragen" in antwoord.content.decode()
    assert selectors.huidige_regisseur(h.trajecten.get()) == collega

    # a team without gebied: its trajecten are coordinated by every coördinator of the gemeente
    wijkteam_services.maak_team(gemeente=org.gemeente, gebied=None, naam="Team gemeentebreed",
                                type=TeamTypeFactory(gemeente=org.gemeente))
    naar = set(client.get(url).context["form"].fields["naar"].queryset)
    assert org.mensen["coordinator_ander_gebied"] in naar and oud not in naar


def test_bulkoverdracht_buiten_eigen_gebied_geweigerd(org):
    vertrekker = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="vertrekker", teams=[org.team_a])
    maak_dossier(org, regisseur=vertrekker)
    with pytest.raises(PermissionDenied):
        services.draag_alle_regie_over(van=vertrekker, naar=[org.mensen["teamlid"]],
                                       door=org.mensen["coordinator_ander_gebied"], reden="x")
    with pytest.raises(PermissionDenied):
        services.draag_alle_regie_over(van=vertrekker, naar=[org.mensen["teamlid"]], door=org.mensen["teamlid"],
                                       reden="x")


def test_bulkoverdracht_zonder_coordinatorrol_telt_coordinator_van_niet(org):
    """Rows in ``coordinator_van`` without the coördinator role (the role was taken away) coordinate nothing
    (``rollen.is_coordinator_van``): such a user does not hand over, does not receive a traject outside their
    team, and as old regisseur does not keep personal access."""
    oud = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="oud_coord", coordinator_van=[org.gebied_a])
    coord = org.mensen["coordinator_eigen_gebied"]
    h_van_oud = maak_dossier(org, regisseur=oud, door=coord)
    vertrekker = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="vertrekker", teams=[org.team_a])
    h = maak_dossier(org, regisseur=vertrekker, door=coord)
    oud = zonder_coordinatorrol(oud)
    assert oud.medewerker.coordinator_van.filter(pk=org.gebied_a.pk).exists()
    assert not rollen.is_coordinator_van(oud, org.gebied_a.pk, gemeente_id=org.gemeente.pk)

    with pytest.raises(PermissionDenied):
        services.draag_alle_regie_over(van=vertrekker, naar=[org.mensen["teamlid"]], door=oud, reden="Verlof")
    with pytest.raises(ValidationError, match="geen van de gekozen medewerkers"):
        services.draag_alle_regie_over(van=vertrekker, naar=[oud], door=coord, reden="Verlof")
    assert selectors.huidige_regisseur(h.trajecten.get()) == vertrekker

    assert services.draag_alle_regie_over(van=oud, naar=[org.mensen["teamlid"]], door=coord, reden="Vertrek") == 1
    assert selectors.huidige_regisseur(h_van_oud.trajecten.get()) == org.mensen["teamlid"]
    assert not HuishoudenUserObjectPermission.objects.filter(user=oud, content_object=h_van_oud).exists()
    # the permission rows are what the access rule says: reviewing them changes nothing
    assert rechten.herzie_toegang(h_van_oud, door=None, reden="controle") == (0, 0)


def test_bulkoverdracht_traject_zonder_gebied_door_coordinator_van_de_gemeente(org):
    """A traject without gebied (a team without gebied) is coordinated by every coördinator of its gemeente
    (``rollen.is_coordinator_van``): one of them hands it over, also to another coördinator of the gemeente;
    a coördinator of another gemeente does not see it."""
    zonder_gebied = wijkteam_services.maak_team(gemeente=org.gemeente, gebied=None, naam="Team gemeentebreed",
                                                type=TeamTypeFactory(gemeente=org.gemeente))
    vertrekker = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="vertrekker", teams=[zonder_gebied])
    collega = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega_breed", teams=[zonder_gebied])
    h1 = maak_dossier(org, team=zonder_gebied, wijk=org.wijk_a, regisseur=vertrekker, door=vertrekker)
    h2 = maak_dossier(org, team=zonder_gebied, wijk=org.wijk_b, regisseur=vertrekker, door=vertrekker)
    assert h1.trajecten.get().gebied_id is None
    coord, coord_b = org.mensen["coordinator_eigen_gebied"], org.mensen["coordinator_ander_gebied"]
    assert rollen.is_coordinator_van(coord, None, gemeente_id=org.gemeente.pk)

    with pytest.raises(ValidationError, match="geen enkel open traject"):
        services.draag_alle_regie_over(van=vertrekker, naar=[collega],
                                       door=org.mensen["coordinator_andere_gemeente"], reden="Verlof")
    assert services.draag_alle_regie_over(van=vertrekker, naar=[collega, coord_b], door=coord, reden="Verlof") == 2
    assert {selectors.huidige_regisseur(h.trajecten.get()) for h in (h1, h2)} == {collega, coord_b}
    assert not HuishoudenUserObjectPermission.objects.filter(user=vertrekker).exists()
    for h in (h1, h2):
        assert rechten.herzie_toegang(h, door=None, reden="controle") == (0, 0)


def test_samenvoegen_door_coordinator_gelogd(client, org):
    h1 = maak_dossier(org, personen=1)
    h2 = maak_dossier(org, personen=0)
    echt = h1.personen.get()
    dubbel = PersoonFactory(huishouden=h2, voornamen=echt.voornamen, achternaam=echt.achternaam,
                            geboortedatum=echt.geboortedatum, bsn=None)
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    url = reverse("huishoudens:samenvoegen", args=[h1.pk])
    assert dubbel.volledige_naam in client.get(url).content.decode()
    antwoord = client.post(url, {"behouden": echt.pk, "samenvoegen": dubbel.pk, "reden": "Dubbel geregistreerd"})
    assert antwoord.status_code == 302
    dubbel.refresh_from_db()
    assert dubbel.samengevoegd_in == echt
    assert not selectors.personen_van(h2).exists()
    regel = AuditEvent.objects.filter(object_type="huishoudens.persoon", object_id=str(dubbel.pk)).latest("id")
    assert regel.actor_weergave == "coord_a" and regel.detail["samengevoegd_in"] == echt.pk


def test_samenvoegen_controleert_gegevens(org):
    h = maak_dossier(org, personen=2)
    a, b = list(h.personen.all())
    coord = org.mensen["coordinator_eigen_gebied"]
    with pytest.raises(ValidationError, match="verschillend BSN"):
        services.voeg_personen_samen(behouden=a, samenvoegen=b, door=coord)
    with pytest.raises(PermissionDenied):
        services.voeg_personen_samen(behouden=a, samenvoegen=b, door=org.mensen["teamlid"])
    zonder = PersoonFactory(huishouden=h, bsn=None, geboortedatum=a.geboortedatum)
    services.voeg_personen_samen(behouden=zonder, samenvoegen=a, door=coord)
    zonder.refresh_from_db()
    assert zonder.bsn == Persoon.objects.get(pk=a.pk).bsn  # the BSN moved to the kept record
