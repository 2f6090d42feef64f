"""Demo monitoring: runs for every quarter since the demo households' history starts (the first is the
nulmeting), computed synchronously (not via the worker), the gemeente PDF of the latest quarter made (those per
gebied by the worker after commit), imported
resident-panel figures per wijk (clearly marked as fictitious), and an action recorded beside a number.

Idempotent: quarters that already have a finished run are skipped; nothing is added twice.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.utils import timezone

from common.taken import plan_na_commit
from monitoring import perioden, rapport, services
from monitoring.models import ImportWaarde, Indicator, MonitorActie, MonitorBestand, MonitorRun
from wijkteams.models import Gebied, Gemeente, Wijk

EERSTE_KWARTAAL = (2025, 3)  # the demo households have trajecten from 2025-07-01
PANEL = {  # indicator → share (‰) per wijk index, fictitious
    "bevolking_weinig_kracht": [62, 88, 71, 95, 54, 80, 67, 77],
    "bevolking_mantelzorgt": [140, 121, 133, 150, 128, 117, 139, 124],
    "bevolking_onvoldoende_contacten": [81, 104, 92, 110, 76, 99, 85, 90],
    "bevolking_vrijwilligerswerk": [270, 231, 248, 219, 285, 240, 262, 251],
}


def kwartalen(tot_en_met):
    jaar, k = EERSTE_KWARTAAL
    uit = []
    while True:
        kw = perioden.kwartaal(jaar, k)
        if kw.tot > tot_en_met:
            return uit
        uit.append(kw)
        jaar, k = (jaar + 1, 1) if k == 4 else (jaar, k + 1)


def _panel(gemeente, door):
    indicatoren = {i.code: i for i in Indicator.objects.filter(code__in=PANEL)}
    for n, wijk in enumerate(Wijk.objects.filter(gemeente=gemeente).order_by("cbs_code")):
        for code, promilles in PANEL.items():
            respondenten = 300 + 37 * n
            ImportWaarde.objects.get_or_create(
                indicator=indicatoren[code], wijk=wijk, van=date(2025, 1, 1), tot=date(2025, 12, 31),
                defaults={"gemeente": gemeente, "teller": respondenten * promilles[n % len(promilles)] // 1000,
                          "noemer": respondenten, "bron": "Demo: bewonerspanel 2025 (fictieve cijfers)",
                          "geimporteerd_door": door},
            )


def laad(stdout=None):
    User = get_user_model()
    laatste_kwartaal = perioden.vorig_kwartaal(timezone.localdate())
    for code, gebruikersnaam in (("0597", "beleid"), ("0482", "alblasserdam-beleid")):
        gemeente = Gemeente.objects.filter(cbs_code=code).first()
        beleid = User.objects.filter(username=gebruikersnaam).first() or User.objects.filter(
            username="beleid").first()
        if gemeente is None or beleid is None:
            continue
        _panel(gemeente, beleid)
        runs = []
        for kw in kwartalen(laatste_kwartaal.tot):
            run = MonitorRun.objects.filter(gemeente=gemeente, van=kw.van, tot=kw.tot,
                                            status=MonitorRun.Status.KLAAR).first()
            if run is None:
                run = services.start_run(gemeente_id=gemeente.pk, periode=kw, via=MonitorRun.Via.DEMO, taak=False)
                run = services.bereken_run(run_id=run.pk)
            runs.append(run)
        if len(runs) >= 2 and gemeente.cbs_code == "0597":
            vorige = runs[-2]
            if not MonitorActie.objects.filter(gemeente=gemeente, periode_van=vorige.van).exists():
                indicator = Indicator.objects.get(code="hh_afgesloten")
                gebied = Gebied.objects.filter(gemeente=gemeente).order_by("naam").first()
                services.leg_actie_vast(
                    run=vorige, indicator=indicator, gebied=gebied, door=beleid,
                    tekst="Casusoverleg over trajecten die lang openstaan; afschalen naar eigen kracht en netwerk "
                          "besproken met de coördinator.",
                )
        if runs and not MonitorBestand.objects.filter(run=runs[-1], gebied=None).exists():
            # the gemeente's PDF now; the worker makes those per gebied after the demo commits (a download
            # before that makes one on the spot: rapport.pdf_van)
            rapport.sla_pdf_op(runs[-1], None)
            plan_na_commit("monitoring.tasks.maak_monitor_pdfs", runs[-1].pk)
    return {}
