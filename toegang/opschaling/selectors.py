"""Reads for opschaling. Case data only through the household door; the bestuurstafel sees only the
minimised summary (each view logged); beleidsmedewerkers see only the policy signals."""

from django.http import Http404

from audit import log
from huishoudens.selectors import get_huishouden_voor, huishoudens_voor
from toegang.models import BeleidsSignaal, Opschaling, OpschalingDoel
from wijkteams import rollen
from wijkteams.selectors import gemeente_id_van

RELATIES = ("doel", "huishouden", "traject", "gebied", "eigenaar", "aangemeld_door")


def opschalingen_voor(user, *, alleen_actief=True):
    """Escalations of the households this user may see, child safety first."""
    qs = Opschaling.objects.filter(huishouden__in=huishoudens_voor(user)).select_related(*RELATIES)
    if alleen_actief:
        qs = qs.filter(status__in=Opschaling.ACTIEF)
    return qs.order_by("-traject__zorgen_kindveiligheid", "aangemeld_op", "id")


def get_opschaling_voor(user, pk, *, request=None):
    opschaling = Opschaling.objects.select_related(*RELATIES).filter(pk=pk).first()
    if opschaling is None:
        log.geweigerd(user, Opschaling._meta.label_lower, pk, request=request)
        raise Http404
    get_huishouden_voor(user, opschaling.huishouden_id, request=request)
    return opschaling


def opschalingen_van_huishouden(huishouden):
    return Opschaling.objects.filter(huishouden=huishouden).select_related("doel").order_by("-aangemeld_op")


def doelen_voor(user):
    return OpschalingDoel.objects.filter(gemeente_id=gemeente_id_van(user), actief=True)


def _mag_bestuurstafel_zien(user):
    return rollen.heeft_rol(user, rollen.BESTUURSTAFEL, rollen.COORDINATOR)


def bestuurstafel_casussen(user):
    """Cases on the bestuurstafel agenda whose summary is ready. Only fields without personal data are read."""
    if not _mag_bestuurstafel_zien(user):
        return Opschaling.objects.none()
    return (Opschaling.objects.filter(gemeente_id=gemeente_id_van(user), doel__soort=OpschalingDoel.Soort.BESTUURSTAFEL)
            .exclude(samenvatting="").select_related("gebied")
            .only("id", "status", "overlegdatum", "gebied__naam", "aangemeld_op", "besluit", "uitkomst", "gemeente_id")
            .order_by("-aangemeld_op"))


def get_bestuurstafel_casus(user, pk, *, request=None):
    """The minimised summary of one case; every view is logged as a read of that case."""
    casus = (Opschaling.objects.filter(pk=pk, gemeente_id=gemeente_id_van(user),
                                       doel__soort=OpschalingDoel.Soort.BESTUURSTAFEL)
             .exclude(samenvatting="").select_related("gebied", "doel").first())
    if casus is None or not _mag_bestuurstafel_zien(user):
        log.geweigerd(user, Opschaling._meta.label_lower, pk, request=request,
                      detail={"weergave": "samenvatting bestuurstafel"})
        raise Http404
    log.gelezen(user, casus, request=request, detail={"weergave": "samenvatting bestuurstafel"})
    return casus


def beleidssignalen_voor(user):
    if not rollen.heeft_rol(user, rollen.BELEIDSMEDEWERKER, rollen.BESTUURSTAFEL, rollen.COORDINATOR):
        return BeleidsSignaal.objects.none()
    return (BeleidsSignaal.objects.filter(gemeente_id=gemeente_id_van(user)).select_related("gebied")
            .only("id", "thema", "omschrijving", "aanbeveling", "datum", "gebied__naam", "gemeente_id"))



def met_opschalingsbesluit(trajecten):
    """The trajecten with the latest decision of a running escalation (``opschaling_besluit``, and its
    ``opschaling_besluit_id`` for the link), in the list's own query: a werkvoorraad shows it to the regisseur and
    the coördinator without an extra read."""
    from django.db.models import OuterRef, Subquery

    besloten = (Opschaling.objects.filter(traject_id=OuterRef("pk"), status=Opschaling.Status.BESLOTEN)
                .exclude(besluit="").order_by("-overlegdatum", "-id"))
    return trajecten.annotate(opschaling_besluit=Subquery(besloten.values("besluit")[:1]),
                              opschaling_besluit_id=Subquery(besloten.values("id")[:1]))
