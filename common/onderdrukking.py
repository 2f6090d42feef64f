"""Small-cell suppression: counts below the threshold are never shown, in any output."""

from django.conf import settings

ONDERDRUKT = "< 5"


def drempel():
    return settings.ONDERDRUKKING_DREMPEL


def is_onderdrukt(aantal):
    return aantal is not None and 0 < aantal < drempel()


def toon_aantal(aantal):
    """The count as it may be shown: '< N' below the threshold."""
    if aantal is None:
        return "–"
    if is_onderdrukt(aantal):
        return f"< {drempel()}"
    return aantal


def toon_ratio(waarde, noemer):
    """A ratio is hidden when the count it is built on is suppressed."""
    if waarde is None or noemer is None or noemer == 0 or is_onderdrukt(noemer):
        return None
    return waarde
