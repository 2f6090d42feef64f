import pytest

from tests.toegang_melding.factories import catalogi, postcodes


@pytest.fixture
def cat(org):
    postcodes(org)
    return catalogi(org.gemeente)
