"""The registry of computing functions and the helpers they share. Each indicator of the catalogue names ONE
registered function (``Indicator.functie``); one function may compute a group of indicators in a single SQL aggregate.

A function takes ``gemeente_id``, ``van``, ``tot`` (inclusive dates) and ``codes`` (the indicator codes
it must deliver) and returns a list of ``Uitkomst``: per gebied (``gebied_id``), per wijk where that is
meaningful, and for the whole gemeente (``gebied_id`` None, ``wijk_id`` None). All counting happens in
PostgreSQL (GROUP BY ROLLUP / GROUPING SETS); no Python loop over households or persons.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection


@dataclass(frozen=True)
class Uitkomst:
    code: str
    gebied_id: int | None
    teller: int | None
    noemer: int | None = None
    waarde: Decimal | None = None
    wijk_id: int | None = None
    categorie: str = ""


@dataclass(frozen=True)
class Functie:
    naam: str
    codes: tuple
    fn: object
    dynamisch: bool = False  # codes come from the catalogue (e.g. every imported indicator)


FUNCTIES: dict[str, Functie] = {}


def registreer(naam, codes=(), *, dynamisch=False):
    def decorator(fn):
        if naam in FUNCTIES:
            raise ValueError(f"Rekenfunctie {naam} is al geregistreerd")
        FUNCTIES[naam] = Functie(naam, tuple(codes), fn, dynamisch)
        return fn

    return decorator


def rijen(sql, params):
    """Run one aggregate query; rows as dicts."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        kolommen = [k.name for k in cursor.description]
        return [dict(zip(kolommen, rij, strict=True)) for rij in cursor.fetchall()]


def afgerond(getal, decimalen=1):
    if getal is None:
        return None
    return Decimal(str(getal)).quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)


def percentage(teller, noemer):
    if teller is None or not noemer:
        return None
    return afgerond(Decimal(teller) * 100 / Decimal(noemer))


def per_1000(teller, noemer):
    if teller is None or not noemer:
        return None
    return afgerond(Decimal(teller) * 1000 / Decimal(noemer))


def gebied_van(rij):
    """The gebied of a ROLLUP row: None for the gemeente total; rows without gebied (not a total) are skipped."""
    if rij["totaal"]:
        return None
    return rij["gebied_id"] if rij["gebied_id"] is not None else False
