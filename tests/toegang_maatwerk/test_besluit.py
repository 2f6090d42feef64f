"""Mandate register, four eyes, transitions, row lock, deadlines."""

import threading
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections, transaction

from huishoudens.models import Actie, Ladder, Traject
from tests.toegang_maatwerk.factories import maak_dossier, vraag_aan
from toegang.maatwerk import services
from toegang.models import Aanvraag, AanvraagStatusWijziging, Mandaat, Toewijzing, beslistermijn, termijn_status

pytestmark = pytest.mark.django_db
Status = Aanvraag.Status


def test_mandaatregister_wmo_in_sociaal_team_naar_wmo_consulent(mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    assert aanvraag.beslisser == Mandaat.Beslisser.DISCIPLINE
    assert aanvraag.beslis_discipline.code == "wmo-consulent"
    assert services.mag_beslissen(mw.mensen["wmoconsulent"], aanvraag)
    assert not services.mag_beslissen(mw.mensen["coordinator_eigen_gebied"], aanvraag)
    assert not services.mag_beslissen(mw.mensen["teamlid"], aanvraag)  # the requester


def test_mandaatregister_jeugdhulp_naar_coordinator(mw, jeugddossier):
    aanvraag = vraag_aan(jeugddossier, mw.mensen["teamlid_jgt"], product_code="45A48", client=jeugddossier.kind)
    assert aanvraag.beslisser == Mandaat.Beslisser.COORDINATOR
    assert services.mag_beslissen(mw.mensen["coordinator_eigen_gebied"], aanvraag)
    assert not services.mag_beslissen(mw.mensen["coordinator_ander_gebied"], aanvraag)
    assert not services.mag_beslissen(mw.mensen["wmoconsulent"], aanvraag)


def test_wmo_in_jeugdteam_valt_terug_op_coordinator(mw, jeugddossier):
    aanvraag = vraag_aan(jeugddossier, mw.mensen["teamlid_jgt"])
    assert aanvraag.beslisser == Mandaat.Beslisser.COORDINATOR


def test_besluit_externe_instantie_wordt_vastgelegd(mw):
    ander = maak_dossier(mw.team_ander, regisseur=mw.mensen["medewerker_andere_gemeente"],
                         door=mw.mensen["coordinator_andere_gemeente"], naam="Huishouden Pronk")
    aanvraag = vraag_aan(ander, mw.mensen["medewerker_andere_gemeente"])
    assert aanvraag.beslisser == Mandaat.Beslisser.EXTERN
    assert aanvraag.externe_instantie == "Sociale Dienst Drechtsteden"
    with pytest.raises(ValidationError) as fout:
        services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["coordinator_andere_gemeente"],
                                 besluit=Status.TOEGEKEND, reden="Besluit SDD")
    assert "extern_kenmerk" in fout.value.message_dict
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["coordinator_andere_gemeente"],
                             besluit=Status.TOEGEKEND, reden="Toegekend door de SDD", extern_kenmerk="SDD-2026-0042",
                             extern_besluitdatum=aanvraag.aanvraagdatum)
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TOEGEKEND
    assert aanvraag.extern_kenmerk == "SDD-2026-0042"
    assert aanvraag.besloten_door == mw.mensen["coordinator_andere_gemeente"]
    # a Ridderkerk coördinator holds no mandate in Alblasserdam
    assert not services.mag_beslissen(mw.mensen["coordinator_eigen_gebied"], aanvraag)


def test_aanvrager_kan_eigen_aanvraag_niet_toekennen(mw, jeugddossier):
    # the coördinator is in the team too and requests: still may not decide on it
    coord = mw.mensen["coordinator_eigen_gebied"]
    coord.groups.add(mw.team_a_jgt.groep)
    aanvraag = vraag_aan(jeugddossier, coord, product_code="45A48", client=jeugddossier.kind)
    with pytest.raises(PermissionDenied):
        services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=coord, besluit=Status.TOEGEKEND, reden="Prima")
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.INGEDIEND and aanvraag.besloten_door is None
    assert not Toewijzing.objects.exists()


def test_toekennen_maakt_toewijzing_en_historie(mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"], besluit=Status.TOEGEKEND,
                             reden="Noodzakelijk: netwerk overbelast")
    t = Toewijzing.objects.get(aanvraag=aanvraag)
    assert t.toewijzingnummer == f"{aanvraag.pk:08d}" and t.categorie.code == "01" and t.volume == 3
    assert list(AanvraagStatusWijziging.objects.filter(aanvraag=aanvraag).values_list("naar", flat=True)) == [
        Status.INGEDIEND, Status.TOEGEKEND]


def test_afwijzen_houdt_traject_open_met_lichtere_activiteit(mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    with pytest.raises(ValidationError) as fout:
        services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"],
                                       besluit=Status.AFGEWEZEN,
                                 reden="Voorliggend")
    assert "lichtere_activiteit" in fout.value.message_dict
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"], besluit=Status.AFGEWEZEN,
                             reden="De was- en strijkservice volstaat", lichtere_activiteit="Was- en strijkservice",
                             lichtere_trede=Ladder.ALGEMENE_VOORZIENING)
    dossier.traject.refresh_from_db()
    assert dossier.traject.status != Traject.Status.AFGESLOTEN
    actie = Actie.objects.get(doel=dossier.doel)
    assert actie.ladder == Ladder.ALGEMENE_VOORZIENING and actie.omschrijving == "Was- en strijkservice"
    assert not Toewijzing.objects.exists()


