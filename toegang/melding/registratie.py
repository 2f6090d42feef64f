"""Called from ToegangConfig.ready(): the werkvoorraad as start block and menu item, the meldingen and
casusoverleg decisions as a section and timeline source of the household dossier."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def dossier_sectie(request, huishouden):
    """On the household page's tab "toegang", folded (looked up rather than read daily): the household's meldingen
    with the casusoverleg's decisions, and for the team (or the coördinator of its gebied) of the open traject a link
    to put the case on the casusoverleg agenda (issue 17), or that it is on the agenda already."""
    from huishoudens.selectors import lopend_traject
    from toegang.melding.services import is_coordinator_van_team
    from toegang.models import CasusoverlegAgendapunt, Melding
    from wijkteams import rollen

    meldingen = list(Melding.objects.filter(huishouden=huishouden).select_related("agendapunt__besluit_regisseur",
                                                                                  "team", "kanaal", "traject")
                     .order_by("-ontvangen_op")[:20])
    traject = lopend_traject(huishouden)
    user = getattr(request, "user", None)  # rendered on its own (without a user): only the meldingen
    agenderen = user is not None and traject is not None and (rollen.in_groep(user, traject.team.groep_id)
                                                               or is_coordinator_van_team(user, traject.team))
    if not meldingen and not agenderen:
        return None
    sectie = {"template": "toegang/melding/dossier_sectie.html", "meldingen": meldingen,
              "titel": _("Meldingen en casusoverleg"), "anker": "meldingen", "ingeklapt": True}
    if agenderen:
        if CasusoverlegAgendapunt.objects.filter(traject=traject,
                                                 status=CasusoverlegAgendapunt.Status.GEAGENDEERD).exists():
            sectie["geagendeerd_url"] = reverse("toegang:casusoverleg", args=[traject.team_id])
        else:
            sectie["agenderen_url"] = (reverse("toegang:casusoverleg", args=[traject.team_id])
                                       + f"?traject={traject.pk}#agenderen")
    return sectie


dossier_sectie.tabblad = "toegang"


def samenvatting():
    """The onderzoek deadlines of the household's open meldingen for the summary band on every tab: one
    annotation on the query that opens the household (a melding linked to a traject past its first phase has no
    running onderzoek)."""
    from django.contrib.postgres.expressions import ArraySubquery
    from django.db.models import OuterRef
    from django.db.models.functions import JSONObject

    from toegang.melding.termijnen import onderzoek_loopt
    from toegang.models import Melding

    lopend = Melding.objects.filter(onderzoek_loopt(), huishouden_id=OuterRef("pk")).order_by(
        "onderzoek_uiterlijk", "id")
    return ({"toegang_melding_termijnen": ArraySubquery(lopend.values(
        j=JSONObject(pk="pk", nummer="ontvangstnummer", uiterlijk="onderzoek_uiterlijk"))[:20])}, _band)


def _band(huishouden):
    from datetime import date

    from django.urls import reverse

    from toegang.melding import termijnen

    regels = []
    for m in getattr(huishouden, "toegang_melding_termijnen", None) or ():
        uiterlijk = date.fromisoformat(m["uiterlijk"])
        regels.append({"tekst": _("Onderzoek na melding %(nummer)s") % {"nummer": m["nummer"]},
                       "url": reverse("toegang:melding", args=[m["pk"]]), "uiterlijk": uiterlijk,
                       "status": termijnen.termijnstatus(uiterlijk), "dagen": termijnen.dagen_tot(uiterlijk)})
    return {"termijnen": regels}


def tijdlijn(huishouden):
    """The household's meldingen and the casusoverleg's decisions on its cases, in one round trip (UNION ALL with
    the same columns; the melding's time or the decision's date)."""
    from django.db.models import CharField, DateField, DateTimeField, F, IntegerField, Q, Value
    from django.db.models.functions import Cast

    from toegang.models import CasusoverlegAgendapunt, Melding

    def kolommen(bron, *, ts=None, d=None, a="", b="", c="", e=""):
        tekst = {naam: v if hasattr(v, "resolve_expression") else Value(v, output_field=CharField())
                 for naam, v in (("a", a), ("b", b), ("c", c), ("e", e))}
        return {"bron": Value(bron, output_field=IntegerField()), "ts": ts or Cast(Value(None), DateTimeField()),
                "d": d or Cast(Value(None), DateField()), **tekst, "nr": F("pk")}

    meldingen = Melding.objects.filter(huishouden=huishouden).values(
        **kolommen(0, ts=F("ontvangen_op"), a=F("ontvangstnummer"), b=F("soort")))
    besluiten = CasusoverlegAgendapunt.objects.filter(
        Q(melding__huishouden=huishouden) | Q(traject__huishouden=huishouden), status="besproken").values(
        **kolommen(1, d=F("besproken_op"), a=F("besluit_regisseur__first_name"), b=F("besluit_regisseur__last_name"),
                   c=F("besluit_regisseur__username"), e=F("volgende_stap")))
    for r in meldingen.order_by().union(besluiten.order_by(), all=True):
        if r["bron"] == 0:
            yield {"datum": r["ts"], "soort": "melding",
                   "omschrijving": f"Melding {r['a']} ({dict(Melding.Soort.choices).get(r['b'], r['b'])})",
                   "url": reverse("toegang:melding", args=[r["nr"]])}
        else:
            naam = f"{r['a']} {r['b']}".strip() or r["c"]
            yield {"datum": r["d"], "soort": "casusoverleg",
                   "omschrijving": f"Casusoverleg: regisseur {naam}; volgende stap: {r['e']}", "url": None}


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
    if samenvatting not in registry.HUISHOUDEN_SAMENVATTING:
        registry.HUISHOUDEN_SAMENVATTING.append(samenvatting)
    if tijdlijn not in registry.TIJDLIJN_BRONNEN:
        registry.TIJDLIJN_BRONNEN.append(tijdlijn)
    if anonimiseer not in bewaring.ANONIMISEERDERS:
        bewaring.ANONIMISEERDERS.append(anonimiseer)
    if nieuw_sinds not in bewaring.NIEUW_SINDS:
        bewaring.NIEUW_SINDS.append(nieuw_sinds)
    huishouden_samengevoegd.connect(samenvoegen.huishouden_samengevoegd,
                                    dispatch_uid="melding_huishouden_samenvoegen")
