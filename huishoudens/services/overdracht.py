"""Bulk handover of regie: all open trajecten of one professional to others in one go (absence, leaving).

Set-based: one locked read, one UPDATE closing the assignments, one bulk INSERT of the new ones, the
object permissions moved with bulk statements, and one audit row per household written in bulk.
"""

from itertools import cycle

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import context
from audit.models import AuditActie, AuditEvent
from huishoudens.models import HuishoudenUserObjectPermission, RegisseurToewijzing, Traject
from huishoudens.rechten import RECHTEN
from wijkteams import rollen


def _rechten():
    codes = [r.split(".", 1)[1] for r in RECHTEN]
    return list(Permission.objects.filter(content_type__app_label="huishoudens", codename__in=codes))


@transaction.atomic
def draag_alle_regie_over(*, van, naar, door, reden):
    """Hand over every open traject of ``van`` to the users in ``naar`` (round robin over those allowed).

    Each new regisseur must be in the traject's team or coördinate its gebied; ``door`` must coördinate the
    gebied of every traject concerned. All or nothing. Returns the number of trajecten handed over.
    """
    naar = [u for u in naar if u.pk != van.pk]
    if not naar:
        raise ValidationError({"naar": _("Kies ten minste één andere medewerker om de regie aan over te dragen.")})
    if not (reden or "").strip():
        raise ValidationError({"reden": _("Geef een reden voor de overdracht (bijvoorbeeld afwezigheid).")})
    mw = getattr(door, "medewerker", None)
    if mw is None or not rollen.heeft_rol(door, rollen.COORDINATOR):
        raise PermissionDenied(_("Alleen een coördinator kan de regie in één keer overdragen."))
    mijn_gebieden = set(mw.coordinator_van.values_list("pk", flat=True))
    toewijzingen = list(
        RegisseurToewijzing.objects.select_for_update(of=("self",))
        .filter(regisseur=van, tot__isnull=True, traject__huishouden__gemeente_id=mw.gemeente_id)
        .exclude(traject__status=Traject.Status.AFGESLOTEN)
        .select_related("traject__team", "traject__huishouden")
        .order_by("traject_id")
    )
    if not toewijzingen:
        raise ValidationError(_("Deze medewerker is van geen enkel open traject regisseur."))
    buiten = [t for t in toewijzingen if t.traject.gebied_id not in mijn_gebieden]
    if buiten:
        raise PermissionDenied(_("%(n)s trajecten liggen buiten de gebieden die u coördineert.") % {"n": len(buiten)})

    groepen = {u.pk: set(u.groups.values_list("pk", flat=True)) for u in naar}
    coordineert = {u.pk: set(u.medewerker.coordinator_van.values_list("pk", flat=True)) if hasattr(
        u, "medewerker") else set() for u in naar}
    beurt = cycle(naar)
    nieuw, niet_mogelijk = [], []
    for t in toewijzingen:
        for _i in range(len(naar)):
            kandidaat = next(beurt)
            if t.traject.team.groep_id in groepen[kandidaat.pk] or t.traject.gebied_id in coordineert[kandidaat.pk]:
                nieuw.append((t, kandidaat))
                break
        else:
            niet_mogelijk.append(t.traject.huishouden.naam)
    if niet_mogelijk:
        raise ValidationError(
            _("Voor %(n)s huishoudens is geen van de gekozen medewerkers lid van het team of coördinator van het "
              "gebied: %(namen)s.") % {"n": len(niet_mogelijk), "namen": ", ".join(niet_mogelijk[:10])})

    nu = timezone.now()
    RegisseurToewijzing.objects.filter(pk__in=[t.pk for t, _k in nieuw]).update(tot=nu)
    RegisseurToewijzing.objects.bulk_create([
        RegisseurToewijzing(traject=t.traject, regisseur=k, toegewezen_door=door, reden=reden) for t, k in nieuw])

    rechten = _rechten()
    huishouden_ids = [t.traject.huishouden_id for t, _k in nieuw]
    # The old regisseur keeps access only where they still have it another way (team group, coördinator).
    van_coordineert = set(van.medewerker.coordinator_van.values_list("pk", flat=True)) if hasattr(
        van, "medewerker") else set()
    behouden = {t.traject.huishouden_id for t, _k in nieuw if t.traject.gebied_id in van_coordineert}
    HuishoudenUserObjectPermission.objects.filter(
        user=van, content_object_id__in=[h for h in huishouden_ids if h not in behouden]).delete()
    HuishoudenUserObjectPermission.objects.bulk_create([
        HuishoudenUserObjectPermission(user=k, permission=p, content_object_id=t.traject.huishouden_id)
        for t, k in nieuw for p in rechten], ignore_conflicts=True)

    request = context.huidig_request()
    gemeenschappelijk = {
        "actor": door, "actor_weergave": door.username,
        "rol": ",".join(sorted(door.groups.values_list("name", flat=True))),
        "actie": AuditActie.GEWIJZIGD, "object_type": "huishoudens.traject", "gemeente_id": mw.gemeente_id,
        "request_id": getattr(request, "request_id", "") if request else "",
        "ip": request.META.get("REMOTE_ADDR") if request else None,
    }
    AuditEvent.objects.bulk_create([
        AuditEvent(object_id=str(t.traject_id), huishouden_id=t.traject.huishouden_id, **gemeenschappelijk,
                   detail={"regisseur": k.username, "vorige": van.username, "reden": reden, "bulk": True})
        for t, k in nieuw])
    return len(nieuw)
