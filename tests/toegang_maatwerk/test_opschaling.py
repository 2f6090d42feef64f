"""Opschaling: LZN access on escalation and away on afschalen, transitions, bestuurstafel and signals."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from huishoudens.selectors import huishoudens_voor
from tests.toegang_maatwerk.factories import maak_dossier
from toegang.models import BeleidsSignaal, Opschaling, OpschalingDoel
from toegang.opschaling import services

pytestmark = pytest.mark.django_db
Status = Opschaling.Status


def _doel(mw, code):
    return OpschalingDoel.objects.get(gemeente=mw.gemeente, code=code)


def _naar_lzn(mw, dossier):
    return services.schaal_op(traject=dossier.traject, doel=_doel(mw, "lzn"), door=mw.mensen["teamlid"],
                        reden="Schulden, dreigende huisuitzetting en verslaving",
                        geprobeerd="Budgetcoaching en verslavingszorg aangeboden, niet aangenomen")


def test_lzn_krijgt_toegang_bij_opschaling_en_verliest_die_bij_afschalen(client, mw, dossier):
    lzn = mw.mensen["lzn"]
    lzn.groups.add(Group.objects.get(name="lzn"))
    assert not huishoudens_voor(lzn).filter(pk=dossier.pk).exists()
    opschaling = _naar_lzn(mw, dossier)
    assert huishoudens_voor(lzn).filter(pk=dossier.pk).exists()
    client.force_login(lzn)
    assert client.get(opschaling.get_absolute_url()).status_code == 200
    assert client.get(reverse("toegang:opschalingen")).content.decode().count(dossier.naam) == 1
    services.neem_in_behandeling(opschaling_id=opschaling.pk, door=lzn, overlegdatum=date(2026, 5, 4))
    services.leg_besluit_vast(opschaling_id=opschaling.pk, door=lzn, besluit="Bemoeizorg en beschermingsbewind")
    services.schaal_af(opschaling_id=opschaling.pk, door=lzn, instructies="Team volgt bewind en huurachterstand",
                 uitkomst="Huisuitzetting voorkomen")
    opschaling.refresh_from_db()
    assert opschaling.status == Status.AFGESCHAALD and opschaling.eigenaar == lzn
    assert not huishoudens_voor(lzn).filter(pk=dossier.pk).exists()
    assert client.get(opschaling.get_absolute_url()).status_code == 404
    # the team keeps access
    assert huishoudens_voor(mw.mensen["teamlid"]).filter(pk=dossier.pk).exists()


def test_afsluiten_haalt_lzn_toegang_ook_weg(mw, dossier):
    lzn_groep = Group.objects.get(name="lzn")
    opschaling = _naar_lzn(mw, dossier)
    services.sluit_opschaling_af(opschaling_id=opschaling.pk, door=mw.mensen["coordinator_eigen_gebied"],
                           uitkomst="Opgenomen in zorginstelling")
    from guardian.shortcuts import get_perms

    assert "view_huishouden" not in get_perms(lzn_groep, dossier)


def test_lzn_alleen_voor_volwassenen_van_23_plus(mw):
    jong = maak_dossier(mw.team_a, regisseur=mw.mensen["teamlid"], door=mw.mensen["coordinator_eigen_gebied"],
                        geboortedatum=date.today().replace(year=date.today().year - 19))
    with pytest.raises(ValidationError) as fout:
        _naar_lzn(mw, jong)
    assert "23 jaar en ouder" in fout.value.message_dict["doel"][0]


def test_overgang_buiten_tabel_geweigerd(mw, dossier):
    o = _naar_lzn(mw, dossier)
    services.sluit_opschaling_af(opschaling_id=o.pk, door=mw.mensen["coordinator_eigen_gebied"], uitkomst="Klaar")
    with pytest.raises(ValidationError) as fout:
        services.leg_besluit_vast(opschaling_id=o.pk, door=mw.mensen["coordinator_eigen_gebied"], besluit="Toch")
    assert "Een opschaling met status ‘Afgesloten’ kan niet naar ‘Besluit genomen’." in fout.value.messages


def test_alleen_regisseur_of_coordinator_schaalt_op(mw, dossier):
    with pytest.raises(PermissionDenied):
        services.schaal_op(traject=dossier.traject, doel=_doel(mw, "lzn"), door=mw.mensen["wmoconsulent"], reden="x",
                     geprobeerd="y")
    assert not Opschaling.objects.exists()


def test_afschalen_vraagt_instructies(mw, dossier):
    o = _naar_lzn(mw, dossier)
    with pytest.raises(ValidationError) as fout:
        services.schaal_af(opschaling_id=o.pk, door=mw.mensen["coordinator_eigen_gebied"], instructies=" ")
    assert "instructies" in fout.value.message_dict


def test_kindveiligheid_zet_casus_bovenaan(client, mw, dossier, jeugddossier):
    _naar_lzn(mw, dossier)
    services.schaal_op(traject=jeugddossier.traject, doel=_doel(mw, "veilig-thuis"), door=mw.mensen["teamlid_jgt"],
                 reden="Signalen van kindermishandeling", geprobeerd="Gesprek met ouders", kindveiligheid=True)
    jeugddossier.traject.refresh_from_db()
    assert jeugddossier.traject.zorgen_kindveiligheid
    client.force_login(mw.mensen["coordinator_eigen_gebied"])
    inhoud = client.get(reverse("toegang:opschalingen")).content.decode()
    assert inhoud.index(jeugddossier.naam) < inhoud.index(dossier.naam) and "Kindveiligheid" in inhoud


def test_opschalen_via_pagina_met_foutmelding(client, mw, dossier):
    client.force_login(mw.mensen["teamlid"])
    url = reverse("toegang:opschaling_nieuw", args=[dossier.pk])
    assert "Lokaal Zorgnetwerk" in client.get(url).content.decode()
    fout = client.post(url, {"doel": _doel(mw, "lzn").pk, "reden": "Eigen tekst blijft staan", "geprobeerd": ""})
    assert fout.status_code == 400 and "Eigen tekst blijft staan" in fout.content.decode()
    goed = {"doel": _doel(mw, "lzn").pk, "reden": "Vervuiling", "geprobeerd": "Alles"}
    assert client.post(url, goed).status_code == 302
    client.force_login(mw.mensen["medewerker_ander_team"])
    assert client.get(url).status_code == 404


def test_acties_op_de_opschalingspagina(client, mw, dossier):
    o = _naar_lzn(mw, dossier)
    client.force_login(mw.mensen["coordinator_eigen_gebied"])
    pagina = client.get(o.get_absolute_url()).content.decode()
    assert "In behandeling nemen" in pagina and "Afschalen naar het team" in pagina
    url = reverse("toegang:opschaling_actie", args=[o.pk, "afschalen"])
    fout = client.post(url, {"afschalen-instructies": "", "afschalen-uitkomst": "Eigen uitkomst"})
    assert fout.status_code == 400 and "Eigen uitkomst" in fout.content.decode()
    assert client.post(url, {"afschalen-instructies": "Terug naar team", "afschalen-uitkomst": ""}).status_code == 302
    assert client.post(reverse("toegang:opschaling_actie", args=[o.pk, "onzin"])).status_code == 404
    client.force_login(mw.mensen["teamlid"])  # the regisseur sees it but does not handle it
    assert "In behandeling nemen" not in client.get(o.get_absolute_url()).content.decode()


@pytest.fixture
def bestuurstafelcasus(mw, dossier):
    o = services.schaal_op(traject=dossier.traject, doel=_doel(mw, "bestuurstafel"), door=mw.mensen["teamlid"],
                     reden="Geen passende woning binnen de regels", geprobeerd="Urgentie aangevraagd, afgewezen")
    return o


def test_samenvatting_zonder_persoonsgegevens(mw, dossier, bestuurstafelcasus):
    coord = mw.mensen["coordinator_eigen_gebied"]
    with pytest.raises(ValidationError) as fout:
        services.leg_samenvatting_vast(opschaling_id=bestuurstafelcasus.pk, door=coord,
                                 samenvatting="Meneer Jansen aan de Kerkweg heeft geen woning")
    assert "persoonsgegevens" in fout.value.messages[0]
    with pytest.raises(PermissionDenied):
        services.leg_samenvatting_vast(opschaling_id=bestuurstafelcasus.pk, door=mw.mensen["teamlid"],
                                 samenvatting="Een alleenstaande man van middelbare leeftijd zonder woning")
    services.leg_samenvatting_vast(opschaling_id=bestuurstafelcasus.pk, door=coord,
                             samenvatting="Een alleenstaande man van middelbare leeftijd zonder passende woning.")


def test_bestuurstafel_ziet_alleen_samenvatting_en_elke_inzage_wordt_gelogd(client, mw, dossier, bestuurstafelcasus):
    lid = mw.mensen["bestuurstafel"]
    client.force_login(lid)
    assert "Er staan geen casussen op de agenda." in client.get(reverse("toegang:bestuurstafel")).content.decode()
    # no summary yet: not on the agenda
    assert client.get(reverse("toegang:bestuurstafel_casus", args=[bestuurstafelcasus.pk])).status_code == 404
    services.leg_samenvatting_vast(opschaling_id=bestuurstafelcasus.pk, door=mw.mensen["coordinator_eigen_gebied"],
                             samenvatting="Een alleenstaande man van middelbare leeftijd zonder passende woning.")
    lijst = client.get(reverse("toegang:bestuurstafel")).content.decode()
    assert f"Casus {bestuurstafelcasus.pk}" in lijst and dossier.naam not in lijst
    for _ in range(2):
        inhoud = client.get(reverse("toegang:bestuurstafel_casus", args=[bestuurstafelcasus.pk])).content.decode()
        assert "zonder passende woning" in inhoud
        assert dossier.naam not in inhoud and "Jansen" not in inhoud and dossier.volwassene.bsn not in inhoud
        assert "Kerkweg" not in inhoud
    gelezen = AuditEvent.objects.filter(actor=lid, actie="read", object_type="toegang.opschaling",
                                        object_id=str(bestuurstafelcasus.pk), resultaat="gelukt")
    assert gelezen.count() == 2 and gelezen.first().huishouden_id == dossier.pk
    # the attempt before the summary existed (the 404) is logged as refused
    assert AuditEvent.objects.filter(actor=lid, object_type="toegang.opschaling", resultaat="geweigerd",
                                     object_id=str(bestuurstafelcasus.pk)).count() == 1
    # but not the dossier itself
    assert client.get(dossier.get_absolute_url()).status_code == 404
    assert client.get(bestuurstafelcasus.get_absolute_url()).status_code == 404


def test_bestuurstafel_legt_besluit_en_beleidssignaal_vast_en_beleid_leest_zonder_persoonsgegevens(
        client, mw, dossier, bestuurstafelcasus):
    lid = mw.mensen["bestuurstafel"]
    services.leg_besluit_vast(opschaling_id=bestuurstafelcasus.pk, door=lid,
                              besluit="Woningcorporatie biedt woning aan")
    services.registreer_signaal(opschaling_id=bestuurstafelcasus.pk, door=lid, thema=BeleidsSignaal.Thema.WONEN,
                          omschrijving="Te weinig kleine sociale huurwoningen voor alleenstaanden",
                          aanbeveling="Afspraken met corporaties over urgentie")
    client.force_login(mw.mensen["beleidsmedewerker"])
    inhoud = client.get(reverse("toegang:beleidssignalen")).content.decode()
    assert "Te weinig kleine sociale huurwoningen" in inhoud
    assert dossier.naam not in inhoud and "Jansen" not in inhoud and str(dossier.volwassene.bsn) not in inhoud
    assert client.get(reverse("toegang:bestuurstafel")).status_code == 403
    client.force_login(mw.mensen["teamlid"])
    assert client.get(reverse("toegang:beleidssignalen")).status_code == 403


def test_signaal_alleen_bij_bestuurstafelcasus(mw, dossier):
    o = _naar_lzn(mw, dossier)
    with pytest.raises(ValidationError):
        services.registreer_signaal(opschaling_id=o.pk, door=mw.mensen["coordinator_eigen_gebied"], thema="wonen",
                              omschrijving="Iets structureels")


def test_opschalingenlijst_en_bestuurstafel_queries_groeien_niet_mee(client, mw, django_assert_max_num_queries):
    coord = mw.mensen["coordinator_eigen_gebied"]

    def maak(n):
        for i in range(n):
            d = maak_dossier(mw.team_a, regisseur=mw.mensen["teamlid"], door=coord, naam=f"Huishouden {i}")
            o = services.schaal_op(traject=d.traject, doel=_doel(mw, "bestuurstafel"), door=mw.mensen["teamlid"],
                             reden="Vastgelopen", geprobeerd="Alles")
            services.leg_samenvatting_vast(opschaling_id=o.pk, door=coord,
                                     samenvatting="Een volwassene zonder passende woning binnen de regels.")

    maak(2)
    for wie, url in ((coord, "/toegang/opschaling/"), (mw.mensen["bestuurstafel"], "/toegang/bestuurstafel/")):
        client.force_login(wie)
        client.get(url)
        with django_assert_max_num_queries(12) as eerste:
            assert client.get(url).status_code == 200
        maak(4)
        with django_assert_max_num_queries(len(eerste.captured_queries)):
            assert client.get(url).status_code == 200
