"""Writes for maatwerk: request, decision (four eyes, mandate register, row lock), toewijzing, care start/stop.

Every status change goes through ``_wijzig_status`` with the allowed moves in ``OVERGANGEN``.
Side effects (the beschikking PDF) run after commit in a Celery task.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from common import opmaak
from common.overgangen import controleer_overgang
from common.taken import plan_na_commit
from huishoudens.models import Actie, Doel, Ladder, Plan, Traject
from toegang.maatwerk import rechten
from toegang.maatwerk.berichten import codelijsten
from toegang.models import (
    Aanvraag,
    AanvraagAuteur,
    AanvraagStatusWijziging,
    BudgetHerschikking,
    BudgetRegel,
    Mandaat,
    Toewijzing,
)
from wijkteams import rollen
from wijkteams.selectors import medewerker_van

Status = Aanvraag.Status
Beslisser = Mandaat.Beslisser

# The allowed status moves of a maatwerk request, in one table. Anything else is refused with a clear message.
OVERGANGEN = {
    Status.INGEDIEND: {Status.TOEGEKEND, Status.AFGEWEZEN, Status.TERUGGESTUURD, Status.INGETROKKEN},
    Status.TERUGGESTUURD: {Status.INGEDIEND, Status.INGETROKKEN},
    Status.TOEGEKEND: set(),
    Status.AFGEWEZEN: set(),
    Status.INGETROKKEN: set(),
}
BESLUITEN = (Status.TOEGEKEND, Status.AFGEWEZEN, Status.TERUGGESTUURD)
LICHTERE_TREDEN = [(w, label) for w, label in Ladder.choices if w != Ladder.MAATWERK]


def _wijzig_status(aanvraag, naar, *, door, reden=""):
    """The one transition function. ``aanvraag`` must be locked by the caller."""
    van = controleer_overgang(OVERGANGEN, aanvraag, naar,
                              bericht=_("Een aanvraag met status ‘%(van)s’ kan niet naar ‘%(naar)s’."))
    aanvraag.status = naar
    AanvraagStatusWijziging.objects.create(aanvraag=aanvraag, van=van, naar=naar, door=door, reden=reden)
    return van


# --- mandate register ------------------------------------------------------------------------------

def mandaat_voor(*, gemeente_id, wet, categorie_id, teamtype_id):
    """The most specific row of the mandate register, or None (then the coördinator decides)."""
    kandidaten = Mandaat.objects.filter(gemeente_id=gemeente_id, wet=wet).select_related("discipline")
    beste = None
    for m in kandidaten:
        if m.categorie_id not in (None, categorie_id) or m.teamtype_id not in (None, teamtype_id):
            continue
        score = (m.categorie_id is not None, m.teamtype_id is not None)
        if beste is None or score > beste[0]:
            beste = (score, m)
    return beste[1] if beste else None



def mag_beslissen(user, aanvraag):
    """Whether ``user`` holds the mandate for this request, or takes it over as the substitute of the absent
    decider, and wrote none of it (four eyes). The rule itself is ``rechten.mag_beslissen`` (``mandaat_q``: the
    same filter that fills the decider's werkvoorraad; ``vervangingsmandaat_q``: achtervang)."""
    return rechten.mag_beslissen(user, aanvraag)


def is_auteur(user, aanvraag):
    return AanvraagAuteur.objects.filter(aanvraag_id=aanvraag.pk, auteur_id=user.pk).exists()


# --- requests --------------------------------------------------------------------------------------

def _in_team_van_traject(user, traject):
    return user.groups.filter(pk=traject.team.groep_id).exists()


@transaction.atomic
def dien_aanvraag_in(*, doel, door, client, product, aanbieder, start, eind, motivering, volume=None, eenheid=None,
                     frequentie=None, budget=None, aanvraagdatum=None):
    """A team member of the traject's team requests a maatwerkvoorziening for a goal of the active plan."""
    doel = Doel.objects.select_related("plan__traject__team__type", "plan__traject__huishouden").get(pk=doel.pk)
    traject = (Traject.objects.select_for_update(of=("self",))
               .select_related("team", "huishouden").get(pk=doel.plan.traject_id))
    huishouden = traject.huishouden
    fouten = {}
    if not traject.is_open:
        raise ValidationError(_("Voor een afgesloten traject kan geen maatwerk worden aangevraagd."))
    if doel.plan.status != Plan.Status.ACTIEF:
        fouten["doel"] = _("Kies een doel uit het actieve plan.")
    if not _in_team_van_traject(door, traject):
        raise PermissionDenied(_("Alleen een medewerker van het team van dit huishouden kan maatwerk aanvragen."))
    if client.huishouden_id != huishouden.pk:
        fouten["client"] = _("De cliënt hoort niet bij dit huishouden.")
    elif not client.bsn:
        fouten["client"] = _("Voor een maatwerkvoorziening is het BSN van de cliënt nodig.")
    if product.gemeente_id != huishouden.gemeente_id or not product.actief:
        fouten["product"] = _("Kies een product uit de productcatalogus van uw gemeente.")
    if aanbieder.gemeente_id != huishouden.gemeente_id or not aanbieder.actief:
        fouten["aanbieder"] = _("Kies een gecontracteerde aanbieder van uw gemeente.")
    if budget is None and volume is None:
        fouten["volume"] = _("Vul een volume met eenheid en frequentie in, of een budget in euro’s.")
    elif budget is not None and volume is not None:
        fouten["budget"] = _("Vul óf een volume óf een budget in, niet allebei.")
    elif volume is not None and (eenheid is None or frequentie is None):
        fouten["volume"] = _("Bij een volume horen een eenheid en een frequentie.")
    elif budget is not None and budget <= 0:
        fouten["budget"] = _("Het budget moet groter zijn dan nul.")
    elif volume is not None and volume <= 0:
        fouten["volume"] = _("Het volume moet groter zijn dan nul.")
    if start and eind and eind < start:
        fouten["eind"] = _("De einddatum ligt vóór de startdatum.")
    if len((motivering or "").strip()) < 20:
        fouten["motivering"] = _(
            "Leg uit waarom eigen kracht, netwerk, vrijwilligers en algemene voorzieningen niet volstaan "
            "(minstens 20 tekens).")
    if fouten:
        raise ValidationError(fouten)
    mandaat = mandaat_voor(gemeente_id=huishouden.gemeente_id, wet=product.categorie.wet,
                           categorie_id=product.categorie_id, teamtype_id=traject.team.type_id)
    aanvraag = Aanvraag.objects.create(
        doel=doel, traject=traject, huishouden=huishouden, gemeente_id=huishouden.gemeente_id,
        gebied_id=traject.gebied_id, team=traject.team, client=client, aangevraagd_door=door,
        aanvraagdatum=aanvraagdatum or timezone.localdate(), product=product, aanbieder=aanbieder,
        volume=volume if budget is None else None, eenheid=eenheid if budget is None else None,
        frequentie=frequentie if budget is None else None, budget=budget, start=start, eind=eind,
        motivering=motivering.strip(),
        beslisser=mandaat.beslisser if mandaat else Beslisser.COORDINATOR,
        beslis_discipline=mandaat.discipline if mandaat else None,
        externe_instantie=mandaat.externe_instantie if mandaat else "",
    )
    AanvraagStatusWijziging.objects.create(aanvraag=aanvraag, van="", naar=Status.INGEDIEND, door=door)
    log.aangemaakt(door, aanvraag)
    return aanvraag


@transaction.atomic
def besluit_over_aanvraag(*, aanvraag_id, door, besluit, reden, lichtere_activiteit="",
                          lichtere_trede=Ladder.PROFESSIONEEL, extern_kenmerk="", extern_besluitdatum=None,
                          extern_besluitbrief=None, op=None, beschikking_via_taak=True):
    """Approve, reject or send back, always with a reason, by whoever the mandate register names.

    Where the register names an external body, its decision is recorded as theirs: its reference, date and
    (optionally) its letter as PDF; the application makes no beschikking in the gemeente's name, the
    toewijzing follows all the same.

    The row is locked, so of two simultaneous decisions only the first counts; the second gets a clear message.
    The beschikking is made by a Celery task after commit (``beschikking_via_taak=False``: the caller makes it
    itself, as the demo loader does).
    """
    aanvraag = Aanvraag.objects.select_for_update().get(pk=aanvraag_id)
    if is_auteur(door, aanvraag):
        raise PermissionDenied(_("U kunt niet beslissen over een aanvraag die u zelf deed, aanvulde of wijzigde "
                                 "(vier ogen)."))
    if not mag_beslissen(door, aanvraag):
        raise PermissionDenied(_("U heeft geen mandaat om over deze aanvraag te beslissen."))
    vervangt = rechten.vervangt_bij(door, aanvraag)  # achtervang: the absent decider, for the log
    als_vervanger = {"vervangt": vervangt.pk} if vervangt is not None else {}
    if besluit not in BESLUITEN:
        raise ValidationError({"besluit": _("Kies toekennen, afwijzen of terugsturen.")})
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": _("Geef de reden van uw besluit.")})
    if besluit == Status.AFGEWEZEN:
        if not (lichtere_activiteit or "").strip():
            raise ValidationError({"lichtere_activiteit": _(
                "Bij een afwijzing blijft het traject open: beschrijf de lichtere activiteit die in het plan komt.")})
        if lichtere_trede not in dict(LICHTERE_TREDEN):
            raise ValidationError({"lichtere_trede": _("Kies een lichtere trede dan maatwerk.")})
    extern = aanvraag.beslisser == Beslisser.EXTERN and besluit != Status.TERUGGESTUURD
    if extern:
        _controleer_extern_besluit(aanvraag, extern_kenmerk, extern_besluitdatum, extern_besluitbrief)
    van = _wijzig_status(aanvraag, besluit, door=door, reden=reden)
    if besluit == Status.TERUGGESTUURD:
        # the term pauses while the requester completes the request; it resumes on resubmission
        aanvraag.besluitreden = reden
        aanvraag.termijn_gepauzeerd_op = timezone.localdate(op) if op else timezone.localdate()
        aanvraag.save(update_fields=["status", "besluitreden", "termijn_gepauzeerd_op"])
        log.gewijzigd(door, aanvraag, detail={"status": [van, besluit], **als_vervanger,
                                              "termijn_gepauzeerd_op": aanvraag.termijn_gepauzeerd_op.isoformat()})
        plan_na_commit("toegang.maatwerk.tasks.meld_teruggestuurd", aanvraag.pk)
        return aanvraag
    aanvraag.besloten_door = door
    aanvraag.besloten_op = op or timezone.now()
    aanvraag.besluitreden = reden
    velden = ["status", "besloten_door", "besloten_op", "besluitreden"]
    if extern:
        aanvraag.extern_kenmerk = extern_kenmerk.strip()
        aanvraag.extern_besluitdatum = extern_besluitdatum
        velden += ["extern_kenmerk", "extern_besluitdatum"]
        if extern_besluitbrief:
            aanvraag.extern_besluitbrief.save(f"besluit-{aanvraag.pk}.pdf", extern_besluitbrief, save=False)
            velden.append("extern_besluitbrief")
    aanvraag.save(update_fields=velden)
    if besluit == Status.TOEGEKEND:
        _maak_toewijzing(aanvraag)
    else:
        Actie.objects.create(doel_id=aanvraag.doel_id, omschrijving=lichtere_activiteit.strip(), ladder=lichtere_trede,
                             wie=_("Wijkteam"), start=timezone.localdate())
    log.gewijzigd(door, aanvraag, detail={"status": [van, besluit], **als_vervanger,
                                          **({"extern_kenmerk": aanvraag.extern_kenmerk} if extern else {})})
    if beschikking_via_taak and not extern:
        plan_na_commit("toegang.maatwerk.tasks.maak_beschikking", aanvraag.pk)
    return aanvraag


MAX_BRIEF_BYTES = 10 * 1024 * 1024


def _controleer_extern_besluit(aanvraag, kenmerk, datum, brief):
    """The external body's decision: its reference, its date (not in the future) and, if given, its PDF letter."""
    fouten = {}
    if not (kenmerk or "").strip():
        fouten["extern_kenmerk"] = _("Leg het kenmerk van het besluit van %(instantie)s vast.") % {
            "instantie": aanvraag.externe_instantie}
    if datum is None:
        fouten["extern_besluitdatum"] = _("Vul de datum van het besluit van %(instantie)s in.") % {
            "instantie": aanvraag.externe_instantie}
    elif datum > timezone.localdate() or datum < aanvraag.aanvraagdatum:
        fouten["extern_besluitdatum"] = _("De datum van het besluit ligt tussen de aanvraagdatum en vandaag.")
    if brief:
        if brief.size > MAX_BRIEF_BYTES:
            fouten["extern_besluitbrief"] = _("De brief is groter dan 10 MB.")
        elif not brief.name.lower().endswith(".pdf") or not _is_pdf(brief):
            fouten["extern_besluitbrief"] = _("Voeg de brief toe als PDF-bestand.")
    if fouten:
        raise ValidationError(fouten)


def _is_pdf(bestand):
    """A PDF starts with ``%PDF-`` (ISO 32000-1, 7.5.2); the browser's content type is not trusted."""
    bestand.seek(0)
    kop = bestand.read(5)
    bestand.seek(0)
    return kop == b"%PDF-"


@transaction.atomic
def dien_opnieuw_in(*, aanvraag_id, door, motivering):
    """After 'teruggestuurd': the requester (or a colleague in the team) adds information and resubmits.

    Whoever resubmits becomes an author of the request and can no longer decide on it (four eyes)."""
    aanvraag = Aanvraag.objects.select_for_update(of=("self",)).select_related("traject__team").get(pk=aanvraag_id)
    if not _in_team_van_traject(door, aanvraag.traject):
        raise PermissionDenied(_("Alleen het team van dit huishouden kan de aanvraag opnieuw indienen."))
    if len((motivering or "").strip()) < 20:
        raise ValidationError({"motivering": _("Vul de motivering aan (minstens 20 tekens).")})
    van = _wijzig_status(aanvraag, Status.INGEDIEND, door=door, reden=_("Aangevuld en opnieuw ingediend"))
    aanvraag.motivering = motivering.strip()
    gepauzeerd = _hervat_termijn(aanvraag)
    aanvraag.save(update_fields=["status", "motivering", "termijn_gepauzeerd_op", "termijn_opgeschorte_dagen"])
    AanvraagAuteur.objects.get_or_create(aanvraag=aanvraag, auteur=door, rol=AanvraagAuteur.Rol.OPNIEUW_INGEDIEND)
    log.gewijzigd(door, aanvraag, detail={"status": [van, Status.INGEDIEND], "termijn_gepauzeerd_dagen": gepauzeerd,
                                          "beslissen_uiterlijk": aanvraag.deadline.isoformat()})
    return aanvraag


def _hervat_termijn(aanvraag):
    """End the pause of the decision term (sent back): the days it was paused are added, so the term resumes with
    the days it had left. Returns the days of this pause (0 when the term was not paused)."""
    if aanvraag.termijn_gepauzeerd_op is None:
        return 0
    dagen = max((timezone.localdate() - aanvraag.termijn_gepauzeerd_op).days, 0)
    aanvraag.termijn_opgeschorte_dagen += dagen
    aanvraag.termijn_gepauzeerd_op = None
    return dagen


@transaction.atomic
def trek_aanvraag_in(*, aanvraag_id, door, reden):
    aanvraag = Aanvraag.objects.select_for_update(of=("self",)).select_related("traject__team").get(pk=aanvraag_id)
    if not _in_team_van_traject(door, aanvraag.traject):
        raise PermissionDenied(_("Alleen het team van dit huishouden kan de aanvraag intrekken."))
    if not (reden or "").strip():
        raise ValidationError({"reden": _("Geef de reden van het intrekken.")})
    van = _wijzig_status(aanvraag, Status.INGETROKKEN, door=door, reden=reden)
    _hervat_termijn(aanvraag)
    aanvraag.save(update_fields=["status", "termijn_gepauzeerd_op", "termijn_opgeschorte_dagen"])
    log.gewijzigd(door, aanvraag, detail={"status": [van, Status.INGETROKKEN]})
    return aanvraag


# --- toewijzing ------------------------------------------------------------------------------------

def _maak_toewijzing(aanvraag):
    product = aanvraag.product
    toewijzing = Toewijzing.objects.create(
        aanvraag=aanvraag, gemeente_id=aanvraag.gemeente_id, gebied_id=aanvraag.gebied_id,
        toewijzingnummer=f"{aanvraag.pk:08d}", aanbieder_id=aanvraag.aanbieder_id, client_id=aanvraag.client_id,
        product=product, categorie_id=product.categorie_id, start=aanvraag.start, eind=aanvraag.eind,
        volume=aanvraag.volume, eenheid_id=aanvraag.eenheid_id, frequentie_id=aanvraag.frequentie_id,
        budget=aanvraag.budget, tarief=product.tarief,
    )
    log.aangemaakt(None, toewijzing, detail={"aanvraag": aanvraag.pk})
    return toewijzing


def _mag_zorg_registreren(user, toewijzing):
    aanvraag = toewijzing.aanvraag
    return (user.groups.filter(team__pk=aanvraag.team_id).exists()
            or rollen.is_coordinator_van(user, aanvraag.gebied_id, gemeente_id=aanvraag.gemeente_id))


@transaction.atomic
def registreer_zorgstart(*, toewijzing_id, door, datum):
    """Record the start of care, as the provider's 305 message would."""
    t = Toewijzing.objects.select_for_update(of=("self",)).select_related("aanvraag").get(pk=toewijzing_id)
    if not _mag_zorg_registreren(door, t):
        raise PermissionDenied(_("U kunt de zorg van deze toewijzing niet registreren."))
    if t.zorg_gestart_op:
        raise ValidationError({"datum": _("De start van de zorg is al vastgelegd.")})
    if datum is None or datum < t.start or datum > t.eind:
        raise ValidationError({"datum": _("De startdatum van de zorg moet binnen de toewijzing liggen "
                                          "(%(start)s t/m %(eind)s).") % {"start": opmaak.datum_nl(t.start),
                                                                            "eind": opmaak.datum_nl(t.eind)}})
    t.zorg_gestart_op = datum
    t.save(update_fields=["zorg_gestart_op"])
    log.gewijzigd(door, t, detail={"305_start_zorg": datum.isoformat()})
    return t


@transaction.atomic
def registreer_zorgstop(*, toewijzing_id, door, datum, reden):
    """Record the end of care, as the provider's 307 message would."""
    t = Toewijzing.objects.select_for_update(of=("self",)).select_related("aanvraag").get(pk=toewijzing_id)
    if not _mag_zorg_registreren(door, t):
        raise PermissionDenied(_("U kunt de zorg van deze toewijzing niet registreren."))
    if not t.zorg_gestart_op:
        raise ValidationError({"datum": _("Leg eerst de start van de zorg vast.")})
    if t.zorg_gestopt_op:
        raise ValidationError({"datum": _("Het einde van de zorg is al vastgelegd.")})
    if datum is None or datum < t.zorg_gestart_op:
        raise ValidationError({"datum": _("De einddatum van de zorg ligt vóór de start van de zorg.")})
    if not (reden or "").strip():
        raise ValidationError({"reden": _("Geef de reden van het einde van de zorg.")})
    t.zorg_gestopt_op = datum
    t.reden_einde = reden.strip()
    t.save(update_fields=["zorg_gestopt_op", "reden_einde"])
    log.gewijzigd(door, t, detail={"307_stop_zorg": datum.isoformat()})
    return t


@transaction.atomic
def wijzig_toewijzing(*, toewijzing_id, door, reden_wijziging, eind=None, volume=None, budget=None, op=None):
    """Change a toewijzing as OP033x1 allows: its einddatum (shorter or longer), or the volume of a toewijzing
    'totaal binnen geldigheidsduur', or its budget; always with a RedenWijziging (WMO002).

    The change gets a new Toewijzingsdatum/-tijd (``vastgesteld_op``), so the provider receives the corrected
    301 in that day's batch. Reason 13 ('verwijderd') sets the einddatum to the ingangsdatum, as the standard says.
    """
    t = Toewijzing.objects.select_for_update(of=("self",)).select_related("frequentie").get(pk=toewijzing_id)
    if not rechten.mag_toewijzing_wijzigen(door, t):
        raise PermissionDenied(_("Alleen een coördinator van het gebied kan deze toewijzing wijzigen."))
    fouten = {}
    reden_wijziging = (reden_wijziging or "").strip()
    if reden_wijziging not in codelijsten.redenen_wijziging():
        fouten["reden_wijziging"] = _("Kies een reden van wijziging uit de landelijke codelijst.")
    if reden_wijziging == "13":
        eind = t.start
    nieuw_eind = eind if eind is not None else t.eind
    if nieuw_eind < t.start:
        fouten["eind"] = _("De einddatum ligt vóór de ingangsdatum van de toewijzing (%(start)s).") % {
            "start": opmaak.datum_nl(t.start)}
    elif t.zorg_gestopt_op is None and t.zorg_gestart_op and nieuw_eind < t.zorg_gestart_op and reden_wijziging != "13":
        fouten["eind"] = _("De einddatum ligt vóór de start van de zorg (%(start)s).") % {
            "start": opmaak.datum_nl(t.zorg_gestart_op)}
    if reden_wijziging == "04" and nieuw_eind <= t.eind:
        fouten["eind"] = _("Bij een verlenging ligt de nieuwe einddatum na %(eind)s.") % {
            "eind": opmaak.datum_nl(t.eind)}
    if volume is not None:
        if t.budget is not None:
            fouten["volume"] = _("Deze toewijzing heeft een budget, geen volume.")
        elif t.frequentie.code != "6":
            fouten["volume"] = _("Het volume mag alleen wijzigen bij de frequentie ‘totaal binnen geldigheidsduur’; "
                                 "maak anders een nieuwe toewijzing.")
        elif volume <= 0:
            fouten["volume"] = _("Het volume moet groter zijn dan nul.")
    if budget is not None:
        if t.budget is None:
            fouten["budget"] = _("Deze toewijzing heeft een volume, geen budget.")
        elif budget <= 0:
            fouten["budget"] = _("Het budget moet groter zijn dan nul.")
    oud = {"eind": t.eind.isoformat(), "volume": t.volume, "budget": str(t.budget) if t.budget is not None else None}
    if nieuw_eind == t.eind and volume in (None, t.volume) and budget in (None, t.budget) and not fouten:
        fouten["eind"] = _("Er is niets gewijzigd: pas de einddatum, het volume of het budget aan.")
    if fouten:
        raise ValidationError(fouten)
    t.eind = nieuw_eind
    if volume is not None:
        t.volume = volume
    if budget is not None:
        t.budget = budget
    t.reden_wijziging = reden_wijziging
    t.vastgesteld_op = op or timezone.now()
    t.save(update_fields=["eind", "volume", "budget", "reden_wijziging", "vastgesteld_op"])
    log.gewijzigd(door, t, detail={"301_reden_wijziging": reden_wijziging, "was": oud,
                                   "wordt": {"eind": t.eind.isoformat(), "volume": t.volume,
                                             "budget": str(t.budget) if t.budget is not None else None}})
    return t


def beeindig_toewijzing(*, toewijzing_id, door, reden_wijziging, eind, op=None):
    """End a toewijzing early (an 'intrekking'): an earlier einddatum with its reason; the corrected 301 follows."""
    t = Toewijzing.objects.only("eind", "gebied_id", "gemeente_id").get(pk=toewijzing_id)
    if not rechten.mag_toewijzing_wijzigen(door, t):
        raise PermissionDenied(_("Alleen een coördinator van het gebied kan deze toewijzing beëindigen."))
    if eind is None or eind > t.eind:
        raise ValidationError({"eind": _("Bij beëindigen ligt de nieuwe einddatum niet na %(eind)s.") % {
            "eind": opmaak.datum_nl(t.eind)}})
    if reden_wijziging == "04":
        raise ValidationError({"reden_wijziging": _("Een verlenging is geen beëindiging; kies een andere reden.")})
    return wijzig_toewijzing(toewijzing_id=toewijzing_id, door=door, reden_wijziging=reden_wijziging, eind=eind, op=op)


# --- budget ----------------------------------------------------------------------------------------

@transaction.atomic
def herschik_budget(*, van, naar, bedrag, reden, door):
    """Move part of one budget line to another of the same gemeente and year (history kept)."""
    vergrendeld = BudgetRegel.objects.select_for_update().filter(pk__in=[van.pk, naar.pk]).order_by("pk")
    regels = {r.pk: r for r in vergrendeld}
    van, naar = regels.get(van.pk), regels.get(naar.pk)
    mw = medewerker_van(door)
    if not rollen.heeft_rol(door, rollen.COORDINATOR, rollen.FUNCTIONEEL_BEHEER) or mw is None:
        raise PermissionDenied(_("Alleen een coördinator of functioneel beheerder herschikt budget."))
    if van is None or naar is None or van.pk == naar.pk:
        raise ValidationError(_("Kies twee verschillende budgetregels."))
    if not (van.gemeente_id == naar.gemeente_id == mw.gemeente_id) or van.jaar != naar.jaar:
        raise ValidationError(_("Herschikken kan alleen tussen budgetregels van dezelfde gemeente en hetzelfde jaar."))
    if bedrag is None or bedrag <= 0:
        raise ValidationError({"bedrag": _("Het bedrag moet groter zijn dan nul.")})
    if not (reden or "").strip():
        raise ValidationError({"reden": _("Geef de reden van de herschikking.")})
    h = BudgetHerschikking.objects.create(van=van, naar=naar, bedrag=bedrag, reden=reden.strip(), door=door)
    log.gewijzigd(door, van, detail={"herschikt_naar": naar.pk, "bedrag": str(bedrag)}, gemeente_id=van.gemeente_id)
    return h
