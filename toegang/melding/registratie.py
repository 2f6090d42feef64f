"""Called from ToegangConfig.ready(): the werkvoorraad as start block and menu item, the meldingen and
casusoverleg decisions as a section and timeline source of the household dossier."""

from django.utils.translation import gettext_lazy as _


def dossier_sectie(request, huishouden):
    from toegang.models import Melding

    meldingen = list(Melding.objects.filter(huishouden=huishouden).select_related("agendapunt__besluit_regisseur",
                                                                                  "team", "kanaal")
                     .order_by("-ontvangen_op")[:20])
    if not meldingen:
        return None
    return {"template": "toegang/melding/dossier_sectie.html", "meldingen": meldingen}


def tijdlijn(huishouden):
    from toegang.models import CasusoverlegAgendapunt, Melding

    for m in Melding.objects.filter(huishouden=huishouden).only("pk", "ontvangstnummer", "ontvangen_op", "soort"):
        yield {"datum": m.ontvangen_op, "soort": "melding",
               "omschrijving": f"Melding {m.ontvangstnummer} ({m.get_soort_display()})",
               "url": m.get_absolute_url()}
    for p in (CasusoverlegAgendapunt.objects.filter(melding__huishouden=huishouden, status="besproken")
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
    from toegang.melding.anonimiseren import anonimiseer
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
