"""THE routing rule of a melding (triage), in one function with its own tests.

1. The household already has an open traject: the melding is joined to it (never a second traject); it goes to
   the traject's regisseur, or to the traject's team queue when there is none.
2. One leefgebied (enkelvoudig): the employee who takes it handles it (a melding that came in directly with a
   team member stays with them); from a resident or partner it waits in the household's team queue.
3. Two or more leefgebieden (meervoudig): the team of the household's gebied: the Jeugd- en Gezinsteam when
   the household has a child under 18, otherwise the Sociaal team; a traject is opened there. When the
   melding reached a team member directly, it stays with that member (in their team).
Achtervang applies last: work for someone who is away goes to the substitute, or to the team queue.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from huishoudens import selectors as huishouden_selectors
from toegang.melding import achtervang
from toegang.models import Melding
from wijkteams.models import Team


@dataclass(frozen=True)
class Route:
    soort: str
    team: Team | None
    behandelaar: object | None
    traject: object | None = None  # an open traject to join
    nieuw_traject: bool = False
    toelichting: str = ""

    @property
    def koppelen(self):
        return self.traject is not None


def heeft_minderjarige(huishouden, kinderen_gemeld=False):
    if kinderen_gemeld:
        return True
    return any(p.is_minderjarig() for p in huishouden.personen.filter(samengevoegd_in__isnull=True))


def team_voor_huishouden(huishouden, *, jeugd):
    """The team of the household's gebied: Jeugd- en Gezinsteam for a household with minors, else Sociaal."""
    return team_voor_gebied(huishouden.gemeente_id, huishouden.wijk.gebied_id, jeugd=jeugd)


def team_voor_gebied(gemeente_id, gebied_id, *, jeugd):
    """The team of a gebied: its Jeugd- en Gezinsteam when ``jeugd``, else its Sociaal team (else any team)."""
    teams = list(Team.objects.filter(gemeente_id=gemeente_id, gebied_id=gebied_id)
                 .select_related("type").order_by("id"))
    passend = [t for t in teams if t.type.voor_jeugd == jeugd]
    return (passend or teams or [None])[0]


def _teams_van(user):
    return Team.objects.filter(groep__user=user).select_related("type").order_by("id")


def _is_medewerker_van(user, gemeente_id):
    mw = getattr(user, "medewerker", None) if user is not None else None
    return mw is not None and mw.gemeente_id == gemeente_id


def bepaal_route(melding, op=None):
    """Where does this (unsaved or saved) melding go? Returns a Route; changes nothing."""
    huishouden = melding.huishouden
    soort = Melding.Soort.ENKELVOUDIG if len(set(melding.leefgebieden)) <= 1 else Melding.Soort.MEERVOUDIG
    direct = melding.direct_aan if _is_medewerker_van(melding.direct_aan, huishouden.gemeente_id) else None

    lopend = huishouden_selectors.lopend_traject(huishouden)
    if lopend is not None:
        regisseur = huishouden_selectors.huidige_regisseur(lopend)
        return _met_achtervang(Route(
            soort=soort, team=lopend.team, behandelaar=regisseur, traject=lopend,
            toelichting=_("Gekoppeld aan het lopende traject van dit huishouden."),
        ), op)

    jeugd = heeft_minderjarige(huishouden, melding.kinderen_gemeld)
    team = team_voor_huishouden(huishouden, jeugd=jeugd)

    if soort == Melding.Soort.ENKELVOUDIG:
        behandelaar = direct or (melding.geregistreerd_door
                                 if _is_medewerker_van(melding.geregistreerd_door, huishouden.gemeente_id) else None)
        if behandelaar is not None:
            eigen = _teams_van(behandelaar)
            team = team if team is not None and eigen.filter(pk=team.pk).exists() else (eigen.first() or team)
            uitleg = _("Enkelvoudig: blijft bij de medewerker die de melding aannam.")
        else:
            uitleg = _("Enkelvoudig: in de wachtrij van het team van het gebied.")
        return _met_achtervang(Route(soort=soort, team=team, behandelaar=behandelaar, toelichting=uitleg), op)

    if direct is not None:
        eigen = _teams_van(direct)
        team = team if team is not None and eigen.filter(pk=team.pk).exists() else (eigen.first() or team)
        return _met_achtervang(Route(
            soort=soort, team=team, behandelaar=direct, nieuw_traject=True,
            toelichting=_("Meervoudig, rechtstreeks bij een teamlid binnengekomen: blijft bij dat teamlid."),
        ), op)
    uitleg = (_("Meervoudig met kinderen onder 18: Jeugd- en Gezinsteam van het gebied.") if jeugd
              else _("Meervoudig zonder kinderen onder 18: Sociaal team van het gebied."))
    return _met_achtervang(Route(soort=soort, team=team, behandelaar=None, nieuw_traject=True,
                                 toelichting=uitleg), op)


def _met_achtervang(route, op):
    if route.behandelaar is None:
        return route
    vervanger = achtervang.vervanger_voor(route.behandelaar, op)
    if vervanger == route.behandelaar:
        return route
    if vervanger is None:
        extra = _("Behandelaar afwezig zonder vervanger: naar de teamwachtrij.")
    else:
        naam = vervanger.get_full_name() or vervanger.username
        extra = _("Behandelaar afwezig: naar vervanger %(naam)s.") % {"naam": naam}
    return Route(soort=route.soort, team=route.team, behandelaar=vervanger, traject=route.traject,
                 nieuw_traject=route.nieuw_traject, toelichting=f"{route.toelichting} {extra}")


__all__ = ["Route", "bepaal_route", "heeft_minderjarige", "team_voor_gebied", "team_voor_huishouden"]
