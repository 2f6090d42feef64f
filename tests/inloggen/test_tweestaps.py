"""Two-factor login: password plus a TOTP code from the user's authenticator app."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import WACHTWOORD


def _code(apparaat):
    return f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift):06d}"


@pytest.fixture
def apparaat(org):
    return TOTPDevice.objects.create(user=org.mensen["teamlid"], name="app", confirmed=True)


def test_met_app_is_de_code_nodig(client, apparaat):
    antwoord = client.post(reverse("login"), {"username": "teamlid", "password": WACHTWOORD})
    assert antwoord.status_code == 200
    assert "Vul de code uit uw authenticator-app in." in antwoord.content.decode()
    assert "_auth_user_id" not in client.session


def test_onjuiste_code_wordt_geweigerd(client, apparaat):
    antwoord = client.post(reverse("login"), {"username": "teamlid", "password": WACHTWOORD, "otp_token": "000000"})
    assert "De code klopt niet" in antwoord.content.decode()
    assert "_auth_user_id" not in client.session


def test_juiste_code_logt_in_en_verifieert(client, apparaat, settings):
    settings.TWEE_FACTOR_VERPLICHT = True
    antwoord = client.post(reverse("login"),
                           {"username": "teamlid", "password": WACHTWOORD, "otp_token": _code(apparaat)})
    assert antwoord.status_code == 302
    assert client.get(reverse("start")).status_code == 200


def test_verplicht_zonder_app_alleen_naar_instellen(client, org, settings):
    settings.TWEE_FACTOR_VERPLICHT = True
    client.post(reverse("login"), {"username": "teamlid", "password": WACHTWOORD})
    antwoord = client.get(reverse("start"))
    assert antwoord.status_code == 302 and antwoord.url == reverse("tweestapsverificatie")
    assert client.get(org.team_a.get_absolute_url()).url == reverse("tweestapsverificatie")
    assert client.get(reverse("gebied-list")).status_code == 302

    pagina = client.get(reverse("tweestapsverificatie"))
    assert "<svg" in pagina.content.decode()
    apparaat = TOTPDevice.objects.get(user=org.mensen["teamlid"], confirmed=False)
    fout = client.post(reverse("tweestapsverificatie"), {"otp_token": "123"})
    assert fout.status_code == 400 and "De code klopt niet" in fout.content.decode()
    # django-otp throttles after a wrong code: even the right code is refused for a moment.
    geblokkeerd = client.post(reverse("tweestapsverificatie"), {"otp_token": _code(apparaat)})
    assert "Te veel onjuiste codes" in geblokkeerd.content.decode()
    apparaat.refresh_from_db()
    apparaat.throttle_reset()
    ok = client.post(reverse("tweestapsverificatie"), {"otp_token": _code(apparaat)})
    assert ok.status_code == 302
    assert client.get(reverse("start")).status_code == 200


def test_verplicht_met_app_maar_zonder_code_gaat_terug_naar_inloggen(client, apparaat, settings):
    settings.TWEE_FACTOR_VERPLICHT = True
    client.force_login(apparaat.user)  # a session that skipped the second factor
    antwoord = client.get(reverse("start"))
    assert antwoord.status_code == 302 and antwoord.url == reverse("login")
    assert "_auth_user_id" not in client.session


def test_partner_token_in_api_niet_geraakt_door_tweestaps(client, org, settings):
    from rest_framework.authtoken.models import Token

    settings.TWEE_FACTOR_VERPLICHT = True
    token = Token.objects.create(user=org.mensen["teamlid"])
    assert client.get(reverse("wijk-list"), HTTP_AUTHORIZATION=f"Token {token.key}").status_code == 200
