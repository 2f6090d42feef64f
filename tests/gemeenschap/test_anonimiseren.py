"""Retention: gemeenschap anonymises the free texts and person links of a household that passes its term,
also through a full bewaring run (carer records point at network members, which bewaring removes)."""

from datetime import date

import pytest

from bewaring import registry
from bewaring import services as bewaring
from gemeenschap import mantelzorg, services
from gemeenschap.anonimiseren import anonimiseer
from gemeenschap.models import Belastingcheck, Hulpvraag, Klacht, Koppeling, Mantelzorger, MantelzorgSteun
from huishoudens import services as huishouden_services
from huishoudens.models import Traject
from tests.gemeenschap.conftest import maak_dossier
from tests.gemeenschap.factories import VrijwilligerFactory

pytestmark = pytest.mark.django_db


def _vul(org, dossier, naam):
    regisseur = dossier.regisseur
    hv = services.maak_hulpvraag_voor_actie(door=regisseur, actie=dossier.actie, wat=f"Wandelen met {naam}",
                                            vaardigheden=["bewegen"])
    v = VrijwilligerFactory(naam="Anna Wandel", wijk=dossier.huishouden.wijk, vaardigheden=["bewegen"])
    services.stel_koppeling_voor(hulpvraag=hv, vrijwilliger=v, door=org.mensen["sociaal_makelaar"],
                                 toelichting=f"{naam} wil graag op dinsdag")
    mz = mantelzorg.registreer_mantelzorger(door=regisseur, netwerklid=dossier.netwerklid, zorgt_voor=naam,
                                            uren_per_week=20, sinds=date(2020, 1, 1))
    mantelzorg.registreer_steun(mantelzorger=mz, door=regisseur, soort="respijtzorg", datum=date(2021, 1, 1),
                                toelichting=f"Logeeropvang voor {naam}")
    mantelzorg.registreer_mantelzorger(door=regisseur, persoon=dossier.persoon, zorgt_voor="kleinzoon",
                                       uren_per_week=4, sinds=date(2020, 1, 1))
    klacht = services.registreer_klacht(door=regisseur, ontvangen_op=date(2021, 1, 1),
                                        onderwerp=f"Klacht van {naam}", huishouden=dossier.huishouden, team=org.team_a,
                                        behandeling=f"Gesprek met {naam}")
    return hv, klacht


def test_anonimiseert_teksten_en_persoonskoppelingen_van_alleen_dit_huishouden(org):
    assert anonimiseer in registry.ANONIMISEERDERS
    weg = maak_dossier(org, naam="Familie Weg")
    blijft = maak_dossier(org, naam="Familie Blijft")
    hv, klacht = _vul(org, weg, "mevrouw Weg")
    hv_b, klacht_b = _vul(org, blijft, "mevrouw Blijft")

    anonimiseer([weg.huishouden.pk])

    hv.refresh_from_db()
    assert hv.wat == "Geanonimiseerd" and hv.aanvrager == "" and hv.status == Hulpvraag.Status.OPEN
    assert Koppeling.objects.get(hulpvraag=hv).toelichting == "Geanonimiseerd"
    assert not Mantelzorger.objects.filter(huishouden=weg.huishouden).exists()
    klacht.refresh_from_db()
    assert klacht.onderwerp == "Geanonimiseerd" and klacht.behandeling == "Geanonimiseerd"
    assert klacht.huishouden_id is None
    # the other household is untouched
    assert Hulpvraag.objects.get(pk=hv_b.pk).wat == "Wandelen met mevrouw Blijft"
    assert Mantelzorger.objects.filter(huishouden=blijft.huishouden).count() == 2
    assert MantelzorgSteun.objects.get().toelichting == "Logeeropvang voor mevrouw Blijft"
    assert Klacht.objects.get(pk=klacht_b.pk).huishouden_id == blijft.huishouden.pk


def test_volledige_vernietiging_met_mantelzorger_uit_het_netwerk(org):
    dossier = maak_dossier(org, naam="Familie Oud")
    _vul(org, dossier, "mevrouw Oud")
    mz = Mantelzorger.objects.get(netwerklid=dossier.netwerklid)
    mantelzorg.neem_belastingcheck_af(mantelzorger=mz, door=dossier.regisseur, datum=date(2021, 2, 1),
                                      antwoorden={c: 3 for c, _t in mantelzorg.BELASTING_VRAGEN})
    huishouden_services.sluit_traject_af(traject=dossier.traject, door=None, reden=Traject.Afsluitreden.DOELEN_BEREIKT,
                        op=date(2001, 1, 1))
    lijst = bewaring.stel_lijst_op(gemeente=org.gemeente, peildatum=date(2026, 11, 25))
    bewaring.bevestig_lijst(lijst=lijst, door=org.mensen["beheer"])
    bewaring.voer_vernietiging_uit(lijst_id=lijst.pk)  # no ProtectedError on the network member

    assert not dossier.huishouden.netwerk.exists()
    assert not Mantelzorger.objects.exists() and not Belastingcheck.objects.exists()
    assert Hulpvraag.objects.get().wat == "Geanonimiseerd"
