"""Bulk handover of regie: all open trajecten of one professional to others in one go (absence, leaving).

Set-based: one locked read, one UPDATE closing the assignments, one bulk INSERT of the new ones, the
object permissions moved with bulk statements, and one audit row per household written in bulk.
"""

from itertools import cycle

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from huishoudens import rechten
from huishoudens.models import RegisseurToewijzing, Traject
from wijkteams import rollen


@transaction.atomic
def draag_alle_regie_over(*, van, naar, door, reden):
    """Hand over every open traject of ``van`` to the users in ``naar`` (round robin over those allowed).

    Each new regisseur must be allowed by ``rechten.mag_regisseur_zijn`` (the traject's team, or coördinates the
    traject); ``door`` must coördinate every traject concerned ("coördinate": ``rechten.coordineert_traject``,
    the rule of ``wijkteams.rollen``). All or nothing.
    Returns the number of trajecten handed over.
    """
    naar = [u for u in naar if u.pk != van.pk]
    if not naar:
        raise ValidationError({"naar": _("Kies ten minste één andere medewerker om de regie aan over te dragen.")})
    if not (reden or "").strip():
        raise ValidationError({"reden": _("Geef een reden voor de overdracht (bijvoorbeeld afwezigheid).")})
    mw = getattr(door, "medewerker", None)
    if mw is None or not rollen.heeft_rol(door, rollen.COORDINATOR):
        raise PermissionDenied(_("Alleen een coördinator kan de regie in één keer overdragen."))
    toewijzingen = list(
        RegisseurToewijzing.objects.select_for_update(of=("self",))
        .filter(regisseur=van, tot__isnull=True, traject__huishouden__gemeente_id=mw.gemeente_id)
        .exclude(traject__status=Traject.Status.AFGESLOTEN)
        .select_related("traject__team", "traject__huishouden")
        .order_by("traject_id")
    )
    if not toewijzingen:
        raise ValidationError(_("Deze medewerker is van geen enkel open traject regisseur."))
    buiten = [t for t in toewijzingen if not rechten.coordineert_traject(door, t.traject)]
    if buiten:
        raise PermissionDenied(_("%(n)s trajecten liggen buiten de gebieden die u coördineert.") % {"n": len(buiten)})

    beurt = cycle(naar)
    nieuw, niet_mogelijk = [], []
    for t in toewijzingen:
        for _i in range(len(naar)):
            kandidaat = next(beurt)
            if rechten.mag_regisseur_zijn(t.traject, kandidaat):
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

    # The old regisseur keeps access only where they still have it another way (coördinator of the gebied).
    rechten.verplaats_regie_bulk(
        van=van, paren=[(t.traject.huishouden_id, k) for t, k in nieuw], door=door, reden=reden,
        behouden={t.traject.huishouden_id for t, _k in nieuw if rechten.coordineert_traject(van, t.traject)},
        gemeente_id=mw.gemeente_id)

    gemeenschappelijk = {**rechten.audit_velden(door, mw.gemeente_id), "object_type": "huishoudens.traject"}
    AuditEvent.objects.bulk_create([
        AuditEvent(object_id=str(t.traject_id), huishouden_id=t.traject.huishouden_id, **gemeenschappelijk,
                   detail={"regisseur": k.username, "vorige": van.username, "reden": reden, "bulk": True})
        for t, k in nieuw])
    return len(nieuw)
