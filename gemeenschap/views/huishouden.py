"""The household's community page: its plan activities with their volunteer match or collective activity,
and its mantelzorgers."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gemeenschap import koppelvlak, rechten, selectors, services
from gemeenschap.forms import ActieActiviteitForm
from gemeenschap.views.basis import _opslaan, rol_vereist
from huishoudens.models import Actie
from huishoudens.selectors import get_huishouden_voor, huishoudens_voor, lopend_traject


@rol_vereist(rechten.mag_hulpvraag_indienen)
def huishouden(request, pk):
    """Plan activities with their volunteer match or collective activity, and the household's carers."""
    hh = get_huishouden_voor(request.user, pk, request=request)
    traject = lopend_traject(hh)
    acties = list(Actie.objects.filter(doel__plan__traject=traject, doel__plan__status="actief")
                  .select_related("doel").order_by("doel__volgorde", "id")) if traject else []
    extra = koppelvlak.actie_extra(request, acties)
    lopend = {h.actie_id: h for h in selectors.hulpvragen_voor(request.user).filter(
        actie__in=acties, status__in=["open", "gekoppeld"])}
    for a in acties:
        a.gemeenschap_extra = extra.get(a.pk, "")
        a.lopende_hulpvraag = lopend.get(a.pk)
    return render(request, "gemeenschap/huishouden.html", {
        "huishouden": hh, "traject": traject, "acties": acties,
        "mantelzorgers": selectors.mantelzorgers_voor(request.user).filter(huishouden=hh),
        "mag_mantelzorg": rechten.mag_mantelzorg(request.user),
    })


@rol_vereist(rechten.mag_hulpvraag_indienen)
def actie_activiteit(request, actie_pk):
    actie = (Actie.objects.select_related("doel__plan__traject__huishouden")
             .filter(pk=actie_pk, doel__plan__traject__huishouden__in=huishoudens_voor(request.user)).first())
    if actie is None:
        raise Http404
    hh = actie.doel.plan.traject.huishouden
    huidig = selectors.activiteiten_bij_acties([actie.pk]).get(actie.pk)
    activiteiten = selectors.activiteiten_voor(request.user).order_by("-startdatum")
    form = ActieActiviteitForm(request.POST or None, activiteiten=activiteiten, initial={"activiteit": huidig})
    context = {"actie": actie, "huishouden": hh}
    if request.method == "POST":
        def koppel(data):
            services.verwijs_actie_naar_activiteit(actie=actie, activiteit=data["activiteit"], door=request.user)
            messages.success(request, _("De verwijzing is opgeslagen."))
            return redirect("gemeenschap:huishouden", hh.pk)
        return _opslaan(request, form, "gemeenschap/actie_activiteit.html", context, koppel)
    return render(request, "gemeenschap/actie_activiteit.html", {**context, "form": form})
