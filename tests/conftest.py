"""Shared fixtures: an organisation with two gebieden and a second gemeente, a real Celery worker,
and a real Chromium for end-to-end tests."""

import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

import pytest

from tests.factories import GebiedFactory, GemeenteFactory, WijkFactory, maak_gebruiker, maak_team
from wijkteams import rollen

# Playwright's sync API runs an event loop in the test thread; Django checks this at query time, not import time.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@dataclass
class Organisatie:
    gemeente: object
    gebied_a: object
    gebied_b: object
    wijk_a: object
    wijk_b: object
    team_a: object  # Sociaal team gebied A
    team_a_jgt: object
    team_b: object
    andere_gemeente: object
    team_ander: object
    mensen: dict = field(default_factory=dict)


def zet_celery_op(url):
    """Point this process's Celery app (broker and results) at the Redis on ``url``."""
    from config.celery import app

    app.conf.broker_url = url
    app.conf.result_backend = url
    app._backend_cache = None
    app._local.__dict__.pop("backend", None)
    # a new pool; the old one is left to the garbage collector, not closed: other objects (the control
    # mailbox, producer pools) may still hold it, and a closed pool fails every later test ("Acquire on closed pool")
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture(scope="session", autouse=True)
def eigen_redis_en_media_per_testproces(worker_id, tmp_path_factory):
    """bin/test runs the suite in two processes (pytest-xdist). Each has its own test database (pytest-django),
    and here its own Redis database (cache, throttles, the broker of a real worker it starts) and its own media
    folder, so the processes never see each other's rate limits, tasks or files."""
    if worker_id == "master":
        yield
        return
    from django.conf import settings
    from django.test.utils import override_settings

    url = re.sub(r"/\d*$", f"/{int(worker_id.removeprefix('gw')) + 1}", settings.REDIS_URL)
    caches = {"default": dict(settings.CACHES["default"], LOCATION=url)} if "LOCATION" in settings.CACHES[
        "default"] else settings.CACHES
    media = tmp_path_factory.mktemp("media")
    oud_env = {k: os.environ.get(k) for k in ("REDIS_URL", "MEDIA_ROOT")}
    os.environ.update(REDIS_URL=url, MEDIA_ROOT=str(media))
    with override_settings(REDIS_URL=url, CACHES=caches, CELERY_BROKER_URL=url, CELERY_RESULT_BACKEND=url,
                           MEDIA_ROOT=media):
        zet_celery_op(url)
        yield
    zet_celery_op(oud_env["REDIS_URL"] or settings.REDIS_URL)
    for k, v in oud_env.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test with ``serialized_rollback`` Django flushes without post_migrate (it expects the next test
    to reload the data itself), so every later test would find no permissions, content types or rows of the
    data migrations. Put the database back as it was after the migrations, whatever runs next."""
    resultaat = yield
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("serialized_rollback"):
        from django.db import connection
        from pytest_django.plugin import blocking_manager_key

        inhoud = getattr(connection, "_test_serialized_contents", None)
        if inhoud:
            with item.config.stash[blocking_manager_key].unblock():
                connection.creation.deserialize_db_from_string(inhoud)
    return resultaat


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    """PBKDF2 costs ~0.3 s per user; tests create many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def vernietigingslog_tmp(settings, tmp_path, monkeypatch):
    """The destruction record of a test goes to its own temporary file (also for a real worker)."""
    settings.VERNIETIGINGSLOG = tmp_path / "vernietigingslog.jsonl"
    monkeypatch.setenv("VERNIETIGINGSLOG", str(settings.VERNIETIGINGSLOG))


@pytest.fixture(autouse=True)
def tweestaps_uit_waar_niet_getest(settings):
    """Two factors are required in every profile (config.settings). Most tests log in with force_login to
    test something else; like the local demo they switch it off. tests/inloggen switches it on again."""
    settings.TWEE_FACTOR_VERPLICHT = False


