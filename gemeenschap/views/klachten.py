"""Pages for klachten: registering and handling them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from common import opmaak
from gemeenschap import rechten, selectors, services
from gemeenschap.forms import KlachtAfhandelForm, KlachtForm
from gemeenschap.views.basis import _opslaan, rol_vereist
from huishoudens.selectors import huishoudens_voor


@rol_vereist(rechten.mag_klachten_zien)
def klachten(request):
    lijst = list(selectors.klachten_voor(request.user).order_by("-ontvangen_op", "-id")[:200])
    zichtbaar = selectors.zichtbare_huishouden_ids(request.user, [k.huishouden_id for k in lijst])
    for k in lijst:
        k.toon_huishouden = k.huishouden_id in zichtbaar
    return render(request, "gemeenschap/klachten.html", {
        "klachten": lijst, "vandaag": timezone.localdate(),
        "mag_registreren": rechten.mag_klacht_registreren(request.user)})


@rol_vereist(rechten.mag_klacht_registreren)
def klacht_nieuw(request):
    form = KlachtForm(request.POST or None, user=request.user, initial={"ontvangen_op": timezone.localdate()})
    if request.method == "POST":
        def maak(data):
            hh_id = data.pop("huishouden")
            hh = huishoudens_voor(request.user).filter(pk=hh_id).first() if hh_id else None
            if hh_id and hh is None:
                raise ValidationError({"huishouden": _("Onbekend huishouden, of een huishouden dat u niet mag zien.")})
            k = services.registreer_klacht(door=request.user, huishouden=hh, **data)
            messages.success(request, _("De klacht is geregistreerd; uiterlijk af te handelen op %(d)s.")
                             % {"d": opmaak.datum_nl(k.uiterlijk_afgehandeld)})
            return redirect(k)
        return _opslaan(request, form, "gemeenschap/klacht_form.html", {}, maak)
    return render(request, "gemeenschap/klacht_form.html", {"form": form})


@rol_vereist(rechten.mag_klachten_zien)
def klacht(request, pk):
    k = selectors.get_klacht_voor(request.user, pk)
    toon_huishouden = bool(selectors.zichtbare_huishouden_ids(request.user, [k.huishouden_id]))
    mag_afhandelen = rechten.mag_deze_klacht_afhandelen(request.user, k) and k.status != k.Status.AFGEHANDELD
    form = KlachtAfhandelForm(request.POST or None, initial={"behandeling": k.behandeling,
                                                             "afgehandeld_op": timezone.localdate()})
    context = {"klacht": k, "toon_huishouden": toon_huishouden, "mag_afhandelen": mag_afhandelen,
               "vandaag": timezone.localdate()}
    if request.method == "POST":
        if not mag_afhandelen:
            raise Http404

        def behandel(data):
            services.behandel_klacht(klacht=k, door=request.user, **data)
            messages.success(request, _("De klacht is bijgewerkt."))
            return redirect(k)
        return _opslaan(request, form, "gemeenschap/klacht.html", context, behandel)
    return render(request, "gemeenschap/klacht.html", {**context, "form": form})
