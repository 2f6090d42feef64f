"""The professional's list of own households ("Mijn huishoudens"), sortable by its column headers."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from audit import log
from common.paginering import paginanummer
from huishoudens import selectors
from huishoudens.views.dossier import PAGINA, _alleen_medewerkers


@login_required
def mijn_huishoudens(request):
    """The households where the user is regisseur, soonest evaluation first or in the order of ``?sorteer=``
    (``selectors.MIJN_SORTERINGEN``; anything else is the default order)."""
    _alleen_medewerkers(request)
    pagina = paginanummer(request.GET.get("pagina"))
    sorteer = request.GET.get("sorteer")
    sorteer = sorteer if sorteer in selectors.MIJN_SORTERINGEN else "evaluatie"
    trajecten = selectors.mijn_trajecten(request.user, sorteer=sorteer)
    trajecten = list(trajecten[(pagina - 1) * PAGINA: pagina * PAGINA + 1])
    log.getoond(request.user, (t.huishouden_id for t in trajecten[:PAGINA]), request=request,
                detail={"weergave": "mijn huishoudens"})
    return render(request, "huishoudens/mijn.html", {
        "trajecten": trajecten[:PAGINA], "volgende": pagina + 1 if len(trajecten) > PAGINA else None,
        "vorige": pagina - 1 if pagina > 1 else None, "aantal": selectors.tel_mijn_trajecten(request.user),
        "zichtbaar": selectors.tel_huishoudens_voor(request.user), "sorteer": sorteer,
    })
