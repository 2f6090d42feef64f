"""Writes to the organisation. Group membership and object permissions are changed only here."""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import log
from audit.log import vergeet_groepen
from wijkteams import rechten, rollen, signals
from wijkteams.models import Gebied, Medewerker, Team, TeamLidmaatschap, Wijk, WijkIndeling


@transaction.atomic
def maak_team(*, gemeente, gebied, type, naam, door=None):
    if gebied is not None and gebied.gemeente_id != gemeente.pk:
        raise ValidationError(_("Het gebied hoort niet bij deze gemeente."))
    groep, _nieuw = Group.objects.get_or_create(name=f"team:{gemeente.cbs_code}:{naam}")
    team = Team.objects.create(gemeente=gemeente, gebied=gebied, type=type, naam=naam, groep=groep)
    log.aangemaakt(door, team)
    rechten.geef_teamtoegang(team, groep, door=door, reden=_("nieuw team"))
    if gebied is not None:
        for coordinator in gebied.coordinatoren.select_related("user"):
            rechten.geef_teamtoegang(team, coordinator.user, door=door, reden=_("coördinator van het gebied"))
    return team


def _niet_zichzelf(door, medewerker):
    if not rechten.mag_organisatie_wijzigen_voor(door, medewerker):
        raise PermissionDenied(_("U kunt uw eigen rol, teams of gebieden niet wijzigen, en alleen in uw eigen "
                                 "gemeente."))


@transaction.atomic
def voeg_teamlid_toe(*, team, medewerker, uren_per_week=0, door=None):
    _niet_zichzelf(door, medewerker)
    if medewerker.gemeente_id != team.gemeente_id:
        raise ValidationError(_("Een medewerker kan alleen in een team van de eigen gemeente."))
    lid, _nieuw = TeamLidmaatschap.objects.update_or_create(
        team=team, medewerker=medewerker, defaults={"uren_per_week": uren_per_week}
    )
    medewerker.user.groups.add(team.groep)
    vergeet_groepen(medewerker.user)
    log.gewijzigd(door, team, detail={"teamlid_toegevoegd": medewerker.user.username})
    return lid


@transaction.atomic
def verwijder_teamlid(*, team, medewerker, door=None):
    """Take someone out of a team: the team group goes at once, and with it the team's households."""
    _niet_zichzelf(door, medewerker)
    TeamLidmaatschap.objects.filter(team=team, medewerker=medewerker).delete()
    medewerker.user.groups.remove(team.groep)
    vergeet_groepen(medewerker.user)
    log.gewijzigd(door, team, detail={"teamlid_verwijderd": medewerker.user.username})
    signals.teamlid_verwijderd.send(sender=Team, medewerker=medewerker, team=team, door=door)


@transaction.atomic
def maak_coordinator(*, medewerker, gebieden, door=None):
    """Make a staff member coördinator of these gebieden, with view rights on their teams and households."""
    _niet_zichzelf(door, medewerker)
    medewerker.user.groups.add(Group.objects.get_or_create(name=rollen.COORDINATOR)[0])
    vergeet_groepen(medewerker.user)
    for gebied in gebieden:
        if gebied.gemeente_id != medewerker.gemeente_id:
            raise ValidationError(_("Een coördinator kan alleen gebieden van de eigen gemeente coördineren."))
        medewerker.coordinator_van.add(gebied)
        vergeet_groepen(medewerker.user)
        for team in gebied.teams.all():
            rechten.geef_teamtoegang(team, medewerker.user, door=door, reden=_("coördinator van het gebied"))
        signals.coordinator_toegevoegd.send(sender=Gebied, medewerker=medewerker, gebied=gebied, door=door)
    log.gewijzigd(door, medewerker.user, detail={"coordinator_van": [g.pk for g in gebieden]})


@transaction.atomic
def trek_coordinatorschap_in(*, medewerker, gebied, door=None):
    """Stop someone coordinating a gebied: team and household access of that gebied go at once."""
    _niet_zichzelf(door, medewerker)
    medewerker.coordinator_van.remove(gebied)
    vergeet_groepen(medewerker.user)
    for team in gebied.teams.all():
        rechten.trek_teamtoegang_in(team, medewerker.user, door=door, reden=_("geen coördinator van het gebied meer"))
    signals.coordinator_verwijderd.send(sender=Gebied, medewerker=medewerker, gebied=gebied, door=door)
    log.gewijzigd(door, medewerker.user, detail={"coordinator_niet_meer_van": gebied.pk})


