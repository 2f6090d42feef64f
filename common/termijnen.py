"""The one vocabulary for a deadline, used by every werkvoorraad, badge, mail and API:

- ``te_laat``: the last day has passed;
- ``binnen_week``: the last day is today or within the next 7 days;
- ``op_tijd``: later than that.

Each part computes its own last day (the Wmo onderzoek in ``toegang.melding.termijnen``, the maatwerk decision in
``toegang.models.maatwerk.beslistermijn``) and asks here which state it is in.
"""

from datetime import datetime, timedelta

from django.db.models import TextChoices
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

BINNENKORT = timedelta(days=7)


class Termijnstatus(TextChoices):
    TE_LAAT = "te_laat", _("Te laat")
    BINNEN_WEEK = "binnen_week", _("Binnen een week")
    OP_TIJD = "op_tijd", _("Op tijd")


def als_datum(moment):
    """A date (a datetime becomes its local date)."""
    if isinstance(moment, datetime):
        return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()
    return moment


def termijnstatus(uiterlijk, vandaag=None):
    """te_laat / binnen_week / op_tijd for the last day ``uiterlijk``; None when there is no deadline."""
    if uiterlijk is None:
        return None
    vandaag = vandaag or timezone.localdate()
    uiterlijk = als_datum(uiterlijk)
    if uiterlijk < vandaag:
        return Termijnstatus.TE_LAAT
    if uiterlijk <= vandaag + BINNENKORT:
        return Termijnstatus.BINNEN_WEEK
    return Termijnstatus.OP_TIJD


def dagen_tot(uiterlijk, vandaag=None):
    """Days from today to the last day ``uiterlijk`` (negative when it has passed); None without a deadline."""
    vandaag = vandaag or timezone.localdate()
    return (als_datum(uiterlijk) - vandaag).days if uiterlijk else None


def grenzen(vandaag=None):
    """The date boundaries for database filters, consistent with ``termijnstatus``:
    te laat = ``uiterlijk < te_laat_voor``; binnen een week = ``te_laat_voor <= uiterlijk <= binnen_week_tot``."""
    vandaag = vandaag or timezone.localdate()
    return {"te_laat_voor": vandaag, "binnen_week_tot": vandaag + BINNENKORT}
