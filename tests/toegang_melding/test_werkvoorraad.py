"""THE werkvoorraad: views per professional / team / gebied, deadlines at a glance, filters, fixed queries,
bulk reassignment by the coördinator, achtervang."""

from datetime import datetime, time, timedelta

import pytest
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from huishoudens import selectors
from huishoudens.models import Traject
from tests.factories import maak_gebruiker
from tests.toegang_melding.factories import maak_huishouden, melding
from toegang.melding import selectors as melding_selectors
from toegang.melding import services
from toegang.models import Melding
from wijkteams import rollen

pytestmark = pytest.mark.django_db
DRIE = ["financien", "opvoeding", "huisvesting"]
URL = "/toegang/werkvoorraad/"


def _verschuif(m, dagen_geleden):
    """Pretend the melding came in ``dagen_geleden`` calendar days ago (at noon, Dutch time: "now minus n x 24
    hours" fell on another local date when daylight saving time lay between, 22:00-23:00 UTC in winter)."""
    ontvangen = timezone.make_aware(datetime.combine(timezone.localdate() - timedelta(days=dagen_geleden), time(12)))
    Melding.objects.filter(pk=m.pk).update(ontvangen_op=ontvangen,
                                           onderzoek_uiterlijk=timezone.localdate(ontvangen) + timedelta(weeks=6))


def test_werkvoorraad_toont_te_laat_en_binnen_een_week_met_tekst(client, org):
    teamlid = org.mensen["teamlid_jgt"]
    te_laat = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=DRIE)
    bijna = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=DRIE)
    _verschuif(te_laat, 45)
    _verschuif(bijna, 38)
    client.force_login(teamlid)
    inhoud = client.get(URL).content.decode()
    assert te_laat.ontvangstnummer in inhoud and bijna.ontvangstnummer in inhoud
    assert "Te laat (3 dagen)" in inhoud and "Binnen een week" in inhoud
    assert "Onderzoek te laat: 1" in inhoud and "Nieuw, op te pakken: 2" in inhoud
    # filter on due: only the overdue one
    inhoud = client.get(URL, {"termijn": "te_laat"}).content.decode()
    assert te_laat.ontvangstnummer in inhoud and bijna.ontvangstnummer not in inhoud
    # the start page shows the block
    start = client.get(reverse("start")).content.decode()
    assert "1 te laat" in start and "Naar de werkvoorraad" in start


def test_eigen_huishoudens_met_evaluatie(client, org):
    teamlid = org.mensen["teamlid"]
    m = melding(maak_huishouden(org.wijk_a), leefgebieden=["financien", "huisvesting"])
    services.pak_melding_op(melding=m, door=teamlid)
    m.traject.volgende_evaluatie = timezone.localdate() - timedelta(days=2)
    m.traject.save()
    client.force_login(teamlid)
    inhoud = client.get(URL).content.decode()
    assert "Mijn huishoudens" in inhoud and m.huishouden.naam in inhoud and "Evaluatie te laat: 1" in inhoud
    # someone from another team does not see it in any view
    client.force_login(org.mensen["medewerker_ander_team"])
    for weergave in ("mijn", "team", "gebied"):
        assert m.huishouden.naam not in client.get(URL, {"weergave": weergave}).content.decode()


def test_filters_leefgebied_wijk_status_en_zoeken(client, org):
    a = melding(maak_huishouden(org.wijk_a), leefgebieden=["financien"])
    b = melding(maak_huishouden(org.wijk_a), leefgebieden=["justitie"])
    client.force_login(org.mensen["teamlid"])
    inhoud = client.get(URL, {"weergave": "team", "leefgebied": "justitie"}).content.decode()
    assert b.ontvangstnummer in inhoud and a.ontvangstnummer not in inhoud
    inhoud = client.get(URL, {"weergave": "team", "zoek": a.ontvangstnummer}).content.decode()
    assert a.ontvangstnummer in inhoud and b.ontvangstnummer not in inhoud
    inhoud = client.get(URL, {"weergave": "team", "wijk": org.wijk_b.pk}).content.decode()
    assert a.ontvangstnummer not in inhoud
    for hsorteer in ("-evaluatie", "aangemeld", "-aangemeld", "onzin"):
        assert client.get(URL, {"weergave": "team", "hsorteer": hsorteer}).status_code == 200
    inhoud = client.get(URL, {"weergave": "team", "status": "afgehandeld", "sorteer": "-ontvangen"}).content.decode()
    assert a.ontvangstnummer not in inhoud
    # nonsense in the filters is ignored, never a 500
    assert client.get(URL, {"team": "x", "wijk": "'; drop", "pagina": "999"}).status_code == 200


