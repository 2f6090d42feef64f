"""THE werkvoorraad: per professional, per team and per gebied (coördinator). Fixed number of queries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit import log
from common.invoer import is_cijfers
from common.paginering import pagina_met_totaal
from huishoudens.models import Traject
from toegang.melding import selectors, services
from toegang.melding.forms import WerkvoorraadFilterForm
from toegang.melding.termijnen import dagen_tot, termijnstatus
from toegang.models import Melding
from toegang.opschaling import selectors as opschaling_selectors
from wijkteams import rollen
from wijkteams.models import Wijk

PER_PAGINA = 25


def _pagina(qs, nummer, totaal=None):
    """A page of the list with its total: ``totaal`` when the summary counted it already (then the page query
    reads only the page's rows, not every row of the view for ``COUNT(*) OVER ()``), else in the page's query."""
    if totaal is None:
        return pagina_met_totaal(qs, nummer, PER_PAGINA)
    paginator = Paginator(qs, PER_PAGINA)
    paginator.count = totaal  # a cached_property: set, it is never queried
    try:
        nummer = paginator.validate_number(nummer or 1)
    except PageNotAnInteger:
        nummer = 1
    except EmptyPage:
        nummer = paginator.num_pages
    begin = (nummer - 1) * PER_PAGINA
    if totaal <= PER_PAGINA:
        # one page holds the whole list (as the summary counted it): one plain query joins no more rows than the
        # page's, and the ids-first query below compiled the list's filters twice (~5 ms CPU for "mijn" households)
        return Page(list(qs[:PER_PAGINA]), nummer, paginator)
    # the page's ids first (ordered and limited on the list's own table), then only those rows with their joins:
    # otherwise PostgreSQL joined every row of the view (e.g. each traject to its household) before the sort
    return Page(list(qs.filter(pk__in=qs.values("pk")[begin:begin + PER_PAGINA])), nummer, paginator)


def _totaal_meldingen(samenvatting, status, filters, leefgebied):
    """The list's total from the summary's status counts when only the status filters the meldingen."""
    if leefgebied or any(filters[k] for k in ("team", "wijk", "termijn", "zoek")):
        return None
    per_status = samenvatting["opties"]["status"]
    return per_status.get(status if status == "open" or status in Melding.Status.values else "alle")


def _opties(bereik):
    teams = sorted(selectors.teams_van(bereik), key=lambda t: t.naam)
    return teams, list(Wijk.objects.filter(gemeente_id=bereik.gemeente_id).order_by("naam"))


@login_required
def werkvoorraad(request):
    if not selectors.is_medewerker_of_coordinator(request.user):
        raise PermissionDenied
    bereik = selectors.bereik_van(request.user)
    if bereik.gemeente_id is None:
        raise PermissionDenied
    teams, wijken = _opties(bereik)
    gegevens = request.GET.copy()
    if gegevens.get("sorteer") not in selectors.SORTERINGEN:  # an unknown order: the default, the filters stay
        gegevens.pop("sorteer", None)
    form = WerkvoorraadFilterForm(gegevens or None, teams=teams, wijken=wijken,
                                  is_coordinator=bereik.is_coordinator)
    f = form.cleaned_data if form.is_valid() else {}
    standaard = "gebied" if bereik.is_coordinator and not bereik.team_ids else "mijn"
    weergave = f.get("weergave") or standaard
    if weergave == "gebied" and not bereik.is_coordinator:
        weergave = "mijn"
    vandaag = timezone.localdate()
    # the counts at a glance and per filter option of this view: one aggregate query
    samenvatting = selectors.werkvoorraad_samenvatting(bereik, weergave=weergave, vandaag=vandaag, per_optie=True)
    form.toon_tellingen(samenvatting["opties"])
    filters = {"team": f.get("team"), "wijk": f.get("wijk"), "termijn": f.get("termijn") or None,
               "zoek": f.get("zoek") or None, "vandaag": vandaag}

    sorteer = f.get("sorteer") or "termijn"
    status, leefgebied = f.get("status") or "open", f.get("leefgebied") or None
    meldingen = _pagina(selectors.werkvoorraad_meldingen(
        bereik, weergave=weergave, status=status, leefgebied=leefgebied, sorteer=sorteer, **filters),
        request.GET.get("pagina"), _totaal_meldingen(samenvatting, status, filters, leefgebied))
    for m in meldingen:
        loopt = m.is_open and (m.traject_id is None or m.traject.status in Traject.ZONDER_PLAN)
        m.termijn = termijnstatus(m.onderzoek_uiterlijk, vandaag) if loopt else None
        m.dagen = dagen_tot(m.onderzoek_uiterlijk, vandaag)

    hsorteer = request.GET.get("hsorteer")
    hsorteer = hsorteer if hsorteer in selectors.TRAJECT_SORTERINGEN else "evaluatie"
    trajecten = _pagina(opschaling_selectors.met_opschalingsbesluit(selectors.met_eerste_onderzoekstermijn(
        selectors.werkvoorraad_trajecten(bereik, weergave=weergave, sorteer=hsorteer, **filters))),
        request.GET.get("hpagina"),
        None if any(filters[k] for k in ("team", "wijk", "termijn", "zoek")) else samenvatting["trajecten_totaal"])
    for t in trajecten:
        t.regisseur = t.huidige_regie[0].regisseur if t.huidige_regie else None
        t.evaluatie_termijn = termijnstatus(t.volgende_evaluatie, vandaag)
        t.evaluatie_dagen = dagen_tot(t.volgende_evaluatie, vandaag)
        t.onderzoek_termijn = termijnstatus(t.onderzoek_uiterlijk, vandaag)
        if t.status == t.Status.AFGESLOTEN:  # in "mijn": its follow-up contact
            t.vervolg_termijn = termijnstatus(t.vervolgdatum, vandaag)
            t.vervolg_dagen = dagen_tot(t.vervolgdatum, vandaag)

    log.getoond(request.user, [m.huishouden_id for m in meldingen] + [t.huishouden_id for t in trajecten],
                request=request, gemeente_id=bereik.gemeente_id, detail={"weergave": "werkvoorraad"})
    querystring = request.GET.copy()
    for sleutel in ("pagina", "hpagina"):
        querystring.pop(sleutel, None)
    return render(request, "toegang/werkvoorraad.html", {
        "form": form,
        "weergave": weergave,
        "bereik": bereik,
        "samenvatting": samenvatting,
        "filters_actief": any(f.get(naam) for naam in ("zoek", "status", "team", "wijk", "termijn", "leefgebied")),
        "meldingen": meldingen,
        "trajecten": trajecten,
        "kandidaten": selectors.kandidaten_van(bereik) if bereik.is_coordinator else [],
        "querystring": querystring.urlencode(),
        "sorteer": sorteer,
        "hsorteer": hsorteer,
        "vandaag": vandaag,
    })


def _doel(request, bereik):
    waarde = request.POST.get("aan", "")
    if waarde == "wachtrij":
        return None
    if not is_cijfers(waarde):
        raise ValidationError(_("Kies aan wie u het werk geeft."))
    aan = selectors.herverdeel_kandidaten(bereik).filter(pk=int(waarde)).first()
    if aan is None:
        raise ValidationError(_("Kies een medewerker uit uw gebieden."))
    return aan


def _ids(request, naam):
    return [int(w) for w in request.POST.getlist(naam) if is_cijfers(w)]


@require_POST
@login_required
def herverdeel(request):
    """Coördinator: reassign the checked meldingen and/or households in bulk."""
    if not rollen.heeft_rol(request.user, rollen.COORDINATOR):
        raise PermissionDenied
    bereik = selectors.bereik_van(request.user)
    melding_ids, traject_ids = _ids(request, "melding"), _ids(request, "traject")
    terug = reverse("toegang:werkvoorraad") + ("?" + request.POST.get("terug", "") if request.POST.get("terug") else "")
    try:
        if not melding_ids and not traject_ids:
            raise ValidationError(_("Vink eerst de meldingen of huishoudens aan die u wilt herverdelen."))
        aan = _doel(request, bereik)
        if melding_ids:
            services.wijs_meldingen_toe(melding_ids=melding_ids, aan=aan, door=request.user)
        if traject_ids:
            if aan is None:
                raise ValidationError(_("Een huishouden heeft altijd een regisseur: kies een medewerker."))
            services.wijs_huishoudens_toe(traject_ids=traject_ids, aan=aan, door=request.user)
    except (ValidationError, PermissionDenied) as fout:
        messages.error(request, " ".join(getattr(fout, "messages", [str(fout)])))
        return redirect(terug)
    naam = (aan.get_full_name() or aan.username) if aan else _("de teamwachtrij")
    messages.success(request, _("%(m)s meldingen en %(h)s huishoudens zijn toegewezen aan %(naam)s.")
                     % {"m": len(melding_ids), "h": len(traject_ids), "naam": naam})
    return redirect(terug)


def startblok(request):
    """The medewerker's start page block: what needs attention today (registered in registratie_melding)."""
    user = request.user
    if not selectors.is_medewerker_of_coordinator(user):
        return None
    bereik = selectors.bereik_van(user)
    if bereik.gemeente_id is None:
        return None
    weergave = "gebied" if bereik.is_coordinator and not bereik.team_ids else "mijn"
    return {"template": "toegang/werkvoorraad_startblok.html",
            "samenvatting": selectors.werkvoorraad_samenvatting(bereik, weergave=weergave),
            "weergave": weergave}
