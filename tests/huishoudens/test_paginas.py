"""Pages render, keep query counts pinned and flat, log one read per view, and bad input gets Dutch messages."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from huishoudens import registry
from huishoudens.models import Huishouden, NetwerkLid
from huishoudens.views.dossier import tab_url
from tests.huishoudens.factories import NetwerkLidFactory, PersoonFactory, maak_dossier


def _meer_data(dossier, n=8):
    """More households for the same people, and more rows under the dossier itself."""
    for _i in range(n):
        maak_dossier(dossier.org, regisseur=dossier.mensen["regisseur"])
    for _i in range(n):
        PersoonFactory(huishouden=dossier.huishouden)
        NetwerkLidFactory(huishouden=dossier.huishouden)


def _tab(tab):
    return lambda d: tab_url(d.huishouden.pk, tab)


TABBLADEN = list(registry.TABBLADEN)
PAGINAS = {
    "huishouden": (lambda d: reverse("huishoudens:huishouden", args=[d.huishouden.pk]), 12),
    **{f"tab_{tab}": (_tab(tab), 12) for tab in TABBLADEN[1:]},
    "mijn": (lambda d: reverse("huishoudens:mijn"), 9),
    "zoeken": (lambda d: reverse("huishoudens:zoeken") + "?naam=Achternaam", 8),
    "gesprek": (lambda d: reverse("huishoudens:gesprek", args=[d.huishouden.pk, d.gesprek.pk]), 13),
    "gesprek_wijzigen": (lambda d: reverse("huishoudens:gesprek_wijzigen", args=[d.huishouden.pk, d.gesprek.pk]), 16),
    "plan": (lambda d: reverse("huishoudens:plan", args=[d.huishouden.pk, d.plan.pk]), 19),
    "start": (lambda d: reverse("start"), 9),
}


@pytest.mark.parametrize("pagina", list(PAGINAS))
def test_queries_vastgepind_en_groeien_niet_mee(client, dossier, pagina, django_assert_max_num_queries, monkeypatch):
    """Pinned for this app's own page; what other apps register is measured below (flat, not pinned)."""
    from huishoudens import registry
    from wijkteams import views as wijkteams_views

    for naam in ("HUISHOUDEN_SECTIES", "HUISHOUDEN_SAMENVATTING", "TIJDLIJN_BRONNEN", "ACTIE_EXTRA"):
        monkeypatch.setattr(registry, naam, [])
    monkeypatch.setattr(wijkteams_views, "STARTBLOKKEN", [b for b in wijkteams_views.STARTBLOKKEN
                                                          if b.__module__ == "huishoudens.views.dossier"])
    url, maximum = PAGINAS[pagina]
    client.force_login(dossier.mensen["regisseur"])
    client.get(url(dossier))
    with django_assert_max_num_queries(maximum) as eerste:
        assert client.get(url(dossier)).status_code == 200
    _meer_data(dossier)
    with django_assert_max_num_queries(len(eerste.captured_queries)):
        assert client.get(url(dossier)).status_code == 200


# With every section and summary provider other apps register. Every tab of the household page at most 12 queries
# in all (session, user, roles, the permission check and the read-log row included; issue 15: was 43, then 28 for
# the one long page): only the current tab's sections run, the summary band is read in the household's own query.
MET_ALLE_ONDERDELEN = {"huishouden": 12, **{f"tab_{tab}": 12 for tab in TABBLADEN[1:]}, "plan": 60, "start": 60}


@pytest.mark.parametrize("pagina", list(MET_ALLE_ONDERDELEN))
def test_met_alle_geregistreerde_onderdelen_groeien_queries_niet_mee(client, dossier, pagina,
                                                                     django_assert_max_num_queries):
    url = PAGINAS[pagina][0]
    client.force_login(dossier.mensen["regisseur"])
    client.get(url(dossier))
    with django_assert_max_num_queries(MET_ALLE_ONDERDELEN[pagina]) as eerste:
        assert client.get(url(dossier)).status_code == 200
    _meer_data(dossier)
    with django_assert_max_num_queries(len(eerste.captured_queries)):
        assert client.get(url(dossier)).status_code == 200


