"""Technical tables of the edge kit: the transactional outbox and the record of completed scheduled periods."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Uitgaand(models.Model):
    """One side effect of a write (a Celery task by name), stored in the same transaction as the write.

    The relay (``common.uitgaand``) hands rows without ``afgerond_op`` to Celery until a worker finished them;
    the task runs through :func:`common.uitgaand.voer_uit`, which runs it at most once per row.
    """

    taak = models.CharField(_("taak"), max_length=200)
    args = models.JSONField(_("argumenten"), default=list, blank=True)
    kwargs = models.JSONField(_("trefwoordargumenten"), default=dict, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    verstuurd_op = models.DateTimeField(_("laatst aan Celery gegeven op"), null=True, blank=True)
    pogingen = models.PositiveIntegerField(_("keren aan Celery gegeven"), default=0)
    afgerond_op = models.DateTimeField(_("afgerond op"), null=True, blank=True)

    class Meta:
        verbose_name = _("uitgaande taak")
        verbose_name_plural = _("uitgaande taken")
        indexes = [models.Index(fields=["aangemaakt_op"], condition=models.Q(afgerond_op__isnull=True),
                                name="uitgaand_open_idx")]

    def __str__(self):
        return f"{self.taak} #{self.pk}"


class AfgerondePeriode(models.Model):
    """A scheduled job that has been done for a period ("2026-K3", "2026-11-29"): beat catches up what is
    missing, and never does a period twice."""

    taak = models.CharField(_("taak"), max_length=200)
    periode = models.CharField(_("periode"), max_length=20)
    afgerond_op = models.DateTimeField(_("afgerond op"), auto_now_add=True)

    class Meta:
        verbose_name = _("afgeronde periode")
        verbose_name_plural = _("afgeronde perioden")
        constraints = [models.UniqueConstraint(fields=["taak", "periode"], name="afgeronde_periode_eenmaal")]

    def __str__(self):
        return f"{self.taak} {self.periode}"
