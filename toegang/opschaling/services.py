"""Writes for opschaling: escalate, handle, decide, afschalen/afsluiten, the bestuurstafel summary and signals.

Escalating to a target with a ``toegang_groep`` (the LZN) gives that group access to the household; ending the
last active escalation to it takes the access away again.
"""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from common.overgangen import controleer_overgang
from huishoudens import rechten
from huishoudens.models import Traject
from huishoudens.selectors import huidige_regisseur
from huishoudens.services import meld_zorgen_kindveiligheid
from toegang.models import BeleidsSignaal, Opschaling, OpschalingDoel, OpschalingStatusWijziging, ToegangGroep
from wijkteams import rollen
from wijkteams.selectors import medewerker_van

Status = Opschaling.Status
Soort = OpschalingDoel.Soort

# The allowed status moves of an escalation, in one table.
OVERGANGEN = {
    Status.AANGEMELD: {Status.IN_BEHANDELING, Status.BESLOTEN, Status.AFGESCHAALD, Status.AFGESLOTEN},
    Status.IN_BEHANDELING: {Status.BESLOTEN, Status.AFGESCHAALD, Status.AFGESLOTEN},
    Status.BESLOTEN: {Status.AFGESCHAALD, Status.AFGESLOTEN},
    Status.AFGESCHAALD: set(),
    Status.AFGESLOTEN: set(),
}


def _wijzig_status(opschaling, naar, *, door, toelichting=""):
    van = controleer_overgang(OVERGANGEN, opschaling, naar)
    opschaling.status = naar
    OpschalingStatusWijziging.objects.create(opschaling=opschaling, van=van, naar=naar, door=door,
                                             toelichting=toelichting)
    return van


def mag_opschalen(user, traject):
    """The regisseur escalates; the coördinator of the gebied may too."""
    if not traject.is_open:
        return False
    regisseur = huidige_regisseur(traject)
    return (regisseur is not None and regisseur.pk == user.pk) or rollen.is_coordinator_van(user, traject.gebied_id,
                                                                                            gemeente_id=traject.huishouden.gemeente_id)


def mag_behandelen(user, opschaling):
    """The owner, the coördinator of the gebied, the LZN for LZN cases, the bestuurstafel for its cases."""
    mw = medewerker_van(user)
    if mw is None or mw.gemeente_id != opschaling.gemeente_id:
        return False
    if opschaling.eigenaar_id == user.pk or rollen.is_coordinator_van(user, opschaling.gebied_id,
                                                                      gemeente_id=opschaling.gemeente_id):
        return True
    soort = opschaling.doel.soort
    return (soort == Soort.LZN and rollen.heeft_rol(user, rollen.LZN)) or (
        soort == Soort.BESTUURSTAFEL and rollen.heeft_rol(user, rollen.BESTUURSTAFEL))


def _leeftijd_past(doel, huishouden):
    if doel.minimum_leeftijd is None and doel.maximum_leeftijd is None:
        return True
    for persoon in huishouden.personen.filter(samengevoegd_in__isnull=True):
        leeftijd = persoon.leeftijd()
        if (doel.minimum_leeftijd is None or leeftijd >= doel.minimum_leeftijd) and (
                doel.maximum_leeftijd is None or leeftijd <= doel.maximum_leeftijd):
            return True
    return False


def _groep(doel):
    """The group that gets access on escalation: only one of ``ToegangGroep`` (checked by the database too)."""
    if doel.toegang_groep not in ToegangGroep.values:
        return None
    return Group.objects.get_or_create(name=doel.toegang_groep)[0]


