"""Writes for gemeenschap: vrijwilligers, hulpvragen and koppelingen, mantelzorg, collectieve activiteiten,
klachten and cliëntervaring. Validated with Dutch messages (field errors as a dict), locked, audited.
Bad input raises ValidationError before anything is written.
"""

from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from audit.models import AuditActie
from common.csv_import import lees_csv
from common.overgangen import controleer_overgang
from gemeenschap import rechten
from gemeenschap.models import (
    ActieActiviteit,
    ClientervaringScore,
    CollectieveActiviteit,
    Dagdeel,
    Hulpvraag,
    Klacht,
    Koppeling,
    Vaardigheid,
    Vrijwilliger,
)
from huishoudens.models import Actie, Ladder
from huishoudens.selectors import huishoudens_voor
from wijkteams.models import Gebied, Wijk
from wijkteams.selectors import gemeente_id_van

FOUT_ONBEKENDE_WIJK = "Onbekende wijk: kies een wijk in uw gemeente."
FOUT_EIND_VOOR_START = "De einddatum ligt vóór de startdatum."
FOUT_NEGATIEVE_UREN = "Het aantal uren per week kan niet negatief zijn."


def _gemeente_van(door):
    gemeente_id = gemeente_id_van(door)
    if gemeente_id is None:
        raise PermissionDenied(_("U hoort niet bij een gemeente."))
    return gemeente_id


def _controleer_wijk(wijk, gemeente_id, veld="wijk", verplicht=True):
    if wijk is None:
        if verplicht:
            raise ValidationError({veld: _("Kies een wijk.")})
        return None
    if not isinstance(wijk, Wijk):
        wijk = Wijk.objects.filter(pk=wijk).first()
    if wijk is None or wijk.gemeente_id != gemeente_id:
        raise ValidationError({veld: _(FOUT_ONBEKENDE_WIJK)})
    return wijk


def _controleer_keuzes(waarden, keuzes, veld):
    onbekend = [w for w in (waarden or []) if w not in keuzes.values]
    if onbekend:
        raise ValidationError({veld: _("Onbekende keuze: %(w)s.") % {"w": ", ".join(onbekend)}})
    return list(dict.fromkeys(waarden or []))


def _niet_in_toekomst(datum, veld, label):
    if datum and datum > timezone.localdate():
        raise ValidationError({veld: _("%(label)s kan niet in de toekomst liggen.") % {"label": label}})


def _huishouden_zichtbaar(door, huishouden):
    if huishouden is not None and not huishoudens_voor(door).filter(pk=huishouden.pk).exists():
        raise ValidationError({"huishouden": _("Onbekend huishouden, of een huishouden dat u niet mag zien.")})


# --- vrijwilligers ------------------------------------------------------------------------------------

VRIJWILLIGER_VELDEN = ("naam", "email", "telefoon", "wijk", "interesses", "vaardigheden", "beschikbaarheid",
                       "vog_gecontroleerd", "vog_datum", "organisatie", "actief")


