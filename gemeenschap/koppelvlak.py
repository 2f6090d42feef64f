"""What gemeenschap contributes to pages of other apps (registered in GemeenschapConfig.ready()):
the volunteer match of a plan activity, a dossier section, start page blocks."""

from django.utils.translation import gettext as _

from audit import log
from common import opmaak
from gemeenschap import rechten, selectors
from gemeenschap.models import Hulpvraag
from huishoudens.registry import tabblad
from wijkteams.selectors import gemeente_id_van


def actie_extra(request, acties):
    """{actie_id: "Gekoppeld aan vrijwilliger …"} for plan activities. The volunteer's name only for the makelaar
    and the household's regisseur; other team members read that a volunteer is matched."""
    ids = [a.pk for a in acties]
    if not ids:
        return {}
    user = request.user
    regie = set(selectors.regisseur_huishouden_ids(user).values_list("traject__huishouden_id", flat=True))
    makelaar = rechten.is_makelaar(user)
    regels = {}
    for actie_id, k in selectors.koppelingen_bij_acties(ids).items():
        mag_naam = makelaar or k.hulpvraag.huishouden_id in regie
        wie = k.vrijwilliger.naam if mag_naam else _("een vrijwilliger")
        if k.status == k.Status.VOORGESTELD:
            regels[actie_id] = _("Vrijwilliger voorgesteld: %(wie)s (nog niet geaccepteerd)") % {"wie": wie}
        elif k.status in (k.Status.GEACCEPTEERD, k.Status.GESTART):
            regels[actie_id] = _("Gekoppeld aan vrijwilliger %(wie)s sinds %(d)s") % {
                "wie": wie, "d": opmaak.datum_nl(k.start or k.geaccepteerd_op)}
        elif k.status == k.Status.BEEINDIGD:
            regels[actie_id] = _("Koppeling met vrijwilliger %(wie)s beëindigd op %(d)s") % {
                "wie": wie, "d": opmaak.datum_nl(k.eind)}
    for h in Hulpvraag.objects.filter(actie_id__in=ids, status=Hulpvraag.Status.OPEN).exclude(actie_id__in=regels):
        regels[h.actie_id] = _("Hulpvraag ligt bij de sociaal makelaar")
    for actie_id, activiteit in selectors.activiteiten_bij_acties(ids).items():
        tekst = _("Verwijst naar collectieve activiteit ‘%(t)s’") % {"t": activiteit.titel}
        regels[actie_id] = f"{regels[actie_id]} · {tekst}" if actie_id in regels else tekst
    return regels


@tabblad("personen")
def huishouden_sectie(request, huishouden):
    """Dossier section: carers of this household (with overbelasting) and the link to the community page."""
    if not rechten.mag_hulpvraag_indienen(request.user):
        return None
    return {
        "template": "gemeenschap/_sectie_huishouden.html",
        "titel": _("Mantelzorg en vrijwilligers"), "anker": "mantelzorg", "ingeklapt": True,
        "gemeenschap_huishouden": huishouden,
        "gemeenschap_mantelzorgers": list(selectors.mantelzorgers_voor(request.user).filter(huishouden=huishouden)),
    }


def startblok_makelaar(request):
    if not rechten.is_makelaar(request.user):
        return None
    open_ = selectors.open_hulpvragen(request.user)
    return {"template": "gemeenschap/_start_makelaar.html", "aantal_open": open_.count(),
            "oudste": list(open_[:5])}


def startblok_regisseur(request):
    """Overbelaste mantelzorgers in households where the user is regisseur."""
    if not rechten.mag_mantelzorg(request.user):
        return None
    overbelast = list(selectors.overbelaste_mantelzorgers_voor_regisseur(request.user)[:20])
    if not overbelast:
        return None
    log.getoond(request.user, (mz.huishouden_id for mz in overbelast), request=request,
                gemeente_id=gemeente_id_van(request.user), detail={"weergave": "start_overbelast"})
    return {"template": "gemeenschap/_start_overbelast.html", "overbelast": overbelast}
