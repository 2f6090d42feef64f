"""Dates and amounts as the Dutch write them, through Django's formats of the active language (nl): the template
filters ``datum_nl`` and ``bedrag`` ({% load componenten %}) and Python code that builds display text use these."""

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils import formats


def datum_nl(waarde, tijd=""):
    """A date (or datetime, in local time) as the Dutch write it: ``25 november 2026``; ``"tijd"`` adds the time."""
    if not isinstance(waarde, date):
        return waarde if waarde not in (None, "") else ""
    if tijd == "tijd" and isinstance(waarde, datetime):
        return formats.date_format(waarde, "DATETIME_FORMAT")
    return formats.date_format(waarde, "DATE_FORMAT")


def bedrag(waarde):
    """An amount in euro as the Dutch write it: ``€ 1.234,50`` (thousands grouped, two decimals, a non-breaking
    space after the sign)."""
    if waarde in (None, ""):
        return ""
    try:
        getal = Decimal(str(waarde))
    except (InvalidOperation, ValueError):
        return waarde
    return "€\u00a0" + formats.number_format(getal, decimal_pos=2, use_l10n=True, force_grouping=True)
