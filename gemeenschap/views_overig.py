"""Pages for mantelzorg, the household's community view, collectieve activiteiten, klachten, cliëntervaring and
the counts per wijk."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenschap import koppelvlak, mantelzorg, rechten, selectors, services, tellingen
from gemeenschap.forms import (
    ActieActiviteitForm,
    ActiviteitForm,
    BelastingcheckForm,
    ClientervaringForm,
    ClientervaringImportForm,
    KlachtAfhandelForm,
    KlachtForm,
    MantelzorgerForm,
    PeriodeForm,
    SteunForm,
)
from gemeenschap.views import _opslaan, fout_op_form, rol_vereist
from huishoudens.models import Actie
from huishoudens.selectors import get_huishouden_voor, huishoudens_voor, open_traject
from wijkteams.selectors import gebieden_voor, gemeente_id_van, wijken_voor

# --- the household's community page -----------------------------------------------------------------


@rol_vereist(rechten.mag_hulpvraag_indienen)
def huishouden(request, pk):
    """Plan activities with their volunteer match or collective activity, and the household's carers."""
    hh = get_huishouden_voor(request.user, pk, request=request)
    traject = open_traject(hh)
    acties = list(Actie.objects.filter(doel__plan__traject=traject, doel__plan__status="actief")
                  .select_related("doel").order_by("doel__volgorde", "id")) if traject else []
    extra = koppelvlak.actie_extra(request, acties)
    lopend = {h.actie_id: h for h in selectors.hulpvragen_voor(request.user).filter(
        actie__in=acties, status__in=["open", "gekoppeld"])}
    for a in acties:
        a.gemeenschap_extra = extra.get(a.pk, "")
        a.lopende_hulpvraag = lopend.get(a.pk)
    return render(request, "gemeenschap/huishouden.html", {
        "huishouden": hh, "traject": traject, "acties": acties,
        "mantelzorgers": selectors.mantelzorgers_voor(request.user).filter(huishouden=hh),
        "mag_mantelzorg": rechten.mag_mantelzorg(request.user),
    })


@rol_vereist(rechten.mag_hulpvraag_indienen)
def actie_activiteit(request, actie_pk):
    actie = (Actie.objects.select_related("doel__plan__traject__huishouden")
             .filter(pk=actie_pk, doel__plan__traject__huishouden__in=huishoudens_voor(request.user)).first())
    if actie is None:
        raise Http404
    hh = actie.doel.plan.traject.huishouden
    huidig = selectors.activiteiten_bij_acties([actie.pk]).get(actie.pk)
    activiteiten = selectors.activiteiten_voor(request.user).order_by("-startdatum")
    form = ActieActiviteitForm(request.POST or None, activiteiten=activiteiten, initial={"activiteit": huidig})
    context = {"actie": actie, "huishouden": hh}
    if request.method == "POST":
        def koppel(data):
            services.verwijs_actie_naar_activiteit(actie=actie, activiteit=data["activiteit"], door=request.user)
            messages.success(request, _("De verwijzing is opgeslagen."))
            return redirect("gemeenschap:huishouden", hh.pk)
        return _opslaan(request, form, "gemeenschap/actie_activiteit.html", context, koppel)
    return render(request, "gemeenschap/actie_activiteit.html", {**context, "form": form})


# --- mantelzorg ---------------------------------------------------------------------------------------

@rol_vereist(rechten.mag_mantelzorg)
def mantelzorgers(request):
    lijst = selectors.mantelzorgers_voor(request.user).order_by("-sinds", "-id")[:200]
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
    from audit import log

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
            fout_op_form(form, fout)
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
            fout_op_form(form, fout)
    return _mantelzorger_pagina(request, mz, check_form=form, status=400)


# --- collectieve activiteiten -------------------------------------------------------------------------

@rol_vereist(rechten.mag_activiteiten_zien)
def activiteiten(request):
    lijst = selectors.activiteiten_voor(request.user).order_by("-startdatum", "-id")[:200]
    return render(request, "gemeenschap/activiteiten.html", {
        "activiteiten": lijst, "mag_beheren": rechten.mag_activiteiten_beheren(request.user)})


@rol_vereist(rechten.mag_activiteiten_zien)
def activiteit(request, pk):
    a = selectors.get_activiteit_voor(request.user, pk)
    return render(request, "gemeenschap/activiteit.html", {
        "activiteit": a, "mag_beheren": rechten.mag_activiteiten_beheren(request.user),
        "aantal_acties": a.acties.count()})


@rol_vereist(rechten.mag_activiteiten_beheren)
def activiteit_form(request, pk=None):
    a = selectors.get_activiteit_voor(request.user, pk) if pk else None
    velden = ("titel", "soort", "gebied", "wijk", "partner", "startdatum", "einddatum", "bereik", "omschrijving")
    form = ActiviteitForm(request.POST or None, user=request.user,
                          initial={k: getattr(a, k) for k in velden} if a else None)
    context = {"activiteit": a}
    if request.method == "POST":
        def opslaan(data):
            if a:
                obj = services.wijzig_activiteit(activiteit=a, door=request.user, **data)
            else:
                obj = services.registreer_activiteit(door=request.user, **data)
            messages.success(request, _("De activiteit is opgeslagen."))
            return redirect(obj)
        return _opslaan(request, form, "gemeenschap/activiteit_form.html", context, opslaan)
    return render(request, "gemeenschap/activiteit_form.html", {**context, "form": form})


# --- klachten -----------------------------------------------------------------------------------------

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
                             % {"d": k.uiterlijk_afgehandeld.strftime("%d-%m-%Y")})
            return redirect(k)
        return _opslaan(request, form, "gemeenschap/klacht_form.html", {}, maak)
    return render(request, "gemeenschap/klacht_form.html", {"form": form})


@rol_vereist(rechten.mag_klachten_zien)
def klacht(request, pk):
    k = selectors.get_klacht_voor(request.user, pk)
    toon_huishouden = bool(selectors.zichtbare_huishouden_ids(request.user, [k.huishouden_id]))
    mag_afhandelen = rechten.mag_klacht_afhandelen(request.user) and k.status != k.Status.AFGEHANDELD
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


# --- cliëntervaring -----------------------------------------------------------------------------------

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


# --- cijfers ------------------------------------------------------------------------------------------

@login_required
def cijfers(request):
    if not rechten.mag_cijfers_zien(request.user):
        raise Http404
    vandaag = timezone.localdate()
    form = PeriodeForm(request.GET or None, initial={"van": date(vandaag.year, 1, 1), "tot": vandaag})
    van, tot = date(vandaag.year, 1, 1), vandaag
    status = 200
    if request.GET:
        if form.is_valid():
            van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
        else:
            status = 400
    gemeente_id = gemeente_id_van(request.user)
    per_wijk = tellingen.tellingen_per_wijk(gemeente_id, van, tot)
    per_gebied = tellingen.tellingen_per_gebied(gemeente_id, van, tot)
    wijken = [(w, per_wijk[w.pk]) for w in wijken_voor(request.user).order_by("gebied__naam", "naam")]
    gebieden = [(g, per_gebied[g.pk]) for g in gebieden_voor(request.user).order_by("naam")]
    return render(request, "gemeenschap/cijfers.html", {
        "form": form, "van": van, "tot": tot, "wijken": wijken, "gebieden": gebieden,
        "totaal": {**tellingen.totalen(per_wijk), **{k: v for k, v in tellingen.totalen(per_gebied).items()
                                                     if k in ("activiteiten", "bereik", "klachten")}}},
                  status=status)