@transaction.atomic
def schaal_op(*, traject, doel, door, reden, geprobeerd, kindveiligheid=False):
    traject = Traject.objects.select_for_update(of=("self",)).select_related("huishouden").get(pk=traject.pk)
    huishouden = traject.huishouden
    if not mag_opschalen(door, traject):
        raise PermissionDenied(_("Alleen de regisseur of de coördinator van het gebied kan dit traject opschalen."))
    fouten = {}
    if doel.gemeente_id != huishouden.gemeente_id or not doel.actief:
        fouten["doel"] = _("Kies een opschalingsdoel van uw gemeente.")
    elif not _leeftijd_past(doel, huishouden):
        fouten["doel"] = _("%(doel)s is voor %(leeftijd)s; niemand in dit huishouden valt daarbinnen.") % {
            "doel": doel.naam, "leeftijd": doel.leeftijd_omschrijving}
    elif Opschaling.objects.filter(traject=traject, doel=doel, status__in=Opschaling.ACTIEF).exists():
        fouten["doel"] = _("Dit traject is al opgeschaald naar %(doel)s.") % {"doel": doel.naam}
    if not (reden or "").strip():
        fouten["reden"] = _("Geef de reden van de opschaling.")
    if not (geprobeerd or "").strip():
        fouten["geprobeerd"] = _("Beschrijf wat het team al heeft geprobeerd.")
    if fouten:
        raise ValidationError(fouten)
    opschaling = Opschaling.objects.create(
        traject=traject, huishouden=huishouden, gemeente_id=huishouden.gemeente_id, gebied_id=traject.gebied_id,
        doel=doel, reden=reden.strip(), geprobeerd=geprobeerd.strip(), aangemeld_door=door)
    OpschalingStatusWijziging.objects.create(opschaling=opschaling, van="", naar=Status.AANGEMELD, door=door)
    groep = _groep(doel)
    if groep is not None:
        rechten.geef_toegang(huishouden, groep, door=door, reden=_("opgeschaald naar %(doel)s") % {"doel": doel.naam})
    if kindveiligheid and not traject.zorgen_kindveiligheid:
        meld_zorgen_kindveiligheid(traject=traject, door=door, reden=_(
            "Bij opschaling naar %(doel)s: %(reden)s") % {"doel": doel.naam, "reden": reden.strip()})
        traject.refresh_from_db(fields=["zorgen_kindveiligheid"])
    log.aangemaakt(door, opschaling, detail={"doel": doel.code, "toegang_groep": doel.toegang_groep or None})
    return opschaling


def _lock(opschaling_id, door):
    opschaling = (Opschaling.objects.select_for_update(of=("self",))
                  .select_related("doel", "huishouden").get(pk=opschaling_id))
    if not mag_behandelen(door, opschaling):
        raise PermissionDenied(_("U kunt deze opschaling niet behandelen."))
    return opschaling


@transaction.atomic
def neem_in_behandeling(*, opschaling_id, door, overlegdatum=None):
    o = _lock(opschaling_id, door)
    van = _wijzig_status(o, Status.IN_BEHANDELING, door=door)
    o.eigenaar = door
    o.overlegdatum = overlegdatum or o.overlegdatum
    o.save(update_fields=["status", "eigenaar", "overlegdatum"])
    log.gewijzigd(door, o, detail={"status": [van, o.status]})
    return o


@transaction.atomic
def leg_besluit_vast(*, opschaling_id, door, besluit, overlegdatum=None):
    o = _lock(opschaling_id, door)
    if not (besluit or "").strip():
        raise ValidationError({"besluit": _("Beschrijf het besluit van het overleg.")})
    van = _wijzig_status(o, Status.BESLOTEN, door=door, toelichting=besluit)
    o.besluit = besluit.strip()
    o.overlegdatum = overlegdatum or o.overlegdatum or timezone.localdate()
    o.eigenaar = o.eigenaar or door
    o.save(update_fields=["status", "besluit", "overlegdatum", "eigenaar"])
    log.gewijzigd(door, o, detail={"status": [van, o.status]})
    return o


