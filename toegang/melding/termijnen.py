"""THE deadline computation of the werkvoorraad (Wmo 2015): one place, own tests.

- the onderzoek after a melding: within 6 weeks of receipt;
- "binnen een week": due today or in the next 7 days;
- "te laat": the deadline has passed.
Pages, mails and SQL filters all take their boundaries from here.
"""

from datetime import datetime, timedelta

from django.db.models import TextChoices
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ONDERZOEKTERMIJN = timedelta(weeks=6)
BINNENKORT = timedelta(days=7)


class Termijnstatus(TextChoices):
    TE_LAAT = "te_laat", _("Te laat")
    BINNEN_WEEK = "binnen_week", _("Binnen een week")
    OP_TIJD = "op_tijd", _("Op tijd")


def _datum(moment):
    if isinstance(moment, datetime):
        return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()
    return moment


def onderzoek_uiterlijk(ontvangen_op):
    """Last day for the onderzoek (keukentafelgesprek and verslag): 6 weeks after the melding."""
    return _datum(ontvangen_op) + ONDERZOEKTERMIJN


def termijnstatus(uiterlijk, vandaag=None):
    """te_laat / binnen_week / op_tijd for a deadline; None when there is no deadline."""
    if uiterlijk is None:
        return None
    vandaag = vandaag or timezone.localdate()
    uiterlijk = _datum(uiterlijk)
    if uiterlijk < vandaag:
        return Termijnstatus.TE_LAAT
    if uiterlijk <= vandaag + BINNENKORT:
        return Termijnstatus.BINNEN_WEEK
    return Termijnstatus.OP_TIJD


def grenzen(vandaag=None):
    """The date boundaries for database filters, consistent with ``termijnstatus``:
    te laat = ``uiterlijk < te_laat_voor``; binnen een week = ``te_laat_voor <= uiterlijk <= binnen_week_tot``."""
    vandaag = vandaag or timezone.localdate()
    return {"te_laat_voor": vandaag, "binnen_week_tot": vandaag + BINNENKORT}


def filter_op_termijn(queryset, veld, status, vandaag=None):
    """Filter a queryset on a date field by Termijnstatus (``"due"`` = te laat or binnen een week)."""
    g = grenzen(vandaag)
    if status == Termijnstatus.TE_LAAT:
        return queryset.filter(**{f"{veld}__lt": g["te_laat_voor"]})
    if status == Termijnstatus.BINNEN_WEEK:
        return queryset.filter(**{f"{veld}__gte": g["te_laat_voor"], f"{veld}__lte": g["binnen_week_tot"]})
    if status == "due":
        return queryset.filter(**{f"{veld}__lte": g["binnen_week_tot"]})
    if status == Termijnstatus.OP_TIJD:
        return queryset.filter(**{f"{veld}__gt": g["binnen_week_tot"]})
    return queryset


def dagen_tot(uiterlijk, vandaag=None):
    vandaag = vandaag or timezone.localdate()
    return (_datum(uiterlijk) - vandaag).days if uiterlijk else None


__all__ = ["BINNENKORT", "ONDERZOEKTERMIJN", "Termijnstatus", "dagen_tot", "filter_op_termijn", "grenzen",
           "onderzoek_uiterlijk", "termijnstatus"]


def onderzoek_loopt():
    """Q for meldingen whose onderzoek deadline still counts: the melding is open and its traject (if any)
    has no plan yet."""
    from django.db.models import Q

    return Q(status__in=["nieuw", "in_behandeling"]) & (
        Q(traject__isnull=True) | Q(traject__status__in=["aangemeld", "in_onderzoek", "heropend"]))
