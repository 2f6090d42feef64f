"""THE deadline computation: 6 weeks after the melding, due within a week, overdue."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from toegang.melding.termijnen import Termijnstatus, dagen_tot, onderzoek_uiterlijk, termijnstatus

VANDAAG = date(2026, 3, 2)


def test_onderzoek_binnen_zes_weken_na_de_melding():
    assert onderzoek_uiterlijk(date(2026, 1, 1)) == date(2026, 2, 12)
    # a melding at 23:30 Amsterdam time counts on its local date, not the UTC date
    laat = datetime(2026, 1, 1, 23, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert onderzoek_uiterlijk(laat) == date(2026, 2, 12)
    assert onderzoek_uiterlijk(datetime(2026, 1, 1, 22, 45, tzinfo=ZoneInfo("UTC"))) == date(2026, 2, 12)


@pytest.mark.parametrize(("uiterlijk", "verwacht"), [
    (date(2026, 3, 1), Termijnstatus.TE_LAAT),       # yesterday
    (date(2026, 1, 1), Termijnstatus.TE_LAAT),
    (date(2026, 3, 2), Termijnstatus.BINNEN_WEEK),   # today: still in time, but due
    (date(2026, 3, 9), Termijnstatus.BINNEN_WEEK),   # exactly a week
    (date(2026, 3, 10), Termijnstatus.OP_TIJD),      # eight days
    (None, None),
])
def test_termijnstatus(uiterlijk, verwacht):
    assert termijnstatus(uiterlijk, VANDAAG) == verwacht


def test_melding_van_vijf_weken_geleden_is_binnen_een_week_en_van_zeven_weken_te_laat():
    assert termijnstatus(onderzoek_uiterlijk(date(2026, 1, 26)), VANDAAG) == Termijnstatus.BINNEN_WEEK
    assert termijnstatus(onderzoek_uiterlijk(date(2026, 1, 12)), VANDAAG) == Termijnstatus.TE_LAAT
    assert termijnstatus(onderzoek_uiterlijk(date(2026, 2, 20)), VANDAAG) == Termijnstatus.OP_TIJD
    assert dagen_tot(onderzoek_uiterlijk(date(2026, 1, 12)), VANDAAG) == -7


@pytest.mark.django_db
def test_databasefilter_volgt_dezelfde_grenzen(org):
    from tests.toegang_melding.factories import maak_huishouden, melding
    from toegang.melding.termijnen import filter_op_termijn
    from toegang.models import Melding

    h = maak_huishouden(org.wijk_a)
    for dagen_geleden in (50, 42, 38, 35, 34, 10):
        m = melding(h)
        Melding.objects.filter(pk=m.pk).update(onderzoek_uiterlijk=onderzoek_uiterlijk(
            date.fromordinal(VANDAAG.toordinal() - dagen_geleden)))
    for status in Termijnstatus.values:
        via_db = {m.pk for m in filter_op_termijn(Melding.objects.all(), "onderzoek_uiterlijk", status, VANDAAG)}
        via_python = {m.pk for m in Melding.objects.all() if termijnstatus(m.onderzoek_uiterlijk, VANDAAG) == status}
        assert via_db == via_python and via_db
