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
