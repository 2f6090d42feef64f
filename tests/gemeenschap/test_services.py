"""Services: the happy paths, and bad input (end before start, negative hours, unknown wijk) gets a clear Dutch
message and saves nothing."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from gemeenschap import mantelzorg, services
from gemeenschap.models import (
    CollectieveActiviteit,
    Hulpvraag,
    Klacht,
    Koppeling,
    Mantelzorger,
    Vrijwilliger,
)
from huishoudens.models import Ladder
from tests.gemeenschap.factories import VrijwilligerFactory
from wijkteams.models import Wijk

pytestmark = pytest.mark.django_db


def test_makelaar_registreert_vrijwilliger_en_dat_wordt_gelogd(org, makelaar):
    v = services.registreer_vrijwilliger(door=makelaar, naam="Joke Maas", email="joke@example.org", wijk=org.wijk_a,
                                         vaardigheden=["boodschappen"], beschikbaarheid=["ma_ochtend"],
                                         vog_gecontroleerd=True, vog_datum=date(2025, 5, 1), organisatie="Humanitas")
    assert v.gemeente == org.gemeente and v.aangemeld_op == timezone.localdate()
    assert AuditEvent.objects.filter(object_type="gemeenschap.vrijwilliger", object_id=str(v.pk)).exists()


def test_onbekende_wijk_geeft_nederlandse_fout_en_slaat_niets_op(org, makelaar):
    wijk_andere_gemeente = Wijk.objects.get(cbs_code="WK048201")
    with pytest.raises(ValidationError) as fout:
        services.registreer_vrijwilliger(door=makelaar, naam="Joke", wijk=wijk_andere_gemeente)
    assert fout.value.message_dict["wijk"] == ["Onbekende wijk: kies een wijk in uw gemeente."]
    with pytest.raises(ValidationError) as fout:
        services.registreer_vrijwilliger(door=makelaar, naam="Joke", wijk=999999)
    assert "Onbekende wijk" in fout.value.message_dict["wijk"][0]
    assert not Vrijwilliger.objects.exists()


def test_vog_gecontroleerd_vraagt_een_datum(org, makelaar):
    with pytest.raises(ValidationError) as fout:
        services.registreer_vrijwilliger(door=makelaar, naam="Joke", wijk=org.wijk_a, vog_gecontroleerd=True)
    assert "datum van de VOG" in fout.value.message_dict["vog_datum"][0]
    assert not Vrijwilliger.objects.exists()


def test_alleen_de_makelaar_beheert_het_register(org):
    with pytest.raises(PermissionDenied):
        services.registreer_vrijwilliger(door=org.mensen["teamlid"], naam="Joke", wijk=org.wijk_a)


def test_hulpvraag_uit_planactiviteit(dossier):
    hv = services.maak_hulpvraag_voor_actie(door=dossier.regisseur, actie=dossier.actie, vaardigheden=["bewegen"],
                                            wanneer=["di_middag"])
    assert hv.bron == Hulpvraag.Bron.PLAN and hv.huishouden == dossier.huishouden and hv.wijk == dossier.huishouden.wijk
    assert hv.wat == dossier.actie.omschrijving
    with pytest.raises(ValidationError, match="loopt al een hulpvraag"):
        services.maak_hulpvraag_voor_actie(door=dossier.regisseur, actie=dossier.actie)


def test_hulpvraag_alleen_voor_de_trede_vrijwilligers(dossier):
    dossier.actie.ladder = Ladder.NETWERK
    dossier.actie.save()
    with pytest.raises(ValidationError, match="Vrijwilligers"):
        services.maak_hulpvraag_voor_actie(door=dossier.regisseur, actie=dossier.actie)
    assert not Hulpvraag.objects.exists()


def test_hulpvraag_niet_voor_een_huishouden_van_een_ander_team(org, dossier):
    with pytest.raises(PermissionDenied):
        services.maak_hulpvraag_voor_actie(door=org.mensen["medewerker_ander_team"], actie=dossier.actie)


def test_losse_hulpvraag_met_foute_invoer(org, makelaar):
    with pytest.raises(ValidationError) as fout:
        services.maak_hulpvraag(door=makelaar, wijk=None, bron="bewoner", wat="", hoe_vaak="soms")
    fouten = fout.value.message_dict
    assert fouten["wijk"] == ["Kies een wijk."] and fouten["wat"] == ["Beschrijf de hulpvraag."]
    assert "hoe_vaak" in fouten
    assert not Hulpvraag.objects.exists()


def _gekoppeld(org, makelaar):
    hv = services.maak_hulpvraag(door=makelaar, wijk=org.wijk_a, bron="bewoner", wat="Boodschappen",
                                 aanvrager="Mevrouw Smit")
    v = VrijwilligerFactory(wijk=org.wijk_a)
    return hv, services.stel_koppeling_voor(hulpvraag=hv, vrijwilliger=v, door=makelaar)


def test_koppeling_van_voorstel_tot_einde(org, makelaar):
    hv, k = _gekoppeld(org, makelaar)
    services.wijzig_koppeling(koppeling=k, naar=Koppeling.Status.GEACCEPTEERD, door=makelaar)
    hv.refresh_from_db()
    assert hv.status == Hulpvraag.Status.GEKOPPELD
    services.wijzig_koppeling(koppeling=k, naar=Koppeling.Status.GESTART, door=makelaar)
    vandaag = timezone.localdate()
    services.wijzig_koppeling(koppeling=k, naar=Koppeling.Status.BEEINDIGD, door=makelaar,
                              datum=vandaag + timedelta(days=30))
    k.refresh_from_db()
    hv.refresh_from_db()
    assert (k.status, k.start, k.eind) == (Koppeling.Status.BEEINDIGD, vandaag, vandaag + timedelta(days=30))
    assert hv.status == Hulpvraag.Status.AFGEROND


def test_einde_voor_start_geeft_fout_en_slaat_niets_op(org, makelaar):
    _hv, k = _gekoppeld(org, makelaar)
    services.wijzig_koppeling(koppeling=k, naar=Koppeling.Status.GEACCEPTEERD, door=makelaar)
    services.wijzig_koppeling(koppeling=k, naar=Koppeling.Status.GESTART, door=makelaar)
    with pytest.raises(ValidationError) as fout:
        services.wijzig_koppeling(koppeling=k, naar=Koppeling.Status.BEEINDIGD, door=makelaar,
                                  datum=timezone.localdate() - timedelta(days=1))
    assert fout.value.message_dict["datum"] == ["De einddatum ligt vóór de startdatum."]
    k.refresh_from_db()
    assert k.status == Koppeling.Status.GESTART and k.eind is None


def test_verkeerde_overgang_van_koppeling(org, makelaar):
    _hv, k = _gekoppeld(org, makelaar)
    with pytest.raises(ValidationError, match="kan niet naar"):
        services.wijzig_koppeling(koppeling=k, naar=Koppeling.Status.BEEINDIGD, door=makelaar)


def test_tweede_voorstel_terwijl_er_een_loopt_wordt_geweigerd(org, makelaar):
    hv, _k = _gekoppeld(org, makelaar)
    with pytest.raises(ValidationError, match="lopende koppeling"):
        services.stel_koppeling_voor(hulpvraag=hv, vrijwilliger=VrijwilligerFactory(wijk=org.wijk_a), door=makelaar)


def test_afgewezen_voorstel_maakt_de_vraag_weer_open(org, makelaar):
    hv, k = _gekoppeld(org, makelaar)
    services.wijzig_koppeling(koppeling=k, naar=Koppeling.Status.AFGEWEZEN, door=makelaar)
    hv.refresh_from_db()
    assert hv.status == Hulpvraag.Status.OPEN
    services.stel_koppeling_voor(hulpvraag=hv, vrijwilliger=VrijwilligerFactory(wijk=org.wijk_a), door=makelaar)


def test_vog_nodig_weigert_vrijwilliger_zonder_vog(org, makelaar):
    hv = services.maak_hulpvraag(door=makelaar, wijk=org.wijk_a, bron="partner", wat="Voorlezen", vog_nodig=True)
    with pytest.raises(ValidationError, match="VOG"):
        services.stel_koppeling_voor(hulpvraag=hv, vrijwilliger=VrijwilligerFactory(wijk=org.wijk_a), door=makelaar)
    assert not Koppeling.objects.exists()


def test_negatieve_uren_mantelzorg_geeft_fout_en_slaat_niets_op(dossier):
    with pytest.raises(ValidationError) as fout:
        mantelzorg.registreer_mantelzorger(door=dossier.regisseur, netwerklid=dossier.netwerklid,
                                           zorgt_voor="Annie", uren_per_week=-4, sinds=date(2024, 1, 1))
    assert fout.value.message_dict["uren_per_week"] == ["Het aantal uren per week kan niet negatief zijn."]
    assert not Mantelzorger.objects.exists()


def test_mantelzorger_is_persoon_of_netwerklid(dossier):
    with pytest.raises(ValidationError, match="óf iemand uit het netwerk"):
        mantelzorg.registreer_mantelzorger(door=dossier.regisseur, persoon=dossier.persoon,
                                           netwerklid=dossier.netwerklid, zorgt_voor="x", uren_per_week=2,
                                           sinds=date(2024, 1, 1))
    mz = mantelzorg.registreer_mantelzorger(door=dossier.regisseur, persoon=dossier.persoon, zorgt_voor="Partner",
                                            uren_per_week="12.5", sinds=date(2024, 1, 1))
    assert mz.wijk == dossier.huishouden.wijk and mz.naam == "Annie Jansen"


def test_mantelzorger_niet_voor_een_huishouden_van_een_ander_team(org, dossier):
    with pytest.raises(PermissionDenied):
        mantelzorg.registreer_mantelzorger(door=org.mensen["medewerker_ander_team"], persoon=dossier.persoon,
                                           zorgt_voor="x", uren_per_week=2, sinds=date(2024, 1, 1))


def test_activiteit_einde_voor_start_en_onbekende_wijk(org):
    mw = org.mensen["teamlid"]
    with pytest.raises(ValidationError) as fout:
        services.registreer_activiteit(door=mw, wijk=org.wijk_a, soort="voorlichting", titel="Valpreventie",
                                       startdatum=date(2026, 3, 1), einddatum=date(2026, 2, 1), bereik=-3)
    assert fout.value.message_dict["einddatum"] == ["De einddatum ligt vóór de startdatum."]
    assert fout.value.message_dict["bereik"] == ["Het bereik kan niet negatief zijn."]
    with pytest.raises(ValidationError) as fout:
        services.registreer_activiteit(door=mw, wijk=Wijk.objects.get(cbs_code="WK048201"), soort="ontmoeting",
                                       titel="Koffie", startdatum=date(2026, 3, 1))
    assert fout.value.message_dict["wijk"] == ["Onbekende wijk: kies een wijk in uw gemeente."]
    assert not CollectieveActiviteit.objects.exists()


def test_activiteit_in_een_wijk_krijgt_het_gebied_van_de_wijk(org):
    a = services.registreer_activiteit(door=org.mensen["teamlid"], wijk=org.wijk_b, soort="ontmoeting",
                                       titel="Buurtkoffie", startdatum=date(2026, 3, 1), bereik=12)
    assert a.gebied == org.gebied_b
    with pytest.raises(ValidationError, match="hoort niet bij het gekozen gebied"):
        services.registreer_activiteit(door=org.mensen["teamlid"], wijk=org.wijk_b, gebied=org.gebied_a,
                                       soort="ontmoeting", titel="x", startdatum=date(2026, 3, 1))


def test_klacht_krijgt_een_termijn_van_zes_weken_instelbaar(org, settings):
    coord = org.mensen["coordinator_eigen_gebied"]
    k = services.registreer_klacht(door=coord, ontvangen_op=date(2026, 1, 5), onderwerp="Lang wachten",
                                   team=org.team_a)
    assert k.uiterlijk_afgehandeld == date(2026, 2, 16) and k.gebied == org.gebied_a
    settings.GEMEENSCHAP_KLACHT_TERMIJN_WEKEN = 8
    k2 = services.registreer_klacht(door=coord, ontvangen_op=date(2026, 1, 5), onderwerp="x", gebied=org.gebied_b)
    assert k2.uiterlijk_afgehandeld == date(2026, 3, 2)


def test_klacht_afhandelen_vraagt_uitkomst(org):
    coord = org.mensen["coordinator_eigen_gebied"]
    k = services.registreer_klacht(door=coord, ontvangen_op=date(2026, 1, 5), onderwerp="x", team=org.team_a)
    with pytest.raises(ValidationError) as fout:
        services.behandel_klacht(klacht=k, door=coord, naar=Klacht.Status.AFGEHANDELD)
    assert "uitkomst" in fout.value.message_dict
    services.behandel_klacht(klacht=k, door=coord, naar=Klacht.Status.AFGEHANDELD, uitkomst="gegrond",
                             behandeling="Gesprek gevoerd", afgehandeld_op=date(2026, 1, 20))
    k.refresh_from_db()
    assert k.status == Klacht.Status.AFGEHANDELD
    with pytest.raises(PermissionDenied):
        services.behandel_klacht(klacht=k, door=org.mensen["teamlid"], naar=Klacht.Status.AFGEHANDELD)


def test_klacht_met_huishouden_dat_je_niet_mag_zien(org, dossier):
    with pytest.raises(ValidationError) as fout:
        services.registreer_klacht(door=org.mensen["medewerker_ander_team"], ontvangen_op=date(2026, 1, 5),
                                   onderwerp="x", team=org.team_b, huishouden=dossier.huishouden)
    assert "huishouden" in fout.value.message_dict
    assert not Klacht.objects.exists()
