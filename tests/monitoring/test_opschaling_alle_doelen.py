"""Escalation indicators count every target of the gemeente (youth, safety, zorgnetwerk …), not only the LZN and
the bestuurstafel, also in a gemeente without gebieden (Alblasserdam showed 0 before).

Hand count for 2026-K1 on the casus of tests/monitoring/casus.py (built here, not with met_maatwerk):
  Ridderkerk, gebied A: H1 → jeugdnetwerk (10-01), H2 → veiligheid (05-02), H3 → LZN (10-02)
              gebied B: H7 → zorgnetwerk (01-03), H8 → jeugdnetwerk (15-03);
              H9 → veiligheid on 20-12-2025 (before the quarter: not counted)
  → gemeente 5: jeugd 2 (40%), veiligheid 1, LZN 1, zorgnetwerk 1 (20% each); bestuurstafel 0.
  → gebied A 3 (jeugd 1/3 = 33.3%), gebied B 2 (zorgnetwerk 1/2 = 50%).
  Gemeente without gebieden (one team, traject and escalation without gebied): 2 escalations, jeugd and
  veiligheid, both in the quarter → total 2, 50% each; no gebied rows.
"""

from datetime import date

import pytest

from huishoudens.models import Huishouden, Persoon
from tests.factories import GemeenteFactory, TeamTypeFactory, WijkFactory, maak_gebruiker
from tests.monitoring.casus import _moment, _traject, bereken, waarde
from toegang.models import Opschaling, OpschalingDoel
from wijkteams import rollen, services

pytestmark = pytest.mark.django_db


def _doelen(gemeente):
    return {soort: OpschalingDoel.objects.create(gemeente=gemeente, code=soort, naam=soort.title(), soort=soort)
            for soort in ("lzn", "bestuurstafel", "jeugd", "veiligheid", "zorgnetwerk")}


def _opschaling(traject, doel, aangemeld, door):
    op = Opschaling.objects.create(traject=traject, huishouden=traject.huishouden, gemeente=traject.huishouden.gemeente,
                                   gebied=traject.gebied, doel=doel, reden="Zorgen", geprobeerd="Gesprekken",
                                   aangemeld_door=door)
    Opschaling.objects.filter(pk=op.pk).update(aangemeld_op=_moment(aangemeld))


def test_alle_opschalingsdoelen_tellen_mee(casus):
    o, t = casus.org, casus.trajecten
    d = _doelen(o.gemeente)
    door = o.mensen["teamlid"]
    _opschaling(t[1], d["jeugd"], date(2026, 1, 10), door)
    _opschaling(t[2], d["veiligheid"], date(2026, 2, 5), door)
    _opschaling(t[3], d["lzn"], date(2026, 2, 10), door)
    _opschaling(t[7], d["zorgnetwerk"], date(2026, 3, 1), door)
    _opschaling(t[8], d["jeugd"], date(2026, 3, 15), door)
    _opschaling(t[9], d["veiligheid"], date(2025, 12, 20), door)  # before the quarter

    run = bereken(o)

    assert [waarde(run, "escalaties_alle", g)[0] for g in (o.gebied_a, o.gebied_b, None)] == [3, 2, 5]
    assert waarde(run, "escalaties_lzn")[0] == 1
    assert waarde(run, "escalaties_bestuurstafel")[0] == 0
    assert waarde(run, "escalaties_naar_soort", categorie="jeugd") == (2, 5, 40.0)
    for soort in ("veiligheid", "lzn", "zorgnetwerk"):
        assert waarde(run, "escalaties_naar_soort", categorie=soort) == (1, 5, 20.0)
    assert waarde(run, "escalaties_naar_soort", categorie="bestuurstafel") is None  # no escalation of that kind
    assert waarde(run, "escalaties_naar_soort", o.gebied_a, categorie="jeugd") == (1, 3, 33.3)
    assert waarde(run, "escalaties_naar_soort", o.gebied_b, categorie="zorgnetwerk") == (1, 2, 50.0)


def test_gemeente_zonder_gebieden(org):
    gemeente = GemeenteFactory(naam="Zonder gebieden", cbs_code="0999")
    wijk = WijkFactory(gemeente=gemeente, gebied=None, naam="Centrum", cbs_code="WK099901")
    team = services.maak_team(gemeente=gemeente, gebied=None, type=TeamTypeFactory(gemeente=gemeente),
                              naam="Sociaal team")
    door = maak_gebruiker(gemeente, rollen.MEDEWERKER, username="zonder", teams=[team])
    d = _doelen(gemeente)
    for naam, soort in (("Jansen", "jeugd"), ("De Vries", "veiligheid")):
        h = Huishouden.objects.create(gemeente=gemeente, wijk=wijk, straat="Dam", huisnummer=1, postcode="2951 AA",
                                      woonplaats="Alblasserdam", naam=naam)
        Persoon.objects.create(huishouden=h, voornamen="Test", achternaam=naam, geboortedatum=date(1980, 1, 1))
        traject = _traject(h, team, date(2026, 1, 5))
        assert traject.gebied_id is None
        _opschaling(traject, d[soort], date(2026, 2, 1), door)

    class Org:
        pass

    zonder = Org()
    zonder.gemeente = gemeente
    run = bereken(zonder)

    assert waarde(run, "escalaties_alle") == (2, None, None)
    assert waarde(run, "escalaties_naar_soort", categorie="jeugd") == (1, 2, 50.0)
    assert waarde(run, "escalaties_naar_soort", categorie="veiligheid") == (1, 2, 50.0)
    assert waarde(run, "escalaties_lzn") == (0, None, None)
    assert not run.waarden.filter(indicator__code="escalaties_alle", gebied__isnull=False).exists()
