"""Reads for gemeenschap, filtered to what the user may see, always inside the user's gemeente.

Volunteers' contact details: only the sociaal makelaar and the regisseur of the household the volunteer is
matched to (``mag_contactgegevens_zien``). Anything tied to a household goes through huishoudens_voor.
"""

from django.db.models import OuterRef, Q, Subquery
from django.http import Http404

from gemeenschap import matching, rechten
from gemeenschap.models import (
    ActieActiviteit,
    Belastingcheck,
    ClientervaringScore,
    CollectieveActiviteit,
    Hulpvraag,
    Klacht,
    Koppeling,
    Mantelzorger,
    Vrijwilliger,
)
from huishoudens.models import RegisseurToewijzing, Traject
from huishoudens.selectors import huishoudens_voor
from wijkteams.selectors import gemeente_id_van


def _eerste_of_404(qs, pk):
    obj = qs.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj


# --- vrijwilligers en hulpvragen --------------------------------------------------------------------

def vrijwilligers_voor(user):
    if not rechten.is_makelaar(user):
        return Vrijwilliger.objects.none()
    return Vrijwilliger.objects.filter(gemeente_id=gemeente_id_van(user)).select_related("wijk__gebied")


def get_vrijwilliger_voor(user, pk):
    return _eerste_of_404(vrijwilligers_voor(user), pk)


def regisseur_huishouden_ids(user):
    """Households of which the user is the current regisseur (open traject, open assignment)."""
    return RegisseurToewijzing.objects.filter(
        regisseur=user, tot__isnull=True, traject__huishouden__gemeente_id=gemeente_id_van(user),
    ).exclude(traject__status=Traject.Status.AFGESLOTEN).values("traject__huishouden_id")


def is_regisseur_van(user, huishouden_id):
    return huishouden_id is not None and regisseur_huishouden_ids(user).filter(
        traject__huishouden_id=huishouden_id).exists()


def mag_contactgegevens_zien(user, vrijwilliger, hulpvraag=None):
    """The makelaar of the gemeente; or the regisseur of the household of a request this volunteer is (being)
    matched to."""
    if vrijwilliger.gemeente_id != gemeente_id_van(user):
        return False
    if rechten.is_makelaar(user):
        return True
    koppelingen = Koppeling.objects.filter(vrijwilliger=vrijwilliger, status__in=Koppeling.LOPEND,
                                           hulpvraag__huishouden_id__in=regisseur_huishouden_ids(user))
    if hulpvraag is not None:
        koppelingen = koppelingen.filter(hulpvraag=hulpvraag)
    return koppelingen.exists()


def hulpvragen_voor(user):
    """The makelaar sees all requests of the gemeente; staff see those of households they may see and the
    standalone requests they entered themselves."""
    gemeente_id = gemeente_id_van(user)
    qs = Hulpvraag.objects.filter(gemeente_id=gemeente_id).select_related("wijk__gebied")
    if rechten.is_makelaar(user):
        return qs
    if not rechten.mag_hulpvraag_indienen(user):
        return Hulpvraag.objects.none()
    return qs.filter(Q(huishouden__in=huishoudens_voor(user)) | Q(huishouden__isnull=True, ingediend_door=user))


def get_hulpvraag_voor(user, pk):
    return _eerste_of_404(hulpvragen_voor(user), pk)


def open_hulpvragen(user):
    return hulpvragen_voor(user).filter(status=Hulpvraag.Status.OPEN).prefetch_related(
        "koppelingen__vrijwilliger").order_by("ingediend_op", "id")


def lopende_koppeling(hulpvraag):
    return hulpvraag.koppelingen.filter(status__in=Koppeling.LOPEND).select_related("vrijwilliger").first()


def suggesties(user, hulpvraag, aantal=5):
    """Ranked volunteers for a request (see gemeenschap.matching)."""
    kandidaten = vrijwilligers_voor(user).filter(actief=True)
    return matching.rangschik(hulpvraag, kandidaten, aantal=aantal)


