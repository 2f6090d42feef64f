"""Helpers to make ZRM measurements in tests, through the services."""

from datetime import date

from zelfredzaamheid import services
from zelfredzaamheid.models import Domein, MatrixVersie


def antwoorden(versie=None, standaard=None, **per_code):
    """All domains of the version with score ``standaard`` (None = niet gescoord), overridden per code."""
    versie = versie or MatrixVersie.objects.get(actief=True)
    codes = Domein.objects.filter(versie=versie).order_by("volgorde").values_list("code", flat=True)
    return {c: per_code.get(c, standaard) for c in codes}


def meting(dossier_of_persoon, door, *, datum=date(2025, 2, 1), soort="intake", standaard=3, definitief=True,
           versie=None, **per_code):
    persoon = dossier_of_persoon
    return services.registreer_meting(
        huishouden=persoon.huishouden, persoon=persoon, door=door, datum=datum, soort=soort,
        antwoorden=antwoorden(versie, standaard, **per_code), versie=versie, definitief=definitief,
    )
