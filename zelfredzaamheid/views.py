"""ZRM pages: the household's scores, the scoring form, a measurement, a correction, a person's chart and the
link from plan goals to domains. Thin: a selector or a service, then render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from common import onderdrukking
from common.charts import als_afbeelding, lijndiagram
from common.fouten import fouten_naar_form
from common.invoer import is_cijfers
from huishoudens.selectors import get_huishouden_voor
from zelfredzaamheid import rechten, selectors, services
from zelfredzaamheid.forms import CorrectieForm, DoelDomeinenForm, MetingForm, VerdelingForm
from zelfredzaamheid.models import MatrixVersie


def _personen(huishouden):
    return huishouden.personen.filter(samengevoegd_in__isnull=True).order_by("geboortedatum", "id")


def _formulier(klasse, request, *, huishouden, versie, meting=None, initial=None):
    domeinen = selectors.versie_met_domeinen(versie)
    return klasse(request.POST or None, personen=_personen(huishouden), domeinen=domeinen,
                  niveaus=selectors.niveaus(), meting=meting, initial=initial or {})


@login_required
def huishouden(request, pk):
    """The ZRM of a household on its own page (the same section is on the household page)."""
    h = get_huishouden_voor(request.user, pk, request=request)
    return render(request, "zelfredzaamheid/huishouden.html",
                  {"huishouden": h, "zrm": selectors.huishouden_overzicht(h)})


@login_required
def meting_nieuw(request, huishouden_pk):
    h = get_huishouden_voor(request.user, huishouden_pk, request=request)
    versie = MatrixVersie.objects.filter(actief=True).first()
    if versie is None:
        raise PermissionDenied(_("Er is geen actieve versie van de zelfredzaamheidsmatrix ingesteld."))
    initial = {"persoon": request.GET.get("persoon")} if is_cijfers(request.GET.get("persoon")) else {}
    form = _formulier(MetingForm, request, huishouden=h, versie=versie, initial=initial)
    context = {"huishouden": h, "versie": versie, "form": form, "titel": _("Nieuwe ZRM-meting")}
    if request.method != "POST":
        return render(request, "zelfredzaamheid/meting_form.html", context)
    if not form.is_valid():
        return render(request, "zelfredzaamheid/meting_form.html", context, status=400)
    try:
        meting = services.registreer_meting(
            huishouden=h, persoon=form.cleaned_data["persoon"], door=request.user, versie=versie,
            definitief=request.POST.get("actie") == "definitief", **form.service_kwargs())
    except ValidationError as fout:
        fouten_naar_form(form, fout)
        return render(request, "zelfredzaamheid/meting_form.html", context, status=400)
    messages.success(request, _("De meting is opgeslagen als %(status)s.") % {"status": meting.get_status_display()})
    return redirect("zelfredzaamheid:huishouden", h.pk)


@login_required
def meting(request, pk):
    m = selectors.get_meting_voor(request.user, pk, request=request)
    domeinen = selectors.versie_met_domeinen(m.versie)
    namen = selectors.niveaus()
    rijen = []
    for d in domeinen:
        score = m.score_van(d)
        status = "nvt" if d.code in m.niet_van_toepassing else ("niet_gescoord" if score is None else "gescoord")
        rijen.append({"domein": d, "score": score, "naam": namen.get(score, ""), "status": status,
                      "notitie": m.notities.get(d.code, "")})
    return render(request, "zelfredzaamheid/meting.html", {"meting": m, "rijen": rijen})


@login_required
def meting_wijzig(request, pk):
    m = selectors.get_meting_voor(request.user, pk, request=request)
    if not m.is_concept:
        messages.error(request, _("Een definitieve meting wordt niet gewijzigd. Maak een correctie met een reden."))
        return redirect(m)
    form = _formulier(MetingForm, request, huishouden=m.huishouden, versie=m.versie, meting=m)
    context = {"huishouden": m.huishouden, "versie": m.versie, "form": form, "meting": m,
               "titel": _("Concept-meting wijzigen")}
    if request.method != "POST":
        return render(request, "zelfredzaamheid/meting_form.html", context)
    if not form.is_valid():
        return render(request, "zelfredzaamheid/meting_form.html", context, status=400)
    try:
        m = services.wijzig_concept(meting=m, door=request.user, definitief=request.POST.get("actie") == "definitief",
                                    **form.service_kwargs())
    except ValidationError as fout:
        fouten_naar_form(form, fout)
        return render(request, "zelfredzaamheid/meting_form.html", context, status=400)
    messages.success(request, _("De meting is opgeslagen als %(status)s.") % {"status": m.get_status_display()})
    return redirect("zelfredzaamheid:huishouden", m.huishouden_id)


@login_required
def meting_corrigeer(request, pk):
    m = selectors.get_meting_voor(request.user, pk, request=request)
    if m.status != m.Status.DEFINITIEF:
        messages.error(request, _("Alleen een definitieve meting die nog niet gecorrigeerd is, kan worden "
                                  "gecorrigeerd."))
        return redirect(m)
    form = _formulier(CorrectieForm, request, huishouden=m.huishouden, versie=m.versie, meting=m)
    context = {"huishouden": m.huishouden, "versie": m.versie, "form": form, "meting": m, "correctie": True,
               "titel": _("Meting corrigeren")}
    if request.method != "POST":
        return render(request, "zelfredzaamheid/meting_form.html", context)
    if not form.is_valid():
        return render(request, "zelfredzaamheid/meting_form.html", context, status=400)
    try:
        nieuw = services.corrigeer_meting(meting=m, door=request.user, reden=form.cleaned_data["reden"],
                                          **form.service_kwargs())
    except ValidationError as fout:
        fouten_naar_form(form, fout)
        return render(request, "zelfredzaamheid/meting_form.html", context, status=400)
    messages.success(request, _("De correctie is opgeslagen; de oude meting blijft bewaard."))
    return redirect(nieuw)


@login_required
def grafiek(request, pk):
    """A person's scores over time: an SVG line chart per matrix version, and the same numbers as a table."""
    persoon = selectors.get_persoon_voor(request.user, pk, request=request)
    reeks = selectors.reeks_van(persoon)
    per_versie = {}
    for m in reeks:
        per_versie.setdefault(m.versie, []).append(m)
    grafieken = []
    for versie, metingen in per_versie.items():
        domeinen = selectors.versie_met_domeinen(versie)
        labels = [f"{m.datum:%d-%m-%Y}" for m in metingen]
        reeksen = {d.naam: [m.score_van(d) for m in metingen] for d in domeinen}
        svg = lijndiagram(labels, reeksen, titel=_("ZRM-scores van %(naam)s (%(versie)s)")
                          % {"naam": persoon.volledige_naam, "versie": versie.naam},
                          ylabel=_("score (1-5)"), ylim=(0.5, 5.5), grootte=(8, 4))
        grafieken.append({"versie": versie, "bron": als_afbeelding(svg), "metingen": metingen,
                          "rijen": [{"domein": d, "scores": reeksen[d.naam]} for d in domeinen]})
    return render(request, "zelfredzaamheid/grafiek.html", {"persoon": persoon, "grafieken": grafieken})


