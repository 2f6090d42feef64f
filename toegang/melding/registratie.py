"""Called from ToegangConfig.ready(): the werkvoorraad as start block and menu item, the meldingen and
casusoverleg decisions as a section and timeline source of the household dossier."""

from django.utils.translation import gettext_lazy as _

ONDERZOEK_LOOPT_TRAJECT = ("aangemeld", "in_onderzoek", "heropend")  # as termijnen.onderzoek_loopt


def dossier_sectie(request, huishouden):
    """Folded on the household page (looked up rather than read daily); the onderzoek deadlines of its open
    meldingen go to the page's summary band."""
    from toegang.melding import termijnen
    from toegang.models import Melding

    meldingen = list(Melding.objects.filter(huishouden=huishouden).select_related("agendapunt__besluit_regisseur",
                                                                                  "team", "kanaal", "traject")
                     .order_by("-ontvangen_op")[:20])
    if not meldingen:
        return None
    lopend = [m for m in meldingen if m.is_open and (m.traject is None or m.traject.status in ONDERZOEK_LOOPT_TRAJECT)]
    return {"template": "toegang/melding/dossier_sectie.html", "meldingen": meldingen,
            "titel": _("Meldingen en casusoverleg"), "anker": "meldingen", "ingeklapt": True,
            "termijnen": [{"tekst": _("Onderzoek na melding %(nummer)s") % {"nummer": m.ontvangstnummer},
                           "url": m.get_absolute_url(), "uiterlijk": m.onderzoek_uiterlijk,
                           "status": termijnen.termijnstatus(m.onderzoek_uiterlijk),
                           "dagen": termijnen.dagen_tot(m.onderzoek_uiterlijk)} for m in lopend]}


def tijdlijn(huishouden):
    from django.db.models import Q

    from toegang.models import CasusoverlegAgendapunt, Melding

    for m in Melding.objects.filter(huishouden=huishouden).only("pk", "ontvangstnummer", "ontvangen_op", "soort"):
        yield {"datum": m.ontvangen_op, "soort": "melding",
               "omschrijving": f"Melding {m.ontvangstnummer} ({m.get_soort_display()})",
               "url": m.get_absolute_url()}
    for p in (CasusoverlegAgendapunt.objects.filter(Q(melding__huishouden=huishouden)
                                                    | Q(traject__huishouden=huishouden), status="besproken")
              .select_related("besluit_regisseur")):
        naam = p.besluit_regisseur.get_full_name() or p.besluit_regisseur.username
        yield {"datum": p.besproken_op, "soort": "casusoverleg",
               "omschrijving": f"Casusoverleg: regisseur {naam}; volgende stap: {p.volgende_stap}", "url": None}


def startblok(request):
    from toegang.melding import werkvoorraad

    return werkvoorraad.startblok(request)


def registreer():
    from bewaring import registry as bewaring
    from huishoudens import registry
    from huishoudens.signals import huishouden_samengevoegd
    from toegang.melding import samenvoegen
    from toegang.melding.anonimiseren import anonimiseer, nieuw_sinds
    from wijkteams import rollen
    from wijkteams.context_processors import registreer_menu
    from wijkteams.views import STARTBLOKKEN

    if startblok not in STARTBLOKKEN:
        STARTBLOKKEN.insert(0, startblok)
    registreer_menu("toegang:werkvoorraad", _("Werkvoorraad"), {rollen.MEDEWERKER, rollen.COORDINATOR}, positie=1)
    registreer_menu("toegang:melding_nieuw", _("Melding registreren"), {rollen.MEDEWERKER, rollen.COORDINATOR})
    if dossier_sectie not in registry.HUISHOUDEN_SECTIES:
        registry.HUISHOUDEN_SECTIES.append(dossier_sectie)
    if tijdlijn not in registry.TIJDLIJN_BRONNEN:
        registry.TIJDLIJN_BRONNEN.append(tijdlijn)
    if anonimiseer not in bewaring.ANONIMISEERDERS:
        bewaring.ANONIMISEERDERS.append(anonimiseer)
    if nieuw_sinds not in bewaring.NIEUW_SINDS:
        bewaring.NIEUW_SINDS.append(nieuw_sinds)
    huishouden_samengevoegd.connect(samenvoegen.huishouden_samengevoegd,
                                    dispatch_uid="melding_huishouden_samenvoegen")
