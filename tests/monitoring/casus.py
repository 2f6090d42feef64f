"""Test data for the monitoring tests (the fixtures in conftest.py call these builders): a small hand-made
casework set for the quarter 2026-K1 (1 January – 31 March 2026), with every number the indicator tests expect
worked out by hand in the comments.

Gebied A (team_a, wijk_a)                         Gebied B (team_b, wijk_b)
  H1 aangemeld 2025-11-01, open (lopend)            H7..H12 aangemeld 2026-01-05, open (nieuw), 1 adult each
     2 adults (1 mantelzorger) + 1 child               5 of the 6 do volunteer work, 1 is mantelzorger
  H2 aangemeld 2026-01-10, closed 2026-03-01          H8 reopened 2026-02-01, closed 2025-12-01 (within a year)
     (doelen_bereikt), 1 adult volunteer               H9 reopened 2026-03-01, closed 2024-06-01 (not within)
  H3 aangemeld 2026-02-01, open, 1 adult
  H4 aangemeld 2025-06-01, closed 2025-12-15 (before the quarter: not counted)
  H5 aangemeld 2026-04-05 (after the quarter: not counted)
  H6 aangemeld 2025-10-01, closed 2026-02-10 (afgeschaald), 1 adult mantelzorger + volunteer
Andere gemeente: 1 household in the quarter (never counted for Ridderkerk).
"""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from huishoudens.models import (
    Actie,
    Doel,
    Huishouden,
    Keukentafelgesprek,
    Persoon,
    Plan,
    RegisseurToewijzing,
    StatusWijziging,
    Traject,
)
from monitoring import perioden, services
from monitoring.models import ImportWaarde, Indicator
from wijkteams.models import WijkInwoners

AMS = ZoneInfo("Europe/Amsterdam")
KWARTAAL = perioden.kwartaal(2026, 1)


def _moment(d):
    return datetime(d.year, d.month, d.day, 12, 0, tzinfo=AMS)


@dataclass
class Casus:
    org: object
    huishoudens: dict
    trajecten: dict


def _huishouden(org, wijk, naam, gemeente=None):
    return Huishouden.objects.create(gemeente=gemeente or org.gemeente, wijk=wijk, straat="Kerkweg", huisnummer=1,
                                     postcode="2981 AA", woonplaats="Ridderkerk", naam=naam)


def _persoon(h, *, geboren=date(1970, 1, 1), mantelzorger=False, vrijwilliger=False):
    return Persoon.objects.create(huishouden=h, voornamen="Test", achternaam=h.naam, geboortedatum=geboren,
                                  is_mantelzorger=mantelzorger, doet_vrijwilligerswerk=vrijwilliger)


def _traject(h, team, aangemeld, *, afgesloten=None, reden="", status=None):
    status = status or (Traject.Status.AFGESLOTEN if afgesloten else Traject.Status.UITVOERING)
    with transaction.atomic():  # the regisseur check is deferred to commit (a real worker's tests autocommit)
        return _traject_met_regisseur(h, team, aangemeld, afgesloten, reden, status)


def _traject_met_regisseur(h, team, aangemeld, afgesloten, reden, status):
    traject = Traject.objects.create(huishouden=h, team=team, gebied=team.gebied, aangemeld_op=aangemeld,
                                     afgesloten_op=afgesloten, afsluitreden=reden, status=status)
    if status in (Traject.Status.PLAN, Traject.Status.UITVOERING):  # past intake: a regisseur (database check)
        RegisseurToewijzing.objects.create(traject=traject, regisseur=team.groep.user_set.order_by("pk").first())
    return traject


def _statuswijziging(traject, naar, op):
    sw = StatusWijziging.objects.create(traject=traject, naar=naar)
    StatusWijziging.objects.filter(pk=sw.pk).update(op=_moment(op))


def _plan(traject, aangemaakt, status=Plan.Status.ACTIEF, versie=1, acties=()):
    plan = Plan.objects.create(traject=traject, status=status, versie=versie)
    Plan.objects.filter(pk=plan.pk).update(aangemaakt_op=_moment(aangemaakt))
    doel = Doel.objects.create(plan=plan, leefgebied="financien", omschrijving="Doel")
    for ladder, start, eind in acties:
        Actie.objects.create(doel=doel, omschrijving="Activiteit", ladder=ladder, wie="Iemand", start=start, eind=eind)
    return plan


