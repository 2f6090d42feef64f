"""Toegang: maatwerk.

Catalogue (productcategorieën Wmo/iJw, eenheden, frequenties, producten, aanbieders), the mandate register
(who decides which category), the aanvraag with its decision and beschikking, the toewijzing (iWmo 301)
and the budget lines with reallocations. Status changes only through ``toegang.maatwerk.services``.
"""

from datetime import timedelta

from django.conf import settings
from django.core.validators import FileExtensionValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common import opmaak
from common.termijnen import termijnstatus
from huishoudens.models import Doel, Huishouden, Persoon, Traject
from wijkteams.models import Discipline, Gebied, Gemeente, Team, TeamType
from wijkteams.validators import valideer_agb_code

__all__ = [
    "Aanbieder",
    "Aanvraag",
    "AanvraagAuteur",
    "AanvraagStatusWijziging",
    "BudgetHerschikking",
    "BudgetRegel",
    "Eenheid",
    "Frequentie",
    "Mandaat",
    "Product",
    "ProductCategorie",
    "Toewijzing",
    "Wet",
    "WETTEN_MET_BERICHTEN",
    "BESLISTERMIJN_DAGEN",
    "beslistermijn",
    "beslistermijn_sql",
    "termijn_status",
]

# Wmo 2015 art. 4.1.3 (and the Jeugdwet practice): the beschikking within 2 weeks after the aanvraag.
BESLISTERMIJN_DAGEN = 14


def beslistermijn(aanvraagdatum, opgeschorte_dagen=0):
    """The date by which the decision must be taken: two weeks after the aanvraag, plus the days the term was
    paused while the request was sent back for more information."""
    return aanvraagdatum + timedelta(days=BESLISTERMIJN_DAGEN + (opgeschorte_dagen or 0))


def beslistermijn_sql():
    """``beslistermijn`` as a database expression over Aanvraag rows (for filters, counts and sorting)."""
    return models.ExpressionWrapper(
        models.F("aanvraagdatum") + models.Value(BESLISTERMIJN_DAGEN) + models.F("termijn_opgeschorte_dagen"),
        output_field=models.DateField())


def termijn_status(aanvraagdatum, *, vandaag=None, besloten=False, opgeschorte_dagen=0, gepauzeerd=False):
    """'besloten', 'gepauzeerd' (sent back: the term waits for the resubmission), or the deadline state of the
    decision term in the shared vocabulary (common.termijnen): 'te_laat', 'binnen_week' or 'op_tijd'."""
    if besloten:
        return "besloten"
    if gepauzeerd:
        return "gepauzeerd"
    return termijnstatus(beslistermijn(aanvraagdatum, opgeschorte_dagen), vandaag)


class Wet(models.TextChoices):
    WMO = "wmo", _("Wmo 2015")
    JEUGDWET = "jeugdwet", _("Jeugdwet")
    # No iStandaard: Participatiewet requests (inkomensondersteuning, schuldhulpverlening) are decided per the
    # mandate register and get a toewijzing, but no WMO301/JW301 message.
    PARTICIPATIEWET = "participatiewet", _("Participatiewet")


# The laws whose toewijzingen travel as iStandaarden messages (iWmo / iJw).
WETTEN_MET_BERICHTEN = (Wet.WMO, Wet.JEUGDWET)


class ProductCategorie(models.Model):
    """National iWmo / iJw product categories (kept as data, loaded by a data migration)."""

    wet = models.CharField(_("wet"), max_length=20, choices=Wet.choices)
    code = models.CharField(_("code"), max_length=2, validators=[RegexValidator(r"^\d{2}$")])
    naam = models.CharField(_("naam"), max_length=150)

    class Meta:
        verbose_name = _("productcategorie")
        verbose_name_plural = _("productcategorieën")
        ordering = ["wet", "code"]
        constraints = [models.UniqueConstraint(fields=["wet", "code"], name="productcategorie_uniek")]

    def __str__(self):
        return f"{self.code} {self.naam}"


