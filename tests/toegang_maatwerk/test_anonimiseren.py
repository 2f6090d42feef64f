"""Retention and maatwerk: which requests count as new since a destruction list was drawn up."""

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.toegang_maatwerk.factories import vraag_aan
from toegang.maatwerk.anonimiseren import nieuw_sinds
from toegang.models import Aanvraag

pytestmark = pytest.mark.django_db

OPGESTELD = datetime(2026, 12, 7, 23, 30, tzinfo=UTC)  # the list: 8 December 2026, 00:30 in the Netherlands


@pytest.mark.parametrize(("aanvraagdatum", "nieuw"), [
    (date(2026, 12, 7), False),  # the Dutch day before the list (the list's UTC date): not new
    (date(2026, 12, 9), True),   # a day after the list: new, the household stays
])
def test_nieuwe_aanvraag_naar_de_nederlandse_datum_van_de_lijst(mw, dossier, aanvraagdatum, nieuw):
    """The request date is a Dutch date: compared with the list's Dutch date, not with its UTC date (a day
    earlier from midnight to 01:00 or 02:00), when a request of the day before counted as new."""
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    Aanvraag.objects.filter(pk=aanvraag.pk).update(aanvraagdatum=aanvraagdatum,
                                                   aangemaakt_op=OPGESTELD - timedelta(days=3))
    assert (dossier.pk in nieuw_sinds([dossier.pk], OPGESTELD)) is nieuw
