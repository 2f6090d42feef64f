"""The makelaar's pages: register volunteers, see open requests with suggestions, propose and record a match;
the plan activity shows its match."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from gemeenschap import koppelvlak, services
from gemeenschap.models import Hulpvraag, Koppeling, Vrijwilliger
from huishoudens import registry
from tests.gemeenschap.factories import VrijwilligerFactory
from wijkteams.models import Wijk

pytestmark = pytest.mark.django_db


def test_makelaar_registreert_vrijwilliger_via_formulier(client, org, makelaar):
    client.force_login(makelaar)
    assert client.get(reverse("gemeenschap:vrijwilliger_nieuw")).status_code == 200
    antwoord = client.post(reverse("gemeenschap:vrijwilliger_nieuw"), {
        "naam": "Joke Maas", "email": "joke@example.org", "telefoon": "06-1", "wijk": org.wijk_a.pk,
        "vaardigheden": ["boodschappen", "vervoer"], "beschikbaarheid": ["ma_ochtend"], "actief": "on"})
    v = Vrijwilliger.objects.get()
    assert antwoord.status_code == 302 and antwoord.url == v.get_absolute_url()
    inhoud = client.get(v.get_absolute_url()).content.decode()
    assert "Joke Maas" in inhoud and "06-1" in inhoud and "Boodschappen doen" in inhoud
    antwoord = client.post(reverse("gemeenschap:vrijwilliger_wijzigen", args=[v.pk]), {
        "naam": "Joke Maas", "wijk": org.wijk_b.pk, "actief": "on"})
    v.refresh_from_db()
    assert antwoord.status_code == 302 and v.wijk == org.wijk_b
    assert "Joke Maas" in client.get(reverse("gemeenschap:vrijwilligers")).content.decode()


def test_onbekende_wijk_en_vog_zonder_datum_op_het_formulier(client, org, makelaar):
    client.force_login(makelaar)
    wijk_ander = Wijk.objects.get(cbs_code="WK048201")
    antwoord = client.post(reverse("gemeenschap:vrijwilliger_nieuw"), {
        "naam": "Joke Maas", "telefoon": "06-99", "wijk": wijk_ander.pk})
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400
    assert "Onbekende wijk: kies een wijk in uw gemeente." in inhoud and "Controleer de volgende gegevens" in inhoud
    assert 'value="06-99"' in inhoud  # nothing typed is lost
    antwoord = client.post(reverse("gemeenschap:vrijwilliger_nieuw"), {
        "naam": "Joke", "wijk": org.wijk_a.pk, "vog_gecontroleerd": "on"})
    assert antwoord.status_code == 400 and "datum van de VOG" in antwoord.content.decode()
    assert not Vrijwilliger.objects.exists()


@pytest.mark.parametrize("wie", ["teamlid", "coordinator_eigen_gebied", "beleidsmedewerker"])
def test_vrijwilligersregister_alleen_voor_de_makelaar(client, org, wie):
    v = VrijwilligerFactory(wijk=org.wijk_a)
    client.force_login(org.mensen[wie])
    assert client.get(reverse("gemeenschap:vrijwilligers")).status_code == 403
    assert client.get(v.get_absolute_url()).status_code == 403


def test_makelaar_van_andere_gemeente_ziet_vrijwilliger_niet(client, org):
    from tests.factories import maak_gebruiker
    from wijkteams import rollen

    v = VrijwilligerFactory(wijk=org.wijk_a)
    client.force_login(maak_gebruiker(org.andere_gemeente, rollen.SOCIAAL_MAKELAAR, username="makelaar2"))
    assert client.get(v.get_absolute_url()).status_code == 404
    assert "Vrijwilliger" not in client.get(reverse("gemeenschap:vrijwilligers")).content.decode().split("<tbody>")[1]


def test_regisseur_vraagt_vrijwilliger_en_makelaar_koppelt(client, org, dossier, makelaar):
    anna = VrijwilligerFactory(naam="Anna Wandel", wijk=org.wijk_a, vaardigheden=["bewegen"],
                               beschikbaarheid=["di_middag"])
    client.force_login(dossier.regisseur)
    pagina = client.get(reverse("gemeenschap:huishouden", args=[dossier.huishouden.pk])).content.decode()
    assert "Vrijwilliger vragen" in pagina
    url = reverse("gemeenschap:hulpvraag_voor_actie", args=[dossier.actie.pk])
    assert client.get(url).status_code == 200
    antwoord = client.post(url, {"wat": "Wekelijks wandelen", "vaardigheden": ["bewegen"], "wanneer": ["di_middag"],
                                 "hoe_vaak": "wekelijks"})
    hv = Hulpvraag.objects.get()
    assert antwoord.status_code == 302 and hv.actie == dossier.actie

    client.force_login(makelaar)
    inhoud = client.get(reverse("gemeenschap:hulpvragen")).content.decode()
    assert "Wekelijks wandelen" in inhoud and "Anna Wandel" in inhoud
    assert "Stel Anna Wandel voor" in client.get(hv.get_absolute_url()).content.decode()
    client.post(reverse("gemeenschap:koppel", args=[hv.pk]), {"vrijwilliger": anna.pk})
    k = Koppeling.objects.get()
    antwoord = client.post(reverse("gemeenschap:koppeling_stap", args=[k.pk]),
                           {"naar": "geaccepteerd", "datum": timezone.localdate().isoformat()})
    assert antwoord.status_code == 302
    k.refresh_from_db()
    assert k.status == Koppeling.Status.GEACCEPTEERD

    client.force_login(dossier.regisseur)
    pagina = client.get(reverse("gemeenschap:huishouden", args=[dossier.huishouden.pk])).content.decode()
    assert "Gekoppeld aan vrijwilliger Anna Wandel" in pagina


def test_stap_met_einde_voor_start_geeft_400_en_nederlandse_fout(client, org, makelaar):
    hv = services.maak_hulpvraag(door=makelaar, wijk=org.wijk_a, bron="bewoner", wat="Klusje")
    k = services.stel_koppeling_voor(hulpvraag=hv, vrijwilliger=VrijwilligerFactory(wijk=org.wijk_a), door=makelaar)
    services.wijzig_koppeling(koppeling=k, naar="geaccepteerd", door=makelaar)
    services.wijzig_koppeling(koppeling=k, naar="gestart", door=makelaar)
    client.force_login(makelaar)
    antwoord = client.post(reverse("gemeenschap:koppeling_stap", args=[k.pk]),
                           {"naar": "beeindigd", "datum": (timezone.localdate() - timedelta(days=3)).isoformat()})
    assert antwoord.status_code == 400
    assert "De einddatum ligt vóór de startdatum." in antwoord.content.decode()
    k.refresh_from_db()
    assert k.status == "gestart" and k.eind is None


def test_losse_hulpvraag_met_formulierfouten(client, org, makelaar):
    client.force_login(makelaar)
    assert client.get(reverse("gemeenschap:hulpvraag_nieuw")).status_code == 200
    antwoord = client.post(reverse("gemeenschap:hulpvraag_nieuw"), {"bron": "bewoner", "wijk": 99999, "wat": "",
                                                                     "hoe_vaak": "wekelijks"})
    assert antwoord.status_code == 400
    inhoud = antwoord.content.decode()
    assert "Onbekende wijk: kies een wijk in uw gemeente." in inhoud
    assert not Hulpvraag.objects.exists()
    antwoord = client.post(reverse("gemeenschap:hulpvraag_nieuw"), {
        "bron": "partner", "aanvrager": "Woonvisie", "wijk": org.wijk_b.pk, "wat": "Tuin opknappen",
        "hoe_vaak": "eenmalig", "vaardigheden": ["tuin"]})
    assert antwoord.status_code == 302 and Hulpvraag.objects.get().wijk == org.wijk_b


def test_teamlid_ziet_eigen_hulpvragen(client, org, dossier):
    services.maak_hulpvraag_voor_actie(door=dossier.regisseur, actie=dossier.actie)
    client.force_login(org.mensen["teamlid"])
    assert dossier.actie.omschrijving in client.get(reverse("gemeenschap:hulpvragen")).content.decode()
    client.force_login(org.mensen["medewerker_ander_team"])
    assert dossier.actie.omschrijving not in client.get(reverse("gemeenschap:hulpvragen")).content.decode()
    assert client.get(reverse("gemeenschap:hulpvraag", args=[Hulpvraag.objects.get().pk])).status_code == 404


def test_hulpvraag_voor_actie_van_ander_team_is_404(client, org, dossier):
    client.force_login(org.mensen["medewerker_ander_team"])
    assert client.get(reverse("gemeenschap:hulpvraag_voor_actie", args=[dossier.actie.pk])).status_code == 404


def test_actie_extra_is_geregistreerd_en_meldt_de_koppeling(org, dossier, makelaar):
    assert koppelvlak.actie_extra in registry.ACTIE_EXTRA
    hv = services.maak_hulpvraag_voor_actie(door=dossier.regisseur, actie=dossier.actie)
    verzoek = RequestFactory().get("/")
    verzoek.user = dossier.regisseur
    assert koppelvlak.actie_extra(verzoek, [dossier.actie]) == {
        dossier.actie.pk: "Hulpvraag ligt bij de sociaal makelaar"}
    k = services.stel_koppeling_voor(hulpvraag=hv, vrijwilliger=VrijwilligerFactory(naam="Bep", wijk=org.wijk_a),
                                     door=makelaar)
    services.wijzig_koppeling(koppeling=k, naar="geaccepteerd", door=makelaar)
    regel = koppelvlak.actie_extra(verzoek, [dossier.actie])[dossier.actie.pk]
    assert regel.startswith("Gekoppeld aan vrijwilliger Bep sinds")
    verzoek.user = org.mensen["teamlid"]  # same team, not the regisseur: no name
    assert koppelvlak.actie_extra(verzoek, [dossier.actie])[dossier.actie.pk].startswith(
        "Gekoppeld aan vrijwilliger een vrijwilliger")


def test_startblok_makelaar(client, org, makelaar):
    services.maak_hulpvraag(door=makelaar, wijk=org.wijk_a, bron="bewoner", wat="Hulp bij de computer")
    client.force_login(makelaar)
    inhoud = client.get(reverse("start")).content.decode()
    assert "Digitale marktplaats" in inhoud and "Hulp bij de computer" in inhoud


def test_queries_marktplaats_groeien_niet_mee(client, org, makelaar, django_assert_max_num_queries):
    def vul(n):
        for i in range(n):
            hv = services.maak_hulpvraag(door=makelaar, wijk=org.wijk_a, bron="bewoner", wat=f"Vraag {i}",
                                         vaardigheden=["tuin"])
            VrijwilligerFactory(wijk=org.wijk_a, vaardigheden=["tuin"])
            if i % 2:
                services.stel_koppeling_voor(hulpvraag=hv, vrijwilliger=VrijwilligerFactory(wijk=org.wijk_b),
                                             door=makelaar)
    vul(2)
    client.force_login(makelaar)
    client.get(reverse("gemeenschap:hulpvragen"))
    with django_assert_max_num_queries(12) as eerste:
        client.get(reverse("gemeenschap:hulpvragen"))
    vul(12)
    with django_assert_max_num_queries(len(eerste.captured_queries)):
        assert client.get(reverse("gemeenschap:hulpvragen")).status_code == 200
