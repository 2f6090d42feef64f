"""Pages of the digitale marktplaats: hulpvragen and their koppelingen with vrijwilligers (thin: form →
service)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit import log
from common.fouten import fouten_naar_form
from gemeenschap import rechten, selectors, services
from gemeenschap.forms import HulpvraagActieForm, HulpvraagForm, KoppelingStapForm, KoppelVoorstelForm
from gemeenschap.models import Hulpvraag, Koppeling
from gemeenschap.views.basis import _opslaan, rol_vereist
from huishoudens.models import Actie, Ladder
from huishoudens.selectors import huishoudens_voor


@rol_vereist(rechten.mag_hulpvraag_indienen)
def hulpvragen(request):
    """The makelaar's marketplace: open requests with suggested volunteers. Others: the requests they see."""
    user = request.user
    if rechten.is_makelaar(user):
        open_ = list(selectors.open_hulpvragen(user)[:100])
        suggesties = selectors.suggesties_voor_lijst(user, open_)
        rijen = [{"hulpvraag": h, "suggesties": suggesties[h.pk],
                  "voorstel": next((k for k in h.koppelingen.all() if k.status in Koppeling.LOPEND), None)}
                 for h in open_]
        lopend = (selectors.hulpvragen_voor(user).filter(status=Hulpvraag.Status.GEKOPPELD)
                  .prefetch_related("koppelingen__vrijwilliger").order_by("-ingediend_op")[:50])
        return render(request, "gemeenschap/marktplaats.html", {"rijen": rijen, "gekoppeld": lopend})
    eigen = selectors.hulpvragen_voor(user).order_by("-ingediend_op", "-id")[:100]
    return render(request, "gemeenschap/hulpvragen.html", {"hulpvragen": eigen})


@rol_vereist(rechten.mag_hulpvraag_indienen)
def hulpvraag_nieuw(request):
    form = HulpvraagForm(request.POST or None, user=request.user)
    if request.method == "POST":
        def maak(data):
            hv = services.maak_hulpvraag(door=request.user, **data)
            messages.success(request, _("De hulpvraag is geregistreerd."))
            return redirect(hv)
        return _opslaan(request, form, "gemeenschap/hulpvraag_form.html", {}, maak)
    return render(request, "gemeenschap/hulpvraag_form.html", {"form": form})


@rol_vereist(rechten.mag_hulpvraag_indienen)
def hulpvraag_voor_actie(request, actie_pk):
    """A regisseur (or team member) asks the makelaar for a volunteer for a plan activity."""
    actie = (Actie.objects.select_related("doel__plan__traject__huishouden__wijk")
             .filter(pk=actie_pk, doel__plan__traject__huishouden__in=huishoudens_voor(request.user)).first())
    if actie is None or actie.ladder != Ladder.VRIJWILLIGERS:
        raise Http404
    huishouden = actie.doel.plan.traject.huishouden
    context = {"actie": actie, "huishouden": huishouden}
    form = HulpvraagActieForm(request.POST or None, initial={"wat": actie.omschrijving})
    if request.method == "POST":
        def maak(data):
            hv = services.maak_hulpvraag_voor_actie(door=request.user, actie=actie, **data)
            messages.success(request, _("De hulpvraag staat klaar voor de sociaal makelaar."))
            return redirect(hv)
        return _opslaan(request, form, "gemeenschap/hulpvraag_actie_form.html", context, maak)
    return render(request, "gemeenschap/hulpvraag_actie_form.html", {**context, "form": form})


@login_required
def hulpvraag(request, pk):
    hv = selectors.get_hulpvraag_voor(request.user, pk)
    if hv.huishouden_id:
        log.gelezen(request.user, hv, request=request)
    koppelingen = list(hv.koppelingen.select_related("vrijwilliger__wijk").order_by("-voorgesteld_op", "-id"))
    for k in koppelingen:
        k.toon_contact = selectors.mag_contactgegevens_zien(request.user, k.vrijwilliger, hv)
    is_makelaar = rechten.is_makelaar(request.user)
    return render(request, "gemeenschap/hulpvraag.html", {
        "hulpvraag": hv,
        "koppelingen": koppelingen,
        "is_makelaar": is_makelaar,
        "suggesties": selectors.suggesties(request.user, hv, aantal=10)
        if is_makelaar and hv.status == Hulpvraag.Status.OPEN and not any(
            k.status in Koppeling.LOPEND for k in koppelingen) else [],
        "stap_form": KoppelingStapForm(initial={"datum": timezone.localdate()}),
    })


@require_POST
@rol_vereist(rechten.mag_koppelen)
def koppel(request, pk):
    hv = selectors.get_hulpvraag_voor(request.user, pk)
    form = KoppelVoorstelForm(request.POST)
    if form.is_valid():
        v = selectors.get_vrijwilliger_voor(request.user, form.cleaned_data["vrijwilliger"])
        try:
            services.stel_koppeling_voor(hulpvraag=hv, vrijwilliger=v, door=request.user,
                                         toelichting=form.cleaned_data["toelichting"])
            messages.success(request, _("%(naam)s is voorgesteld voor deze hulpvraag.") % {"naam": v.naam})
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
    else:
        messages.error(request, _("Kies een vrijwilliger."))
    return redirect(hv)


@require_POST
@rol_vereist(rechten.mag_koppelen)
def koppeling_stap(request, pk):
    koppeling = Koppeling.objects.filter(pk=pk, hulpvraag__in=selectors.hulpvragen_voor(request.user)).first()
    if koppeling is None:
        raise Http404
    hv = koppeling.hulpvraag
    form = KoppelingStapForm(request.POST)
    if form.is_valid():
        try:
            services.wijzig_koppeling(koppeling=koppeling, door=request.user, **form.cleaned_data)
            messages.success(request, _("De koppeling is bijgewerkt."))
            return redirect(hv)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    koppelingen = list(hv.koppelingen.select_related("vrijwilliger__wijk").order_by("-voorgesteld_op", "-id"))
    for k in koppelingen:
        k.toon_contact = True
    return render(request, "gemeenschap/hulpvraag.html", {
        "hulpvraag": hv, "koppelingen": koppelingen, "is_makelaar": True, "suggesties": [],
        "stap_form": form, "stap_koppeling": koppeling.pk,
    }, status=400)
