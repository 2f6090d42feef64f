"""A medewerker registers a phone melding on three leefgebieden for a family with a child; it lands in the
werkvoorraad of that gebied's Jeugd- en Gezinsteam; a team member picks it up and becomes regisseur."""

import re

import pytest

from huishoudens import selectors
from tests.conftest import log_in
from tests.factories import WACHTWOORD
from tests.toegang_melding.factories import catalogi, maak_huishouden, postcodes
from toegang.models import Melding

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_telefonische_melding_voor_gezin_naar_jgt_en_teamlid_wordt_regisseur(pagina, org):
    postcodes(org)
    catalogi(org.gemeente)
    gezin = maak_huishouden(org.wijk_a, kind=True, postcode="2981 AB", huisnummer=5, naam="Familie Yilmaz")

    # 1. A medewerker of another team takes the phone call and registers it.
    log_in(pagina, "ander_team", WACHTWOORD)
    pagina.get_by_role("link", name="Melding registreren").first.click()
    pagina.get_by_role("heading", name="Melding registreren").wait_for()
    pagina.get_by_label("Wie meldt").select_option(label="Inwoner zelf")
    pagina.get_by_label("Kanaal").select_option(label="Telefoon")
    pagina.get_by_label("Postcode").fill("2981 AB")
    pagina.get_by_label("Huisnummer").fill("5")
    pagina.get_by_label("De vraag in de woorden van de melder").fill(
        "Er zijn schulden, de huur is achterstallig en onze dochter gaat niet naar school.")
    for leefgebied in ("Financiën", "Huisvesting", "Opvoeding en ontwikkeling kinderen"):
        pagina.get_by_label(leefgebied, exact=True).check()
    pagina.get_by_label("De inwoner geeft toestemming").check()
    pagina.get_by_role("button", name="Melding registreren").click()

    pagina.get_by_text(re.compile(r"Melding M-\d{4}-\d{6} is geregistreerd")).wait_for()
    melding = Melding.objects.get()
    assert melding.huishouden == gezin and melding.team == org.team_a_jgt
    assert pagina.get_by_text("Jeugd- en Gezinsteam van het gebied").first.is_visible()
    pagina.get_by_role("button", name="Uitloggen").click()

    # 2. A member of the Jeugd- en Gezinsteam finds it in the werkvoorraad and picks it up.
    log_in(pagina, "teamlid_jgt", WACHTWOORD)
    pagina.get_by_role("link", name="Werkvoorraad").first.click()
    pagina.get_by_role("heading", name="Werkvoorraad", exact=True).wait_for()
    rij = pagina.get_by_role("row").filter(has_text=melding.ontvangstnummer)
    assert "Nieuw, op te pakken" in rij.inner_text() and org.team_a_jgt.naam in rij.inner_text()
    rij.get_by_role("link", name=melding.ontvangstnummer).click()
    pagina.get_by_role("button", name="Oppakken en regisseur worden").click()
    pagina.get_by_text("U bent nu regisseur van dit huishouden.").wait_for()

    assert selectors.huidige_regisseur(melding.traject) == org.mensen["teamlid_jgt"]
    pagina.get_by_role("link", name="Terug naar de werkvoorraad").click()
    pagina.get_by_role("heading", name="Mijn huishoudens").wait_for()
    assert pagina.get_by_role("link", name="Familie Yilmaz").is_visible()


@pytest.mark.parametrize(("wie", "paden"), [
    ("teamlid_jgt", ["/toegang/werkvoorraad/", "/toegang/meldingen/nieuw/", "/toegang/afwezigheid/", "MELDING",
                     "CASUSOVERLEG"]),
    ("coord_a", ["/toegang/werkvoorraad/", "/toegang/werkvoorraad/?weergave=gebied&termijn=due"]),
])
def test_meldingpaginas_zonder_wcag_overtredingen(pagina, org, wie, paden):
    from tests.e2e.test_toegankelijkheid import overtredingen
    from tests.toegang_melding.factories import melding

    postcodes(org)
    catalogi(org.gemeente)
    m = melding(maak_huishouden(org.wijk_a, kind=True), leefgebieden=["financien", "opvoeding"])
    vervang = {"MELDING": m.get_absolute_url(), "CASUSOVERLEG": f"/toegang/casusoverleg/{org.team_a_jgt.pk}/"}
    log_in(pagina, wie, WACHTWOORD)
    pagina.wait_for_url(pagina.base_url + "/")
    for pad in paden:
        pagina.goto(pagina.base_url + vervang.get(pad, pad))
        assert overtredingen(pagina) == [], pad
    # the form with errors: the error summary and the messages are accessible too
    if wie == "teamlid_jgt":
        pagina.goto(pagina.base_url + "/toegang/meldingen/nieuw/")
        pagina.get_by_role("button", name="Melding registreren").click()
        pagina.get_by_role("alert").wait_for()
        assert overtredingen(pagina) == []


def test_inwonerpaginas_zonder_wcag_overtredingen(pagina, org):
    from tests.e2e.test_toegankelijkheid import overtredingen

    postcodes(org)
    catalogi(org.gemeente)
    for pad in ("/toegang/inwoners/?postcode=2981AB", "/toegang/inwoners/sociale-kaart/", "/toegang/inwoners/vraag/"):
        pagina.goto(pagina.base_url + pad)
        assert overtredingen(pagina) == [], pad
    pagina.get_by_role("button", name="Vraag versturen").click()
    pagina.get_by_role("alert").wait_for()
    assert overtredingen(pagina) == []
