"""Dates and amounts as the Dutch write them (issue 16): ``25 november 2026`` and ``€ 1.234,50``, through one
filter pair on Django's formats of the active language; no template shows a numeric date format."""

import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

SJABLONEN = Path(settings.BASE_DIR) / "templates"


def _render(tekst, **context):
    return Template("{% load componenten %}" + tekst).render(Context(context))


def test_datum_en_bedrag_in_het_nederlands():
    assert _render("{{ d|datum_nl }}", d=date(2026, 11, 25)) == "25 november 2026"
    assert _render("{{ d|datum_nl }}", d=date(2026, 3, 1)) == "1 maart 2026"
    assert _render("{{ b|bedrag }}", b=Decimal("1234.5")) == "€\u00a01.234,50"
    assert _render("{{ b|bedrag }}", b=Decimal("1234567.891")) == "€\u00a01.234.567,89"
    assert _render("{{ b|bedrag }}", b=12) == "€\u00a012,00"
    assert _render("{{ b|bedrag }}", b=Decimal("-0.5")) == "€\u00a0-0,50"


def test_datum_met_tijd_in_de_lokale_tijd():
    moment = datetime(2026, 11, 25, 13, 32, tzinfo=ZoneInfo("UTC"))  # 14:32 in Amsterdam (winter time)
    assert _render('{{ m|datum_nl:"tijd" }}', m=moment) == "25 november 2026 14:32"
    assert _render("{{ m|datum_nl }}", m=moment) == "25 november 2026"


def test_leeg_blijft_leeg_zodat_default_werkt():
    assert _render('{{ d|datum_nl|default:"—" }}', d=None) == "—"
    assert _render('{{ b|bedrag|default:"—" }}', b=None) == "—"
    assert _render("{{ d|datum_nl }}", d="geen datum") == "geen datum"


def test_ook_buiten_een_verzoek_nederlands():
    """PDFs made by a Celery task render without a request: still the Dutch names (LANGUAGE_CODE nl)."""
    vorige = translation.get_language()
    translation.deactivate()  # as in a worker: no language activated, so LANGUAGE_CODE applies
    try:
        assert _render("{{ d|datum_nl }}", d=date(2026, 5, 1)) == "1 mei 2026"
    finally:
        translation.activate(vorige)


NUMERIEK = re.compile(r"""\|date:["'](?:[djmnyY][-/.][djmnyY][-/.][djmnyY])""")
# machine formats (ISO) for URLs and comparisons are allowed; what is shown to people is not numeric
ISO = re.compile(r"""\|date:["']Y-m-d""")


@pytest.mark.parametrize("pad", sorted(p.relative_to(SJABLONEN).as_posix() for p in SJABLONEN.rglob("*.html")))
def test_geen_sjabloon_toont_een_numerieke_datum(pad):
    tekst = (SJABLONEN / pad).read_text()
    fout = [m.group(0) for m in NUMERIEK.finditer(tekst) if not ISO.match(m.group(0))]
    assert not fout, f"{pad}: gebruik |datum_nl in plaats van {fout}"
    assert not re.search(r"€\s*\{\{[^}]*floatformat", tekst), f"{pad}: gebruik |bedrag voor bedragen"


def test_de_grep_vindt_een_numerieke_datum():
    assert NUMERIEK.search('{{ x|date:"d-m-Y" }}') and NUMERIEK.search("{{ x|date:'j-n-Y' }}")
    assert not NUMERIEK.search('{{ x|datum_nl }}')
