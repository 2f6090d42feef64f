"""The navigation shows each role what it may use."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkteams import rollen

# (url name, label, roles that see it). Later apps add their entries to this list in their AppConfig.ready().
MENU = [
    ("start", _("Start"), None),
    ("wijkteams:teams", _("Teams"), {rollen.COORDINATOR, rollen.MEDEWERKER, rollen.FUNCTIONEEL_BEHEER}),
]


def registreer_menu(urlnaam, label, rollen_die_zien, positie=None):
    item = (urlnaam, label, set(rollen_die_zien) if rollen_die_zien else None)
    if item[0] in {m[0] for m in MENU}:
        return
    MENU.insert(positie if positie is not None else len(MENU), item)


def navigatie(request):
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {}
    mijn_rollen = rollen.rollen_van(user)
    items = [
        {"url": reverse(naam), "label": label, "actief": request.path == reverse(naam)}
        for naam, label, wie in MENU
        if wie is None or mijn_rollen & wie
    ]
    return {"menu": items, "mijn_rollen": [rollen.NAMEN[r] for r in sorted(mijn_rollen)]}