@pytest.mark.parametrize("pagina", ["huishouden", *(f"tab_{tab}" for tab in TABBLADEN[1:]), "gesprek", "plan",
                                    "gesprek_wijzigen"])
def test_een_leesregel_per_paginabezoek(client, dossier, pagina):
    client.force_login(dossier.mensen["teamlid"])
    voor = AuditEvent.objects.filter(actie="read", huishouden_id=dossier.huishouden.pk).count()
    client.get(PAGINAS[pagina][0](dossier))
    regels = AuditEvent.objects.filter(actie="read", huishouden_id=dossier.huishouden.pk)
    assert regels.count() == voor + 1
    nieuwste = regels.order_by("-id").first()
    assert nieuwste.actor_weergave == "teamlid" and nieuwste.object_type == "huishoudens.huishouden"


def test_huishoudpagina_toont_alles_en_maskeert_bsn(client, dossier):
    from huishoudens import registry

    def sectie(request, huishouden):
        return {"titel": "Zelfredzaamheid", "regels": [{"tekst": "ZRM-sectie van " + huishouden.naam}]}

    def bron(huishouden):
        from datetime import date

        return [{"datum": date(2026, 1, 2), "soort": "Melding", "omschrijving": "Melding via huisarts", "url": None}]

    registry.HUISHOUDEN_SECTIES.append(sectie)
    registry.TIJDLIJN_BRONNEN.append(bron)
    try:
        client.force_login(dossier.mensen["teamlid"])
        overzicht = client.get(dossier.huishouden.get_absolute_url()).content.decode()
        personen, plan, tijdlijn = [client.get(tab_url(dossier.huishouden.pk, tab)).content.decode()
                                    for tab in ("personen", "plan", "tijdlijn")]
    finally:
        registry.HUISHOUDEN_SECTIES.remove(sectie)
        registry.TIJDLIJN_BRONNEN.remove(bron)
    persoon = dossier.huishouden.personen.first()
    for inhoud in (overzicht, personen, plan, tijdlijn):
        assert persoon.bsn not in inhoud
    assert f"*****{persoon.bsn[-4:]}" in personen
    assert "Familie Öztürk-Jansen" in overzicht and "Buurvrouw Ans" in personen
    assert "(minderjarig)" in personen  # the third person is a child
    assert "ZRM-sectie van Familie Öztürk-Jansen" in overzicht  # a section without a tab: on the first one
    assert "Melding via huisarts" in tijdlijn and "Keukentafelgesprek (Concept)" in tijdlijn
    assert "Regisseur: Test regisseur" in tijdlijn


@pytest.mark.parametrize("tab", TABBLADEN)
def test_elk_tabblad_een_eigen_adres_met_de_tabbladen_als_links_en_de_samenvatting(client, dossier, tab):
    """Tabs without JavaScript: a nav of links, the current one aria-current, the summary band on every tab."""
    import re

    client.force_login(dossier.mensen["teamlid"])
    url = tab_url(dossier.huishouden.pk, tab)
    html = client.get(url).content.decode()
    nav = re.search(r'<nav class="tabbladen".*?</nav>', html, re.S).group(0)
    assert re.findall(r'href="([^"]+)"', nav) == [tab_url(dossier.huishouden.pk, t) for t in TABBLADEN]
    assert re.findall(r'<a [^>]*href="([^"]+)" aria-current="page"', nav) == [url]
    assert '<section class="samenvatting"' in html and "Regisseur" in html and "Open termijnen" in html
    assert tab_url(dossier.huishouden.pk, "overzicht") == dossier.huishouden.get_absolute_url()


