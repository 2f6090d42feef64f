"""Writes of the login app: second factors (enrol, recovery codes, reset by beheer) and API tokens."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit import log
from common import vierogen
from common.invoer import is_cijfers
from inloggen import selectors
from inloggen.models import ApiToken


def heeft_tweede_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def controleer_tweede_factor(user, code):
    """The confirmed device (authenticator app or recovery codes) that accepts ``code``, or None.
    django-otp throttles each device after wrong codes; a recovery code is deleted when used."""
    code = (code or "").replace(" ", "").strip().lower()
    if not code:
        return None
    # Six digits go to the app, anything else to the recovery codes: a wrong try throttles only that device.
    soort = TOTPDevice if is_cijfers(code) else StaticDevice
    for apparaat in soort.objects.filter(user=user, confirmed=True):
        toegestaan, _extra = apparaat.verify_is_allowed()
        if toegestaan and apparaat.verify_token(code):
            return apparaat
    return None


def _vergrendel(user):
    return get_user_model().objects.select_for_update().get(pk=user.pk)


def bevestig_app(*, user, apparaat, code):
    """Confirm the authenticator app being set up in this session with its first code, and make the
    recovery codes. Refused when the account already has a confirmed app (set up in another session)."""
    # The code is checked outside the transaction: django-otp's throttling count must survive a wrong code.
    toegestaan, _extra = apparaat.verify_is_allowed()
    if not toegestaan:
        raise ValidationError({"otp_token": _("Te veel onjuiste codes. Wacht even en probeer het opnieuw.")})
    if not apparaat.verify_token((code or "").replace(" ", "")):
        raise ValidationError({"otp_token": _("De code klopt niet. Controleer de code in uw authenticator-app.")})
    with transaction.atomic():
        _vergrendel(user)
        apparaat = TOTPDevice.objects.filter(pk=apparaat.pk, user=user, confirmed=False).first()
        if apparaat is None or heeft_tweede_factor(user):
            raise PermissionDenied(_("Tweestapsverificatie is al ingesteld voor dit account."))
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        codes = _nieuwe_herstelcodes(user)
        log.gewijzigd(user, user, detail={"tweestapsverificatie": "ingesteld"})
    return apparaat, codes


def _nieuwe_herstelcodes(user):
    StaticDevice.objects.filter(user=user).delete()
    apparaat = StaticDevice.objects.create(user=user, name=_("Herstelcodes"), confirmed=True)
    codes = [StaticToken.random_token() for _i in range(settings.HERSTELCODES_AANTAL)]
    StaticToken.objects.bulk_create(StaticToken(device=apparaat, token=c) for c in codes)
    return codes


@transaction.atomic
def vernieuw_herstelcodes(*, user):
    """New recovery codes for a user who has just passed two factors; the old ones stop working."""
    _vergrendel(user)
    if not user.is_verified():
        raise PermissionDenied(_("Log in met twee stappen om nieuwe herstelcodes te maken."))
    codes = _nieuwe_herstelcodes(user)
    log.gewijzigd(user, user, detail={"tweestapsverificatie": "nieuwe herstelcodes"})
    return codes


@transaction.atomic
def herstel_tweede_factor(*, door, gebruiker):
    """The functioneel beheerder removes a user's app and recovery codes (lost phone): at the next login the
    user sets up a new app. Only for a colleague of the own gemeente (``selectors.collegas_voor``: never
    oneself, never a superuser). Logged."""
    if not door.has_perm("inloggen.herstel_tweestapsverificatie") or not (
            selectors.collegas_voor(door).filter(pk=gebruiker.pk).exists()):
        raise PermissionDenied
    if vierogen.andere_stap_gedaan(door, gebruiker, vierogen.TWEESTAPS_HERSTELD):
        raise PermissionDenied(_("U heeft het wachtwoord van dit account gezet; een andere beheerder herstelt de "
                                 "tweestapsverificatie (vier ogen)."))
    _vergrendel(gebruiker)
    verwijderd = [str(a.persistent_id) for a in devices_for_user(gebruiker, confirmed=None)]
    TOTPDevice.objects.filter(user=gebruiker).delete()
    StaticDevice.objects.filter(user=gebruiker).delete()
    log.gewijzigd(door, gebruiker, detail={**vierogen.TWEESTAPS_HERSTELD, "apparaten": verwijderd})


@transaction.atomic
def maak_api_token(*, door, naam):
    """A new API token for ``door``; only from a session that passed two factors. Returns (token, secret):
    the secret is shown once and stored only as a digest."""
    if not (getattr(door, "is_verified", None) and door.is_verified()):
        raise PermissionDenied(_("Een API-token maakt u alleen na inloggen met twee stappen."))
    token, geheim = ApiToken.objects.create(user=door, naam=naam)
    # Logged on the owner: the token's key (its digest, 128 characters) does not fit the log's object id.
    log.aangemaakt(door, door, detail={"api_token": token.token_key[:8], "naam": naam,
                                       "verloopt_op": token.expiry.isoformat()})
    return token, geheim


@transaction.atomic
def trek_api_token_in(*, door, token):
    """Revoke a token: by its owner, or by the functioneel beheerder."""
    if token.user_id != door.pk and not door.has_perm("inloggen.delete_apitoken"):
        raise PermissionDenied
    log.verwijderd(door, token.user, detail={"api_token": token.token_key[:8], "naam": token.naam})
    token.delete()
