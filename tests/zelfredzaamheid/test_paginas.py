"""The ZRM pages: who may see them, the scoring form with its Dutch errors, the household section, the chart,
the goal ↔ domain link, and pinned query counts."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from huishoudens import registry
from zelfredzaamheid.models import DoelDomein, Domein, Meting

from .factories import meting


def formdata(persoon, *, datum="2025-03-01", actie="definitief", standaard="3", **per_code):
    data = {"persoon": persoon.pk, "datum": datum, "soort": "intake", "client_akkoord": "ja", "actie": actie}
    for d in Domein.objects.filter(versie__code="2017"):
        data[f"domein_{d.code}"] = per_code.get(d.code, standaard)
    return data


WIE = [
    ("teamlid", 200),
    ("coordinator_eigen_gebied", 200),
    ("medewerker_ander_team", 404),
    ("coordinator_ander_gebied", 404),
    ("beleidsmedewerker", 404),
    ("lzn", 404),
    ("beheer", 404),
    ("medewerker_andere_gemeente", 404),
]


@pytest.mark.parametrize(("wie", "verwacht"), WIE)
def test_paginas_alleen_voor_wie_aan_het_huishouden_werkt(client, dossier, doel, wie, verwacht):
    m = meting(dossier.jan, dossier.mensen["teamlid"])
    client.force_login(dossier.mensen[wie])
    urls = [
        reverse("zelfredzaamheid:huishouden", args=[dossier.huishouden.pk]),
        reverse("zelfredzaamheid:meting_nieuw", args=[dossier.huishouden.pk]),
        reverse("zelfredzaamheid:meting", args=[m.pk]),
        reverse("zelfredzaamheid:meting_corrigeer", args=[m.pk]),
        reverse("zelfredzaamheid:grafiek", args=[dossier.jan.pk]),
        reverse("zelfredzaamheid:doel_domeinen", args=[doel.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == verwacht, url
    assert client.post(reverse("zelfredzaamheid:meting_nieuw", args=[dossier.huishouden.pk]),
                       formdata(dossier.jan)).status_code in ({200: 302}.get(verwacht, verwacht),)


def test_anoniem_naar_inloggen(client, dossier):
    r = client.get(reverse("zelfredzaamheid:huishouden", args=[dossier.huishouden.pk]))
    assert r.status_code == 302 and "/inloggen/" in r.url


def test_scoreformulier_toont_niveaus_en_criteria(client, dossier):
    client.force_login(dossier.mensen["teamlid"])
    r = client.get(reverse("zelfredzaamheid:meting_nieuw", args=[dossier.huishouden.pk]) + f"?persoon={dossier.els.pk}")
    html = r.content.decode()
    assert r.status_code == 200
    assert "<legend>Sociaal netwerk</legend>" in html
    assert "1 Acute problematiek" in html and "5 Volledig zelfredzaam" in html
    assert "Criteria voor ‘Financiën’ op niveau 3 (Beperkt zelfredzaam)" in html
    assert html.count('type="radio"') >= 13 * 7
    assert f'<option value="{dossier.els.pk}" selected>' in html
    assert f'type="date" name="datum" value="{timezone.localdate().isoformat()}"' in html  # ISO for type=date


def test_meting_opslaan_en_zien_op_huishoudpagina(client, dossier):
    wie = dossier.mensen["teamlid"]
    meting(dossier.jan, wie, datum=date(2025, 1, 10), financien=2, sociaal_netwerk=1)
    client.force_login(wie)
    r = client.post(reverse("zelfredzaamheid:meting_nieuw", args=[dossier.huishouden.pk]),
                    formdata(dossier.jan, financien="4", sociaal_netwerk="2", justitie="nvt", werk_opleiding=""))
    assert r.status_code == 302
    m = Meting.objects.get(persoon=dossier.jan, datum=date(2025, 3, 1))
    assert m.status == "definitief" and m.client_akkoord is True and m.niet_van_toepassing == ["justitie"]
    assert m.scores[1] is None and m.scores[0] == 4
    html = client.get(r.url).content.decode()
    assert "▲ +2" in html  # financien 2 → 4
    assert "▲ +1" in html  # sociaal netwerk 1 → 2
    assert "n.v.t." in html and "niet gescoord" in html
    assert 'class="zrm-cel zrm-4"' in html
    assert "Grafiek van Jan" in html and "Meting voor Els" in html


@pytest.mark.parametrize(
    ("wijziging", "veld", "bericht"),
    [
        ({"domein_financien": "6"}, "domein_financien", "Kies een score van 1 tot en met 5"),
        ({"datum": (timezone.localdate() + timedelta(days=2)).isoformat()}, "datum",
         "De datum van de meting mag niet in de toekomst liggen."),
        ({"datum": ""}, "datum", "Vul de datum van de meting in."),
        ({"persoon": "999999"}, "persoon", "Kies een persoon uit dit huishouden."),
    ],
)
def test_foute_invoer_geeft_nederlandse_fout_en_behoudt_invoer(client, dossier, wijziging, veld, bericht):
    client.force_login(dossier.mensen["teamlid"])
    data = formdata(dossier.jan, sociaal_netwerk="2")
    data.update(wijziging)
    r = client.post(reverse("zelfredzaamheid:meting_nieuw", args=[dossier.huishouden.pk]), data)
    assert r.status_code == 400
    assert bericht in r.content.decode()
    assert veld in r.context["form"].errors
    assert 'value="2" id="id_domein_sociaal_netwerk_2" checked' in r.content.decode()  # nothing typed is lost
    assert not Meting.objects.exists()


def test_persoon_van_ander_huishouden_geweigerd(client, dossier):
    from huishoudens.models import Huishouden, Persoon

    ander = Huishouden.objects.create(gemeente=dossier.org.gemeente, wijk=dossier.org.wijk_a, straat="X",
                                      huisnummer=3, postcode="2981 AA", woonplaats="Ridderkerk", naam="Ander")
    vreemde = Persoon.objects.create(huishouden=ander, voornamen="Piet", achternaam="Buiten",
                                     geboortedatum=date(1980, 1, 1))
    client.force_login(dossier.mensen["teamlid"])
    r = client.post(reverse("zelfredzaamheid:meting_nieuw", args=[dossier.huishouden.pk]), formdata(vreemde))
    assert r.status_code == 400
    assert "Kies een persoon uit dit huishouden." in r.content.decode()
    assert not Meting.objects.exists()


def test_concept_wijzigen_en_correctie_via_paginas(client, dossier):
    wie = dossier.mensen["teamlid"]
    client.force_login(wie)
    r = client.post(reverse("zelfredzaamheid:meting_nieuw", args=[dossier.huishouden.pk]),
                    formdata(dossier.jan, actie="concept"))
    m = Meting.objects.get()
    assert r.status_code == 302 and m.status == "concept"
    assert "Concept-metingen" in client.get(r.url).content.decode()
    url = reverse("zelfredzaamheid:meting_wijzig", args=[m.pk])
    assert client.get(url).status_code == 200
    data = formdata(dossier.jan, financien="5")
    data.pop("persoon")
    assert client.post(url, data).status_code == 302
    m.refresh_from_db()
    assert m.status == "definitief" and m.scores[0] == 5
    # a final one: the edit page sends you back; a correction needs a reason
    assert client.get(url).status_code == 302
    url = reverse("zelfredzaamheid:meting_corrigeer", args=[m.pk])
    data = formdata(dossier.jan, financien="4")
    data.pop("persoon")
    r = client.post(url, data)
    assert r.status_code == 400 and "Geef de reden van de correctie." in r.content.decode()
    r = client.post(url, {**data, "reden": "Tikfout"})
    assert r.status_code == 302
    nieuw = Meting.objects.get(vervangt=m)
    detail = client.get(r.url).content.decode()
    assert "Tikfout" in detail and "Correctie van" in detail
    assert nieuw.scores[0] == 4


def test_grafiek_is_svg_met_tabel(client, dossier):
    """The chart is an SVG image (data URI), not inline SVG: the Content-Security-Policy allows no inline style."""
    wie = dossier.mensen["teamlid"]
    meting(dossier.jan, wie, datum=date(2025, 1, 10), financien=1)
    meting(dossier.jan, wie, datum=date(2025, 5, 10), soort="evaluatie", financien=3)
    client.force_login(wie)
    r = client.get(reverse("zelfredzaamheid:grafiek", args=[dossier.jan.pk]))
    html = r.content.decode()
    assert r.status_code == 200 and 'src="data:image/svg+xml;base64,' in html and "Financiën" in html
    bron = html.split('src="data:image/svg+xml;base64,', 1)[1].split('"', 1)[0]
    assert "<svg" in __import__("base64").b64decode(bron).decode()
    assert "10 januari 2025" in html and "10 mei 2025" in html


def test_grafiek_zonder_metingen(client, dossier):
    client.force_login(dossier.mensen["teamlid"])
    r = client.get(reverse("zelfredzaamheid:grafiek", args=[dossier.els.pk]))
    assert "Er zijn nog geen definitieve metingen." in r.content.decode()


def test_doel_koppelen_aan_domeinen(client, dossier, doel):
    client.force_login(dossier.mensen["teamlid"])
    url = reverse("zelfredzaamheid:doel_domeinen", args=[doel.pk])
    assert "Sociaal netwerk" in client.get(url).content.decode()
    fin = Domein.objects.get(versie__code="2017", code="financien")
    sn = Domein.objects.get(versie__code="2017", code="sociaal_netwerk")
    assert client.post(url, {"domeinen": [fin.pk, sn.pk]}).status_code == 302
    assert set(DoelDomein.objects.filter(doel=doel).values_list("domein__code", flat=True)) == {
        "financien", "sociaal_netwerk"}
    html = client.get(reverse("zelfredzaamheid:huishouden", args=[dossier.huishouden.pk])).content.decode()
    assert "Schulden in beeld: Financiën, Sociaal netwerk" in html
    oud = Domein.objects.get(versie__code="2013", code="dagbesteding")
    r = client.post(url, {"domeinen": [oud.pk]})
    assert r.status_code == 400
    assert set(DoelDomein.objects.filter(doel=doel).values_list("domein__code", flat=True)) == {
        "financien", "sociaal_netwerk"}


def test_sectie_en_tijdlijn_zijn_geregistreerd(rf, dossier):
    from zelfredzaamheid import registratie

    assert registratie.sectie in registry.HUISHOUDEN_SECTIES
    assert registratie.tijdlijn in registry.TIJDLIJN_BRONNEN
    assert registratie.controleer_eindmeting in registry.AFSLUIT_CONTROLES
    m = meting(dossier.jan, dossier.mensen["teamlid"])
    sectie = registratie.sectie(rf.get("/"), dossier.huishouden)
    assert sectie["template"] == "zelfredzaamheid/_sectie.html"
    regels = registratie.tijdlijn(dossier.huishouden)
    assert regels == [{"datum": m.datum, "soort": "ZRM-meting",
                       "omschrijving": "Intake (nulmeting) van Jan Jansen (Definitief)",
                       "url": reverse("zelfredzaamheid:meting", args=[m.pk])}]


def test_huishoudpagina_queries_groeien_niet_mee(client, dossier, django_assert_num_queries):
    from huishoudens.models import Persoon

    wie = dossier.mensen["teamlid"]
    meting(dossier.jan, wie)
    client.force_login(wie)
    url = reverse("zelfredzaamheid:huishouden", args=[dossier.huishouden.pk])
    client.get(url)
    # was 14 (issue 15); 11 before the matrix versions came with their domains and the level names
    with django_assert_num_queries(9) as ctx:
        assert client.get(url).status_code == 200
    aantal = len(ctx.captured_queries)
    for i in range(4):
        p = Persoon.objects.create(huishouden=dossier.huishouden, voornamen=f"Extra{i}", achternaam="Jansen",
                                   geboortedatum=date(2000 + i, 1, 1))
        meting(p, wie, datum=date(2025, 1, 5))
        meting(p, wie, datum=date(2025, 4, 5), soort="evaluatie", standaard=4)
    with django_assert_num_queries(aantal):
        assert client.get(url).status_code == 200


def test_scoreformulier_queries_vast(client, dossier, django_assert_max_num_queries):
    client.force_login(dossier.mensen["teamlid"])
    with django_assert_max_num_queries(14):
        client.get(reverse("zelfredzaamheid:meting_nieuw", args=[dossier.huishouden.pk]))


def test_meting_en_grafiek_queries_groeien_niet_mee(client, dossier, django_assert_num_queries,
                                                    django_assert_max_num_queries):
    wie = dossier.mensen["teamlid"]
    m = meting(dossier.jan, wie, datum=date(2025, 1, 1))
    client.force_login(wie)
    urls = [reverse("zelfredzaamheid:meting", args=[m.pk]), reverse("zelfredzaamheid:grafiek", args=[dossier.jan.pk])]
    aantallen = []
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(12) as ctx:
            assert client.get(url).status_code == 200
        aantallen.append(len(ctx.captured_queries))
    for i in range(6):
        meting(dossier.jan, wie, datum=date(2025, 2, 1) + timedelta(days=30 * i), soort="evaluatie", standaard=4)
    for url, aantal in zip(urls, aantallen, strict=True):
        with django_assert_num_queries(aantal):
            assert client.get(url).status_code == 200


def test_sectie_toont_scores_en_links_zoals_de_huishoudpagina_hem_insluit(rf, dossier):
    """The household page includes the section with the section dict as ``sectie`` (huishoudens/huishouden.html);
    the section once read top-level variables only the ZRM page had, and showed no table and a stray button."""
    from django.template.loader import render_to_string

    from zelfredzaamheid import registratie

    meting(dossier.jan, dossier.mensen["teamlid"], financien=2)
    sectie = registratie.sectie(rf.get("/"), dossier.huishouden)
    html = render_to_string(sectie["template"], {"sectie": sectie, "blok": sectie, "huishouden": dossier.huishouden})
    assert 'class="zrm-cel zrm-2"' in html and "Meting voor Jan" in html and "Grafiek van Jan" in html
    nieuw = reverse("zelfredzaamheid:meting_nieuw", args=[dossier.huishouden.pk])
    assert f'<a href="{nieuw}"' in html and "<button" not in html
