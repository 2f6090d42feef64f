"""Issue 17: a coördinator merges two records of the same household; every app's rows and the access follow."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from gemeenschap import mantelzorg
from gemeenschap.models import Mantelzorger
from huishoudens import selectors, services
from huishoudens.models import (
    Huishouden,
    HuishoudenGroupObjectPermission,
    HuishoudenUserObjectPermission,
    Keukentafelgesprek,
    Plan,
)
from tests.huishoudens.factories import HuishoudenFactory, PersoonFactory, maak_dossier
from tests.toegang_melding.factories import melding
from toegang.models import Melding

pytestmark = pytest.mark.django_db
REDEN = "Bij de melding dubbel ingeschreven"


def _lege_dubbel(dossier, **velden):
    """A second record of the dossier's household at the same address, one person, no traject."""
    h = dossier.huishouden
    dubbel = HuishoudenFactory(wijk=h.wijk, straat=h.straat, huisnummer=h.huisnummer, postcode=h.postcode,
                               naam="Familie Jansen (dubbel)", **velden)
    PersoonFactory(huishouden=dubbel)
    return dubbel


def test_alles_volgt_het_behouden_huishouden(org, dossier):
    """The household with the traject, plan, gesprek, network, melding and carer is merged into an empty duplicate
    record: all of it moves, the access is redone for the kept one, the shell keeps nothing, the merge is logged."""
    regisseur, coord = dossier.mensen["regisseur"], org.mensen["coordinator_eigen_gebied"]
    weg, traject = dossier.huishouden, dossier.traject
    behouden = _lege_dubbel(dossier)
    m = melding(weg, door=regisseur)
    persoon = weg.personen.first()
    mantelzorg.registreer_mantelzorger(door=regisseur, persoon=persoon, zorgt_voor="partner", uren_per_week=12,
                                       sinds=date(2024, 1, 1))
    assert not selectors.huishoudens_voor(regisseur).filter(pk=behouden.pk).exists()

    services.voeg_huishoudens_samen(behouden=behouden, samenvoegen=weg, door=coord, reden=REDEN)

    weg.refresh_from_db()
    assert weg.samengevoegd_in_id == behouden.pk and weg.naam == f"Samengevoegd in huishouden {behouden.pk}"
    assert not weg.personen.exists() and not weg.trajecten.exists() and not weg.netwerk.exists()
    assert behouden.personen.count() == 4  # its own one and the dossier's three
    traject.refresh_from_db()
    assert traject.huishouden_id == behouden.pk
    assert Plan.objects.get(pk=dossier.plan.pk).huishouden_id == behouden.pk  # composite key cascades
    assert Keukentafelgesprek.objects.get(pk=dossier.gesprek.pk).traject.huishouden_id == behouden.pk
    assert Melding.objects.get(pk=m.pk).huishouden_id == behouden.pk
    assert Mantelzorger.objects.get(persoon=persoon).huishouden_id == behouden.pk
    # access: the regisseur, the team and the coördinator now see the kept household; nobody the shell
    for wie in (regisseur, org.mensen["teamlid"], coord):
        assert selectors.huishoudens_voor(wie).filter(pk=behouden.pk).exists()
        assert not selectors.huishoudens_voor(wie).filter(pk=weg.pk).exists()
    assert not HuishoudenUserObjectPermission.objects.filter(content_object=weg).exists()
    assert not HuishoudenGroupObjectPermission.objects.filter(content_object=weg).exists()
    regel = AuditEvent.objects.filter(object_type="huishoudens.huishouden", object_id=str(behouden.pk),
                                      detail__samengevoegd=weg.pk).get()
    assert regel.actor_weergave == "coord_a" and regel.detail["reden"] == REDEN
    assert regel.detail["trajecten"] == [traject.pk]
    # the shell is no longer found at the door
    assert [k["huishouden"] for k in selectors.zoek_bestaand(
        coord, postcode=behouden.postcode, huisnummer=behouden.huisnummer)] == [behouden]


def test_samenvoegen_controleert_reden_en_open_trajecten(org, dossier):
    coord = org.mensen["coordinator_eigen_gebied"]
    tweede = maak_dossier(org, personen=1)
    with pytest.raises(ValidationError, match="reden"):
        services.voeg_huishoudens_samen(behouden=dossier.huishouden, samenvoegen=tweede, door=coord, reden=" ")
    with pytest.raises(ValidationError, match="open traject"):
        services.voeg_huishoudens_samen(behouden=dossier.huishouden, samenvoegen=tweede, door=coord, reden=REDEN)
    with pytest.raises(ValidationError, match="verschillende"):
        services.voeg_huishoudens_samen(behouden=tweede, samenvoegen=tweede, door=coord, reden=REDEN)
    assert not Huishouden.objects.filter(samengevoegd_in__isnull=False).exists()


@pytest.mark.parametrize("wie", ["teamlid", "regisseur", "coordinator_ander_gebied", "coordinator_andere_gemeente",
                                 "lzn"])
def test_de_verkeerde_persoon_kan_niet_samenvoegen(org, dossier, wie):
    dubbel = _lege_dubbel(dossier)
    with pytest.raises(PermissionDenied):
        services.voeg_huishoudens_samen(behouden=dubbel, samenvoegen=dossier.huishouden,
                                        door=dossier.mensen[wie], reden=REDEN)
    assert not Huishouden.objects.filter(samengevoegd_in__isnull=False).exists()


