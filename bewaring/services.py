"""Retention: list what is due, confirm, anonymise. Terms from the VNG Selectielijst (configurable)."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, F, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from bewaring import registry, vernietigingslog
from bewaring.models import Vernietigingslijst, VernietigingsRegel
from common.taken import plan_na_commit
from huishoudens import anonimiseren as huishoudens_anonimiseren
from huishoudens import rechten
from huishoudens.models import Huishouden, Traject
from wijkteams import rollen
from wijkteams.models import Gemeente


def _jaren_terug(peildatum, jaren):
    try:
        return peildatum.replace(year=peildatum.year - jaren)
    except ValueError:  # 29 February
        return peildatum.replace(year=peildatum.year - jaren, day=28)


def te_vernietigen(gemeente, peildatum):
    """Households without an open traject whose last closing is past its term, with the ground.

    Jeugd (a traject of a team for youth): 20 years; Wmo and other: 15 years; a traject that never
    started: a few weeks. Computed in SQL, one query.
    """
    open_traject = Traject.objects.filter(huishouden=OuterRef("pk")).exclude(status=Traject.Status.AFGESLOTEN)
    jeugd = Traject.objects.filter(huishouden=OuterRef("pk"), team__type__voor_jeugd=True)
    gestart = Traject.objects.filter(huishouden=OuterRef("pk")).exclude(afsluitreden=Traject.Afsluitreden.NOOIT_GESTART)
    al_vernietigd = VernietigingsRegel.objects.filter(huishouden_id=OuterRef("pk"), uitgevoerd_op__isnull=False)
    grens_jeugd = _jaren_terug(peildatum, settings.BEWAARTERMIJN_JEUGD_JAREN)
    grens_wmo = _jaren_terug(peildatum, settings.BEWAARTERMIJN_WMO_JAREN)
    grens_nooit = peildatum - timedelta(weeks=settings.BEWAARTERMIJN_NOOIT_GESTART_WEKEN)
    return (
        Huishouden.objects.filter(gemeente=gemeente, trajecten__isnull=False)
        .annotate(laatst_afgesloten=Max("trajecten__afgesloten_op"), is_jeugd=Exists(jeugd), is_gestart=Exists(gestart))
        .filter(~Exists(open_traject), ~Exists(al_vernietigd))
        .filter(
            Q(is_gestart=False, laatst_afgesloten__lte=grens_nooit)
            | Q(is_gestart=True, is_jeugd=True, laatst_afgesloten__lte=grens_jeugd)
            | Q(is_gestart=True, is_jeugd=False, laatst_afgesloten__lte=grens_wmo)
        )
        .order_by(F("laatst_afgesloten").asc(), "pk")
        .values("pk", "laatst_afgesloten", "is_jeugd", "is_gestart")
    )


def _grondslag(rij):
    if not rij["is_gestart"]:
        return _("Aanvraag nooit uitgevoerd: %(weken)s weken na afsluiten") % {
            "weken": settings.BEWAARTERMIJN_NOOIT_GESTART_WEKEN}
    if rij["is_jeugd"]:
        return _("Jeugddossier: %(jaren)s jaar na afsluiten") % {"jaren": settings.BEWAARTERMIJN_JEUGD_JAREN}
    return _("Wmo-dossier: %(jaren)s jaar na afsluiten") % {"jaren": settings.BEWAARTERMIJN_WMO_JAREN}


@transaction.atomic
def stel_lijst_op(*, gemeente, peildatum=None, door=None):
    """Make (or refresh) the concept list for a gemeente. Idempotent: one concept list per gemeente."""
    peildatum = peildatum or timezone.localdate()
    lijst = Vernietigingslijst.objects.select_for_update().filter(
        gemeente=gemeente, status=Vernietigingslijst.Status.CONCEPT).first()
    if lijst is None:
        lijst = Vernietigingslijst.objects.create(gemeente=gemeente, peildatum=peildatum, opgesteld_op=timezone.now())
    else:
        lijst.peildatum = peildatum
        lijst.opgesteld_op = timezone.now()
        lijst.save(update_fields=["peildatum", "opgesteld_op"])
        lijst.regels.all().delete()
    VernietigingsRegel.objects.bulk_create(
        VernietigingsRegel(lijst=lijst, huishouden_id=rij["pk"], grondslag=_grondslag(rij),
                           afgesloten_op=rij["laatst_afgesloten"])
        for rij in te_vernietigen(gemeente, peildatum)
    )
    log.aangemaakt(door, lijst, detail={"regels": lijst.regels.count()})
    return lijst


@transaction.atomic
def bevestig_lijst(*, lijst, door):
    lijst = Vernietigingslijst.objects.select_for_update().get(pk=lijst.pk)
    if not rollen.heeft_rol(door, rollen.FUNCTIONEEL_BEHEER):
        raise PermissionDenied(_("Alleen een functioneel beheerder kan een vernietigingslijst bevestigen."))
    if getattr(getattr(door, "medewerker", None), "gemeente_id", None) != lijst.gemeente_id:
        raise PermissionDenied(_("Deze lijst hoort bij een andere gemeente."))
    if lijst.status != Vernietigingslijst.Status.CONCEPT:
        raise ValidationError(_("Deze lijst is al bevestigd."))
    lijst.status = Vernietigingslijst.Status.BEVESTIGD
    lijst.bevestigd_door = door
    lijst.bevestigd_op = timezone.now()
    lijst.save()
    log.gewijzigd(door, lijst, detail={"status": "bevestigd"})
    plan_na_commit("bewaring.tasks.voer_vernietiging_uit", lijst.pk)
    return lijst


def _teruggekomen(lijst, ids):
    """{household id: reason} for those on the list that must not be destroyed any more: no longer due (an
    open traject, a later closing), or new activity since the list was drawn up (melding, traject, request)."""
    uit = {}
    sinds = lijst.opgesteld_op or lijst.aangemaakt_op
    # a traject opened after the list was drawn up (its first status row, to the second; the registration date
    # alone cannot tell a traject of that same morning from one of that afternoon)
    # (the registration date is a Dutch date: compared with the list's Dutch date, not its UTC date, which is the day
    # before from midnight to 01:00 or 02:00, when a traject of that same morning looked newer than the list)
    dag = timezone.localdate(sinds)
    nieuw = (Q(statuswijzigingen__van="", statuswijzigingen__op__gte=sinds) | Q(aangemeld_op__gt=dag)
             | Q(statuswijzigingen__isnull=True, aangemeld_op__gte=dag))
    for h in Traject.objects.filter(nieuw, huishouden_id__in=ids).values_list("huishouden_id", flat=True):
        uit.setdefault(h, _("nieuw traject"))
    for bron in registry.NIEUW_SINDS:
        for h, reden in bron(ids, sinds).items():
            uit.setdefault(h, reden)
    nog_steeds = {r["pk"] for r in te_vernietigen(lijst.gemeente, lijst.peildatum).filter(pk__in=ids)}
    for h in ids:
        if h not in nog_steeds:  # e.g. a traject reopened: the most specific reason above goes first
            uit.setdefault(h, _("niet meer binnen de bewaartermijn of weer actief"))
    return uit


@transaction.atomic
def voer_vernietiging_uit(*, lijst_id):
    """Anonymise every household on a confirmed list, and record per row that it was done."""
    lijst = Vernietigingslijst.objects.select_for_update().get(pk=lijst_id)
    if lijst.status == Vernietigingslijst.Status.UITGEVOERD:
        return lijst
    if lijst.status != Vernietigingslijst.Status.BEVESTIGD:
        raise ValidationError(_("Een vernietigingslijst wordt pas uitgevoerd na bevestiging."))
    alle = list(lijst.regels.values_list("huishouden_id", flat=True))
    overslaan = _teruggekomen(lijst, alle)
    ids = [h for h in alle if h not in overslaan]
    _anonimiseer(ids, reden=_("bewaartermijn verstreken (vernietigingslijst %(pk)s)") % {"pk": lijst.pk})
    nu = timezone.now()
    lijst.regels.filter(huishouden_id__in=ids).update(uitgevoerd_op=nu)
    for huishouden_id, reden in overslaan.items():
        lijst.regels.filter(huishouden_id=huishouden_id).update(overgeslagen=str(reden)[:200])
    lijst.status = Vernietigingslijst.Status.UITGEVOERD
    lijst.uitgevoerd_op = nu
    lijst.save()
    log.verwijderd(None, lijst, detail={"geanonimiseerd": len(ids), "overgeslagen": len(overslaan)})
    if overslaan:
        _meld_overgeslagen(lijst, overslaan)
    # Written before the commit: a backup restored later must never bring these households back (herhaal below).
    vernietigingslog.schrijf(lijst, ids)
    return lijst


def _meld_overgeslagen(lijst, overslaan):
    """Tell the beheerder who confirmed the list which households were skipped, and why (no names: ids only)."""
    from django.core.mail import send_mail

    if not getattr(lijst.bevestigd_door, "email", ""):
        return
    regels = "\n".join(f"- huishouden {h}: {reden}" for h, reden in sorted(overslaan.items()))
    send_mail(_("Vernietigingslijst %(pk)s: %(n)s huishouden(s) overgeslagen") % {"pk": lijst.pk, "n": len(overslaan)},
              _("Deze huishoudens zijn niet geanonimiseerd, omdat ze weer actief zijn:") + "\n" + regels,
              None, [lijst.bevestigd_door.email], fail_silently=True)


def _anonimiseer(ids, *, reden):
    # The apps first: their rows may point at rows huishoudens removes (network members, PROTECT).
    for anonimiseer in registry.ANONIMISEERDERS:
        anonimiseer(ids)
    huishoudens_anonimiseren.anonimiseer(ids)
    rechten.trek_alle_toegang_in(ids, door=None, reden=reden)


@transaction.atomic
def herhaal_vernietigingen(regels_van_log):
    """After a restore: apply every destruction in the record (``vernietigingslog``) that the restored database
    does not show as carried out. Returns the number of lists replayed. Idempotent."""
    herhaald = 0
    for regel in regels_van_log:
        al_gedaan = set(VernietigingsRegel.objects.filter(huishouden_id__in=regel["huishoudens"],
                                                          uitgevoerd_op__isnull=False)
                        .values_list("huishouden_id", flat=True))
        ids = [pk for pk in regel["huishoudens"] if pk not in al_gedaan]
        if not ids:
            continue
        gemeente = Gemeente.objects.get(cbs_code=regel["gemeente"])
        _anonimiseer(ids, reden=_("opnieuw toegepast na herstel van een back-up"))
        nu = timezone.now()
        lijst = Vernietigingslijst.objects.create(gemeente=gemeente, peildatum=date.fromisoformat(regel["peildatum"]),
                                                  status=Vernietigingslijst.Status.UITGEVOERD, uitgevoerd_op=nu)
        grondslag = _("Opnieuw toegepast na herstel van een back-up")
        VernietigingsRegel.objects.bulk_create(
            VernietigingsRegel(lijst=lijst, huishouden_id=pk, grondslag=grondslag, afgesloten_op=lijst.peildatum,
                               uitgevoerd_op=nu) for pk in ids)
        log.verwijderd(None, lijst, detail={"geanonimiseerd": len(ids), "herhaald_van_lijst": regel["lijst"]})
        herhaald += 1
    return herhaald
