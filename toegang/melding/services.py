"""Writes of the melding part of toegang: register (with triage), pick up, close, reassign, casusoverleg,
achtervang and partner keys. Locked, validated, audited; mail is sent by Celery after commit."""

import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from common.overgangen import controleer_overgang
from common.postcode import normaliseer_postcode
from common.taken import plan_na_commit
from huishoudens import selectors as huishouden_selectors
from huishoudens import services as huishouden_services
from huishoudens.models import Huishouden, Leefgebied, Traject
from toegang.melding import triage
from toegang.melding.termijnen import onderzoek_uiterlijk
from toegang.models import Afwezigheid, CasusoverlegAgendapunt, Melding, Ontvangstteller, PartnerToken, PostcodeWijk
from wijkteams import rollen
from wijkteams.models import Team

Status = Melding.Status

# The allowed status moves of a melding, in one table. Anything else is refused with a clear message.
OVERGANGEN = {
    Status.NIEUW: {Status.IN_BEHANDELING, Status.GEKOPPELD, Status.AFGEHANDELD},
    Status.IN_BEHANDELING: {Status.AFGEHANDELD, Status.NIEUW},
    Status.GEKOPPELD: {Status.AFGEHANDELD, Status.IN_BEHANDELING},
    Status.AFGEHANDELD: set(),
}



def _zet_status(melding, naar):
    controleer_overgang(OVERGANGEN, melding, naar)
    melding.status = naar


def wijk_voor_postcode(gemeente_id, postcode):
    """The wijk serving a postcode (PC6 first, then PC4), or None. ``gemeente_id`` None: any gemeente."""
    pc6 = normaliseer_postcode(postcode, compact=True, streng=True)
    rijen = PostcodeWijk.objects.filter(postcode__in=[pc6, pc6[:4]]).select_related("wijk__gebied", "wijk__gemeente")
    if gemeente_id is not None:
        rijen = rijen.filter(gemeente_id=gemeente_id)
    rijen = sorted(rijen, key=lambda r: -len(r.postcode))
    return rijen[0].wijk if rijen else None


def volgend_ontvangstnummer(jaar):
    """A human-friendly, unique receipt number: M-2026-000123 (row lock on the year's counter)."""
    Ontvangstteller.objects.bulk_create([Ontvangstteller(jaar=jaar)], ignore_conflicts=True)
    teller = Ontvangstteller.objects.select_for_update().get(jaar=jaar)
    teller.laatste += 1
    teller.save(update_fields=["laatste"])
    return f"M-{jaar}-{teller.laatste:06d}"


def zoek_of_maak_huishouden(*, gemeente, adres, door=None):
    """The household at this address in this gemeente, or a new one. Staff only: the public doors never call this
    (they would learn whether a dossier exists); their meldingen are linked later (``koppel_melding``)."""
    postcode = normaliseer_postcode(adres.get("postcode"), streng=True)
    huisnummer = adres.get("huisnummer")
    toevoeging = (adres.get("toevoeging") or "").strip().upper()
    if not huisnummer:
        raise ValidationError({"huisnummer": _("Vul het huisnummer in.")})
    bestaand = (Huishouden.objects.select_for_update()
                .filter(gemeente=gemeente, postcode=postcode, huisnummer=huisnummer,
                        toevoeging__iexact=toevoeging, samengevoegd_in__isnull=True).order_by("id").first())
    if bestaand is not None:
        return bestaand
    return maak_huishouden_op_adres(gemeente=gemeente, adres=adres, door=door)