def _gesprek(traject, datum, door):
    return Keukentafelgesprek.objects.create(traject=traject, datum=datum, plaats="thuis", gevoerd_door=door)


def maak_casus(org):
    from monitoring.catalogus import synchroniseer

    synchroniseer(Indicator)  # transactional tests flush the tables, data-migration rows included
    a, b = org.team_a, org.team_b
    wa, wb = org.wijk_a, org.wijk_b
    prof = org.mensen["teamlid"]
    h, t = {}, {}
    h[1] = _huishouden(org, wa, "Huishouden Jansen")
    _persoon(h[1], mantelzorger=True)
    _persoon(h[1])
    _persoon(h[1], geboren=date(2015, 5, 5))
    t[1] = _traject(h[1], a, date(2025, 11, 1))
    h[2] = _huishouden(org, wa, "Huishouden de Vries")
    _persoon(h[2], vrijwilliger=True)
    t[2] = _traject(h[2], a, date(2026, 1, 10), afgesloten=date(2026, 3, 1), reden="doelen_bereikt")
    h[3] = _huishouden(org, wa, "Huishouden Bakker")
    _persoon(h[3])
    t[3] = _traject(h[3], a, date(2026, 2, 1))
    h[4] = _huishouden(org, wa, "Huishouden Visser")
    _persoon(h[4], mantelzorger=True)
    t[4] = _traject(h[4], a, date(2025, 6, 1), afgesloten=date(2025, 12, 15), reden="wlz")
    h[5] = _huishouden(org, wa, "Huishouden Smit")
    _persoon(h[5])
    t[5] = _traject(h[5], a, date(2026, 4, 5))
    h[6] = _huishouden(org, wa, "Huishouden de Graaf")
    _persoon(h[6], mantelzorger=True, vrijwilliger=True)
    t[6] = _traject(h[6], a, date(2025, 10, 1), afgesloten=date(2026, 2, 10), reden="afgeschaald")
    for n in range(7, 13):
        h[n] = _huishouden(org, wb, f"Huishouden Kaya {n}")
        _persoon(h[n], vrijwilliger=n <= 11, mantelzorger=n == 12)
        t[n] = _traject(h[n], b, date(2026, 1, 5), status=Traject.Status.HEROPEND if n in (8, 9) else None)
    # reopenings: H8 within a year after closing, H9 not
    _statuswijziging(t[8], "afgesloten", date(2025, 12, 1))
    _statuswijziging(t[8], "heropend", date(2026, 2, 1))
    _statuswijziging(t[9], "afgesloten", date(2024, 6, 1))
    _statuswijziging(t[9], "heropend", date(2026, 3, 1))
    # another gemeente: never counted
    h[99] = _huishouden(org, org.andere_gemeente.wijken.first(), "Huishouden Ander", gemeente=org.andere_gemeente)
    _persoon(h[99], mantelzorger=True)
    _traject(h[99], org.team_ander, date(2026, 2, 2))
    # keukentafelgesprekken: first conversations in the quarter after 10, 14 (A) and 4, 30, 20 (B) days
    _gesprek(t[1], date(2025, 12, 1), prof)
    _gesprek(t[2], date(2026, 1, 20), prof)
    _gesprek(t[2], date(2026, 2, 20), prof)  # a second conversation does not count
    _gesprek(t[3], date(2026, 2, 15), prof)
    _gesprek(t[7], date(2026, 1, 9), prof)
    _gesprek(t[10], date(2026, 2, 4), prof)
    _gesprek(t[11], date(2026, 1, 25), prof)
    # plans: H1 before the quarter; H2 (replaced version) and H3 five days after their first conversation
    L = "eigen_kracht", "netwerk", "vrijwilligers", "algemene_voorziening", "professioneel", "maatwerk"
    _plan(t[1], date(2025, 12, 10), acties=[(L[0], None, None), (L[1], date(2026, 1, 15), None),
                                           (L[5], date(2026, 5, 1), None)])
    _plan(t[2], date(2026, 1, 25), status=Plan.Status.VERVANGEN, acties=[(L[4], None, None)])
    _plan(t[3], date(2026, 2, 20), acties=[(L[1], date(2025, 12, 1), date(2025, 12, 31)),
                                           (L[2], date(2026, 2, 15), None)])
    # inhabitants (the latest year up to 2026 counts) and imported panel figures
    WijkInwoners.objects.create(wijk=wa, jaar=2025, aantal=3900)
    WijkInwoners.objects.create(wijk=wa, jaar=2026, aantal=4000)
    WijkInwoners.objects.create(wijk=wb, jaar=2026, aantal=6000)
    WijkInwoners.objects.create(wijk=wb, jaar=2027, aantal=9999)
    weinig = Indicator.objects.get(code="bevolking_weinig_kracht")
    beleid = org.mensen["beleidsmedewerker"]
    for wijk, van, tot, teller, noemer in ((wa, date(2024, 1, 1), date(2024, 12, 31), 10, 100),
                                           (wa, date(2025, 1, 1), date(2025, 12, 31), 40, 400),
                                           (wb, date(2025, 1, 1), date(2025, 12, 31), 90, 600)):
        ImportWaarde.objects.create(gemeente=org.gemeente, indicator=weinig, wijk=wijk, van=van, tot=tot,
                                    teller=teller, noemer=noemer, bron="Test", geimporteerd_door=beleid)
    return Casus(org, h, t)


