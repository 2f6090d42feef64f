from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from common.fouten import fouten_naar_form
from wijkteams import bevolking, grenzen, plaatsen, rechten, rollen, selectors, services
from wijkteams.forms import (
    AanbodForm,
    AanbodImportForm,
    BeeindigAanbodForm,
    KerncijfersForm,
    PlaatsenImportForm,
    PlaatsForm,
    WijkgrenzenForm,
)
from wijkteams.models import Wijk, WijkInwoners
from wijkteams.rechten import mag_aanbod_beheren


@login_required
def start(request):
    """The start page per role: each role sees its own entry points."""
    mijn_rollen = rollen.rollen_van(request.user)
    context = {
        "medewerker": selectors.medewerker_van(request.user),
        "is_coordinator": rollen.COORDINATOR in mijn_rollen,
        "is_medewerker": rollen.MEDEWERKER in mijn_rollen,
        "is_beleid": rollen.BELEIDSMEDEWERKER in mijn_rollen,
        "is_beheer": rollen.FUNCTIONEEL_BEHEER in mijn_rollen,
        "is_lzn": rollen.LZN in mijn_rollen,
        "is_makelaar": rollen.SOCIAAL_MAKELAAR in mijn_rollen,
        "is_bestuurstafel": rollen.BESTUURSTAFEL in mijn_rollen,
        "startblokken": [b for b in (blok(request) for blok in STARTBLOKKEN) if b],
    }
    if context["is_coordinator"]:
        context["gebieden"] = selectors.gecoordineerde_gebieden(request.user).prefetch_related("teams__type")
    return render(request, "wijkteams/start.html", context)


# Later apps contribute a block to the start page (e.g. the werkvoorraad) without wijkteams importing them.
# Each entry is a callable(request) returning None or {"template": ..., **context}.
STARTBLOKKEN = []


@login_required
def teams(request):
    zichtbaar = selectors.zichtbare_teams(request.user).order_by("gebied__naam", "naam")
    return render(request, "wijkteams/teams.html", {"teams": zichtbaar})


@login_required
def team(request, pk):
    team = selectors.get_team_voor(request.user, pk, request=request)
    return render(request, "wijkteams/team.html", {"team": team, "leden": selectors.teamleden(team)})


@login_required
def sociale_kaart(request):
    """Search the sociale kaart of the user's gemeente (used when choosing an activity's offer)."""
    from django import forms
    from django.utils.translation import gettext_lazy as _

    from wijkteams.models import Aanbod

    class ZoekAanbod(forms.Form):
        tekst = forms.CharField(label=_("Zoek op naam, aanbieder of doelgroep"), required=False, max_length=100)
        soort = forms.ChoiceField(label=_("Soort"), required=False, choices=[("", _("Alle soorten"))]
                                  + list(Aanbod.Soort.choices))
        categorie = forms.ChoiceField(label=_("Categorie"), required=False,
                                      choices=[("", _("Alle categorieën"))] + list(Aanbod.Categorie.choices))
        wijk = forms.ModelChoiceField(label=_("Wijk"), required=False, queryset=selectors.wijken_voor(request.user),
                                      empty_label=_("Alle wijken"))

    form = ZoekAanbod(request.GET or None)
    criteria = form.cleaned_data if form.is_bound and form.is_valid() else {}
    aanbod = list(selectors.zoek_aanbod(request.user, **criteria)[:200]) if not form.errors else []
    return render(request, "wijkteams/sociale_kaart.html", {"form": form, "aanbod": aanbod},
                  status=400 if form.errors else 200)


# --- keeping the sociale kaart current (sociaal makelaar, functioneel beheerder) ------------------------------

def _vereis_aanbodbeheer(request):
    if not mag_aanbod_beheren(request.user):
        raise PermissionDenied(_("Alleen de sociaal makelaar en de functioneel beheerder houden de sociale kaart "
                                 "bij."))


@login_required
def aanbod_beheer(request):
    """Every offer of the gemeente, current and ended, with the actions to keep the kaart current."""
    _vereis_aanbodbeheer(request)
    return render(request, "wijkteams/aanbod_beheer.html",
                  {"aanbod": list(selectors.beheerbaar_aanbod(request.user)[:500])})


