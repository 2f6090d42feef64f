"""Fixtures for maatwerk and opschaling: the catalogue, mandate register, a Wmo-consulent and dossiers."""

import pytest

from tests.factories import DisciplineFactory, maak_gebruiker
from tests.toegang_maatwerk.factories import maak_dossier
from toegang.maatwerk.catalogus import richt_catalogus_in, richt_mandaten_in
from wijkteams import rollen


@pytest.fixture(autouse=True)
def celery_eager(request):
    """Tasks run in-process (after commit) unless a test uses the real worker."""
    from config.celery import app

    if "celery_worker_proces" in request.fixturenames:
        yield
        return
    oud = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = oud


@pytest.fixture(autouse=True)
def media_tmp(settings, tmp_path, monkeypatch):
    """PDFs go to a temporary folder, for this process and for a real worker started by the test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setenv("MEDIA_ROOT", str(tmp_path / "media"))


@pytest.fixture
def mw(org):
    """The organisation plus catalogue, mandate register (as Ridderkerk's) and a Wmo-consulent in team A."""
    wmo = DisciplineFactory(gemeente=org.gemeente, code="wmo-consulent", naam="Wmo-consulent")
    for gemeente in (org.gemeente, org.andere_gemeente):
        richt_catalogus_in(gemeente)
        richt_mandaten_in(gemeente)
    org.mensen["wmoconsulent"] = maak_gebruiker(org.gemeente, rollen.MEDEWERKER, username="wmoconsulent",
                                                teams=[org.team_a], discipline=wmo)
    org.mensen["coordinator_a2"] = maak_gebruiker(org.gemeente, rollen.COORDINATOR, username="coord_a2",
                                                  coordinator_van=[org.gebied_a])
    org.mensen["teamlid_ander"] = maak_gebruiker(org.andere_gemeente, rollen.MEDEWERKER, username="ander2",
                                                 teams=[org.team_ander])
    return org


@pytest.fixture
def dossier(mw):
    """A household in the Sociaal team of gebied A, regisseur teamlid."""
    return maak_dossier(mw.team_a, regisseur=mw.mensen["teamlid"], door=mw.mensen["coordinator_eigen_gebied"])


@pytest.fixture
def jeugddossier(mw):
    return maak_dossier(mw.team_a_jgt, regisseur=mw.mensen["teamlid_jgt"], met_kind=True,
                        door=mw.mensen["coordinator_eigen_gebied"], naam="Gezin de Vries")
