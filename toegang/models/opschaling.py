"""Toegang: opschaling (escalation) to LZN, bestuurstafel and the youth and safety networks.

Targets are a catalogue per gemeente with criteria; an escalation has a status (transitions in
``toegang.opschaling.services``), an owner, a meeting date, a decision, an outcome and can be sent back
(afschalen). The bestuurstafel records policy signals without personal data.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common import opmaak
from huishoudens.models import Huishouden, Traject
from wijkteams import rollen
from wijkteams.models import Gebied, Gemeente

__all__ = ["BeleidsSignaal", "Opschaling", "OpschalingDoel", "OpschalingStatusWijziging", "ToegangGroep"]


class ToegangGroep(models.TextChoices):
    """The only groups an escalation target may name: each gets access to the escalated household only."""

    LZN = rollen.LZN, _("Coördinatoren LZN")


class OpschalingDoel(models.Model):
    """Where a case can be escalated to, with the criteria (age, kind of problem)."""

    class Soort(models.TextChoices):
        LZN = "lzn", _("Lokaal Zorgnetwerk (LZN)")
        BESTUURSTAFEL = "bestuurstafel", _("Bestuurstafel")
        JEUGD = "jeugd", _("Jeugdnetwerk")
        VEILIGHEID = "veiligheid", _("Veiligheid")
        ZORGNETWERK = "zorgnetwerk", _("Zorgnetwerk")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    code = models.SlugField(_("code"), max_length=40)
    naam = models.CharField(_("naam"), max_length=150)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    minimum_leeftijd = models.PositiveSmallIntegerField(_("vanaf leeftijd"), null=True, blank=True)
    maximum_leeftijd = models.PositiveSmallIntegerField(_("tot en met leeftijd"), null=True, blank=True)
    problematiek = models.TextField(_("criteria: soort problematiek"), blank=True)
    toegang_groep = models.CharField(
        _("groep die toegang krijgt"), max_length=150, blank=True, choices=ToegangGroep.choices,
        help_text=_("De groep die bij opschaling toegang tot dit ene huishouden krijgt (leeg: geen)."))
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("opschalingsdoel")
        verbose_name_plural = _("opschalingsdoelen")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "code"], name="opschalingdoel_code_uniek"),
            models.CheckConstraint(
                condition=(Q(minimum_leeftijd__isnull=True) | Q(maximum_leeftijd__isnull=True)
                           | Q(maximum_leeftijd__gte=models.F("minimum_leeftijd"))),
                name="opschalingdoel_leeftijd_geldig"),
            models.CheckConstraint(condition=Q(toegang_groep__in=["", *ToegangGroep.values]),
                                   name="opschalingdoel_toegang_alleen_opschalingsgroep"),
        ]

    def __str__(self):
        return self.naam

    @property
    def leeftijd_omschrijving(self):
        if self.minimum_leeftijd is not None and self.maximum_leeftijd is not None:
            return _("%(van)s t/m %(tot)s jaar") % {"van": self.minimum_leeftijd, "tot": self.maximum_leeftijd}
        if self.minimum_leeftijd is not None:
            return _("%(van)s jaar en ouder") % {"van": self.minimum_leeftijd}
        if self.maximum_leeftijd is not None:
            return _("tot en met %(tot)s jaar") % {"tot": self.maximum_leeftijd}
        return _("alle leeftijden")


class Opschaling(models.Model):
    class Status(models.TextChoices):
        AANGEMELD = "aangemeld", _("Aangemeld")
        IN_BEHANDELING = "in_behandeling", _("In behandeling")
        BESLOTEN = "besloten", _("Besluit genomen")
        AFGESCHAALD = "afgeschaald", _("Afgeschaald naar het team")
        AFGESLOTEN = "afgesloten", _("Afgesloten")

    ACTIEF = (Status.AANGEMELD, Status.IN_BEHANDELING, Status.BESLOTEN)

    traject = models.ForeignKey(Traject, on_delete=models.PROTECT, related_name="opschalingen")
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="opschalingen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    doel = models.ForeignKey(OpschalingDoel, on_delete=models.PROTECT, related_name="opschalingen",
                             verbose_name=_("opschalen naar"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.AANGEMELD)
    reden = models.TextField(_("reden van opschaling"))
    geprobeerd = models.TextField(_("wat is al geprobeerd"))
    aangemeld_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemeld_op = models.DateTimeField(auto_now_add=True)
    eigenaar = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="+", verbose_name=_("eigenaar"))
    overlegdatum = models.DateField(_("datum overleg"), null=True, blank=True)
    besluit = models.TextField(_("besluit"), blank=True)
    uitkomst = models.TextField(_("uitkomst"), blank=True)
    afschaal_instructies = models.TextField(_("instructies bij afschalen"), blank=True)
    beeindigd_op = models.DateTimeField(null=True, blank=True)
    # The minimised case summary for the bestuurstafel (no names, no BSN, no address), made by the coördinator.
    samenvatting = models.TextField(_("geanonimiseerde casusbeschrijving voor de bestuurstafel"), blank=True)

    class Meta:
        verbose_name = _("opschaling")
        verbose_name_plural = _("opschalingen")
        ordering = ["-aangemeld_op", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["traject", "doel"],
                                    condition=Q(status__in=["aangemeld", "in_behandeling", "besloten"]),
                                    name="een_lopende_opschaling_per_doel"),
            models.CheckConstraint(condition=~Q(status="afgeschaald") | ~Q(afschaal_instructies=""),
                                   name="afschalen_met_instructies"),
            models.CheckConstraint(condition=~Q(status="besloten") | ~Q(besluit=""), name="besloten_met_besluit"),
        ]
        indexes = [models.Index(fields=["gemeente", "status"], name="opschaling_gemeente_status_idx")]

    def __str__(self):
        return f"Opschaling naar {self.doel}"

    def get_absolute_url(self):
        return reverse("toegang:opschaling", args=[self.pk])

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id, "huishouden_id": self.huishouden_id}

    @property
    def is_actief(self):
        return self.status in self.ACTIEF


class OpschalingStatusWijziging(models.Model):
    opschaling = models.ForeignKey(Opschaling, on_delete=models.CASCADE, related_name="statuswijzigingen")
    van = models.CharField(max_length=20, choices=Opschaling.Status.choices, blank=True)
    naar = models.CharField(max_length=20, choices=Opschaling.Status.choices)
    op = models.DateTimeField(auto_now_add=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    toelichting = models.TextField(blank=True)

    class Meta:
        ordering = ["op", "id"]


class BeleidsSignaal(models.Model):
    """A structural problem seen behind a case, for policy. Holds no personal data and no link a
    beleidsmedewerker can follow to a household (the opschaling is kept for the bestuurstafel's own use)."""

    class Thema(models.TextChoices):
        WONEN = "wonen", _("Wonen en huisvesting")
        SCHULDEN = "schulden", _("Schulden en inkomen")
        ZORG = "zorg", _("Zorg en aansluiting tussen wetten")
        JEUGD = "jeugd", _("Jeugd en onderwijs")
        VEILIGHEID = "veiligheid", _("Veiligheid")
        REGELGEVING = "regelgeving", _("Regels en procedures")
        ANDERS = "anders", _("Anders")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    gebied = models.ForeignKey(Gebied, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    opschaling = models.ForeignKey(Opschaling, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="signalen")
    thema = models.CharField(_("thema"), max_length=20, choices=Thema.choices)
    omschrijving = models.TextField(_("structureel probleem (zonder persoonsgegevens)"))
    aanbeveling = models.TextField(_("aanbeveling"), blank=True)
    datum = models.DateField(_("datum"))
    vastgelegd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("beleidssignaal")
        verbose_name_plural = _("beleidssignalen")
        ordering = ["-datum", "-id"]

    def __str__(self):
        return f"{self.get_thema_display()} ({opmaak.datum_nl(self.datum)})"

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id}
