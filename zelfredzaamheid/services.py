"""Writes of ZRM measurements: validated (Dutch messages), locked, audited.

``antwoorden`` is a dict ``domain code → score``, where a score is 1-5, ``"nvt"`` (niet van
toepassing) or None / "" (niet gescoord). Neither of the last two is a zero: both are stored as
NULL in ``scores``, "niet van toepassing" is also listed in ``niet_van_toepassing``.

A draft (concept) can be changed and made final; a final measurement is never changed: a
correction is a new final measurement that replaces it, with a reason, and the old one stays.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from common.overgangen import controleer_overgang
from huishoudens.models import Persoon, Traject
from huishoudens.selectors import huishoudens_voor
from zelfredzaamheid.models import DoelDomein, Domein, MatrixVersie, Meting

NVT = "nvt"
Status = Meting.Status

# The allowed status moves of a measurement; VERVANGEN only through corrigeer_meting.
OVERGANGEN = {
    Status.CONCEPT: {Status.DEFINITIEF},
    Status.DEFINITIEF: {Status.VERVANGEN},
    Status.VERVANGEN: set(),
}


def actieve_versie():
    versie = MatrixVersie.objects.filter(actief=True).first()
    if versie is None:
        raise ValidationError(_("Er is geen actieve versie van de zelfredzaamheidsmatrix ingesteld."))
    return versie


def _mag_schrijven(door, huishouden):
    if not huishoudens_voor(door).filter(pk=huishouden.pk).exists():
        raise PermissionDenied(_("U werkt niet aan dit huishouden."))


def valideer_antwoorden(versie, antwoorden, notities=None):
    """Turn ``antwoorden`` into (scores, niet_van_toepassing, notities) or raise a ValidationError whose
    keys are ``domein_<code>`` (per domain) or ``scores`` (unknown domains)."""
    domeinen = list(versie.domeinen.order_by("volgorde"))
    per_code = {d.code: d for d in domeinen}
    notities = {k: (v or "").strip() for k, v in (notities or {}).items() if (v or "").strip()}
    fouten = {}
    vreemd = sorted((set(antwoorden) | set(notities)) - set(per_code))
    if vreemd:
        andere = dict(Domein.objects.filter(code__in=vreemd).exclude(versie=versie).values_list("code", "naam"))
        fouten["scores"] = [
            _("Het domein ‘%(domein)s’ hoort niet bij matrixversie %(versie)s.")
            % {"domein": andere.get(code, code), "versie": versie.code}
            for code in vreemd
        ]
    scores = [None] * len(domeinen)
    nvt = []
    for domein in domeinen:
        waarde = antwoorden.get(domein.code)
        if waarde is None or waarde == "":
            continue
        if waarde == NVT:
            nvt.append(domein.code)
            continue
        try:
            score = int(waarde)
        except (TypeError, ValueError):
            score = None
        if isinstance(waarde, bool) or score is None or str(waarde).strip() != str(score) or not 1 <= score <= 5:
            fouten[f"domein_{domein.code}"] = [
                _("De score voor ‘%(domein)s’ moet een getal van 1 tot en met 5 zijn, of ‘niet van toepassing’.")
                % {"domein": domein.naam}
            ]
            continue
        scores[domein.volgorde - 1] = score
    if fouten:
        raise ValidationError(fouten)
    if len(domeinen) != max((d.volgorde for d in domeinen), default=0):
        raise ValidationError(_("De domeinen van matrixversie %(versie)s zijn niet doorlopend genummerd.")
                              % {"versie": versie.code})
    return scores, nvt, notities


def _valideer_meting(*, huishouden, persoon, datum, soort):
    fouten = {}
    if persoon.huishouden_id != huishouden.pk or persoon.samengevoegd_in_id is not None:
        fouten["persoon"] = [_("Deze persoon hoort niet bij dit huishouden.")]
    if datum is None:
        fouten["datum"] = [_("Vul de datum van de meting in.")]
    elif datum > timezone.localdate():
        fouten["datum"] = [_("De datum van de meting mag niet in de toekomst liggen.")]
    if soort not in Meting.Soort.values:
        fouten["soort"] = [_("Kies de soort meting: intake, evaluatie of afsluiting.")]
    if fouten:
        raise ValidationError(fouten)


def _traject_op(huishouden, datum):
    """The traject the household was in on ``datum`` (else its open one), for team and gebied."""
    trajecten = Traject.objects.filter(huishouden=huishouden).select_related("team")
    traject = (
        trajecten.filter(aangemeld_op__lte=datum)
        .filter(Q(afgesloten_op__isnull=True) | Q(afgesloten_op__gte=datum))
        .order_by("-aangemeld_op", "-id")
        .first()
    )
    return traject or trajecten.exclude(status=Traject.Status.AFGESLOTEN).first()


def _plaats(meting, huishouden):
    traject = _traject_op(huishouden, meting.datum)
    meting.traject = traject
    meting.team_id = traject.team_id if traject else None
    meting.gemeente_id = huishouden.gemeente_id
    meting.wijk_id = huishouden.wijk_id
    meting.gebied_id = (traject.gebied_id if traject and traject.gebied_id else None) or huishouden.wijk.gebied_id


def _herbereken_eerste(persoon_id, versie_id):
    """Mark the person's first final measurement of this version (by date, then id)."""
    metingen = Meting.objects.filter(persoon_id=persoon_id, versie_id=versie_id)
    metingen.filter(is_eerste=True).update(is_eerste=False)
    eerste = metingen.filter(status=Status.DEFINITIEF).order_by("datum", "id").values_list("id", flat=True).first()
    if eerste is not None:
        Meting.objects.filter(pk=eerste).update(is_eerste=True)