def _valideer_vrijwilliger(velden, gemeente_id):
    fouten = {}
    if not (velden.get("naam") or "").strip():
        fouten["naam"] = _("Vul de naam in.")
    try:
        velden["wijk"] = _controleer_wijk(velden.get("wijk"), gemeente_id)
        velden["vaardigheden"] = _controleer_keuzes(velden.get("vaardigheden"), Vaardigheid, "vaardigheden")
        velden["beschikbaarheid"] = _controleer_keuzes(velden.get("beschikbaarheid"), Dagdeel, "beschikbaarheid")
        _niet_in_toekomst(velden.get("vog_datum"), "vog_datum", _("De datum van de VOG"))
    except ValidationError as fout:
        fouten.update(fout.message_dict)
    if velden.get("vog_gecontroleerd") and not velden.get("vog_datum"):
        fouten["vog_datum"] = _("Vul de datum van de VOG in als de VOG is gecontroleerd.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def registreer_vrijwilliger(*, door, **velden):
    if not rechten.mag_vrijwilligers_beheren(door):
        raise PermissionDenied(_("Alleen de sociaal makelaar beheert het vrijwilligersregister."))
    gemeente_id = _gemeente_van(door)
    velden = {k: v for k, v in velden.items() if k in VRIJWILLIGER_VELDEN}
    _valideer_vrijwilliger(velden, gemeente_id)
    vrijwilliger = Vrijwilliger.objects.create(gemeente_id=gemeente_id, aangemeld_op=timezone.localdate(), **velden)
    log.aangemaakt(door, vrijwilliger)
    return vrijwilliger


@transaction.atomic
def wijzig_vrijwilliger(*, vrijwilliger, door, **velden):
    if not rechten.mag_vrijwilligers_beheren(door):
        raise PermissionDenied(_("Alleen de sociaal makelaar beheert het vrijwilligersregister."))
    vrijwilliger = Vrijwilliger.objects.select_for_update().get(pk=vrijwilliger.pk, gemeente_id=_gemeente_van(door))
    nieuw = {k: getattr(vrijwilliger, k) for k in VRIJWILLIGER_VELDEN}
    nieuw.update({k: v for k, v in velden.items() if k in VRIJWILLIGER_VELDEN})
    _valideer_vrijwilliger(nieuw, vrijwilliger.gemeente_id)
    gewijzigd = [k for k in VRIJWILLIGER_VELDEN if getattr(vrijwilliger, k) != nieuw[k]]
    for k in gewijzigd:
        setattr(vrijwilliger, k, nieuw[k])
    vrijwilliger.save()
    log.gewijzigd(door, vrijwilliger, detail={"velden": gewijzigd})
    return vrijwilliger


# --- hulpvragen ---------------------------------------------------------------------------------------

def _valideer_vraag(wat, vaardigheden, wanneer, hoe_vaak):
    fouten = {}
    if not (wat or "").strip():
        fouten["wat"] = _("Beschrijf de hulpvraag.")
    if hoe_vaak not in Hulpvraag.Frequentie.values:
        fouten["hoe_vaak"] = _("Kies hoe vaak de hulp nodig is.")
    for veld, waarden, keuzes in (("vaardigheden", vaardigheden, Vaardigheid), ("wanneer", wanneer, Dagdeel)):
        try:
            _controleer_keuzes(waarden, keuzes, veld)
        except ValidationError as fout:
            fouten.update(fout.message_dict)
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def maak_hulpvraag(*, door, wijk, bron, wat, aanvrager="", vaardigheden=(), wanneer=(),
                   hoe_vaak=Hulpvraag.Frequentie.WEKELIJKS, vog_nodig=False):
    """A standalone request from a resident or a partner."""
    if not rechten.mag_hulpvraag_indienen(door):
        raise PermissionDenied(_("U mag geen hulpvragen registreren."))
    gemeente_id = _gemeente_van(door)
    fouten = {}
    try:
        wijk = _controleer_wijk(wijk, gemeente_id)
    except ValidationError as fout:
        fouten.update(fout.message_dict)
    if bron not in (Hulpvraag.Bron.BEWONER, Hulpvraag.Bron.PARTNER):
        fouten["bron"] = _("Kies of de vraag van een bewoner of van een partner komt.")
    try:
        _valideer_vraag(wat, vaardigheden, wanneer, hoe_vaak)
    except ValidationError as fout:
        fouten.update(fout.message_dict)
    if fouten:
        raise ValidationError(fouten)
    hulpvraag = Hulpvraag.objects.create(
        gemeente_id=gemeente_id, wijk=wijk, bron=bron, aanvrager=aanvrager, wat=wat.strip(),
        vaardigheden=list(vaardigheden), wanneer=list(wanneer), hoe_vaak=hoe_vaak, vog_nodig=vog_nodig,
        ingediend_op=timezone.localdate(), ingediend_door=door,
    )
    log.aangemaakt(door, hulpvraag)
    return hulpvraag


@transaction.atomic
def maak_hulpvraag_voor_actie(*, door, actie, wat="", vaardigheden=(), wanneer=(),
                              hoe_vaak=Hulpvraag.Frequentie.WEKELIJKS, vog_nodig=False):
    """A request from a plan activity on the ladder step ‘vrijwilligers’, for a household the user may see."""
    if not rechten.mag_hulpvraag_indienen(door):
        raise PermissionDenied(_("U mag geen hulpvragen registreren."))
    actie = (Actie.objects.select_for_update(of=("self",))
             .select_related("doel__plan__traject__huishouden").get(pk=actie.pk))
    huishouden = actie.doel.plan.traject.huishouden
    if not huishoudens_voor(door).filter(pk=huishouden.pk).exists():
        raise PermissionDenied(_("U werkt niet aan dit huishouden."))
    if actie.ladder != Ladder.VRIJWILLIGERS:
        raise ValidationError(_("Alleen een activiteit op de trede ‘Vrijwilligers’ kan een hulpvraag worden."))
    wat = (wat or "").strip() or actie.omschrijving
    _valideer_vraag(wat, vaardigheden, wanneer, hoe_vaak)
    if Hulpvraag.objects.filter(actie=actie, status__in=[Hulpvraag.Status.OPEN, Hulpvraag.Status.GEKOPPELD]).exists():
        raise ValidationError(_("Voor deze activiteit loopt al een hulpvraag."))
    hulpvraag = Hulpvraag.objects.create(
        gemeente_id=huishouden.gemeente_id, wijk_id=huishouden.wijk_id, bron=Hulpvraag.Bron.PLAN, actie=actie,
        huishouden=huishouden, wat=wat, vaardigheden=list(vaardigheden), wanneer=list(wanneer), hoe_vaak=hoe_vaak,
        vog_nodig=vog_nodig, ingediend_op=timezone.localdate(), ingediend_door=door,
    )
    log.aangemaakt(door, hulpvraag)
    return hulpvraag


@transaction.atomic
def laat_hulpvraag_vervallen(*, hulpvraag, door):
    hulpvraag = Hulpvraag.objects.select_for_update().get(pk=hulpvraag.pk)
    if hulpvraag.status != Hulpvraag.Status.OPEN:
        raise ValidationError(_("Alleen een open hulpvraag kan vervallen."))
    if hulpvraag.koppelingen.filter(status__in=Koppeling.LOPEND).exists():
        raise ValidationError(_("Er loopt nog een voorstel; wijs dat eerst af."))
    hulpvraag.status = Hulpvraag.Status.VERVALLEN
    hulpvraag.save(update_fields=["status"])
    log.gewijzigd(door, hulpvraag, detail={"status": Hulpvraag.Status.VERVALLEN})
    return hulpvraag


# --- koppelingen --------------------------------------------------------------------------------------

KS = Koppeling.Status
# The allowed moves of a match, in one table.
KOPPELING_OVERGANGEN = {
    KS.VOORGESTELD: {KS.GEACCEPTEERD, KS.AFGEWEZEN},
    KS.GEACCEPTEERD: {KS.GESTART, KS.BEEINDIGD},
    KS.GESTART: {KS.BEEINDIGD},
    KS.BEEINDIGD: set(),
    KS.AFGEWEZEN: set(),
}


@transaction.atomic
def stel_koppeling_voor(*, hulpvraag, vrijwilliger, door, op=None, toelichting=""):
    if not rechten.mag_koppelen(door):
        raise PermissionDenied(_("Alleen de sociaal makelaar koppelt vrijwilligers aan hulpvragen."))
    gemeente_id = _gemeente_van(door)
    hulpvraag = Hulpvraag.objects.select_for_update().filter(pk=hulpvraag.pk, gemeente_id=gemeente_id).first()
    vrijwilliger = Vrijwilliger.objects.filter(pk=vrijwilliger.pk, gemeente_id=gemeente_id).first()
    if hulpvraag is None:
        raise ValidationError({"hulpvraag": _("Onbekende hulpvraag.")})
    if vrijwilliger is None or not vrijwilliger.actief:
        raise ValidationError({"vrijwilliger": _("Onbekende of niet actieve vrijwilliger.")})
    if hulpvraag.status != Hulpvraag.Status.OPEN:
        raise ValidationError(_("Deze hulpvraag is niet meer open."))
    if hulpvraag.vog_nodig and not vrijwilliger.vog_gecontroleerd:
        raise ValidationError({"vrijwilliger": _("Voor deze hulpvraag is een gecontroleerde VOG nodig.")})
    if hulpvraag.koppelingen.filter(status__in=Koppeling.LOPEND).exists():
        raise ValidationError(_("Deze hulpvraag heeft al een lopende koppeling."))
    op = op or timezone.localdate()
    if op < hulpvraag.ingediend_op:
        raise ValidationError({"op": _("Een voorstel kan niet vóór de hulpvraag liggen.")})
    try:
        with transaction.atomic():
            koppeling = Koppeling.objects.create(hulpvraag=hulpvraag, vrijwilliger=vrijwilliger, voorgesteld_op=op,
                                                 voorgesteld_door=door, toelichting=toelichting)
    except IntegrityError:
        raise ValidationError(_("Deze hulpvraag heeft al een lopende koppeling."))
    log.aangemaakt(door, koppeling, huishouden_id=hulpvraag.huishouden_id)
    return koppeling


@transaction.atomic
def wijzig_koppeling(*, koppeling, naar, door, datum=None, toelichting=""):
    """Record acceptance, start, end, or a declined proposal; ``datum`` is the date of that step."""
    if not rechten.mag_koppelen(door):
        raise PermissionDenied(_("Alleen de sociaal makelaar legt koppelingen vast."))
    koppeling = (Koppeling.objects.select_for_update(of=("self",)).select_related("hulpvraag")
                 .get(pk=koppeling.pk, hulpvraag__gemeente_id=_gemeente_van(door)))
    controleer_overgang(KOPPELING_OVERGANGEN, koppeling, naar)
    datum = datum or timezone.localdate()
    hulpvraag = Hulpvraag.objects.select_for_update().get(pk=koppeling.hulpvraag_id)
    if naar == KS.GEACCEPTEERD:
        if datum < koppeling.voorgesteld_op:
            raise ValidationError({"datum": _("De acceptatie kan niet vóór het voorstel liggen.")})
        koppeling.geaccepteerd_op = datum
        hulpvraag.status = Hulpvraag.Status.GEKOPPELD
    elif naar == KS.GESTART:
        if datum < koppeling.geaccepteerd_op:
            raise ValidationError({"datum": _("De start kan niet vóór de acceptatie liggen.")})
        koppeling.start = datum
    elif naar == KS.BEEINDIGD:
        begin = koppeling.start or koppeling.geaccepteerd_op
        if datum < begin:
            raise ValidationError({"datum": _(FOUT_EIND_VOOR_START)})
        koppeling.eind = datum
        hulpvraag.status = Hulpvraag.Status.AFGEROND
    elif naar == KS.AFGEWEZEN:
        hulpvraag.status = Hulpvraag.Status.OPEN
    van = koppeling.status
    koppeling.status = naar
    if toelichting:
        koppeling.toelichting = "\n".join(t for t in (koppeling.toelichting, toelichting) if t)
    koppeling.save()
    hulpvraag.save(update_fields=["status"])
    log.gewijzigd(door, koppeling, detail={"status": [van, naar]}, huishouden_id=hulpvraag.huishouden_id)
    return koppeling


# --- collectieve activiteiten -------------------------------------------------------------------------

ACTIVITEIT_VELDEN = ("gebied", "wijk", "soort", "titel", "partner", "startdatum", "einddatum", "bereik",
                     "omschrijving")


def _valideer_activiteit(velden, gemeente_id):
    fouten = {}
    try:
        velden["wijk"] = _controleer_wijk(velden.get("wijk"), gemeente_id, verplicht=False)
    except ValidationError as fout:
        fouten.update(fout.message_dict)
    gebied = velden.get("gebied")
    if gebied is not None and gebied.gemeente_id != gemeente_id:
        fouten["gebied"] = _("Onbekend gebied: kies een gebied in uw gemeente.")
    elif "wijk" not in fouten and velden.get("wijk") is not None:
        wijk = velden["wijk"]
        if gebied is None:
            velden["gebied"] = wijk.gebied
        elif wijk.gebied_id != gebied.pk:
            fouten["wijk"] = _("Deze wijk hoort niet bij het gekozen gebied.")
    if velden.get("gebied") is None and "gebied" not in fouten and "wijk" not in fouten:
        fouten["gebied"] = _("Kies een gebied of een wijk.")
    if velden.get("soort") not in CollectieveActiviteit.Soort.values:
        fouten["soort"] = _("Kies het soort activiteit.")
    if not (velden.get("titel") or "").strip():
        fouten["titel"] = _("Vul de titel in.")
    if not velden.get("startdatum"):
        fouten["startdatum"] = _("Vul de startdatum in.")
    elif velden.get("einddatum") and velden["einddatum"] < velden["startdatum"]:
        fouten["einddatum"] = _(FOUT_EIND_VOOR_START)
    if velden.get("bereik") is not None and velden["bereik"] < 0:
        fouten["bereik"] = _("Het bereik kan niet negatief zijn.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def registreer_activiteit(*, door, **velden):
    if not rechten.mag_activiteiten_beheren(door):
        raise PermissionDenied(_("U mag geen collectieve activiteiten registreren."))
    gemeente_id = _gemeente_van(door)
    velden = {k: velden.get(k) for k in ACTIVITEIT_VELDEN}
    velden["partner"] = velden["partner"] or ""
    velden["omschrijving"] = velden["omschrijving"] or ""
    _valideer_activiteit(velden, gemeente_id)
    activiteit = CollectieveActiviteit.objects.create(gemeente_id=gemeente_id, **velden)
    log.aangemaakt(door, activiteit)
    return activiteit


@transaction.atomic
def wijzig_activiteit(*, activiteit, door, **velden):
    if not rechten.mag_activiteiten_beheren(door):
        raise PermissionDenied(_("U mag geen collectieve activiteiten wijzigen."))
    activiteit = CollectieveActiviteit.objects.select_for_update().get(pk=activiteit.pk,
                                                                       gemeente_id=_gemeente_van(door))
    nieuw = {k: getattr(activiteit, k) for k in ACTIVITEIT_VELDEN}
    nieuw.update({k: v for k, v in velden.items() if k in ACTIVITEIT_VELDEN})
    if "gebied" not in velden and "wijk" in velden:
        nieuw["gebied"] = None
    _valideer_activiteit(nieuw, activiteit.gemeente_id)
    for k, v in nieuw.items():
        setattr(activiteit, k, v)
    activiteit.save()
    log.gewijzigd(door, activiteit)
    return activiteit


@transaction.atomic
def verwijs_actie_naar_activiteit(*, actie, activiteit, door):
    """Let a plan activity point to a collective activity (or to none, with ``activiteit=None``)."""
    actie = (Actie.objects.select_for_update(of=("self",))
             .select_related("doel__plan__traject__huishouden").get(pk=actie.pk))
    huishouden = actie.doel.plan.traject.huishouden
    if not huishoudens_voor(door).filter(pk=huishouden.pk).exists():
        raise PermissionDenied(_("U werkt niet aan dit huishouden."))
    if activiteit is None:
        ActieActiviteit.objects.filter(actie=actie).delete()
        log.gewijzigd(door, huishouden, detail={"actie": actie.pk, "collectieve_activiteit": None})
        return None
    if activiteit.gemeente_id != huishouden.gemeente_id:
        raise ValidationError({"activiteit": _("Onbekende activiteit.")})
    link, _nieuw = ActieActiviteit.objects.update_or_create(actie=actie, defaults={"activiteit": activiteit})
    log.gewijzigd(door, huishouden, detail={"actie": actie.pk, "collectieve_activiteit": activiteit.pk})
    return link


# --- klachten -----------------------------------------------------------------------------------------

def klacht_termijn_weken():
    return int(getattr(settings, "GEMEENSCHAP_KLACHT_TERMIJN_WEKEN", 6))


@transaction.atomic
def registreer_klacht(*, door, ontvangen_op, onderwerp, gebied=None, team=None, huishouden=None, behandeling=""):
    if not rechten.mag_klacht_registreren(door):
        raise PermissionDenied(_("U mag geen klachten registreren."))
    gemeente_id = _gemeente_van(door)
    fouten = {}
    if not ontvangen_op:
        fouten["ontvangen_op"] = _("Vul de datum van ontvangst in.")
    else:
        try:
            _niet_in_toekomst(ontvangen_op, "ontvangen_op", _("De datum van ontvangst"))
        except ValidationError as fout:
            fouten.update(fout.message_dict)
    if not (onderwerp or "").strip():
        fouten["onderwerp"] = _("Vul het onderwerp in.")
    if team is not None and team.gemeente_id != gemeente_id:
        fouten["team"] = _("Onbekend team.")
    if gebied is not None and gebied.gemeente_id != gemeente_id:
        fouten["gebied"] = _("Onbekend gebied: kies een gebied in uw gemeente.")
    if team is not None and gebied is not None and team.gebied_id and team.gebied_id != gebied.pk:
        fouten["team"] = _("Dit team hoort niet bij het gekozen gebied.")
    if team is None and gebied is None:
        fouten["gebied"] = _("Kies het team of het gebied waarover de klacht gaat.")
    try:
        _huishouden_zichtbaar(door, huishouden)
    except ValidationError as fout:
        fouten.update(fout.message_dict)
    if fouten:
        raise ValidationError(fouten)
    klacht = Klacht.objects.create(
        gemeente_id=gemeente_id, ontvangen_op=ontvangen_op, onderwerp=onderwerp.strip(), team=team,
        gebied=gebied or (team.gebied if team else None), huishouden=huishouden, behandeling=behandeling,
        uiterlijk_afgehandeld=ontvangen_op + timedelta(weeks=klacht_termijn_weken()), geregistreerd_door=door,
    )
    log.aangemaakt(door, klacht)
    return klacht


KL = Klacht.Status
KLACHT_OVERGANGEN = {
    KL.ONTVANGEN: {KL.IN_BEHANDELING, KL.AFGEHANDELD},
    KL.IN_BEHANDELING: {KL.AFGEHANDELD},
    KL.AFGEHANDELD: set(),
}


@transaction.atomic
def behandel_klacht(*, klacht, door, naar, behandeling="", uitkomst="", afgehandeld_op=None):
    if not rechten.mag_klacht_afhandelen(door):
        raise PermissionDenied(_("Alleen de coördinator handelt klachten af."))
    klacht = Klacht.objects.select_for_update().get(pk=klacht.pk, gemeente_id=_gemeente_van(door))
    if not rechten.mag_deze_klacht_afhandelen(door, klacht):
        raise PermissionDenied(_("Alleen de coördinator van het gebied handelt deze klacht af."))
    controleer_overgang(KLACHT_OVERGANGEN, klacht, naar)
    fouten = {}
    if naar == KL.AFGEHANDELD:
        afgehandeld_op = afgehandeld_op or timezone.localdate()
        if uitkomst not in Klacht.Uitkomst.values:
            fouten["uitkomst"] = _("Kies de uitkomst van de klacht.")
        if not (behandeling or klacht.behandeling).strip():
            fouten["behandeling"] = _("Beschrijf hoe de klacht is behandeld.")
        if afgehandeld_op < klacht.ontvangen_op:
            fouten["afgehandeld_op"] = _("De afhandeling kan niet vóór de ontvangst liggen.")
    if fouten:
        raise ValidationError(fouten)
    van = klacht.status
    klacht.status = naar
    if behandeling:
        klacht.behandeling = behandeling
    if naar == KL.AFGEHANDELD:
        klacht.uitkomst, klacht.afgehandeld_op = uitkomst, afgehandeld_op
    klacht.save()
    log.gewijzigd(door, klacht, detail={"status": [van, naar]})
    return klacht


# --- cliëntervaringsonderzoek -------------------------------------------------------------------------

def _valideer_score(gemeente_id, gebied, jaar, vraag, score, respondenten):
    fouten = {}
    if gebied is not None and gebied.gemeente_id != gemeente_id:
        fouten["gebied"] = _("Onbekend gebied: kies een gebied in uw gemeente.")
    if jaar is None or not 2015 <= int(jaar) <= timezone.localdate().year:
        fouten["jaar"] = _("Vul een jaar in tussen 2015 en dit jaar.")
    if not (vraag or "").strip():
        fouten["vraag"] = _("Vul de vraag in.")
    if score is None or not Decimal(0) <= Decimal(score) <= Decimal(100):
        fouten["score"] = _("De score is een percentage tussen 0 en 100.")
    if respondenten is not None and respondenten < 0:
        fouten["respondenten"] = _("Het aantal respondenten kan niet negatief zijn.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def sla_clientervaring_op(*, door, jaar, vraag, score, gebied=None, respondenten=None):
    if not rechten.mag_clientervaring_invoeren(door):
        raise PermissionDenied(_("U mag geen resultaten van het cliëntervaringsonderzoek invoeren."))
    gemeente_id = _gemeente_van(door)
    _valideer_score(gemeente_id, gebied, jaar, vraag, score, respondenten)
    obj, nieuw = ClientervaringScore.objects.update_or_create(
        gemeente_id=gemeente_id, gebied=gebied, jaar=jaar, vraag=vraag.strip(),
        defaults={"score": score, "respondenten": respondenten},
    )
    (log.aangemaakt if nieuw else log.gewijzigd)(door, obj, gemeente_id=gemeente_id)
    return obj


CSV_KOLOMMEN = ("jaar", "gebied", "vraag", "score", "respondenten")


class ClientervaringRegelForm(forms.Form):
    """One line of a cliëntervaring CSV: text in, typed values out, with the same checks as the form."""

    jaar = forms.CharField(required=False)
    gebied = forms.CharField(required=False)
    vraag = forms.CharField(required=False)
    score = forms.CharField(required=False)
    respondenten = forms.CharField(required=False)

    def __init__(self, *args, gemeente_id, gebieden, **kwargs):
        super().__init__(*args, **kwargs)
        self.gemeente_id, self.gebieden = gemeente_id, gebieden

    def clean_gebied(self):
        naam = self.cleaned_data["gebied"]
        if naam and naam.lower() not in self.gebieden:
            raise forms.ValidationError(_("Onbekend gebied ‘%(g)s’.") % {"g": naam})
        return self.gebieden.get(naam.lower()) if naam else None

    def clean_jaar(self):
        try:
            return int(self.cleaned_data["jaar"])
        except ValueError:
            raise forms.ValidationError(_("Het jaar is geen getal."))

    def clean_score(self):
        try:
            return Decimal(self.cleaned_data["score"].replace(",", "."))
        except InvalidOperation:
            raise forms.ValidationError(_("De score is geen getal."))

    def clean_respondenten(self):
        try:
            return int(self.cleaned_data["respondenten"]) if self.cleaned_data["respondenten"] else None
        except ValueError:
            raise forms.ValidationError(_("Het aantal respondenten is geen getal."))

    def clean(self):
        d = super().clean()
        if not self.errors:
            _valideer_score(self.gemeente_id, d["gebied"], d["jaar"], d["vraag"], d["score"], d["respondenten"])
        return d


@transaction.atomic
def importeer_clientervaring(*, door, tekst):
    """Import a CSV (columns jaar;gebied;vraag;score;respondenten, ‘;’ or ‘,’ separated, empty gebied = the
    whole gemeente). All rows are checked first; with any error nothing is saved and every error is named
    with its line number."""
    if not rechten.mag_clientervaring_invoeren(door):
        raise PermissionDenied(_("U mag geen resultaten van het cliëntervaringsonderzoek invoeren."))
    gemeente_id = _gemeente_van(door)
    gebieden = {g.naam.lower(): g for g in Gebied.objects.filter(gemeente_id=gemeente_id)}
    regels = lees_csv(tekst, ClientervaringRegelForm, kolommen=CSV_KOLOMMEN, verplicht=CSV_KOLOMMEN[:4],
                      form_kwargs={"gemeente_id": gemeente_id, "gebieden": gebieden},
                      leeg=_("Het bestand bevat geen regels met scores."))
    for r in regels:
        jaar, gebied, vraag, score, respondenten = (r[k] for k in CSV_KOLOMMEN)
        ClientervaringScore.objects.update_or_create(
            gemeente_id=gemeente_id, gebied=gebied, jaar=jaar, vraag=vraag,
            defaults={"score": score, "respondenten": respondenten},
        )
    log.log(door, AuditActie.AANGEMAAKT, None, detail={"import": "clientervaring", "regels": len(regels)},
            gemeente_id=gemeente_id)
    return len(regels)