def test_coordinator_ziet_gebied_en_herverdeelt_in_bulk(client, org):
    coord = org.mensen["coordinator_eigen_gebied"]
    eigen = [melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=DRIE) for _ in range(2)]
    ander = melding(maak_huishouden(org.wijk_b), leefgebieden=DRIE)
    client.force_login(coord)
    inhoud = client.get(URL).content.decode()
    assert all(m.ontvangstnummer in inhoud for m in eigen) and ander.ontvangstnummer not in inhoud
    assert "Herverdelen" in inhoud
    antwoord = client.post(reverse("toegang:werkvoorraad_herverdelen"),
                           {"melding": [m.pk for m in eigen], "aan": org.mensen["teamlid_jgt"].pk}, follow=True)
    assert "2 meldingen" in antwoord.content.decode()
    assert set(Melding.objects.filter(pk__in=[m.pk for m in eigen]).values_list("behandelaar", flat=True)) == {
        org.mensen["teamlid_jgt"].pk}
    # a melding from another gebied is refused, nothing changes
    antwoord = client.post(reverse("toegang:werkvoorraad_herverdelen"),
                           {"melding": [ander.pk], "aan": org.mensen["teamlid_jgt"].pk}, follow=True)
    ander.refresh_from_db()
    assert ander.behandelaar is None and "geen coördinator" in antwoord.content.decode()
    # households too
    services.pak_melding_op(melding=eigen[0], door=org.mensen["teamlid_jgt"])
    collega = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega", teams=[org.team_a_jgt])
    client.post(reverse("toegang:werkvoorraad_herverdelen"), {"traject": [eigen[0].traject_id], "aan": collega.pk})
    assert selectors.huidige_regisseur(eigen[0].traject) == collega


def test_herverdelen_biedt_de_actieve_leden_van_de_teams_van_het_gebied(org):
    """The candidates the form offers (read with the teams) are the ones the reassignment accepts: every active
    member of a team of the coördinator's gebieden once, no inactive account, nobody of another gebied's team."""
    vertrokken = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="vertrokken", teams=[org.team_a])
    vertrokken.is_active = False
    vertrokken.save()
    dubbel = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="twee-teams", teams=[org.team_a, org.team_a_jgt])
    bereik = melding_selectors.bereik_van(org.mensen["coordinator_eigen_gebied"])
    getoond = [pk for pk, _naam in melding_selectors.kandidaten_van(bereik)]
    assert getoond == list(melding_selectors.herverdeel_kandidaten(bereik).values_list("pk", flat=True))
    assert getoond.count(dubbel.pk) == 1 and org.mensen["teamlid"].pk in getoond
    assert vertrokken.pk not in getoond and org.mensen["medewerker_ander_team"].pk not in getoond


def test_medewerker_kan_niet_herverdelen(client, org):
    m = melding(maak_huishouden(org.wijk_a), leefgebieden=DRIE)
    client.force_login(org.mensen["teamlid"])
    assert client.post(reverse("toegang:werkvoorraad_herverdelen"),
                       {"melding": [m.pk], "aan": org.mensen["teamlid"].pk}).status_code == 403


def test_achtervang_werk_van_afwezige_collega_staat_bij_vervanger(client, org):
    teamlid = org.mensen["teamlid"]
    collega = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="collega", teams=[org.team_a])
    m = melding(maak_huishouden(org.wijk_a), door=teamlid)  # enkelvoudig, with teamlid
    vandaag = timezone.localdate()
    client.force_login(collega)
    assert m.ontvangstnummer not in client.get(URL).content.decode()
    services.registreer_afwezigheid(medewerker=teamlid, van=vandaag, tot=vandaag + timedelta(days=3),
                                    vervanger=collega, door=teamlid)
    assert m.ontvangstnummer in client.get(URL).content.decode()


