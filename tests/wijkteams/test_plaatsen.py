"""Ankerplaatsen and vindplaatsen as places on the map (issue 18): kept by the functioneel beheerder by form and CSV
import (errors per line, all or nothing, the same file twice changes nothing); a point outside its wijk's boundary or
outside the gemeente is refused with a Dutch message; anyone else gets a 403, another gemeente's place a 404.

The boundaries of the tests: Bolnes (WK059701) 4.58–4.60 E × 51.86–51.87 N, Centrum (WK059703) 4.60–4.62 E, same
latitudes. RD New (99950, 431000) is 4.587966 E 51.864835 N: inside Bolnes."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent
from common.kaart import ligt_in
from wijkteams import plaatsen
from wijkteams.models import Locatie, WijkGrens

pytestmark = pytest.mark.django_db


def _rechthoek(x, y):
    return {"type": "Polygon", "coordinates": [[[x, y], [x + 0.02, y], [x + 0.02, y + 0.01], [x, y + 0.01], [x, y]]]}


@pytest.fixture
def grenzen(org):
    WijkGrens.objects.create(wijk=org.wijk_a, geometrie=_rechthoek(4.58, 51.86), bron="test")
    WijkGrens.objects.create(wijk=org.wijk_b, geometrie=_rechthoek(4.60, 51.86), bron="test")
    return org


def _gegevens(o, **extra):
    d = {"naam": "Wijkcentrum De Boei", "soort": "ankerplaats", "wijk": o.wijk_a, "adres": "Boeistraat 1",
         "postcode": "2982ab", "breedtegraad": Decimal("51.865"), "lengtegraad": Decimal("4.59"),
         "geldig_van": date(2026, 1, 1), "geldig_tot": None, "code": "de-boei"}
    return {**d, **extra}


def test_ligt_in_met_rand_en_gat():
    vlak = _rechthoek(4.58, 51.86)
    assert ligt_in(4.59, 51.865, vlak) and not ligt_in(4.61, 51.865, vlak)
    assert ligt_in(4.60, 51.865, vlak)  # on the edge counts as inside
    met_gat = {"type": "Polygon", "coordinates": vlak["coordinates"] + [[[4.585, 51.862], [4.595, 51.862],
                                                                          [4.595, 51.868], [4.585, 51.868],
                                                                          [4.585, 51.862]]]}
    assert not ligt_in(4.59, 51.865, met_gat) and ligt_in(4.582, 51.861, met_gat)


def test_plaats_in_haar_wijk_wordt_opgeslagen_en_gelogd(grenzen):
    o = grenzen
    plaats = plaatsen.voeg_plaats_toe(gemeente=o.gemeente, door=o.mensen["beheer"], **_gegevens(o))
    plaats.refresh_from_db()
    assert (plaats.soort, plaats.wijk, plaats.postcode) == ("ankerplaats", o.wijk_a, "2982 AB")
    assert (plaats.breedtegraad, plaats.lengtegraad) == (Decimal("51.865000"), Decimal("4.590000"))
    assert AuditEvent.objects.filter(object_id=str(plaats.pk)).exists()
    # nothing changed: no write and no audit row
    rijen = AuditEvent.objects.count()
    plaatsen.wijzig_plaats(plaats=plaats, door=o.mensen["beheer"], **_gegevens(o))
    assert AuditEvent.objects.count() == rijen


@pytest.mark.parametrize(("extra", "melding"), [
    ({"lengtegraad": Decimal("4.61")},  # in Centrum, not in Bolnes
     "Het punt (51.865000, 4.610000) ligt buiten de grens van wijk Bolnes (WK059701)."),
    ({"breedtegraad": Decimal("48.85"), "lengtegraad": Decimal("2.35")},  # Paris
     "ligt buiten Nederland"),
    ({"soort": "basislocatie"}, "Kies ankerplaats of vindplaats."),
    ({"geldig_tot": date(2025, 1, 1)}, "De einddatum ligt vóór de begindatum."),
])
def test_verkeerde_plaats_wordt_geweigerd(grenzen, extra, melding):
    o = grenzen
    with pytest.raises(ValidationError) as fout:
        plaatsen.voeg_plaats_toe(gemeente=o.gemeente, door=o.mensen["beheer"], **_gegevens(o, **extra))
    assert any(melding in m for m in fout.value.messages), fout.value.messages
    assert not Locatie.objects.exists()


def test_wijk_zonder_grens_buiten_de_gemeente_geweigerd(org):
    """Only Centrum has a boundary: a point for Bolnes (no boundary) must still lie within the gemeente as far as it
    is known (the box around the imported boundaries)."""
    WijkGrens.objects.create(wijk=org.wijk_b, geometrie=_rechthoek(4.60, 51.86), bron="test")
    with pytest.raises(ValidationError) as fout:
        plaatsen.voeg_plaats_toe(gemeente=org.gemeente, door=org.mensen["beheer"],
                                 **_gegevens(org, breedtegraad=Decimal("52.37"), lengtegraad=Decimal("4.89")))
    assert fout.value.messages == ["Het punt (52.370000, 4.890000) ligt buiten de gemeente Ridderkerk (buiten alle "
                                   "ingelezen wijkgrenzen)."]
    plaatsen.voeg_plaats_toe(gemeente=org.gemeente, door=org.mensen["beheer"],
                             **_gegevens(org, lengtegraad=Decimal("4.61")))
    assert Locatie.objects.count() == 1


def test_alleen_de_beheerder_van_de_gemeente(grenzen):
    o = grenzen
    for wie in ("beleidsmedewerker", "sociaal_makelaar", "coordinator_eigen_gebied", "medewerker_andere_gemeente"):
        with pytest.raises(PermissionDenied):
            plaatsen.voeg_plaats_toe(gemeente=o.gemeente, door=o.mensen[wie], **_gegevens(o))
        with pytest.raises(PermissionDenied):
            plaatsen.importeer_plaatsen(gemeente=o.gemeente, door=o.mensen[wie], inhoud=b"code;naam;soort;wijk\n")
    assert not Locatie.objects.exists()


CSV = (
    "code;naam;soort;wijk;adres;breedtegraad;lengtegraad;rd_x;rd_y;geldig_van\n"
    "de-boei;Wijkcentrum De Boei;ankerplaats;WK059701;Boeistraat 1;51.865;4.59;;;2026-01-01\n"
    "school-centrum;Basisschool Centrum;Vindplaats;wk059703;;51.866;4.612;;;\n"
    "huisarts-bolnes;Huisarts Bolnes;vindplaats;WK059701;;;;99950;431000;01-02-2026\n"
)


def test_csv_import_wgs84_en_rd_tweemaal_verandert_niets(grenzen):
    o = grenzen
    telling = plaatsen.importeer_plaatsen(gemeente=o.gemeente, door=o.mensen["beheer"], inhoud=CSV.encode())
    assert telling == {"nieuw": 3, "gewijzigd": 0, "ongewijzigd": 0}
    huisarts = Locatie.objects.get(code="huisarts-bolnes")
    assert huisarts.soort == "vindplaats" and huisarts.geldig_van == date(2026, 2, 1)
    assert (huisarts.breedtegraad, huisarts.lengtegraad) == (Decimal("51.864835"), Decimal("4.587966"))  # from RD
    voor = list(Locatie.objects.order_by("pk").values())
    tweede = plaatsen.importeer_plaatsen(gemeente=o.gemeente, door=o.mensen["beheer"], inhoud=CSV.encode())
    assert tweede == {"nieuw": 0, "gewijzigd": 0, "ongewijzigd": 3}
    assert list(Locatie.objects.order_by("pk").values()) == voor


def test_csv_fouten_met_regelnummer_en_niets_opgeslagen(grenzen):
    o = grenzen
    slecht = (CSV
              + "buiten;Buiten de wijk;ankerplaats;WK059701;;51.865;4.61;;;\n"
              + "kinderdijk;Molen;vindplaats;WK048201;;51.88;4.64;;;\n"
              + "zonder;Zonder positie;ankerplaats;WK059703;;;;;;\n"
              + "raar;Raar;kerk;WK059703;;51.866;4.61;;;\n")
    with pytest.raises(ValidationError) as fout:
        plaatsen.importeer_plaatsen(gemeente=o.gemeente, door=o.mensen["beheer"], inhoud=slecht.encode())
    assert fout.value.messages == [
        "Regel 5, breedtegraad: Het punt (51.865000, 4.610000) ligt buiten de grens van wijk Bolnes (WK059701). "
        "Kies de wijk waarin de plaats ligt of controleer de coördinaten.",
        "Regel 6, wijk: Wijk WK048201 hoort niet bij deze gemeente.",
        "Regel 7: De plaats heeft geen positie: vul breedtegraad en lengtegraad (WGS84) of rd_x en rd_y (RD New) in.",
        "Regel 8, soort: Onbekende soort; kies ankerplaats of vindplaats.",
    ]
    assert not Locatie.objects.exists()
    with pytest.raises(ValidationError, match="ontbreekt: wijk"):
        plaatsen.importeer_plaatsen(gemeente=o.gemeente, door=o.mensen["beheer"], inhoud=b"code;naam;soort\nx;y;z\n")


def test_geldig_in_en_op_de_kaart(grenzen):
    o = grenzen
    plaatsen.voeg_plaats_toe(gemeente=o.gemeente, door=None, **_gegevens(o, geldig_tot=date(2026, 3, 31)))
    Locatie.objects.create(gemeente=o.gemeente, wijk=o.wijk_a, soort="vindplaats", naam="Zonder positie")
    Locatie.objects.create(gemeente=o.gemeente, soort="basislocatie", naam="Gemeentehuis",
                           breedtegraad=Decimal("51.87"), lengtegraad=Decimal("4.6"))
    assert [p.naam for p in plaatsen.punten(o.gemeente.pk, date(2026, 1, 1), date(2026, 3, 31))] == [
        "Wijkcentrum De Boei"]
    assert plaatsen.punten(o.gemeente.pk, date(2026, 4, 1), date(2026, 6, 30)) == []  # ended
    assert plaatsen.punten(o.gemeente.pk, date(2025, 10, 1), date(2025, 12, 31)) == []  # not begun
    assert plaatsen.punten(o.gemeente.pk, date(2026, 1, 1), date(2026, 3, 31), wijk_ids=[o.wijk_b.pk]) == []


# --- the beheer pages -------------------------------------------------------------------------------------------

def test_beheerpagina_formulier_en_import(client, grenzen, django_assert_max_num_queries):
    o = grenzen
    client.force_login(o.mensen["beheer"])
    plaatsen.voeg_plaats_toe(gemeente=o.gemeente, door=None, **_gegevens(o))
    url = reverse("wijkteams:plaatsen")
    client.get(url)
    with django_assert_max_num_queries(12):
        antwoord = client.get(url)
    inhoud = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Ankerplaatsen en vindplaatsen" in inhoud and "Wijkcentrum De Boei" in inhoud and "51,865000" in inhoud
    assert 'for="id_bestand"' in inhoud
    # the form: a point outside its wijk is refused on the form, in Dutch, with the error summary
    nieuw = reverse("wijkteams:plaats_nieuw")
    with django_assert_max_num_queries(12):
        leeg = client.get(nieuw)
    assert leeg.status_code == 200 and 'for="id_breedtegraad"' in leeg.content.decode()
    data = {"naam": "Basisschool De Regenboog", "soort": "vindplaats", "wijk": o.wijk_b.pk, "adres": "",
            "postcode": "", "breedtegraad": "51,865", "lengtegraad": "4.59", "geldig_van": "2026-01-01",
            "geldig_tot": "", "code": ""}
    fout = client.post(nieuw, data)
    assert fout.status_code == 400
    tekst = fout.content.decode()
    assert not fout.context["form"].errors.get("lengtegraad"), fout.context["form"].errors
    assert 'class="foutoverzicht"' in tekst and "ligt buiten de grens van wijk Centrum (WK059703)" in tekst
    data["lengtegraad"] = "4.61"
    assert client.post(nieuw, data).status_code == 302
    school = Locatie.objects.get(naam="Basisschool De Regenboog")
    assert school.breedtegraad == Decimal("51.865")
    # change
    wijzig = reverse("wijkteams:plaats_wijzigen", args=[school.pk])
    with django_assert_max_num_queries(12):
        assert client.get(wijzig).status_code == 200
    assert client.post(wijzig, {**data, "naam": "OBS De Regenboog"}).status_code == 302
    school.refresh_from_db()
    assert school.naam == "OBS De Regenboog"
    # import through the page: errors with their line, then a good file (De Boei loses its postcode: not in it)
    slecht = SimpleUploadedFile("p.csv", (CSV + "x;Fout;kerk;WK059701;;51.865;4.59;;;\n").encode(), "text/csv")
    antwoord = client.post(url, {"bestand": slecht})
    assert antwoord.status_code == 400 and "Regel 5, soort: Onbekende soort" in antwoord.content.decode()
    goed = SimpleUploadedFile("p.csv", CSV.encode(), "text/csv")
    antwoord = client.post(url, {"bestand": goed}, follow=True)
    assert "Plaatsen geïmporteerd: 2 nieuw, 1 gewijzigd, 0 ongewijzigd." in antwoord.content.decode()


@pytest.mark.parametrize("wie", ["beleidsmedewerker", "teamlid", "coordinator_eigen_gebied", "sociaal_makelaar",
                                 "medewerker_andere_gemeente"])
def test_beheerpagina_403_voor_andere_rollen(client, grenzen, wie):
    o = grenzen
    plaats = plaatsen.voeg_plaats_toe(gemeente=o.gemeente, door=None, **_gegevens(o))
    client.force_login(o.mensen[wie])
    for url in (reverse("wijkteams:plaatsen"), reverse("wijkteams:plaats_nieuw"),
                reverse("wijkteams:plaats_wijzigen", args=[plaats.pk])):
        assert client.get(url).status_code == 403
    assert client.post(reverse("wijkteams:plaats_nieuw"), {"naam": "x"}).status_code == 403


def test_plaats_van_een_andere_gemeente_is_404(client, grenzen):
    from tests.factories import maak_gebruiker
    from wijkteams import rollen

    o = grenzen
    plaats = Locatie.objects.create(gemeente=o.andere_gemeente, soort="ankerplaats", naam="Molen",
                                    breedtegraad=Decimal("51.88"), lengtegraad=Decimal("4.64"))
    client.force_login(o.mensen["beheer"])
    assert client.get(reverse("wijkteams:plaats_wijzigen", args=[plaats.pk])).status_code == 404
    assert client.get(reverse("wijkteams:plaats_wijzigen", args=[999999])).status_code == 404
    # the beheerder of that gemeente does see it
    client.force_login(maak_gebruiker(o.andere_gemeente, rollen.FUNCTIONEEL_BEHEER, username="beheer_ander"))
    assert client.get(reverse("wijkteams:plaats_wijzigen", args=[plaats.pk])).status_code == 200


def test_beheerpagina_vraagt_inloggen(client):
    assert client.get(reverse("wijkteams:plaatsen")).status_code == 302


def test_ook_via_de_beheersite_geen_punt_buiten_de_wijk(client, grenzen):
    o = grenzen
    beheer = o.mensen["beheer"]
    beheer.is_staff = True
    beheer.save()
    client.force_login(beheer)
    data = {"gemeente": o.gemeente.pk, "wijk": o.wijk_a.pk, "soort": "ankerplaats", "naam": "Via beheer",
            "adres": "", "postcode": "", "spreekuren": "", "telefoon": "", "code": "", "breedtegraad": "51.865",
            "lengtegraad": "4.61", "geldig_van": "01-01-2026", "geldig_tot": ""}
    antwoord = client.post(reverse("admin:wijkteams_locatie_add"), data)
    assert antwoord.status_code == 200
    assert "ligt buiten de grens van wijk Bolnes (WK059701)" in antwoord.content.decode()
    assert not Locatie.objects.exists()
    data["lengtegraad"] = "4.59"
    assert client.post(reverse("admin:wijkteams_locatie_add"), data).status_code == 302
    assert Locatie.objects.get().naam == "Via beheer"