@pytest.mark.parametrize("tab", TABBLADEN)
@pytest.mark.parametrize("wie", ["medewerker_ander_team", "medewerker_andere_gemeente", "beleidsmedewerker"])
def test_elk_tabblad_404_voor_wie_het_huishouden_niet_mag_zien(client, dossier, tab, wie):
    client.force_login(dossier.mensen[wie])
    antwoord = client.get(tab_url(dossier.huishouden.pk, tab))
    assert antwoord.status_code == 404 and "Öztürk" not in antwoord.content.decode()


def test_onbekend_tabblad_404(client, dossier):
    client.force_login(dossier.mensen["teamlid"])
    assert client.get(f"{dossier.huishouden.get_absolute_url()}bestaat-niet/").status_code == 404


def test_bsn_tonen_wordt_gelogd(client, dossier):
    persoon = dossier.huishouden.personen.first()
    client.force_login(dossier.mensen["teamlid"])
    antwoord = client.post(reverse("huishoudens:toon_bsn", args=[dossier.huishouden.pk, persoon.pk]))
    assert persoon.bsn in antwoord.content.decode()
    regel = AuditEvent.objects.filter(object_type="huishoudens.persoon", object_id=str(persoon.pk)).latest("id")
    assert regel.actie == "read" and regel.detail == {"bsn": "getoond"} and regel.huishouden_id == persoon.huishouden_id


def test_wie_bekeek_toont_lezers_uit_het_logboek(client, dossier):
    client.force_login(dossier.mensen["teamlid"])
    client.get(dossier.huishouden.get_absolute_url())
    client.force_login(dossier.mensen["regisseur"])
    inhoud = client.get(reverse("huishoudens:wie_bekeek", args=[dossier.huishouden.pk])).content.decode()
    assert "teamlid" in inhoud and "regisseur" in inhoud


def test_mijn_huishoudens_met_evaluatiedatum_en_telling(client, dossier, django_assert_max_num_queries):
    from datetime import date

    from huishoudens.models import Traject

    Traject.objects.filter(pk=dossier.traject.pk).update(volgende_evaluatie=date(2026, 3, 1))
    client.force_login(dossier.mensen["regisseur"])
    inhoud = client.get(reverse("huishoudens:mijn")).content.decode()
    assert "Familie Öztürk-Jansen" in inhoud and "1 maart 2026" in inhoud
    assert "regisseur van 1 huishouden" in inhoud
    start = client.get(reverse("start")).content.decode()
    assert "Mijn huishoudens" in start and reverse("huishoudens:mijn") in start


def test_snelle_telling_klopt_met_guardian(dossier):
    from huishoudens import selectors

    maak_dossier(dossier.org)  # team A, so teamlid sees it through the group
    maak_dossier(dossier.org, team=dossier.org.team_b)
    for wie in ("teamlid", "regisseur", "coordinator_eigen_gebied", "medewerker_ander_team", "beleidsmedewerker"):
        user = dossier.mensen[wie]
        assert selectors.tel_huishoudens_voor(user) == selectors.huishoudens_voor(user).count(), wie


def test_zoeken_op_naam_postcode_geboortedatum_en_bsn(client, dossier):
    client.force_login(dossier.mensen["teamlid"])
    persoon = dossier.huishouden.personen.first()
    anders = maak_dossier(dossier.org, team=dossier.org.team_b)  # invisible to teamlid
    for query in (f"naam={persoon.achternaam}", "postcode=2981ab", f"geboortedatum={persoon.geboortedatum}",
                  f"bsn={persoon.bsn}", "adres=Kerkweg"):
        inhoud = client.get(reverse("huishoudens:zoeken") + "?" + query).content.decode()
        assert "Familie Öztürk-Jansen" in inhoud, query
        assert anders.naam not in inhoud, query


def test_zoeken_met_ongeldig_bsn_geeft_400_met_melding(client, dossier):
    client.force_login(dossier.mensen["teamlid"])
    antwoord = client.get(reverse("huishoudens:zoeken") + "?bsn=123456789")
    assert antwoord.status_code == 400 and "elfproef" in antwoord.content.decode()


