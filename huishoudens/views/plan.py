"""The plan editor: one page, several small forms (each carrying the plan's lock version)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from common.fouten import fouten_naar_form
from huishoudens import forms, registry, selectors, services
from huishoudens.models import Ladder
from huishoudens.services.plan import personen_zonder_akkoord
from wijkteams.models import Aanbod

ONDERDELEN = {
    "plan": (forms.PlanForm, lambda p, d, f: services.wijzig_plan(plan=p, door=d, **f)),
    "doel": (forms.DoelForm, lambda p, d, f: services.voeg_doel_toe(plan=p, door=d, **f)),
    "actie": (forms.ActieForm, lambda p, d, f: services.voeg_actie_toe(door=d, **f)),
    "akkoord": (forms.AkkoordForm, lambda p, d, f: services.leg_akkoord_vast(plan=p, door=d, **f)),
    "evaluatie": (forms.EvaluatieForm, lambda p, d, f: services.leg_evaluatie_vast(plan=p, door=d, **f)),
    "vaststellen": (forms.LockForm, lambda p, d, f: services.stel_plan_vast(plan=p, door=d, **f)),
    "nieuwe_versie": (forms.LockForm, lambda p, d, f: services.nieuwe_planversie(plan=p, door=d, **f)),
}


def _form(onderdeel, plan, huishouden, data=None):
    cls = ONDERDELEN[onderdeel][0]
    kwargs = {"prefix": onderdeel, "initial": {"lock_versie": plan.lock_versie}}
    if onderdeel == "actie":
        kwargs.update(plan=plan, aanbod=selectors.aanbod_voor(huishouden).select_related(None))
    if onderdeel == "akkoord":
        kwargs["personen"] = selectors.personen_van(huishouden)
    if onderdeel == "plan":
        kwargs["initial"].update(inzet_netwerk=plan.inzet_netwerk, volgende_evaluatie=plan.traject.volgende_evaluatie)
    return cls(data, **kwargs)


def _render(request, huishouden, plan, gebonden=None, status=200):
    formulieren = {o: _form(o, plan, huishouden) for o in ONDERDELEN}
    if gebonden is not None:
        formulieren[gebonden[0]] = gebonden[1]
    doelen = list(plan.doelen.prefetch_related("acties__aanbod"))
    acties = [a for d in doelen for a in d.acties.all()]
    extra = {}
    for bron in registry.ACTIE_EXTRA:
        for actie_id, tekst in (bron(request, acties) or {}).items():
            extra.setdefault(actie_id, []).append(tekst)
    # Matching: an activity that asks for a volunteer and has no offer yet gets the volunteer offers of the wijk.
    vragen = [a for a in acties if a.ladder == Ladder.VRIJWILLIGERS and a.aanbod_id is None]
    suggesties = list(selectors.aanbod_voor(huishouden).filter(soort=Aanbod.Soort.VRIJWILLIGERSORGANISATIE)[:5]
                      ) if vragen else []
    for a in acties:
        a.extra = extra.get(a.pk, [])
        a.suggesties = suggesties if a in vragen else []
    return render(request, "huishoudens/plan.html", {
        "huishouden": huishouden, "plan": plan, "doelen": doelen, "formulieren": formulieren,
        "akkoorden": plan.akkoorden.select_related("persoon"), "zonder_akkoord": personen_zonder_akkoord(plan),
        "evaluaties": plan.evaluaties.all(), "fout_form": gebonden[1] if gebonden else None,
        "versies": selectors.plannen_van(huishouden).filter(
            traject_id=plan.traject_id),
    }, status=status)


@login_required
def plan(request, pk, plan_pk):
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request)
    plan = selectors.get_plan_voor(request.user, huishouden, plan_pk)
    if request.method != "POST":
        return _render(request, huishouden, plan)
    onderdeel = request.POST.get("onderdeel")
    if onderdeel not in ONDERDELEN:
        raise Http404
    form = _form(onderdeel, plan, huishouden, request.POST)
    if form.is_valid():
        try:
            uitkomst = ONDERDELEN[onderdeel][1](plan, request.user, dict(form.cleaned_data))
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het plan is bijgewerkt."))
            doel = uitkomst if onderdeel == "nieuwe_versie" else plan
            return redirect("huishoudens:plan", huishouden.pk, doel.pk)
    plan.refresh_from_db()
    return _render(request, huishouden, plan, gebonden=(onderdeel, form), status=400)


@require_POST
@login_required
def plan_maken(request, pk):
    huishouden = selectors.get_huishouden_voor(request.user, pk, request=request)
    traject = selectors.lopend_traject(huishouden)
    if traject is None:
        raise Http404
    try:
        plan = services.maak_plan(traject=traject, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return redirect(huishouden)
    return redirect("huishoudens:plan", huishouden.pk, plan.pk)