@transaction.atomic
def deel_wijk_in(*, wijk, gebied, per, door=None):
    """Move a wijk to a gebied from date ``per``; the previous indeling is closed, not overwritten."""
    if gebied.gemeente_id != wijk.gemeente_id:
        raise ValidationError(_("Een wijk kan alleen in een gebied van de eigen gemeente."))
    wijk = Wijk.objects.select_for_update().get(pk=wijk.pk)
    lopend = WijkIndeling.objects.filter(wijk=wijk, geldig_tot__isnull=True).first()
    if lopend is not None:
        if lopend.gebied_id == gebied.pk:
            return lopend
        if per <= lopend.geldig_van:
            raise ValidationError(_("De nieuwe indeling moet na het begin van de huidige indeling ingaan."))
        lopend.geldig_tot = per - timedelta(days=1)
        lopend.save(update_fields=["geldig_tot"])
    indeling = WijkIndeling.objects.create(wijk=wijk, gebied=gebied, geldig_van=per)
    wijk.gebied = gebied
    wijk.save(update_fields=["gebied"])
    log.gewijzigd(door, wijk, detail={"gebied": gebied.pk, "per": per.isoformat()})
    return indeling


def trek_alle_coordinatorschappen_in(*, medewerker, door=None):
    """End every coördinatorschap of ``medewerker`` (``trek_coordinatorschap_in`` per gebied, audited); returns
    the gebieden."""
    gebieden = list(medewerker.coordinator_van.order_by("naam", "pk"))
    for gebied in gebieden:
        trek_coordinatorschap_in(medewerker=medewerker, gebied=gebied, door=door)
    return gebieden


@transaction.atomic
def zet_rollen(*, account, rollen_namen, door):
    """Give ``account`` exactly these application roles (Django groups named in ``rollen.NAMEN``). Taking the
    coördinator role away ends the coördinatorschap of every gebied (``trek_coordinatorschap_in``).

    A beheerder hands out only ``rechten.TOEKENBARE_ROLLEN``, never to itself, only in its own gemeente; roles
    it may not hand out that the account already holds stay. Team groups are not roles: they follow team
    membership. ``is_staff`` follows the functioneel-beheer role; superusers are made only by createsuperuser.
    """
    if not rechten.mag_rollen_wijzigen(door, account):
        raise PermissionDenied(_("U kunt de rollen van dit account niet wijzigen."))
    toekenbaar = set(rollen.ALLE if door.is_superuser else rechten.TOEKENBARE_ROLLEN)
    gevraagd = set(rollen_namen)
    if gevraagd - set(rollen.ALLE):
        raise ValidationError({"rollen": _("Onbekende rol.")})
    if gevraagd - toekenbaar:
        raise PermissionDenied(_("Deze rol kunt u niet toekennen."))
    huidig = {g.name for g in account.groups.filter(name__in=rollen.ALLE)}
    nieuw = (huidig - toekenbaar) | gevraagd
    if nieuw == huidig:
        return account
    account.groups.remove(*Group.objects.filter(name__in=huidig - nieuw))
    account.groups.add(*[Group.objects.get_or_create(name=n)[0] for n in sorted(nieuw - huidig)])
    vergeet_groepen(account)
    medewerker = getattr(account, "medewerker", None)
    if rollen.COORDINATOR in huidig - nieuw and medewerker is not None:
        # without the role the gebieden coordinate nothing (rollen.is_coordinator_van): their access goes now
        trek_alle_coordinatorschappen_in(medewerker=medewerker, door=door)
    staff = rollen.FUNCTIONEEL_BEHEER in nieuw
    if account.is_staff != staff:
        account.is_staff = staff
        account.save(update_fields=["is_staff"])
    account._rollen = account._groepsnamen = None
    log.gewijzigd(door, account, detail={"rollen": [sorted(huidig), sorted(nieuw)]})
    return account


@transaction.atomic
def maak_medewerker(*, account, gemeente, door):
    """Attach a new account to a gemeente (the beheerder's own), so it can be found and given a role."""
    if not door.is_superuser and (not rechten.is_beheerder(door) or door.medewerker.gemeente_id != gemeente.pk):
        raise PermissionDenied(_("U kunt alleen accounts in uw eigen gemeente aanmaken."))
    medewerker = Medewerker.objects.create(user=account, gemeente=gemeente)
    log.aangemaakt(door, medewerker, detail={"gemeente": gemeente.pk}, gemeente_id=gemeente.pk)
    return medewerker


# --- the sociale kaart: kept current by the sociaal makelaar and the functioneel beheerder --------------------

