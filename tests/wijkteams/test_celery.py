"""A real Celery worker runs a task against the test database (the demo's own tests are in tests/demo)."""

import pytest

from common.tasks import ping


@pytest.mark.celery_worker
def test_echte_celery_worker_voert_taak_uit(celery_worker_proces, org):
    resultaat = ping.delay().get(timeout=30)
    assert resultaat == {"antwoord": "pong", "gemeenten": 2}
