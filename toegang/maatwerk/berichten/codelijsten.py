"""The iStandaarden code lists the messages use, read once from ``codelijsten.json`` (data, not code)."""

import json
from functools import cache
from pathlib import Path

PAD = Path(__file__).with_name("codelijsten.json")


@cache
def codelijsten():
    return json.loads(PAD.read_text(encoding="utf-8"))


def release():
    return codelijsten()["release"]


def berichtcode(bericht):
    """``berichtcode("WMO301")`` → ``"414"`` (COD002-VEKT)."""
    return codelijsten()["berichtcodes"][bericht]


def redenen_wijziging():
    return codelijsten()["reden_wijziging"]


def redenen_beeindiging():
    return codelijsten()["reden_beeindiging"]


def omschrijving(lijst, code):
    return codelijsten()[lijst].get(code, "")