def maak_huishouden_op_adres(*, gemeente, adres, door=None):
    """A new household at this address (no look-up of an existing one)."""
    postcode = normaliseer_postcode(adres.get("postcode"), streng=True)
    huisnummer = adres.get("huisnummer")
    toevoeging = (adres.get("toevoeging") or "").strip().upper()
    if not huisnummer:
        raise ValidationError({"huisnummer": _("Vul het huisnummer in.")})
    wijk = adres.get("wijk") or wijk_voor_postcode(gemeente.pk, postcode)
    if wijk is None or wijk.gemeente_id != gemeente.pk:
        raise ValidationError({"postcode": _("Deze postcode ligt niet in het werkgebied van gemeente %(g)s.")
                               % {"g": gemeente.naam}}, code="buiten_gemeente")
    fouten = {}
    if not (adres.get("straat") or "").strip():
        fouten["straat"] = _("Vul de straat in: dit adres is nog niet bekend.")
    if not (adres.get("woonplaats") or "").strip():
        fouten["woonplaats"] = _("Vul de woonplaats in: dit adres is nog niet bekend.")
    if fouten:
        raise ValidationError(fouten)
    achternaam = (adres.get("naam") or "").strip()
    huishouden = Huishouden.objects.create(
        gemeente=gemeente, wijk=wijk, straat=adres["straat"].strip(), huisnummer=huisnummer, toevoeging=toevoeging,
        postcode=postcode, woonplaats=adres["woonplaats"].strip(),
        naam=f"Huishouden {achternaam}" if achternaam else _("Huishouden %(adres)s") % {
            "adres": f"{adres['straat'].strip()} {huisnummer}{toevoeging}"},
    )
    log.aangemaakt(door, huishouden, detail={"bron": "melding"})
    return huishouden


def _valideer_invoer(*, gemeente, signaalgever_type, kanaal, leefgebieden, vraag, toestemming,
                     geen_toestemming_reden, ontvangen_op, direct_aan):
    fouten = {}
    if signaalgever_type is None or signaalgever_type.gemeente_id != gemeente.pk:
        fouten["signaalgever_type"] = _("Kies wie de melding doet.")
    if kanaal is None or kanaal.gemeente_id != gemeente.pk:
        fouten["kanaal"] = _("Kies hoe de melding binnenkwam.")
    if not leefgebieden:
        fouten["leefgebieden"] = _("Kies minstens één leefgebied.")
    elif set(leefgebieden) - set(Leefgebied.values):
        fouten["leefgebieden"] = _("Onbekend leefgebied.")
    if not (vraag or "").strip():
        fouten["vraag"] = _("Schrijf de vraag op in de woorden van de melder.")
    if not toestemming and not (geen_toestemming_reden or "").strip():
        fouten["geen_toestemming_reden"] = _("Geef aan waarom er geen toestemming van de inwoner is.")
    if ontvangen_op and ontvangen_op > timezone.now() + timedelta(minutes=5):
        fouten["ontvangen_op"] = _("Het moment van ontvangst kan niet in de toekomst liggen.")
    if direct_aan is not None:
        mw = getattr(direct_aan, "medewerker", None)
        if mw is None or mw.gemeente_id != gemeente.pk:
            fouten["direct_aan"] = _("Alleen een medewerker van deze gemeente kan de melding zelf oppakken.")
    if fouten:
        raise ValidationError(fouten)


def _mail_na_commit(user, melding=None, traject=None):
    if user is None:
        return
    soort, pk = ("melding", melding.pk) if melding is not None else ("traject", traject.pk)
    plan_na_commit("toegang.melding.tasks.stuur_toewijzingsmail", user.pk, soort, pk)


