"""Four eyes over every author of a request: the service refuses, and the database refuses on its own
(raw SQL and queryset.update, bypassing the service)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from tests.toegang_maatwerk.factories import vraag_aan
from toegang.maatwerk import selectors, services
from toegang.models import Aanvraag, AanvraagAuteur, AanvraagStatusWijziging

pytestmark = pytest.mark.django_db
Status = Aanvraag.Status


def _geweigerd_door(constraint, actie):
    """Run ``actie`` in a savepoint; it must be refused by the database with this constraint name."""
    with pytest.raises(IntegrityError) as fout, transaction.atomic():
        actie()
    assert fout.value.__cause__.diag.constraint_name == constraint
    return fout


def _teruggestuurd_en_herschreven(mw, dossier):
    """The gap of the issue: the Wmo-consulent sends back, rewrites the motivation and resubmits."""
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    consulent = mw.mensen["wmoconsulent"]
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=consulent, besluit=Status.TERUGGESTUURD,
                                   reden="Wat doet de dochter al?")
    services.dien_opnieuw_in(aanvraag_id=aanvraag.pk, door=consulent,
                             motivering="Door de consulent herschreven: dochter werkt fulltime, buren kunnen niet.")
    return aanvraag, consulent


def test_aanvrager_staat_als_auteur_in_de_database(mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    assert list(aanvraag.auteurs.values_list("auteur__username", "rol")) == [("teamlid", "aanvrager")]


def test_wie_opnieuw_indiende_beslist_niet_service(mw, dossier):
    aanvraag, consulent = _teruggestuurd_en_herschreven(mw, dossier)
    assert set(aanvraag.auteurs.values_list("auteur__username", flat=True)) == {"teamlid", "wmoconsulent"}
    assert not services.mag_beslissen(consulent, aanvraag)
    assert not selectors.te_beslissen_voor(consulent).filter(pk=aanvraag.pk).exists()
    with pytest.raises(PermissionDenied, match="vier ogen"):
        services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=consulent, besluit=Status.TOEGEKEND,
                                       reden="Prima")
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.INGEDIEND and aanvraag.besloten_door is None


def test_database_weigert_besluit_door_wie_opnieuw_indiende(mw, dossier):
    aanvraag, consulent = _teruggestuurd_en_herschreven(mw, dossier)

    def raw_sql():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE toegang_aanvraag SET status = 'toegekend', besloten_door_id = %s, "
                           "besluitreden = 'via SQL' WHERE id = %s", [consulent.pk, aanvraag.pk])

    _geweigerd_door("aanvraag_vier_ogen_auteurs", raw_sql)
    _geweigerd_door("aanvraag_vier_ogen_auteurs", lambda: Aanvraag.objects.filter(pk=aanvraag.pk).update(
        status=Status.AFGEWEZEN, besloten_door=consulent, besluitreden="via update"))
    aanvraag.refresh_from_db()
    assert aanvraag.besloten_door is None


def test_database_weigert_besluit_door_aanvrager_ook_via_trigger(mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    _geweigerd_door("aanvraag_vier_ogen_auteurs", lambda: Aanvraag.objects.filter(pk=aanvraag.pk).update(
        status=Status.TOEGEKEND, besloten_door=mw.mensen["teamlid"], besluitreden="zelf"))


def test_check_constraint_vier_ogen_op_zichzelf(mw, dossier):
    """The older check constraint holds even where the authors table is emptied behind the service's back."""
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM toegang_aanvraagauteur WHERE aanvraag_id = %s", [aanvraag.pk])
    _geweigerd_door("aanvraag_vier_ogen", lambda: Aanvraag.objects.filter(pk=aanvraag.pk).update(
        status=Status.TOEGEKEND, besloten_door=mw.mensen["teamlid"], besluitreden="zelf"))


def test_database_weigert_besluitende_statuswijziging_door_auteur(mw, dossier):
    aanvraag, consulent = _teruggestuurd_en_herschreven(mw, dossier)
    for naar in (Status.TOEGEKEND, Status.AFGEWEZEN, Status.TERUGGESTUURD):
        _geweigerd_door("aanvraag_vier_ogen_auteurs", lambda naar=naar: AanvraagStatusWijziging.objects.create(
            aanvraag=aanvraag, van=Status.INGEDIEND, naar=naar, door=consulent))
    # a change that decides nothing (withdrawing) stays possible for an author
    AanvraagStatusWijziging.objects.create(aanvraag=aanvraag, van=Status.INGEDIEND, naar=Status.INGETROKKEN,
                                           door=consulent)


def test_database_weigert_beslisser_als_latere_auteur(mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"],
                                   besluit=Status.TOEGEKEND, reden="Noodzakelijk")
    _geweigerd_door("aanvraag_vier_ogen_auteurs", lambda: AanvraagAuteur.objects.create(
        aanvraag=aanvraag, auteur=mw.mensen["wmoconsulent"], rol=AanvraagAuteur.Rol.GEWIJZIGD, op=timezone.now()))


def test_een_ander_dan_de_auteurs_beslist_wel(mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"],
                                   besluit=Status.TERUGGESTUURD, reden="Graag aanvullen")
    services.dien_opnieuw_in(aanvraag_id=aanvraag.pk, door=mw.mensen["teamlid"],
                             motivering="Aangevuld door de aanvrager zelf, met wat de dochter al doet.")
    assert services.mag_beslissen(mw.mensen["wmoconsulent"], aanvraag)
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"],
                                   besluit=Status.TOEGEKEND, reden="Nu duidelijk")
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TOEGEKEND
