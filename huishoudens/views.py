from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from huishoudens import selectors


@login_required
def huishouden(request, pk):
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request)
    traject = selectors.open_traject(huishouden)
    return render(request, "huishoudens/huishouden.html", {
        "huishouden": huishouden,
        "traject": traject,
        "regisseur": selectors.huidige_regisseur(traject) if traject else None,
        "personen": huishouden.personen.filter(samengevoegd_in__isnull=True),
    })
