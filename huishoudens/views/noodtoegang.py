"""Emergency access ("doorbreekglas"): ask for it with a reason; the coördinator reviews the list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.fouten import fouten_naar_form
from huishoudens import forms, rechten, selectors, services
from huishoudens.models import Huishouden
from huishoudens.views.dossier import gepost
from wijkteams import rollen
from wijkteams import selectors as org


@login_required
def noodtoegang(request, pk):
    """The form to open a dossier outside one's team. Only a professional of the same gemeente sees it."""
    huishouden = Huishouden.objects.filter(pk=pk, gemeente_id=org.gemeente_id_van(request.user)).first()
    if huishouden is None or not rechten.mag_noodtoegang_vragen(request.user, huishouden):
        raise Http404
    form = forms.NoodtoegangForm(gepost(request))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.breek_glas(huishouden_id=huishouden.pk, door=request.user, reden=form.cleaned_data["reden"])
            except (ValidationError, PermissionDenied) as fout:
                fouten_naar_form(form, fout)
            else:
                messages.warning(request, _("Noodtoegang voor 24 uur. De coördinator van het gebied ziet dit."))
                return redirect(huishouden.get_absolute_url())
        status = 400
    return render(request, "huishoudens/noodtoegang.html", {"form": form, "pk": huishouden.pk}, status=status)


@login_required
def noodtoegangen(request):
    """The coördinator's list of emergency accesses in their gebieden, to review."""
    if not rollen.heeft_rol(request.user, rollen.COORDINATOR):
        raise Http404
    lijst = selectors.noodtoegangen_te_beoordelen(request.user).order_by("beoordeeld_op", "-van")[:200]
    return render(request, "huishoudens/noodtoegangen.html", {"noodtoegangen": lijst})


@require_POST
@login_required
def noodtoegang_beoordeeld(request, noodtoegang_pk):
    try:
        services.beoordeel_noodtoegang(noodtoegang_id=noodtoegang_pk, door=request.user)
    except PermissionDenied:
        raise Http404 from None
    return redirect("huishoudens:noodtoegangen")