AANBOD_GEGEVENS = ("naam", "categorie", "soort", "aanbieder", "omschrijving", "doelgroep", "wijk", "gebied",
                   "contact", "openingstijden", "regionale_kaart", "geldig_van", "geldig_tot", "openbaar",
                   "geindiceerd", "code")
AANBOD_KOLOMMEN = ["code", "naam", "categorie", "soort", "aanbieder", "omschrijving", "doelgroep", "wijk", "contact",
                   "openingstijden", "geldig_van", "geldig_tot", "regionale_kaart", "openbaar", "geindiceerd"]


def _vereis_aanbodbeheer(door, gemeente_id):
    if not rechten.mag_aanbod_beheren(door, gemeente_id):
        raise PermissionDenied(_("Alleen de sociaal makelaar en de functioneel beheerder van de gemeente houden de "
                                 "sociale kaart bij."))


def _schoon_aanbod(gemeente_id, gegevens, *, aanbod_id=None):
    """Check an offer's data against its gemeente; returns the data to store (wijk decides the gebied)."""
    from wijkteams.models import Aanbod

    d = {k: gegevens[k] for k in AANBOD_GEGEVENS if k in gegevens}
    d.setdefault("geldig_van", timezone.localdate())
    d["geldig_van"] = d["geldig_van"] or timezone.localdate()
    for veld in ("aanbieder", "omschrijving", "doelgroep", "contact", "openingstijden", "regionale_kaart", "code"):
        d[veld] = (d.get(veld) or "").strip()
    d["naam"] = (d.get("naam") or "").strip()
    fouten = {}
    if not d["naam"]:
        fouten["naam"] = _("Vul de naam van het aanbod in.")
    if d.get("categorie") not in Aanbod.Categorie.values:
        fouten["categorie"] = _("Kies een categorie.")
    if d.get("soort") not in Aanbod.Soort.values:
        fouten["soort"] = _("Kies een soort aanbod.")
    wijk, gebied = d.get("wijk"), d.get("gebied")
    if wijk is not None and wijk.gemeente_id != gemeente_id:
        fouten["wijk"] = _("Kies een wijk van uw eigen gemeente.")
    elif wijk is not None:
        if gebied is not None and gebied.pk != wijk.gebied_id:
            fouten["gebied"] = _("De wijk %(w)s ligt niet in dit gebied.") % {"w": wijk.naam}
        d["gebied"] = wijk.gebied
    elif gebied is not None and gebied.gemeente_id != gemeente_id:
        fouten["gebied"] = _("Kies een gebied van uw eigen gemeente.")
    if d.get("geldig_tot") and d["geldig_tot"] < d["geldig_van"]:
        fouten["geldig_tot"] = _("De einddatum ligt vóór de begindatum.")
    if d["code"] and Aanbod.objects.filter(gemeente_id=gemeente_id, code=d["code"]).exclude(pk=aanbod_id).exists():
        fouten["code"] = _("Er is al aanbod met deze code.")
    if fouten:
        raise ValidationError(fouten)
    return d


def _verschil(aanbod, d):
    def waarde(v):
        return v.pk if hasattr(v, "pk") else v

    return {k: [str(waarde(getattr(aanbod, k))), str(waarde(v))] for k, v in d.items()
            if waarde(getattr(aanbod, k)) != waarde(v)}


@transaction.atomic
def voeg_aanbod_toe(*, gemeente, door, **gegevens):
    """Add an offer to the sociale kaart of ``gemeente``."""
    from wijkteams.models import Aanbod

    _vereis_aanbodbeheer(door, gemeente.pk)
    d = _schoon_aanbod(gemeente.pk, gegevens)
    aanbod = Aanbod.objects.create(gemeente=gemeente, **d)
    log.aangemaakt(door, aanbod, detail={"sociale_kaart": aanbod.naam, "code": aanbod.code or None})
    return aanbod


@transaction.atomic
def wijzig_aanbod(*, aanbod, door, **gegevens):
    """Change an offer; only the fields given change. Nothing changed: no write and no audit row."""
    from wijkteams.models import Aanbod

    aanbod = Aanbod.objects.select_for_update().get(pk=aanbod.pk)
    _vereis_aanbodbeheer(door, aanbod.gemeente_id)
    huidig = {k: getattr(aanbod, k) for k in AANBOD_GEGEVENS}
    d = _schoon_aanbod(aanbod.gemeente_id, {**huidig, **gegevens}, aanbod_id=aanbod.pk)
    verschil = _verschil(aanbod, d)
    if not verschil:
        return aanbod
    for k, v in d.items():
        setattr(aanbod, k, v)
    aanbod.save()
    log.gewijzigd(door, aanbod, detail={"sociale_kaart": verschil})
    return aanbod


