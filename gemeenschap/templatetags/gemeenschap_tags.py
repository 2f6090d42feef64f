from django import template

from common.onderdrukking import toon_aantal, toon_ratio

register = template.Library()


@register.filter
def aantal(waarde):
    """A count as it may be shown (small numbers suppressed)."""
    return toon_aantal(waarde)


@register.filter
def mediaan_bij(waarde, noemer):
    """A median shown only when the number of matches it is built on is not suppressed."""
    getoond = toon_ratio(waarde, noemer)
    return "–" if getoond is None else f"{getoond:.0f}"


@register.filter
def dagdelen(codes):
    from gemeenschap.models import Dagdeel

    return ", ".join(str(Dagdeel(c).label) for c in codes or []) or "—"


@register.filter
def vaardigheden(codes):
    from gemeenschap.models import Vaardigheid

    return ", ".join(str(Vaardigheid(c).label) for c in codes or []) or "—"