def bereken(org, periode=KWARTAAL, door=None):
    run = services.start_run(gemeente_id=org.gemeente.pk, periode=periode, door=door, taak=False)
    return services.bereken_run(run_id=run.pk)


def waarde(run, code, gebied=None, *, wijk=None, categorie=""):
    w = run.waarden.filter(indicator__code=code, gebied=gebied, wijk=wijk, categorie=categorie).first()
    return None if w is None else (w.teller, w.noemer, None if w.waarde is None else float(w.waarde))


def maak_meldingen(casus):
    """Meldingen for the quarter (numbers worked out in test_indicatoren_toegang.py)."""
    from datetime import timedelta

    from toegang.models import Melding
    from wijkteams.models import Kanaal, SignaalgeverType

    o, h, t = casus.org, casus.huishoudens, casus.trajecten
    kanalen = {code: Kanaal.objects.create(gemeente=o.gemeente, code=code, naam=naam) for code, naam in
               (("telefoon", "Telefoon"), ("online", "Online formulier"), ("ankerplaats", "Inloop ankerplaats"))}
    inwoner = SignaalgeverType.objects.create(gemeente=o.gemeente, code="inwoner", naam="Inwoner zelf")

    def melding(nr, huishouden, ontvangen, kanaal, soort, team, traject, gemeente=None):
        return Melding.objects.create(
            gemeente=gemeente or o.gemeente, ontvangstnummer=f"T-{nr}", signaalgever_type=inwoner,
            kanaal=kanaal, ontvangen_op=_moment(ontvangen), huishouden=huishouden, vraag="Hulp gevraagd",
            leefgebieden=["financien", "huisvesting"] if soort == "meervoudig" else ["financien"], soort=soort,
            toestemming=True, team=team, traject=traject, onderzoek_uiterlijk=ontvangen + timedelta(weeks=6))

    melding(1, h[2], date(2026, 1, 8), kanalen["telefoon"], "meervoudig", o.team_a, t[2])
    melding(2, h[3], date(2026, 1, 25), kanalen["online"], "meervoudig", o.team_a, t[3])
    melding(3, h[7], date(2026, 1, 2), kanalen["telefoon"], "meervoudig", o.team_b, t[7])
    melding(4, h[10], date(2025, 12, 10), kanalen["telefoon"], "meervoudig", o.team_b, t[10])
    melding(5, h[11], date(2026, 2, 1), kanalen["ankerplaats"], "enkelvoudig", None, None)
    melding(6, h[12], date(2026, 3, 20), kanalen["telefoon"], "meervoudig", o.team_b, t[12])
    ander_kanaal = Kanaal.objects.create(gemeente=o.andere_gemeente, code="telefoon", naam="Telefoon")
    melding(7, h[99], date(2026, 2, 2), ander_kanaal, "meervoudig", None, None, gemeente=o.andere_gemeente)
    return casus