@login_required
def doel_domeinen(request, pk):
    doel = selectors.get_doel_voor(request.user, pk)
    h = get_huishouden_voor(request.user, doel.plan.traject.huishouden_id, request=request)
    versie = MatrixVersie.objects.filter(actief=True).first()
    form = DoelDomeinenForm(request.POST or None, versie=versie,
                            initial={"domeinen": list(doel.zrm_domeinen.values_list("domein_id", flat=True))})
    context = {"doel": doel, "huishouden": h, "form": form}
    if request.method != "POST":
        return render(request, "zelfredzaamheid/doel_domeinen.html", context)
    if not form.is_valid():
        return render(request, "zelfredzaamheid/doel_domeinen.html", context, status=400)
    try:
        services.koppel_domeinen(doel=doel, domeinen=form.cleaned_data["domeinen"], door=request.user)
    except ValidationError as fout:
        form.add_error(None, fout)
        return render(request, "zelfredzaamheid/doel_domeinen.html", context, status=400)
    messages.success(request, _("De ZRM-domeinen van het doel zijn opgeslagen."))
    return redirect("zelfredzaamheid:huishouden", h.pk)


@login_required
def verdeling(request):
    """The ZRM of the gemeente per gebied or team, for coördinatoren and beleidsmedewerkers: per domain how many
    persons are on each level at intake and at their latest measurement in the quarter (small counts
    suppressed, no personal data)."""
    if not rechten.mag_zrm_cijfers_zien(request.user):
        raise PermissionDenied(_("Alleen coördinatoren en beleidsmedewerkers zien de ZRM-cijfers."))
    form = VerdelingForm(request.GET or None)
    if not request.GET:
        form = VerdelingForm({"periode": form.fields["periode"].initial, "niveau": "gebied"})
    groepen, periode, niveau = [], None, "gebied"
    if form.is_valid():
        van, tot, label = form.gekozen_periode()
        niveau = form.cleaned_data["niveau"]
        periode = label
        groepen = [g for g in selectors.zrm_verdeling_voor(request.user, van=van, tot=tot)
                   if (g["team_id"] is None) == (niveau == "gebied")]
    return render(request, "zelfredzaamheid/verdeling.html", {
        "form": form, "groepen": groepen, "periode": periode, "niveau": niveau,
        "niveaus": selectors.niveaus(), "drempel": onderdrukking.drempel()})
