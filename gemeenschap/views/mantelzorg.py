"""Pages for mantelzorg: the mantelzorgers, their support and the belastingcheck."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from common.fouten import fouten_naar_form
from gemeenschap import mantelzorg, rechten, selectors
from gemeenschap.forms import BelastingcheckForm, MantelzorgerForm, SteunForm
from gemeenschap.views.basis import _opslaan, rol_vereist
from huishoudens.selectors import get_huishouden_voor
from wijkteams.selectors import gemeente_id_van


@rol_vereist(rechten.mag_mantelzorg)
def mantelzorgers(request):
    lijst = list(selectors.mantelzorgers_voor(request.user).order_by("-sinds", "-id")[:200])
    log.getoond(request.user, (mz.huishouden_id for mz in lijst), request=request,
                gemeente_id=gemeente_id_van(request.user), detail={"weergave": "mantelzorgers"})
    return render(request, "gemeenschap/mantelzorgers.html", {"mantelzorgers": lijst})


@rol_vereist(rechten.mag_mantelzorg)
def mantelzorger_nieuw(request, huishouden_pk):
    hh = get_huishouden_voor(request.user, huishouden_pk, request=request, log_lezen=False)
    form = MantelzorgerForm(request.POST or None, huishouden=hh)
    context = {"huishouden": hh}
    if request.method == "POST":
        def maak(data):
            mz = mantelzorg.registreer_mantelzorger(
                door=request.user, zorgt_voor=data["zorgt_voor"], uren_per_week=data["uren_per_week"],
                sinds=data["sinds"], **form.mantelzorger_kwargs())
            messages.success(request, _("De mantelzorger is geregistreerd."))
            return redirect(mz)
        return _opslaan(request, form, "gemeenschap/mantelzorger_form.html", context, maak)
    return render(request, "gemeenschap/mantelzorger_form.html", {**context, "form": form})


def _mantelzorger_pagina(request, mz, *, steun_form=None, check_form=None, status=200):
    log.gelezen(request.user, mz, request=request)
    vandaag = timezone.localdate()
    return render(request, "gemeenschap/mantelzorger.html", {
        "mz": mz,
        "steun": mz.steun.all(),
        "checks": mz.checks.all()[:10],
        "steun_form": steun_form or SteunForm(initial={"datum": vandaag}),
        "check_form": check_form or BelastingcheckForm(initial={"datum": vandaag}),
        "drempel": mantelzorg.drempel(), "max_score": mantelzorg.MAX_SCORE,
    }, status=status)


@rol_vereist(rechten.mag_mantelzorg)
def mantelzorger(request, pk):
    return _mantelzorger_pagina(request, selectors.get_mantelzorger_voor(request.user, pk))


@rol_vereist(rechten.mag_mantelzorg)
def mantelzorger_steun(request, pk):
    mz = selectors.get_mantelzorger_voor(request.user, pk)
    if request.method != "POST":
        return redirect(mz)
    form = SteunForm(request.POST)
    if form.is_valid():
        try:
            mantelzorg.registreer_steun(mantelzorger=mz, door=request.user, **form.cleaned_data)
            messages.success(request, _("De ondersteuning is vastgelegd."))
            return redirect(mz)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    return _mantelzorger_pagina(request, mz, steun_form=form, status=400)


@rol_vereist(rechten.mag_mantelzorg)
def mantelzorger_check(request, pk):
    mz = selectors.get_mantelzorger_voor(request.user, pk)
    if request.method != "POST":
        return redirect(mz)
    form = BelastingcheckForm(request.POST)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            check = mantelzorg.neem_belastingcheck_af(mantelzorger=mz, door=request.user, datum=data.pop("datum"),
                                                      antwoorden=data)
            if check.overbelast:
                messages.warning(request, _("Score %(s)s: deze mantelzorger is overbelast. De regisseur van het "
                                            "huishouden ziet dit op de startpagina.") % {"s": check.score})
            else:
                messages.success(request, _("Score %(s)s: geen overbelasting.") % {"s": check.score})
            return redirect(mz)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
    return _mantelzorger_pagina(request, mz, check_form=form, status=400)
