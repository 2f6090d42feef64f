"""Writes to the household and its persons, network and inventory. Locked, validated, audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from audit import log
from audit.models import AuditActie
from common.postcode import normaliseer_postcode
from huishoudens.models import (
    BestaandeOndersteuning,
    Huishouden,
    NetwerkLid,
    Persoon,
    PlanAkkoord,
    Relatie,
)
from huishoudens.services.traject import open_traject, wijs_regisseur_toe
from wijkteams import rollen

HUISHOUDEN_VELDEN = ("wijk", "straat", "huisnummer", "toevoeging", "postcode", "woonplaats", "naam", "samenstelling")
PERSOON_VELDEN = ("voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "bsn", "rol", "is_mantelzorger",
                  "mantelzorger_voor", "doet_vrijwilligerswerk")


def _controleer_bsn_vrij(bsn, *, behalve=None):
    if not bsn:
        return
    bestaand = Persoon.objects.filter(bsn=bsn, samengevoegd_in__isnull=True)
    if behalve is not None:
        bestaand = bestaand.exclude(pk=behalve.pk)
    if bestaand.exists():
        raise ValidationError({"bsn": _("Er is al een persoon met dit BSN geregistreerd. Zoek het bestaande "
                                        "huishouden op in plaats van een nieuw te maken.")})


def _bewaar(obj):
    """full_clean (BSN elfproef, lengths) and save; a constraint race becomes a Dutch message."""
    obj.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as fout:
        raise ValidationError(_("Deze gegevens botsen met een bestaande registratie: %(fout)s")
                              % {"fout": "BSN" if "bsn" in str(fout) else _("dubbel")}) from fout
    return obj


@transaction.atomic
def maak_huishouden(*, door, team, persoon, regisseur_worden=False, **velden):
    """Register a household with its first person and open a traject in ``team`` (which gives access)."""
    mw = getattr(door, "medewerker", None)
    if mw is None or team.gemeente_id != mw.gemeente_id:
        raise PermissionDenied(_("U kunt alleen huishoudens in uw eigen gemeente registreren."))
    if velden["wijk"].gemeente_id != mw.gemeente_id:
        raise ValidationError({"wijk": _("Kies een wijk in uw eigen gemeente.")})
    mag = door.groups.filter(pk=team.groep_id).exists() or (
        team.gebied_id and mw.coordinator_van.filter(pk=team.gebied_id).exists())
    if not mag:
        raise PermissionDenied(_("U kunt alleen een traject openen in een team waarvan u lid bent of "
                                 "in een gebied dat u coördineert."))
    _controleer_bsn_vrij(persoon.get("bsn"))
    velden["postcode"] = normaliseer_postcode(velden.get("postcode"))
    huishouden = _bewaar(Huishouden(gemeente_id=mw.gemeente_id, **{k: velden[k] for k in HUISHOUDEN_VELDEN
                                                                  if k in velden}))
    eerste = _bewaar(Persoon(huishouden=huishouden, **{k: v for k, v in persoon.items() if k in PERSOON_VELDEN}))
    log.aangemaakt(door, huishouden)
    log.aangemaakt(door, eerste)
    traject = open_traject(huishouden=huishouden, team=team, door=door)
    if regisseur_worden:
        wijs_regisseur_toe(traject=traject, regisseur=door, door=door, reden=_("Bij registratie"))
    return huishouden


@transaction.atomic
def wijzig_huishouden(*, huishouden, door, **velden):
    huishouden = Huishouden.objects.select_for_update().get(pk=huishouden.pk)
    if "wijk" in velden and velden["wijk"].gemeente_id != huishouden.gemeente_id:
        raise ValidationError({"wijk": _("Kies een wijk in de gemeente van dit huishouden.")})
    if "postcode" in velden:
        velden["postcode"] = normaliseer_postcode(velden["postcode"])
    oud = {k: str(getattr(huishouden, k)) for k in velden}
    for k, v in velden.items():
        setattr(huishouden, k, v)
    _bewaar(huishouden)
    log.gewijzigd(door, huishouden, detail={"velden": sorted(k for k in velden if oud[k] != str(velden[k]))})
    return huishouden


@transaction.atomic
def voeg_persoon_toe(*, huishouden, door, **velden):
    Huishouden.objects.select_for_update().get(pk=huishouden.pk)
    _controleer_bsn_vrij(velden.get("bsn"))
    persoon = _bewaar(Persoon(huishouden=huishouden, **{k: v for k, v in velden.items() if k in PERSOON_VELDEN}))
    log.aangemaakt(door, persoon)
    return persoon


@transaction.atomic
def wijzig_persoon(*, persoon, door, **velden):
    persoon = Persoon.objects.select_for_update().get(pk=persoon.pk)
    _controleer_bsn_vrij(velden.get("bsn"), behalve=persoon)
    for k, v in velden.items():
        if k in PERSOON_VELDEN:
            setattr(persoon, k, v)
    _bewaar(persoon)
    log.gewijzigd(door, persoon, detail={"velden": sorted(k for k in velden if k != "bsn")
                                         + (["bsn"] if "bsn" in velden else [])})
    return persoon


@transaction.atomic
def voeg_relatie_toe(*, van, naar, soort, door):
    if van.huishouden_id != naar.huishouden_id:
        raise ValidationError(_("Een relatie binnen het huishouden verbindt twee leden van hetzelfde huishouden."))
    if van.pk == naar.pk:
        raise ValidationError(_("Een persoon kan geen relatie met zichzelf hebben."))
    if Relatie.objects.filter(van=van, naar=naar, soort=soort).exists():
        raise ValidationError(_("Deze relatie is al vastgelegd."))
    relatie = Relatie.objects.create(van=van, naar=naar, soort=soort)
    log.aangemaakt(door, van, detail={"relatie": soort, "naar": naar.pk})
    return relatie


@transaction.atomic
def voeg_netwerklid_toe(*, huishouden, door, **velden):
    lid = _bewaar(NetwerkLid(huishouden=huishouden, **velden))
    log.aangemaakt(door, lid, huishouden_id=huishouden.pk)
    return lid


@transaction.atomic
def voeg_ondersteuning_toe(*, huishouden, door, **velden):
    item = _bewaar(BestaandeOndersteuning(huishouden=huishouden, **velden))
    log.aangemaakt(door, item, huishouden_id=huishouden.pk)
    return item


def toon_bsn(*, persoon, door, request=None):
    """Reveal a full BSN: a separate, logged read of that person."""
    log.log(door, AuditActie.GELEZEN, persoon, detail={"bsn": "getoond"}, request=request)
    return persoon.bsn


@transaction.atomic
def voeg_personen_samen(*, behouden, samenvoegen, door, reden=""):
    """Merge two records of the same person (coördinator only). The merged record stays, pointing to the kept
    one; relations, agreements and conversation participation move over; the BSN moves when the kept record
    has none. Higher apps move their own rows on the ``persoon_samengevoegd`` signal."""
    from huishoudens.signals import persoon_samengevoegd

    if not rollen.heeft_rol(door, rollen.COORDINATOR):
        raise PermissionDenied(_("Alleen een coördinator kan personen samenvoegen."))
    behouden, samenvoegen = (Persoon.objects.select_for_update().get(pk=p.pk) for p in (behouden, samenvoegen))
    if behouden.pk == samenvoegen.pk:
        raise ValidationError(_("Kies twee verschillende personen om samen te voegen."))
    if behouden.samengevoegd_in_id or samenvoegen.samengevoegd_in_id:
        raise ValidationError(_("Een van deze personen is al samengevoegd."))
    if behouden.bsn and samenvoegen.bsn and behouden.bsn != samenvoegen.bsn:
        raise ValidationError(_("Deze personen hebben een verschillend BSN; het zijn niet dezelfde personen."))
    if behouden.geboortedatum != samenvoegen.geboortedatum:
        raise ValidationError(_("Deze personen hebben een verschillende geboortedatum; controleer eerst de "
                                "gegevens."))
    bsn = samenvoegen.bsn
    samenvoegen.samengevoegd_in = behouden
    samenvoegen.save(update_fields=["samengevoegd_in"])
    if bsn and not behouden.bsn:
        behouden.bsn = bsn
        behouden.save(update_fields=["bsn"])
    for relatie in Relatie.objects.filter(van=samenvoegen):
        if relatie.naar_id != behouden.pk and not Relatie.objects.filter(
                van=behouden, naar_id=relatie.naar_id, soort=relatie.soort).exists():
            Relatie.objects.filter(pk=relatie.pk).update(van=behouden)
    for relatie in Relatie.objects.filter(naar=samenvoegen):
        if relatie.van_id != behouden.pk and not Relatie.objects.filter(
                van_id=relatie.van_id, naar=behouden, soort=relatie.soort).exists():
            Relatie.objects.filter(pk=relatie.pk).update(naar=behouden)
    for akkoord in PlanAkkoord.objects.filter(persoon=samenvoegen):
        if not PlanAkkoord.objects.filter(plan_id=akkoord.plan_id, persoon=behouden).exists():
            PlanAkkoord.objects.filter(pk=akkoord.pk).update(persoon=behouden)
    for gesprek in samenvoegen.gesprekken.all():
        gesprek.deelnemers_huishouden.add(behouden)
    persoon_samengevoegd.send(sender=Persoon, behouden=behouden, samengevoegd=samenvoegen, door=door)
    log.gewijzigd(door, behouden, detail={"samengevoegd": samenvoegen.pk, "reden": reden})
    log.gewijzigd(door, samenvoegen, detail={"samengevoegd_in": behouden.pk, "reden": reden})
    return behouden
