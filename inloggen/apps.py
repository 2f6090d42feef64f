from django.apps import AppConfig


class InloggenConfig(AppConfig):
    """Staff log in with two factors: password plus a TOTP code or a recovery code (django-otp), with a
    lockout after repeated failures (django-axes) and an idle timeout; API tokens (django-rest-knox)."""

    name = "inloggen"
    verbose_name = "Inloggen en tweestapsverificatie"

    def ready(self):
        from inloggen import middleware  # noqa: F401  (connects the session clock to user_logged_in)
