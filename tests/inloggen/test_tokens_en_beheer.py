"""API tokens (django-rest-knox) and the beheerder's reset of a second factor."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.crypto import hash_token

from audit.models import AuditEvent
from inloggen.models import ApiToken


def _verifieer(client, user):
    """A session that passed two factors (as after InlogView with a code)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    apparaat = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
    sessie.save()
    return apparaat


def _api(client, geheim):
    return client.get(reverse("wijk-list"), HTTP_AUTHORIZATION=f"Token {geheim}")


def test_token_gemaakt_na_twee_factoren_is_gehasht_en_werkt(client, org, django_assert_max_num_queries):
    wie = org.mensen["teamlid"]
    _verifieer(client, wie)
    antwoord = client.post(reverse("api-tokens"), {"naam": "rapportage-script"})
    assert antwoord.status_code == 200
    geheim = antwoord.context["geheim"]
    token = ApiToken.objects.get(user=wie)
    assert geheim not in str(ApiToken.objects.filter(pk=token.pk).values().get())  # only a digest is stored
    assert token.digest == hash_token(geheim) and len(token.digest) == 128
    assert token.expiry is not None and token.expiry > timezone.now() + timedelta(days=29)
    assert AuditEvent.objects.filter(actor=wie, actie="create", detail__api_token=token.token_key[:8]).exists()

    assert token.laatst_gebruikt_op is None
    assert _api(client.__class__(), geheim).status_code == 200
    token.refresh_from_db()
    assert token.laatst_gebruikt_op is not None
    lijst = client.get(reverse("api-tokens"))
    assert "rapportage-script" in lijst.content.decode() and geheim not in lijst.content.decode()
    with django_assert_max_num_queries(8):
        client.get(reverse("api-tokens"))


def test_geen_token_zonder_twee_factoren(client, org):
    client.force_login(org.mensen["teamlid"])  # password only (two factors off, as in the demo)
    pagina = client.get(reverse("api-tokens"))
    assert "alleen als u met twee stappen bent ingelogd" in pagina.content.decode()
    antwoord = client.post(reverse("api-tokens"), {"naam": "x"})
    assert antwoord.status_code == 403 and not ApiToken.objects.exists()


def test_verlopen_token_werkt_niet(client, org):
    token, geheim = ApiToken.objects.create(user=org.mensen["teamlid"], naam="oud")
    assert _api(client, geheim).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expiry=timezone.now() - timedelta(seconds=1))
    assert _api(client, geheim).status_code in (401, 403)


def test_token_verplicht_met_vervaldatum_in_de_database(org):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        ApiToken.objects.create(user=org.mensen["teamlid"], naam="eeuwig", expiry=None)


def test_eigenaar_trekt_in_en_dan_werkt_het_niet_meer(client, org):
    wie = org.mensen["teamlid"]
    _verifieer(client, wie)
    token, geheim = ApiToken.objects.create(user=wie, naam="x")
    assert client.post(reverse("api-token-intrekken"), {"token": token.digest}).status_code == 302
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    assert _api(client.__class__(), geheim).status_code in (401, 403)


def test_ander_kan_token_niet_intrekken(client, org):
    token, geheim = ApiToken.objects.create(user=org.mensen["teamlid"], naam="x")
    client.force_login(org.mensen["medewerker_ander_team"])
    assert client.post(reverse("api-token-intrekken"), {"token": token.digest}).status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_beheerder_trekt_token_in_via_beheer(client, org):
    token, geheim = ApiToken.objects.create(user=org.mensen["teamlid"], naam="x")
    ander, _g = ApiToken.objects.create(user=org.mensen["medewerker_andere_gemeente"], naam="y")
    beheer = org.mensen["beheer"]
    beheer.is_staff = True  # as the demo makes the functioneel beheerder
    beheer.save(update_fields=["is_staff"])
    client.force_login(beheer)
    lijst = client.get(reverse("admin:inloggen_apitoken_changelist"))
    assert lijst.status_code == 200
    assert token.token_key in lijst.content.decode() and ander.token_key not in lijst.content.decode()
    url = reverse("admin:inloggen_apitoken_delete", args=[token.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    assert _api(client.__class__(), geheim).status_code in (401, 403)
    assert AuditEvent.objects.filter(actor=org.mensen["beheer"], actie="delete",
                                     detail__api_token=token.token_key[:8]).exists()


def test_beheerder_herstelt_tweede_factor_en_dat_wordt_gelogd(client, org):
    wie = org.mensen["teamlid"]
    TOTPDevice.objects.create(user=wie, name="app", confirmed=True)
    StaticDevice.objects.create(user=wie, name="codes", confirmed=True)
    client.force_login(org.mensen["beheer"])
    pagina = client.get(reverse("tweestaps-beheer"))
    assert pagina.status_code == 200 and "teamlid" in pagina.content.decode()
    assert "ander" not in {g.username for g in pagina.context["gebruikers"]}  # other gemeente not listed
    assert client.post(reverse("tweestaps-herstellen", args=[wie.pk])).status_code == 302
    assert not TOTPDevice.objects.filter(user=wie).exists() and not StaticDevice.objects.filter(user=wie).exists()
    gebeurtenis = AuditEvent.objects.get(actor=org.mensen["beheer"],
                                         detail__tweestapsverificatie="hersteld door beheer")
    assert gebeurtenis.object_id == str(wie.pk)


def test_alleen_beheerder_van_dezelfde_gemeente_herstelt(client, org):
    wie = org.mensen["medewerker_andere_gemeente"]
    TOTPDevice.objects.create(user=wie, name="app", confirmed=True)
    client.force_login(org.mensen["beheer"])
    assert client.post(reverse("tweestaps-herstellen", args=[wie.pk])).status_code == 404
    client.force_login(org.mensen["coordinator_eigen_gebied"])
    assert client.get(reverse("tweestaps-beheer")).status_code == 403
    assert client.post(reverse("tweestaps-herstellen", args=[org.mensen["teamlid"].pk])).status_code == 403
    assert TOTPDevice.objects.filter(user=wie).exists()


def test_beheerder_herstelt_niet_de_eigen_tweede_factor_en_niet_die_van_een_superuser(client, org):
    """As everywhere a beheerder acts on accounts: never itself and never a superuser (that would cut the
    superuser's login down to its password), on the page, its POST and in the service."""
    from django.contrib.auth import get_user_model
    from django.core.exceptions import PermissionDenied

    from inloggen import services
    from wijkteams.models import Medewerker

    beheer = org.mensen["beheer"]
    baas = get_user_model().objects.create_superuser("baas", "baas@example.nl", "Baas-wachtwoord-2026")
    Medewerker.objects.create(user=baas, gemeente=org.gemeente)
    for wie in (beheer, baas):
        TOTPDevice.objects.create(user=wie, name="app", confirmed=True)
    client.force_login(beheer)
    getoond = {g.username for g in client.get(reverse("tweestaps-beheer")).context["gebruikers"]}
    assert "baas" not in getoond and beheer.username not in getoond and "teamlid" in getoond
    for wie in (beheer, baas):
        assert client.post(reverse("tweestaps-herstellen", args=[wie.pk])).status_code == 404
        with pytest.raises(PermissionDenied):
            services.herstel_tweede_factor(door=beheer, gebruiker=wie)
        assert TOTPDevice.objects.filter(user=wie).exists()