@transaction.atomic
def registreer_melding(*, gemeente, door, signaalgever_type, kanaal, vraag, leefgebieden, toestemming,
                       huishouden=None, adres=None, ontvangen_op=None, urgentie=Melding.Urgentie.NORMAAL,
                       geen_toestemming_reden="", kinderen_gemeld=False, direct_aan=None,
                       signaalgever_organisatie=None, melder_naam="", melder_contact=""):
    """Record a melding, give it a receipt number and route it (toegang.melding.triage.bepaal_route).

    ``door`` is the staff member who registers it, or None for the online form and the partner API.
    """
    ontvangen_op = ontvangen_op or timezone.now()
    leefgebieden = list(dict.fromkeys(leefgebieden or []))
    _valideer_invoer(gemeente=gemeente, signaalgever_type=signaalgever_type, kanaal=kanaal,
                     leefgebieden=leefgebieden, vraag=vraag, toestemming=toestemming,
                     geen_toestemming_reden=geen_toestemming_reden, ontvangen_op=ontvangen_op, direct_aan=direct_aan)
    if urgentie not in Melding.Urgentie.values:
        raise ValidationError({"urgentie": _("Kies een urgentie.")})
    if huishouden is None:
        huishouden = zoek_of_maak_huishouden(gemeente=gemeente, adres=adres or {}, door=door)
    elif huishouden.gemeente_id != gemeente.pk:
        raise ValidationError(_("Het huishouden hoort niet bij deze gemeente."))
    # Lock the household: two meldingen about one household at once never open two trajecten.
    huishouden = Huishouden.objects.select_for_update(of=("self",)).select_related("wijk").get(pk=huishouden.pk)

    melding = Melding(
        gemeente=gemeente, signaalgever_type=signaalgever_type, signaalgever_organisatie=signaalgever_organisatie,
        melder_naam=melder_naam, melder_contact=melder_contact, kanaal=kanaal, ontvangen_op=ontvangen_op,
        huishouden=huishouden, kinderen_gemeld=kinderen_gemeld, vraag=vraag.strip(), leefgebieden=leefgebieden,
        urgentie=urgentie, toestemming=toestemming, geen_toestemming_reden="" if toestemming
        else geen_toestemming_reden.strip(), direct_aan=direct_aan, geregistreerd_door=door,
        onderzoek_uiterlijk=onderzoek_uiterlijk(ontvangen_op),
    )
    route = _volg_route(melding, door)
    melding.ontvangstnummer = volgend_ontvangstnummer(timezone.localdate(ontvangen_op).year)
    melding.save()
    log.aangemaakt(door, melding, detail={"route": route.soort, "team": route.team.pk if route.team else None,
                                          "gekoppeld": route.koppelen})
    _na_route(melding, route, door)
    return melding


def _volg_route(melding, door):
    """Triage (toegang.melding.triage.bepaal_route) onto the unsaved or locked melding: team, handler, traject."""
    route = triage.bepaal_route(melding)
    melding.soort, melding.team, melding.behandelaar = route.soort, route.team, route.behandelaar
    melding.route_toelichting = route.toelichting[:300]
    if route.koppelen:
        melding.traject = route.traject
        melding.gekoppeld_aan_lopend_traject = True
        if route.behandelaar is not None:
            melding.status = Status.GEKOPPELD
    elif route.nieuw_traject and route.team is not None:
        melding.traject = huishouden_services.open_traject(huishouden=melding.huishouden, team=route.team, door=door,
                                                             zonder_teamcontrole=True)
    return route


def _na_route(melding, route, door):
    """After the melding is saved: the casusoverleg, taking it up oneself, or mail to the handler."""
    if route.nieuw_traject and melding.traject is not None:
        CasusoverlegAgendapunt.objects.create(team=route.team, melding=melding)
    if door is not None and route.behandelaar == door and melding.status == Status.NIEUW:
        _pak_op(melding, door)
    elif route.behandelaar is not None:
        _mail_na_commit(route.behandelaar, melding=melding)


