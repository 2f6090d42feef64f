from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice


def bevestigd_apparaat(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def controleer_code(device, code):
    """Check a TOTP code on a device, with django-otp's throttling. Raises a Dutch ValidationError."""
    toegestaan, _extra = device.verify_is_allowed()
    if not toegestaan:
        raise forms.ValidationError(_("Te veel onjuiste codes. Wacht even en probeer het opnieuw."),
                                    code="geblokkeerd")
    if not device.verify_token((code or "").replace(" ", "")):
        raise forms.ValidationError(_("De code klopt niet. Controleer de code in uw authenticator-app."),
                                    code="onjuiste_code")


class InlogFormulier(AuthenticationForm):
    """Password, then the code of the user's authenticator app (when the user has one, or it is required)."""

    otp_token = forms.CharField(
        label=_("Code uit uw authenticator-app"), required=False, max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text=_("Zes cijfers. Nog geen app ingesteld? Laat dit veld leeg."),
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        self.apparaat = None
        if user is None:
            return cleaned
        apparaat = bevestigd_apparaat(user)
        if apparaat is None:
            return cleaned  # enforcement (if on) sends the user to the set-up page first
        if not cleaned.get("otp_token"):
            raise forms.ValidationError(_("Vul de code uit uw authenticator-app in."), code="code_nodig")
        controleer_code(apparaat, cleaned["otp_token"])
        self.apparaat = apparaat
        return cleaned


class InstelFormulier(forms.Form):
    otp_token = forms.CharField(label=_("Code uit uw authenticator-app"), max_length=8,
                                widget=forms.TextInput(attrs={"autocomplete": "one-time-code",
                                                              "inputmode": "numeric"}))


def verplicht():
    return settings.TWEE_FACTOR_VERPLICHT
