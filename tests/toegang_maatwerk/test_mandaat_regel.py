"""One mandate rule: "may this person decide" and "is it in this person's werkvoorraad" always agree, over every
kind of mandate, every role, with and without gebied; the API list and the daily digest use the same rule."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from tests.factories import DisciplineFactory, TeamTypeFactory, maak_gebruiker
from tests.toegang_maatwerk.factories import maak_dossier, vraag_aan
from toegang.maatwerk import selectors, services
from toegang.melding.notificaties import dagoverzichten
from toegang.models import Aanvraag, Mandaat
from wijkteams import rollen
from wijkteams import services as wijkteam_services

pytestmark = pytest.mark.django_db
B = Mandaat.Beslisser


@pytest.fixture
def opzet(mw):
    """Requests in a team with gebied (A) and in a gemeente-wide team without gebied, and people in every role."""
    zonder_gebied = wijkteam_services.maak_team(gemeente=mw.gemeente, gebied=None,
                                                type=TeamTypeFactory(gemeente=mw.gemeente), naam="Team gemeentebreed")
    jurist = DisciplineFactory(gemeente=mw.gemeente, code="jurist", naam="Jurist")
    m = mw.mensen
    m["gemeentecoordinator"] = maak_gebruiker(mw.gemeente, rollen.COORDINATOR, username="coord_gemeente")
    m["teamlid_breed"] = maak_gebruiker(mw.gemeente, rollen.MEDEWERKER, username="teamlid_breed",
                                        teams=[zonder_gebied])
    m["wmo_breed"] = maak_gebruiker(mw.gemeente, rollen.MEDEWERKER, username="wmo_breed", teams=[zonder_gebied],
                                    discipline=m["wmoconsulent"].medewerker.discipline)
    m["jurist_a"] = maak_gebruiker(mw.gemeente, rollen.MEDEWERKER, username="jurist_a", teams=[mw.team_a],
                                   discipline=jurist)
    met = maak_dossier(mw.team_a, regisseur=m["teamlid"], door=m["coordinator_eigen_gebied"])
    zonder = maak_dossier(zonder_gebied, regisseur=m["teamlid_breed"], door=m["gemeentecoordinator"],
                          naam="Huishouden Zonder Gebied")
    wmo = m["wmoconsulent"].medewerker.discipline
    mandaten = [(B.COORDINATOR, None), (B.DISCIPLINE, wmo), (B.DISCIPLINE, jurist), (B.EXTERN, None)]
    aanvragen = []
    for dossier, aanvrager in ((met, m["teamlid"]), (zonder, m["teamlid_breed"])):
        for beslisser, discipline in mandaten:
            a = vraag_aan(dossier, aanvrager)
            Aanvraag.objects.filter(pk=a.pk).update(beslisser=beslisser, beslis_discipline=discipline,
                                                    externe_instantie="Regionale dienst" if beslisser == B.EXTERN
                                                    else "")
            a.refresh_from_db()
            aanvragen.append(a)
    # one request resubmitted by a colleague who holds the mandate: an author now
    herschreven = vraag_aan(met, m["teamlid"])
    Aanvraag.objects.filter(pk=herschreven.pk).update(status=Aanvraag.Status.TERUGGESTUURD)
    services.dien_opnieuw_in(aanvraag_id=herschreven.pk, door=m["wmoconsulent"],
                             motivering="Herschreven door de Wmo-consulent: de buren kunnen niet meer helpen.")
    aanvragen.append(herschreven)
    return mw, aanvragen, zonder_gebied


def test_mag_beslissen_en_werkvoorraad_zijn_het_altijd_eens(opzet):
    mw, aanvragen, _ = opzet
    mensen = list(mw.mensen.values())
    verschillen, ja = [], set()
    for aanvraag, user in itertools.product(aanvragen, mensen):
        mag = services.mag_beslissen(user, aanvraag)
        in_voorraad = selectors.te_beslissen_voor(user).filter(pk=aanvraag.pk).exists()
        if mag != in_voorraad:
            verschillen.append((aanvraag.pk, aanvraag.beslisser, aanvraag.gebied_id, user.username, mag, in_voorraad))
        if mag:
            ja.add((aanvraag.beslisser, aanvraag.beslis_discipline_id, aanvraag.gebied_id is None, user.username))
    assert verschillen == []
    wmo = mw.mensen["wmoconsulent"].medewerker.discipline_id
    # the answers themselves: each request has its defined decider, with and without gebied
    assert (B.COORDINATOR, None, False, "coord_a") in ja and (B.COORDINATOR, None, False, "coord_a2") in ja
    assert (B.COORDINATOR, None, True, "coord_gemeente") in ja and (B.COORDINATOR, None, True, "coord_a") in ja
    assert (B.DISCIPLINE, wmo, False, "wmoconsulent") in ja and (B.DISCIPLINE, wmo, True, "wmo_breed") in ja
    assert (B.EXTERN, None, True, "coord_gemeente") in ja and (B.EXTERN, None, False, "jurist_a") in ja
    assert not any(u in ("ander", "coord_ander", "beleid", "lzn") for *_, u in ja)
    assert not any(u == "coord_b" for b, d, zonder, u in ja if not zonder)  # another gebied's coördinator
    assert not any(u == "teamlid" for b, d, zonder, u in ja if not zonder)  # the requester, four eyes
    assert not any(u == "wmo_breed" for b, d, zonder, u in ja if not zonder)  # not in team A
    assert (B.DISCIPLINE, wmo, True, "wmoconsulent") not in ja  # not in the gemeente-wide team
    herschreven = aanvragen[-1]
    assert not services.mag_beslissen(mw.mensen["wmoconsulent"], herschreven)


def test_api_en_dagoverzicht_volgen_dezelfde_regel(opzet):
    mw, aanvragen, _ = opzet
    api = APIClient()
    oud = timezone.localdate() - timedelta(days=13)  # the decision term ends tomorrow: in the digest
    Aanvraag.objects.filter(pk__in=[a.pk for a in aanvragen]).update(aanvraagdatum=oud)
    overzicht = {u.username: "\n".join(r) for u, r in dagoverzichten().items()}
    for user in mw.mensen.values():
        verwacht = set(selectors.te_beslissen_voor(user).values_list("pk", flat=True))
        api.force_authenticate(user)
        antwoord = api.get("/api/v1/maatwerk/aanvragen/?te_beslissen=1")
        assert antwoord.status_code == 200
        gekregen = {r["id"] for r in antwoord.json().get("results", antwoord.json())}
        assert gekregen == verwacht, user.username
        in_mail = {a.pk for a in aanvragen if f"Besluit over aanvraag {a.pk}:" in overzicht.get(user.username, "")}
        assert in_mail == verwacht, user.username
    assert overzicht["coord_gemeente"]  # the gemeente-wide coördinator gets the requests without gebied
