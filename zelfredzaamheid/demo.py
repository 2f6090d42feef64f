"""Demo ZRM measurements for the adults in the demo households: an intake when the traject got going, one or two
evaluations about a quarter apart (most improve a little, some do not) and an eindmeting for closed trajecten.

Written in bulk (the demo has ~300 households); the first measurement per person is marked in one UPDATE.
Idempotent: nothing happens when the demo gemeente already has measurements.
"""

import random
from datetime import timedelta

from django.db import connection
from django.utils import timezone

from huishoudens.models import Persoon, RegisseurToewijzing, Traject
from wijkteams.models import Gemeente
from zelfredzaamheid.models import MatrixVersie, Meting


def _intake_scores(rng, domeinen, leeftijd):
    scores, nvt = [], []
    for d in domeinen:
        if (d.code == "werk_opleiding" and leeftijd >= 67) or (d.code == "justitie" and rng.random() < 0.5):
            scores.append(None)
            nvt.append(d.code)
        elif rng.random() < 0.04:
            scores.append(None)  # niet gescoord
        else:
            scores.append(rng.choices([1, 2, 3, 4, 5], weights=[6, 22, 34, 26, 12])[0])
    return scores, nvt


def _volgende(rng, scores, verbetert):
    nieuw = []
    for s in scores:
        if s is None:
            nieuw.append(None)
        elif verbetert:
            nieuw.append(min(5, s + (1 if rng.random() < 0.35 else 0)))
        else:
            nieuw.append(max(1, min(5, s + rng.choice([-1, 0, 0, 0, 1]))))
    return nieuw


def laad(stdout=None):
    ridderkerk = Gemeente.objects.filter(cbs_code="0597").first()
    versie = MatrixVersie.objects.filter(actief=True).first()
    if ridderkerk is None or versie is None or Meting.objects.filter(gemeente=ridderkerk).exists():
        return {}
    domeinen = list(versie.domeinen.order_by("volgorde"))
    vandaag = timezone.localdate()
    rng = random.Random(2017)
    trajecten = list(
        Traject.objects.filter(huishouden__gemeente=ridderkerk)
        .exclude(status=Traject.Status.AANGEMELD)
        .select_related("huishouden", "team")
        .order_by("id")
    )
    regisseurs = {}
    for t in RegisseurToewijzing.objects.filter(traject__in=trajecten).order_by("van", "id"):
        regisseurs[t.traject_id] = t.regisseur_id
    personen = {}
    for p in Persoon.objects.filter(huishouden__in=[t.huishouden_id for t in trajecten], samengevoegd_in__isnull=True):
        personen.setdefault(p.huishouden_id, []).append(p)
    nu = timezone.now()
    rijen = []
    for traject in trajecten:
        door = regisseurs.get(traject.pk)
        if door is None:
            continue
        h = traject.huishouden
        basis = {"huishouden": h, "gemeente_id": h.gemeente_id, "wijk_id": h.wijk_id, "gebied_id": traject.gebied_id,
                 "team_id": traject.team_id, "traject": traject, "versie": versie, "gescoord_door_id": door}
        for persoon in personen.get(h.pk, []):
            if persoon.is_minderjarig(vandaag):
                continue
            intake = min(traject.aangemeld_op + timedelta(days=rng.randint(10, 30)), vandaag)
            scores, nvt = _intake_scores(rng, domeinen, persoon.leeftijd(intake))
            concept = traject.status == Traject.Status.IN_ONDERZOEK and rng.random() < 0.3
            rijen.append(Meting(persoon=persoon, datum=intake, soort=Meting.Soort.INTAKE, scores=scores,
                                niet_van_toepassing=nvt, client_akkoord=True if not concept else None,
                                status=Meting.Status.CONCEPT if concept else Meting.Status.DEFINITIEF,
                                definitief_op=None if concept else nu, **basis))
            if traject.status == Traject.Status.IN_ONDERZOEK:
                continue
            verbetert = rng.random() < 0.75
            einde = traject.afgesloten_op or vandaag
            datum = intake
            for _n in range(2):
                volgende = datum + timedelta(days=rng.randint(80, 120))
                if volgende > einde:
                    break
                datum = volgende
                scores = _volgende(rng, scores, verbetert)
                rijen.append(Meting(persoon=persoon, datum=datum, soort=Meting.Soort.EVALUATIE, scores=scores,
                                    niet_van_toepassing=nvt, client_akkoord=rng.random() < 0.9,
                                    status=Meting.Status.DEFINITIEF, definitief_op=nu, **basis))
            if traject.status == Traject.Status.AFGESLOTEN and traject.afgesloten_op > datum:
                scores = _volgende(rng, scores, verbetert)
                rijen.append(Meting(persoon=persoon, datum=traject.afgesloten_op, soort=Meting.Soort.AFSLUITING,
                                    scores=scores, niet_van_toepassing=nvt, client_akkoord=True,
                                    status=Meting.Status.DEFINITIEF, definitief_op=nu, **basis))
    Meting.objects.bulk_create(rijen, batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute(
            """UPDATE zelfredzaamheid_meting SET is_eerste = true WHERE id IN (
                 SELECT DISTINCT ON (persoon_id, versie_id) id FROM zelfredzaamheid_meting
                 WHERE gemeente_id = %s AND status = 'definitief' ORDER BY persoon_id, versie_id, datum, id)""",
            [ridderkerk.pk],
        )
    if stdout:
        stdout.write(f"ZRM-metingen: {len(rijen)}")
    return {}
