"""Mails of the melding part: an assignment notice and the daily digest.

No personal details in a mail body (no names, addresses, BSN, question or leefgebieden): only receipt numbers,
dates and a link to the application, where the reader logs in with two factors.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from common import opmaak, planning
from huishoudens.models import RegisseurToewijzing, Traject
from toegang.maatwerk.selectors import te_beslissen_voor
from toegang.melding import achtervang
from toegang.melding.selectors import VERVOLG_ZICHTBAAR, laatste_regisseur_van
from toegang.melding.termijnen import (
    Termijnstatus,
    grenzen,
    onderzoek_loopt,
    onderzoek_uiterlijk,
    onderzoek_uiterlijk_sql,
    onderzoek_zonder_melding,
    termijnstatus,
)
from toegang.models import Aanvraag, Melding, beslistermijn_sql


def _link(urlnaam, *args):
    return settings.SITE_URL.rstrip("/") + reverse(urlnaam, args=args)


def toewijzingsmail(user, soort, pk):
    """Subject and body of the assignment notice. Returns None when there is nothing to send."""
    if soort == "melding":
        melding = Melding.objects.filter(pk=pk).only("ontvangstnummer").first()
        if melding is None:
            return None
        onderwerp = _("Er staat een melding voor u klaar (%(nr)s)") % {"nr": melding.ontvangstnummer}
        link = _link("toegang:melding", pk)
        regel = _("Melding %(nr)s is aan u toegewezen.") % {"nr": melding.ontvangstnummer}
    else:
        onderwerp = _("U bent regisseur van een huishouden geworden")
        link = _link("toegang:werkvoorraad")
        regel = _("U bent regisseur geworden van een huishouden (traject %(nr)s).") % {"nr": pk}
    tekst = "\n\n".join([
        _("Beste collega,"), regel,
        _("Bekijk de gegevens in de wijkteamregistratie: %(link)s") % {"link": link},
        _("Deze e-mail bevat bewust geen persoonsgegevens."),
    ])
    return onderwerp, tekst


def stuur_toewijzing(user_id, soort, pk):
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return 0
    inhoud = toewijzingsmail(user, soort, pk)
    if inhoud is None:
        return 0
    return send_mail(inhoud[0], inhoud[1], settings.DEFAULT_FROM_EMAIL, [user.email])


def dagoverzichten(vandaag=None):
    """{user: [regel, ...]} of due (within a week) and overdue items per professional, with achtervang:
    the work of someone who is away today is in their substitute's digest."""
    vandaag = vandaag or timezone.localdate()
    tot = grenzen(vandaag)["binnen_week_tot"]
    vervanging = {}
    for afw in achtervang.afwezigheden_op(vandaag).filter(vervanger__isnull=False):
        vervanging[afw.medewerker_id] = afw.vervanger_id
    regels = defaultdict(list)
    meldingen = (Melding.objects.filter(onderzoek_loopt(), behandelaar__isnull=False, onderzoek_uiterlijk__lte=tot)
                 .only("pk", "ontvangstnummer", "onderzoek_uiterlijk", "behandelaar_id")
                 .order_by("onderzoek_uiterlijk"))
    for m in meldingen:
        wie = vervanging.get(m.behandelaar_id, m.behandelaar_id)
        regels[wie].append(_regel(_("Onderzoek melding %(nr)s") % {"nr": m.ontvangstnummer},
                                  m.onderzoek_uiterlijk, vandaag, _link("toegang:melding", m.pk)))
    zonder_melding = (Traject.objects.filter(onderzoek_zonder_melding(), regisseurs__tot__isnull=True)
                      .alias(uiterlijk=onderzoek_uiterlijk_sql("aangemeld_op")).filter(uiterlijk__lte=tot)
                      .values_list("regisseurs__regisseur_id", "pk", "aangemeld_op").order_by("aangemeld_op", "pk"))
    for regisseur_id, traject_id, aangemeld_op in zonder_melding:  # registered without a melding: same Wmo term
        wie = vervanging.get(regisseur_id, regisseur_id)
        regels[wie].append(_regel(_("Onderzoek traject %(nr)s (zonder melding)") % {"nr": traject_id},
                                  onderzoek_uiterlijk(aangemeld_op), vandaag, _link("toegang:werkvoorraad")))
    regies = (RegisseurToewijzing.objects.filter(tot__isnull=True, traject__volgende_evaluatie__lte=tot)
              .exclude(traject__status="afgesloten")
              .values_list("regisseur_id", "traject_id", "traject__volgende_evaluatie"))
    for regisseur_id, traject_id, evaluatie in regies:
        wie = vervanging.get(regisseur_id, regisseur_id)
        regels[wie].append(_regel(_("Evaluatie traject %(nr)s") % {"nr": traject_id}, evaluatie, vandaag,
                                  _link("toegang:werkvoorraad")))
    besluiten = defaultdict(dict)  # {who: {request: (deadline, own mandate)}}: one line per request and reader
    for user_id, aanvraag_id, uiterlijk in _te_beslissen(tot):
        wie = vervanging.get(user_id, user_id)
        eigen = besluiten[wie].get(aanvraag_id, (None, False))[1] or wie == user_id
        besluiten[wie][aanvraag_id] = (uiterlijk, eigen)
    for wie, per_aanvraag in besluiten.items():
        for aanvraag_id, (uiterlijk, eigen) in per_aanvraag.items():
            wat = (_("Besluit over aanvraag %(nr)s") if eigen
                   else _("Besluit over aanvraag %(nr)s (u vervangt de beslisser)")) % {"nr": aanvraag_id}
            regels[wie].append(_regel(wat, uiterlijk, vandaag, _link("toegang:aanvraag", aanvraag_id)))
    for regisseur_id, traject_id, vervolgdatum in _vervolgcontacten(vandaag, tot):
        wie = vervanging.get(regisseur_id, regisseur_id)
        regels[wie].append(_regel(_("Vervolgcontact afgesloten traject %(nr)s") % {"nr": traject_id}, vervolgdatum,
                                  vandaag, _link("toegang:werkvoorraad")))
    gebruikers = get_user_model().objects.in_bulk(list(regels))
    return {gebruikers[pk]: r for pk, r in regels.items() if pk in gebruikers}