@transaction.atomic
def registreer_publieke_melding(*, gemeente, signaalgever_type, kanaal, vraag, leefgebieden, toestemming, adres,
                                urgentie=Melding.Urgentie.NORMAAL, geen_toestemming_reden="", kinderen_gemeld=False,
                                signaalgever_organisatie=None, melder_naam="", melder_contact="", geboortedatum=None):
    """A question through a public door (resident form, partner API): a melding in the queue of the team of the
    address's gebied, linked to NO household and never looked up against one, so the answer is the same for
    every valid address. The moment of receipt is now (a partner cannot backdate). A professional links it
    (``koppel_melding``), with suggestions by address and by surname with birth date
    (``selectors.koppel_kandidaten``): ``geboortedatum`` is stored with the given address only for that; the public
    doors take no BSN. Only the postcode decides an error: outside every wijk(team), which is public."""
    ontvangen_op = timezone.now()
    leefgebieden = list(dict.fromkeys(leefgebieden or []))
    _valideer_invoer(gemeente=gemeente, signaalgever_type=signaalgever_type, kanaal=kanaal,
                     leefgebieden=leefgebieden, vraag=vraag, toestemming=toestemming,
                     geen_toestemming_reden=geen_toestemming_reden, ontvangen_op=ontvangen_op, direct_aan=None)
    if urgentie not in Melding.Urgentie.values:
        raise ValidationError({"urgentie": _("Kies een urgentie.")})
    postcode = normaliseer_postcode(adres.get("postcode"), streng=True)
    wijk = wijk_voor_postcode(gemeente.pk, postcode)
    if wijk is None:
        raise ValidationError({"postcode": _("Deze postcode ligt niet in het werkgebied van gemeente %(g)s.")
                               % {"g": gemeente.naam}}, code="buiten_gemeente")
    persoon = {"geboortedatum": geboortedatum.isoformat()} if geboortedatum else {}
    soort = Melding.Soort.ENKELVOUDIG if len(leefgebieden) <= 1 else Melding.Soort.MEERVOUDIG
    melding = Melding(
        gemeente=gemeente, signaalgever_type=signaalgever_type, signaalgever_organisatie=signaalgever_organisatie,
        melder_naam=melder_naam, melder_contact=melder_contact, kanaal=kanaal, ontvangen_op=ontvangen_op,
        huishouden=None, kinderen_gemeld=kinderen_gemeld, vraag=vraag.strip(), leefgebieden=leefgebieden,
        urgentie=urgentie, toestemming=toestemming,
        geen_toestemming_reden="" if toestemming else geen_toestemming_reden.strip(),
        onderzoek_uiterlijk=onderzoek_uiterlijk(ontvangen_op), soort=soort,
        team=triage.team_voor_gebied(gemeente.pk, wijk.gebied_id, jeugd=kinderen_gemeld),
        opgegeven_adres={
            "postcode": postcode, "huisnummer": adres.get("huisnummer"),
            "toevoeging": (adres.get("toevoeging") or "").strip().upper(),
            "straat": (adres.get("straat") or "").strip(), "woonplaats": (adres.get("woonplaats") or "").strip(),
            "naam": (adres.get("naam") or "").strip(), "wijk_id": wijk.pk, **persoon,
        },
        route_toelichting=_("Via de publieke ingang: koppel de melding eerst aan een huishouden."),
    )
    melding.ontvangstnummer = volgend_ontvangstnummer(timezone.localdate(ontvangen_op).year)
    melding.save()
    log.aangemaakt(None, melding, detail={"route": "publiek", "team": melding.team_id})
    return melding


@transaction.atomic
def koppel_melding(*, melding, door, huishouden=None):
    """A professional links a public melding to a household (one of the suggestions), or to a new household at the
    given address (``huishouden`` None); then the melding is routed like any other (triage)."""
    melding = (Melding.objects.select_for_update(of=("self",)).select_related("team", "gemeente")
               .get(pk=melding.pk))
    if not melding.te_koppelen or melding.status != Status.NIEUW:
        raise ValidationError(_("Deze melding is al gekoppeld of afgehandeld."), code="al_gekoppeld")
    if not mag_oppakken(melding, door):
        raise PermissionDenied(_("Alleen een lid van het team of de coördinator van het gebied kan deze melding "
                                 "koppelen."))
    if huishouden is None:
        adres = dict(melding.opgegeven_adres)
        adres.pop("wijk_id", None)
        huishouden = maak_huishouden_op_adres(gemeente=melding.gemeente, adres=adres, door=door)
    elif huishouden.gemeente_id != melding.gemeente_id:
        raise ValidationError({"huishouden": _("Het huishouden hoort niet bij deze gemeente.")})
    melding.huishouden = Huishouden.objects.select_for_update(of=("self",)).select_related("wijk").get(
        pk=huishouden.pk)
    route = _volg_route(melding, door)
    melding.save()
    log.gewijzigd(door, melding, detail={"gekoppeld_aan": melding.huishouden_id, "route": route.soort})
    _na_route(melding, route, None)
    return melding


