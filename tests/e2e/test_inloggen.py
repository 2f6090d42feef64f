import pytest

from tests.conftest import log_in
from tests.factories import WACHTWOORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_coordinator_logt_in_via_chromium_en_ziet_teams(pagina, org):
    log_in(pagina, "coord_a", WACHTWOORD)
    pagina.get_by_role("heading", name="Uw gebieden en teams").wait_for()
    assert pagina.get_by_role("link", name=org.team_a.naam).is_visible()
    pagina.get_by_role("link", name=org.team_a.naam).click()
    pagina.get_by_role("heading", name="Teamleden").wait_for()
    pagina.get_by_role("button", name="Uitloggen").click()
    pagina.get_by_role("heading", name="Inloggen").wait_for()


def test_verkeerd_wachtwoord_toont_foutoverzicht(pagina, org):
    log_in(pagina, "coord_a", "niet-goed")
    assert pagina.get_by_role("alert").is_visible()
