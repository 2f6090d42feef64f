"""Monitoring pages for beleidsmedewerkers and coördinatoren: aggregates only (404 for everyone else)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from audit import log
from common import charts
from common.onderdrukking import drempel
from monitoring import exports, importeren, perioden, rapport, selectors, services
from monitoring import kaart as wijkkaart
from monitoring import wijkprofiel as profiel
from monitoring.forms import ActieForm, ImportForm, StartRunForm
from monitoring.models import Indicator
from wijkteams.selectors import gemeente_id_van


def monitor_toegang(view):
    """Only beleidsmedewerkers and coördinatoren of a gemeente; anyone else gets a 404."""

    @login_required
    @wraps(view)
    def binnen(request, *args, **kwargs):
        if not services.mag_monitoren(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return binnen


def _int_of_none(waarde):
    try:
        return int(waarde)
    except (TypeError, ValueError):
        return None


@monitor_toegang
def dashboard(request):
    klare = list(selectors.klare_runs_voor(request.user).order_by("-van", "-tot")[:40])
    gekozen_id = _int_of_none(request.GET.get("periode"))
    run = next((r for r in klare if r.pk == gekozen_id), klare[0] if klare else None)
    lopend = [dict(zip(("procent", "stap"), services.voortgang(r), strict=True), run=r)
              for r in selectors.lopende_runs(request.user)]
    context = {"runs": klare, "run": run, "lopend": lopend,
               "startform": StartRunForm.standaard(), "gekozen_gebied": None}
    if run is not None:
        ov = selectors.overzicht(run)
        gekozen = next((g for g in ov.gebieden if g.pk == _int_of_none(request.GET.get("gebied"))), None)
        kolommen = [(gekozen.pk, gekozen.naam)] if gekozen else [(g.pk, g.naam) for g in ov.gebieden]
        kolommen.append((None, _("Gemeente")))
        # a course over the periods needs two finished runs of this kind; counted from the list above (no query)
        met_verloop = sum(1 for r in klare if r.soort == run.soort and r.van <= run.van) >= 2
        # the bar charts of all themes drawn in one go (kept in the cache: the same figures give the same picture)
        specs = [(t.code, k, alt) for t in ov.themas for k, alt in rapport.staafspecs(ov, t, gekozen)]
        svgs = charts.staafdiagrammen([k for _t, k, _alt in specs])
        grafieken = {}
        for (code, _k, alt), svg in zip(specs, svgs, strict=True):
            grafieken.setdefault(code, []).append({"bron": charts.als_afbeelding(svg), "alt": alt})
        context.update({
            "ov": ov, "gekozen_gebied": gekozen, "kolommen": kolommen,
            "themas": [{"thema": t, "rijen": [(r, [(r.cellen[pk], r.pijl_vorig[pk]) for pk, _n in kolommen])
                                              for r in t.regels],
                        "grafieken": grafieken.get(t.code, []),
                        "verloop": met_verloop and bool(rapport.verloopregels(t))} for t in ov.themas],
            "bestanden": selectors.bestanden(run),
            # the choropleth of the standard per-wijk indicator (None without wijk boundaries or per-wijk figures)
            "kaart": wijkkaart.wijkkaart(run, gekozen, wijkkaart.STANDAARD, id_voorvoegsel="dashboardkaart"),
            "acties": [a for a in ov.acties if gekozen is None or a.gebied_id in (None, gekozen.pk)],
            "acties_vorige": [a for a in ov.acties_vorige if gekozen is None or a.gebied_id in (None, gekozen.pk)],
        })
    return render(request, "monitoring/dashboard.html", context)


@monitor_toegang
def verloop(request, pk, thema):
    """The course of one theme over the periods as a line chart (SVG, for the dashboard's <img>), or with
    ``?als=tabel`` the same figures as a table: the chart's text alternative."""
    run = selectors.get_run_voor(request.user, pk, klaar=True)
    # only the theme's catalogue lines, not the whole overview: the course reads its own figures
    inds = [i for i in selectors.indicatoren() if i.thema == thema and not i.categorieen]
    if not inds:
        raise Http404
    blok = selectors.Thema(thema, inds[0].get_thema_display(), [selectors.Regel(i) for i in inds])
    gebied = next((g for g in selectors.gebieden_van(run) if g.pk == _int_of_none(request.GET.get("gebied"))), None)
    gegevens = rapport.verloop(run, blok, gebied)
    if request.GET.get("als") == "tabel":
        labels, reeksen, titel, eenheid = gegevens or ([], {}, blok.naam, "")
        return render(request, "monitoring/verloop.html", {
            "run": run, "thema": blok, "gebied": gebied, "titel": titel, "eenheid": eenheid,
            "namen": list(reeksen), "rijen": [(label, [reeksen[n][i] for n in reeksen])
                                             for i, label in enumerate(labels)]})
    if gegevens is None:
        raise Http404
    labels, reeksen, titel, eenheid = gegevens
    return HttpResponse(charts.lijndiagram(labels, reeksen, titel=titel, ylabel=eenheid, grootte=(6.5, 3)),
                        content_type="image/svg+xml")


@monitor_toegang
@require_http_methods(["GET", "POST"])
def start(request):
    form = StartRunForm(request.POST or None) if request.method == "POST" else StartRunForm.standaard()
    if request.method == "POST" and form.is_valid():
        try:
            run = services.start_run(gemeente_id=gemeente_id_van(request.user), periode=form.cleaned_data["periode"],
                                     door=request.user)
        except (ValidationError, PermissionDenied) as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, _("De monitor voor %(p)s wordt berekend.") % {"p": run.label})
            return redirect(run)
    status = 400 if request.method == "POST" else 200
    return render(request, "monitoring/start.html", {"form": form}, status=status)


