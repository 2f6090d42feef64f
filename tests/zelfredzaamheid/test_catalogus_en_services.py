"""Catalogue as data, and the measurement services: validation (Dutch messages), draft → final, correction."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from audit.models import AuditEvent
from zelfredzaamheid import services
from zelfredzaamheid.models import Criterium, Domein, MatrixVersie, Meting, Niveau

from .factories import antwoorden, meting


def test_catalogus_is_data(db):
    v2017 = MatrixVersie.objects.get(code="2017")
    v2013 = MatrixVersie.objects.get(code="2013")
    assert v2017.actief and not v2013.actief
    assert v2017.domeinen.count() == 13
    assert v2013.domeinen.count() == 11
    assert list(v2017.domeinen.order_by("volgorde").values_list("naam", flat=True))[:2] == [
        "Financiën", "Werk & opleiding"]
    assert v2017.domeinen.get(code="sociaal_netwerk").volgorde == 11
    assert list(Niveau.objects.values_list("naam", flat=True)) == [
        "Acute problematiek", "Niet zelfredzaam", "Beperkt zelfredzaam", "Voldoende zelfredzaam",
        "Volledig zelfredzaam"]
    assert Criterium.objects.filter(domein__versie=v2017).count() == 13 * 5


def test_maar_een_actieve_versie(db):
    with pytest.raises(IntegrityError):
        MatrixVersie.objects.filter(code="2013").update(actief=True)


def test_database_weigert_score_buiten_1_5(dossier, versie):
    m = meting(dossier.jan, dossier.mensen["teamlid"])
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as c:
        c.execute("UPDATE zelfredzaamheid_meting SET scores[1] = 6 WHERE id = %s", [m.pk])


def test_registreer_definitieve_meting(dossier, versie):
    m = meting(dossier.jan, dossier.mensen["teamlid"], financien=2, justitie="nvt", werk_opleiding=None)
    m.refresh_from_db()
    assert m.status == Meting.Status.DEFINITIEF and m.is_eerste
    assert m.scores[0] == 2 and m.scores[1] is None and m.scores[12] is None
    assert m.niet_van_toepassing == ["justitie"]
    assert (m.gemeente_id, m.gebied_id, m.team_id, m.traject_id) == (
        dossier.org.gemeente.pk, dossier.org.gebied_a.pk, dossier.org.team_a.pk, dossier.traject.pk)
    assert AuditEvent.objects.filter(object_type="zelfredzaamheid.meting", object_id=str(m.pk),
                                     actie="create", persoon_id=dossier.jan.pk).exists()


@pytest.mark.parametrize("waarde", [0, 6, "7", "drie", 2.5, True])
def test_score_buiten_1_5_geeft_nederlandse_fout(dossier, versie, waarde):
    with pytest.raises(ValidationError) as fout:
        meting(dossier.jan, dossier.mensen["teamlid"], financien=waarde)
    assert fout.value.message_dict["domein_financien"] == [
        "De score voor ‘Financiën’ moet een getal van 1 tot en met 5 zijn, of ‘niet van toepassing’."]
    assert not Meting.objects.exists()


def test_domein_van_andere_versie(dossier, versie):
    invoer = antwoorden(versie, 3)
    invoer["dagbesteding"] = 3  # only in the 2013 version
    with pytest.raises(ValidationError) as fout:
        services.registreer_meting(huishouden=dossier.huishouden, persoon=dossier.jan, door=dossier.mensen["teamlid"],
                                   datum=date(2025, 2, 1), soort="intake", antwoorden=invoer)
    assert fout.value.message_dict["scores"] == ["Het domein ‘Dagbesteding’ hoort niet bij matrixversie 2017."]


def test_datum_in_de_toekomst(dossier, versie):
    with pytest.raises(ValidationError) as fout:
        meting(dossier.jan, dossier.mensen["teamlid"], datum=timezone.localdate() + timedelta(days=1))
    assert fout.value.message_dict["datum"] == ["De datum van de meting mag niet in de toekomst liggen."]


def test_persoon_buiten_het_huishouden(dossier, versie):
    from huishoudens.models import Huishouden, Persoon

    ander = Huishouden.objects.create(gemeente=dossier.org.gemeente, wijk=dossier.org.wijk_a, straat="X",
                                      huisnummer=2, postcode="2981 AA", woonplaats="Ridderkerk", naam="Ander")
    vreemde = Persoon.objects.create(huishouden=ander, voornamen="Piet", achternaam="Buiten",
                                     geboortedatum=date(1980, 1, 1))
    with pytest.raises(ValidationError) as fout:
        services.registreer_meting(huishouden=dossier.huishouden, persoon=vreemde, door=dossier.mensen["teamlid"],
                                   datum=date(2025, 2, 1), soort="intake", antwoorden=antwoorden(None, 3))
    assert fout.value.message_dict["persoon"] == ["Deze persoon hoort niet bij dit huishouden."]


def test_alleen_wie_aan_het_huishouden_werkt_mag_meten(dossier, versie):
    with pytest.raises(PermissionDenied):
        meting(dossier.jan, dossier.mensen["medewerker_ander_team"])
    with pytest.raises(PermissionDenied):
        meting(dossier.jan, dossier.mensen["beleidsmedewerker"])


def test_concept_wijzigen_en_definitief_maken(dossier, versie):
    wie = dossier.mensen["teamlid"]
    m = meting(dossier.jan, wie, definitief=False)
    assert m.status == "concept" and not m.is_eerste
    m = services.wijzig_concept(meting=m, door=wie, datum=date(2025, 2, 3), soort="intake",
                                antwoorden=antwoorden(versie, 4, financien=1), notities={"financien": "Schulden"})
    assert m.scores[0] == 1 and m.notities == {"financien": "Schulden"}
    m = services.maak_definitief(meting=m, door=wie)
    assert m.status == "definitief" and m.is_eerste and m.definitief_op
    with pytest.raises(ValidationError, match="niet gewijzigd"):
        services.wijzig_concept(meting=m, door=wie, datum=date(2025, 2, 3), soort="intake",
                                antwoorden=antwoorden(versie, 5))
    with pytest.raises(ValidationError, match="al definitief"):
        services.maak_definitief(meting=m, door=wie)
    with pytest.raises(ValidationError, match="niet worden verwijderd"):
        services.verwijder_concept(meting=m, door=wie)


def test_correctie_is_nieuwe_versie_met_reden(dossier, versie):
    wie = dossier.mensen["teamlid"]
    oud = meting(dossier.jan, wie, financien=2)
    with pytest.raises(ValidationError) as fout:
        services.corrigeer_meting(meting=oud, door=wie, reden=" ", antwoorden=antwoorden(versie, 3))
    assert fout.value.message_dict["reden"] == ["Geef de reden van de correctie."]
    nieuw = services.corrigeer_meting(meting=oud, door=wie, reden="Verkeerd domein gescoord",
                                      antwoorden=antwoorden(versie, 3, financien=4))
    oud.refresh_from_db()
    assert oud.status == "vervangen" and oud.scores[0] == 2 and not oud.is_eerste
    assert nieuw.vervangt == oud and nieuw.is_eerste and nieuw.scores[0] == 4 and nieuw.datum == oud.datum
    with pytest.raises(ValidationError, match="Alleen een definitieve"):
        services.corrigeer_meting(meting=oud, door=wie, reden="nog eens", antwoorden=antwoorden(versie, 3))


def test_eerste_meting_volgt_de_datum(dossier, versie):
    wie = dossier.mensen["teamlid"]
    later = meting(dossier.jan, wie, datum=date(2025, 6, 1))
    eerder = meting(dossier.jan, wie, datum=date(2025, 2, 1), soort="intake")
    later.refresh_from_db()
    eerder.refresh_from_db()
    assert eerder.is_eerste and not later.is_eerste
    assert Meting.objects.filter(persoon=dossier.jan, is_eerste=True).count() == 1


def test_oude_versie_kan_ook_worden_gescoord(dossier, oude_versie):
    m = meting(dossier.jan, dossier.mensen["teamlid"], versie=oude_versie, dagbesteding=2)
    assert len(m.scores) == 11 and m.scores[1] == 2
    assert Domein.objects.filter(versie=oude_versie).count() == 11