def maak_zrm(casus):
    """ZRM measurements (matrix 2017, all final) for the quarter; numbers worked out in test_indicatoren_zrm.py."""
    from zelfredzaamheid.models import Domein, MatrixVersie, Meting

    versie = MatrixVersie.objects.get(code="2017")
    codes = list(Domein.objects.filter(versie=versie).order_by("volgorde").values_list("code", flat=True))
    o, h, t = casus.org, casus.huishoudens, casus.trajecten
    prof = o.mensen["teamlid"]

    def scores(standaard, **per_code):
        return [per_code.get(c, standaard) for c in codes]

    def meting(persoon, traject, datum, lijst, *, eerste, status="definitief", gemeente=None):
        return Meting.objects.create(
            persoon=persoon, versie=versie, datum=datum, soort="intake" if eerste else "evaluatie", status=status,
            scores=lijst, gescoord_door=prof, is_eerste=eerste and status == "definitief",
            definitief_op=_moment(datum) if status == "definitief" else None, huishouden=persoon.huishouden,
            gemeente=gemeente or o.gemeente, wijk=persoon.huishouden.wijk, gebied=traject.gebied,
            team=traject.team, traject=traject)

    a1, a2 = list(h[1].personen.filter(geboortedatum__lt=date(2000, 1, 1)).order_by("id"))
    meting(a1, t[1], date(2025, 11, 10), scores(3), eerste=True)
    meting(a1, t[1], date(2026, 2, 10), scores(4, sociaal_netwerk=2), eerste=False)
    meting(a2, t[1], date(2026, 1, 15), scores(2), eerste=True)
    meting(h[2].personen.get(), t[2], date(2026, 1, 20), scores(3, financien=None), eerste=True)
    meting(h[3].personen.get(), t[3], date(2026, 2, 20), scores(5), eerste=True)
    meting(h[6].personen.get(), t[6], date(2026, 4, 10), scores(1), eerste=True)  # after the quarter
    meting(h[7].personen.get(), t[7], date(2025, 12, 1), scores(1), eerste=True)
    meting(h[7].personen.get(), t[7], date(2026, 3, 1), scores(3), eerste=False)
    meting(h[10].personen.get(), t[10], date(2026, 2, 1), scores(1), eerste=True, status="concept")
    return casus


