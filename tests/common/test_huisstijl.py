"""The NL Design System as a municipality uses it: design tokens loaded, a page layout with a maximum width, a
compact main menu (the rest under "Meer"), form fields with the component classes, and no page template that
writes the button or table class strings by hand (the {% knop %} / {% tabel %} components do)."""

import re
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template import Context, Template
from django.urls import reverse

SJABLONEN = Path(settings.BASE_DIR) / "templates"
# the component templates themselves, and the PDFs (WeasyPrint, no NL Design System CSS) may write the markup
UITGEZONDERD = ("components/", "pdf/", "huishoudens/pdf/")


def _paginasjablonen():
    for pad in sorted(SJABLONEN.rglob("*.html")):
        rel = pad.relative_to(SJABLONEN).as_posix()
        if not rel.startswith(UITGEZONDERD):
            yield rel, pad.read_text()


def test_er_zijn_sjablonen_om_te_controleren():
    namen = [rel for rel, _tekst in _paginasjablonen()]
    assert len(namen) > 80 and "base.html" in namen and "toegang/werkvoorraad.html" in namen


@pytest.mark.parametrize("patroon, waarom", [
    (r"utrecht-button", "knoppen via {% knop %} / {% knopblok %}"),
    (r"utrecht-table", "tabellen via {% tabel %}"),
    (r"<table\b", "elke tabel via {% tabel %}"),
    (r"<button\b", "elke knop via {% knop %} / {% knopblok %}"),
])
def test_geen_sjabloon_schrijft_knop_of_tabel_met_de_hand(patroon, waarom):
    fout = [f"{rel}:{tekst[:m.start()].count(chr(10)) + 1}"
            for rel, tekst in _paginasjablonen() for m in re.finditer(patroon, tekst)]
    assert not fout, f"{waarom}: {fout}"


def _render(tekst, **context):
    return Template("{% load i18n componenten %}" + tekst).render(Context(context))


def test_knop_als_link_en_met_inhoud_en_tabel_met_eigen_klasse():
    assert _render('{% knop _("Downloaden") href=url %}', url="/a?b=1&c=2") == (
        '<a href="/a?b=1&amp;c=2" class="utrecht-button-link utrecht-button-link--html-a '
        'utrecht-button-link--primary-action">Downloaden</a>')
    assert _render('{% knop "Blijf" type="button" id="verlengen" %}') == (
        '<button type="button" id="verlengen" class="utrecht-button utrecht-button--primary-action">Blijf</button>')
    blok = _render('{% knopblok soort="subtiel" naam="actie" waarde="bsn" %}Toon <span>BSN</span> {{ x }}'
                   '{% endknopblok %}', x="<b>")
    assert blok == ('<button type="submit" name="actie" value="bsn" class="utrecht-button utrecht-button--subtle">'
                    'Toon <span>BSN</span> &lt;b&gt;</button>')
    assert _render('{% tabel "zrm-tabel" %}<tr><td>1</td></tr>{% endtabel %}') == (
        '<table class="utrecht-table zrm-tabel"><tr><td>1</td></tr></table>')


class _Formulier(forms.Form):
    naam = forms.CharField(label="Naam")
    datum = forms.DateField(label="Datum", widget=forms.DateInput(attrs={"type": "date", "class": "eigen"}))
    soort = forms.ChoiceField(label="Soort", choices=[("a", "A")])
    toelichting = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False)
    akkoord = forms.BooleanField(label="Akkoord", required=False)


def test_velden_krijgen_de_klasse_van_hun_component_en_hun_foutstatus():
    html = Template('{% include "components/formulier.html" %}').render(
        Context({"form": _Formulier(data={"soort": "a"})}))
    assert re.search(r'<input type="text" name="naam" class="utrecht-textbox utrecht-textbox--html-input '
                     r'utrecht-textbox--invalid" aria-invalid="true"', html)
    assert 'class="eigen utrecht-textbox utrecht-textbox--html-input utrecht-textbox--invalid"' in html
    assert '<select name="soort" class="utrecht-select utrecht-select--html-select"' in html
    assert 'class="utrecht-textarea utrecht-textarea--html-textarea"' in html
    # the checkbox sits right before its label
    assert re.search(r'<input type="checkbox" name="akkoord" class="utrecht-checkbox utrecht-checkbox--html-input"'
                     r'[^>]*> <label class="utrecht-form-label utrecht-form-label--checkbox" for="id_akkoord">', html)


def test_thema_en_paginaindeling(client, org):
    assert finders.find("css/tokens.css")
    client.force_login(org.mensen["teamlid"])
    html = client.get(reverse("start")).content.decode()
    # the tokens load after the component CSS (they are read by it) and before the house style
    assert html.index("component-library-css") < html.index("css/tokens.css") < html.index("css/wijkteam.css")
    assert 'class="utrecht-document utrecht-theme voorbeeld-theme"' in html  # the theme's class: test_thema.py
    assert '<header class="utrecht-page-header' in html
    assert re.search(r'<div class="utrecht-page">\s*<main id="inhoud" class="utrecht-page-content">', html)
    assert 'class="utrecht-button utrecht-button--secondary-action">Uitloggen</button>' in html
    tokens = Path(finders.find("css/tokens.css")).read_text()
    for token in ("--utrecht-page-max-inline-size", "--utrecht-button-secondary-action-border-color",
                  "--utrecht-textbox-border-color", "--utrecht-table-header-background-color"):
        assert token in tokens


def _hoofdmenu(html):
    nav = re.search(r'<nav class="hoofdmenu".*?</nav>', html, re.S).group(0)
    meer = re.search(r"<details.*?</details>", nav, re.S)
    zonder_meer = nav.replace(meer.group(0), "") if meer else nav
    return zonder_meer.count("<li"), meer.group(0) if meer else ""


@pytest.mark.parametrize("wie", ["teamlid", "coordinator_eigen_gebied", "beleidsmedewerker", "lzn", "beheer",
                                 "sociaal_makelaar", "bestuurstafel"])
def test_hoofdmenu_toont_elke_rol_hooguit_zeven_ingangen(client, org, wie):
    client.force_login(org.mensen[wie])
    antwoord = client.get(reverse("start"))
    assert antwoord.status_code == 200
    aantal, meer = _hoofdmenu(antwoord.content.decode())
    assert 1 <= aantal <= 7
    alles = antwoord.context["menu"]
    assert aantal - (1 if meer else 0) + meer.count("<li") == len(alles)  # nothing lost, only grouped


def test_meer_groepeert_de_rest_en_wijst_de_actieve_pagina_aan(client, org):
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    alles = client.get(reverse("start")).context["menu"]
    assert len(alles) > 7, "de coördinator heeft genoeg ingangen om te groeperen"
    laatste = alles[-1]
    html = client.get(laatste["url"]).content.decode()
    aantal, meer = _hoofdmenu(html)
    assert aantal == 7 and "<summary>Meer</summary>" in meer
    assert f'<a href="{laatste["url"]}" aria-current="page">' in meer
    assert 'class="menu__meer--actief"' in meer
