from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from wijkteams import rollen, selectors


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
        wijk = forms.ModelChoiceField(label=_("Wijk"), required=False, queryset=selectors.wijken_voor(request.user),
                                      empty_label=_("Alle wijken"))

    form = ZoekAanbod(request.GET or None)
    criteria = form.cleaned_data if form.is_bound and form.is_valid() else {}
    aanbod = list(selectors.zoek_aanbod(request.user, **criteria)[:200]) if not form.errors else []
    return render(request, "wijkteams/sociale_kaart.html", {"form": form, "aanbod": aanbod},
                  status=400 if form.errors else 200)
