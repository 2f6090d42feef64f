"""The keukentafelgesprek draft saves itself (issue 16) in a real Chromium: the test lowers the form's
data-autosave-seconden (60 in the page) so it need not wait a minute, types, and reads the live region."""

import re

import pytest

from huishoudens.models import Keukentafelgesprek
from tests.conftest import log_in
from tests.factories import WACHTWOORD
from tests.huishoudens.factories import maak_dossier

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_concept_wordt_vanzelf_opgeslagen(pagina, org):
    h = maak_dossier(org, regisseur=org.mensen["teamlid"])
    log_in(pagina, "teamlid", WACHTWOORD)
    pagina.goto(f"{pagina.base_url}/huishoudens/{h.pk}/gesprekken/nieuw/")
    formulier = pagina.locator("form[data-autosave-url]")
    formulier.evaluate("f => { f.dataset.autosaveSeconden = '0.3'; }")
    status = pagina.locator("#autosave-status")

    pagina.get_by_label(re.compile(r"^Datum")).fill("2026-02-03")
    pagina.get_by_label("Plaats").select_option("thuis")
    pagina.get_by_label("In de woorden van het huishouden").fill("We willen weer rust.")
    status.filter(has_text=re.compile(r"Concept opgeslagen om \d{2}:\d{2}")).wait_for()
    gesprek = Keukentafelgesprek.objects.get(traject__huishouden=h)
    assert pagina.url.endswith(f"/gesprekken/{gesprek.pk}/wijzigen/")  # a reload opens the concept

    # a typo in the date: not saved, said so, and the text typed stays in the form
    pagina.get_by_label(re.compile(r"^Datum")).fill("2026-02-31")
    pagina.get_by_label("In de woorden van het huishouden").fill("We willen weer rust en overzicht.")
    status.filter(has_text="Niet opgeslagen: Datum").wait_for()
    assert pagina.get_by_label("In de woorden van het huishouden").input_value() == "We willen weer rust en overzicht."

    # corrected: the same concept is updated, then the concept button updates it too
    pagina.get_by_label(re.compile(r"^Datum")).fill("2026-02-04")
    status.filter(has_text="Concept opgeslagen om").wait_for()
    pagina.get_by_role("button", name="Opslaan als concept").click()
    pagina.get_by_text("Het gesprek is opgeslagen als concept").wait_for()
    gesprek = Keukentafelgesprek.objects.get(traject__huishouden=h)
    assert gesprek.eigen_woorden == "We willen weer rust en overzicht." and str(gesprek.datum) == "2026-02-04"

    # a button pressed while the first autosave is under way (saved on the server, no answer yet) waits for it and
    # then posts to the concept that save created: one concept, not two
    tweede = maak_dossier(org, regisseur=org.mensen["teamlid"])
    vastgehouden = []
    pagina.route("**/gesprekken/autosave/", lambda route: vastgehouden.append(route))
    pagina.goto(f"{pagina.base_url}/huishoudens/{tweede.pk}/gesprekken/nieuw/")
    # date and place set without events, so the one autosave below is the first and a valid one: it creates
    pagina.locator("form[data-autosave-url]").evaluate(
        "f => { f.datum.value = '2026-02-05'; f.plaats.value = 'thuis'; f.dataset.autosaveSeconden = '0.3'; }")
    with pagina.expect_request("**/gesprekken/autosave/"):
        pagina.get_by_label("In de woorden van het huishouden").fill("Eerst dit.")
    for _ in range(100):  # the route handler runs when Playwright next handles events
        if vastgehouden:
            break
        pagina.wait_for_timeout(50)
    antwoord = vastgehouden[0].fetch()  # the server has saved; the page does not know yet
    assert Keukentafelgesprek.objects.filter(traject__huishouden=tweede).count() == 1
    pagina.get_by_role("button", name="Opslaan als concept").click()
    vastgehouden[0].fulfill(response=antwoord)
    pagina.get_by_text("Het gesprek is opgeslagen als concept").wait_for()
    assert Keukentafelgesprek.objects.filter(traject__huishouden=tweede).count() == 1
