"""Demo data for maatwerk and opschaling, on the demo households of huishoudens.

Catalogue, mandate register and escalation targets for Ridderkerk and Alblasserdam; budget lines per gebied;
requests in every status (some close to or past their deadline), approved ones with beschikking PDFs (made
synchronously here, not via the worker) and toewijzingen; escalations to LZN, bestuurstafel and Veilig Thuis
with decisions, a bestuurstafel summary and policy signals.

Idempotent: catalogues are found by natural key; the cases are only made when Ridderkerk has no requests yet.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from huishoudens.models import Doel, Persoon, Plan, Traject
from huishoudens.selectors import huidige_regisseur
from toegang.maatwerk import services
from toegang.maatwerk.beschikking import maak_beschikking
from toegang.maatwerk.catalogus import richt_catalogus_in, richt_mandaten_in
from toegang.models import (
    Aanbieder,
    Aanvraag,
    BeleidsSignaal,
    BudgetRegel,
    Eenheid,
    Frequentie,
    OpschalingDoel,
    Product,
    ProductCategorie,
)
from toegang.opschaling import services as opschaling_services
from wijkteams.models import Gemeente

Status = Aanvraag.Status
BUDGET = {("wmo", "01"): 120000, ("wmo", "02"): 150000, ("wmo", "07"): 60000, ("jeugdwet", "45"): 200000,
          ("jeugdwet", "43"): 250000}
# (status, days since the aanvraag) — open ones spread around the 2-week deadline
PLAN = [
    (Status.INGEDIEND, 2), (Status.INGEDIEND, 5), (Status.INGEDIEND, 9), (Status.INGEDIEND, 12),
    (Status.INGEDIEND, 16), (Status.INGEDIEND, 25), (Status.TERUGGESTUURD, 8), (Status.TERUGGESTUURD, 18),
    (Status.TOEGEKEND, 40), (Status.TOEGEKEND, 60), (Status.TOEGEKEND, 75), (Status.TOEGEKEND, 90),
    (Status.TOEGEKEND, 110), (Status.TOEGEKEND, 130), (Status.TOEGEKEND, 150), (Status.TOEGEKEND, 170),
    (Status.AFGEWEZEN, 50), (Status.AFGEWEZEN, 95), (Status.INGETROKKEN, 30),
]
WMO_PRODUCTEN = ["01A01", "02A05", "02A06", "07A01"]
JEUGD_PRODUCTEN = ["45A48", "45A51", "41A01"]


def _print(stdout, tekst):
    if stdout is not None:
        stdout.write(tekst + "\n")


def _budget(gemeente, jaar):
    categorieen = {(c.wet, c.code): c for c in ProductCategorie.objects.all()}
    for gebied in gemeente.gebieden.all():
        for sleutel, bedrag in BUDGET.items():
            BudgetRegel.objects.get_or_create(gemeente=gemeente, gebied=gebied, jaar=jaar,
                                              categorie=categorieen[sleutel], defaults={"bedrag": Decimal(bedrag)})


def _kandidaten(gemeente):
    """Per kind (jeugd / Wmo): one goal per household of an open traject with an active plan and a regisseur.

    The households the demo accounts decide on come first (``coordinator``'s gebieden for jeugdhulp, the team of
    ``wmoconsulent`` for Wmo), so logging in as them shows requests due, overdue and on time.
    """
    User = get_user_model()
    coordinator = User.objects.filter(username="coordinator").first()
    wmo = User.objects.filter(username="wmoconsulent").first()
    eigen_gebieden = set(coordinator.medewerker.coordinator_van.values_list("pk", flat=True)) if coordinator else set()
    eigen_teams = set(wmo.groups.values_list("team__pk", flat=True)) if wmo else set()
    doelen = (Doel.objects.filter(plan__status=Plan.Status.ACTIEF, plan__traject__huishouden__gemeente=gemeente)
              .exclude(plan__traject__status=Traject.Status.AFGESLOTEN)
              .select_related("plan__traject__team__type", "plan__traject__huishouden")
              .order_by("plan__traject__huishouden_id", "id"))
    jeugd, volwassen, gezien = [], [], set()
    for doel in doelen:
        traject = doel.plan.traject
        if traject.huishouden_id in gezien:
            continue
        gezien.add(traject.huishouden_id)
        if traject.team.type.voor_jeugd:
            jeugd.append((traject.gebied_id not in eigen_gebieden, traject.huishouden_id, doel))
        else:
            volwassen.append((traject.team_id not in eigen_teams, traject.huishouden_id, doel))
    return [d for *_, d in sorted(jeugd, key=lambda x: x[:2])], [d for *_, d in sorted(volwassen, key=lambda x: x[:2])]


def _beslisser(aanvraag):
    User = get_user_model()
    if aanvraag.beslisser == "discipline":
        kandidaten = User.objects.filter(groups__team__pk=aanvraag.team_id,
                                         medewerker__discipline_id=aanvraag.beslis_discipline_id)
    else:
        kandidaten = User.objects.filter(medewerker__coordinator_van=aanvraag.gebied_id)
    return kandidaten.exclude(pk=aanvraag.aangevraagd_door_id).order_by("username").first()


def _aanvragen(gemeente, stdout):
    vandaag = timezone.localdate()
    eenheid, frequentie = Eenheid.objects.get(code="04"), Frequentie.objects.get(code="2")
    aanbieders = list(Aanbieder.objects.filter(gemeente=gemeente).order_by("agb_code"))
    gemaakt = 0
    jeugd_doelen, wmo_doelen = _kandidaten(gemeente)
    plan = list(PLAN)
    while plan and (jeugd_doelen or wmo_doelen):
        # alternate jeugd and Wmo, so both kinds get requests on time, due and overdue
        beurt_jeugd = (len(PLAN) - len(plan)) % 2 == 0
        lijst = jeugd_doelen if (beurt_jeugd and jeugd_doelen) or not wmo_doelen else wmo_doelen
        doel = lijst.pop(0)
        traject = doel.plan.traject
        regisseur = huidige_regisseur(traject)
        if regisseur is None:
            continue
        jeugd = traject.team.type.voor_jeugd
        client = Persoon.objects.filter(huishouden=traject.huishouden, rol=Persoon.Rol.KIND if jeugd else
                                        Persoon.Rol.HOOFDBEWONER).order_by("id").first()
        if client is None:
            continue
        status, dagen = plan.pop(0)
        i = len(PLAN) - len(plan)
        codes = JEUGD_PRODUCTEN if jeugd else WMO_PRODUCTEN
        aanvraagdatum = vandaag - timedelta(days=dagen)
        start = aanvraagdatum + timedelta(days=14)
        aanvraag = services.dien_aanvraag_in(
            doel=doel, door=regisseur, client=client, product=Product.objects.get(gemeente=gemeente,
                                                                                  code=codes[i % len(codes)]),
            aanbieder=aanbieders[i % len(aanbieders)], volume=2 + i % 4, eenheid=eenheid, frequentie=frequentie,
            start=start, eind=start + timedelta(days=182), aanvraagdatum=aanvraagdatum,
            motivering="Eigen kracht en netwerk zijn uitgeput (mantelzorger overbelast); vrijwilligers en de "
                       "algemene voorzieningen in de wijk zijn geprobeerd maar volstaan niet.")
        gemaakt += 1
        if status == Status.INGEDIEND:
            continue
        beslisser = _beslisser(aanvraag)
        if beslisser is None:
            continue
        besloten_op = timezone.make_aware(timezone.datetime.combine(
            min(aanvraagdatum + timedelta(days=8 + i % 5), vandaag), timezone.datetime.min.time().replace(hour=10)))
        besluit = {"aanvraag_id": aanvraag.pk, "door": beslisser, "besluit": status, "op": besloten_op,
                   "beschikking_via_taak": False}
        if aanvraag.beslisser == "extern" and status in (Status.TOEGEKEND, Status.AFGEWEZEN):
            besluit.update(extern_kenmerk=f"EXT-{aanvraag.pk:06d}", extern_besluitdatum=besloten_op.date())
        if status == Status.INGETROKKEN:
            services.trek_aanvraag_in(aanvraag_id=aanvraag.pk, door=regisseur,
                                reden="Het huishouden ziet af van de voorziening.")
        elif status == Status.TERUGGESTUURD:
            services.besluit_over_aanvraag(**besluit, reden="Wat kan het netwerk nog doen? Graag aanvullen.")
        elif status == Status.AFGEWEZEN:
            services.besluit_over_aanvraag(
                **besluit, reden="Een algemene voorziening is passend en toereikend; maatwerk is niet nodig.",
                lichtere_activiteit="Deelname aan de was- en boodschappendienst in de wijk",
                lichtere_trede="algemene_voorziening")
        else:
            services.besluit_over_aanvraag(**besluit,
                                           reden="De ondersteuning is noodzakelijk om zelfstandig te blijven "
                                                      "wonen; lichtere oplossingen zijn onvoldoende gebleken.")
            t = Aanvraag.objects.get(pk=aanvraag.pk).toewijzing
            if t.start <= vandaag:
                services.registreer_zorgstart(toewijzing_id=t.pk, door=regisseur, datum=t.start)
        if status in (Status.TOEGEKEND, Status.AFGEWEZEN):
            maak_beschikking(aanvraag.pk)  # synchronously: the demo does not depend on a running worker
    _print(stdout, f"  maatwerk: {gemaakt} aanvragen")


def _opschalingen(gemeente, stdout):
    User = get_user_model()
    lzn = User.objects.filter(username="lzn", medewerker__gemeente=gemeente).first()
    tafel = User.objects.filter(username="bestuurstafel", medewerker__gemeente=gemeente).first()
    doelen = {d.code: d for d in OpschalingDoel.objects.filter(gemeente=gemeente)}
    trajecten = (Traject.objects.filter(huishouden__gemeente=gemeente, aanvragen__isnull=True,
                                        opschalingen__isnull=True)
                 .exclude(status=Traject.Status.AFGESLOTEN).select_related("team__type", "huishouden")
                 .order_by("huishouden_id"))
    volwassen = [t for t in trajecten[:80] if not t.team.type.voor_jeugd and huidige_regisseur(t)]
    jeugd = [t for t in trajecten[:80] if t.team.type.voor_jeugd and huidige_regisseur(t)]
    gemaakt = 0
    for n, traject in enumerate(volwassen[:3]):
        o = opschaling_services.schaal_op(traject=traject, doel=doelen["lzn"], door=huidige_regisseur(traject),
                         reden="Psychiatrische problemen, schulden en een dreigende huisuitzetting.",
                         geprobeerd="Schuldhulp en ambulante begeleiding aangeboden; niet volgehouden.")
        gemaakt += 1
        if lzn is None:
            continue
        opschaling_services.neem_in_behandeling(opschaling_id=o.pk, door=lzn,
                               overlegdatum=timezone.localdate() + timedelta(days=7 - 14 * n))
        if n >= 1:
            opschaling_services.leg_besluit_vast(opschaling_id=o.pk, door=lzn, besluit=(
                "Bemoeizorg via de GGZ; beschermingsbewind aanvragen; woningcorporatie schort uitzetting op."))
        if n == 2:
            opschaling_services.schaal_af(
                opschaling_id=o.pk, door=lzn, uitkomst="Huisuitzetting voorkomen, bewind loopt.",
                instructies="Team houdt maandelijks contact en bewaakt de huurbetalingen.")
    for n, traject in enumerate(volwassen[3:5]):
        o = opschaling_services.schaal_op(traject=traject, doel=doelen["bestuurstafel"],
                                          door=huidige_regisseur(traject),
                         reden="Geen passende woonruimte binnen de regels; de casus loopt vast.",
                         geprobeerd="Urgentieaanvraag (afgewezen), zoeken in de regio, tijdelijke opvang.")
        gemaakt += 1
        coordinator = User.objects.filter(medewerker__coordinator_van=traject.gebied_id).order_by("username").first()
        opschaling_services.leg_samenvatting_vast(opschaling_id=o.pk, door=coordinator, samenvatting=(
            "Alleenstaande volwassene met een lichamelijke beperking, woont in een niet-aangepaste "
            "bovenwoning; een urgentieverklaring is afgewezen omdat de situatie niet onder de regeling valt."))
        if tafel is not None:
            opschaling_services.leg_besluit_vast(opschaling_id=o.pk, door=tafel,
                                                 overlegdatum=timezone.localdate() - timedelta(days=20),
                                besluit="De woningcorporatie biedt buiten de regels een gelijkvloerse woning aan.")
            opschaling_services.registreer_signaal(opschaling_id=o.pk, door=tafel, thema=[BeleidsSignaal.Thema.WONEN,
                                                                         BeleidsSignaal.Thema.REGELGEVING][n],
                                  omschrijving=["Te weinig gelijkvloerse sociale huurwoningen voor mensen met een "
                                                "beperking.", "De urgentieregeling kent geen route voor medische "
                                                              "woonproblemen zonder acute nood."][n],
                                  aanbeveling="Prestatieafspraken met de corporaties aanvullen.")
    open_jeugd = (Traject.objects.filter(aanvragen__status=Status.INGEDIEND, team__type__voor_jeugd=True,
                                         huishouden__gemeente=gemeente).distinct().order_by("huishouden_id"))
    coordinator = User.objects.filter(username="coordinator").first()
    if coordinator is not None:
        open_jeugd = open_jeugd.filter(gebied__coordinatoren__user=coordinator)
    for traject in [t for t in open_jeugd[:5] if huidige_regisseur(t)][:1] or jeugd[:1]:
        opschaling_services.schaal_op(traject=traject, doel=doelen["veilig-thuis"], door=huidige_regisseur(traject),
                                      kindveiligheid=True,
                     reden="Signalen van huiselijk geweld in het gezin; een kind vertelde op school over ruzies.",
                     geprobeerd="Gesprekken met beide ouders; afspraken over een veiligheidsplan niet nagekomen.")
        gemaakt += 1
    _print(stdout, f"  opschaling: {gemaakt} opschalingen")


def laad(stdout=None):
    """Idempotent demo data for maatwerk and opschaling."""
    for gemeente in Gemeente.objects.filter(cbs_code__in=["0597", "0482"]):
        richt_catalogus_in(gemeente)
        richt_mandaten_in(gemeente)
    ridderkerk = Gemeente.objects.filter(cbs_code="0597").first()
    if ridderkerk is None:
        return {}
    _budget(ridderkerk, timezone.localdate().year)
    if Aanvraag.objects.filter(gemeente=ridderkerk).exists():
        return {}
    with transaction.atomic():
        _aanvragen(ridderkerk, stdout)
        _opschalingen(ridderkerk, stdout)
    return {}
