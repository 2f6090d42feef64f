"""Child safety: a professional with access raises concerns with a reason; the coördinator of the gebied clears
them with a decision. The page shows the history of every change."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from common.fouten import fouten_naar_form
from huishoudens import rechten, selectors, services
from huishoudens.forms import OpheffenKindveiligheidForm, ZorgenKindveiligheidForm


@login_required
def kindveiligheid(request, pk):
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request)
    lopend = selectors.lopend_traject(huishouden)
    met_zorgen = selectors.traject_met_zorgen_kindveiligheid(huishouden)
    mag_melden = (met_zorgen is None and lopend is not None
                  and rechten.mag_zorgen_kindveiligheid_melden(request.user, True))
    mag_opheffen = met_zorgen is not None and rechten.mag_zorgen_kindveiligheid_opheffen(request.user, met_zorgen)
    melden = ZorgenKindveiligheidForm(prefix="melden") if mag_melden else None
    opheffen = OpheffenKindveiligheidForm(prefix="opheffen") if mag_opheffen else None
    status = 200
    if request.method == "POST":
        actie = request.POST.get("actie")
        if actie == "melden":
            if not rechten.mag_zorgen_kindveiligheid_melden(request.user, True):
                raise PermissionDenied(_("U kunt voor dit huishouden geen zorgen over kindveiligheid melden."))
            form = melden = ZorgenKindveiligheidForm(request.POST, prefix="melden")
            service = services.meld_zorgen_kindveiligheid
            traject = lopend or met_zorgen
        elif actie == "opheffen":
            if met_zorgen is not None and not mag_opheffen:
                raise PermissionDenied(_("Alleen de coördinator van het gebied kan de zorgen over kindveiligheid "
                                         "opheffen, met een besluit."))
            form = opheffen = OpheffenKindveiligheidForm(request.POST, prefix="opheffen")
            service = services.hef_zorgen_kindveiligheid_op
            traject = met_zorgen or lopend
        else:
            raise PermissionDenied
        if form.is_valid():
            try:
                if traject is None:
                    raise ValidationError(_("Dit huishouden heeft geen traject om dit bij vast te leggen."))
                service(traject=traject, door=request.user, **form.cleaned_data)
            except (ValidationError, PermissionDenied) as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Vastgelegd."))
                return redirect("huishoudens:kindveiligheid", pk=huishouden.pk)
        status = 400
    return render(request, "huishoudens/kindveiligheid.html", {
        "huishouden": huishouden, "melden": melden, "opheffen": opheffen,
        "wijzigingen": list(selectors.kindveiligheid_wijzigingen(huishouden)),
    }, status=status)