def _beeindig(o, naar, *, door, uitkomst, instructies=""):
    van = _wijzig_status(o, naar, door=door, toelichting=instructies or uitkomst)
    o.uitkomst = uitkomst.strip()
    o.afschaal_instructies = instructies.strip()
    o.beeindigd_op = timezone.now()
    o.save(update_fields=["status", "uitkomst", "afschaal_instructies", "beeindigd_op"])
    groep = _groep(o.doel)
    nog_actief = Opschaling.objects.filter(
        huishouden=o.huishouden, doel__toegang_groep=o.doel.toegang_groep, status__in=Opschaling.ACTIEF
    ).exclude(pk=o.pk).exists()
    if groep is not None and not nog_actief:
        rechten.trek_toegang_in(o.huishouden, groep, door=door, reden=_("opschaling beëindigd"))
    log.gewijzigd(door, o, detail={"status": [van, o.status]})
    return o


@transaction.atomic
def schaal_af(*, opschaling_id, door, instructies, uitkomst=""):
    """Send the case back to the team with instructions."""
    o = _lock(opschaling_id, door)
    if not (instructies or "").strip():
        raise ValidationError({"instructies": _("Geef het team instructies mee bij het afschalen.")})
    return _beeindig(o, Status.AFGESCHAALD, door=door, uitkomst=uitkomst or "", instructies=instructies)


@transaction.atomic
def sluit_opschaling_af(*, opschaling_id, door, uitkomst):
    o = _lock(opschaling_id, door)
    if not (uitkomst or "").strip():
        raise ValidationError({"uitkomst": _("Beschrijf de uitkomst van de opschaling.")})
    return _beeindig(o, Status.AFGESLOTEN, door=door, uitkomst=uitkomst)


@transaction.atomic
def leg_samenvatting_vast(*, opschaling_id, door, samenvatting):
    """The coördinator prepares the minimised case summary the bestuurstafel sees (no names, BSN or address)."""
    o = Opschaling.objects.select_for_update(of=("self",)).select_related("doel", "huishouden").get(pk=opschaling_id)
    if not rollen.is_coordinator_van(door, o.gebied_id, gemeente_id=o.gemeente_id):
        raise PermissionDenied(_("Alleen de coördinator van het gebied stelt de casusbeschrijving op."))
    tekst = (samenvatting or "").strip()
    if len(tekst) < 20:
        raise ValidationError({"samenvatting": _("Beschrijf de casus in minstens 20 tekens, zonder namen.")})
    namen = {p.achternaam for p in o.huishouden.personen.all()} | {p.voornamen for p in o.huishouden.personen.all()}
    bsns = {p.bsn for p in o.huishouden.personen.all() if p.bsn}
    gevonden = [n for n in namen | bsns | {o.huishouden.straat} if n and n.lower() in tekst.lower()]
    if gevonden:
        raise ValidationError({"samenvatting": _(
            "De casusbeschrijving bevat persoonsgegevens (%(wat)s). Laat namen, BSN en adres weg.")
            % {"wat": ", ".join(sorted(gevonden))}})
    o.samenvatting = tekst
    o.save(update_fields=["samenvatting"])
    log.gewijzigd(door, o, detail={"samenvatting": True})
    return o


@transaction.atomic
def registreer_signaal(*, opschaling_id, door, thema, omschrijving, aanbeveling=""):
    """The bestuurstafel records the structural problem behind a case, for policy (no personal data)."""
    o = _lock(opschaling_id, door)
    if o.doel.soort != Soort.BESTUURSTAFEL:
        raise ValidationError(_("Beleidssignalen worden vastgelegd bij casussen van de bestuurstafel."))
    if thema not in BeleidsSignaal.Thema.values:
        raise ValidationError({"thema": _("Kies een thema.")})
    if len((omschrijving or "").strip()) < 10:
        raise ValidationError({"omschrijving": _("Beschrijf het structurele probleem.")})
    signaal = BeleidsSignaal.objects.create(
        gemeente_id=o.gemeente_id, gebied_id=o.gebied_id, opschaling=o, thema=thema,
        omschrijving=omschrijving.strip(), aanbeveling=(aanbeveling or "").strip(), datum=timezone.localdate(),
        vastgelegd_door=door)
    log.aangemaakt(door, signaal)
    return signaal
