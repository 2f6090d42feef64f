"""Monitoring: the indicator catalogue (data), monitor runs with one value per gebied × indicator,
imported figures per wijk, the stored PDF monitors, and the actions recorded beside a number.

Only aggregates live here: no row refers to a household or a person.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wijkteams.models import Gebied, Gemeente, Wijk


class Indicator(models.Model):
    """One indicator of the catalogue. Kept as data (loaded by a data migration, maintained in beheer)."""

    class Eenheid(models.TextChoices):
        AANTAL = "aantal", _("aantal")
        PERCENTAGE = "percentage", _("percentage")
        DAGEN = "dagen", _("dagen")
        PER_1000 = "per_1000", _("per 1.000 inwoners")
        SCORE = "score", _("score")
        EURO = "euro", _("euro")

    class Wet(models.TextChoices):
        WMO = "wmo", _("Wmo 2015")
        JEUGD = "jeugd", _("Jeugdwet")
        PARTICIPATIE = "participatie", _("Participatiewet")
        SOCIAAL_DOMEIN = "sociaal_domein", _("Sociaal domein (alle wetten)")

    class Status(models.TextChoices):
        STARTSET = "startset", _("Startset (wordt gemeten)")
        ONTWIKKELAGENDA = "ontwikkelagenda", _("Ontwikkelagenda (nog niet gemeten)")

    class Bron(models.TextChoices):
        BEREKEND = "berekend", _("Berekend uit de registratie van de wijkteams")
        IMPORT = "import", _("Geïmporteerd per wijk per periode (onderzoek, bewonerspanel)")
        ENQUETE = "enquete", _("Enquête (cliëntervaringsonderzoek)")

    class Thema(models.TextChoices):
        BEREIK = "bereik", _("Bereik: ondersteunde huishoudens en personen")
        TOEGANG = "toegang", _("Toegang: meldingen en doorlooptijden")
        ONDERSTEUNING = "ondersteuning", _("Soort ondersteuning (ladder)")
        ZELFREDZAAMHEID = "zelfredzaamheid", _("Zelfredzaamheid (ZRM)")
        MAATWERK = "maatwerk", _("Maatwerk en budget")
        OPSCHALING = "opschaling", _("Opschaling")
        AFSLUITING = "afsluiting", _("Afsluiting en heropening")
        CLIENTERVARING = "clientervaring", _("Cliëntervaring en klachten")
        EIGEN_KRACHT = "eigen_kracht", _("Eigen kracht, mantelzorg en vrijwilligers")
        BEVOLKING = "bevolking", _("Bevolking (onderzoek per wijk)")
        PARTICIPATIE = "participatie", _("Participatie: uitstroom naar werk en opleiding")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    naam = models.CharField(_("naam"), max_length=200)
    omschrijving = models.TextField(_("omschrijving en definitie"))
    eenheid = models.CharField(_("eenheid"), max_length=20, choices=Eenheid.choices)
    hoger_is_beter = models.BooleanField(
        _("hoger is beter"), null=True, blank=True,
        help_text=_("Leeg: een hoger of lager getal is op zichzelf niet beter of slechter."),
    )
    wet = models.CharField(_("wet"), max_length=20, choices=Wet.choices, default=Wet.SOCIAAL_DOMEIN)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.STARTSET)
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices, default=Bron.BEREKEND)
    functie = models.CharField(
        _("rekenfunctie"), max_length=60, blank=True,
        help_text=_("De geregistreerde functie die dit getal berekent (monitoring.indicatoren)."),
    )
    thema = models.CharField(_("thema"), max_length=30, choices=Thema.choices)
    is_clientcijfer = models.BooleanField(
        _("cliëntcijfer"), default=False,
        help_text=_("Berekend over cliënten van de wijkteams: nooit een aandeel van de bevolking."),
    )
    kern = models.BooleanField(_("kernindicator (samenvatting)"), default=False)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    categorieen = models.JSONField(
        _("uitsplitsing"), default=dict, blank=True,
        help_text=_("Code → naam van de categorieën waarin het getal is uitgesplitst (bijv. afsluitreden)."),
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicatoren")
        ordering = ["thema", "volgorde", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="startset", bron="berekend", functie=""),
                name="indicator_berekend_heeft_functie",
                violation_error_message=_("Een berekende indicator in de startset heeft een rekenfunctie."),
            ),
        ]

    def __str__(self):
        return self.naam


class MonitorRun(models.Model):
    """One computation of all indicators over a period for a gemeente (per gebied and in total)."""

    class Soort(models.TextChoices):
        KWARTAAL = "kwartaal", _("Kwartaal")
        HALFJAAR = "halfjaar", _("Halfjaar")
        JAAR = "jaar", _("Jaar")
        ANDERS = "anders", _("Vrije periode")

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("Wacht op verwerking")
        BEZIG = "bezig", _("Wordt berekend")
        KLAAR = "klaar", _("Klaar")
        MISLUKT = "mislukt", _("Mislukt")

    class Via(models.TextChoices):
        HANDMATIG = "handmatig", _("Handmatig gestart")
        PLANNING = "planning", _("Kwartaalplanning (Celery beat)")
        DEMO = "demo", _("Demodata")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="monitor_runs")
    soort = models.CharField(_("soort periode"), max_length=20, choices=Soort.choices)
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    label = models.CharField(_("periode"), max_length=40)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WACHTEND)
    voortgang = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    gestart_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="+")
    gestart_via = models.CharField(_("gestart via"), max_length=20, choices=Via.choices, default=Via.HANDMATIG)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    gestart_op = models.DateTimeField(_("gestart op"), null=True, blank=True)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    duur_ms = models.PositiveIntegerField(_("rekentijd (ms)"), null=True, blank=True)
    fout = models.TextField(_("foutmelding"), blank=True)

    class Meta:
        verbose_name = _("monitorrun")
        verbose_name_plural = _("monitorruns")
        ordering = ["-van", "-aangemaakt_op"]
        constraints = [
            # Rerunning a period replaces the earlier run in the same transaction: one finished run per period.
            models.UniqueConstraint(fields=["gemeente", "van", "tot"], condition=Q(status="klaar"),
                                    name="een_klare_run_per_periode"),
            models.CheckConstraint(condition=Q(tot__gte=models.F("van")), name="run_periode_geldig"),
            models.CheckConstraint(condition=Q(voortgang__lte=100), name="run_voortgang_max_100"),
        ]
        indexes = [models.Index(fields=["gemeente", "status", "soort", "van"], name="run_gemeente_status_idx")]

    def __str__(self):
        return f"{self.label} ({self.gemeente})"

    def get_absolute_url(self):
        return reverse("monitoring:run", args=[self.pk])

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id}


class IndicatorWaarde(models.Model):
    """One number of a run: an indicator for a gebied (empty = the whole gemeente), optionally a wijk or a
    category of its breakdown. Stores the raw counts; suppression is applied when it is shown."""

    run = models.ForeignKey(MonitorRun, on_delete=models.CASCADE, related_name="waarden")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="waarden")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    categorie = models.CharField(_("categorie"), max_length=60, blank=True)
    teller = models.BigIntegerField(_("teller"), null=True, blank=True)
    noemer = models.BigIntegerField(_("noemer"), null=True, blank=True)
    waarde = models.DecimalField(_("waarde"), max_digits=16, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = _("indicatorwaarde")
        verbose_name_plural = _("indicatorwaarden")
        constraints = [
            models.UniqueConstraint(fields=["run", "indicator", "gebied", "wijk", "categorie"],
                                    nulls_distinct=False, name="waarde_uniek_per_run"),
        ]


class ImportWaarde(models.Model):
    """A figure per wijk per period from research or a survey (CSV upload), used by import indicators."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="importwaarden")
    wijk = models.ForeignKey(Wijk, on_delete=models.PROTECT, related_name="+")
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    teller = models.PositiveIntegerField(_("teller"))
    noemer = models.PositiveIntegerField(_("noemer"))
    bron = models.CharField(_("bron"), max_length=200)
    geimporteerd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    geimporteerd_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("geïmporteerd cijfer")
        verbose_name_plural = _("geïmporteerde cijfers")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "wijk", "van", "tot"], name="importwaarde_uniek"),
            models.CheckConstraint(condition=Q(teller__lte=models.F("noemer")), name="import_teller_max_noemer"),
            models.CheckConstraint(condition=Q(tot__gte=models.F("van")), name="import_periode_geldig"),
        ]

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id}


class MonitorBestand(models.Model):
    """A stored PDF monitor of a run, per gebied or for the whole gemeente (gebied empty)."""

    run = models.ForeignKey(MonitorRun, on_delete=models.CASCADE, related_name="bestanden")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    bestand = models.FileField(upload_to="monitor/%Y/")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("monitor (PDF)")
        verbose_name_plural = _("monitors (PDF)")
        constraints = [models.UniqueConstraint(fields=["run", "gebied"], nulls_distinct=False,
                                               name="een_pdf_per_run_en_gebied")]


class MonitorActie(models.Model):
    """What whoever steers on a number did about it: shown beside the number and in the next monitor."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="acties")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    periode_van = models.DateField(_("periode van"))
    periode_tot = models.DateField(_("periode tot en met"))
    periode_label = models.CharField(_("periode"), max_length=40)
    tekst = models.TextField(_("ondernomen actie"), max_length=2000)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    op = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)

    class Meta:
        verbose_name = _("actie op een indicator")
        verbose_name_plural = _("acties op indicatoren")
        ordering = ["-op"]
        indexes = [models.Index(fields=["gemeente", "periode_van", "periode_tot"], name="actie_periode_idx")]

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id}
