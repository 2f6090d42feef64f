"""The beheer screen of the inrichting: only the gemeente's own functioneel beheerder; imports all or nothing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from toegang.models import PostcodeWijk
from wijkteams.inrichting import services
from wijkteams.inrichting.onderdelen import VOORBEELD
from wijkteams.models import Gemeente, Team, Wijk

URL = reverse("wijkteams:inrichting")


def _upload(client, code, inhoud, naam=None):
    bestand = SimpleUploadedFile(naam or f"{code}.csv", inhoud, content_type="text/csv")
    return client.post(URL, {"onderdeel": code, "bestand": bestand})


@pytest.fixture
def voorbeeldstad(db):
    gemeente = services.maak_gemeente(cbs_code="9999", naam="Voorbeeldstad")
    beheerder = services.maak_beheerder(gemeente=gemeente, username="beheer.voorbeeldstad")
    return gemeente, beheerder


def test_beheerder_richt_gemeente_in_via_het_scherm(client, voorbeeldstad, django_assert_max_num_queries):
    gemeente, beheerder = voorbeeldstad
    client.force_login(beheerder)
    with django_assert_max_num_queries(40):
        pagina = client.get(URL)
    assert pagina.status_code == 200
    assert "Nog niet gereed" in pagina.content.decode()
    for o in ("instellingen", "wijken", "teamtypen", "organisaties", "disciplines", "signaalgevers", "kanalen",
              "teams", "postcodes", "mandaten", "opschalingsdoelen"):
        antwoord = _upload(client, o, (VOORBEELD / f"{o}.csv").read_bytes())
        assert antwoord.status_code == 302, (o, antwoord.content.decode()[-2000:])
    assert services.is_gereed(gemeente)
    pagina = client.get(URL)
    assert "Gereed voor gebruik" in pagina.content.decode()
    assert Team.objects.filter(gemeente=gemeente).count() == 4
    # the same file again: nothing changes
    aantal = PostcodeWijk.objects.count()
    _upload(client, "postcodes", (VOORBEELD / "postcodes.csv").read_bytes())
    assert PostcodeWijk.objects.count() == aantal
    assert "0 nieuw, 0 gewijzigd" in client.get(URL).content.decode()


def test_foute_regel_op_het_scherm_met_nummer_en_niets_opgeslagen(client, voorbeeldstad):
    gemeente, beheerder = voorbeeldstad
    client.force_login(beheerder)
    inhoud = b"gebied;wijkcode;wijknaam\nNoord;WK999901;Noord\nNoord;WK059701;Bolnes\n"
    antwoord = _upload(client, "wijken", inhoud)
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    assert "Regel 3, wijkcode: Wijkcode WK059701 hoort niet bij gemeentecode 9999." in tekst
    assert 'id="foutoverzicht"' in tekst
    assert not Wijk.objects.filter(gemeente=gemeente).exists()


def test_voorbeeldbestand_te_downloaden(client, voorbeeldstad):
    client.force_login(voorbeeldstad[1])
    antwoord = client.get(reverse("wijkteams:inrichting_voorbeeld", args=["postcodes"]))
    assert antwoord.status_code == 200
    assert b"".join(antwoord.streaming_content).startswith(b"PC6;Huisnummer;Buurt2023;Wijk2023;Gemeente2023")
    assert client.get(reverse("wijkteams:inrichting_voorbeeld", args=["bestaat-niet"])).status_code == 404


@pytest.mark.parametrize("wie", ["teamlid", "coordinator_eigen_gebied", "beleidsmedewerker", "sociaal_makelaar"])
def test_anderen_worden_geweigerd(client, org, wie):
    client.force_login(org.mensen[wie])
    assert client.get(URL).status_code == 403
    assert _upload(client, "kanalen", b"code;naam\nsms;SMS\n").status_code == 403
    assert client.get(reverse("wijkteams:inrichting_voorbeeld", args=["teams"])).status_code == 403


def test_beheerder_raakt_alleen_eigen_gemeente(client, org):
    """A beheerder of Ridderkerk cannot import into another gemeente: the file names its own code only."""
    client.force_login(org.mensen["beheer"])
    antwoord = _upload(client, "instellingen", b"gemeentecode;naam;nazorg_dagen;deelt_monitorcijfers\n"
                                               b"0482;Alblasserdam;30;ja\n")
    assert antwoord.status_code == 400
    assert "0482 is niet de code van deze gemeente (0597)" in antwoord.content.decode()
    assert Gemeente.objects.get(cbs_code="0482").nazorg_dagen == 90
    with pytest.raises(PermissionDenied):
        services.importeer(gemeente=org.andere_gemeente, onderdeel="kanalen", inhoud=b"code;naam\nsms;SMS\n",
                           door=org.mensen["beheer"])


def test_anoniem_naar_inloggen(client, db):
    assert client.get(URL).status_code == 302
