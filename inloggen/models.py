from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken


class ApiToken(AbstractAuthToken):
    """An API token (django-rest-knox): only the SHA-512 digest and the first characters are stored, never
    the token itself; it always expires. Made by its owner from a session that passed two factors."""

    naam = models.CharField(_("naam"), max_length=100, help_text=_("Waarvoor gebruikt u dit token?"))
    laatst_gebruikt_op = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")
        ordering = ["-created"]
        constraints = [models.CheckConstraint(condition=Q(expiry__isnull=False), name="api_token_verloopt")]
        permissions = [("herstel_tweestapsverificatie", _("Tweestapsverificatie van een medewerker herstellen"))]

    def __str__(self):
        return f"{self.naam} ({self.token_key}…)"

    def audit_context(self):
        return {}
