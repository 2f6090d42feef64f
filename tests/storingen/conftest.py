"""Fault tests: their own Redis (stopped, frozen with SIGSTOP, started again), a real Celery worker on it, and
helpers to wait for a side effect. Marked ``storing``; bin/test runs them with the rest."""

import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from tests.conftest import start_celery_worker, stop_celery_worker, zet_celery_op
from tests.monitoring.conftest import casus  # noqa: F401
from tests.toegang_maatwerk.conftest import mw  # noqa: F401  (the maatwerk catalogue and a Wmo-consulent)
from tests.toegang_melding.conftest import cat  # noqa: F401
from tests.toegang_melding.test_partner_api import partners  # noqa: F401

pytestmark = pytest.mark.storing


@pytest.fixture(autouse=True)
def media_tmp(settings, tmp_path, monkeypatch):
    """Stored files go to a temporary folder, for this process and for a real worker started by the test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setenv("MEDIA_ROOT", str(tmp_path / "media"))


def vrije_poort():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class EigenRedis:
    """A redis-server of this test only, on 127.0.0.1, without persistence."""

    def __init__(self):
        self.poort = vrije_poort()
        self.url = f"redis://127.0.0.1:{self.poort}/0"
        self.proces = None

    def start(self):
        self.proces = subprocess.Popen(
            ["redis-server", "--port", str(self.poort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.poort), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("eigen Redis startte niet")

    def stop(self):
        if self.proces is not None and self.proces.poll() is None:
            self.proces.send_signal(signal.SIGCONT)
            self.proces.terminate()
            self.proces.wait(timeout=10)
        self.proces = None

    def bevries(self):
        """As a hung server: the port still accepts connections, nothing answers."""
        self.proces.send_signal(signal.SIGSTOP)

    def ontdooi(self):
        self.proces.send_signal(signal.SIGCONT)


@pytest.fixture
def redis(settings, monkeypatch):
    """Cache, throttles and Celery of this process (and of a worker started after it) on an own Redis."""
    eigen = EigenRedis()
    eigen.start()
    oud = os.environ.get("REDIS_URL", settings.REDIS_URL)
    monkeypatch.setenv("REDIS_URL", eigen.url)
    caches = {"default": dict(settings.CACHES["default"], LOCATION=eigen.url)}
    settings.CACHES = caches
    zet_celery_op(eigen.url)
    yield eigen
    eigen.stop()
    zet_celery_op(oud)


@pytest.fixture
def werker(redis, request):
    """A real Celery worker (prefork, one child) on the own Redis."""
    return request.getfixturevalue("celery_worker_proces")


def wacht_tot(voorwaarde, seconden=60, uitleg="voorwaarde"):
    deadline = time.monotonic() + seconden
    while time.monotonic() < deadline:
        if voorwaarde():
            return
        time.sleep(0.2)
    raise AssertionError(f"niet binnen {seconden} s: {uitleg}")


# --- a worker that can be killed in the middle of a task ------------------------------------------------

@pytest.fixture
def prefork_werker(transactional_db, settings):
    """Start a real prefork worker (one child) with ``start()``; the child runs the tasks and can be killed."""
    gestart = []

    def start():
        gestart.append(start_celery_worker(settings, "--pool", "prefork", "--concurrency", "1"))
        return gestart[-1]

    yield start
    for proces in gestart:
        stop_celery_worker(proces)


def kinderen(pid):
    pad = f"/proc/{pid}/task/{pid}/children"
    with open(pad) as f:
        return [int(p) for p in f.read().split()]


class Slot:
    """A lock held by a second database connection, so a task blocks at a known point in the middle."""

    def __init__(self, *sql_en_args):
        import psycopg
        from django.db import connection

        d = connection.settings_dict
        self.db = d["NAME"]
        self.verbinding = psycopg.connect(host=d["HOST"], port=d["PORT"], dbname=d["NAME"], user=d["USER"],
                                          password=d["PASSWORD"] or None, autocommit=False)
        for sql, args in sql_en_args:
            self.verbinding.execute(sql, args)

    def wachtenden(self):
        """Backends of the test database that wait for a lock (the worker's, blocked on this one)."""
        from django.db import connection

        with connection.cursor() as cur:
            cur.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
                        [self.db])
            return cur.fetchone()[0]

    def los(self):
        self.verbinding.rollback()
        self.verbinding.close()


def dood_kind_midden_in_taak(werker, slot):
    """Wait until the worker's child blocks on ``slot`` (mid-task), SIGKILL it, then release the lock."""
    wacht_tot(lambda: slot.wachtenden() > 0, uitleg="de taak wacht op het slot")
    (kind,) = kinderen(werker.pid)
    os.kill(kind, signal.SIGKILL)
    wacht_tot(lambda: kind not in kinderen(werker.pid), uitleg="het kind is weg")
    slot.los()


def start_beat(settings, tmp_path):
    """A real ``celery beat`` with the database scheduler, on the test database."""
    from django.db import connection

    env = dict(os.environ, DB_NAME=connection.settings_dict["NAME"])
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "beat", "-l", "warning",
         "-S", "django_celery_beat.schedulers:DatabaseScheduler", "--pidfile", str(tmp_path / "beat.pid")],
        env=env, cwd=str(settings.BASE_DIR), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
