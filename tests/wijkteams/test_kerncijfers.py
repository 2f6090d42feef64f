"""Import of the inhabitants by age group and household type from the CBS "Kerncijfers wijken en buurten" layout:
the example file twice changes nothing; a wrong code or a missing column is reported with its line; all or nothing."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tests.factories import WijkFactory
from wijkteams.bevolking import VOORBEELD, importeer_kerncijfers
from wijkteams.models import WijkInwoners

pytestmark = pytest.mark.django_db

KOP = ("WijkenEnBuurten;Codering_3;AantalInwoners_5;k_0Tot15Jaar_8;k_15Tot25Jaar_9;k_25Tot45Jaar_10;"
       "k_45Tot65Jaar_11;k_65JaarOfOuder_12;HuishoudensTotaal_28;Eenpersoonshuishoudens_29;"
       "HuishoudensZonderKinderen_30;HuishoudensMetKinderen_31")


@pytest.fixture
def ridderkerk(org):
    """The org fixture has Bolnes (WK059701) and Centrum (WK059703); the other demo wijken are added."""
    for code, naam in (("WK059702", "Slikkerveer"), ("WK059704", "Oost"), ("WK059705", "West"),
                       ("WK059706", "Drievliet-Het Zand"), ("WK059707", "Rijsoord"), ("WK059708", "Oostendam")):
        WijkFactory(gemeente=org.gemeente, gebied=org.gebied_b, naam=naam, cbs_code=code)
    return org


def _stand():
    return sorted(WijkInwoners.objects.values_list("wijk__cbs_code", "jaar", "aantal", "leeftijd_0_15",
                                                   "leeftijd_65_plus", "huishoudens", "met_kinderen", "bron"))


def test_voorbeeldbestand_tweemaal_inlezen_verandert_niets(ridderkerk):
    beleid = ridderkerk.mensen["beleidsmedewerker"]
    assert importeer_kerncijfers(gemeente=ridderkerk.gemeente, jaar=2026, inhoud=VOORBEELD.read_bytes(),
                                 door=beleid) == (8, 0, 0)
    bolnes = WijkInwoners.objects.get(wijk=ridderkerk.wijk_a, jaar=2026)
    # the example line: WK059701;5900 inhabitants; 945 aged 0-15 … 1410 aged 65+; 2680 households, 860 with children
    assert (bolnes.aantal, bolnes.leeftijd_0_15, bolnes.leeftijd_15_25, bolnes.leeftijd_65_plus) == (5900, 945, 650,
                                                                                                     1410)
    assert (bolnes.huishoudens, bolnes.eenpersoons, bolnes.zonder_kinderen, bolnes.met_kinderen) == (2680, 990, 830,
                                                                                                     860)
    voor = _stand()
    assert len(voor) == 8  # the gemeente and buurt lines are skipped
    assert importeer_kerncijfers(gemeente=ridderkerk.gemeente, jaar=2026, inhoud=VOORBEELD.read_bytes(),
                                 door=beleid) == (0, 0, 8)
    assert _stand() == voor


def test_onbekende_wijkcode_en_geen_getal_met_regelnummer_en_niets_opgeslagen(ridderkerk):
    inhoud = "\n".join([
        KOP,
        "WK059701;WK059701  ;5900;945;650;1300;1595;1410;2680;990;830;860",
        "WK059799;WK059799  ;100;10;10;20;30;30;50;20;15;15",
        "WK059703;WK059703  ;veel;.;.;.;.;.;.;.;.;.",
    ])
    with pytest.raises(ValidationError) as fout:
        importeer_kerncijfers(gemeente=ridderkerk.gemeente, jaar=2026, inhoud=inhoud.encode(),
                              door=ridderkerk.mensen["beheer"])
    berichten = fout.value.messages
    assert any(b.startswith("Regel 3, codering_3:") and "WK059799" in b for b in berichten), berichten
    assert any(b.startswith("Regel 4, aantalinwoners_5:") and "veel" in b for b in berichten), berichten
    assert not WijkInwoners.objects.exists()  # all or nothing


def test_ontbrekende_kolom_wordt_genoemd(ridderkerk):
    kop = KOP.replace(";k_65JaarOfOuder_12", "")
    inhoud = kop + "\nWK059701;WK059701;5900;945;650;1300;1595;2680;990;830;860\n"
    with pytest.raises(ValidationError) as fout:
        importeer_kerncijfers(gemeente=ridderkerk.gemeente, jaar=2026, inhoud=inhoud.encode(),
                              door=ridderkerk.mensen["beleidsmedewerker"])
    assert "ontbreekt: k_65jaarofouder_12" in fout.value.messages[0]
    assert not WijkInwoners.objects.exists()


def test_onbekende_cijfers_van_cbs_worden_leeg(ridderkerk):
    inhoud = KOP + "\nWK059703;WK059703;1200;.;.;.;.;.;540;.;.;.\n"
    importeer_kerncijfers(gemeente=ridderkerk.gemeente, jaar=2025, inhoud=inhoud.encode(),
                          door=ridderkerk.mensen["beleidsmedewerker"])
    rij = WijkInwoners.objects.get()
    assert (rij.aantal, rij.leeftijd_0_15, rij.huishoudens, rij.met_kinderen) == (1200, None, 540, None)


@pytest.mark.parametrize("wie", ["teamlid", "coordinator_eigen_gebied", "coordinator_andere_gemeente"])
def test_alleen_beleid_of_beheer_van_de_gemeente_importeert(ridderkerk, wie):
    with pytest.raises(PermissionDenied):
        importeer_kerncijfers(gemeente=ridderkerk.gemeente, jaar=2026, inhoud=VOORBEELD.read_bytes(),
                              door=ridderkerk.mensen[wie])
    assert not WijkInwoners.objects.exists()


# --- the beheer page: /organisatie/inwonertallen/ ---------------------------------------------------------------

def _upload(inhoud, naam="kerncijfers.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(naam, inhoud, content_type="text/csv")


@pytest.mark.parametrize("wie", ["beleidsmedewerker", "beheer"])
def test_pagina_leest_het_voorbeeld_in_en_toont_de_cijfers(client, ridderkerk, wie, django_assert_max_num_queries):
    from django.urls import reverse

    client.force_login(ridderkerk.mensen[wie])
    url = reverse("wijkteams:inwonertallen")
    leeg = client.get(url)
    assert leeg.status_code == 200 and "Nog geen inwonertallen ingelezen." in leeg.content.decode()
    antwoord = client.post(url, {"jaar": 2026, "bestand": _upload(VOORBEELD.read_bytes())}, follow=True)
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200 and "Inwonertallen geïmporteerd: 8 nieuw, 0 gewijzigd, 0 ongewijzigd." in tekst
    assert "WK059701" in tekst and "5900" in tekst and WijkInwoners.objects.count() == 8
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_pagina_meldt_fout_met_regelnummer_en_slaat_niets_op(client, ridderkerk):
    from django.urls import reverse

    client.force_login(ridderkerk.mensen["beleidsmedewerker"])
    inhoud = "\n".join([KOP, "WK059701;WK059701  ;5900;945;650;1300;1595;1410;2680;990;830;860",
                        "WK059799;WK059799  ;100;10;10;20;30;30;50;20;15;15"]).encode()
    antwoord = client.post(reverse("wijkteams:inwonertallen"), {"jaar": 2026, "bestand": _upload(inhoud)})
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Regel 3" in tekst and "WK059799" in tekst
    assert not WijkInwoners.objects.exists()
    leeg = client.post(reverse("wijkteams:inwonertallen"), {"jaar": "", "bestand": ""})
    tekst = leeg.content.decode()
    assert leeg.status_code == 400 and "Controleer de volgende gegevens" in tekst
    assert 'id="id_jaar_fout">Dit veld is vereist.' in tekst and 'id="id_bestand_fout">Dit veld is vereist.' in tekst


@pytest.mark.parametrize("wie", ["teamlid", "coordinator_eigen_gebied", "sociaal_makelaar", "lzn",
                                 "medewerker_andere_gemeente"])
def test_pagina_alleen_voor_beleid_en_beheer_van_de_gemeente(client, ridderkerk, wie):
    from django.urls import reverse

    client.force_login(ridderkerk.mensen[wie])
    assert client.get(reverse("wijkteams:inwonertallen")).status_code == 403
    antwoord = client.post(reverse("wijkteams:inwonertallen"),
                           {"jaar": 2026, "bestand": _upload(VOORBEELD.read_bytes())})
    assert antwoord.status_code == 403 and not WijkInwoners.objects.exists()
