"""Thin views for maatwerk: request, decision, beschikking, toewijzing, werkvoorraad with budget, export."""

import json
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit import log
from audit.models import AuditActie
from common.fouten import fouten_naar_form
from common.invoer import als_getal
from huishoudens import selectors as huishouden_selectors
from toegang.maatwerk import selectors, services
from toegang.maatwerk.berichten import ontvangst, opbouw
from toegang.maatwerk.export import exporteer
from toegang.maatwerk.forms import (
    AanvraagForm,
    BesluitForm,
    HerschikForm,
    IntrekkenForm,
    OpnieuwIndienenForm,
    ZorgberichtForm,
    ZorgStartForm,
    ZorgStopForm,
)
from toegang.models import Mandaat
from wijkteams import rollen
from wijkteams.selectors import medewerker_van


@login_required
def aanvraag_nieuw(request, huishouden_pk):
    huishouden = huishouden_selectors.get_huishouden_voor(request.user, huishouden_pk, request=request)
    traject = huishouden_selectors.lopend_traject(huishouden)
    if traject is None:
        raise Http404
    if not request.user.groups.filter(pk=traject.team.groep_id).exists():
        raise PermissionDenied(_("Alleen een medewerker van het team van dit huishouden kan maatwerk aanvragen."))
    initial = {"doel": request.GET.get("doel")}
    form = AanvraagForm(request.POST or None, huishouden=huishouden, traject=traject, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                aanvraag = services.dien_aanvraag_in(door=request.user, **form.cleaned_data)
            except (ValidationError, PermissionDenied) as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("De aanvraag is ingediend. Het besluit volgt binnen twee weken."))
                return redirect(aanvraag)
        status = 400
    return render(request, "toegang/maatwerk/aanvraag_formulier.html",
                  {"form": form, "huishouden": huishouden, "traject": traject}, status=status)


def _aanvraag_context(request, aanvraag, **forms):
    mag_beslissen = aanvraag.is_open and services.mag_beslissen(request.user, aanvraag)
    in_team = request.user.groups.filter(team__pk=aanvraag.team_id).exists()
    toewijzing = getattr(aanvraag, "toewijzing", None) if aanvraag.status == aanvraag.Status.TOEGEKEND else None
    return {
        "aanvraag": aanvraag,
        "mag_beslissen": mag_beslissen,
        "is_auteur": services.is_auteur(request.user, aanvraag),
        "in_team": in_team,
        "besluit_form": forms.get("besluit_form") or (BesluitForm(aanvraag=aanvraag) if mag_beslissen else None),
        "opnieuw_form": forms.get("opnieuw_form") or OpnieuwIndienenForm(initial={"motivering": aanvraag.motivering}),
        "intrek_form": forms.get("intrek_form") or IntrekkenForm(),
        "toewijzing": toewijzing,
        "start_form": forms.get("start_form") or ZorgStartForm(prefix="start"),
        "stop_form": forms.get("stop_form") or ZorgStopForm(prefix="stop"),
        "historie": aanvraag.statuswijzigingen.select_related("door"),
    }


@login_required
def aanvraag(request, pk):
    aanvraag = selectors.get_aanvraag_voor(request.user, pk, request=request)
    return render(request, "toegang/maatwerk/aanvraag.html", _aanvraag_context(request, aanvraag))


def _aanvraag_actie(request, aanvraag, *, form, service, form_naam, bericht):
    """One POST action on a request: valid form → service → message and redirect; otherwise the request
    page again (400) with the form and the service's Dutch errors, nothing typed lost."""
    if form.is_valid():
        try:
            service(aanvraag_id=aanvraag.pk, door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, bericht)
            return redirect(aanvraag)
    return render(request, "toegang/maatwerk/aanvraag.html",
                  _aanvraag_context(request, aanvraag, **{form_naam: form}), status=400)


@require_POST
@login_required
def aanvraag_besluit(request, pk):
    aanvraag = selectors.get_aanvraag_voor(request.user, pk, request=request)
    if not services.mag_beslissen(request.user, aanvraag):
        raise PermissionDenied(_("U kunt niet over deze aanvraag beslissen."))
    extern = aanvraag.beslisser == Mandaat.Beslisser.EXTERN
    return _aanvraag_actie(request, aanvraag, form=BesluitForm(request.POST, request.FILES, aanvraag=aanvraag),
                           service=services.besluit_over_aanvraag, form_naam="besluit_form",
                           bericht=_("Het besluit van %(instantie)s is vastgelegd.") % {
                               "instantie": aanvraag.externe_instantie} if extern
                           else _("Uw besluit is vastgelegd. De beschikking wordt gemaakt."))


