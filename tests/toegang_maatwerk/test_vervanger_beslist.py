"""Issue 17, achtervang for maatwerk: while the decider the mandate register names is away, the substitute they
named may DECIDE the request (not only see its term), through the page, the API and the service. Not before the
absence starts, not after it ends, never on a request the substitute wrote (four eyes); anyone else still gets
403 or 404. The rule is the access policy: ``toegang.maatwerk.rechten`` (``vervangingsmandaat_q``)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from audit.models import AuditEvent
from tests.factories import maak_gebruiker
from tests.toegang_maatwerk.factories import vraag_aan
from toegang.maatwerk import rechten, selectors, services
from toegang.melding import services as melding_services
from toegang.models import Aanvraag, Afwezigheid
from wijkteams import rollen

Status = Aanvraag.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def opzet(mw, dossier):
    """A Wmo request by the teamlid; the mandate names the Wmo-consulent (team A); a colleague in team A without
    the discipline is the substitute."""
    mw.mensen["vervanger"] = maak_gebruiker(mw.gemeente, rollen.MEDEWERKER, username="vervanger", teams=[mw.team_a])
    aanvraag = vraag_aan(dossier, mw.mensen["teamlid"])
    assert services.mag_beslissen(mw.mensen["wmoconsulent"], aanvraag)
    assert not services.mag_beslissen(mw.mensen["vervanger"], aanvraag)  # no mandate of their own
    return mw, aanvraag


def _besluit_via_pagina(client, aanvraag, reden="Noodzakelijk"):
    """The decision form posted as the logged-in user: toekennen, with ``reden``."""
    return client.post(reverse("toegang:aanvraag_besluit", args=[aanvraag.pk]),
                       {"besluit": Status.TOEGEKEND, "reden": reden})


def _afwezig(mw, van, tot, vervanger):
    beslisser = mw.mensen["wmoconsulent"]
    return melding_services.registreer_afwezigheid(medewerker=beslisser, van=van, tot=tot, vervanger=vervanger,
                                                   door=beslisser)


def test_vervanger_beslist_tijdens_afwezigheid_via_de_pagina(client, opzet, django_assert_max_num_queries):
    mw, aanvraag = opzet
    vervanger = mw.mensen["vervanger"]
    vandaag = timezone.localdate()
    _afwezig(mw, vandaag - timedelta(days=1), vandaag + timedelta(days=1), vervanger)
    assert rechten.mag_beslissen(vervanger, aanvraag)
    assert rechten.vervangt_bij(vervanger, aanvraag) == mw.mensen["wmoconsulent"]
    client.force_login(vervanger)
    with django_assert_max_num_queries(45):
        pagina = client.get(aanvraag.get_absolute_url())
    assert pagina.status_code == 200 and "Besluit nemen" in pagina.content.decode()
    werkvoorraad = client.get(reverse("toegang:maatwerk_werkvoorraad")).content.decode()
    assert "beslist u als vervanger" in werkvoorraad and aanvraag.get_absolute_url() in werkvoorraad
    antwoord = _besluit_via_pagina(client, aanvraag, "Noodzakelijk; besloten als vervanger.")
    assert antwoord.status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.TOEGEKEND and aanvraag.besloten_door == vervanger
    rij = AuditEvent.objects.filter(object_type="toegang.aanvraag", object_id=str(aanvraag.pk),
                                    actor=vervanger).latest("pk")
    assert rij.detail["vervangt"] == mw.mensen["wmoconsulent"].pk


def test_vervanger_beslist_via_de_api(opzet):
    mw, aanvraag = opzet
    vandaag = timezone.localdate()
    _afwezig(mw, vandaag, vandaag, mw.mensen["vervanger"])
    api = APIClient()
    api.force_authenticate(mw.mensen["vervanger"])
    antwoord = api.post(f"/api/v1/maatwerk/aanvragen/{aanvraag.pk}/besluit/",
                        {"besluit": "teruggestuurd", "reden": "Graag het netwerk beschrijven."}, format="json")
    assert antwoord.status_code == 200 and antwoord.json()["status"] == "teruggestuurd"


@pytest.mark.parametrize(("van", "tot"), [(1, 3), (-5, -1)], ids=["voor_de_afwezigheid", "na_de_afwezigheid"])
def test_niet_voor_of_na_de_afwezigheid(client, opzet, van, tot):
    mw, aanvraag = opzet
    vervanger = mw.mensen["vervanger"]
    vandaag = timezone.localdate()
    _afwezig(mw, vandaag + timedelta(days=van), vandaag + timedelta(days=tot), vervanger)
    assert not rechten.mag_beslissen(vervanger, aanvraag)
    # the rule itself follows the day: on a day inside the absence the substitute could
    assert rechten.mag_beslissen(vervanger, aanvraag, op=vandaag + timedelta(days=van))
    client.force_login(vervanger)
    assert "Besluit nemen" not in client.get(aanvraag.get_absolute_url()).content.decode()
    antwoord = _besluit_via_pagina(client, aanvraag)
    assert antwoord.status_code == 403
    with pytest.raises(PermissionDenied):
        services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=vervanger, besluit=Status.TOEGEKEND,
                                       reden="Noodzakelijk")
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == Status.INGEDIEND


def test_nooit_als_vervanger_over_de_eigen_aanvraag(client, opzet):
    """The requester is the decider's substitute: four eyes still holds."""
    mw, aanvraag = opzet
    aanvrager = mw.mensen["teamlid"]
    vandaag = timezone.localdate()
    _afwezig(mw, vandaag, vandaag + timedelta(days=2), aanvrager)
    assert not rechten.mag_beslissen(aanvrager, aanvraag)
    assert rechten.vervangt_bij(aanvrager, aanvraag) is None
    assert selectors.te_beslissen_als_vervanger(aanvrager) == []
    client.force_login(aanvrager)
    assert _besluit_via_pagina(client, aanvraag).status_code == 403
    with pytest.raises(PermissionDenied, match="vier ogen"):
        services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=aanvrager, besluit=Status.TOEGEKEND,
                                       reden="Noodzakelijk")


