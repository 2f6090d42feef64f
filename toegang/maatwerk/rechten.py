"""Access rules of maatwerk: who decides a request (the mandate register, four eyes, achtervang) and who handles the
iWmo/iJw messages. ``services.mag_beslissen`` and the werkvoorraad (``selectors.te_beslissen_voor``) use these."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from huishoudens.selectors import huishoudens_voor
from toegang.models import Aanvraag, AanvraagAuteur, Afwezigheid, Mandaat
from wijkteams import rollen
from wijkteams.selectors import medewerker_van


def mandaat_q(user):
    """THE mandate rule, as one filter over requests (status aside): what ``user`` may decide on their own mandate.

    Used by ``mag_beslissen`` (one request) and ``selectors.te_beslissen_voor`` (the werkvoorraad, the start
    block, the API and the daily digest), so the two answers cannot drift apart. The rule:

    - never an author of the request (requester, resubmitter, whoever changed its content): four eyes;
    - only within the user's gemeente and for a household the user may see;
    - ``coordinator``: a coördinator of the request's gebied; a request without a gebied goes to every
      coördinator of the gemeente (``wijkteams.rollen.is_coordinator_van`` with ``gebied_id=None``);
    - ``discipline``: a member of the request's team holding the named discipline (with or without gebied);
    - ``extern``: the external body decides; a coördinator as above or a team member records its decision.

    Returns None when the user can decide nothing at all. A substitute's extra reach is ``vervangingsmandaat_q``.
    """
    mw = medewerker_van(user) if getattr(user, "is_authenticated", False) else None
    if mw is None:
        return None
    B = Mandaat.Beslisser
    coordinator = Q(pk__in=[])
    if rollen.heeft_rol(user, rollen.COORDINATOR):
        coordinator = Q(gebied__in=mw.coordinator_van.values("pk")) | Q(gebied__isnull=True)
    in_team = Q(team__in=user.groups.filter(team__isnull=False).values("team__pk"))
    mandaat = Q(beslisser=B.COORDINATOR) & coordinator | Q(beslisser=B.EXTERN) & (coordinator | in_team)
    if mw.discipline_id:
        mandaat |= Q(beslisser=B.DISCIPLINE, beslis_discipline_id=mw.discipline_id) & in_team
    return _eigen_grenzen(user, mw) & mandaat


def _eigen_grenzen(user, mw):
    """What every decision by ``user`` needs, whoever's mandate: their gemeente, a household they may see, and
    four eyes (never a request they wrote, completed or changed)."""
    return (Q(gemeente_id=mw.gemeente_id, huishouden__in=huishoudens_voor(user))
            & ~Q(pk__in=AanvraagAuteur.objects.filter(auteur=user).values("aanvraag_id")))


def _afwezige_collegas(user, op):
    """The active colleagues away on ``op`` who named ``user`` as their substitute (achtervang)."""
    afwezig = Afwezigheid.objects.filter(vervanger=user, van__lte=op, tot__gte=op).values("medewerker_id")
    return list(get_user_model().objects.filter(pk__in=afwezig, is_active=True).order_by("pk"))


def vervangingsmandaat_q(user, op=None):
    """Achtervang, as for meldingen: on a day (``op``, default today) that a decider is away and named ``user`` as
    substitute, ``user`` may decide the submitted requests that decider holds the mandate for (``mandaat_q`` of the
    decider), within ``user``'s own limits: their gemeente, a household they may see, and never a request they
    wrote themselves (four eyes). Not before the absence starts, not after it ends. None when there is nothing."""
    mw = medewerker_van(user) if getattr(user, "is_authenticated", False) else None
    if mw is None:
        return None
    op = op or timezone.localdate()
    van_collegas = [q for q in (mandaat_q(c) for c in _afwezige_collegas(user, op)) if q is not None]
    if not van_collegas:
        return None
    overgenomen = Q(pk__in=[])
    for q in van_collegas:
        overgenomen |= q
    return overgenomen & Q(status=Aanvraag.Status.INGEDIEND) & _eigen_grenzen(user, mw)


def beslismandaat_q(user, op=None):
    """Everything ``user`` may decide on ``op``: their own mandate, plus what they take over as substitute."""
    eigen, overgenomen = mandaat_q(user), vervangingsmandaat_q(user, op)
    if eigen is None or overgenomen is None:
        return eigen if overgenomen is None else overgenomen
    return eigen | overgenomen


def mag_beslissen(user, aanvraag, op=None):
    """Rule: ``user`` may decide this request: by their own mandate, or as the substitute of the absent decider."""
    mandaat = beslismandaat_q(user, op)
    return mandaat is not None and Aanvraag.objects.filter(mandaat, pk=aanvraag.pk).exists()


def vervangt_bij(user, aanvraag, op=None):
    """The absent decider whose mandate ``user`` uses for this request (for the audit row), or None when ``user``
    decides on their own mandate or may not decide at all."""
    eigen = mandaat_q(user)
    if eigen is not None and Aanvraag.objects.filter(eigen, pk=aanvraag.pk).exists():
        return None
    mw = medewerker_van(user) if getattr(user, "is_authenticated", False) else None
    if mw is None:
        return None
    op = op or timezone.localdate()
    for collega in _afwezige_collegas(user, op):
        q = mandaat_q(collega)
        if q is not None and Aanvraag.objects.filter(q & _eigen_grenzen(user, mw), pk=aanvraag.pk,
                                                     status=Aanvraag.Status.INGEDIEND).exists():
            return collega
    return None


def mag_toewijzing_wijzigen(user, toewijzing):
    """Rule: a toewijzing is changed or ended (the corrected 301) by a coördinator of its gebied; one without a
    gebied by every coördinator of its gemeente (``rollen.is_coordinator_van``). Nobody of another gemeente."""
    return rollen.is_coordinator_van(user, toewijzing.gebied_id, gemeente_id=toewijzing.gemeente_id)


def berichtengemeente(user):
    """Rule: the 301 files of a gemeente are downloaded, and the provider's 305/307 read in, by a coördinator or
    functioneel beheerder of that gemeente; returns that gemeente, or None for anyone else (who then gets a 404).

    The files hold BSN, name and address of every client of a provider, so a team member does not get them."""
    if not rollen.heeft_rol(user, rollen.COORDINATOR, rollen.FUNCTIONEEL_BEHEER):
        return None
    mw = medewerker_van(user)
    return mw.gemeente if mw is not None else None