@require_POST
@login_required
def aanvraag_opnieuw(request, pk):
    aanvraag = selectors.get_aanvraag_voor(request.user, pk, request=request)
    return _aanvraag_actie(request, aanvraag, form=OpnieuwIndienenForm(request.POST), service=services.dien_opnieuw_in,
                           form_naam="opnieuw_form", bericht=_("De aanvraag is opnieuw ingediend."))


@require_POST
@login_required
def aanvraag_intrekken(request, pk):
    aanvraag = selectors.get_aanvraag_voor(request.user, pk, request=request)
    return _aanvraag_actie(request, aanvraag, form=IntrekkenForm(request.POST), service=services.trek_aanvraag_in,
                           form_naam="intrek_form", bericht=_("De aanvraag is ingetrokken."))


def _pdf_van_aanvraag(request, pk, veld, bestandsnaam):
    """A stored PDF of a request (the beschikking, or an external body's letter) for whoever may see the
    household; 404 when there is none. The download is logged."""
    aanvraag = selectors.get_aanvraag_voor(request.user, pk, request=request)
    bestand = getattr(aanvraag, veld)
    if not bestand:
        raise Http404
    log.geprint(request.user, aanvraag, request=request, detail={veld: bestand.name})
    return FileResponse(bestand.open("rb"), content_type="application/pdf", as_attachment=True,
                        filename=f"{bestandsnaam}-{aanvraag.pk}.pdf")


@login_required
def beschikking(request, pk):
    return _pdf_van_aanvraag(request, pk, "beschikking", "beschikking")


@login_required
def besluitbrief(request, pk):
    return _pdf_van_aanvraag(request, pk, "extern_besluitbrief", "besluit")


@require_POST
@login_required
def toewijzing_zorg(request, pk, soort):
    aanvraag = selectors.get_aanvraag_voor(request.user, pk, request=request)
    toewijzing = getattr(aanvraag, "toewijzing", None)
    if toewijzing is None:
        raise Http404
    if soort == "start":
        form, service, naam = ZorgStartForm(request.POST, prefix="start"), services.registreer_zorgstart, "start_form"
    else:
        form, service, naam = ZorgStopForm(request.POST, prefix="stop"), services.registreer_zorgstop, "stop_form"
    if form.is_valid():
        try:
            service(toewijzing_id=toewijzing.pk, door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("De zorg is geregistreerd."))
            return redirect(aanvraag)
    return render(request, "toegang/maatwerk/aanvraag.html", _aanvraag_context(request, aanvraag, **{naam: form}),
                  status=400)


def _werkvoorraad_context(request, herschik_form=None):
    mw = medewerker_van(request.user)
    jaar = als_getal(request.GET.get("jaar"), 0)
    jaar = jaar if 2000 <= jaar <= 2100 else timezone.localdate().year
    sorteer = request.GET.get("sorteer")
    sorteer = sorteer if sorteer in selectors.BESLIS_SORTERINGEN else "termijn"
    context = {
        "te_beslissen": list(selectors.te_beslissen_voor(request.user, sorteer=sorteer)[:200]),
        "sorteer": sorteer,
        "eigen": list(selectors.eigen_aanvragen(request.user)[:200]),
        "jaar": jaar,
        "regels": [],
    }
    context["als_vervanger"] = selectors.te_beslissen_als_vervanger(
        request.user, al_getoond=[a.pk for a in context["te_beslissen"]])
    log.getoond(request.user, [a.huishouden_id for a in context["te_beslissen"] + context["eigen"]]
                + [a.huishouden_id for _collega, a in context["als_vervanger"]],
                request=request, gemeente_id=mw and mw.gemeente_id, detail={"weergave": "werkvoorraad maatwerk"})
    if mw is not None and rollen.heeft_rol(request.user, rollen.COORDINATOR):
        gebieden = list(mw.coordinator_van.values_list("pk", flat=True))
        context["regels"] = selectors.budgetregels(gemeente_id=mw.gemeente_id, jaar=jaar, gebied_ids=gebieden)
        context["herschik_form"] = herschik_form or HerschikForm(regels=context["regels"])
    return context


@login_required
def werkvoorraad(request):
    if not rollen.heeft_rol(request.user, rollen.COORDINATOR, rollen.MEDEWERKER):
        raise PermissionDenied
    return render(request, "toegang/maatwerk/werkvoorraad.html", _werkvoorraad_context(request))


