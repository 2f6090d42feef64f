"""PostgreSQL restarted during a burst of requests and a running task: the pages answer again without a restart
of the app (CONN_HEALTH_CHECKS), only requests in flight at that moment fail, and the task is retried
(autoretry on OperationalError/InterfaceError) and finishes once."""

import glob
import subprocess
import threading
import time
import urllib.error
import urllib.request
import zlib

import pytest
from django.conf import settings
from django.db import close_old_connections, connection

from common.models import Uitgaand
from monitoring import services as monitoring_services
from monitoring.models import MonitorRun
from tests.monitoring.casus import KWARTAAL
from tests.storingen.conftest import Slot, wacht_tot

pytestmark = [pytest.mark.storing, pytest.mark.celery_worker, pytest.mark.serieel,
              pytest.mark.django_db(transaction=True)]


def herstart_postgres():
    """Restart the test cluster (fast shutdown: every connection is cut), as a failover or an update would."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('data_directory')")
        map_ = cursor.fetchone()[0]
    pg_ctl = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1]
    subprocess.run(["runuser", "-u", "postgres", "--", pg_ctl, "-D", map_, "-l", f"{map_}/postgresql.log",
                    "-m", "fast", "-w", "-t", "60", "restart"], check=True, cwd="/", capture_output=True)


def test_herstart_tijdens_verzoeken_en_een_lopende_taak(celery_worker_proces, casus, client, live_server):
    """Requests go to a real server thread (live_server): Django's test client skips the connection checks a
    real request does (close_old_connections), so it would not show the recovery."""
    gemeente = casus.org.gemeente
    client.force_login(casus.org.mensen["beleidsmedewerker"])
    pagina = live_server.url + "/monitoring/"
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    assert _vraag(pagina, cookie) == 200
    sleutel = zlib.crc32(f"monitor:{gemeente.pk}:{KWARTAAL.van}:{KWARTAAL.tot}".encode())
    slot = Slot(("SELECT pg_advisory_lock(%s)", [sleutel]))  # holds the run in the middle of its transaction
    run = monitoring_services.start_run(gemeente_id=gemeente.pk, periode=KWARTAAL,
                                        door=casus.org.mensen["beleidsmedewerker"])
    wacht_tot(lambda: slot.wachtenden() > 0, uitleg="de run loopt en wacht")

    herstart = threading.Thread(target=herstart_postgres)
    tijdens = []
    herstart.start()
    while herstart.is_alive():
        tijdens.append(_vraag(pagina, cookie))
        time.sleep(0.05)
    herstart.join()
    slot.verbinding.close()  # cut by the restart; its lock went with it
    close_old_connections()  # this test's own connection was cut too
    na = [_vraag(pagina, cookie) for _ in range(20)]
    assert na == [200] * 20, na  # nothing lost after the restart, and no restart of the app was needed
    # while the database was down a request could fail (500), nothing else happened
    assert tijdens and set(tijdens) <= {200, 500}, tijdens

    wacht_tot(lambda: Uitgaand.objects.filter(taak="monitoring.tasks.bereken_monitor",
                                              afgerond_op__isnull=False).exists(),
              seconden=120, uitleg="de onderbroken run is opnieuw geprobeerd en klaar")
    run.refresh_from_db()
    assert run.status == MonitorRun.Status.KLAAR, run.fout
    assert MonitorRun.objects.filter(gemeente=gemeente, label=KWARTAAL.label).count() == 1


def _vraag(url, cookie):
    verzoek = urllib.request.Request(url, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(verzoek, timeout=30) as antwoord:  # noqa: S310 (our own live server)
            return antwoord.status
    except urllib.error.HTTPError as fout:
        return fout.code