def maak_maatwerk(casus):
    """Maatwerk requests, toewijzingen, budget and escalations; numbers worked out in test_indicatoren_maatwerk.py."""
    from decimal import Decimal

    from toegang.models import (
        Aanbieder,
        Aanvraag,
        BudgetRegel,
        Eenheid,
        Frequentie,
        Opschaling,
        OpschalingDoel,
        Product,
        ProductCategorie,
        Toewijzing,
    )

    o, h, t = casus.org, casus.huishoudens, casus.trajecten
    wmo = ProductCategorie.objects.get(wet="wmo", code="02")
    jeugd = ProductCategorie.objects.filter(wet="jeugdwet").first()
    uur, per_week = Eenheid.objects.get(code="04"), Frequentie.objects.get(code="2")
    product = Product.objects.create(gemeente=o.gemeente, categorie=wmo, code="02A01", naam="Begeleiding",
                                     eenheid=uur, tarief=Decimal("30.00"))
    jeugdproduct = Product.objects.create(gemeente=o.gemeente, categorie=jeugd, code="45A01", naam="Jeugdhulp",
                                          tarief=Decimal("50.00"))
    aanbieder = Aanbieder.objects.create(gemeente=o.gemeente, naam="Zorg BV", agb_code="12345678")
    doel = Doel.objects.filter(plan__traject=t[1]).first()
    aanvrager, beslisser = o.mensen["teamlid"], o.mensen["coordinator_eigen_gebied"]

    def aanvraag(traject, datum, status="ingediend", besloten=None):
        return Aanvraag.objects.create(
            doel=doel, traject=traject, huishouden=traject.huishouden, gemeente=o.gemeente, gebied=traject.gebied,
            team=traject.team, client=traject.huishouden.personen.first(), aangevraagd_door=aanvrager,
            aanvraagdatum=datum, product=product, aanbieder=aanbieder, volume=2, eenheid=uur, frequentie=per_week,
            start=datum, eind=date(2026, 12, 31), motivering="Netwerk kan dit niet", status=status,
            besloten_door=beslisser if besloten else None, besloten_op=_moment(besloten) if besloten else None,
            besluitreden="Besluit" if besloten else "")

    aanvraag(t[2], date(2026, 1, 5), "toegekend", date(2026, 1, 12))  # 7 days: in time
    aanvraag(t[3], date(2026, 2, 1), "afgewezen", date(2026, 2, 25))  # 24 days: late
    aanvraag(t[7], date(2025, 12, 20), "toegekend", date(2026, 1, 2))  # requested before, decided in Q1
    aanvraag(t[10], date(2026, 3, 25))  # still open

    nummer = iter(range(1, 100))

    def toewijzing(persoon, traject, start, eind, *, categorie=wmo, volume=None, budget=None, gestopt=None):
        # each toewijzing follows its own granted request, made and decided before the quarter
        toegekend = aanvraag(traject, date(2025, 9, 1), "toegekend", date(2025, 9, 5))
        return Toewijzing.objects.create(
            aanvraag=toegekend, gemeente=o.gemeente, gebied=traject.gebied, toewijzingnummer=f"{next(nummer):08d}",
            aanbieder=aanbieder,
            client=persoon, product=product if categorie == wmo else jeugdproduct, categorie=categorie, start=start,
            eind=eind, volume=volume, eenheid=uur if volume else None, frequentie=per_week if volume else None,
            budget=budget, tarief=Decimal("30.00"), zorg_gestart_op=start if gestopt else None,
            zorg_gestopt_op=gestopt)

    h1_volwassene = h[1].personen.filter(geboortedatum__lt=date(2000, 1, 1)).order_by("id").first()
    toewijzing(h1_volwassene, t[1], date(2025, 10, 1), date(2026, 12, 31), volume=2)
    toewijzing(h1_volwassene, t[1], date(2026, 1, 1), date(2026, 12, 31), budget=Decimal("1000.00"))
    toewijzing(h[2].personen.get(), t[2], date(2026, 2, 1), date(2026, 6, 30), volume=1)
    toewijzing(h[7].personen.get(), t[7], date(2025, 1, 1), date(2026, 12, 31), volume=1, gestopt=date(2025, 12, 1))
    toewijzing(h[8].personen.get(), t[8], date(2026, 1, 1), date(2026, 12, 31), categorie=jeugd,
               budget=Decimal("500.00"))
    BudgetRegel.objects.create(gemeente=o.gemeente, gebied=o.gebied_a, jaar=2026, categorie=wmo,
                               bedrag=Decimal("10000.00"))
    BudgetRegel.objects.create(gemeente=o.gemeente, gebied=o.gebied_b, jaar=2026, categorie=wmo,
                               bedrag=Decimal("5000.00"))

    lzn = OpschalingDoel.objects.create(gemeente=o.gemeente, code="lzn", naam="Lokaal Zorgnetwerk", soort="lzn")
    tafel = OpschalingDoel.objects.create(gemeente=o.gemeente, code="tafel", naam="Bestuurstafel",
                                          soort="bestuurstafel")

    def opschaling(traject, doel_, aangemeld, status="aangemeld", beeindigd=None):
        op = Opschaling.objects.create(traject=traject, huishouden=traject.huishouden, gemeente=o.gemeente,
                                       gebied=traject.gebied, doel=doel_, status=status, reden="Complex",
                                       geprobeerd="Veel", aangemeld_door=aanvrager, besluit="Besluit",
                                       afschaal_instructies="Team pakt het weer op",
                                       beeindigd_op=_moment(beeindigd) if beeindigd else None)
        Opschaling.objects.filter(pk=op.pk).update(aangemeld_op=_moment(aangemeld))

    opschaling(t[1], lzn, date(2026, 1, 10))
    opschaling(t[3], lzn, date(2026, 2, 10), "afgeschaald", date(2026, 3, 20))
    opschaling(t[7], tafel, date(2026, 3, 1))
    opschaling(t[9], lzn, date(2025, 11, 1), "afgesloten", date(2026, 2, 1))  # registered before Q1
    return casus