def mag_oppakken(melding, user):
    """Its behandelaar, a member of its team, or the coördinator of the team's gebied (``rollen``'s one rule)."""
    if melding.behandelaar_id == user.pk:
        return True
    if melding.team_id and rollen.in_groep(user, melding.team.groep_id):
        return True
    gebied_id = melding.team.gebied_id if melding.team_id else None
    return gebied_id is not None and rollen.is_coordinator_van(user, gebied_id)


def _pak_op(melding, door):
    if melding.traject_id and melding.traject.is_open and (
            huishouden_selectors.huidige_regisseur(melding.traject) is None or melding.status == Status.NIEUW):
        huishouden_services.wijs_regisseur_toe(traject=melding.traject, regisseur=door, door=door,
                                               reden=_("Melding %(nr)s opgepakt") % {"nr": melding.ontvangstnummer})
    _zet_status(melding, Status.IN_BEHANDELING)
    melding.behandelaar = door
    melding.opgepakt_op = timezone.now()
    melding.save(update_fields=["status", "behandelaar", "opgepakt_op"])
    log.gewijzigd(door, melding, detail={"opgepakt_door": door.username})
    return melding


@transaction.atomic
def pak_melding_op(*, melding, door):
    """A team member or the coördinator takes the melding; with a traject they become its regisseur."""
    melding = Melding.objects.select_for_update(of=("self",)).select_related("team", "traject").get(pk=melding.pk)
    if melding.status != Status.NIEUW:
        raise ValidationError(_("Deze melding is al opgepakt."), code="al_opgepakt")
    if melding.te_koppelen:
        raise ValidationError(_("Koppel de melding eerst aan een huishouden."), code="te_koppelen")
    if not mag_oppakken(melding, door):
        raise PermissionDenied(_("Alleen een lid van het team of de coördinator van het gebied kan deze melding "
                                 "oppakken."))
    return _pak_op(melding, door)


@transaction.atomic
def handel_melding_af(*, melding, door, wat_gedaan, doorverwezen_naar=""):
    """Close a melding with a short registration: what was done, referred where."""
    melding = Melding.objects.select_for_update(of=("self",)).select_related("team").get(pk=melding.pk)
    if melding.behandelaar_id != door.pk and not is_coordinator_van_team(door, melding.team):
        raise PermissionDenied(_("Alleen de behandelaar of de coördinator kan deze melding afhandelen."))
    if not (wat_gedaan or "").strip():
        raise ValidationError({"wat_gedaan": _("Schrijf kort op wat er is gedaan.")})
    _zet_status(melding, Status.AFGEHANDELD)
    melding.wat_gedaan, melding.doorverwezen_naar = wat_gedaan.strip(), (doorverwezen_naar or "").strip()
    melding.afgehandeld_op = timezone.now()
    melding.save(update_fields=["status", "wat_gedaan", "doorverwezen_naar", "afgehandeld_op"])
    log.gewijzigd(door, melding, detail={"status": Status.AFGEHANDELD})
    return melding


def is_coordinator_van_team(user, team):
    """Coördinator of the gebied the team works in (see ``wijkteams.rollen.is_coordinator_van``)."""
    return team is not None and rollen.is_coordinator_van(user, team.gebied_id)


def _is_lid(user, team):
    return user.groups.filter(pk=team.groep_id).exists()


