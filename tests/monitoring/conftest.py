"""Fixtures of the monitoring tests; the data they build lives in tests/monitoring/casus.py."""

import pytest

from tests.monitoring import casus as casusdata


@pytest.fixture
def casus(org):
    return casusdata.maak_casus(org)


@pytest.fixture
def run_k1(casus):
    return casusdata.bereken(casus.org)


@pytest.fixture
def met_meldingen(casus):
    return casusdata.maak_meldingen(casus)


@pytest.fixture
def met_zrm(casus):
    return casusdata.maak_zrm(casus)


@pytest.fixture
def met_maatwerk(casus):
    return casusdata.maak_maatwerk(casus)


@pytest.fixture
def met_gemeenschap(casus):
    return casusdata.maak_gemeenschap(casus)