def test_eerst_zoeken_dan_registreren_toont_open_traject_en_regisseur(client, dossier):
    persoon = dossier.huishouden.personen.first()
    client.force_login(dossier.mensen["medewerker_ander_team"])  # may not open it, but must learn it exists
    inhoud = client.get(reverse("huishoudens:nieuw") + f"?bsn={persoon.bsn}").content.decode()
    assert "Een huishouden waar u geen toegang toe hebt" in inhoud
    assert dossier.org.team_a.naam in inhoud and "Test regisseur" in inhoud
    assert persoon.achternaam not in inhoud  # no personal data of a household the user may not see
    assert "Huishouden registreren" not in inhoud


def test_nieuw_huishouden_registreren(client, org):
    client.force_login(org.mensen["teamlid"])
    inhoud = client.get(reverse("huishoudens:nieuw") + "?postcode=2981XY&huisnummer=4").content.decode()
    assert "Niets gevonden" in inhoud
    antwoord = client.post(reverse("huishoudens:nieuw"), {
        "naam": "Familie de Wit", "straat": "Dorpsstraat", "huisnummer": 4, "postcode": "2981xy",
        "woonplaats": "Ridderkerk", "wijk": org.wijk_a.pk, "samenstelling": "alleenstaand", "team": org.team_a.pk,
        "voornamen": "Anna", "achternaam": "de Wit", "geboortedatum": "1950-02-03", "bsn": "999900006",
        "regisseur_worden": "on"})
    h = Huishouden.objects.get(naam="Familie de Wit")
    assert antwoord.status_code == 302 and antwoord["Location"] == h.get_absolute_url()
    assert h.postcode == "2981 XY" and h.personen.get().bsn == "999900006"
    assert client.get(h.get_absolute_url()).status_code == 200


def test_nieuw_huishouden_met_fout_bsn_houdt_invoer(client, org):
    client.force_login(org.mensen["teamlid"])
    antwoord = client.post(reverse("huishoudens:nieuw"), {
        "naam": "Familie Fout", "straat": "Dorpsstraat", "huisnummer": 4, "postcode": "2981XY",
        "woonplaats": "Ridderkerk", "wijk": org.wijk_a.pk, "samenstelling": "alleenstaand", "team": org.team_a.pk,
        "voornamen": "Anna", "achternaam": "de Wit", "geboortedatum": "1950-02-03", "bsn": "123456789"})
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 400 and "elfproef" in inhoud and "Controleer de volgende gegevens" in inhoud
    assert 'value="Familie Fout"' in inhoud and not Huishouden.objects.filter(naam="Familie Fout").exists()


def test_nieuw_huishouden_in_ander_team_geweigerd(client, org):
    client.force_login(org.mensen["teamlid"])
    antwoord = client.post(reverse("huishoudens:nieuw"), {
        "naam": "Familie X", "straat": "Dorpsstraat", "huisnummer": 5, "postcode": "2981XY",
        "woonplaats": "Ridderkerk", "wijk": org.wijk_a.pk, "samenstelling": "alleenstaand", "team": org.team_b.pk,
        "voornamen": "A", "achternaam": "X", "geboortedatum": "1950-02-03"})
    assert antwoord.status_code == 400 and not Huishouden.objects.filter(naam="Familie X").exists()


