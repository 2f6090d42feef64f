"""The plan editor's steps as a person takes them in the browser, shared by the journeys that write a plan."""


def maak_plan_met_doel(pagina, *, leefgebied, doel, resultaat=None):
    """From the household page: "Plan maken", then the first goal; waits for the editor's confirmation."""
    pagina.get_by_role("button", name="Plan maken").click()
    pagina.get_by_label("Leefgebied").select_option(leefgebied)
    pagina.get_by_role("textbox", name="Doel", exact=True).fill(doel)
    if resultaat:
        pagina.get_by_label("Concreet resultaat").fill(resultaat)
    pagina.get_by_role("button", name="Doel toevoegen").click()
    pagina.get_by_text("Het plan is bijgewerkt.").wait_for()


def voeg_activiteit_toe(pagina, activiteit, *, trede, wie, aanbod=None):
    """An activity for the goal on a step of the ladder, optionally an offer from the sociale kaart (its label)."""
    pagina.get_by_role("textbox", name="Activiteit", exact=True).fill(activiteit)
    pagina.get_by_label("Trede op de ladder").select_option(trede)
    pagina.get_by_label("Wie doet het").fill(wie)
    if aanbod:
        pagina.get_by_label("Aanbod uit de sociale kaart (optioneel)").select_option(label=aanbod)
    pagina.get_by_role("button", name="Activiteit toevoegen").click()
