"""One deadline vocabulary (common.termijnen) for the melding onderzoek and the maatwerk decision term."""

from datetime import date, timedelta

import pytest

from common.termijnen import Termijnstatus, grenzen, termijnstatus
from toegang.melding import termijnen as melding_termijnen
from toegang.models import beslistermijn, termijn_status

VANDAAG = date(2026, 12, 7)


@pytest.mark.parametrize(("dagen", "verwacht"), [(-1, "te_laat"), (0, "binnen_week"), (7, "binnen_week"),
                                                 (8, "op_tijd")])
def test_een_termijn_heeft_drie_toestanden(dagen, verwacht):
    assert termijnstatus(VANDAAG + timedelta(days=dagen), VANDAAG) == verwacht
    g = grenzen(VANDAAG)  # the database filters draw the same lines
    uiterlijk = VANDAAG + timedelta(days=dagen)
    assert (uiterlijk < g["te_laat_voor"]) == (verwacht == "te_laat")
    assert (g["te_laat_voor"] <= uiterlijk <= g["binnen_week_tot"]) == (verwacht == "binnen_week")


def test_melding_en_maatwerk_spreken_dezelfde_taal():
    assert melding_termijnen.Termijnstatus is Termijnstatus
    for dagen_geleden in range(0, 30):
        aanvraag = VANDAAG - timedelta(days=dagen_geleden)
        assert termijn_status(aanvraag, vandaag=VANDAAG) == termijnstatus(beslistermijn(aanvraag), VANDAAG)
        assert termijn_status(aanvraag, vandaag=VANDAAG) in Termijnstatus.values
    assert termijn_status(VANDAAG, vandaag=VANDAAG, besloten=True) == "besloten"
