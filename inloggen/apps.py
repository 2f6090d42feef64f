from django.apps import AppConfig


class InloggenConfig(AppConfig):
    """Staff log in with two factors: password plus a TOTP code (django-otp)."""

    name = "inloggen"
    verbose_name = "Inloggen en tweestapsverificatie"
