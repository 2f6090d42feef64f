"""Pages of the digitale marktplaats: the vrijwilligers (thin: form → service)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gemeenschap import rechten, selectors, services
from gemeenschap.forms import VrijwilligerForm
from gemeenschap.views.basis import _opslaan, rol_vereist

VRIJWILLIGER_INITIAL = ("naam", "email", "telefoon", "wijk", "interesses", "vaardigheden", "beschikbaarheid",
                        "vog_gecontroleerd", "vog_datum", "organisatie", "actief")


@rol_vereist(rechten.mag_vrijwilligers_beheren)
def vrijwilligers(request):
    lijst = selectors.vrijwilligers_voor(request.user).order_by("naam", "id")
    return render(request, "gemeenschap/vrijwilligers.html", {"vrijwilligers": lijst[:500]})


@rol_vereist(rechten.mag_vrijwilligers_beheren)
def vrijwilliger_nieuw(request):
    form = VrijwilligerForm(request.POST or None, user=request.user)
    if request.method == "POST":
        def maak(data):
            v = services.registreer_vrijwilliger(door=request.user, **data)
            messages.success(request, _("De vrijwilliger is geregistreerd."))
            return redirect(v)
        return _opslaan(request, form, "gemeenschap/vrijwilliger_form.html", {}, maak)
    return render(request, "gemeenschap/vrijwilliger_form.html", {"form": form})


@rol_vereist(rechten.mag_vrijwilligers_beheren)
def vrijwilliger(request, pk):
    v = selectors.get_vrijwilliger_voor(request.user, pk)
    koppelingen = v.koppelingen.select_related("hulpvraag__wijk").order_by("-voorgesteld_op")[:50]
    return render(request, "gemeenschap/vrijwilliger.html", {"vrijwilliger": v, "koppelingen": koppelingen})


@rol_vereist(rechten.mag_vrijwilligers_beheren)
def vrijwilliger_wijzigen(request, pk):
    v = selectors.get_vrijwilliger_voor(request.user, pk)
    form = VrijwilligerForm(request.POST or None, user=request.user,
                            initial={k: getattr(v, k) for k in VRIJWILLIGER_INITIAL})
    context = {"vrijwilliger": v}
    if request.method == "POST":
        def wijzig(data):
            services.wijzig_vrijwilliger(vrijwilliger=v, door=request.user, **data)
            messages.success(request, _("De gegevens zijn opgeslagen."))
            return redirect(v)
        return _opslaan(request, form, "gemeenschap/vrijwilliger_form.html", context, wijzig)
    return render(request, "gemeenschap/vrijwilliger_form.html", {**context, "form": form})