def _te_beslissen(tot):
    """(user id, request id, deadline) of maatwerk requests whose decision term runs (submitted, not sent back:
    then the term is paused) and ends by ``tot``, for whoever holds the mandate: the one rule of the maatwerk
    selectors (``te_beslissen_voor``), asked per member of staff of a gemeente with such requests. The caller
    hands the line of an absent decider to their substitute (achtervang), as for meldingen."""
    lopend = Aanvraag.objects.filter(status=Aanvraag.Status.INGEDIEND).alias(
        uiterlijk=beslistermijn_sql()).filter(uiterlijk__lte=tot)
    mensen = get_user_model().objects.filter(
        is_active=True, medewerker__gemeente_id__in=lopend.values("gemeente_id")).order_by("pk")
    for user in mensen:
        for pk, uiterlijk in (te_beslissen_voor(user).filter(pk__in=lopend.values("pk")).order_by()
                              .annotate(uiterlijk=beslistermijn_sql()).values_list("pk", "uiterlijk")):
            yield user.pk, pk, uiterlijk


def _vervolgcontacten(vandaag, tot):
    """(regisseur id, traject id, vervolgdatum) of closed trajecten whose follow-up contact is due by ``tot`` (and
    at most ``VERVOLG_ZICHTBAAR`` ago):
    for the last regisseur of the traject (the closing ended the assignment), until it is reopened."""
    return (Traject.objects.filter(status=Traject.Status.AFGESLOTEN, vervolgdatum__lte=tot,
                                   vervolgdatum__gte=vandaag - VERVOLG_ZICHTBAAR)
            .annotate(laatste_regisseur=laatste_regisseur_van(OuterRef("pk")))
            .filter(laatste_regisseur__isnull=False)
            .order_by("vervolgdatum", "pk").values_list("laatste_regisseur", "pk", "vervolgdatum"))


def _regel(wat, uiterlijk, vandaag, link):
    status = termijnstatus(uiterlijk, vandaag)
    label = _("TE LAAT") if status == Termijnstatus.TE_LAAT else _("binnen een week")
    return f"- {wat}: uiterlijk {opmaak.datum_nl(uiterlijk)} ({label}) {link}"


def dagoverzicht_tekst(regels):
    return "\n".join([
        _("Beste collega,"), "",
        _("Dit staat voor u open (te laat of binnen een week):"), "", *regels, "",
        _("Uw werkvoorraad: %(link)s") % {"link": _link("toegang:werkvoorraad")},
        _("Deze e-mail bevat bewust geen persoonsgegevens."),
    ])


def stuur_dagoverzichten(vandaag=None):
    verstuurd = 0
    for user, regels in dagoverzichten(vandaag).items():
        if not user.email or not user.is_active:
            continue
        verstuurd += send_mail(_("Uw werkvoorraad: %(n)s punten vragen aandacht") % {"n": len(regels)},
                               dagoverzicht_tekst(regels), settings.DEFAULT_FROM_EMAIL, [user.email])
    return verstuurd


DAGOVERZICHT_UUR = 7  # as the crontab of migration toegang 0003


def stuur_dagoverzicht_eenmaal(nu=None):
    """The digest of today, once (common.planning): beat's 07:00 run, or the catch-up when beat missed it.
    None before 07:00 or when today's digest was already sent."""
    nu = timezone.localtime(nu)
    if nu.hour < DAGOVERZICHT_UUR:
        return None
    with transaction.atomic():
        if not planning.eenmaal("dagoverzicht", nu.date().isoformat()):
            return None
        return stuur_dagoverzichten(nu.date())
