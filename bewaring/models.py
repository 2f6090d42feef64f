"""Vernietigingslijsten: what is due for destruction, who confirmed it, when it was carried out.

The rows hold no personal data: only the internal id, the ground and the closing date.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common import opmaak
from wijkteams.models import Gemeente


class Vernietigingslijst(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", _("Ter beoordeling")
        BEVESTIGD = "bevestigd", _("Bevestigd")
        UITGEVOERD = "uitgevoerd", _("Uitgevoerd")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    peildatum = models.DateField(_("peildatum"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    # when the rows were (last) drawn up: activity after this moment makes a household skip the execution
    opgesteld_op = models.DateTimeField(_("opgesteld op"), null=True, blank=True)
    bevestigd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                       related_name="+")
    bevestigd_op = models.DateTimeField(null=True, blank=True)
    uitgevoerd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("vernietigingslijst")
        verbose_name_plural = _("vernietigingslijsten")
        ordering = ["-aangemaakt_op"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente"], condition=Q(status="concept"),
                                    name="een_conceptlijst_per_gemeente"),
        ]

    def __str__(self):
        return f"Vernietigingslijst {self.gemeente} {opmaak.datum_nl(self.peildatum)}"

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id}


class VernietigingsRegel(models.Model):
    lijst = models.ForeignKey(Vernietigingslijst, on_delete=models.CASCADE, related_name="regels")
    huishouden_id = models.BigIntegerField(_("huishouden (intern nummer)"))
    grondslag = models.CharField(_("grondslag"), max_length=200)
    afgesloten_op = models.DateField(_("dossier afgesloten op"))
    uitgevoerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)
    # checked again at execution: a household that came back (new melding, traject, request) is skipped
    overgeslagen = models.CharField(_("overgeslagen, want"), max_length=200, blank=True)

    class Meta:
        ordering = ["afgesloten_op", "huishouden_id"]
        constraints = [models.UniqueConstraint(fields=["lijst", "huishouden_id"], name="regel_uniek")]
