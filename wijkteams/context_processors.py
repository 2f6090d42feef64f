"""The navigation shows each role what it may use."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkteams import rollen

# (url name, label, roles that see it). Later apps add their entries to this list in their AppConfig.ready().
MENU = [
    ("start", _("Start"), None),
    ("wijkteams:teams", _("Teams"), {rollen.COORDINATOR, rollen.MEDEWERKER, rollen.FUNCTIONEEL_BEHEER}),
]


# The main navigation shows at most this many items; the rest sit under "Meer" (a <details>, so it works without
# JavaScript). With "Meer" that is at most seven entries per role, on one line at 1280 px.
MENU_ZICHTBAAR = 6


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
    items = []
    for naam, label, wie in MENU:
        if wie is None or mijn_rollen & wie:
            url = reverse(naam)  # once per item: ~20 µs each, on every page
            items.append({"url": url, "label": label, "actief": request.path == url})
    if len(items) > MENU_ZICHTBAAR + 1:
        hoofd, meer = items[:MENU_ZICHTBAAR], items[MENU_ZICHTBAAR:]
    else:
        hoofd, meer = items, []
    return {"menu": items, "menu_hoofd": hoofd, "menu_meer": meer, "menu_meer_actief": any(i["actief"] for i in meer),
            "mijn_rollen": [rollen.NAMEN[r] for r in sorted(mijn_rollen)]}