@transaction.atomic
def wijs_meldingen_toe(*, melding_ids, aan, door):
    """Coördinator: give meldingen (in bulk) to a team member, or back to the team queue (``aan`` None)."""
    meldingen = list(Melding.objects.select_for_update(of=("self",)).select_related("team", "traject")
                     .filter(pk__in=melding_ids).order_by("pk"))
    if len(meldingen) != len(set(melding_ids)):
        raise ValidationError(_("Een of meer meldingen bestaan niet."))
    for melding in meldingen:
        if not is_coordinator_van_team(door, melding.team):
            raise PermissionDenied(_("U bent geen coördinator van het gebied van melding %(nr)s.")
                                   % {"nr": melding.ontvangstnummer})
        if not melding.is_open and melding.status != Status.GEKOPPELD:
            raise ValidationError(_("Melding %(nr)s is al afgehandeld.") % {"nr": melding.ontvangstnummer})
        if aan is not None and not (_is_lid(aan, melding.team) or is_coordinator_van_team(aan, melding.team)):
            raise ValidationError(_("%(naam)s is geen lid van %(team)s.")
                                  % {"naam": aan.get_full_name() or aan.username, "team": melding.team})
        vorige = melding.behandelaar_id
        melding.behandelaar = aan
        if aan is None and melding.status != Status.NIEUW:
            _zet_status(melding, Status.NIEUW)
        if (aan is not None and melding.status == Status.IN_BEHANDELING and melding.traject_id
                and melding.traject.is_open):
            huishouden_services.wijs_regisseur_toe(traject=melding.traject, regisseur=aan, door=door,
                                                   reden=_("Herverdeeld door de coördinator"))
        melding.save(update_fields=["behandelaar", "status"])
        log.gewijzigd(door, melding, detail={"behandelaar": [vorige, aan.pk if aan else None]})
        if aan is not None and aan != door:
            _mail_na_commit(aan, melding=melding)
    return meldingen


@transaction.atomic
def wijs_huishoudens_toe(*, traject_ids, aan, door):
    """Coördinator: make ``aan`` regisseur of these trajecten (in bulk); history kept, access moved."""
    trajecten = list(Traject.objects.select_related("team").filter(pk__in=traject_ids).order_by("pk"))
    if len(trajecten) != len(set(traject_ids)):
        raise ValidationError(_("Een of meer huishoudens bestaan niet."))
    for traject in trajecten:
        if not is_coordinator_van_team(door, traject.team):
            raise PermissionDenied(_("U bent geen coördinator van het gebied van dit huishouden."))
        huishouden_services.wijs_regisseur_toe(traject=traject, regisseur=aan, door=door,
                                               reden=_("Herverdeeld door de coördinator"))
        if aan != door:
            _mail_na_commit(aan, traject=traject)
    return trajecten


@transaction.atomic
def agendeer_casus(*, traject, reden, door):
    """Put an existing case (an open traject already in the werkvoorraad) on its team's casusoverleg, with the
    reason. A team member or the coördinator of the team's gebied does this; the decision is recorded as for a new
    melding (``leg_casusoverleg_besluit_vast``)."""
    traject = Traject.objects.select_for_update(of=("self",)).select_related("team", "huishouden").get(pk=traject.pk)
    if (not huishouden_selectors.huishoudens_voor(door).filter(pk=traject.huishouden_id).exists()
            or not (_is_lid(door, traject.team) or is_coordinator_van_team(door, traject.team))):
        raise PermissionDenied(_("Alleen het team of de coördinator zet deze casus op het casusoverleg."))
    if not traject.is_open:
        raise ValidationError(_("Dit traject is afgesloten; een afgesloten casus gaat niet naar het casusoverleg."))
    if not (reden or "").strip():
        raise ValidationError({"reden": _("Beschrijf waarom de casus op het casusoverleg moet.")})
    if CasusoverlegAgendapunt.objects.filter(traject=traject, status=CasusoverlegAgendapunt.Status.GEAGENDEERD
                                             ).exists():
        raise ValidationError(_("Deze casus staat al op de agenda van het casusoverleg."))
    punt = CasusoverlegAgendapunt.objects.create(team=traject.team, traject=traject, reden=reden.strip(),
                                                 geagendeerd_door=door)
    log.aangemaakt(door, punt)
    return punt


