"""Writes to the plan: goals, activities on the ladder, agreement, evaluations and versions.

Every write to a plan takes the plan's ``lock_versie`` the writer saw: if someone else saved in between,
the write is refused with a clear Dutch message (optimistic locking) and the form is shown again with
everything the writer typed.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from huishoudens.models import Actie, Doel, Evaluatie, Ladder, Persoon, Plan, PlanAkkoord, Traject
from huishoudens.services.traject import wijzig_status

GEWIJZIGD_DOOR_ANDER = _(
    "Iemand anders heeft dit plan intussen gewijzigd. Uw invoer is niet opgeslagen maar staat hieronder nog; "
    "bekijk de nieuwste versie van het plan en sla daarna opnieuw op."
)
EEN_ACTIEF_PLAN = _("Dit traject heeft al een actief plan. Maak een nieuwe versie van dat plan in plaats van "
                    "een tweede plan.")


def _vergrendel(plan, lock_versie, door):
    """Lock the plan row, check the version the writer saw, and bump it."""
    plan = Plan.objects.select_for_update(of=("self",)).select_related("traject").get(pk=plan.pk)
    if plan.status == Plan.Status.VERVANGEN:
        raise ValidationError(_("Deze versie van het plan is vervangen en kan niet meer worden gewijzigd."))
    if plan.status == Plan.Status.AFGESLOTEN:
        raise ValidationError(_("Dit plan is met het traject afgesloten en kan niet meer worden gewijzigd."))
    if lock_versie is None or int(lock_versie) != plan.lock_versie:
        raise ValidationError(GEWIJZIGD_DOOR_ANDER, code="verouderd")
    plan.lock_versie += 1
    plan.gewijzigd_door = door
    plan.save(update_fields=["lock_versie", "gewijzigd_door", "gewijzigd_op"])
    return plan


@transaction.atomic
def maak_plan(*, traject, door, inzet_netwerk=""):
    """A new plan (concept, version 1 or the next number) for an open traject without an active plan."""
    traject = Traject.objects.select_for_update().get(pk=traject.pk)
    if not traject.is_open:
        raise ValidationError(_("Bij een afgesloten traject kunt u geen plan maken."))
    if traject.plannen.filter(status__in=[Plan.Status.ACTIEF, Plan.Status.CONCEPT]).exists():
        raise ValidationError(EEN_ACTIEF_PLAN, code="actief_plan")
    versie = (traject.plannen.order_by("-versie").values_list("versie", flat=True).first() or 0) + 1
    try:
        with transaction.atomic():
            plan = Plan.objects.create(traject=traject, versie=versie, inzet_netwerk=inzet_netwerk,
                                       gewijzigd_door=door)
    except IntegrityError:  # a concept made meanwhile: the database holds one concept per traject
        raise ValidationError(EEN_ACTIEF_PLAN, code="actief_plan")
    log.aangemaakt(door, plan)
    return plan


@transaction.atomic
def wijzig_plan(*, plan, door, lock_versie, inzet_netwerk, volgende_evaluatie=None):
    plan = _vergrendel(plan, lock_versie, door)
    plan.inzet_netwerk = inzet_netwerk
    plan.save(update_fields=["inzet_netwerk"])
    if volgende_evaluatie is not None:
        Traject.objects.filter(pk=plan.traject_id).update(volgende_evaluatie=volgende_evaluatie)
    log.gewijzigd(door, plan, detail={"velden": ["inzet_netwerk", "volgende_evaluatie"]})
    return plan


@transaction.atomic
def voeg_doel_toe(*, plan, door, lock_versie, leefgebied, omschrijving, resultaat=""):
    plan = _vergrendel(plan, lock_versie, door)
    if not (omschrijving or "").strip():
        raise ValidationError({"omschrijving": _("Beschrijf het doel.")})
    doel = Doel(plan=plan, leefgebied=leefgebied, omschrijving=omschrijving, resultaat=resultaat,
                volgorde=plan.doelen.count())
    doel.full_clean()
    doel.save()
    log.aangemaakt(door, doel)
    return doel


@transaction.atomic
def voeg_actie_toe(*, doel, door, lock_versie, omschrijving, ladder, wie, aanbod=None, start=None, eind=None):
    plan = _vergrendel(doel.plan, lock_versie, door)
    if ladder not in Ladder.values:
        raise ValidationError({"ladder": _("Kies een trede op de ladder.")})
    if start and eind and eind < start:
        raise ValidationError({"eind": _("De einddatum ligt vóór de startdatum.")})
    if aanbod is not None and aanbod.gemeente_id != plan.traject.huishouden.gemeente_id:
        raise ValidationError({"aanbod": _("Kies aanbod uit de sociale kaart van uw eigen gemeente.")})
    if aanbod is not None and not aanbod.is_lopend:
        raise ValidationError({"aanbod": _("Dit aanbod is beëindigd; kies ander aanbod uit de sociale kaart.")})
    actie = Actie(doel=doel, omschrijving=omschrijving, ladder=ladder, wie=wie, aanbod=aanbod, start=start, eind=eind)
    actie.full_clean()
    actie.save()
    log.aangemaakt(door, plan, detail={"actie": actie.pk, "ladder": ladder})
    return actie


@transaction.atomic
def leg_akkoord_vast(*, plan, door, lock_versie, persoon, datum, wijze, toelichting=""):
    """The agreement of one household member (minors included) with this plan version."""
    plan = _vergrendel(plan, lock_versie, door)
    if persoon.huishouden_id != plan.traject.huishouden_id or persoon.samengevoegd_in_id:
        raise ValidationError({"persoon": _("Kies een lid van dit huishouden.")})
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("De datum van akkoord ligt in de toekomst.")})
    akkoord, _nieuw = PlanAkkoord.objects.update_or_create(
        plan=plan, persoon=persoon, defaults={"datum": datum, "wijze": wijze, "toelichting": toelichting})
    log.gewijzigd(door, plan, detail={"akkoord": persoon.pk, "wijze": wijze})
    return akkoord


@transaction.atomic
def leg_evaluatie_vast(*, plan, door, lock_versie, gepland_op, uitgevoerd_op=None, verslag=""):
    plan = _vergrendel(plan, lock_versie, door)
    if uitgevoerd_op and not (verslag or "").strip():
        raise ValidationError({"verslag": _("Schrijf een kort verslag van de uitgevoerde evaluatie.")})
    evaluatie = Evaluatie.objects.create(plan=plan, gepland_op=gepland_op, uitgevoerd_op=uitgevoerd_op,
                                         verslag=verslag, uitgevoerd_door=door if uitgevoerd_op else None)
    volgende = (Evaluatie.objects.filter(plan=plan, uitgevoerd_op__isnull=True).order_by("gepland_op")
                .values_list("gepland_op", flat=True).first())
    Traject.objects.filter(pk=plan.traject_id).update(volgende_evaluatie=volgende)
    log.gewijzigd(door, plan, detail={"evaluatie": evaluatie.pk})
    return evaluatie


@transaction.atomic
def stel_plan_vast(*, plan, door, lock_versie):
    """Make a concept plan the active plan of its traject (one active plan: database constraint)."""
    plan = _vergrendel(plan, lock_versie, door)
    if plan.status != Plan.Status.CONCEPT:
        raise ValidationError(_("Alleen een conceptplan kan worden vastgesteld."))
    if not plan.doelen.exists():
        raise ValidationError(_("Een plan heeft ten minste één doel nodig voordat het wordt vastgesteld."))
    plan.status = Plan.Status.ACTIEF
    plan.vastgesteld_op = timezone.localdate()
    try:
        with transaction.atomic():
            plan.save(update_fields=["status", "vastgesteld_op"])
    except IntegrityError:
        raise ValidationError(EEN_ACTIEF_PLAN, code="actief_plan")
    traject = plan.traject
    if traject.status in (Traject.Status.IN_ONDERZOEK, Traject.Status.HEROPEND):
        wijzig_status(traject=traject, naar=Traject.Status.PLAN, door=door, reden=_("Plan vastgesteld"))
    log.gewijzigd(door, plan, detail={"status": Plan.Status.ACTIEF})
    return plan


@transaction.atomic
def nieuwe_planversie(*, plan, door, lock_versie):
    """Copy the active plan into the next version; the old version stays readable as ‘vervangen’."""
    oud = _vergrendel(plan, lock_versie, door)
    if oud.status != Plan.Status.ACTIEF:
        raise ValidationError(_("Alleen van het actieve plan kunt u een nieuwe versie maken."))
    oud.status = Plan.Status.VERVANGEN
    oud.save(update_fields=["status"])
    nieuw = Plan.objects.create(traject=oud.traject, versie=oud.versie + 1, status=Plan.Status.ACTIEF,
                                inzet_netwerk=oud.inzet_netwerk, gewijzigd_door=door,
                                vastgesteld_op=timezone.localdate())
    for doel in oud.doelen.prefetch_related("acties"):
        kopie = Doel.objects.create(plan=nieuw, leefgebied=doel.leefgebied, omschrijving=doel.omschrijving,
                                    resultaat=doel.resultaat, volgorde=doel.volgorde)
        Actie.objects.bulk_create([
            Actie(doel=kopie, omschrijving=a.omschrijving, ladder=a.ladder, wie=a.wie, aanbod_id=a.aanbod_id,
                  start=a.start, eind=a.eind) for a in doel.acties.all()])
    Evaluatie.objects.bulk_create([
        Evaluatie(plan=nieuw, gepland_op=e.gepland_op) for e in oud.evaluaties.filter(uitgevoerd_op__isnull=True)])
    log.aangemaakt(door, nieuw, detail={"vorige_versie": oud.pk})
    return nieuw


def personen_zonder_akkoord(plan):
    gegeven = plan.akkoorden.values("persoon_id")
    return Persoon.objects.filter(huishouden_id=plan.traject.huishouden_id, samengevoegd_in__isnull=True).exclude(
        pk__in=gegeven)
