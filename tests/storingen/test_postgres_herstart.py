"""PostgreSQL restarted during a burst of requests and a running task: the pages answer again without a restart
of the app (CONN_HEALTH_CHECKS), only requests in flight at that moment fail, and the task is retried
(autoretry on OperationalError/InterfaceError) and finishes once."""

import glob
import subprocess
import threading
import time
import zlib

import pytest
from django.db import close_old_connections, connection

from common.models import Uitgaand
from monitoring import services as monitoring_services
from monitoring.models import MonitorRun
from tests.monitoring.conftest import KWARTAAL
from tests.storingen.conftest import Slot, wacht_tot

pytestmark = [pytest.mark.storing, pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]


def herstart_postgres():
    """Restart the test cluster (fast shutdown: every connection is cut), as a failover or an update would."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('data_directory')")
        map_ = cursor.fetchone()[0]
    pg_ctl = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1]
    subprocess.run(["runuser", "-u", "postgres", "--", pg_ctl, "-D", map_, "-l", f"{map_}/postgresql.log",
                    "-m", "fast", "-w", "-t", "60", "restart"], check=True, cwd="/", capture_output=True)


def test_herstart_tijdens_verzoeken_en_een_lopende_taak(celery_worker_proces, casus, client):
    gemeente = casus.org.gemeente
    client.force_login(casus.org.mensen["beleidsmedewerker"])
    pagina = "/monitoring/"
    assert client.get(pagina).status_code == 200
    sleutel = zlib.crc32(f"monitor:{gemeente.pk}:{KWARTAAL.van}:{KWARTAAL.tot}".encode())
    slot = Slot(("SELECT pg_advisory_lock(%s)", [sleutel]))  # holds the run in the middle of its transaction
    run = monitoring_services.start_run(gemeente_id=gemeente.pk, periode=KWARTAAL,
                                        door=casus.org.mensen["beleidsmedewerker"])
    wacht_tot(lambda: slot.wachtenden() > 0, uitleg="de run loopt en wacht")

    herstart = threading.Thread(target=herstart_postgres)
    tijdens, na = [], []
    herstart.start()
    while herstart.is_alive():
        tijdens.append(_vraag(client, pagina))
        time.sleep(0.05)
    herstart.join()
    slot.verbinding.close()  # cut by the restart; its lock went with it
    for _ in range(20):
        na.append(_vraag(client, pagina))
    assert na == [200] * 20, na  # nothing lost after the restart, no restart of the app needed
    # while the database was down a request fails with a database error (caught as such), never otherwise
    assert tijdens and set(tijdens) <= {200, "OperationalError", "InterfaceError"}, tijdens

    wacht_tot(lambda: Uitgaand.objects.filter(taak="monitoring.tasks.bereken_monitor",
                                              afgerond_op__isnull=False).exists(),
              seconden=90, uitleg="de onderbroken run is opnieuw geprobeerd en klaar")
    run.refresh_from_db()
    assert run.status == MonitorRun.Status.KLAAR, run.fout
    assert MonitorRun.objects.filter(gemeente=gemeente, label=KWARTAAL.label).count() == 1
    close_old_connections()


def _vraag(client, pad):
    try:
        return client.get(pad).status_code
    except Exception as fout:  # the request in flight when the connection was cut
        return type(fout).__name__
