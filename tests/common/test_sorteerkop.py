"""{% sorteerkop %}: a sortable column header in one place (issue 16): a link that keeps the other filters and drops
the page number, aria-sort and a visible arrow on the sorted column, the opposite direction as the next click."""

import re

from django.template import Context, Template
from django.test import RequestFactory

SJABLOON = Template('{% load componenten %}{% sorteerkop "Ontvangen" "ontvangen" huidig %}'
                    '{% sorteerkop "Evaluatie" "evaluatie" h param="hsorteer" pagina="hpagina" %}')


def _koppen(query, huidig, h="evaluatie"):
    request = RequestFactory().get("/toegang/werkvoorraad/", query)
    html = SJABLOON.render(Context({"request": request, "huidig": huidig, "h": h}))
    return re.findall(r"<th.*?</th>", html)


def test_kop_houdt_filters_en_wist_alleen_de_eigen_pagina():
    ontvangen, evaluatie = _koppen({"weergave": "team", "leefgebied": "justitie", "sorteer": "termijn", "pagina": "3",
                                    "hpagina": "2"}, "termijn")
    assert ontvangen.startswith('<th scope="col"><a href="?')
    assert "aria-sort" not in ontvangen and "↕" in ontvangen  # sortable, not sorted
    href = re.search(r'href="\?([^"]*)"', ontvangen).group(1)
    assert href == "weergave=team&amp;leefgebied=justitie&amp;hpagina=2&amp;sorteer=ontvangen"
    # the second table's header keeps the first table's order and page, resets only its own page
    assert re.search(r'href="\?weergave=team&amp;leefgebied=justitie&amp;sorteer=termijn&amp;pagina=3&amp;'
                     r'hsorteer=-evaluatie"', evaluatie)
    assert 'aria-sort="ascending"' in evaluatie and "▲" in evaluatie


def test_kop_wisselt_van_richting_met_pijl_en_tekst():
    (oplopend, _e) = _koppen({"sorteer": "ontvangen"}, "ontvangen")
    assert '<th scope="col" aria-sort="ascending">' in oplopend and "sorteer=-ontvangen" in oplopend
    assert '<span class="sorteerkop__pijl" aria-hidden="true">▲</span>' in oplopend
    assert "oplopend gesorteerd; sorteer aflopend" in oplopend
    (aflopend, _e) = _koppen({"sorteer": "-ontvangen"}, "-ontvangen")
    assert 'aria-sort="descending"' in aflopend and "▼" in aflopend and "sorteer=ontvangen" in aflopend
    # text is escaped (a label from the page, a value from the address bar)
    (kop, _e) = _koppen({"zoek": '"><script>'}, "termijn")
    assert "<script>" not in kop and "zoek=%22%3E%3Cscript%3E" in kop
