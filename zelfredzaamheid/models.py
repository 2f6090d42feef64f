"""Zelfredzaamheidsmatrix (ZRM): the catalogue as data, and measurements per person.

A measurement (Meting) is ONE row with its domain scores in a ``smallint[]`` aligned with the
``volgorde`` of the domains of its matrix version (NULL = not scored: "niet van toepassing" or
"niet gescoord"; those are never zeros). Gemeente, gebied, team, wijk and huishouden are copied
onto the row when it is written, so the monitor's aggregates read one table with partial indexes
(see notes/PERFORMANCE.md). ``is_eerste`` marks each person's first final measurement per version,
kept up to date by the services, so "change first → latest" needs no scan of the whole history.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from common import opmaak
from huishoudens.models import Doel, Huishouden, Persoon, Traject
from wijkteams.models import Gebied, Gemeente, Team, Wijk

SOCIAAL_NETWERK = "sociaal_netwerk"  # the domain behind "onvoldoende contacten"
LAAG = 2  # a score at or below this counts as "weinig kracht"


class MatrixVersie(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True, help_text=_("Bijvoorbeeld ‘2017’."))
    naam = models.CharField(_("naam"), max_length=100)
    actief = models.BooleanField(
        _("actief"), default=False, help_text=_("Nieuwe metingen worden op de actieve versie gescoord.")
    )

    class Meta:
        verbose_name = _("matrixversie")
        verbose_name_plural = _("matrixversies")
        ordering = ["-code"]
        constraints = [
            models.UniqueConstraint(fields=["actief"], condition=Q(actief=True), name="zrm_een_actieve_versie",
                                    violation_error_message=_("Er kan maar één matrixversie actief zijn.")),
        ]

    def __str__(self):
        return self.naam


class Niveau(models.Model):
    score = models.PositiveSmallIntegerField(_("score"), primary_key=True)
    naam = models.CharField(_("naam"), max_length=60)

    class Meta:
        verbose_name = _("niveau")
        verbose_name_plural = _("niveaus")
        ordering = ["score"]
        constraints = [models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="zrm_niveau_1_5")]

    def __str__(self):
        return f"{self.score} {self.naam}"


class Domein(models.Model):
    versie = models.ForeignKey(MatrixVersie, on_delete=models.PROTECT, related_name="domeinen")
    code = models.SlugField(_("code"), max_length=40)
    naam = models.CharField(_("naam"), max_length=100)
    volgorde = models.PositiveSmallIntegerField(
        _("volgorde"), help_text=_("Positie (1, 2, ...) van de score in de meting; niet wijzigen na de eerste meting.")
    )

    class Meta:
        verbose_name = _("domein")
        verbose_name_plural = _("domeinen")
        ordering = ["versie", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["versie", "code"], name="zrm_domein_code_uniek"),
            models.UniqueConstraint(fields=["versie", "volgorde"], name="zrm_domein_volgorde_uniek"),
            models.CheckConstraint(condition=Q(volgorde__gte=1), name="zrm_domein_volgorde_vanaf_1"),
        ]

    def __str__(self):
        return self.naam


class Criterium(models.Model):
    domein = models.ForeignKey(Domein, on_delete=models.CASCADE, related_name="criteria")
    niveau = models.ForeignKey(Niveau, on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField(_("criteria"), blank=True)

    class Meta:
        verbose_name = _("criterium")
        verbose_name_plural = _("criteria")
        ordering = ["domein", "niveau"]
        constraints = [models.UniqueConstraint(fields=["domein", "niveau"], name="zrm_criterium_uniek")]

    def __str__(self):
        return f"{self.domein} · {self.niveau}"


class Meting(models.Model):
    class Soort(models.TextChoices):
        INTAKE = "intake", _("Intake (nulmeting)")
        EVALUATIE = "evaluatie", _("Evaluatie")
        AFSLUITING = "afsluiting", _("Afsluiting (eindmeting)")

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        DEFINITIEF = "definitief", _("Definitief")
        VERVANGEN = "vervangen", _("Vervangen door correctie")

    persoon = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="zrm_metingen")
    versie = models.ForeignKey(MatrixVersie, on_delete=models.PROTECT, related_name="metingen")
    datum = models.DateField(_("datum"))
    soort = models.CharField(_("soort meting"), max_length=20, choices=Soort.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT)
    # Score per domain in the version's domain order; NULL = niet van toepassing / niet gescoord.
    scores = ArrayField(models.SmallIntegerField(null=True), verbose_name=_("scores"))
    niet_van_toepassing = ArrayField(models.SlugField(max_length=40), default=list, blank=True,
                                     verbose_name=_("niet van toepassing (domeincodes)"))
    notities = models.JSONField(_("notities per domein"), default=dict, blank=True)
    client_akkoord = models.BooleanField(_("bewoner is het eens met de scores"), null=True, blank=True)
    gescoord_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    definitief_op = models.DateTimeField(null=True, blank=True)
    vervangt = models.OneToOneField("self", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="vervangen_door", verbose_name=_("corrigeert meting"))
    correctiereden = models.TextField(_("reden van de correctie"), blank=True)
    is_eerste = models.BooleanField(default=False, editable=False)
    # Denormalised at write time for fast aggregates (the household and its traject then).
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="zrm_metingen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    traject = models.ForeignKey(Traject, on_delete=models.PROTECT, null=True, blank=True, related_name="zrm_metingen")

    class Meta:
        verbose_name = _("ZRM-meting")
        verbose_name_plural = _("ZRM-metingen")
        ordering = ["persoon", "datum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="concept") | Q(definitief_op__isnull=False), name="zrm_definitief_heeft_moment"
            ),
            models.CheckConstraint(
                condition=Q(vervangt__isnull=True) | ~Q(correctiereden=""), name="zrm_correctie_heeft_reden"
            ),
            models.UniqueConstraint(
                fields=["persoon", "versie"], condition=Q(is_eerste=True), name="zrm_een_eerste_meting"
            ),
        ]
        indexes = [
            # Aggregates: final measurements of a gemeente and version in a period.
            models.Index(fields=["gemeente", "versie", "datum"], condition=Q(status="definitief"),
                         name="zrm_meting_periode_idx"),
            # The first measurement per person (change first → latest).
            models.Index(fields=["persoon", "versie"], condition=Q(status="definitief", is_eerste=True),
                         name="zrm_meting_eerste_idx"),
            models.Index(fields=["huishouden", "persoon", "datum"], name="zrm_meting_huishouden_idx"),
        ]

    def __str__(self):
        return f"ZRM {self.get_soort_display()} {opmaak.datum_nl(self.datum)}"

    def get_absolute_url(self):
        return reverse("zelfredzaamheid:meting", args=[self.pk])

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id, "huishouden_id": self.huishouden_id, "persoon_id": self.persoon_id}

    @property
    def is_concept(self):
        return self.status == self.Status.CONCEPT

    def score_van(self, domein):
        i = domein.volgorde - 1
        return self.scores[i] if i < len(self.scores) else None


class DoelDomein(models.Model):
    """A plan goal works on these ZRM domains."""

    doel = models.ForeignKey(Doel, on_delete=models.CASCADE, related_name="zrm_domeinen")
    domein = models.ForeignKey(Domein, on_delete=models.PROTECT, related_name="doelen")

    class Meta:
        verbose_name = _("ZRM-domein van een doel")
        verbose_name_plural = _("ZRM-domeinen van doelen")
        constraints = [models.UniqueConstraint(fields=["doel", "domein"], name="zrm_doel_domein_uniek")]

    def audit_context(self):
        return {"huishouden_id": self.doel.plan.traject.huishouden_id}