@monitor_toegang
def run(request, pk):
    run = selectors.get_run_voor(request.user, pk)
    procent, stap = services.voortgang(run)
    return render(request, "monitoring/run.html", {
        "run": run, "procent": procent, "stap": stap, "gebieden": selectors.gebieden_van(run),
    })


@monitor_toegang
def voortgang(request, pk):
    run = selectors.get_run_voor(request.user, pk)
    procent, stap = services.voortgang(run)
    return render(request, "monitoring/_voortgang.html", {"run": run, "procent": procent, "stap": stap,
                                                          "gebieden": selectors.gebieden_van(run)})


@monitor_toegang
def kaart(request, pk):
    """The choropleth per wijk of a run for one indicator (chosen in a GET form), for the gemeente or one gebied,
    with the legend and the values as a table (the text alternative); suppressed wijken hatched as "onderdrukt"."""
    run = selectors.get_run_voor(request.user, pk, klaar=True)
    gebieden = selectors.gebieden_van(run)
    gebied = next((g for g in gebieden if g.pk == _int_of_none(request.GET.get("gebied"))), None)
    regels = selectors.wijkregels(run, gebied)
    code = request.GET.get("indicator") or wijkkaart.STANDAARD
    return render(request, "monitoring/kaart.html", {
        "run": run, "gebied": gebied, "gebieden": gebieden,
        "opties": wijkkaart.kaart_opties(regels[0]),
        "kaart": wijkkaart.wijkkaart(run, gebied, code, wijkregels=regels),
    })


@monitor_toegang
def pdf(request, pk):
    run = selectors.get_run_voor(request.user, pk, klaar=True)
    gebied = selectors.gebied_voor(run, request.GET.get("gebied"))
    bestand = rapport.pdf_van(run, gebied)
    log.geexporteerd(request.user, run, request=request, detail={"formaat": "pdf", "gebied": gebied and gebied.pk})
    return FileResponse(bestand.bestand.open("rb"), as_attachment=True, filename=rapport.bestandsnaam(run, gebied),
                        content_type="application/pdf")


def _bijlage(inhoud, naam, soort):
    antwoord = HttpResponse(inhoud, content_type=soort)
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}"'
    return antwoord


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@monitor_toegang
def csv_export(request, pk):
    run = selectors.get_run_voor(request.user, pk, klaar=True)
    log.geexporteerd(request.user, run, request=request, detail={"formaat": "csv"})
    return _bijlage(exports.csv_bytes(run), f"monitor-{run.label}.csv".replace(" ", ""), "text/csv; charset=utf-8")


@monitor_toegang
def xlsx_export(request, pk):
    run = selectors.get_run_voor(request.user, pk, klaar=True)
    log.geexporteerd(request.user, run, request=request, detail={"formaat": "xlsx"})
    return _bijlage(exports.xlsx_bytes(run), f"monitor-{run.label}.xlsx".replace(" ", ""), XLSX)


@monitor_toegang
def adviesraad_export(request, pk):
    run = selectors.get_run_voor(request.user, pk, klaar=True)
    log.geexporteerd(request.user, run, request=request, detail={"formaat": "adviesraad"})
    return _bijlage(exports.adviesraad_xlsx(run), f"monitor-{run.label}-adviesraad.xlsx".replace(" ", ""), XLSX)