@pytest.mark.parametrize(("naam", "data", "tekst"), [
    ("persoon_toevoegen", {"voornamen": "Kees", "achternaam": "Jansen", "geboortedatum": "2012-01-01",
                           "rol": "kind", "is_mantelzorger": "", "doet_vrijwilligerswerk": "on"}, "Kees Jansen"),
    ("netwerk_toevoegen", {"naam": "Tante Riet", "soort": "familie", "wat_kan": "Koken"}, "Tante Riet"),
    ("ondersteuning_toevoegen", {"omschrijving": "Thuiszorg", "aanbieder": "Aafje"}, "Thuiszorg"),
    ("wijzigen", None, "Familie Nieuw"),
])
def test_formulieren_slaan_op(client, dossier, naam, data, tekst):
    h = dossier.huishouden
    if data is None:
        data = {"naam": "Familie Nieuw", "straat": h.straat, "huisnummer": h.huisnummer, "postcode": h.postcode,
                "woonplaats": h.woonplaats, "wijk": h.wijk_id, "samenstelling": "gezin"}
    client.force_login(dossier.mensen["teamlid"])
    assert client.get(reverse(f"huishoudens:{naam}", args=[h.pk])).status_code == 200
    antwoord = client.post(reverse(f"huishoudens:{naam}", args=[h.pk]), data)
    assert antwoord.status_code == 302
    # back to the tab where the change shows
    assert antwoord["Location"] == tab_url(h.pk, "overzicht" if naam == "wijzigen" else "personen")
    assert tekst in client.get(tab_url(h.pk, "personen")).content.decode()


def test_persoon_wijzigen_en_relatie(client, dossier):
    h = dossier.huishouden
    a, b = list(h.personen.all()[:2])
    client.force_login(dossier.mensen["teamlid"])
    url = reverse("huishoudens:persoon_wijzigen", args=[h.pk, a.pk])
    antwoord = client.post(url, {"voornamen": a.voornamen, "achternaam": a.achternaam, "geboortedatum": "1970-05-17",
                                 "rol": "hoofdbewoner", "bsn": b.bsn, "is_mantelzorger": "on",
                                 "mantelzorger_voor": "Moeder"})
    assert antwoord.status_code == 400 and "al een persoon met dit BSN" in antwoord.content.decode()
    antwoord = client.post(url, {"voornamen": a.voornamen, "achternaam": a.achternaam, "geboortedatum": "1970-05-17",
                                 "rol": "hoofdbewoner", "bsn": a.bsn, "is_mantelzorger": "on",
                                 "mantelzorger_voor": "Moeder"})
    assert antwoord.status_code == 302
    a.refresh_from_db()
    assert a.is_mantelzorger and a.mantelzorger_voor == "Moeder"
    antwoord = client.post(reverse("huishoudens:relatie_toevoegen", args=[h.pk]),
                           {"van": a.pk, "soort": "partner", "naar": b.pk})
    assert antwoord.status_code == 302
    assert "partner van" in client.get(tab_url(h.pk, "personen")).content.decode()


def test_leeg_formulier_geeft_foutoverzicht(client, dossier):
    client.force_login(dossier.mensen["teamlid"])
    antwoord = client.post(reverse("huishoudens:netwerk_toevoegen", args=[dossier.huishouden.pk]), {})
    assert antwoord.status_code == 400
    assert "Controleer de volgende gegevens" in antwoord.content.decode()
    assert NetwerkLid.objects.filter(huishouden=dossier.huishouden).count() == 1


def test_status_afsluiten_heropenen_via_formulieren(client, dossier):
    h = dossier.huishouden
    client.force_login(dossier.mensen["regisseur"])
    assert client.post(reverse("huishoudens:status", args=[h.pk]), {"naar": "uitvoering"}).status_code == 400
    assert client.post(reverse("huishoudens:afsluiten", args=[h.pk]), {"reden": ""}).status_code == 400
    antwoord = client.post(reverse("huishoudens:afsluiten", args=[h.pk]), {
        "reden": "doelen_bereikt", "vervolgdatum": "2026-06-01", "reden_geen_eindmeting": "Verhuisd"})
    assert antwoord.status_code == 302
    dossier.traject.refresh_from_db()
    assert dossier.traject.status == "afgesloten" and dossier.traject.reden_geen_eindmeting == "Verhuisd"
    # access of the team stays: the history is readable
    client.force_login(dossier.mensen["teamlid"])
    inhoud = client.get(h.get_absolute_url()).content.decode()
    assert "geen open traject" in inhoud
    assert client.post(reverse("huishoudens:heropenen", args=[h.pk]), {"reden": "Terugval"}).status_code == 302
    dossier.traject.refresh_from_db()
    assert dossier.traject.status == "heropend"


