"""The look of the app: an NL Design System theme (design tokens from npm) chosen by ``WIJKTEAM_THEMA``, and the
municipality's name and logo (``GEMEENTE_NAAM``, ``GEMEENTE_LOGO``). base.html loads the theme's CSS and puts
its class on <body>; static/css/tokens.css adds only what the theme packages do not set."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.checks import Error, Warning, register

from common.statisch import PREFIX


@dataclass(frozen=True)
class Thema:
    klasse: str
    stylesheets: tuple[str, ...]  # paths in node_modules, served as /static/vendor/<path> (VENDOR_BESTANDEN)


THEMAS = {
    "voorbeeld": Thema(
        klasse="voorbeeld-theme",
        stylesheets=("@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css",),
    ),
    # dist/index.css is design-tokens.css (by @import) plus custom.css; both linked, no @import chain.
    "rotterdam": Thema(
        klasse="rotterdam-theme",
        stylesheets=("@nl-design-system-unstable/rotterdam-design-tokens/dist/design-tokens.css",
                     "@nl-design-system-unstable/rotterdam-design-tokens/dist/custom.css"),
    ),
}
STANDAARD = "voorbeeld"


def gekozen_thema():
    # An unknown name is stopped by the system check below; should a server start without checks, the pages
    # still render, in the default theme.
    return THEMAS.get(settings.WIJKTEAM_THEMA, THEMAS[STANDAARD])


def huisstijl():
    """What base.html needs: the theme's class and stylesheets (static paths), the municipality's name and logo."""
    thema = gekozen_thema()
    return {
        "klasse": thema.klasse,
        "stylesheets": [f"{PREFIX}/{pad}" for pad in thema.stylesheets],
        "gemeente_naam": settings.GEMEENTE_NAAM,
        "gemeente_logo": settings.GEMEENTE_LOGO,
    }


@register()
def controleer_huisstijl(app_configs, **kwargs):
    naam = settings.WIJKTEAM_THEMA
    if naam not in THEMAS:
        return [Error(f"WIJKTEAM_THEMA={naam!r} is geen bekend thema",
                      hint=f"Kies uit: {', '.join(sorted(THEMAS))}.", id="common.E002")]
    fouten = [Error(f"{pad} (thema {naam!r}) staat niet in VENDOR_BESTANDEN", id="common.E003")
              for pad in THEMAS[naam].stylesheets if pad not in settings.VENDOR_BESTANDEN]
    if not settings.GEMEENTE_NAAM.strip():
        fouten.append(Error("GEMEENTE_NAAM is leeg", id="common.E004"))
    if settings.GEMEENTE_LOGO and not finders.find(settings.GEMEENTE_LOGO):
        fouten.append(Warning(f"GEMEENTE_LOGO={settings.GEMEENTE_LOGO!r} staat niet in de statische bestanden",
                              hint="Een pad onder static/, of leeg voor geen logo.", id="common.W001"))
    return fouten
