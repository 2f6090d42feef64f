"""Benchmark (bin/bench, not CI): what logging every read costs on the household list and the dossier page.

A regisseur with a full page (50) of households; the page "mijn huishoudens" (one audit row per household shown,
one bulk INSERT), the API list /api/v1/huishoudens/ (idem) and the dossier page (one row). Each is requested
many times with logging on and with the audit writes replaced by nothing, interleaved so both see the same
machine load; the medians are printed as a ratio. Target: under 1.1×. Asserts that the logging really wrote its
rows (and the baseline none), not how fast it is.
"""

import statistics
import time

import pytest
from django.test import Client

from audit import log
from audit.models import AuditEvent
from tests.factories import maak_gebruiker
from tests.huishoudens.factories import maak_dossier
from wijkteams import rollen

pytestmark = pytest.mark.django_db

AANTAL = 50
HERHALINGEN = 40


def _meet(client, url):
    begin = time.perf_counter()
    antwoord = client.get(url)
    duur = time.perf_counter() - begin
    assert antwoord.status_code == 200, url
    return duur


def test_leeslog_kost_minder_dan_tien_procent(org, monkeypatch):
    regisseur = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="bench-regisseur", teams=[org.team_a])
    huishoudens = [maak_dossier(org, regisseur=regisseur, naam=f"Familie Bench {i}", personen=3)
                   for i in range(AANTAL)]
    client = Client()
    client.force_login(regisseur)
    paginas = {"lijst (pagina)": "/huishoudens/", "lijst (API)": "/api/v1/huishoudens/",
               "dossier": huishoudens[0].get_absolute_url()}
    echt = {"getoond": log.getoond, "gelezen": log.gelezen}
    for url in paginas.values():  # warm up caches, templates, connections
        _meet(client, url)

    tijden = {(naam, stand): [] for naam in paginas for stand in ("met", "zonder")}
    rijen = {}
    for stand in ("met", "zonder") * HERHALINGEN:
        for naam, url in paginas.items():
            if stand == "zonder":
                monkeypatch.setattr(log, "getoond", lambda *a, **k: [])
                monkeypatch.setattr(log, "gelezen", lambda *a, **k: None)
            else:
                monkeypatch.setattr(log, "getoond", echt["getoond"])
                monkeypatch.setattr(log, "gelezen", echt["gelezen"])
            voor = AuditEvent.objects.count()
            tijden[(naam, stand)].append(_meet(client, url))
            rijen.setdefault((naam, stand), set()).add(AuditEvent.objects.count() - voor)

    print()
    for naam in paginas:
        met = statistics.median(tijden[(naam, "met")]) * 1000
        zonder = statistics.median(tijden[(naam, "zonder")]) * 1000
        print(f"{naam:<16} met log {met:7.1f} ms   zonder {zonder:7.1f} ms   verhouding {met / zonder:.3f}× "
              f"(doel < 1.1×; {rijen[(naam, 'met')]} rijen per verzoek)")
    assert rijen[("lijst (pagina)", "met")] == {AANTAL} and rijen[("lijst (API)", "met")] == {AANTAL}
    assert rijen[("dossier", "met")] == {1}
    assert all(rijen[(naam, "zonder")] == {0} for naam in paginas)