def test_aantal_queries_groeit_niet_mee_met_het_aantal_meldingen(client, org, django_assert_num_queries):
    coord = org.mensen["coordinator_eigen_gebied"]
    teamlid = org.mensen["teamlid_jgt"]
    for _ in range(2):
        m = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=DRIE)
        services.pak_melding_op(melding=m, door=teamlid)
    # pinned (issue 15: at most 12): session, user with medewerker, roles and groups, absences, teams (the filter
    # options too; for a coördinator with the members to reassign to), wijken, 2 lists with their totals,
    # regisseurs, both counts in one round trip; the coördinator adds gebieden; +1 for the read log (one INSERT)
    for wie, aantal in ((teamlid, 11), (coord, 12)):
        client.force_login(wie)
        client.get(URL)
        with django_assert_num_queries(aantal):
            assert client.get(URL).status_code == 200
        for _ in range(12):
            m = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=DRIE)
            services.pak_melding_op(melding=m, door=teamlid)
            melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=["financien"])
        with django_assert_num_queries(aantal):
            assert client.get(URL).status_code == 200


def test_sorteren_op_termijn_en_ontvangst_en_pagineren(client, org):
    oud = melding(maak_huishouden(org.wijk_a), leefgebieden=["financien"])
    nieuw = melding(maak_huishouden(org.wijk_a), leefgebieden=["financien"])
    _verschuif(oud, 40)
    client.force_login(org.mensen["teamlid"])
    inhoud = client.get(URL, {"weergave": "team", "sorteer": "termijn"}).content.decode()
    assert inhoud.index(oud.ontvangstnummer) < inhoud.index(nieuw.ontvangstnummer)
    inhoud = client.get(URL, {"weergave": "team", "sorteer": "-termijn"}).content.decode()
    assert inhoud.index(nieuw.ontvangstnummer) < inhoud.index(oud.ontvangstnummer)
    for _ in range(25):
        melding(maak_huishouden(org.wijk_a), leefgebieden=["financien"])
    inhoud = client.get(URL, {"weergave": "team", "sorteer": "termijn"}).content.decode()
    assert "Pagina 1 van 2" in inhoud and oud.ontvangstnummer in inhoud
    inhoud = client.get(URL, {"weergave": "team", "sorteer": "termijn", "pagina": 2}).content.decode()
    assert "Pagina 2 van 2" in inhoud and oud.ontvangstnummer not in inhoud


def test_onderzoekstermijn_telt_alleen_zolang_het_traject_geen_plan_heeft(client, org):
    """The summary reads the traject's phase through a join on the trajecten without a plan only
    (termijnen.met_traject_zonder_plan): the same figure as the list's own rule, per phase."""
    teamlid = org.mensen["teamlid_jgt"]
    te_laat = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=DRIE)
    services.pak_melding_op(melding=te_laat, door=teamlid)  # the regisseur a traject past its intake needs
    _verschuif(te_laat, 45)
    te_laat.refresh_from_db()
    assert te_laat.traject_id is not None and te_laat.status == "in_behandeling"
    client.force_login(teamlid)
    for status in Traject.Status.values:
        Traject.objects.filter(pk=te_laat.traject_id).update(
            status=status, afgesloten_op=timezone.localdate() if status == "afgesloten" else None)
        verwacht = int(status in Traject.ZONDER_PLAN)
        inhoud = client.get(URL, {"weergave": "team"}).content.decode()
        assert f"Onderzoek te laat: {verwacht}" in inhoud, status
        assert f"Te laat ({verwacht})" in inhoud, status  # the termijn filter's option count
        # the list's own filter agrees
        lijst = client.get(URL, {"weergave": "team", "termijn": "te_laat"}).content.decode()
        assert (te_laat.ontvangstnummer in lijst) == bool(verwacht), status
    # the partial index the join reads holds exactly those phases
    index = next(i for i in Traject._meta.indexes if i.name == "traject_zonder_plan_idx")
    assert index.condition == Q(status__in=list(Traject.ZONDER_PLAN))
