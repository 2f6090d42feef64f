"""A page of a list and its total in one query (``COUNT(*) OVER ()``) instead of Django's two (count + slice).

Returns Django's own ``Page`` (so templates keep ``paginator.count``, ``num_pages``, ``has_next``...). Only a
page past the end, or a non-number, costs the usual extra query (Django's paginator, which clamps the number).
"""

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window


def pagina_met_totaal(qs, nummer, per_pagina):
    try:
        nummer = max(int(nummer or 1), 1)
    except (TypeError, ValueError):
        return Paginator(qs, per_pagina).get_page(nummer)
    begin = (nummer - 1) * per_pagina
    rijen = list(qs.annotate(_totaal=Window(Count("*")))[begin:begin + per_pagina])
    if not rijen and nummer > 1:
        return Paginator(qs, per_pagina).get_page(nummer)
    paginator = Paginator(qs, per_pagina)
    paginator.count = rijen[0]._totaal if rijen else 0  # a cached_property: set, it is never queried
    return Page(rijen, nummer, paginator)
