import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from wijkteams.models import Wijk
from wijkteams.validators import valideer_agb_code, valideer_wijkcode


@pytest.mark.parametrize("code", ["WK0597", "wk059701", "WK05970", "BU05970101", "WK05970A", ""])
def test_ongeldige_cbs_wijkcode_krijgt_duidelijke_nederlandse_melding(code):
    with pytest.raises(ValidationError) as fout:
        valideer_wijkcode(code)
    assert "Een CBS-wijkcode is ‘WK’ gevolgd door de 4 cijfers van de gemeentecode" in fout.value.messages[0]


def test_wijkcode_van_een_andere_gemeente_wordt_geweigerd(org):
    wijk = Wijk(gemeente=org.gemeente, naam="Verkeerd", cbs_code="WK048203")
    with pytest.raises(ValidationError) as fout:
        wijk.full_clean()
    assert "hoort niet bij gemeentecode 0597" in str(fout.value)


def test_geldige_wijkcode_wordt_geaccepteerd(org):
    wijk = Wijk(gemeente=org.gemeente, naam="Oost", cbs_code="WK059704")
    wijk.full_clean()  # raises ValidationError when refused
    wijk.save()
    assert Wijk.objects.get(cbs_code="WK059704").gemeente == org.gemeente


def test_database_weigert_een_wijkcode_buiten_het_formaat(org):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Wijk.objects.create(gemeente=org.gemeente, naam="X", cbs_code="XX123456")


def test_wijkcode_in_beheerformulier_geeft_nederlandse_fout(client, org):
    beheer = org.mensen["beheer"]
    beheer.is_staff = True
    beheer.save()
    client.force_login(beheer)
    antwoord = client.post(reverse("admin:wijkteams_wijk_add"), {
        "gemeente": org.gemeente.pk, "cbs_code": "WK12", "naam": "Nieuw",
        "indelingen-TOTAL_FORMS": 0, "indelingen-INITIAL_FORMS": 0,
        "inwoners-TOTAL_FORMS": 0, "inwoners-INITIAL_FORMS": 0,
    })
    assert antwoord.status_code == 200
    assert "Een CBS-wijkcode is" in antwoord.content.decode()
    assert not Wijk.objects.filter(naam="Nieuw").exists()


@pytest.mark.parametrize("code", ["1234567", "123456789", "1234567a"])
def test_agb_code_moet_8_cijfers_zijn(code):
    with pytest.raises(ValidationError, match="precies 8 cijfers"):
        valideer_agb_code(code)


def test_herindeling_bewaart_de_oude_indeling(org):
    from datetime import date

    from wijkteams.services import deel_wijk_in

    deel_wijk_in(wijk=org.wijk_a, gebied=org.gebied_b, per=date(2026, 1, 1))
    indelingen = list(org.wijk_a.indelingen.order_by("geldig_van").values_list("gebied__naam", "geldig_tot"))
    assert indelingen == [("Bolnes/Slikkerveer", date(2025, 12, 31)), ("Centrum/Oost/West", None)]
    org.wijk_a.refresh_from_db()
    assert org.wijk_a.gebied == org.gebied_b
