"""The README shows the screenshots bin/schermafdrukken makes: each image it names exists, and the command
saves exactly those (so a refresh replaces them all, and none goes stale unnoticed)."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def test_readme_en_commando_noemen_dezelfde_schermafdrukken():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sectie = readme.split("## Schermafdrukken", 1)[1].split("\n## ", 1)[0]
    in_readme = re.findall(r"!\[[^\]]+\]\(docs/schermafdrukken/([\w-]+)\.png\)", sectie)
    gemaakt = re.findall(r'bewaar\("([\w-]+)"', (ROOT / "bin" / "schermafdrukken.py").read_text(encoding="utf-8"))
    aanwezig = sorted(p.stem for p in (ROOT / "docs" / "schermafdrukken").glob("*.png"))
    assert len(in_readme) == 6 and sorted(in_readme) == sorted(gemaakt) == aanwezig
    assert "bash bin/schermafdrukken" in sectie
    for naam in aanwezig:  # small files: viewport shots in a palette PNG
        assert (ROOT / "docs" / "schermafdrukken" / f"{naam}.png").stat().st_size < 150_000