@transaction.atomic
def beeindig_aanbod(*, aanbod, door, laatste_dag=None):
    """End an offer: without ``laatste_dag`` at once (it leaves the kaart and the plan editor today), otherwise
    after that day. Plans that used it keep showing it."""
    from wijkteams.models import Aanbod

    aanbod = Aanbod.objects.select_for_update().get(pk=aanbod.pk)
    _vereis_aanbodbeheer(door, aanbod.gemeente_id)
    vandaag = timezone.localdate()
    if laatste_dag is not None and laatste_dag < aanbod.geldig_van:
        raise ValidationError({"laatste_dag": _("De laatste dag ligt vóór het begin van het aanbod (%(d)s).")
                               % {"d": aanbod.geldig_van.strftime("%d-%m-%Y")}})
    if not aanbod.is_lopend and aanbod.geldig_van <= vandaag:
        raise ValidationError(_("Dit aanbod is al beëindigd."))
    if laatste_dag is None:
        aanbod.actief = False
        aanbod.geldig_tot = max(min(aanbod.geldig_tot or vandaag, vandaag), aanbod.geldig_van)
    else:
        aanbod.geldig_tot = laatste_dag
        aanbod.actief = laatste_dag >= vandaag
    aanbod.save(update_fields=["actief", "geldig_tot"])
    log.gewijzigd(door, aanbod, detail={"sociale_kaart": "beëindigd",
                                        "geldig_tot": aanbod.geldig_tot.isoformat()})
    return aanbod


@transaction.atomic
def importeer_aanbod(*, gemeente, door, inhoud):
    """Import offers from CSV (``AANBOD_KOLOMMEN``, ``;`` or ``,``). The ``code`` is the key: a known code
    updates that offer, a new one adds it; offers not in the file stay as they are. All or nothing: any wrong
    line (unknown category or wijk, ...) is reported with its line number and nothing is stored. The same file
    twice changes nothing the second time. Returns the counts ``nieuw``, ``gewijzigd``, ``ongewijzigd``."""
    from common.csv_import import lees_csv
    from wijkteams.forms import AanbodRegelForm
    from wijkteams.models import Aanbod

    _vereis_aanbodbeheer(door, gemeente.pk)
    wijken = {w.cbs_code: w for w in Wijk.objects.filter(gemeente=gemeente).select_related("gebied")}
    bestaand = {a.code: a for a in Aanbod.objects.select_for_update().filter(gemeente=gemeente).exclude(code="")}

    def _gegevens(r):
        d = {k: v for k, v in r.items() if k in AANBOD_GEGEVENS}
        d["gebied"] = None
        aanbod = bestaand.get(r["code"])
        if aanbod is not None and not r.get("geldig_van"):
            d["geldig_van"] = aanbod.geldig_van  # a line without a start date keeps the offer's own
        return aanbod, d

    def controleer(r):
        aanbod, d = _gegevens(r)
        _schoon_aanbod(gemeente.pk, d, aanbod_id=aanbod.pk if aanbod else None)

    regels = lees_csv(inhoud, AanbodRegelForm, kolommen=AANBOD_KOLOMMEN, verplicht=AANBOD_KOLOMMEN[:4],
                      form_kwargs={"wijken": wijken, "controleer": controleer}, sleutel=lambda r: r["code"],
                      dubbel=_("deze code staat al eerder in het bestand."),
                      leeg=_("Het bestand bevat geen aanbod."))
    te_schrijven = []
    for r in regels:
        aanbod, d = _gegevens(r)
        te_schrijven.append((aanbod, _schoon_aanbod(gemeente.pk, d, aanbod_id=aanbod.pk if aanbod else None)))
    telling = {"nieuw": 0, "gewijzigd": 0, "ongewijzigd": 0}
    for aanbod, d in te_schrijven:
        if aanbod is None:
            aanbod = Aanbod.objects.create(gemeente=gemeente, **d)
            log.aangemaakt(door, aanbod, detail={"sociale_kaart": aanbod.naam, "code": aanbod.code, "import": True})
            telling["nieuw"] += 1
        elif verschil := _verschil(aanbod, d):
            for k, v in d.items():
                setattr(aanbod, k, v)
            aanbod.save()
            log.gewijzigd(door, aanbod, detail={"sociale_kaart": verschil, "import": True})
            telling["gewijzigd"] += 1
        else:
            telling["ongewijzigd"] += 1
    return telling