def _beheerformulier(request, form, obj, *, voeg_toe, wijzig, template, naam, bericht, terug):
    """The add/edit flow of a beheer form: on a valid POST the service (``voeg_toe`` in the user's gemeente, or
    ``wijzig`` of ``obj``), its refusal on the form, or the message and back to the list; ``naam`` is the
    object's name in the template context."""
    if request.method == "POST":
        if form.is_valid():
            try:
                if obj is None:
                    voeg_toe(gemeente=selectors.medewerker_van(request.user).gemeente, door=request.user,
                             **form.cleaned_data)
                else:
                    wijzig(obj, door=request.user, **form.cleaned_data)
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, bericht)
                return redirect(terug)
        return render(request, template, {"form": form, naam: obj}, status=400)
    return render(request, template, {"form": form, naam: obj})


def _aanbod_formulier(request, aanbod=None):
    initial = AanbodForm.initial_van(aanbod) if aanbod else {"openbaar": True}
    form = AanbodForm(request.POST or None, initial=initial, wijken=selectors.wijken_voor(request.user),
                      gebieden=selectors.gebieden_voor(request.user))
    return _beheerformulier(
        request, form, aanbod, voeg_toe=services.voeg_aanbod_toe,
        wijzig=lambda obj, **kw: services.wijzig_aanbod(aanbod=obj, **kw), template="wijkteams/aanbod_formulier.html",
        naam="aanbod", bericht=_("Het aanbod is opgeslagen."), terug="wijkteams:aanbod_beheer")


@login_required
def aanbod_nieuw(request):
    _vereis_aanbodbeheer(request)
    return _aanbod_formulier(request)


@login_required
def aanbod_wijzigen(request, pk):
    _vereis_aanbodbeheer(request)
    return _aanbod_formulier(request, selectors.get_beheerbaar_aanbod(request.user, pk, request=request))


@login_required
def aanbod_beeindigen(request, pk):
    _vereis_aanbodbeheer(request)
    aanbod = selectors.get_beheerbaar_aanbod(request.user, pk, request=request)
    form = BeeindigAanbodForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.beeindig_aanbod(aanbod=aanbod, door=request.user, **form.cleaned_data)
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Het aanbod is beëindigd."))
                return redirect("wijkteams:aanbod_beheer")
        return render(request, "wijkteams/aanbod_beeindigen.html", {"form": form, "aanbod": aanbod}, status=400)
    return render(request, "wijkteams/aanbod_beeindigen.html", {"form": form, "aanbod": aanbod})


@login_required
def aanbod_import(request):
    _vereis_aanbodbeheer(request)
    form = AanbodImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                telling = services.importeer_aanbod(gemeente=selectors.medewerker_van(request.user).gemeente,
                                                    door=request.user, inhoud=form.cleaned_data["bestand"].read())
            except ValidationError as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Import verwerkt: %(nieuw)s nieuw, %(gewijzigd)s gewijzigd, "
                                            "%(ongewijzigd)s ongewijzigd.") % telling)
                return redirect("wijkteams:aanbod_beheer")
        return render(request, "wijkteams/aanbod_import.html", {"form": form}, status=400)
    return render(request, "wijkteams/aanbod_import.html", {"form": form})


@login_required
def wijkgrenzen(request):
    """The functioneel beheerder imports the wijk boundaries of its gemeente (GeoJSON, all or nothing) and sees
    which wijken have one; anyone else gets a 403."""
    if not rechten.is_beheerder(request.user):
        raise PermissionDenied(_("Alleen de functioneel beheerder van de gemeente importeert wijkgrenzen."))
    gemeente = selectors.medewerker_van(request.user).gemeente
    form = WijkgrenzenForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                telling = grenzen.importeer_wijkgrenzen(gemeente=gemeente, inhoud=form.cleaned_data["bestand"].read(),
                                                        door=request.user,
                                                        bron=f"GeoJSON-import {form.cleaned_data['bestand'].name}")
            except (ValidationError, PermissionDenied) as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Wijkgrenzen geïmporteerd: %(n)d nieuw, %(g)d gewijzigd, "
                                            "%(o)d ongewijzigd.")
                                 % {"n": telling.nieuw, "g": telling.gewijzigd, "o": telling.gelijk})
                return redirect("wijkteams:wijkgrenzen")
    wijken = list(Wijk.objects.filter(gemeente=gemeente).select_related("grens").order_by("cbs_code"))
    return render(request, "wijkteams/wijkgrenzen.html", {"form": form, "gemeente": gemeente, "wijken": wijken},
                  status=status)