@require_POST
@login_required
def budget_herschikken(request):
    if not rollen.heeft_rol(request.user, rollen.COORDINATOR):
        raise PermissionDenied
    context = _werkvoorraad_context(request)
    form = HerschikForm(request.POST, regels=context["regels"])
    if form.is_valid():
        try:
            services.herschik_budget(door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het budget is herschikt."))
            return redirect("toegang:maatwerk_werkvoorraad")
    context["herschik_form"] = form
    return render(request, "toegang/maatwerk/werkvoorraad.html", context, status=400)


@login_required
def toewijzingen_export(request):
    """The toewijzingen the user may see, as JSON in the documented structure (toegang/toewijzing_schema.json)."""
    if not rollen.heeft_rol(request.user, rollen.COORDINATOR):
        raise PermissionDenied
    mw = medewerker_van(request.user)
    toewijzingen = selectors.toewijzingen_voor(request.user)
    gegevens = exporteer(toewijzingen, gemeente=mw.gemeente)
    # one row per household in the file (it holds BSN and birth dates), plus the export as a whole
    log.getoond(request.user, toewijzingen.values_list("client__huishouden_id", flat=True),
                actie=AuditActie.GEEXPORTEERD, request=request, gemeente_id=mw.gemeente_id,
                detail={"export": "toewijzingen"})
    log.log(request.user, AuditActie.GEEXPORTEERD, None, request=request, gemeente_id=mw.gemeente_id,
            detail={"toewijzingen": len(gegevens["toewijzingen"])})
    antwoord = HttpResponse(json.dumps(gegevens, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    antwoord["Content-Disposition"] = 'attachment; filename="toewijzingen.json"'
    return antwoord


def _berichten_context(request, form=None):
    gemeente, aanbieders = selectors.aanbieders_voor_berichten(request.user)
    rijen = [(a, opbouw.dagen_met_berichten(gemeente=gemeente, aanbieder=a, aantal=10)) for a in aanbieders]
    return {"gemeente": gemeente, "rijen": rijen, "form": form or ZorgberichtForm()}


@login_required
def toewijzing_berichten(request):
    """iWmo/iJw 301 files per provider and day (for a gemeente without a message hub), and reading in the
    provider's 305/307. Coördinator or functioneel beheerder of the gemeente only; 404 for anyone else."""
    if request.method != "POST":
        return render(request, "toegang/maatwerk/berichten.html", _berichten_context(request))
    selectors.aanbieders_voor_berichten(request.user)  # 404 before reading anything
    form = ZorgberichtForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            zb, toewijzingen = ontvangst.verwerk_zorgbericht(inhoud=form.cleaned_data["bestand"].read(),
                                                             door=request.user)
        except ValidationError as fout:
            for melding in fout.messages:
                form.add_error("bestand", melding)
        else:
            messages.success(request, _("Bericht %(bericht)s %(id)s is verwerkt: %(aantal)s toewijzing(en) "
                                        "bijgewerkt.") % {"bericht": zb.bericht, "id": zb.identificatie,
                                                          "aantal": len(toewijzingen)})
            return redirect("toegang:toewijzing_berichten")
    return render(request, "toegang/maatwerk/berichten.html", _berichten_context(request, form), status=400)


@login_required
def toewijzing_berichten_dag(request, aanbieder_pk, dag):
    """The 301 batch of one provider and one day as a ZIP (one XML per message); every household logged."""
    gemeente, aanbieder = selectors.get_aanbieder_voor_berichten(request.user, aanbieder_pk)
    try:
        dag = date.fromisoformat(dag)
    except ValueError:
        raise Http404 from None
    try:
        bestanden = opbouw.berichten_van_dag(gemeente=gemeente, aanbieder=aanbieder, dag=dag)
    except opbouw.BerichtFout as fout:
        context = _berichten_context(request)
        context["fouten_301"] = fout.fouten
        return render(request, "toegang/maatwerk/berichten.html", context, status=409)
    if not bestanden:
        raise Http404
    log.getoond(request.user, [b.huishouden_id for b in bestanden], actie=AuditActie.GEEXPORTEERD, request=request,
                gemeente_id=gemeente.pk, detail={"export": "301-berichten", "aanbieder": aanbieder.agb_code,
                                                 "dag": dag.isoformat()})
    log.log(request.user, AuditActie.GEEXPORTEERD, aanbieder, request=request, gemeente_id=gemeente.pk,
            detail={"301_berichten": len(bestanden), "dag": dag.isoformat()})
    antwoord = HttpResponse(opbouw.zip_van_dag(bestanden), content_type="application/zip")
    antwoord["Content-Disposition"] = (f'attachment; filename="toewijzingen_{gemeente.cbs_code}_{aanbieder.agb_code}_'
                                       f'{dag:%Y%m%d}.zip"')
    return antwoord
