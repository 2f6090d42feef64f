"""The demo data (``manage.py demo_data``) loaded once for all tests of this package.

Loading the demo takes about a minute; a second run (idempotent) about ten seconds. The tests that need the demo
live here and share one load: it runs in a transaction that is rolled back when the package is done, and each
test runs in a savepoint inside it (what Django's ``TestCase.setUpTestData`` does for a class). bin/test keeps
the package in one test process (``xdist_group("demo")`` in every module), so the demo is loaded once per run.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test.utils import override_settings


@pytest.fixture(scope="package", autouse=True)
def demo(django_db_setup, django_db_blocker):
    blok = transaction.atomic()
    # the tests log in with the demo password under the fast test hasher (tests/conftest.py)
    with django_db_blocker.unblock(), override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        blok.__enter__()
        try:
            call_command("demo_data", stdout=io.StringIO())
        except BaseException as fout:
            # roll the half-loaded demo back, or every later test of this process would run inside it
            transaction.set_rollback(True)
            blok.__exit__(type(fout), fout, fout.__traceback__)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        blok.__exit__(None, None, None)
