"""Keukentafelgesprek pages: the form (draft/final, per leefgebied), the read view and the verslag PDF."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from audit import log
from common.fouten import fouten_naar_form
from huishoudens import forms, selectors, services
from huishoudens.verslag import maak_verslag_pdf
from huishoudens.views.dossier import gepost


def _professionals(huishouden):
    return get_user_model().objects.filter(medewerker__gemeente_id=huishouden.gemeente_id, is_active=True).order_by(
        "last_name", "first_name")


@login_required
def gesprek_form(request, pk, gesprek_pk=None):
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request)
    traject = selectors.lopend_traject(huishouden)
    gesprek = selectors.get_gesprek_voor(request.user, huishouden, gesprek_pk) if gesprek_pk else None
    if traject is None or (gesprek is not None and (gesprek.is_definitief or gesprek.traject_id != traject.pk)):
        raise Http404
    form = forms.GesprekForm(gepost(request), instance=gesprek, huishouden=huishouden,
                             professionals=_professionals(huishouden),
                             initial=None if gesprek else {"deelnemers_professionals": [request.user.pk]})
    leefgebieden = forms.leefgebied_forms(gepost(request), gesprek)
    status = 200
    if request.method == "POST":
        if form.is_valid() and all(f.is_valid() for _w, _l, f in leefgebieden):
            d = form.cleaned_data
            try:
                gesprek = services.bewaar_gesprek(
                    traject=traject, door=request.user, gesprek=gesprek, lock_versie=d.get("lock_versie"),
                    definitief=request.POST.get("actie") == "definitief",
                    velden={k: d[k] for k in ("datum", "plaats", "overige_deelnemers", "eigen_woorden", "afspraken",
                                              "clientondersteuning_aangeboden")},
                    leefgebieden={w: f.cleaned_data for w, _l, f in leefgebieden},
                    deelnemers_huishouden=d["deelnemers_huishouden"], deelnemers_netwerk=d["deelnemers_netwerk"],
                    deelnemers_professionals=d["deelnemers_professionals"])
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Het gesprek is opgeslagen als %(status)s.")
                                 % {"status": gesprek.get_status_display().lower()})
                return redirect("huishoudens:gesprek", huishouden.pk, gesprek.pk)
        status = 400
    return render(request, "huishoudens/gesprek_form.html", {
        "huishouden": huishouden, "gesprek": gesprek, "form": form, "leefgebieden": leefgebieden}, status=status)


@login_required
def gesprek(request, pk, gesprek_pk):
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request)
    gesprek = selectors.get_gesprek_voor(request.user, huishouden, gesprek_pk)
    return render(request, "huishoudens/gesprek.html", {
        "huishouden": huishouden, "gesprek": gesprek,
        "leefgebieden": gesprek.leefgebieden.all(),
        "deelnemers": list(gesprek.deelnemers_huishouden.all()), "netwerk": list(gesprek.deelnemers_netwerk.all()),
        "professionals": list(gesprek.deelnemers_professionals.all()),
    })


@login_required
def verslag(request, pk, gesprek_pk):
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=None, log_lezen=False)
    gesprek = selectors.get_gesprek_voor(request.user, huishouden, gesprek_pk)
    if gesprek.verslag_pdf:  # the stored copy of a final gesprek: what the resident received
        with gesprek.verslag_pdf.open("rb") as bestand:
            pdf = bestand.read()
    else:
        pdf = maak_verslag_pdf(gesprek)
    log.geexporteerd(request.user, gesprek, request=request, detail={"document": "verslag",
                                                                      "bewaard": bool(gesprek.verslag_pdf)})
    antwoord = HttpResponse(pdf, content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="verslag-keukentafelgesprek-{gesprek.datum:%Y-%m-%d}.pdf"'
    return antwoord