class Eenheid(models.Model):
    """iWmo units: 01 minuut, 04 uur, 14 etmaal, 16 dagdeel, 82 stuks (inspanning), 83 euro, 84 stuks (output)."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    naam = models.CharField(_("naam"), max_length=60)

    class Meta:
        verbose_name = _("eenheid")
        verbose_name_plural = _("eenheden")
        ordering = ["code"]

    def __str__(self):
        return self.naam


class Frequentie(models.Model):
    """iWmo frequencies: 1 per dag, 2 per week, 4 per maand, 6 totaal binnen geldigheid.

    ``dagen`` is the length of one period in days (empty for 'totaal binnen geldigheid'); commitments use it.
    """

    code = models.CharField(_("code"), max_length=1, unique=True)
    naam = models.CharField(_("naam"), max_length=60)
    dagen = models.DecimalField(_("dagen per periode"), max_digits=8, decimal_places=4, null=True, blank=True)

    class Meta:
        verbose_name = _("frequentie")
        verbose_name_plural = _("frequenties")
        ordering = ["code"]

    def __str__(self):
        return self.naam


class Product(models.Model):
    """A product the gemeente buys, within a national category; the code is at most 5 characters."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    categorie = models.ForeignKey(ProductCategorie, on_delete=models.PROTECT, related_name="producten")
    code = models.CharField(_("productcode"), max_length=5, validators=[RegexValidator(r"^[0-9A-Za-z]{1,5}$")])
    naam = models.CharField(_("naam"), max_length=150)
    eenheid = models.ForeignKey(Eenheid, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    tarief = models.DecimalField(_("tarief per eenheid (€)"), max_digits=10, decimal_places=2, default=0,
                                 validators=[MinValueValidator(0)])
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("producten")
        ordering = ["categorie__wet", "categorie__code", "code"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "code"], name="product_code_uniek"),
            models.CheckConstraint(condition=Q(tarief__gte=0), name="product_tarief_niet_negatief"),
        ]

    def __str__(self):
        return f"{self.naam} ({self.code})"

    @property
    def wet(self):
        return self.categorie.wet