def suggesties_voor_lijst(user, hulpvragen, aantal=3):
    """Suggestions for many requests with one query for the volunteers."""
    kandidaten = list(vrijwilligers_voor(user).filter(actief=True))
    return {h.pk: matching.rangschik(h, kandidaten, aantal=aantal) for h in hulpvragen}


def koppelingen_bij_acties(actie_ids):
    """{actie_id: running or ended match} for the plan page (latest first)."""
    resultaat = {}
    for k in (Koppeling.objects.filter(hulpvraag__actie_id__in=list(actie_ids))
              .exclude(status=Koppeling.Status.AFGEWEZEN)
              .select_related("vrijwilliger", "hulpvraag").order_by("-voorgesteld_op", "-id")):
        resultaat.setdefault(k.hulpvraag.actie_id, k)
    return resultaat


# --- mantelzorg ---------------------------------------------------------------------------------------

def _laatste_check():
    return Belastingcheck.objects.filter(mantelzorger=OuterRef("pk")).order_by("-datum", "-id")


def mantelzorgers_voor(user):
    if not rechten.mag_mantelzorg(user):
        return Mantelzorger.objects.none()
    return (Mantelzorger.objects.filter(gemeente_id=gemeente_id_van(user), huishouden__in=huishoudens_voor(user))
            .select_related("persoon", "netwerklid", "huishouden", "wijk")
            .annotate(laatste_score=Subquery(_laatste_check().values("score")[:1]),
                      overbelast=Subquery(_laatste_check().values("overbelast")[:1])))


def get_mantelzorger_voor(user, pk):
    return _eerste_of_404(mantelzorgers_voor(user), pk)


def overbelaste_mantelzorgers_voor_regisseur(user):
    """Carers whose latest burden check says overbelast, in households where the user is regisseur."""
    return (Mantelzorger.objects.filter(huishouden_id__in=regisseur_huishouden_ids(user))
            .select_related("persoon", "netwerklid", "huishouden")
            .annotate(overbelast=Subquery(_laatste_check().values("overbelast")[:1]),
                      laatste_score=Subquery(_laatste_check().values("score")[:1]))
            .filter(overbelast=True))


# --- activiteiten, klachten, cliëntervaring ---------------------------------------------------------

def activiteiten_voor(user):
    if not rechten.mag_activiteiten_zien(user):
        return CollectieveActiviteit.objects.none()
    return CollectieveActiviteit.objects.filter(gemeente_id=gemeente_id_van(user)).select_related("gebied", "wijk")


def get_activiteit_voor(user, pk):
    return _eerste_of_404(activiteiten_voor(user), pk)


def activiteiten_bij_acties(actie_ids):
    return {link.actie_id: link.activiteit for link in
            ActieActiviteit.objects.filter(actie_id__in=list(actie_ids)).select_related("activiteit")}


def klachten_voor(user):
    if not rechten.mag_klachten_zien(user):
        return Klacht.objects.none()
    return Klacht.objects.filter(rechten.zichtbare_klachten(user), gemeente_id=gemeente_id_van(user)).select_related(
        "gebied", "team", "huishouden")


def get_klacht_voor(user, pk):
    return _eerste_of_404(klachten_voor(user), pk)


def zichtbare_huishouden_ids(user, huishouden_ids):
    """Which of these households the user may see (a complaint shows its household only to them)."""
    ids = [i for i in huishouden_ids if i]
    if not ids:
        return set()
    return set(huishoudens_voor(user).filter(pk__in=ids).values_list("pk", flat=True))


def clientervaring_voor(user):
    if not rechten.mag_clientervaring_zien(user):
        return ClientervaringScore.objects.none()
    return ClientervaringScore.objects.filter(gemeente_id=gemeente_id_van(user)).select_related("gebied")