def test_vervanger_van_een_ander_krijgt_niets(client, opzet):
    """Someone else's substitute, a colleague who is nobody's substitute, and a substitute recorded outside the
    team (who may not see the household): 403 where they see the household, 404 where they do not."""
    mw, aanvraag = opzet
    vandaag = timezone.localdate()
    # the substitute of someone who holds no mandate for this request
    Afwezigheid.objects.create(medewerker=mw.mensen["teamlid_jgt"], van=vandaag, tot=vandaag,
                               vervanger=mw.mensen["vervanger"])
    assert not rechten.mag_beslissen(mw.mensen["vervanger"], aanvraag)
    client.force_login(mw.mensen["vervanger"])
    assert _besluit_via_pagina(client, aanvraag).status_code == 403
    # the decider is away with a substitute outside the team (written directly: the service refuses it)
    Afwezigheid.objects.create(medewerker=mw.mensen["wmoconsulent"], van=vandaag, tot=vandaag,
                               vervanger=mw.mensen["medewerker_ander_team"])
    assert not rechten.mag_beslissen(mw.mensen["medewerker_ander_team"], aanvraag)
    client.force_login(mw.mensen["medewerker_ander_team"])
    assert _besluit_via_pagina(client, aanvraag).status_code == 404
    # and of another gemeente
    Afwezigheid.objects.create(medewerker=mw.mensen["wmoconsulent"], van=vandaag, tot=vandaag,
                               vervanger=mw.mensen["teamlid_ander"])
    assert not rechten.mag_beslissen(mw.mensen["teamlid_ander"], aanvraag)
    assert Aanvraag.objects.get(pk=aanvraag.pk).status == Status.INGEDIEND


def test_alleen_een_lopende_termijn_gaat_over(opzet):
    """A request sent back (term paused) is not the substitute's to decide; resubmitted, it is again."""
    mw, aanvraag = opzet
    vandaag = timezone.localdate()
    services.besluit_over_aanvraag(aanvraag_id=aanvraag.pk, door=mw.mensen["wmoconsulent"],
                                   besluit=Status.TERUGGESTUURD, reden="Graag aanvullen.")
    _afwezig(mw, vandaag, vandaag, mw.mensen["vervanger"])
    assert not rechten.mag_beslissen(mw.mensen["vervanger"], aanvraag)
    services.dien_opnieuw_in(aanvraag_id=aanvraag.pk, door=mw.mensen["teamlid"],
                             motivering="Het netwerk is uitgeput; de dochter woont ver weg en werkt fulltime.")
    assert rechten.mag_beslissen(mw.mensen["vervanger"], aanvraag)