def test_besluit_altijd_met_reden(mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    with pytest.raises(ValidationError) as fout:
        services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"],
                                       besluit=Status.TOEGEKEND,
                                 reden="  ")
    assert "reden" in fout.value.message_dict


def test_overgang_buiten_de_tabel_wordt_geweigerd_met_duidelijke_melding(mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"], besluit=Status.AFGEWEZEN,
                             reden="Niet nodig", lichtere_activiteit="Maatje via vrijwilligers",
                             lichtere_trede=Ladder.VRIJWILLIGERS)
    with pytest.raises(ValidationError) as fout:
        services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"],
                                       besluit=Status.TOEGEKEND,
                                 reden="Toch wel")
    assert "Een aanvraag met status ‘Afgewezen’ kan niet naar ‘Toegekend’." in fout.value.messages
    with pytest.raises(ValidationError):
        services.dien_opnieuw_in(aanvraag_id=aanvraag.pk, door=mw.mensen["teamlid"],
                           motivering="Nog een keer proberen met meer uitleg")
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == Status.AFGEWEZEN


def test_terugsturen_en_opnieuw_indienen(mw, dossier):
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"],
                                   besluit=Status.TERUGGESTUURD,
                             reden="Wat kan de dochter nog doen?")
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == Status.TERUGGESTUURD
    services.dien_opnieuw_in(aanvraag_id=aanvraag.pk, door=mw.mensen["teamlid"],
                       motivering="De dochter werkt fulltime en woont in Groningen; zij kan niet helpen.")
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == Status.INGEDIEND


def test_aanvraag_alleen_door_team_en_met_geldige_invoer(mw, dossier):
    with pytest.raises(PermissionDenied):
        vraag_aan(dossier, mw.mensen["medewerker_ander_team"])
    with pytest.raises(ValidationError) as fout:
        vraag_aan(dossier, mw.mensen["teamlid"], motivering="kort", eind=date(2026, 1, 1))
    assert {"motivering", "eind"} <= set(fout.value.message_dict)
    assert not Aanvraag.objects.exists()


@pytest.mark.parametrize(("dagen_geleden", "verwacht"), [
    (0, "op_tijd"), (6, "op_tijd"), (7, "binnen_week"), (14, "binnen_week"), (15, "te_laat"), (40, "te_laat")])
def test_beslistermijn_twee_weken(dagen_geleden, verwacht):
    vandaag = date(2026, 6, 15)
    aanvraagdatum = vandaag - timedelta(days=dagen_geleden)
    assert beslistermijn(aanvraagdatum) == aanvraagdatum + timedelta(days=14)
    assert termijn_status(aanvraagdatum, vandaag=vandaag) == verwacht
    assert termijn_status(aanvraagdatum, vandaag=vandaag, besloten=True) == "besloten"


@pytest.mark.django_db(transaction=True)
def test_twee_gelijktijdige_besluiten_geven_een_besluit(mw, jeugddossier):
    aanvraag = vraag_aan(jeugddossier, mw.mensen["teamlid_jgt"], product_code="45A48", client=jeugddossier.kind)
    eerste_heeft_slot = threading.Event()
    tweede_begint = threading.Event()
    uitkomsten = {}

    def eerste():
        try:
            with transaction.atomic():
                services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["coordinator_eigen_gebied"],
                                         besluit=Status.TOEGEKEND, reden="Eerste coördinator")
                eerste_heeft_slot.set()
                tweede_begint.wait(5)  # hold the row lock until the second one is on its way to it
            uitkomsten["eerste"] = "ok"
        except Exception as e:
            uitkomsten["eerste"] = e
        finally:
            eerste_heeft_slot.set()
            connections.close_all()

    def tweede():
        eerste_heeft_slot.wait(5)
        tweede_begint.set()
        try:
            services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["coordinator_a2"],
                                     besluit=Status.AFGEWEZEN, reden="Tweede coördinator",
                                     lichtere_activiteit="Opvoedondersteuning CJG")
            uitkomsten["tweede"] = "ok"
        except ValidationError as e:
            uitkomsten["tweede"] = e
        finally:
            connections.close_all()

    draden = [threading.Thread(target=eerste), threading.Thread(target=tweede)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(20)
    assert uitkomsten["eerste"] == "ok"
    assert isinstance(uitkomsten["tweede"], ValidationError)
    assert "kan niet naar" in uitkomsten["tweede"].messages[0]
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TOEGEKEND and aanvraag.besloten_door == mw.mensen["coordinator_eigen_gebied"]
    assert AanvraagStatusWijziging.objects.filter(aanvraag=aanvraag).count() == 2
    assert Toewijzing.objects.filter(aanvraag=aanvraag).count() == 1
    assert not Actie.objects.filter(doel=jeugddossier.doel).exists()
