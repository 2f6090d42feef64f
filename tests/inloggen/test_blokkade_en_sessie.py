"""Lockout after repeated failures (django-axes), idle and absolute session end, two factors per profile."""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from inloggen.forms import ALGEMENE_FOUT
from tests.factories import WACHTWOORD

FOUT = str(ALGEMENE_FOUT)


def _poging(client, gebruiker="teamlid", wachtwoord="verkeerd-wachtwoord", **extra):
    return client.post(reverse("login"), {"username": gebruiker, "password": wachtwoord}, **extra)


def test_blokkade_per_account_na_n_pogingen(client, org, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _poging(client).status_code == 200
    geblokkeerd = _poging(client)
    assert geblokkeerd.status_code == 429 and "te vaak geprobeerd" in geblokkeerd.content.decode()
    # now even the right password does not get in, also from another address
    goed = _poging(client, wachtwoord=WACHTWOORD, REMOTE_ADDR="10.9.9.9")
    assert goed.status_code == 429 and "_auth_user_id" not in client.session
    # another account from another address is not affected
    assert _poging(client, gebruiker="coord_a", wachtwoord=WACHTWOORD, REMOTE_ADDR="10.9.9.8").status_code == 302


def test_foute_codes_tellen_mee_voor_de_blokkade(client, org, settings):
    settings.TWEE_FACTOR_VERPLICHT = True
    TOTPDevice.objects.create(user=org.mensen["teamlid"], name="app", confirmed=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "teamlid", "password": WACHTWOORD, "otp_token": "000000"})
    assert _poging(client, wachtwoord=WACHTWOORD).status_code == 429


def test_blokkade_per_adres_achter_de_proxy(client, org, settings):
    """Behind one trusted proxy the client address is the last X-Forwarded-For entry; whatever the client
    put before it is ignored. One address trying many accounts is locked; another address is not."""
    settings.VERTROUWDE_PROXIES = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for i in range(settings.AXES_FAILURE_LIMIT):
        # a different account each time, and a forged address in front: still one client
        _poging(client, gebruiker=f"gok{i}", HTTP_X_FORWARDED_FOR=f"1.1.1.{i}, 192.0.2.7", **proxy)
    geweigerd = _poging(client, gebruiker="teamlid", wachtwoord=WACHTWOORD, HTTP_X_FORWARDED_FOR="192.0.2.7",
                        **proxy)
    assert geweigerd.status_code == 429
    # the same proxy, another client: gets in
    ander = _poging(client, gebruiker="teamlid", wachtwoord=WACHTWOORD, HTTP_X_FORWARDED_FOR="192.0.2.8", **proxy)
    assert ander.status_code == 302


def test_clientadres_zonder_proxy_is_remote_addr(rf, settings):
    from common.clientadres import client_adres

    settings.VERTROUWDE_PROXIES = 0
    verzoek = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4", REMOTE_ADDR="10.0.0.5")
    assert client_adres(verzoek) == "10.0.0.5"
    settings.VERTROUWDE_PROXIES = 2
    verzoek = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 1.2.3.4, 10.0.0.2", REMOTE_ADDR="10.0.0.5")
    assert client_adres(verzoek) == "1.2.3.4"


def _verouder(client, sleutel, seconden):
    sessie = client.session
    sessie[sleutel] = time.time() - seconden
    sessie.save()


def test_inactieve_sessie_eindigt(client, org, settings):
    client.force_login(org.mensen["teamlid"])
    assert client.get(reverse("start")).status_code == 200
    _verouder(client, "sessie_laatst_actief", settings.SESSIE_INACTIEF_SECONDEN - 30)
    assert client.get(reverse("start")).status_code == 200  # still within the idle time: and it counts
    _verouder(client, "sessie_laatst_actief", settings.SESSIE_INACTIEF_SECONDEN + 1)
    antwoord = client.get(reverse("start"))
    assert antwoord.status_code == 302 and antwoord.url == reverse("login")
    assert "_auth_user_id" not in client.session
    assert "uitgelogd" in client.get(reverse("login")).content.decode()


def test_absolute_sessieduur(client, org, settings):
    client.force_login(org.mensen["teamlid"])
    _verouder(client, "sessie_begin", settings.SESSION_COOKIE_AGE + 1)
    assert client.get(reverse("start")).url == reverse("login")


def test_verlengen_telt_als_activiteit_en_pagina_waarschuwt(client, org, settings):
    assert settings.SESSIE_INACTIEF_SECONDEN == 30 * 60  # the default
    client.force_login(org.mensen["teamlid"])
    pagina = client.get(reverse("start")).content.decode()
    assert 'data-sessie-inactief="1800"' in pagina and 'id="sessie-waarschuwing"' in pagina
    assert "js/sessie.js" in pagina
    _verouder(client, "sessie_laatst_actief", settings.SESSIE_INACTIEF_SECONDEN - 10)
    assert client.post(reverse("sessie-verlengen")).status_code == 204
    assert time.time() - client.session["sessie_laatst_actief"] < 5


def _instelling_in_profiel(**omgeving):
    env = {k: v for k, v in os.environ.items() if k != "TWEE_FACTOR_VERPLICHT"}
    env.update(omgeving)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
                               "print(settings.TWEE_FACTOR_VERPLICHT)"],
        env=env, cwd=django_settings.BASE_DIR, capture_output=True, text=True)


@pytest.mark.parametrize("profiel", ["dev", "test", "acceptatie", "production"])
def test_twee_factoren_verplicht_in_elk_profiel(profiel):
    uit = _instelling_in_profiel(DJANGO_ENV=profiel, DJANGO_SECRET_KEY="x" * 50,
                                 DJANGO_SETTINGS_MODULE="config.settings")
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip() == "True"


def test_alleen_de_lokale_demo_zet_ze_uit():
    productie = _instelling_in_profiel(DJANGO_ENV="production", DJANGO_SECRET_KEY="x" * 50,
                                       TWEE_FACTOR_VERPLICHT="0", DJANGO_SETTINGS_MODULE="config.settings")
    assert productie.returncode != 0 and "TWEE_FACTOR_VERPLICHT kan in productie niet uit" in productie.stderr
    start = (django_settings.BASE_DIR / "bin" / "start").read_text()
    assert "export TWEE_FACTOR_VERPLICHT=0" in start
    assert "tweestapsverificatie staat UIT" in start