@transaction.atomic
def leg_casusoverleg_besluit_vast(*, agendapunt, regisseur, volgende_stap, door, besproken_op=None):
    """Record the casusoverleg's decision (regisseur, next step) on the dossier and make the regisseur."""
    agendapunt = (CasusoverlegAgendapunt.objects.select_for_update(of=("self",))
                  .select_related("team", "melding__traject", "traject").get(pk=agendapunt.pk))
    if not (_is_lid(door, agendapunt.team) or is_coordinator_van_team(door, agendapunt.team)):
        raise PermissionDenied(_("Alleen het team of de coördinator legt het besluit van het casusoverleg vast."))
    if agendapunt.status != CasusoverlegAgendapunt.Status.GEAGENDEERD:
        raise ValidationError(_("Over deze casus is al een besluit vastgelegd."))
    if not (volgende_stap or "").strip():
        raise ValidationError({"volgende_stap": _("Beschrijf de volgende stap.")})
    if not (_is_lid(regisseur, agendapunt.team) or is_coordinator_van_team(regisseur, agendapunt.team)):
        raise ValidationError({"regisseur": _("De regisseur moet lid zijn van het team.")})
    melding = Melding.objects.select_for_update().get(pk=agendapunt.melding_id) if agendapunt.melding_id else None
    traject = agendapunt.zaak
    if traject is not None and traject.is_open:
        huishouden_services.wijs_regisseur_toe(traject=traject, regisseur=regisseur, door=door,
                                               reden=_("Besluit casusoverleg"))
    if melding is not None:
        if melding.status == Status.NIEUW:
            _zet_status(melding, Status.IN_BEHANDELING)
            melding.opgepakt_op = timezone.now()
        if melding.is_open:
            melding.behandelaar = regisseur
        melding.save(update_fields=["status", "behandelaar", "opgepakt_op"])
    agendapunt.status = CasusoverlegAgendapunt.Status.BESPROKEN
    agendapunt.besproken_op = besproken_op or timezone.localdate()
    agendapunt.besluit_regisseur, agendapunt.volgende_stap = regisseur, volgende_stap.strip()
    agendapunt.vastgelegd_door = door
    agendapunt.save()
    log.gewijzigd(door, agendapunt, detail={"regisseur": regisseur.username})
    if regisseur != door:
        _mail_na_commit(regisseur, melding=melding, traject=traject)
    return agendapunt


def _teams_van(user):
    return set(Team.objects.filter(groep__user=user).values_list("pk", flat=True))


@transaction.atomic
def registreer_afwezigheid(*, medewerker, van, tot, vervanger, door):
    """Achtervang: from ``van`` to ``tot`` the substitute (a colleague in one of the same teams) takes the work."""
    if door != medewerker and not any(is_coordinator_van_team(door, t)
                                      for t in Team.objects.filter(groep__user=medewerker)):
        raise PermissionDenied(_("U kunt alleen uw eigen afwezigheid of die van uw teamleden vastleggen."))
    fouten = {}
    if van is None or tot is None or tot < van:
        fouten["tot"] = _("De einddatum moet op of na de begindatum liggen.")
    if vervanger is not None:
        if vervanger == medewerker:
            fouten["vervanger"] = _("Kies een collega als vervanger, niet uzelf.")
        elif not (_teams_van(vervanger) & _teams_van(medewerker)):
            fouten["vervanger"] = _("De vervanger moet in hetzelfde team zitten.")
    if fouten:
        raise ValidationError(fouten)
    afwezigheid = Afwezigheid.objects.create(medewerker=medewerker, van=van, tot=tot, vervanger=vervanger,
                                             aangemaakt_door=door)
    log.aangemaakt(door, afwezigheid, detail={"van": van.isoformat(), "tot": tot.isoformat()})
    return afwezigheid


@transaction.atomic
def maak_partner_token(*, organisatie, naam, door=None):
    """A new API key for a signalling partner. Returns (token, key); the key is shown once, only its hash stays."""
    sleutel = secrets.token_urlsafe(32)
    token = PartnerToken.objects.create(organisatie=organisatie, naam=naam, prefix=sleutel[:8],
                                        sleutel_hash=PartnerToken.hash(sleutel))
    log.aangemaakt(door, token, detail={"organisatie": organisatie.pk})
    return token, sleutel
