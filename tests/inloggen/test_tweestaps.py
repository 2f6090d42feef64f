"""Two-factor login: password plus a TOTP code from the user's authenticator app (or a recovery code)."""

import time

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditEvent
from inloggen.forms import ALGEMENE_FOUT
from tests.factories import WACHTWOORD

FOUT = str(ALGEMENE_FOUT)


def _code(apparaat):
    return f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, apparaat.drift):06d}"


@pytest.fixture(autouse=True)
def tweestaps_aan(settings):
    settings.TWEE_FACTOR_VERPLICHT = True


@pytest.fixture
def apparaat(org):
    return TOTPDevice.objects.create(user=org.mensen["teamlid"], name="app", confirmed=True)


def _inloggen(client, wachtwoord=WACHTWOORD, code=None, gebruiker="teamlid"):
    gegevens = {"username": gebruiker, "password": wachtwoord}
    if code is not None:
        gegevens["otp_token"] = code
    return client.post(reverse("login"), gegevens)


def test_met_app_is_de_code_nodig(client, apparaat):
    antwoord = _inloggen(client)
    assert antwoord.status_code == 200
    assert FOUT in antwoord.content.decode()
    assert "_auth_user_id" not in client.session


def test_onjuiste_code_wordt_geweigerd(client, apparaat):
    antwoord = _inloggen(client, code="000000")
    assert FOUT in antwoord.content.decode()
    assert "_auth_user_id" not in client.session


def test_fout_wachtwoord_en_foute_code_geven_hetzelfde_antwoord(client, apparaat):
    """Nothing tells whether the password was right: wrong password, wrong code and an unknown user name give
    byte-identical forms (apart from the CSRF token and the typed values); a missing code the same message."""
    import re

    def zonder_csrf(antwoord):
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", antwoord.content.decode())

    assert FOUT in _inloggen(client, code="").content.decode()
    antwoorden = [_inloggen(client, wachtwoord="fout-wachtwoord-1", code="123456"),
                  _inloggen(client, code="123456"),
                  _inloggen(client, gebruiker="bestaat-niet", code="123456")]
    assert {a.status_code for a in antwoorden} == {200}
    assert FOUT in zonder_csrf(antwoorden[0])
    # the code field keeps what was typed; compare the pages without the values of the typed fields
    teksten = {re.sub(r'value="[^"]*"', "", zonder_csrf(a)) for a in antwoorden}
    assert len(teksten) == 1


def test_juiste_code_logt_in_en_verifieert(client, apparaat):
    antwoord = _inloggen(client, code=_code(apparaat))
    assert antwoord.status_code == 302
    assert client.get(reverse("start")).status_code == 200


def test_herstelcode_werkt_een_keer(client, apparaat):
    from inloggen.services import _nieuwe_herstelcodes

    codes = _nieuwe_herstelcodes(apparaat.user)
    assert len(codes) == 10 and StaticToken.objects.filter(device__user=apparaat.user).count() == 10
    assert _inloggen(client, code=codes[0]).status_code == 302
    assert client.get(reverse("start")).status_code == 200
    client.post(reverse("logout"))
    tweede = _inloggen(client, code=codes[0])
    assert tweede.status_code == 200 and FOUT in tweede.content.decode()
    assert "_auth_user_id" not in client.session
    StaticDevice.objects.get(user=apparaat.user).throttle_reset()  # django-otp waits a moment after a wrong code
    assert _inloggen(client, code=codes[1]).status_code == 302


def _instellen_met_code(client, user):
    apparaat = TOTPDevice.objects.get(user=user, confirmed=False)
    return client.post(reverse("tweestapsverificatie"), {"otp_token": _code(apparaat)}), apparaat


def test_verplicht_zonder_app_alleen_naar_instellen(client, org):
    _inloggen(client)
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
    assert ok.status_code == 302 and ok.url == reverse("herstelcodes")
    codes = client.get(ok.url)
    getoond = [c.token for c in StaticToken.objects.filter(device__user=org.mensen["teamlid"])]
    assert len(getoond) == 10 and all(c in codes.content.decode() for c in getoond)
    assert getoond[0] not in client.get(reverse("herstelcodes")).content.decode()  # shown once
    assert client.get(reverse("start")).status_code == 200
    assert AuditEvent.objects.filter(actor=org.mensen["teamlid"], detail__tweestapsverificatie="ingesteld").exists()


def test_instellen_geweigerd_buiten_de_verse_sessie(client, org, settings):
    """A session that did not just prove the password (here: force_login; or too long ago) cannot enrol."""
    client.force_login(org.mensen["teamlid"])
    antwoord = client.get(reverse("tweestapsverificatie"))
    assert antwoord.status_code == 302 and antwoord.url == reverse("login")
    assert "_auth_user_id" not in client.session
    assert not TOTPDevice.objects.filter(user=org.mensen["teamlid"]).exists()

    _inloggen(client)
    sessie = client.session
    sessie["inloggen_wachtwoord_op"] = time.time() - settings.TWEE_FACTOR_INSTELTERMIJN - 1
    sessie.save()
    assert client.get(reverse("tweestapsverificatie")).url == reverse("login")
    assert not TOTPDevice.objects.filter(user=org.mensen["teamlid"]).exists()


def test_instellen_geweigerd_met_bevestigde_app(client, org, apparaat):
    """Someone with only the password cannot replace or add an app once the user has one."""
    _inloggen(client)  # refused without code: the attacker has no session at all
    assert "_auth_user_id" not in client.session
    client.force_login(apparaat.user)
    sessie = client.session
    sessie["inloggen_wachtwoord_op"] = time.time()
    sessie.save()
    antwoord = client.get(reverse("tweestapsverificatie"))
    assert antwoord.status_code == 302 and antwoord.url == reverse("start")
    assert TOTPDevice.objects.filter(user=apparaat.user).count() == 1


def test_twee_sessies_instellen_tegelijk_alleen_de_eerste_wint(client, org):
    from django.test import Client

    andere = Client()
    for c in (client, andere):
        _inloggen(c)
        c.get(reverse("tweestapsverificatie"))
    assert TOTPDevice.objects.filter(user=org.mensen["teamlid"], confirmed=False).count() == 2  # own secret each
    eerste = TOTPDevice.objects.get(pk=client.session["inloggen_instel_apparaat"])
    assert client.post(reverse("tweestapsverificatie"), {"otp_token": _code(eerste)}).status_code == 302
    # the other session's page now says it is set up already; its secret is gone
    assert andere.get(reverse("tweestapsverificatie")).url == reverse("start")
    assert TOTPDevice.objects.filter(user=org.mensen["teamlid"]).count() == 1


def test_verplicht_met_app_maar_zonder_code_gaat_terug_naar_inloggen(client, apparaat):
    client.force_login(apparaat.user)  # a session that skipped the second factor
    antwoord = client.get(reverse("start"))
    assert antwoord.status_code == 302 and antwoord.url == reverse("login")
    assert "_auth_user_id" not in client.session


def test_api_token_in_api_niet_geraakt_door_tweestaps(client, org):
    from inloggen.models import ApiToken

    _token, geheim = ApiToken.objects.create(user=org.mensen["teamlid"], naam="koppeling")
    assert client.get(reverse("wijk-list"), HTTP_AUTHORIZATION=f"Token {geheim}").status_code == 200
