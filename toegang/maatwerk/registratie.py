"""Called from ToegangConfig.ready(): start block, menu items, dossier section and timeline source."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.termijnen import grenzen
from toegang.models import Aanvraag, beslistermijn_sql


def startblok(request):
    """The coördinator's / Wmo-consulent's maatwerk block: what waits for their decision, and how urgent."""
    from toegang.maatwerk.selectors import te_beslissen_voor
    from wijkteams import rollen

    if not rollen.heeft_rol(request.user, rollen.COORDINATOR, rollen.MEDEWERKER):
        return None
    # the last day is ``beslistermijn_sql`` (two weeks plus the days paused); a request sent back has its term
    # paused, so it is open but neither late nor due; the states of common.termijnen
    g, loopt = grenzen(), Q(status=Aanvraag.Status.INGEDIEND)
    telling = te_beslissen_voor(request.user).order_by().alias(uiterlijk=beslistermijn_sql()).aggregate(
        open=Count("id"), te_laat=Count("id", filter=loopt & Q(uiterlijk__lt=g["te_laat_voor"])),
        binnen_week=Count("id", filter=loopt & Q(uiterlijk__gte=g["te_laat_voor"],
                                                 uiterlijk__lte=g["binnen_week_tot"])))
    if not telling["open"] and not rollen.heeft_rol(request.user, rollen.COORDINATOR):
        return None
    return {"template": "toegang/maatwerk/_startblok.html", **telling}


def dossiersectie(request, huishouden):
    """Requests and escalations on the household page's tab "toegang": one section fed by the selectors of both
    parts (the page opened the household through its door). Their deadlines and counts are in the summary band
    (``samenvatting``)."""
    from huishoudens.selectors import lopend_traject
    from toegang.maatwerk.selectors import aanvragen_van_huishouden
    from toegang.opschaling.selectors import opschalingen_van_huishouden
    from toegang.opschaling.services import mag_opschalen
    from wijkteams import rollen

    traject = lopend_traject(huishouden)
    sectie = {
        "template": "toegang/maatwerk/_sectie.html",
        "titel": _("Maatwerk en opschaling"), "anker": "maatwerk",
        "huishouden": huishouden,
        "aanvragen": list(aanvragen_van_huishouden(huishouden)[:50]),
        "opschalingen": list(opschalingen_van_huishouden(huishouden)[:50]),
        "mag_aanvragen": traject is not None and rollen.in_groep(request.user, traject.team.groep_id),
        "mag_opschalen": traject is not None and mag_opschalen(request.user, traject),
    }
    # The household page includes the template with this dict as ``sectie``; rendered on its own the dict is the
    # context. The template reads ``sectie.…`` so both show the requests and escalations (and their decisions).
    return {**sectie, "sectie": sectie}


dossiersectie.tabblad = "toegang"


def samenvatting():
    """The summary band on every tab of the household page: the decision terms of the open requests, their count
    and the count of running escalations, as annotations on the query that opens the household."""
    from django.contrib.postgres.expressions import ArraySubquery
    from django.db.models import IntegerField, OuterRef, Subquery
    from django.db.models.functions import Coalesce, JSONObject

    from toegang.models import Opschaling

    open_ = Aanvraag.objects.filter(huishouden_id=OuterRef("pk"), status__in=Aanvraag.OPEN).order_by(
        "aanvraagdatum", "id")
    actief = (Opschaling.objects.filter(huishouden_id=OuterRef("pk"), status__in=Opschaling.ACTIEF).order_by()
              .values("huishouden_id").annotate(n=Count("id")).values("n"))
    return ({"toegang_open_aanvragen": ArraySubquery(open_.values(j=JSONObject(
                pk="pk", product="product__naam", aanvraagdatum="aanvraagdatum", status="status",
                opgeschort="termijn_opgeschorte_dagen", gepauzeerd_op="termijn_gepauzeerd_op"))),
             "toegang_actieve_opschalingen": Coalesce(Subquery(actief, output_field=IntegerField()), 0)}, _band)


def _band(huishouden):
    from datetime import date

    from django.urls import reverse

    vandaag = timezone.localdate()
    aanvragen = []
    for a in getattr(huishouden, "toegang_open_aanvragen", None) or ():
        gepauzeerd_op = date.fromisoformat(a["gepauzeerd_op"]) if a["gepauzeerd_op"] else None
        aanvraag = Aanvraag(pk=a["pk"], aanvraagdatum=date.fromisoformat(a["aanvraagdatum"]), status=a["status"],
                            termijn_opgeschorte_dagen=a["opgeschort"], termijn_gepauzeerd_op=gepauzeerd_op)
        aanvragen.append((aanvraag, a["product"]))
    tab = reverse("huishoudens:tab", args=[huishouden.pk, "toegang"]) + "#maatwerk"
    return {
        "termijnen": [{"tekst": _("Besluit over %(product)s") % {"product": product},
                       "url": a.get_absolute_url(), "uiterlijk": a.deadline, "status": a.termijn,
                       "dagen": (a.deadline - vandaag).days}
                      for a, product in aanvragen if not a.is_gepauzeerd],  # sent back: the term is paused
        "kerncijfers": [{"label": _("Open maatwerkaanvragen"), "waarde": len(aanvragen), "url": tab},
                        {"label": _("Lopende opschalingen"), "url": tab,
                         "waarde": getattr(huishouden, "toegang_actieve_opschalingen", 0)}],
    }


def tijdlijn(huishouden):
    from toegang.models import Aanvraag, AanvraagStatusWijziging

    for w in AanvraagStatusWijziging.objects.filter(aanvraag__huishouden=huishouden).select_related(
            "aanvraag__product"):
        yield {"datum": w.op, "soort": _("Maatwerk"),
               "omschrijving": f"{w.aanvraag.product.naam}: {Aanvraag.Status(w.naar).label}",
               "url": w.aanvraag.get_absolute_url()}


def registreer():
    from bewaring import registry as bewaring
    from huishoudens import registry
    from huishoudens.signals import huishouden_samengevoegd, persoon_samengevoegd
    from toegang import inzage
    from toegang.maatwerk import samenvoegen
    from toegang.maatwerk.anonimiseren import anonimiseer, nieuw_sinds
    from wijkteams import rollen, views
    from wijkteams.context_processors import registreer_menu

    if startblok not in views.STARTBLOKKEN:
        views.STARTBLOKKEN.append(startblok)
    if dossiersectie not in registry.HUISHOUDEN_SECTIES:
        registry.HUISHOUDEN_SECTIES.append(dossiersectie)
    if samenvatting not in registry.HUISHOUDEN_SAMENVATTING:
        registry.HUISHOUDEN_SAMENVATTING.append(samenvatting)
    if tijdlijn not in registry.TIJDLIJN_BRONNEN:
        registry.TIJDLIJN_BRONNEN.append(tijdlijn)
    if anonimiseer not in bewaring.ANONIMISEERDERS:
        bewaring.ANONIMISEERDERS.append(anonimiseer)
    if nieuw_sinds not in bewaring.NIEUW_SINDS:
        bewaring.NIEUW_SINDS.append(nieuw_sinds)
    if inzage.inzage not in registry.INZAGE_BRONNEN:
        registry.INZAGE_BRONNEN.append(inzage.inzage)
    persoon_samengevoegd.connect(samenvoegen.persoon_samengevoegd, dispatch_uid="toegang_samenvoegen")
    huishouden_samengevoegd.connect(samenvoegen.huishouden_samengevoegd,
                                    dispatch_uid="maatwerk_huishouden_samenvoegen")
    registreer_menu("toegang:maatwerk_werkvoorraad", _("Maatwerk"), {rollen.COORDINATOR, rollen.MEDEWERKER},
                    positie=2)  # deciding on maatwerk is daily work: always in the main menu
