"""Mantelzorg: a carer's own support record, the support offered and a short burden check.

The burden check has five questions answered 0 (nee/nooit) to 3 (ja/altijd). A total at or above
``settings.GEMEENSCHAP_OVERBELASTING_DREMPEL`` (default 9 of 15) flags ‘overbelasting’; the regisseur of the
household sees it on the start page and in the dossier.
"""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit import log
from gemeenschap import rechten
from gemeenschap.models import Belastingcheck, Mantelzorger, MantelzorgSteun
from huishoudens.selectors import huishoudens_voor

BELASTING_VRAGEN = [
    ("tijd", gettext_lazy("Ik heb te weinig tijd voor mezelf.")),
    ("gezondheid", gettext_lazy("De zorg gaat ten koste van mijn eigen gezondheid.")),
    ("druk", gettext_lazy("Ik voel me onder druk staan door de zorg.")),
    ("combinatie", gettext_lazy("De zorg is moeilijk te combineren met werk, gezin of andere taken.")),
    ("vermoeid", gettext_lazy("Ik slaap slecht of ben vaak moe door de zorg.")),
]
ANTWOORDEN = [
    (0, gettext_lazy("Nee, nooit")),
    (1, gettext_lazy("Soms")),
    (2, gettext_lazy("Vaak")),
    (3, gettext_lazy("Ja, (bijna) altijd")),
]
MAX_SCORE = 3 * len(BELASTING_VRAGEN)


def drempel():
    return int(getattr(settings, "GEMEENSCHAP_OVERBELASTING_DREMPEL", 9))


def bereken_belasting(antwoorden):
    """(score, overbelast) for a dict {vraag code: 0-3}. Raises ValidationError when incomplete or out of range."""
    fouten = {}
    score = 0
    for code, _tekst in BELASTING_VRAGEN:
        waarde = antwoorden.get(code)
        try:
            waarde = int(waarde)
        except (TypeError, ValueError):
            fouten[code] = _("Beantwoord deze vraag.")
            continue
        if not 0 <= waarde <= 3:
            fouten[code] = _("Kies een antwoord van 0 tot en met 3.")
            continue
        score += waarde
    if fouten:
        raise ValidationError(fouten)
    return score, score >= drempel()


def _uren(uren):
    try:
        uren = Decimal(str(uren))
    except (InvalidOperation, TypeError):
        raise ValidationError({"uren_per_week": _("Vul het aantal uren per week in als getal.")})
    if uren < 0:
        raise ValidationError({"uren_per_week": _("Het aantal uren per week kan niet negatief zijn.")})
    if uren > 168:
        raise ValidationError({"uren_per_week": _("Een week heeft maar 168 uur.")})
    return uren


@transaction.atomic
def registreer_mantelzorger(*, door, zorgt_voor, uren_per_week, sinds, persoon=None, netwerklid=None):
    """A support record for a carer: a person in a household the user works on, or a network member of it."""
    if not rechten.mag_mantelzorg(door):
        raise PermissionDenied(_("U mag geen mantelzorgers registreren."))
    fouten = {}
    if (persoon is None) == (netwerklid is None):
        fouten["persoon"] = _("Kies een persoon uit het huishouden óf iemand uit het netwerk.")
    huishouden = (persoon or netwerklid).huishouden if (persoon or netwerklid) else None
    if huishouden is not None and not huishoudens_voor(door).filter(pk=huishouden.pk).exists():
        raise PermissionDenied(_("U werkt niet aan dit huishouden."))
    try:
        uren_per_week = _uren(uren_per_week)
    except ValidationError as fout:
        fouten.update(fout.message_dict)
    if not (zorgt_voor or "").strip():
        fouten["zorgt_voor"] = _("Vul in voor wie de mantelzorger zorgt.")
    if not sinds:
        fouten["sinds"] = _("Vul in sinds wanneer.")
    elif sinds > timezone.localdate():
        fouten["sinds"] = _("Deze datum kan niet in de toekomst liggen.")
    if fouten:
        raise ValidationError(fouten)
    try:
        with transaction.atomic():
            mz = Mantelzorger.objects.create(
                gemeente_id=huishouden.gemeente_id, huishouden=huishouden, wijk_id=huishouden.wijk_id,
                persoon=persoon, netwerklid=netwerklid, zorgt_voor=zorgt_voor.strip(), uren_per_week=uren_per_week,
                sinds=sinds, geregistreerd_door=door,
            )
    except IntegrityError:
        raise ValidationError(_("Voor deze mantelzorger bestaat al een registratie."))
    log.aangemaakt(door, mz)
    return mz


@transaction.atomic
def wijzig_uren(*, mantelzorger, door, uren_per_week, zorgt_voor=None):
    mz = Mantelzorger.objects.select_for_update().get(pk=mantelzorger.pk)
    if not huishoudens_voor(door).filter(pk=mz.huishouden_id).exists() or not rechten.mag_mantelzorg(door):
        raise PermissionDenied(_("U werkt niet aan dit huishouden."))
    mz.uren_per_week = _uren(uren_per_week)
    if zorgt_voor is not None:
        if not zorgt_voor.strip():
            raise ValidationError({"zorgt_voor": _("Vul in voor wie de mantelzorger zorgt.")})
        mz.zorgt_voor = zorgt_voor.strip()
    mz.save(update_fields=["uren_per_week", "zorgt_voor"])
    log.gewijzigd(door, mz, detail={"uren_per_week": str(mz.uren_per_week)})
    return mz


def _mag_bij(door, mz):
    if not rechten.mag_mantelzorg(door) or not huishoudens_voor(door).filter(pk=mz.huishouden_id).exists():
        raise PermissionDenied(_("U werkt niet aan dit huishouden."))


@transaction.atomic
def registreer_steun(*, mantelzorger, door, soort, datum, toelichting=""):
    _mag_bij(door, mantelzorger)
    fouten = {}
    if soort not in MantelzorgSteun.Soort.values:
        fouten["soort"] = _("Kies de soort ondersteuning.")
    if not datum:
        fouten["datum"] = _("Vul de datum in.")
    elif datum < mantelzorger.sinds:
        fouten["datum"] = _("De ondersteuning kan niet vóór het begin van de mantelzorg liggen.")
    if fouten:
        raise ValidationError(fouten)
    steun = MantelzorgSteun.objects.create(mantelzorger=mantelzorger, soort=soort, datum=datum,
                                           toelichting=toelichting)
    log.gewijzigd(door, mantelzorger, detail={"steun": soort})
    return steun


@transaction.atomic
def neem_belastingcheck_af(*, mantelzorger, door, antwoorden, datum=None):
    _mag_bij(door, mantelzorger)
    datum = datum or timezone.localdate()
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("Deze datum kan niet in de toekomst liggen.")})
    score, overbelast = bereken_belasting(antwoorden)
    check = Belastingcheck.objects.create(
        mantelzorger=mantelzorger, datum=datum, score=score, overbelast=overbelast, afgenomen_door=door,
        antwoorden={code: int(antwoorden[code]) for code, _t in BELASTING_VRAGEN},
    )
    log.gewijzigd(door, mantelzorger, detail={"belastingcheck": score, "overbelast": overbelast})
    return check