class Aanbieder(models.Model):
    """A contracted provider, identified by its 8-digit AGB code."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    naam = models.CharField(_("naam"), max_length=150)
    agb_code = models.CharField(_("AGB-code"), max_length=8, validators=[valideer_agb_code])
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("aanbieder")
        verbose_name_plural = _("aanbieders")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "agb_code"], name="aanbieder_agb_uniek"),
            models.CheckConstraint(condition=Q(agb_code__regex=r"^[0-9]{8}$"), name="aanbieder_agb_8_cijfers"),
        ]

    def __str__(self):
        return f"{self.naam} (AGB {self.agb_code})"


class Mandaat(models.Model):
    """Mandate register: per gemeente, law (and optionally category and team type) who decides.

    The most specific row wins (category before 'all categories', team type before 'all teams');
    without a row the coördinator of the household's gebied decides.
    """

    class Beslisser(models.TextChoices):
        COORDINATOR = "coordinator", _("Coördinator van het gebied")
        DISCIPLINE = "discipline", _("Discipline in het team")
        EXTERN = "extern", _("Externe instantie (besluit wordt vastgelegd)")

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    wet = models.CharField(_("wet"), max_length=20, choices=Wet.choices)
    categorie = models.ForeignKey(ProductCategorie, on_delete=models.CASCADE, null=True, blank=True,
                                  related_name="+", help_text=_("Leeg: alle categorieën van deze wet."))
    teamtype = models.ForeignKey(TeamType, on_delete=models.CASCADE, null=True, blank=True, related_name="+",
                                 help_text=_("Leeg: alle teams."))
    beslisser = models.CharField(_("wie beslist"), max_length=20, choices=Beslisser.choices)
    discipline = models.ForeignKey(Discipline, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    externe_instantie = models.CharField(_("externe instantie"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("mandaat")
        verbose_name_plural = _("mandaatregister")
        ordering = ["gemeente", "wet"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "wet", "categorie", "teamtype"], nulls_distinct=False,
                                    name="mandaat_uniek"),
            models.CheckConstraint(
                condition=(Q(beslisser="discipline", discipline__isnull=False) | ~Q(beslisser="discipline")),
                name="mandaat_discipline_nodig"),
            models.CheckConstraint(
                condition=(Q(beslisser="extern") & ~Q(externe_instantie="")) | ~Q(beslisser="extern"),
                name="mandaat_instantie_nodig"),
        ]

    def __str__(self):
        return f"{self.get_wet_display()} {self.categorie or ''}: {self.beslisser_omschrijving}"

    @property
    def beslisser_omschrijving(self):
        if self.beslisser == self.Beslisser.DISCIPLINE:
            return str(self.discipline)
        if self.beslisser == self.Beslisser.EXTERN:
            return self.externe_instantie
        return str(self.Beslisser.COORDINATOR.label)


class Aanvraag(models.Model):
    """A request for a maatwerkvoorziening, linked to a plan goal. The aanvraagdatum starts the 2-week term."""

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("Ingediend")
        TERUGGESTUURD = "teruggestuurd", _("Teruggestuurd voor meer informatie")
        TOEGEKEND = "toegekend", _("Toegekend")
        AFGEWEZEN = "afgewezen", _("Afgewezen")
        INGETROKKEN = "ingetrokken", _("Ingetrokken")

    OPEN = (Status.INGEDIEND, Status.TERUGGESTUURD)

    doel = models.ForeignKey(Doel, on_delete=models.PROTECT, related_name="aanvragen", verbose_name=_("doel"))
    # Denormalised from the doel for fast, safe filtering: set by the service, never by a form.
    traject = models.ForeignKey(Traject, on_delete=models.PROTECT, related_name="aanvragen")
    huishouden = models.ForeignKey(Huishouden, on_delete=models.PROTECT, related_name="aanvragen")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="aanvragen", verbose_name=_("cliënt"))
    aangevraagd_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aanvraagdatum = models.DateField(_("datum aanvraag"), default=timezone.localdate)

    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="aanvragen", verbose_name=_("product"))
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="aanvragen",
                                  verbose_name=_("aanbieder"))
    volume = models.PositiveIntegerField(_("volume"), null=True, blank=True)
    eenheid = models.ForeignKey(Eenheid, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("eenheid"))
    frequentie = models.ForeignKey(Frequentie, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                   verbose_name=_("frequentie"))
    budget = models.DecimalField(_("budget (€)"), max_digits=10, decimal_places=2, null=True, blank=True)
    start = models.DateField(_("startdatum"))
    eind = models.DateField(_("einddatum"))
    motivering = models.TextField(_("waarom lichtere ondersteuning niet volstaat"))

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.INGEDIEND)
    # Who decides, taken from the mandate register when the request is made.
    beslisser = models.CharField(_("wie beslist"), max_length=20, choices=Mandaat.Beslisser.choices,
                                 default=Mandaat.Beslisser.COORDINATOR)
    beslis_discipline = models.ForeignKey(Discipline, on_delete=models.PROTECT, null=True, blank=True,
                                          related_name="+")
    externe_instantie = models.CharField(_("externe instantie"), max_length=150, blank=True)
    besloten_door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+")
    besloten_op = models.DateTimeField(_("besloten op"), null=True, blank=True)
    besluitreden = models.TextField(_("reden van het besluit"), blank=True)
    extern_kenmerk = models.CharField(_("kenmerk besluit externe instantie"), max_length=100, blank=True)
    extern_besluitdatum = models.DateField(_("datum besluit externe instantie"), null=True, blank=True)
    # The external body's own letter (PDF); the gemeente makes no beschikking of its own for such a request.
    extern_besluitbrief = models.FileField(_("besluitbrief externe instantie (PDF)"), blank=True,
                                           upload_to="externe_besluiten/%Y/%m/",
                                           validators=[FileExtensionValidator(["pdf"])])
    beschikking = models.FileField(_("beschikking (PDF)"), upload_to="beschikkingen/%Y/%m/", blank=True)
    beschikking_gemaakt_op = models.DateTimeField(null=True, blank=True)
    # The decision term pauses while the request is sent back (``teruggestuurd``) and resumes with the days it had
    # left on resubmission: ``termijn_gepauzeerd_op`` is the day it was sent back (empty while the term runs), and
    # ``termijn_opgeschorte_dagen`` the days of all earlier pauses, added to the two weeks.
    termijn_gepauzeerd_op = models.DateField(_("beslistermijn gepauzeerd sinds"), null=True, blank=True)
    termijn_opgeschorte_dagen = models.PositiveIntegerField(_("dagen beslistermijn opgeschort"), default=0,
                                                            db_default=0)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("maatwerkaanvraag")
        verbose_name_plural = _("maatwerkaanvragen")
        ordering = ["aanvraagdatum", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(volume__isnull=False, eenheid__isnull=False, frequentie__isnull=False, budget__isnull=True)
                           | Q(volume__isnull=True, eenheid__isnull=True, frequentie__isnull=True,
                               budget__isnull=False)),
                name="aanvraag_volume_of_budget"),
            models.CheckConstraint(condition=Q(eind__gte=models.F("start")), name="aanvraag_eind_na_start"),
            models.CheckConstraint(condition=Q(budget__isnull=True) | Q(budget__gt=0), name="aanvraag_budget_positief"),
            models.CheckConstraint(condition=Q(volume__isnull=True) | Q(volume__gt=0), name="aanvraag_volume_positief"),
            models.CheckConstraint(
                condition=(~Q(status__in=["toegekend", "afgewezen"])
                           | (Q(besloten_door__isnull=False) & ~Q(besluitreden=""))),
                name="aanvraag_besluit_met_reden"),
            models.CheckConstraint(condition=~Q(besloten_door=models.F("aangevraagd_door")),
                                   name="aanvraag_vier_ogen"),
            # An external body's decision is recorded as theirs (reference and date), never as a gemeente letter.
            models.CheckConstraint(
                condition=(~Q(beslisser="extern") | ~Q(status__in=["toegekend", "afgewezen"])
                           | (~Q(extern_kenmerk="") & Q(extern_besluitdatum__isnull=False))),
                name="aanvraag_extern_besluit_vastgelegd"),
            models.CheckConstraint(condition=~Q(beslisser="extern") | Q(beschikking=""),
                                   name="aanvraag_extern_geen_beschikking"),
            # the term is paused only while the request is with the requester
            models.CheckConstraint(condition=Q(status="teruggestuurd") | Q(termijn_gepauzeerd_op__isnull=True),
                                   name="aanvraag_termijn_gepauzeerd_als_teruggestuurd"),
        ]
        indexes = [
            models.Index(fields=["gebied", "status", "aanvraagdatum"], name="aanvraag_gebied_status_idx"),
            models.Index(fields=["team", "status"], name="aanvraag_team_status_idx"),
        ]

    def __str__(self):
        return f"Aanvraag {self.pk}: {self.product.naam}"

    def get_absolute_url(self):
        return reverse("toegang:aanvraag", args=[self.pk])

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id, "huishouden_id": self.huishouden_id, "persoon_id": self.client_id}

    @property
    def is_open(self):
        return self.status in self.OPEN

    @property
    def is_gepauzeerd(self):
        """Sent back: the term waits for the resubmission."""
        return self.status == self.Status.TERUGGESTUURD

    @property
    def _gepauzeerd_sinds(self):
        return self.termijn_gepauzeerd_op or timezone.localdate()  # a row sent back without a date: from today

    @property
    def deadline(self):
        """The last day for the decision; while the term is paused: the last day if it were resubmitted today."""
        extra = (timezone.localdate() - self._gepauzeerd_sinds).days if self.is_gepauzeerd else 0
        return beslistermijn(self.aanvraagdatum, self.termijn_opgeschorte_dagen + extra)

    @property
    def resterende_dagen(self):
        """Days left of the term when it was paused (negative: it had already passed)."""
        if not self.is_gepauzeerd:
            return None
        return (beslistermijn(self.aanvraagdatum, self.termijn_opgeschorte_dagen) - self._gepauzeerd_sinds).days

    @property
    def termijn(self):
        return termijn_status(self.aanvraagdatum, besloten=not self.is_open,
                              opgeschorte_dagen=self.termijn_opgeschorte_dagen, gepauzeerd=self.is_gepauzeerd)

    @property
    def omvang(self):
        if self.budget is not None:
            return opmaak.bedrag(self.budget)
        return f"{self.volume} {self.eenheid} {self.frequentie}"

    @property
    def beslisser_omschrijving(self):
        if self.beslisser == Mandaat.Beslisser.DISCIPLINE and self.beslis_discipline_id:
            return str(self.beslis_discipline)
        if self.beslisser == Mandaat.Beslisser.EXTERN:
            return self.externe_instantie
        return str(Mandaat.Beslisser.COORDINATOR.label)


class AanvraagAuteur(models.Model):
    """Everyone who wrote a request: requested it, resubmitted it or changed its content. None of them decides.

    The requester's row is written by a database trigger on insert; the database also refuses a decision
    (``besloten_door`` or a deciding status change) by anyone listed here (migration 0007).
    """

    class Rol(models.TextChoices):
        AANVRAGER = "aanvrager", _("Aanvrager")
        OPNIEUW_INGEDIEND = "opnieuw_ingediend", _("Aangevuld en opnieuw ingediend")
        GEWIJZIGD = "gewijzigd", _("Inhoud gewijzigd")

    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="auteurs")
    auteur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    rol = models.CharField(_("rol"), max_length=20, choices=Rol.choices)
    op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("auteur van een aanvraag")
        verbose_name_plural = _("auteurs van aanvragen")
        ordering = ["op", "id"]
        constraints = [models.UniqueConstraint(fields=["aanvraag", "auteur", "rol"], name="aanvraagauteur_uniek")]


class AanvraagStatusWijziging(models.Model):
    aanvraag = models.ForeignKey(Aanvraag, on_delete=models.CASCADE, related_name="statuswijzigingen")
    van = models.CharField(max_length=20, choices=Aanvraag.Status.choices, blank=True)
    naar = models.CharField(max_length=20, choices=Aanvraag.Status.choices)
    op = models.DateTimeField(auto_now_add=True)
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    reden = models.TextField(blank=True)

    class Meta:
        ordering = ["op", "id"]


class Toewijzing(models.Model):
    """The toewijzing to the provider after approval, with the fields of the iWmo/iJw 301 message.

    Start (305) and stop (307) of the care are recorded on it.
    """

    aanvraag = models.OneToOneField(Aanvraag, on_delete=models.PROTECT, related_name="toewijzing")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="+")
    gebied = models.ForeignKey(Gebied, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    toewijzingnummer = models.CharField(_("toewijzingnummer"), max_length=8)
    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="toewijzingen")
    client = models.ForeignKey(Persoon, on_delete=models.PROTECT, related_name="toewijzingen")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="toewijzingen")
    categorie = models.ForeignKey(ProductCategorie, on_delete=models.PROTECT, related_name="toewijzingen")
    start = models.DateField(_("ingangsdatum"))
    eind = models.DateField(_("einddatum"))
    volume = models.PositiveIntegerField(_("volume"), null=True, blank=True)
    eenheid = models.ForeignKey(Eenheid, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    frequentie = models.ForeignKey(Frequentie, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    budget = models.DecimalField(_("budget (€)"), max_digits=10, decimal_places=2, null=True, blank=True)
    tarief = models.DecimalField(_("tarief per eenheid (€)"), max_digits=10, decimal_places=2, default=0)
    zorg_gestart_op = models.DateField(_("zorg gestart op (305)"), null=True, blank=True)
    zorg_gestopt_op = models.DateField(_("zorg gestopt op (307)"), null=True, blank=True)
    reden_einde = models.CharField(_("reden einde zorg"), max_length=200, blank=True)
    reden_beeindiging = models.CharField(_("reden beëindiging (307, WMO588)"), max_length=2, blank=True)
    # Toewijzingsdatum and -tijd of the 301: when the gemeente last fixed this toewijzing (made, changed or ended).
    vastgesteld_op = models.DateTimeField(_("toewijzing vastgesteld op"), default=timezone.now)
    reden_wijziging = models.CharField(_("reden wijziging (WMO002)"), max_length=2, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("toewijzing")
        verbose_name_plural = _("toewijzingen")
        ordering = ["-start", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "toewijzingnummer"], name="toewijzingnummer_uniek"),
            models.CheckConstraint(condition=Q(eind__gte=models.F("start")), name="toewijzing_eind_na_start"),
            models.CheckConstraint(
                condition=(Q(volume__isnull=False, eenheid__isnull=False, frequentie__isnull=False, budget__isnull=True)
                           | Q(volume__isnull=True, budget__isnull=False)),
                name="toewijzing_volume_of_budget"),
            models.CheckConstraint(
                condition=Q(zorg_gestopt_op__isnull=True) | Q(zorg_gestart_op__isnull=False),
                name="toewijzing_stop_na_start"),
            models.CheckConstraint(condition=Q(reden_wijziging__regex=r"^([0-9]{2})?$"),
                                   name="toewijzing_reden_wijziging_code"),
            models.CheckConstraint(condition=Q(reden_beeindiging__regex=r"^([0-9]{2})?$"),
                                   name="toewijzing_reden_beeindiging_code"),
        ]
        indexes = [models.Index(fields=["gebied", "categorie", "start", "eind"], name="toewijzing_budget_idx"),
                   models.Index(fields=["aanbieder", "vastgesteld_op"], name="toewijzing_bericht_idx")]

    def __str__(self):
        return f"Toewijzing {self.toewijzingnummer}"

    def audit_context(self):
        return {"gemeente_id": self.gemeente_id, "huishouden_id": self.client.huishouden_id,
                "persoon_id": self.client_id}


class BudgetRegel(models.Model):
    """The budget per gemeente, gebied (empty: the whole gemeente), year and product category."""

    gemeente = models.ForeignKey(Gemeente, on_delete=models.CASCADE, related_name="+")
    gebied = models.ForeignKey(Gebied, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    categorie = models.ForeignKey(ProductCategorie, on_delete=models.PROTECT, related_name="+")
    bedrag = models.DecimalField(_("begroot bedrag (€)"), max_digits=12, decimal_places=2,
                                 validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = _("budgetregel")
        verbose_name_plural = _("budgetregels")
        ordering = ["jaar", "gebied__naam", "categorie__wet", "categorie__code"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "gebied", "jaar", "categorie"], nulls_distinct=False,
                                    name="budgetregel_uniek"),
            models.CheckConstraint(condition=Q(bedrag__gte=0), name="budgetregel_niet_negatief"),
        ]

    def __str__(self):
        return f"{self.jaar} {self.gebied or self.gemeente} {self.categorie}"


class BudgetHerschikking(models.Model):
    """A reallocation between two budget lines of the same gemeente and year."""

    van = models.ForeignKey(BudgetRegel, on_delete=models.PROTECT, related_name="herschikkingen_uit")
    naar = models.ForeignKey(BudgetRegel, on_delete=models.PROTECT, related_name="herschikkingen_in")
    bedrag = models.DecimalField(_("bedrag (€)"), max_digits=12, decimal_places=2)
    reden = models.TextField(_("reden"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("herschikking")
        verbose_name_plural = _("herschikkingen")
        ordering = ["op"]
        constraints = [
            models.CheckConstraint(condition=Q(bedrag__gt=0), name="herschikking_positief"),
            models.CheckConstraint(condition=~Q(van=models.F("naar")), name="herschikking_twee_regels"),
        ]
