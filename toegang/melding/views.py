"""Staff pages of the melding part: register, view, pick up, close; casusoverleg; achtervang."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit import log
from common.fouten import fouten_naar_form
from common.postcode import normaliseer_postcode
from huishoudens import selectors as huishouden_selectors
from toegang.melding import selectors, services
from toegang.melding.forms import (
    AfhandelForm,
    AfwezigheidForm,
    CasusAgenderenForm,
    CasusoverlegBesluitForm,
    KoppelForm,
    MeldingForm,
)
from toegang.melding.termijnen import termijnstatus
from toegang.models import Afwezigheid
from wijkteams.models import Team


def _alleen_professionals(user):
    if not selectors.is_medewerker_of_coordinator(user) or selectors.gemeente_id_van(user) is None:
        raise PermissionDenied


@login_required
def melding_nieuw(request):
    _alleen_professionals(request.user)
    gemeente_id = selectors.gemeente_id_van(request.user)
    form = MeldingForm(request.POST or None, gemeente_id=gemeente_id)
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            adres = {k: d.get(k) for k in ("postcode", "huisnummer", "toevoeging", "straat", "woonplaats", "naam",
                                           "wijk")}
            kandidaten = _elders_bekend(request.user, d)
            huishouden = None
            if kandidaten:
                form.toon_suggesties(kandidaten)
                keuze = request.POST.get("koppel_aan")
                if not keuze:
                    # find-before-create: the professional chooses before anything is registered
                    return render(request, "toegang/melding/nieuw.html", {"form": form, "kandidaten": kandidaten})
                if keuze not in {str(waarde) for waarde, _label in form.fields["koppel_aan"].choices}:
                    form.add_error("koppel_aan", _("Kies een van de genoemde huishoudens."))
                    return render(request, "toegang/melding/nieuw.html", {"form": form, "kandidaten": kandidaten},
                                  status=400)
                if keuze != MeldingForm.ADRES:
                    huishouden = next(k["huishouden"] for k in kandidaten if str(k["huishouden"].pk) == keuze)
            try:
                melding = services.registreer_melding(
                    gemeente=request.user.medewerker.gemeente, door=request.user, adres=adres, huishouden=huishouden,
                    signaalgever_type=d["signaalgever_type"], signaalgever_organisatie=d["signaalgever_organisatie"],
                    melder_naam=d["melder_naam"], melder_contact=d["melder_contact"], kanaal=d["kanaal"],
                    ontvangen_op=d["ontvangen_op"], vraag=d["vraag"], leefgebieden=d["leefgebieden"],
                    urgentie=d["urgentie"], toestemming=d["toestemming"],
                    geen_toestemming_reden=d["geen_toestemming_reden"], kinderen_gemeld=d["kinderen_gemeld"],
                    direct_aan=request.user if d["zelf_oppakken"] else None,
                )
            except (ValidationError, PermissionDenied) as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Melding %(nr)s is geregistreerd. %(route)s")
                                 % {"nr": melding.ontvangstnummer, "route": melding.route_toelichting})
                return redirect(melding)
        return render(request, "toegang/melding/nieuw.html", {"form": form}, status=400)
    return render(request, "toegang/melding/nieuw.html", {"form": form})


def _elders_bekend(user, d):
    """Households where the inwoner of a staff melding looks known (BSN, or surname with birth date) other than
    the one at the given address, which the melding is linked to anyway (``zoek_of_maak_huishouden``)."""
    if not (d.get("bsn") or (d.get("naam") and d.get("geboortedatum"))):
        return []
    postcode = normaliseer_postcode(d.get("postcode"))
    toevoeging = (d.get("toevoeging") or "").strip().upper()
    return [k for k in huishouden_selectors.zoek_bestaand(user, bsn=d.get("bsn") or "", achternaam=d.get("naam") or "",
                                                          geboortedatum=d.get("geboortedatum"))
            if (k["huishouden"].postcode, k["huishouden"].huisnummer, k["huishouden"].toevoeging.upper())
            != (postcode, d.get("huisnummer"), toevoeging)]


def _melding_context(request, melding, **extra):
    user = request.user
    mag_oppakken = melding.status == melding.Status.NIEUW and services.mag_oppakken(melding, user)
    koppel_form = extra.pop("koppel_form", None)
    if koppel_form is None and mag_oppakken and melding.te_koppelen:
        koppel_form = KoppelForm(kandidaten=selectors.koppel_kandidaten(user, melding))
    return {
        "melding": melding,
        "termijn": termijnstatus(melding.onderzoek_uiterlijk) if melding.is_open else None,
        "mag_oppakken": mag_oppakken and not melding.te_koppelen,
        "mag_koppelen": mag_oppakken and melding.te_koppelen,
        "koppel_form": koppel_form,
        "mag_afhandelen": melding.status in (melding.Status.IN_BEHANDELING, melding.Status.GEKOPPELD)
        and (melding.behandelaar_id == user.pk or services.is_coordinator_van_team(user, melding.team)),
        "dossier_zichtbaar": huishouden_selectors.huishoudens_voor(user).filter(pk=melding.huishouden_id).exists(),
        "afhandel_form": extra.pop("afhandel_form", None) or AfhandelForm(),
        **extra,
    }


@login_required
def melding(request, pk):
    melding = selectors.get_melding_voor(request.user, pk, request=request)
    return render(request, "toegang/melding/melding.html", _melding_context(request, melding))


@require_POST
@login_required
def melding_oppakken(request, pk):
    melding = selectors.get_melding_voor(request.user, pk, request=request)
    try:
        services.pak_melding_op(melding=melding, door=request.user)
    except (ValidationError, PermissionDenied) as fout:
        messages.error(request, " ".join(fout.messages) if hasattr(fout, "messages") else str(fout))
        return render(request, "toegang/melding/melding.html", _melding_context(request, melding), status=400)
    messages.success(request, _("U heeft melding %(nr)s opgepakt.") % {"nr": melding.ontvangstnummer}
                     + (" " + _("U bent nu regisseur van dit huishouden.") if melding.traject_id else ""))
    return redirect(melding)


@require_POST
@login_required
def melding_koppelen(request, pk):
    melding = selectors.get_melding_voor(request.user, pk, request=request)
    kandidaten = selectors.koppel_kandidaten(request.user, melding)
    form = KoppelForm(request.POST, kandidaten=kandidaten)
    if form.is_valid():
        keuze = form.cleaned_data["huishouden"]
        huishouden = (None if keuze == KoppelForm.NIEUW
                      else next(k["huishouden"] for k in kandidaten if str(k["huishouden"].pk) == keuze))
        try:
            melding = services.koppel_melding(melding=melding, door=request.user, huishouden=huishouden)
        except (ValidationError, PermissionDenied) as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Melding %(nr)s is gekoppeld. %(route)s")
                             % {"nr": melding.ontvangstnummer, "route": melding.route_toelichting})
            return redirect(melding)
    return render(request, "toegang/melding/melding.html",
                  _melding_context(request, melding, koppel_form=form), status=400)


@require_POST
@login_required
def melding_afhandelen(request, pk):
    melding = selectors.get_melding_voor(request.user, pk, request=request)
    form = AfhandelForm(request.POST)
    if form.is_valid():
        try:
            services.handel_melding_af(melding=melding, door=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Melding %(nr)s is afgehandeld.") % {"nr": melding.ontvangstnummer})
            return redirect(melding)
    return render(request, "toegang/melding/melding.html",
                  _melding_context(request, melding, afhandel_form=form), status=400)


def _casusoverleg_team(request, team_pk):
    """The team of a casusoverleg page (of the user's gemeente, for professionals) and the user's reach."""
    _alleen_professionals(request.user)
    team = get_object_or_404(Team.objects.select_related("gebied"), pk=team_pk,
                             gemeente_id=selectors.gemeente_id_van(request.user))
    return team, selectors.bereik_van(request.user)


def _casusoverleg_pagina(request, team, bereik, agenda, agenderen_form, *, status=200, **extra):
    """Render the casusoverleg page and log the households it shows: the agenda's and the agenderen choices'."""
    agenda = list(agenda)
    agendeerbaar = agenderen_form.toon_trajecten()
    log.getoond(request.user, [p.melding.huishouden_id if p.melding_id else p.traject.huishouden_id for p in agenda]
                + [t.huishouden_id for t in agendeerbaar], request=request, gemeente_id=bereik.gemeente_id,
                detail={"weergave": "casusoverleg"})
    return render(request, "toegang/melding/casusoverleg.html", {
        "team": team, "agenda": agenda, "besluit_form": CasusoverlegBesluitForm(team=team),
        "teams": selectors.casusoverleg_teams(bereik), "agenderen_form": agenderen_form,
        "agendeerbaar": agendeerbaar, **extra,
    }, status=status)


@login_required
def casusoverleg(request, team_pk):
    team, bereik = _casusoverleg_team(request, team_pk)
    agenda = selectors.agenda_voor(request.user, team, bereik)
    form = CasusAgenderenForm(trajecten=selectors.agendeerbare_trajecten(request.user, team),
                              initial={"traject": request.GET.get("traject")})
    return _casusoverleg_pagina(request, team, bereik, agenda, form)


@require_POST
@login_required
def casusoverleg_agenderen(request, team_pk):
    """Put an existing case of the team on its casusoverleg agenda."""
    team, bereik = _casusoverleg_team(request, team_pk)
    agenda = selectors.agenda_voor(request.user, team, bereik)  # 404 outside the user's teams and gebieden
    form = CasusAgenderenForm(request.POST, trajecten=selectors.agendeerbare_trajecten(request.user, team))
    if form.is_valid():
        try:
            punt = services.agendeer_casus(door=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("%(naam)s staat op de agenda van het casusoverleg.")
                             % {"naam": punt.traject.huishouden.naam})
            return redirect("toegang:casusoverleg", team_pk=team.pk)
    return _casusoverleg_pagina(request, team, bereik, agenda, form, status=400)


@require_POST
@login_required
def casusoverleg_besluit(request, team_pk, pk):
    _alleen_professionals(request.user)
    team = get_object_or_404(Team, pk=team_pk, gemeente_id=selectors.gemeente_id_van(request.user))
    bereik = selectors.bereik_van(request.user)
    agenda = selectors.agenda_voor(request.user, team, bereik)
    punt = agenda.filter(pk=pk).first()
    if punt is None:
        raise Http404
    form = CasusoverlegBesluitForm(request.POST, team=team)
    if form.is_valid():
        try:
            services.leg_casusoverleg_besluit_vast(agendapunt=punt, door=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Het besluit over %(nr)s is op het dossier vastgelegd.")
                             % {"nr": punt.melding.ontvangstnummer if punt.melding_id else punt.huishouden.naam})
            return redirect("toegang:casusoverleg", team_pk=team.pk)
    return _casusoverleg_pagina(request, team, bereik, agenda,
                                CasusAgenderenForm(trajecten=selectors.agendeerbare_trajecten(request.user, team)),
                                status=400, fout_form=form, fout_punt=punt.pk)


@login_required
def afwezigheid(request):
    _alleen_professionals(request.user)
    form = AfwezigheidForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.registreer_afwezigheid(medewerker=request.user, door=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as fout:
            fouten_naar_form(form, fout)
        else:
            messages.success(request, _("Uw afwezigheid is vastgelegd."))
            return redirect("toegang:afwezigheid")
    eigen = Afwezigheid.objects.filter(medewerker=request.user).select_related("vervanger").order_by("-van")[:20]
    return render(request, "toegang/melding/afwezigheid.html", {"form": form, "afwezigheden": eigen},
                  status=400 if form.errors else 200)