def _lock_persoon(persoon):
    return Persoon.objects.select_for_update().get(pk=persoon.pk)


@transaction.atomic
def registreer_meting(*, huishouden, persoon, door, datum, soort, antwoorden, notities=None, client_akkoord=None,
                      versie=None, definitief=False):
    """A new measurement for a person of the household, as a draft or straight away final."""
    _mag_schrijven(door, huishouden)
    versie = versie or actieve_versie()
    fouten = {}
    try:
        _valideer_meting(huishouden=huishouden, persoon=persoon, datum=datum, soort=soort)
    except ValidationError as e:
        fouten.update(e.message_dict)
    try:
        scores, nvt, notities = valideer_antwoorden(versie, antwoorden, notities)
    except ValidationError as e:
        fouten.update(e.message_dict if hasattr(e, "error_dict") else {"scores": e.messages})
    if fouten:
        raise ValidationError(fouten)
    persoon = _lock_persoon(persoon)
    meting = Meting(
        persoon=persoon, huishouden=huishouden, versie=versie, datum=datum, soort=soort, scores=scores,
        niet_van_toepassing=nvt, notities=notities, client_akkoord=client_akkoord, gescoord_door=door,
    )
    if definitief:
        meting.status = Status.DEFINITIEF
        meting.definitief_op = timezone.now()
    _plaats(meting, huishouden)
    meting.save()
    if definitief:
        _herbereken_eerste(persoon.pk, versie.pk)
        meting.refresh_from_db(fields=["is_eerste"])
    log.aangemaakt(door, meting, detail={"status": meting.status, "soort": soort})
    return meting


@transaction.atomic
def wijzig_concept(*, meting, door, datum, soort, antwoorden, notities=None, client_akkoord=None, definitief=False):
    meting = (Meting.objects.select_for_update(of=("self",))
              .select_related("huishouden__wijk", "versie").get(pk=meting.pk))
    _mag_schrijven(door, meting.huishouden)
    if not meting.is_concept:
        raise ValidationError(
            _("Een definitieve meting wordt niet gewijzigd. Maak een correctie met een reden."), code="definitief"
        )
    fouten = {}
    try:
        _valideer_meting(huishouden=meting.huishouden, persoon=meting.persoon, datum=datum, soort=soort)
    except ValidationError as e:
        fouten.update(e.message_dict)
    try:
        scores, nvt, notities = valideer_antwoorden(meting.versie, antwoorden, notities)
    except ValidationError as e:
        fouten.update(e.message_dict if hasattr(e, "error_dict") else {"scores": e.messages})
    if fouten:
        raise ValidationError(fouten)
    meting.datum, meting.soort, meting.client_akkoord = datum, soort, client_akkoord
    meting.scores, meting.niet_van_toepassing, meting.notities = scores, nvt, notities
    _plaats(meting, meting.huishouden)
    meting.save()
    log.gewijzigd(door, meting, detail={"velden": ["datum", "soort", "scores"]})
    if definitief:
        meting = maak_definitief(meting=meting, door=door)
    return meting