def test_alleen_binnen_het_eigen_gebied(org, dossier):
    """The coördinator of gebied A cannot pull a household of gebied B into one of theirs."""
    elders = maak_dossier(org, team=org.team_b, personen=1)
    dubbel = _lege_dubbel(dossier)
    with pytest.raises(PermissionDenied):
        services.voeg_huishoudens_samen(behouden=dubbel, samenvoegen=elders,
                                        door=org.mensen["coordinator_eigen_gebied"], reden=REDEN)


def test_pagina_toont_dubbelen_en_voegt_samen(client, org, dossier, django_assert_max_num_queries):
    coord = org.mensen["coordinator_eigen_gebied"]
    dubbel = _lege_dubbel(dossier)
    url = reverse("huishoudens:huishoudens_samenvoegen", args=[dossier.huishouden.pk])
    client.force_login(coord)
    with django_assert_max_num_queries(25):
        pagina = client.get(url)
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Familie Jansen (dubbel)" in tekst and 'for="id_reden"' in tekst
    leeg = client.post(url, {"samenvoegen": dubbel.pk, "reden": ""})
    assert leeg.status_code == 400 and "Vul de reden van het samenvoegen in." in leeg.content.decode()
    antwoord = client.post(url, {"samenvoegen": dubbel.pk, "reden": REDEN})
    assert antwoord.status_code == 302
    assert Huishouden.objects.get(pk=dubbel.pk).samengevoegd_in_id == dossier.huishouden.pk
    # the duplicate's person has the same birth date as one of the dossier's: on to the person merge
    assert antwoord.url == reverse("huishoudens:samenvoegen", args=[dossier.huishouden.pk])
    assert "voeg ze samen als het dezelfde persoon is" in client.get(antwoord.url).content.decode()


@pytest.mark.parametrize("wie", ["teamlid", "regisseur", "coordinator_ander_gebied", "coordinator_andere_gemeente"])
def test_pagina_is_404_voor_de_verkeerde_persoon(client, org, dossier, wie):
    dubbel = _lege_dubbel(dossier)
    url = reverse("huishoudens:huishoudens_samenvoegen", args=[dossier.huishouden.pk])
    client.force_login(dossier.mensen[wie])
    assert client.get(url).status_code == 404
    assert client.post(url, {"samenvoegen": dubbel.pk, "reden": REDEN}).status_code == 404
    assert Huishouden.objects.get(pk=dubbel.pk).samengevoegd_in_id is None


def test_maatwerk_zrm_en_opschaling_volgen_ook(org):
    """The rows of the higher apps follow on the ``huishouden_samengevoegd`` signal: a maatwerk request, a ZRM
    measurement, an escalation to the LZN, whose access moves to the kept household with it."""
    from django.contrib.auth.models import Group

    from tests.toegang_maatwerk.factories import maak_dossier as maak_maatwerkdossier
    from tests.toegang_maatwerk.factories import vraag_aan
    from tests.zelfredzaamheid.factories import meting
    from toegang.maatwerk.catalogus import richt_catalogus_in, richt_mandaten_in
    from toegang.models import Aanvraag, Opschaling, OpschalingDoel
    from toegang.opschaling import services as opschaling_services
    from zelfredzaamheid.models import MatrixVersie, Meting

    richt_catalogus_in(org.gemeente)
    richt_mandaten_in(org.gemeente)
    teamlid, coord, lzn = org.mensen["teamlid"], org.mensen["coordinator_eigen_gebied"], org.mensen["lzn"]
    lzn.groups.add(Group.objects.get(name="lzn"))
    weg = maak_maatwerkdossier(org.team_a, regisseur=teamlid, door=coord)
    aanvraag = vraag_aan(weg, teamlid)
    zrm = meting(weg.volwassene, teamlid, versie=MatrixVersie.objects.get(code="2017"))
    opschaling = opschaling_services.schaal_op(
        traject=weg.traject, doel=OpschalingDoel.objects.get(gemeente=org.gemeente, code="lzn"), door=teamlid,
        reden="Schulden, dreigende huisuitzetting en verslaving", geprobeerd="Budgetcoaching aangeboden")
    assert selectors.huishoudens_voor(lzn).filter(pk=weg.pk).exists()
    behouden = HuishoudenFactory(wijk=weg.wijk, straat=weg.straat, huisnummer=weg.huisnummer, postcode=weg.postcode)

    services.voeg_huishoudens_samen(behouden=behouden, samenvoegen=weg, door=coord, reden=REDEN)

    assert Aanvraag.objects.get(pk=aanvraag.pk).huishouden_id == behouden.pk
    assert Meting.objects.get(pk=zrm.pk).huishouden_id == behouden.pk
    assert Opschaling.objects.get(pk=opschaling.pk).huishouden_id == behouden.pk
    assert selectors.huishoudens_voor(lzn).filter(pk=behouden.pk).exists()
    assert not selectors.huishoudens_voor(lzn).filter(pk=weg.pk).exists()
    assert selectors.huishoudens_voor(teamlid).filter(pk=behouden.pk).exists()
