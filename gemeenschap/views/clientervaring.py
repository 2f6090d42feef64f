"""Pages for cliëntervaring: the scores per year, entered by hand or imported."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenschap import rechten, selectors, services
from gemeenschap.forms import ClientervaringForm, ClientervaringImportForm
from gemeenschap.views.basis import _opslaan, rol_vereist


@rol_vereist(rechten.mag_clientervaring_zien)
def clientervaring(request):
    scores = selectors.clientervaring_voor(request.user).order_by("-jaar", "vraag", "gebied__naam")
    jaren = {}
    for s in scores:
        jaren.setdefault(s.jaar, []).append(s)
    return render(request, "gemeenschap/clientervaring.html", {
        "jaren": jaren, "mag_invoeren": rechten.mag_clientervaring_invoeren(request.user),
        "form": ClientervaringForm(user=request.user, initial={"jaar": timezone.localdate().year - 1}),
        "import_form": ClientervaringImportForm()})


@rol_vereist(rechten.mag_clientervaring_invoeren)
def clientervaring_nieuw(request):
    form = ClientervaringForm(request.POST or None, user=request.user)
    if request.method == "POST":
        def opslaan(data):
            services.sla_clientervaring_op(door=request.user, **data)
            messages.success(request, _("De score is opgeslagen."))
            return redirect("gemeenschap:clientervaring")
        return _opslaan(request, form, "gemeenschap/clientervaring_form.html", {"import_form":
                                                                                ClientervaringImportForm()}, opslaan)
    return render(request, "gemeenschap/clientervaring_form.html",
                  {"form": form, "import_form": ClientervaringImportForm()})


@rol_vereist(rechten.mag_clientervaring_invoeren)
def clientervaring_import(request):
    form = ClientervaringImportForm(request.POST or None, request.FILES or None)
    context = {"form": ClientervaringForm(user=request.user)}
    if request.method == "POST":
        if form.is_valid():
            try:
                n = services.importeer_clientervaring(door=request.user, tekst=form.cleaned_data["bestand"])
                messages.success(request, _("%(n)s scores zijn ingelezen.") % {"n": n})
                return redirect("gemeenschap:clientervaring")
            except ValidationError as fout:
                form.add_error("bestand", fout)
        return render(request, "gemeenschap/clientervaring_form.html", {**context, "import_form": form}, status=400)
    return render(request, "gemeenschap/clientervaring_form.html", {**context, "import_form": form})