def test_sociale_kaart_zoeken(client, dossier, aanbod):
    from tests.huishoudens.factories import AanbodFactory

    AanbodFactory(wijk=dossier.org.wijk_b, naam="Inloop Centrum", soort="algemene_voorziening")
    client.force_login(dossier.mensen["teamlid"])
    inhoud = client.get(reverse("wijkteams:sociale_kaart") + f"?wijk={dossier.org.wijk_a.pk}").content.decode()
    assert "Schuldhulpmaatje Ridderkerk" in inhoud and "Inloop Centrum" not in inhoud
    inhoud = client.get(reverse("wijkteams:sociale_kaart") + "?tekst=inloop").content.decode()
    assert "Inloop Centrum" in inhoud and "Schuldhulpmaatje" not in inhoud
    client.force_login(dossier.mensen["medewerker_andere_gemeente"])
    assert "Schuldhulpmaatje" not in client.get(reverse("wijkteams:sociale_kaart")).content.decode()


def test_persoon_wijzigen_toont_bsn_nooit_voluit_en_behoudt_het(client, dossier):
    persoon = dossier.huishouden.personen.order_by("id").first()
    url = reverse("huishoudens:persoon_wijzigen", args=[dossier.huishouden.pk, persoon.pk])
    client.force_login(dossier.mensen["teamlid"])
    inhoud = client.get(url).content.decode()
    assert persoon.bsn not in inhoud and persoon.bsn_gemaskeerd in inhoud
    antwoord = client.post(url, {"voornamen": "Nieuwe", "achternaam": persoon.achternaam, "rol": "hoofdbewoner",
                                 "geboortedatum": persoon.geboortedatum.isoformat(), "bsn": ""})
    assert antwoord.status_code == 302
    bsn = persoon.bsn
    persoon.refresh_from_db()
    assert persoon.voornamen == "Nieuwe" and persoon.bsn == bsn


def test_minderjarigen_uit_geboortedatum(dossier, org):
    from datetime import date, timedelta

    from huishoudens import selectors

    assert selectors.heeft_minderjarigen(dossier.huishouden)  # the third person is a child
    zonder = maak_dossier(org, personen=2)
    assert not selectors.heeft_minderjarigen(zonder)
    kind = dossier.huishouden.personen.get(rol="kind")
    g = kind.geboortedatum
    assert kind.is_minderjarig() and not kind.is_minderjarig(op=date(g.year + 18, g.month, g.day))
    assert kind.is_minderjarig(op=date(g.year + 18, g.month, g.day) - timedelta(days=1))


def test_evaluatie_te_laat_of_binnenkort_staat_als_termijn_in_de_samenvatting(client, dossier):
    """An overdue evaluation is an open deadline on every tab (the werkvoorraad counts it as one too)."""
    import datetime

    from django.utils import timezone

    traject = dossier.huishouden.trajecten.get()
    client.force_login(dossier.mensen["teamlid"])
    traject.volgende_evaluatie = timezone.localdate() + datetime.timedelta(days=60)
    traject.save(update_fields=["volgende_evaluatie"])
    html = client.get(tab_url(dossier.huishouden.pk, "overzicht")).content.decode()
    assert "Evaluatie van het plan" not in html and "Op tijd" in html
    traject.volgende_evaluatie = timezone.localdate() - datetime.timedelta(days=3)
    traject.save(update_fields=["volgende_evaluatie"])
    for tab in TABBLADEN:
        html = client.get(tab_url(dossier.huishouden.pk, tab)).content.decode()
        band = html.split('<section class="samenvatting"', 1)[1].split("</section>", 1)[0]
        assert "Evaluatie van het plan" in band and "Te laat" in band and "(3 dagen)" in band, tab
