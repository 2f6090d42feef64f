"""The one append-only log of reads and changes, in the spirit of NEN 7513.

The table refuses UPDATE and DELETE through a database trigger (see migration 0002), so
nothing in the application (admin, shell, a bug) can change what was recorded.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditActie(models.TextChoices):
    GELEZEN = "read", _("Gelezen")
    AANGEMAAKT = "create", _("Aangemaakt")
    GEWIJZIGD = "update", _("Gewijzigd")
    VERWIJDERD = "delete", _("Verwijderd")
    GEEXPORTEERD = "export", _("Geëxporteerd")
    GEPRINT = "print", _("Geprint")
    INGELOGD = "login", _("Ingelogd")
    INLOGGEN_MISLUKT = "login_failed", _("Inloggen mislukt")
    UITGELOGD = "logout", _("Uitgelogd")


class AuditEvent(models.Model):
    tijdstip = models.DateTimeField(_("tijdstip (UTC)"), auto_now_add=True, db_index=True)
    # No database FK: the log must outlive users and objects, and may never be cascaded away.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gebruiker"),
    )
    actor_weergave = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    rol = models.CharField(_("rol"), max_length=200, blank=True)
    namens = models.CharField(_("namens"), max_length=150, blank=True)
    actie = models.CharField(_("actie"), max_length=20, choices=AuditActie.choices)
    resultaat = models.CharField(_("resultaat"), max_length=20, default="gelukt")
    object_type = models.CharField(_("objecttype"), max_length=100, blank=True)
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    gemeente_id = models.BigIntegerField(_("gemeente"), null=True, blank=True)
    huishouden_id = models.BigIntegerField(_("huishouden"), null=True, blank=True)
    persoon_id = models.BigIntegerField(_("persoon"), null=True, blank=True)
    request_id = models.CharField(_("request-id"), max_length=64, blank=True)
    ip = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    noodtoegang = models.BooleanField(_("noodtoegang"), default=False)
    detail = models.JSONField(_("toelichting"), default=dict, blank=True)

    class Meta:
        verbose_name = _("logregel")
        verbose_name_plural = _("logboek")
        ordering = ["-tijdstip", "-id"]
        indexes = [
            models.Index(fields=["huishouden_id", "-tijdstip"], name="audit_huishouden_idx"),
            models.Index(fields=["object_type", "object_id"], name="audit_object_idx"),
        ]

    def __str__(self):
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.actor_weergave} {self.actie} {self.object_type}"
