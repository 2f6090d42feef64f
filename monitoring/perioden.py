"""Periods of the monitor: quarter, half year, year or any date range, with a readable label."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from common import opmaak


@dataclass(frozen=True)
class Periode:
    soort: str
    van: date
    tot: date
    label: str


def _einde_maand(jaar, maand):
    volgende = date(jaar + (maand == 12), maand % 12 + 1, 1)
    return volgende - timedelta(days=1)


def kwartaal(jaar, k):
    return Periode("kwartaal", date(jaar, 3 * k - 2, 1), _einde_maand(jaar, 3 * k), f"{jaar}-K{k}")


def halfjaar(jaar, h):
    return Periode("halfjaar", date(jaar, 6 * h - 5, 1), _einde_maand(jaar, 6 * h), f"{jaar}-H{h}")


def jaar(j):
    return Periode("jaar", date(j, 1, 1), date(j, 12, 31), str(j))


def vrij(van, tot):
    return Periode("anders", van, tot, f"{van:%d-%m-%Y} t/m {tot:%d-%m-%Y}")


def maak(soort, *, jaartal=None, nummer=None, van=None, tot=None):
    if soort == "kwartaal":
        return kwartaal(jaartal, nummer)
    if soort == "halfjaar":
        return halfjaar(jaartal, nummer)
    if soort == "jaar":
        return jaar(jaartal)
    return vrij(van, tot)


def kwartaal_van(dag):
    return kwartaal(dag.year, (dag.month - 1) // 3 + 1)


def vorig_kwartaal(dag):
    """The last quarter that ended before ``dag``."""
    return kwartaal_van(kwartaal_van(dag).van - timedelta(days=1))


def omschrijving(periode):
    namen = {"kwartaal": _("kwartaal"), "halfjaar": _("halfjaar"), "jaar": _("jaar"), "anders": _("periode")}
    return f"{namen[periode.soort]} {periode.label} ({opmaak.datum_nl(periode.van)} t/m {opmaak.datum_nl(periode.tot)})"
