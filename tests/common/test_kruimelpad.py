"""Breadcrumbs (the Utrecht breadcrumb nav, from {% kruimelpad %} in base.html) on every page below the start page:
Start, the menu entry the page sits under, the household of a household's page, and the page itself marked
aria-current="page"."""

import re
from datetime import date

import pytest
from django.urls import reverse

from huishoudens import services
from huishoudens.models import Huishouden, Persoon


def _kruimelpad(html):
    nav = re.search(r'<nav class="utrecht-breadcrumb-nav kruimelpad" aria-label="Kruimelpad">.*?</nav>', html, re.S)
    assert nav, "geen kruimelpad"
    stappen = re.findall(r'<a class="utrecht-breadcrumb-nav__link[^"]*" href="([^"]*)"( aria-current="page")?>'
                         r'([^<]*)</a>', nav.group(0))
    huidig = [s for s in stappen if s[1]]
    assert len(huidig) == 1 and huidig[0] == stappen[-1], "precies de laatste stap is de huidige pagina"
    return [(url, label) for url, _huidig, label in stappen]


@pytest.fixture
def huishouden(org):
    h = Huishouden.objects.create(gemeente=org.gemeente, wijk=org.wijk_a, straat="Kerkweg", huisnummer=1,
                                  postcode="2981 AB", woonplaats="Ridderkerk", naam="Familie Jansen")
    Persoon.objects.create(huishouden=h, voornamen="Jan", achternaam="Jansen", geboortedatum=date(1980, 1, 1))
    services.open_traject(huishouden=h, team=org.team_a, door=None, aangemeld_op=date(2025, 1, 1))
    return h


@pytest.mark.parametrize("wie, urlnaam, sectie", [
    ("teamlid", "toegang:werkvoorraad", None),
    ("teamlid", "huishoudens:mijn", None),
    ("teamlid", "huishoudens:zoeken", None),
    ("teamlid", "toegang:melding_nieuw", None),
    ("coordinator_eigen_gebied", "toegang:maatwerk_werkvoorraad", None),
    ("coordinator_eigen_gebied", "monitoring:dashboard", None),
    ("beleidsmedewerker", "monitoring:dashboard", None),
    ("beheer", "wijkteams:teams", None),
    ("teamlid", "huishoudens:nieuw", ("/huishoudens/", "Mijn huishoudens")),
])
def test_hoofdpaginas_hebben_een_kruimelpad(client, org, wie, urlnaam, sectie):
    client.force_login(org.mensen[wie])
    url = reverse(urlnaam)
    antwoord = client.get(url)
    assert antwoord.status_code == 200
    stappen = _kruimelpad(antwoord.content.decode())
    assert stappen[0] == ("/", "Start")
    assert stappen[-1][0] == url
    titel = re.search(r"<title>(.*?) · ", antwoord.content.decode(), re.S).group(1).strip()
    assert stappen[-1][1] == titel
    assert stappen[1:-1] == ([sectie] if sectie else [])


def test_startpagina_heeft_geen_kruimelpad(client, org):
    client.force_login(org.mensen["teamlid"])
    assert "utrecht-breadcrumb-nav" not in client.get(reverse("start")).content.decode()


def test_paginas_van_een_huishouden_wijzen_naar_het_huishouden(client, org, huishouden, django_assert_max_num_queries):
    client.force_login(org.mensen["teamlid"])
    dossier = reverse("huishoudens:huishouden", args=[huishouden.pk])
    stappen = _kruimelpad(client.get(dossier).content.decode())
    assert [u for u, _l in stappen] == ["/", reverse("huishoudens:mijn"), dossier]
    url = reverse("huishoudens:persoon_toevoegen", args=[huishouden.pk])
    with django_assert_max_num_queries(25):
        antwoord = client.get(url)
    assert antwoord.status_code == 200
    stappen = _kruimelpad(antwoord.content.decode())
    assert stappen[:3] == [("/", "Start"), (reverse("huishoudens:mijn"), "Mijn huishoudens"),
                           (dossier, "Familie Jansen")]
    assert stappen[-1][0] == url and len(stappen) == 4


def test_wie_het_huishouden_niet_mag_zien_krijgt_404_zonder_kruimelpad_naar_het_huishouden(client, org, huishouden):
    client.force_login(org.mensen["medewerker_andere_gemeente"])
    antwoord = client.get(reverse("huishoudens:huishouden", args=[huishouden.pk]))
    assert antwoord.status_code == 404
    assert "Familie Jansen" not in antwoord.content.decode()


def test_anonieme_bezoeker_krijgt_geen_kruimelpad(client, org):
    antwoord = client.get(reverse("login"))
    assert antwoord.status_code == 200
    assert "utrecht-breadcrumb-nav" not in antwoord.content.decode()


def test_foutpagina_heeft_geen_kruimelpad(client, org):
    client.force_login(org.mensen["teamlid"])
    antwoord = client.get("/huishoudens/999999/")
    assert antwoord.status_code == 404
    assert "utrecht-breadcrumb-nav" not in antwoord.content.decode()


@pytest.mark.parametrize("wie", ["teamlid", "coordinator_eigen_gebied", "beleidsmedewerker", "lzn", "beheer",
                                 "sociaal_makelaar", "bestuurstafel"])
def test_elke_menupagina_van_elke_rol_heeft_een_kruimelpad(client, org, wie):
    client.force_login(org.mensen[wie])
    menu = client.get(reverse("start")).context["menu"]
    paginas = [i["url"] for i in menu if i["url"] != reverse("start")]
    assert paginas
    for url in paginas:
        antwoord = client.get(url)
        assert antwoord.status_code == 200, url
        stappen = _kruimelpad(antwoord.content.decode())
        assert stappen[0] == ("/", "Start") and stappen[-1][0] == url, url