@login_required
def inwonertallen(request):
    """A beleidsmedewerker or functioneel beheerder imports the CBS "Kerncijfers wijken en buurten" of a year for
    its gemeente (all or nothing, errors with their line number) and sees which wijken have figures per year."""
    mw = selectors.medewerker_van(request.user)
    if mw is None or not bevolking.mag_importeren(request.user, mw.gemeente):
        raise PermissionDenied(_("Alleen een beleidsmedewerker of functioneel beheerder van de gemeente importeert "
                                 "inwonertallen."))
    form = KerncijfersForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                nieuw, gewijzigd, gelijk = bevolking.importeer_kerncijfers(
                    gemeente=mw.gemeente, jaar=form.cleaned_data["jaar"], inhoud=form.cleaned_data["bestand"].read(),
                    door=request.user)
            except (ValidationError, PermissionDenied) as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Inwonertallen geïmporteerd: %(n)d nieuw, %(g)d gewijzigd, "
                                            "%(o)d ongewijzigd.") % {"n": nieuw, "g": gewijzigd, "o": gelijk})
                return redirect("wijkteams:inwonertallen")
    cijfers = (WijkInwoners.objects.filter(wijk__gemeente=mw.gemeente).select_related("wijk")
               .order_by("-jaar", "wijk__cbs_code"))
    return render(request, "wijkteams/inwonertallen.html", {"form": form, "gemeente": mw.gemeente,
                                                            "cijfers": cijfers}, status=status)


# --- ankerplaatsen and vindplaatsen (functioneel beheerder) -------------------------------------------------------

def _vereis_plaatsbeheer(request):
    if not plaatsen.mag_beheren(request.user):
        raise PermissionDenied(_("Alleen de functioneel beheerder van de gemeente beheert ankerplaatsen en "
                                 "vindplaatsen."))


@login_required
def plaatsen_beheer(request):
    """The ankerplaatsen and vindplaatsen of the gemeente (the points on the map per wijk), with the CSV import."""
    _vereis_plaatsbeheer(request)
    form = PlaatsenImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                telling = plaatsen.importeer_plaatsen(gemeente=selectors.medewerker_van(request.user).gemeente,
                                                      door=request.user, inhoud=form.cleaned_data["bestand"].read())
            except (ValidationError, PermissionDenied) as fout:
                fouten_naar_form(form, fout)
            else:
                messages.success(request, _("Plaatsen geïmporteerd: %(nieuw)s nieuw, %(gewijzigd)s gewijzigd, "
                                            "%(ongewijzigd)s ongewijzigd.") % telling)
                return redirect("wijkteams:plaatsen")
    return render(request, "wijkteams/plaatsen.html",
                  {"form": form, "plaatsen": list(plaatsen.plaatsen_voor(request.user)[:500])}, status=status)


def _plaats_formulier(request, plaats=None):
    initial = PlaatsForm.initial_van(plaats) if plaats else {"geldig_van": timezone.localdate()}
    form = PlaatsForm(request.POST or None, initial=initial, wijken=selectors.wijken_voor(request.user))
    return _beheerformulier(
        request, form, plaats, voeg_toe=plaatsen.voeg_plaats_toe,
        wijzig=lambda obj, **kw: plaatsen.wijzig_plaats(plaats=obj, **kw), template="wijkteams/plaats_formulier.html",
        naam="plaats", bericht=_("De plaats is opgeslagen."), terug="wijkteams:plaatsen")


@login_required
def plaats_nieuw(request):
    _vereis_plaatsbeheer(request)
    return _plaats_formulier(request)


@login_required
def plaats_wijzigen(request, pk):
    _vereis_plaatsbeheer(request)
    return _plaats_formulier(request, plaatsen.get_plaats_voor(request.user, pk, request=request))
