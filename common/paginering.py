"""A page of a list and its total in one query (``COUNT(*) OVER ()``) instead of Django's two (count + slice).

Returns Django's own ``Page`` (so templates keep ``paginator.count``, ``num_pages``, ``has_next``...). Only a
page past the end costs the usual extra query (Django's paginator, which clamps the number); a non-number is
page 1.
"""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window

# Far beyond the last page of any list here, and small enough that (page - 1) x page size stays inside
# PostgreSQL's bigint OFFSET: ?pagina=99999999999999999999 answered 500 ("bigint out of range").
MAX_PAGINA = 1_000_000


def paginanummer(waarde):
    """The page number of ``?pagina=``: 1 when missing or not a number, at least 1, at most ``MAX_PAGINA``."""
    try:
        return min(max(int(waarde or 1), 1), MAX_PAGINA)
    except (TypeError, ValueError):
        return 1


def pagina_met_totaal(qs, nummer, per_pagina):
    nummer = paginanummer(nummer)
    begin = (nummer - 1) * per_pagina
    rijen = list(qs.annotate(_totaal=Window(Count("*")))[begin:begin + per_pagina])
    if not rijen and nummer > 1:
        return Paginator(qs, per_pagina).get_page(nummer)
    paginator = Paginator(qs, per_pagina)
    paginator.count = rijen[0]._totaal if rijen else 0  # a cached_property: set, it is never queried
    return Page(rijen, nummer, paginator)
