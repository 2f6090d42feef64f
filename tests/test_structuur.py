"""The structure of the code stays what ARCHITECTURE.md says (issue 12): toegang is three sub-packages with the
same rooms and top-level modules that only gather; packages of topic modules only re-export; no E402 re-exports.
import-linter (bin/test) checks the layering and that no app has an import cycle."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = ["audit", "common", "wijkteams", "inloggen", "huishoudens", "bewaring", "zelfredzaamheid", "toegang",
        "gemeenschap", "monitoring"]
# the top level of toegang: Django's fixed names and modules that gather the three parts
TOEGANG_VERZAMELT = {"__init__.py", "apps.py", "admin.py", "api.py", "urls.py", "tasks.py", "demo.py", "inzage.py",
                     "inrichting.py"}
KAMERS = {"services.py", "selectors.py", "views.py", "api.py", "forms.py", "urls.py", "admin.py"}


def _python_bestanden():
    for app in APPS:
        yield from (p for p in (ROOT / app).rglob("*.py") if "migrations" not in p.parts)


def test_toegang_heeft_alleen_de_drie_delen_en_verzamelmodules():
    los = {p.name for p in (ROOT / "toegang").glob("*.py")} - TOEGANG_VERZAMELT
    assert not los, f"hoort in toegang/melding, toegang/maatwerk of toegang/opschaling: {sorted(los)}"


@pytest.mark.parametrize("deel", ["melding", "maatwerk", "opschaling"])
def test_elk_deel_van_toegang_heeft_dezelfde_kamers(deel):
    assert {p.name for p in (ROOT / "toegang" / deel).glob("*.py")} >= KAMERS


@pytest.mark.parametrize("module", sorted(TOEGANG_VERZAMELT - {"__init__.py", "apps.py"}))
def test_de_verzamelmodules_van_toegang_definieren_geen_regels(module):
    """A gathering module imports the parts and puts them together; it holds no class of its own and at most
    small functions (a function of more than 15 lines is a rule that belongs in one of the parts)."""
    boom = ast.parse((ROOT / "toegang" / module).read_text())
    for knoop in boom.body:
        assert not isinstance(knoop, ast.ClassDef), f"toegang/{module}: klasse {knoop.name} hoort in een deel"
        if isinstance(knoop, ast.FunctionDef):
            assert knoop.end_lineno - knoop.lineno <= 15, f"toegang/{module}: {knoop.name} is te groot"


@pytest.mark.parametrize("pakket", ["huishoudens/services", "huishoudens/views", "gemeenschap/views"])
def test_pakketten_van_onderwerpmodules_exporteren_alleen(pakket):
    boom = ast.parse((ROOT / pakket / "__init__.py").read_text())
    for knoop in boom.body:
        toegestaan = (ast.Import, ast.ImportFrom, ast.Expr, ast.Assign)  # docstring, imports, __all__
        assert isinstance(knoop, toegestaan), f"{pakket}/__init__.py definieert {type(knoop).__name__}"
        if isinstance(knoop, ast.Assign):
            assert [t.id for t in knoop.targets if isinstance(t, ast.Name)] == ["__all__"]


def test_geen_herexport_met_noqa_e402():
    treffers = [str(p.relative_to(ROOT)) for p in _python_bestanden() if "noqa: E402" in p.read_text()]
    assert not treffers, treffers