@transaction.atomic
def maak_definitief(*, meting, door):
    _lock_persoon(meting.persoon)
    meting = Meting.objects.select_for_update(of=("self",)).select_related("huishouden").get(pk=meting.pk)
    _mag_schrijven(door, meting.huishouden)
    controleer_overgang(OVERGANGEN, meting, Status.DEFINITIEF, bericht=_("Deze meting is al definitief."))
    if meting.datum > timezone.localdate():
        raise ValidationError({"datum": [_("De datum van de meting mag niet in de toekomst liggen.")]})
    meting.status = Status.DEFINITIEF
    meting.definitief_op = timezone.now()
    meting.save(update_fields=["status", "definitief_op"])
    _herbereken_eerste(meting.persoon_id, meting.versie_id)
    log.gewijzigd(door, meting, detail={"status": [Status.CONCEPT, Status.DEFINITIEF]})
    meting.refresh_from_db(fields=["is_eerste"])
    return meting


@transaction.atomic
def corrigeer_meting(*, meting, door, reden, antwoorden, notities=None, datum=None, soort=None, client_akkoord=None):
    """Replace a final measurement by a corrected one (a new row); the old one stays, marked replaced."""
    _lock_persoon(meting.persoon)
    oud = (Meting.objects.select_for_update(of=("self",))
           .select_related("huishouden__wijk", "versie", "persoon").get(pk=meting.pk))
    _mag_schrijven(door, oud.huishouden)
    controleer_overgang(
        OVERGANGEN, oud, Status.VERVANGEN,
        bericht=_("Alleen een definitieve meting die nog niet gecorrigeerd is, kan worden gecorrigeerd."))
    if not (reden or "").strip():
        raise ValidationError({"reden": [_("Geef de reden van de correctie.")]})
    datum = datum or oud.datum
    soort = soort or oud.soort
    fouten = {}
    try:
        _valideer_meting(huishouden=oud.huishouden, persoon=oud.persoon, datum=datum, soort=soort)
    except ValidationError as e:
        fouten.update(e.message_dict)
    try:
        scores, nvt, notities = valideer_antwoorden(oud.versie, antwoorden, notities)
    except ValidationError as e:
        fouten.update(e.message_dict if hasattr(e, "error_dict") else {"scores": e.messages})
    if fouten:
        raise ValidationError(fouten)
    oud.status = Status.VERVANGEN
    oud.save(update_fields=["status"])
    nieuw = Meting(
        persoon=oud.persoon, huishouden=oud.huishouden, versie=oud.versie, datum=datum, soort=soort, scores=scores,
        niet_van_toepassing=nvt, notities=notities,
        client_akkoord=oud.client_akkoord if client_akkoord is None else client_akkoord,
        gescoord_door=door, status=Status.DEFINITIEF, definitief_op=timezone.now(), vervangt=oud,
        correctiereden=reden.strip(),
    )
    _plaats(nieuw, oud.huishouden)
    nieuw.save()
    _herbereken_eerste(oud.persoon_id, oud.versie_id)
    log.gewijzigd(door, oud, detail={"status": [Status.DEFINITIEF, Status.VERVANGEN], "gecorrigeerd_door": nieuw.pk})
    log.aangemaakt(door, nieuw, detail={"correctie_van": oud.pk, "reden": nieuw.correctiereden})
    nieuw.refresh_from_db(fields=["is_eerste"])
    return nieuw


@transaction.atomic
def verwijder_concept(*, meting, door):
    meting = Meting.objects.select_for_update(of=("self",)).select_related("huishouden").get(pk=meting.pk)
    _mag_schrijven(door, meting.huishouden)
    if not meting.is_concept:
        raise ValidationError(_("Een definitieve meting kan niet worden verwijderd."), code="definitief")
    log.verwijderd(door, meting)
    meting.delete()


@transaction.atomic
def koppel_domeinen(*, doel, domeinen, door):
    """Set the ZRM domains a plan goal works on (all of one matrix version)."""
    huishouden = doel.plan.traject.huishouden
    _mag_schrijven(door, huishouden)
    versies = {d.versie_id for d in domeinen}
    if len(versies) > 1:
        raise ValidationError({"domeinen": [_("Kies domeinen uit één versie van de matrix.")]})
    huidig = set(DoelDomein.objects.filter(doel=doel).values_list("domein_id", flat=True))
    nieuw = {d.pk for d in domeinen}
    DoelDomein.objects.filter(doel=doel, domein_id__in=huidig - nieuw).delete()
    DoelDomein.objects.bulk_create([DoelDomein(doel=doel, domein_id=pk) for pk in nieuw - huidig])
    log.gewijzigd(door, doel, detail={"zrm_domeinen": sorted(nieuw)})
    return DoelDomein.objects.filter(doel=doel)