@pytest.fixture
def org(db):
    gemeente = GemeenteFactory(naam="Ridderkerk", cbs_code="0597")
    gebied_a = GebiedFactory(gemeente=gemeente, naam="Bolnes/Slikkerveer")
    gebied_b = GebiedFactory(gemeente=gemeente, naam="Centrum/Oost/West")
    wijk_a = WijkFactory(gemeente=gemeente, gebied=gebied_a, naam="Bolnes", cbs_code="WK059701")
    wijk_b = WijkFactory(gemeente=gemeente, gebied=gebied_b, naam="Centrum", cbs_code="WK059703")
    team_a = maak_team(gebied_a)
    team_a_jgt = maak_team(gebied_a, jgt=True)
    team_b = maak_team(gebied_b)
    ander = GemeenteFactory(naam="Alblasserdam", cbs_code="0482")
    gebied_ander = GebiedFactory(gemeente=ander, naam="Alblasserdam")
    WijkFactory(gemeente=ander, gebied=gebied_ander, naam="Kinderdijk", cbs_code="WK048201")
    team_ander = maak_team(gebied_ander)
    o = Organisatie(gemeente, gebied_a, gebied_b, wijk_a, wijk_b, team_a, team_a_jgt, team_b, ander, team_ander)
    M = rollen
    o.mensen = {
        "teamlid": maak_gebruiker(gemeente, M.MEDEWERKER, username="teamlid", teams=[team_a]),
        "teamlid_jgt": maak_gebruiker(gemeente, M.MEDEWERKER, username="teamlid_jgt", teams=[team_a_jgt]),
        "medewerker_ander_team": maak_gebruiker(gemeente, M.MEDEWERKER, username="ander_team", teams=[team_b]),
        "coordinator_eigen_gebied": maak_gebruiker(gemeente, M.COORDINATOR, username="coord_a",
                                                   coordinator_van=[gebied_a]),
        "coordinator_ander_gebied": maak_gebruiker(gemeente, M.COORDINATOR, username="coord_b",
                                                   coordinator_van=[gebied_b]),
        "beleidsmedewerker": maak_gebruiker(gemeente, M.BELEIDSMEDEWERKER, username="beleid"),
        "lzn": maak_gebruiker(gemeente, M.LZN, username="lzn"),
        "beheer": maak_gebruiker(gemeente, M.FUNCTIONEEL_BEHEER, username="beheer"),
        "sociaal_makelaar": maak_gebruiker(gemeente, M.SOCIAAL_MAKELAAR, username="makelaar"),
        "bestuurstafel": maak_gebruiker(gemeente, M.BESTUURSTAFEL, username="bestuurstafel"),
        "medewerker_andere_gemeente": maak_gebruiker(ander, M.MEDEWERKER, username="ander", teams=[team_ander]),
        "coordinator_andere_gemeente": maak_gebruiker(ander, M.COORDINATOR, username="coord_ander",
                                                      coordinator_van=[gebied_ander]),
    }
    return o


# --- a real Celery worker against the test database and the real Redis ----------------------------

def start_celery_worker(settings, *pool):
    """Start ``celery -A config worker`` (default ``--pool solo``) on the test database; wait until it answers."""
    from django.db import connection

    env = dict(os.environ, DB_NAME=connection.settings_dict["NAME"], CELERY_TASK_ALWAYS_EAGER="false",
               EMAIL_BACKEND=os.environ.get("WORKER_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"))
    proces = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", *(pool or ("--pool", "solo")), "-l", "warning",
         "--without-heartbeat", "--without-gossip", "--without-mingle", "-Q", "celery"],
        # A file, not a pipe: a worker logging reconnects (fault tests) must never block on a full pipe.
        env=env, cwd=str(settings.BASE_DIR), stdout=subprocess.DEVNULL, stderr=tempfile.TemporaryFile(),  # noqa: SIM115
    )
    from config.celery import app

    deadline = time.monotonic() + 150  # a loaded CI machine needs long to import Django and Celery
    while time.monotonic() < deadline:
        if proces.poll() is not None:
            proces.stderr.seek(0)
            raise RuntimeError("Celery-worker stopte direct: " + proces.stderr.read().decode()[-2000:])
        # a connection of its own: an earlier test (Redis stopped/frozen) may have closed the app's shared pool
        with app.connection_for_write() as verbinding:
            if app.control.ping(timeout=0.5, connection=verbinding):
                return proces
    proces.kill()
    raise RuntimeError("Celery-worker reageerde niet binnen 150 s")


def stop_celery_worker(proces):
    proces.terminate()
    try:
        proces.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proces.kill()
        proces.wait(timeout=20)


@pytest.fixture
def celery_worker_proces(transactional_db, settings):
    """A real worker as a subprocess on the test database; stopped afterwards.

    Tests using it must commit their data (transactional_db), since the worker is another process.
    """
    proces = start_celery_worker(settings)
    yield proces
    stop_celery_worker(proces)


# --- a real Chromium ----------------------------------------------------------------------------

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=os.environ.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS,
        )
        yield browser
        browser.close()


@pytest.fixture
def pagina(chromium, live_server):
    context = chromium.new_context(locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base_url = live_server.url
    yield page
    context.close()


def log_in(page, username, wachtwoord):
    page.goto(page.base_url + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
