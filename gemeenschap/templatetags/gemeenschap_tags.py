from django import template

from common.onderdrukking import toon_aantal, toon_ratio

register = template.Library()


@register.filter
def aantal(waarde):
    """A count as it may be shown (small numbers suppressed; already suppressed text stays as it is)."""
    return waarde if isinstance(waarde, str) else toon_aantal(waarde)


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


@register.simple_tag(takes_context=True)
def sectiegegevens(context):
    """The section dict, whether the page passes it as ‘sectie’, as ‘blok’ or merged into the context."""
    for naam in ("sectie", "blok"):
        waarde = context.get(naam)
        if isinstance(waarde, dict) and "gemeenschap_huishouden" in waarde:
            return waarde
    return {"gemeenschap_huishouden": context.get("gemeenschap_huishouden"),
            "gemeenschap_mantelzorgers": context.get("gemeenschap_mantelzorgers", [])}
