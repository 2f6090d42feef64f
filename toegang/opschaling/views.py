"""Thin views for opschaling, the bestuurstafel summaries and the policy-signal register."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit import log
from common.fouten import fouten_naar_form
from huishoudens import selectors as huishouden_selectors
from toegang.models import BeleidsSignaal
from toegang.opschaling import selectors, services
from toegang.opschaling.forms import (
    AfschalenForm,
    AfsluitenForm,
    BehandelenForm,
    BesluitOpschalingForm,
    OpschalingForm,
    SamenvattingForm,
    SignaalForm,
)
from wijkteams import rollen

# action name → (form, service)
ACTIES = {
    "behandelen": (BehandelenForm, services.neem_in_behandeling),
    "besluit": (BesluitOpschalingForm, services.leg_besluit_vast),
    "afschalen": (AfschalenForm, services.schaal_af),
    "afsluiten": (AfsluitenForm, services.sluit_opschaling_af),
    "samenvatting": (SamenvattingForm, services.leg_samenvatting_vast),
    "signaal": (SignaalForm, services.registreer_signaal),
}


@login_required
def opschalingen(request):
    if not rollen.heeft_rol(request.user, rollen.COORDINATOR, rollen.MEDEWERKER, rollen.LZN):
        raise PermissionDenied
    lijst = list(selectors.opschalingen_voor(request.user)[:200])
    log.getoond(request.user, (o.huishouden_id for o in lijst), request=request, detail={"weergave": "opschalingen"})
    return render(request, "toegang/opschaling/lijst.html", {"opschalingen": lijst})


@login_required
def opschaling_nieuw(request, huishouden_pk):
    huishouden = huishouden_selectors.get_huishouden_voor(request.user, huishouden_pk, request=request)
    traject = huishouden_selectors.lopend_traject(huishouden)
    if traject is None:
        raise Http404
    if not services.mag_opschalen(request.user, traject):
        raise PermissionDenied(_("Alleen de regisseur of de coördinator van het gebied kan opschalen."))
    doelen = selectors.doelen_voor(request.user)
    form = OpschalingForm(request.POST or None, doelen=doelen)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                opschaling = services.schaal_op(traject=traject, door=request.user, **form.cleaned_data)
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Het traject is opgeschaald naar %(doel)s.") % {"doel": opschaling.doel})
                return redirect(opschaling)
        status = 400
    return render(request, "toegang/opschaling/formulier.html",
                  {"form": form, "huishouden": huishouden, "doelen": doelen}, status=status)


def _context(request, opschaling, fout_form=None, fout_actie=None):
    mag = services.mag_behandelen(request.user, opschaling)
    forms = {}
    if mag and opschaling.is_actief:
        if opschaling.status == opschaling.Status.AANGEMELD:
            forms["behandelen"] = BehandelenForm(prefix="behandelen")
        if opschaling.status in (opschaling.Status.AANGEMELD, opschaling.Status.IN_BEHANDELING):
            forms["besluit"] = BesluitOpschalingForm(prefix="besluit")
        forms["afschalen"] = AfschalenForm(prefix="afschalen")
        forms["afsluiten"] = AfsluitenForm(prefix="afsluiten")
        if opschaling.doel.soort == opschaling.doel.Soort.BESTUURSTAFEL:
            forms["signaal"] = SignaalForm(prefix="signaal")
    if (opschaling.doel.soort == opschaling.doel.Soort.BESTUURSTAFEL
            and rollen.is_coordinator_van(request.user, opschaling.gebied_id, gemeente_id=opschaling.gemeente_id)):
        forms["samenvatting"] = SamenvattingForm(prefix="samenvatting",
                                                 initial={"samenvatting": opschaling.samenvatting})
    if fout_form is not None:
        forms[fout_actie] = fout_form
    titels = {"behandelen": _("In behandeling nemen"), "besluit": _("Besluit vastleggen"),
              "afschalen": _("Afschalen naar het team"), "afsluiten": _("Afsluiten"),
              "samenvatting": _("Casusbeschrijving voor de bestuurstafel"), "signaal": _("Beleidssignaal vastleggen")}
    return {"opschaling": opschaling, "acties": [(naam, titels[naam], f) for naam, f in forms.items()],
            "historie": opschaling.statuswijzigingen.select_related("door")}


@login_required
def opschaling(request, pk):
    o = selectors.get_opschaling_voor(request.user, pk, request=request)
    return render(request, "toegang/opschaling/opschaling.html", _context(request, o))


@require_POST
@login_required
def opschaling_actie(request, pk, actie):
    if actie not in ACTIES:
        raise Http404
    o = selectors.get_opschaling_voor(request.user, pk, request=request)
    form_klasse, service = ACTIES[actie]
    form = _voer_uit(request, o, form_klasse, service, actie)
    if form is None:
        return redirect(o)
    return render(request, "toegang/opschaling/opschaling.html", _context(request, o, form, actie), status=400)


def _voer_uit(request, o, form_klasse, service, actie):
    """One action on an escalation from its form (prefixed with the action's name): None when recorded (with
    the success message), else the form with its errors and the escalation read again for the page."""
    form = form_klasse(request.POST, prefix=actie)
    if form.is_valid():
        try:
            service(opschaling_id=o.pk, door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Vastgelegd."))
            return None
    o.refresh_from_db()
    return form


@login_required
def bestuurstafel(request):
    if not rollen.heeft_rol(request.user, rollen.BESTUURSTAFEL, rollen.COORDINATOR):
        raise PermissionDenied
    return render(request, "toegang/opschaling/bestuurstafel.html",
                  {"casussen": list(selectors.bestuurstafel_casussen(request.user)[:200])})


# What a member of the bestuurstafel records on the case summary it sees (it never opens the dossier).
BESTUURSTAFEL_ACTIES = {
    "besluit": (BesluitOpschalingForm, services.leg_besluit_vast, _("Besluit van de bestuurstafel vastleggen")),
    "signaal": (SignaalForm, services.registreer_signaal, _("Beleidssignaal vastleggen")),
}


def _casus_context(request, casus, fout_form=None, fout_actie=None):
    acties = []
    if services.mag_behandelen(request.user, casus):
        for naam, (form_klasse, _service, titel) in BESTUURSTAFEL_ACTIES.items():
            if naam == "besluit" and casus.status not in (casus.Status.AANGEMELD, casus.Status.IN_BEHANDELING):
                continue
            form = fout_form if naam == fout_actie else form_klasse(prefix=naam)
            acties.append((naam, titel, form))
    return {"casus": casus, "acties": acties,
            "signalen": list(BeleidsSignaal.objects.filter(opschaling=casus).order_by("datum", "id")
                             .only("id", "thema", "omschrijving", "datum"))}


@login_required
def bestuurstafel_casus(request, pk):
    casus = selectors.get_bestuurstafel_casus(request.user, pk, request=request)
    return render(request, "toegang/opschaling/bestuurstafel_casus.html", _casus_context(request, casus))


@require_POST
@login_required
def bestuurstafel_actie(request, pk, actie):
    """A member of the bestuurstafel records the table's decision or a beleidssignaal on the case it sees."""
    if actie not in BESTUURSTAFEL_ACTIES:
        raise Http404
    casus = selectors.get_bestuurstafel_casus(request.user, pk, request=request)
    form_klasse, service, _titel = BESTUURSTAFEL_ACTIES[actie]
    form = _voer_uit(request, casus, form_klasse, service, actie)
    if form is None:
        return redirect("toegang:bestuurstafel_casus", pk=casus.pk)
    return render(request, "toegang/opschaling/bestuurstafel_casus.html",
                  _casus_context(request, casus, form, actie), status=400)


@login_required
def beleidssignalen(request):
    if not rollen.heeft_rol(request.user, rollen.BELEIDSMEDEWERKER, rollen.BESTUURSTAFEL, rollen.COORDINATOR):
        raise PermissionDenied
    signalen = selectors.beleidssignalen_voor(request.user)
    per_thema = {r["thema"]: r["n"] for r in signalen.order_by().values("thema").annotate(n=Count("id"))}
    return render(request, "toegang/opschaling/beleidssignalen.html", {
        "signalen": list(signalen[:500]),
        "per_thema": [(label, per_thema.get(waarde, 0)) for waarde, label in BeleidsSignaal.Thema.choices],
    })
