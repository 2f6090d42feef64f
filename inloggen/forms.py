from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _

from inloggen.models import ApiToken
from inloggen.services import controleer_tweede_factor, heeft_tweede_factor

# One answer for every failure before the second factor has passed: wrong user name, wrong password,
# missing or wrong code. Nobody learns from it which of them was right.
ALGEMENE_FOUT = _("Inloggen is niet gelukt. Controleer uw gebruikersnaam, wachtwoord en code en probeer het "
                  "opnieuw.")


class InlogFormulier(AuthenticationForm):
    """Password and, for an account with an authenticator app, its code or a recovery code, in one step."""

    error_messages = {"invalid_login": ALGEMENE_FOUT, "inactive": ALGEMENE_FOUT}

    otp_token = forms.CharField(
        label=_("Code uit uw authenticator-app of herstelcode"), required=False, max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code"}),
        help_text=_("Zes cijfers uit uw app, of een van uw herstelcodes. Nog geen app ingesteld? "
                    "Laat dit veld leeg."),
    )

    def clean(self):
        cleaned = super().clean()
        self.apparaat = None
        user = self.get_user()
        if user is None or not heeft_tweede_factor(user):
            return cleaned  # enforcement (if on) sends a user without an app to the set-up page
        self.apparaat = controleer_tweede_factor(user, cleaned.get("otp_token"))
        if self.apparaat is None:
            # A wrong code counts as a failed login for the lockout (django-axes listens to this signal).
            user_login_failed.send(sender=__name__, credentials={"username": cleaned.get("username")},
                                   request=self.request)
            self.user_cache = None
            raise self.get_invalid_login_error()
        return cleaned


class InstelFormulier(forms.Form):
    otp_token = forms.CharField(label=_("Code uit uw authenticator-app"), max_length=8,
                                widget=forms.TextInput(attrs={"autocomplete": "one-time-code",
                                                              "inputmode": "numeric"}))


class ApiTokenFormulier(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["naam"]
