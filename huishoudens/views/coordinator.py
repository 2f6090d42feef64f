"""Coördinator pages: bulk handover of regie, and merging duplicate person records."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from audit import log
from common.fouten import fouten_naar_form
from huishoudens import forms, rechten, selectors, services
from huishoudens.models import Persoon
from huishoudens.views.dossier import gepost
from wijkteams import rollen


def _alleen_coordinator(request):
    if not rollen.heeft_rol(request.user, rollen.COORDINATOR):
        raise Http404


@login_required
def bulk_overdracht(request):
    _alleen_coordinator(request)
    # "naar": exactly whom the service accepts as regisseur in the coördinator's scope (team members and
    # coördinatoren by wijkteams.rollen); "van": those and whoever now holds regie there.
    form = forms.BulkOverdrachtForm(gepost(request),
                                    regisseurs=selectors.regisseurs_voor_bulkoverdracht(request.user),
                                    ontvangers=selectors.ontvangers_bulkoverdracht(request.user))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                aantal = services.draag_alle_regie_over(door=request.user, **form.cleaned_data)
            except (ValidationError, PermissionDenied) as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("De regie van %(n)s huishoudens is overgedragen.") % {"n": aantal})
                return redirect("huishoudens:bulk_overdracht")
        status = 400
    return render(request, "huishoudens/bulk_overdracht.html", {"form": form}, status=status)


@login_required
def huishoudens_samenvoegen(request, pk):
    """Merge a duplicate household into this one: the coördinator of the gebied of both (else 404)."""
    _alleen_coordinator(request)
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request)
    if not rechten.mag_huishoudens_samenvoegen(request.user, huishouden):
        raise Http404
    kandidaten = selectors.mogelijke_dubbelen(request.user, huishouden)
    form = forms.HuishoudensSamenvoegForm(gepost(request), kandidaten=kandidaten)
    if request.method != "POST":
        # Showing that a household looks like this one reveals it exists: logged like a read (NEN 7513).
        log.getoond(request.user, [h.pk for h in kandidaten], detail={"dubbelcontrole": True}, request=request)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.voeg_huishoudens_samen(behouden=huishouden, door=request.user, **form.cleaned_data)
            except (ValidationError, PermissionDenied) as fout:
                fouten_naar_form(form, fout)
            else:
                geboortedata = [p.geboortedatum for p in selectors.personen_van(huishouden)]
                if len(geboortedata) != len(set(geboortedata)):
                    # the same person may now be in the household twice: the person merge is the next step
                    messages.success(request, _("De huishoudens zijn samengevoegd. Er staan personen met dezelfde "
                                                "geboortedatum in het huishouden: voeg ze samen als het dezelfde "
                                                "persoon is."))
                    return redirect("huishoudens:samenvoegen", huishouden.pk)
                messages.success(request, _("De huishoudens zijn samengevoegd."))
                return redirect(huishouden)
        status = 400
    return render(request, "huishoudens/huishoudens_samenvoegen.html", {"huishouden": huishouden, "form": form},
                  status=status)


@login_required
def samenvoegen(request, pk):
    """Merge two records of the same person. Both must be visible to the coördinator."""
    _alleen_coordinator(request)
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request)
    zichtbaar = selectors.huishoudens_voor(request.user)
    eigen = list(selectors.personen_van(huishouden))
    # Candidates: this household's persons, and persons elsewhere (visible to the user) with the same birth date.
    personen = Persoon.objects.filter(samengevoegd_in__isnull=True, huishouden__in=zichtbaar).filter(
        geboortedatum__in=[p.geboortedatum for p in eigen]).select_related("huishouden")
    form = forms.SamenvoegForm(gepost(request), personen=personen)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.voeg_personen_samen(door=request.user, **form.cleaned_data)
            except (ValidationError, PermissionDenied) as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("De personen zijn samengevoegd."))
                return redirect(huishouden)
        status = 400
    return render(request, "huishoudens/samenvoegen.html", {"huishouden": huishouden, "form": form},
                  status=status)