@monitor_toegang
@require_http_methods(["GET", "POST"])
def actie(request, pk):
    run = selectors.get_run_voor(request.user, pk, klaar=True)
    gebieden = selectors.gebieden_van(run)
    if request.method == "POST":
        form = ActieForm(request.POST, gebieden=gebieden)
        if form.is_valid():
            try:
                services.leg_actie_vast(run=run, door=request.user, **form.cleaned_data)
            except (ValidationError, PermissionDenied) as fout:
                form.add_error(None, fout)
            else:
                messages.success(request, _("De actie is vastgelegd; ze staat ook in de volgende monitor."))
                return redirect(reverse("monitoring:dashboard") + f"?periode={run.pk}")
        return render(request, "monitoring/actie.html", {"form": form, "run": run}, status=400)
    form = ActieForm(gebieden=gebieden, initial={"indicator": Indicator.objects.filter(
        code=request.GET.get("indicator")).first(), "gebied": request.GET.get("gebied", "")})
    return render(request, "monitoring/actie.html", {"form": form, "run": run})


@monitor_toegang
def vergelijking(request):
    klare = list(selectors.klare_runs_voor(request.user).order_by("-van", "-tot")[:40])
    run = next((r for r in klare if r.pk == _int_of_none(request.GET.get("periode"))), klare[0] if klare else None)
    gemeenten, regels = selectors.vergelijking_gemeenten(request.user, run) if run else ([], [])
    return render(request, "monitoring/vergelijking.html",
                  {"runs": klare, "run": run, "gemeenten": gemeenten, "regels": regels})


@monitor_toegang
@require_http_methods(["GET", "POST"])
def importeer(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                aantal = importeren.importeer(gemeente_id=gemeente_id_van(request.user),
                                              inhoud=form.cleaned_data["bestand"].read(), door=request.user)
            except (ValidationError, PermissionDenied) as fout:
                for melding in getattr(fout, "messages", [str(fout)]):
                    form.add_error("bestand" if isinstance(fout, ValidationError) else None, melding)
            else:
                messages.success(request, _("%(n)d cijfers geïmporteerd. Ze tellen mee in de volgende berekening.")
                                 % {"n": aantal})
                return redirect("monitoring:importeer")
    return render(request, "monitoring/import.html", {
        "form": form, "indicatoren": Indicator.objects.filter(bron__in=["import", "enquete"]).order_by("naam"),
    }, status=status)


@monitor_toegang
def indicatoren(request):
    return render(request, "monitoring/indicatoren.html", {
        "startset": selectors.indicatoren(), "ontwikkelagenda": selectors.indicatoren("ontwikkelagenda"),
    })


@monitor_toegang
def methode(request):
    """How small counts are hidden (primary and complementary suppression, fixed periods, sharing)."""
    return render(request, "monitoring/methode.html", {"drempel": drempel(), "drempel_min_een": drempel() - 1})


@login_required
def wijkprofiel(request, wijk_pk):
    """The profile of one wijk (gebiedsscan) for a quarter: population beside casework, suppressed. Only for a
    beleidsmedewerker, coördinator or functioneel beheerder of the wijk's gemeente; anyone else gets a 404."""
    wijk = profiel.get_wijk_voor(request.user, wijk_pk)
    jaar, nummer = _int_of_none(request.GET.get("jaar")), _int_of_none(request.GET.get("kwartaal"))
    vandaag = timezone.localdate()
    if jaar is not None and nummer in (1, 2, 3, 4) and 2000 <= jaar <= vandaag.year:
        periode = perioden.kwartaal(jaar, nummer)
    else:
        periode = perioden.vorig_kwartaal(vandaag)
    log.log(request.user, "read", wijk, detail={"wijkprofiel": periode.label}, gemeente_id=wijk.gemeente_id)
    cijfers = profiel.wijkprofiel(wijk, periode.van, periode.tot)
    # the nulmeting: the first complete quarter after go-live, beside this quarter once it has ended
    nul = profiel.nulmeting_periode(wijk.gemeente)
    nul_klaar = nul is not None and nul.tot < vandaag
    if nul_klaar and nul != periode:
        profiel.met_nulmeting(cijfers, profiel.wijkprofiel(wijk, nul.van, nul.tot))
    return render(request, "monitoring/wijkprofiel.html", {
        "wijk": wijk, "periode": periode, "omschrijving": perioden.omschrijving(periode),
        "profiel": cijfers, "nulmeting": nul, "nulmeting_klaar": nul_klaar,
        "ligging": wijkkaart.liggingskaart(wijk, periode.van, periode.tot),
        "wijken": profiel.wijken_voor(request.user), "drempel": drempel(),
        "kwartalen": [1, 2, 3, 4], "kwartaal": (periode.van.month - 1) // 3 + 1,
        "jaren": list(range(vandaag.year, vandaag.year - 5, -1)),
    })
