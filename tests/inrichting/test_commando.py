"""Setting up a new gemeente from an empty database with the command and the example files."""

import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from audit.models import AuditEvent
from toegang.melding.services import wijk_voor_postcode
from toegang.models import Mandaat, OpschalingDoel, PostcodeWijk, Product
from wijkteams import rollen
from wijkteams.inrichting import services
from wijkteams.inrichting.onderdelen import VOORBEELD
from wijkteams.models import Gebied, Gemeente, Team, Wijk, WijkIndeling

pytestmark = pytest.mark.django_db


def _richt_in(map=VOORBEELD, *extra):  # noqa: A002
    uit = StringIO()
    call_command("richt_gemeente_in", str(map), *extra, stdout=uit, stderr=StringIO())
    return uit.getvalue()


def _stand():
    modellen = (Gemeente, Gebied, Wijk, WijkIndeling, Team, PostcodeWijk, Mandaat, Product, OpschalingDoel)
    return {m.__name__: sorted(m.objects.values_list("pk", flat=True)) for m in modellen}


def test_nieuwe_gemeente_uit_lege_database_is_gereed():
    assert not Gemeente.objects.exists()
    uitvoer = _richt_in(VOORBEELD, "--beheerder", "beheer.voorbeeldstad", "--streng")
    gemeente = Gemeente.objects.get(cbs_code="9999")
    assert gemeente.naam == "Voorbeeldstad"
    assert "gereed voor gebruik" in uitvoer
    assert [p for p in services.gereedheid(gemeente) if p.blokkerend] == []
    assert Wijk.objects.get(cbs_code="WK999903").gebied.naam == "Zuid"
    assert set(Team.objects.filter(gemeente=gemeente).values_list("naam", flat=True)) == {
        "Sociaal team Noord", "Jeugd- en Gezinsteam Noord", "Sociaal team Zuid", "Jeugd- en Gezinsteam Zuid"}
    # the CBS layout: each PC6 to the wijk with most addresses; lines of another gemeente skipped
    assert wijk_voor_postcode(gemeente.pk, "9993 AB").cbs_code == "WK999903"
    assert not PostcodeWijk.objects.filter(postcode="9994XX").exists()
    assert set(Mandaat.objects.filter(gemeente=gemeente).values_list("wet", flat=True)) == {
        "wmo", "jeugdwet", "participatiewet"}
    assert Product.objects.filter(gemeente=gemeente).exists()  # richt_catalogus_in ran
    assert OpschalingDoel.objects.filter(gemeente=gemeente, code="lzn", toegang_groep="lzn").exists()
    beheerder = gemeente.medewerkers.get(user__username="beheer.voorbeeldstad").user
    assert rollen.heeft_rol(beheerder, rollen.FUNCTIONEEL_BEHEER) and beheerder.is_staff
    assert not beheerder.has_usable_password()


def test_twee_keer_importeren_verandert_niets():
    _richt_in()
    stand, logregels = _stand(), AuditEvent.objects.count()
    uitvoer = _richt_in()
    assert _stand() == stand
    assert AuditEvent.objects.count() == logregels
    assert " 0 nieuw, 0 gewijzigd" in uitvoer and "1 nieuw" not in uitvoer


def test_foute_regel_met_nummer_en_niets_opgeslagen(tmp_path):
    map = tmp_path / "gemeente"  # noqa: A001
    shutil.copytree(VOORBEELD, map)
    teams = (map / "teams.csv").read_text()
    (map / "teams.csv").write_text(teams + "Team Oost;Oost;sociaal\n")  # line 6: gebied Oost does not exist
    fout = StringIO()
    with pytest.raises(CommandError):
        call_command("richt_gemeente_in", str(map), stdout=StringIO(), stderr=fout)
    assert "teams.csv: Regel 6, gebied: gebied ‘Oost’ bestaat niet" in fout.getvalue()
    assert not Gemeente.objects.exists() and not Wijk.objects.exists() and not PostcodeWijk.objects.exists()


@pytest.mark.parametrize(("pc6", "getoond"), [("99A5AA", "99A5AA"), ("0995 aa", "0995AA"), ("9995 A", "9995A")])
def test_foute_postcode_in_postcodebestand_met_regelnummer(tmp_path, pc6, getoond):
    """A postcode is read as common.postcode reads it (spaces out, capitals); one that is not 4 digits (the first
    not 0) and 2 letters is reported with its line, and nothing is stored."""
    map = tmp_path / "gemeente"  # noqa: A001
    shutil.copytree(VOORBEELD, map)
    with (map / "postcodes.csv").open("a") as f:
        f.write(f"{pc6};1;99990101;999901;9999\n")
    fout = StringIO()
    with pytest.raises(CommandError):
        call_command("richt_gemeente_in", str(map), stdout=StringIO(), stderr=fout)
    assert f"postcodes.csv: Regel 15, pc6: ‘{getoond}’ is geen postcode van 4 cijfers en 2 letters." in fout.getvalue()
    assert not Gemeente.objects.exists()


def test_onbekende_wijk_in_postcodebestand_met_regelnummer(tmp_path):
    map = tmp_path / "gemeente"  # noqa: A001
    shutil.copytree(VOORBEELD, map)
    with (map / "postcodes.csv").open("a") as f:
        f.write("9995AA;1;99990901;999909;9999\n")
    fout = StringIO()
    with pytest.raises(CommandError):
        call_command("richt_gemeente_in", str(map), stdout=StringIO(), stderr=fout)
    assert "postcodes.csv: Regel 15, wijk2023: wijk WK999909 is geen wijk van deze gemeente" in fout.getvalue()
    assert not Gemeente.objects.exists()


def test_gereedheid_noemt_wat_ontbreekt():
    gemeente = services.maak_gemeente(cbs_code="9999", naam="Voorbeeldstad")
    services.importeer(gemeente=gemeente, onderdeel="wijken", inhoud=(VOORBEELD / "wijken.csv").read_bytes(),
                       door=None)
    teksten = [p.tekst for p in services.gereedheid(gemeente)]
    assert "Geen mandaat voor Jeugdwet." in teksten
    assert "Wijk WK999901 heeft geen postcodes." in teksten
    assert "Gebied Noord heeft geen team: meldingen uit dat gebied komen nergens aan." in teksten
    assert not services.is_gereed(gemeente)