def maak_gemeenschap(casus):
    """Volunteers, help requests, matches, carers, activities, complaints and survey scores; numbers worked out in
    test_indicatoren_gemeenschap.py."""
    from decimal import Decimal

    from gemeenschap.models import (
        ClientervaringScore,
        CollectieveActiviteit,
        Hulpvraag,
        Klacht,
        Koppeling,
        Mantelzorger,
        MantelzorgSteun,
        Vrijwilliger,
    )

    o, h = casus.org, casus.huishoudens
    makelaar = o.mensen["sociaal_makelaar"]

    def vrijwilliger(naam, wijk, aangemeld, actief=True):
        return Vrijwilliger.objects.create(gemeente=o.gemeente, wijk=wijk, naam=naam, email="", telefoon="",
                                           interesses="", vaardigheden=[], beschikbaarheid=[], organisatie="",
                                           vog_gecontroleerd=False, actief=actief, aangemeld_op=aangemeld)

    def hulpvraag(wijk, ingediend):
        return Hulpvraag.objects.create(gemeente=o.gemeente, wijk=wijk, bron="bewoner", aanvrager="Bewoner",
                                        wat="Boodschappen", vaardigheden=[], wanneer=[], hoe_vaak="wekelijks",
                                        vog_nodig=False, status="gekoppeld", ingediend_op=ingediend,
                                        ingediend_door=makelaar)

    v1 = vrijwilliger("Vrijwilliger A", o.wijk_a, date(2025, 5, 1))
    v2 = vrijwilliger("Vrijwilliger B", o.wijk_b, date(2026, 2, 1))
    vrijwilliger("Gestopt", o.wijk_b, date(2025, 1, 1), actief=False)
    vrijwilliger("Later", o.wijk_a, date(2026, 4, 2))
    q1 = hulpvraag(o.wijk_a, date(2026, 1, 10))
    q2 = hulpvraag(o.wijk_a, date(2026, 2, 1))
    q3 = hulpvraag(o.wijk_b, date(2025, 12, 1))
    for vraag, vrijw, accepted in ((q1, v1, date(2026, 1, 20)), (q2, v1, date(2026, 2, 21)),
                                   (q3, v2, date(2026, 1, 9))):
        Koppeling.objects.create(hulpvraag=vraag, vrijwilliger=vrijw, status="geaccepteerd", toelichting="",
                                 voorgesteld_op=vraag.ingediend_op, geaccepteerd_op=accepted,
                                 voorgesteld_door=makelaar)
    mz = Mantelzorger.objects.create(gemeente=o.gemeente, wijk=o.wijk_a, huishouden=h[1], zorgt_voor="Moeder",
                                     persoon=h[1].personen.order_by("id").first(),
                                     uren_per_week=Decimal("10"), sinds=date(2024, 1, 1), geregistreerd_door=makelaar)
    MantelzorgSteun.objects.create(mantelzorger=mz, soort="respijtzorg", datum=date(2026, 2, 2), toelichting="")
    MantelzorgSteun.objects.create(mantelzorger=mz, soort="waardering", datum=date(2026, 3, 2), toelichting="")
    for gebied, start, bereik in ((o.gebied_a, date(2026, 1, 15), 25), (o.gebied_a, date(2026, 3, 1), 12),
                                  (o.gebied_b, date(2025, 12, 1), 40)):
        CollectieveActiviteit.objects.create(gemeente=o.gemeente, gebied=gebied, soort="ontmoeting", titel="Inloop",
                                             partner="Welzijn", startdatum=start, omschrijving="", bereik=bereik)
    for gebied, ontvangen in ((o.gebied_a, date(2026, 1, 5)), (None, date(2026, 2, 5)), (o.gebied_b,
                                                                                         date(2026, 4, 5))):
        Klacht.objects.create(gemeente=o.gemeente, gebied=gebied, ontvangen_op=ontvangen, onderwerp="Wachttijd",
                              behandeling="", uitkomst="", status="ontvangen",
                              uiterlijk_afgehandeld=ontvangen + timedelta_dagen(42), geregistreerd_door=makelaar)
    vraag = "Ik ben tevreden over de ondersteuning"
    ClientervaringScore.objects.create(gemeente=o.gemeente, gebied=o.gebied_a, jaar=2025, vraag=vraag,
                                       score=Decimal("80.0"), respondenten=40)
    ClientervaringScore.objects.create(gemeente=o.gemeente, gebied=o.gebied_b, jaar=2025, vraag=vraag,
                                       score=Decimal("70.0"), respondenten=60)
    ClientervaringScore.objects.create(gemeente=o.gemeente, gebied=o.gebied_a, jaar=2024, vraag=vraag,
                                       score=Decimal("50.0"), respondenten=3)
    return casus


def timedelta_dagen(n):
    from datetime import timedelta

    return timedelta(days=n)
