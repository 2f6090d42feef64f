"""Pages for collectieve activiteiten."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from gemeenschap import rechten, selectors, services
from gemeenschap.forms import ActiviteitForm
from gemeenschap.views.basis import _opslaan, rol_vereist


@rol_vereist(rechten.mag_activiteiten_zien)
def activiteiten(request):
    lijst = selectors.activiteiten_voor(request.user).order_by("-startdatum", "-id")[:200]
    return render(request, "gemeenschap/activiteiten.html", {
        "activiteiten": lijst, "mag_beheren": rechten.mag_activiteiten_beheren(request.user)})


@rol_vereist(rechten.mag_activiteiten_zien)
def activiteit(request, pk):
    a = selectors.get_activiteit_voor(request.user, pk)
    return render(request, "gemeenschap/activiteit.html", {
        "activiteit": a, "mag_beheren": rechten.mag_activiteiten_beheren(request.user),
        "aantal_acties": a.acties.count()})


@rol_vereist(rechten.mag_activiteiten_beheren)
def activiteit_form(request, pk=None):
    a = selectors.get_activiteit_voor(request.user, pk) if pk else None
    velden = ("titel", "soort", "gebied", "wijk", "partner", "startdatum", "einddatum", "bereik", "omschrijving")
    form = ActiviteitForm(request.POST or None, user=request.user,
                          initial={k: getattr(a, k) for k in velden} if a else None)
    context = {"activiteit": a}
    if request.method == "POST":
        def opslaan(data):
            if a:
                obj = services.wijzig_activiteit(activiteit=a, door=request.user, **data)
            else:
                obj = services.registreer_activiteit(door=request.user, **data)
            messages.success(request, _("De activiteit is opgeslagen."))
            return redirect(obj)
        return _opslaan(request, form, "gemeenschap/activiteit_form.html", context, opslaan)
    return render(request, "gemeenschap/activiteit_form.html", {**context, "form": form})
